import { data, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import { formatDateVi } from "@thads/domain/labels";
import type { Route } from "./+types/public-pages";
import { PageHeader, Section } from "../../components/ui.tsx";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { deskMessages } from "./messages.ts";
import { AnnouncementSchema, PublicPageSchema } from "@thads/core/requests/schema";
import { addAnnouncement, deleteAnnouncement, provincePage, savePage } from "@thads/core/requests";
import { requireProvince } from "../public/loaders.server.ts";
import { anon } from "../public/public.server.ts";
import { PAGE_EDITOR_ROLES } from "../public/roles.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { formFields } from "../../utils/form-nest.ts";

async function editor(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const province = await requireProvince(slug);
  if (!user.memberships.some((m) => (PAGE_EDITOR_ROLES as readonly string[]).includes(m.role) && m.provinceId === province.id)) forbidden();
  return { user, province };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { province } = await editor(request, params.slug);
  return { province, ...(await anon((tx) => provincePage(tx, province.id))) };
}

type ActionData = { fieldErrors?: Record<string, string>; saved?: boolean };

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const { user, province } = await editor(request, params.slug);
  const form = await readForm(request, lang);
  const values = { ...formFields(form, []) };
  const errors = (error: Parameters<typeof fieldErrorsOf>[0]) => data<ActionData>({ fieldErrors: fieldErrorsOf(error) }, { status: 400 });
  switch (values.intent) {
    case "page": {
      const parsed = PublicPageSchema.safeParse(values);
      if (!parsed.success) return errors(parsed.error);
      await asUser(user, (tx) => savePage(tx, province.id, user.id, parsed.data));
      break;
    }
    case "announce": {
      const parsed = AnnouncementSchema.safeParse(values);
      if (!parsed.success) return errors(parsed.error);
      await asUser(user, (tx) => addAnnouncement(tx, province.id, user.id, parsed.data.title, parsed.data.body));
      break;
    }
    case "remove":
      await asUser(user, (tx) => deleteAnnouncement(tx, String(values.id ?? "")));
      break;
    default:
      return data<ActionData>({ fieldErrors: { intent: "Thao tác không hợp lệ." } }, { status: 400 });
  }
  return redirect(`/province/${province.slug}/public?saved=1`);
}

export default function EditPublicPage() {
  const { province, content, announcements } = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const m = useMessages(deskMessages);
  const fe = a?.fieldErrors ?? {};
  const area = (name: keyof typeof content, label: string, max: number, rows = 4) => (
    <Field name={name} label={label} error={fe[name]} className="text-sm">
      <textarea
        {...fieldProps(name, fe[name])}
        rows={rows}
        maxLength={max}
        defaultValue={content[name]}
        className="w-full rounded border border-slate-300 px-2 py-1"
      />
    </Field>
  );
  return (
    <>
      <PageHeader title={m("page.title")} subtitle={province.name} />
      <p className="mb-4">
        <Link to={`/p/${province.slug}`} className="text-brand-700 underline">
          {m("page.view")}
        </Link>
      </p>
      <AppForm className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="intent" value="page" />
        {area("intro", m("page.intro"), 5000, 6)}
        {area("deskHours", m("page.deskHours"), 500, 2)}
        {area("contacts", m("page.contacts"), 2000)}
        {area("proceduresNote", m("page.proceduresNote"), 3000)}
        <button type="submit" disabled={nav.state === "submitting"} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {m("page.save")}
        </button>
      </AppForm>
      <Section title={m("page.announcements")}>
        <AppForm className="mb-4 space-y-2 rounded-lg border border-slate-200 bg-white p-4" noValidate>
          <input type="hidden" name="intent" value="announce" />
          <Field name="title" label={m("page.announcementTitle")} error={fe.title} className="text-sm">
            <input {...fieldProps("title", fe.title)} maxLength={300} className="w-full rounded border border-slate-300 px-2 py-1" />
          </Field>
          <Field name="body" label={m("page.announcementBody")} className="text-sm">
            <textarea {...fieldProps("body")} rows={3} maxLength={10000} className="w-full rounded border border-slate-300 px-2 py-1" />
          </Field>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">
            {m("page.publish")}
          </button>
        </AppForm>
        <ul className="space-y-2">
          {announcements.map((n) => (
            <li key={n.id} className="flex items-start justify-between gap-2 rounded border border-slate-200 bg-white p-3 text-sm">
              <div>
                <p className="text-xs text-slate-500">{formatDateVi(n.published_on)}</p>
                <p className="font-semibold">{n.title}</p>
              </div>
              <AppForm>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="text-red-700 underline">
                  {m("page.remove")}
                </button>
              </AppForm>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
