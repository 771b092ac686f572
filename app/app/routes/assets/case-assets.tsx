import { data, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import { asUserStep, createAsset, NewAssetSchema } from "@thads/core";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { ASSET_KINDS, ASSET_KIND_LABELS, formatDateVi } from "@thads/domain/labels";
import type { Route } from "./+types/case-assets";
import { AssetTable } from "./asset-ui.tsx";
import { assetsMessages } from "./messages.ts";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { PageHeader, Section } from "../../components/ui.tsx";
import { parseLang, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, notFound, requireUser } from "../../utils/user.server.ts";
import { loadCaseAssets } from "@thads/core/assets";
import { formFields } from "../../utils/form-nest.ts";
import { isUuid } from "@thads/core/input";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const page = await asUser(user, (tx) => loadCaseAssets(tx, params.id));
  if (!page) notFound();
  return { ...page, today: formatDateVi(todayVn()) };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const parsed = NewAssetSchema.safeParse(formFields(form));
  if (!parsed.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error, { depth: "top" }) }, { status: 400 });
  const r = await asUserStep(appSql(), user.claims, (tx) =>
    createAsset(tx, { caseId: params.id, ...parsed.data }, { userId: user.id, roles: user.memberships.map((m) => m.role) }, todayVn()),
  );
  if (!r.ok)
    return data<ActionData>({ formError: r.error[`message_${lang}` as const] }, { status: r.error.code === "forbidden" ? 403 : 422 });
  return redirect(`/assets/${r.assetId}`);
}

const CONTROL = "w-full rounded border border-slate-300 px-2 py-1";

export default function CaseAssets() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const m = useMessages(assetsMessages);
  const fe = a?.fieldErrors ?? {};
  const input = (name: string, label: string, def?: string) => (
    <Field name={name} label={label} error={fe[name]}>
      <input {...fieldProps(name, fe[name])} defaultValue={def} className={CONTROL} />
    </Field>
  );
  return (
    <>
      <p className="text-sm">
        <Link to={`/cases/${d.case.id}`} className="underline">
          {m("case.back")}
        </Link>
      </p>
      <PageHeader title={m("case.title", { case: d.case.case_number })} subtitle={d.case.debtor_name} />
      <AssetTable rows={d.assets} />
      {d.mayAct ? (
        <Section title={m("new.title")}>
          <AppForm className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-3">
            <input type="hidden" name="idempotencyKey" value={d.key} />
            {a?.formError ? (
              <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
                {a.formError}
              </p>
            ) : null}
            <Field name="kind" label={m("new.kind")} error={fe.kind}>
              <select {...fieldProps("kind", fe.kind)} defaultValue="" className={CONTROL}>
                <option value="" disabled>
                  {m("form.choose")}
                </option>
                {ASSET_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ASSET_KIND_LABELS[k][lang]}
                  </option>
                ))}
              </select>
            </Field>
            {input("description", m("new.description"))}
            {input("location", m("new.location"))}
            {input("ownershipDocs", m("new.ownershipDocs"))}
            {input("encumbranceBank", m("new.encumbranceBank"))}
            {input("encumbranceNote", m("new.encumbranceNote"))}
            {input("identifiedOn", m("new.identifiedOn"), d.today)}
            <div className="col-span-full">
              <button
                type="submit"
                disabled={nav.state === "submitting"}
                className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
              >
                {m("new.submit")}
              </button>
            </div>
          </AppForm>
        </Section>
      ) : null}
    </>
  );
}
