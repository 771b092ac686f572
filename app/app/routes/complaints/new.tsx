import { data, redirect, useActionData } from "react-router";
import { RegisterLetterSchema, complaintWrite, registerLetter, sessionChoices } from "@thads/core/complaints";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { formatCount, formatDateVi, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/new";
import { PageHeader } from "../../components/ui.tsx";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { appSql } from "../../utils/db.server.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { complaintMessages } from "./messages.ts";
import { COMPLAINT_HANDLERS } from "./roles.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const unit = user.memberships.find((x) => COMPLAINT_HANDLERS.includes(x.role) && x.unitId);
  if (!unit) forbidden();
  const today = todayVn();
  // The reception sessions of the last week a letter received at one of them is registered under.
  const sessions = await asUser(user, (tx) => sessionChoices(tx, today));
  return { unitId: unit!.unitId!, unitName: unit!.unitName, today, key: crypto.randomUUID(), sessions };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_HANDLERS)) forbidden();
  const parsed = RegisterLetterSchema.safeParse(formFields(await readForm(request, lang)));
  if (!parsed.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const r = await complaintWrite(appSql(), user.claims, (tx) => registerLetter(tx, { ...parsed.data, userId: user.id }));
  if (!r.ok) {
    return data<ActionData>(r.field ? { fieldErrors: { [r.field]: r.message } } : { formError: r.message }, { status: r.status });
  }
  return redirect(`/complaints/${r.id}`);
}

const INPUT = "w-full rounded border border-slate-300 px-2 py-1";

export default function NewLetter({ loaderData }: Route.ComponentProps) {
  const a = useActionData<ActionData>();
  const m = useMessages(complaintMessages);
  const e = a?.fieldErrors ?? {};
  const text = (name: string, label: string, defaultValue = "") => (
    <Field name={name} label={label} error={e[name]}>
      <input {...fieldProps(name, e[name])} defaultValue={defaultValue} className={INPUT} />
    </Field>
  );
  const [y, mo, d] = loaderData.today.split("-");
  return (
    <>
      <PageHeader title={m("new.title")} subtitle={loaderData.unitName} />
      {a?.formError ? (
        <p role="alert" className="mb-3 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      <AppForm className="grid max-w-3xl gap-3" noValidate>
        <input type="hidden" name="idempotencyKey" value={loaderData.key} />
        <input type="hidden" name="unitId" value={loaderData.unitId} />
        <Field name="channel" label={m("new.channel")} error={e.channel}>
          <select {...fieldProps("channel", e.channel)} className={INPUT} defaultValue="desk">
            <option value="desk">{m("new.channel.desk")}</option>
            <option value="post">{m("new.channel.post")}</option>
            <option value="online">{m("new.channel.online")}</option>
            <option value="forwarded">{m("new.channel.forwarded")}</option>
          </select>
        </Field>
        {text("receivedOn", m("new.receivedOn"), `${d}/${mo}/${y}`)}
        {loaderData.sessions.length > 0 ? (
          <Field name="sessionId" label={m("new.session")} error={e.sessionId}>
            <select {...fieldProps("sessionId", e.sessionId)} className={INPUT} defaultValue="">
              <option value="">{m("new.session.none")}</option>
              {loaderData.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {m("new.session.option", {
                    day: formatDateVi(s.held_on),
                    kind: m(`sessions.kind.${s.kind}`),
                    unit: s.unit_name,
                    citizens: formatCount(s.citizens),
                  })}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {text("forwardedBy", m("new.forwardedBy"))}
        {text("senderName", m("new.senderName"))}
        {text("senderIdNumber", m("new.senderIdNumber"))}
        {text("senderPhone", m("new.senderPhone"))}
        {text("senderAddress", m("new.senderAddress"))}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="keepIdentitySecret" /> {m("new.keepIdentitySecret")}
        </label>
        {text("caseNumbers", m("new.caseNumbers"))}
        {text("summary", m("new.summary"))}
        <Field name="content" label={m("new.content")} error={e.content}>
          <textarea {...fieldProps("content", e.content)} rows={5} className={INPUT} />
        </Field>
        {text("duplicateOfCode", m("new.duplicateOf"))}
        {text("sameMatterCode", m("new.sameMatter"))}
        <button
          type="submit"
          className="justify-self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white"
          data-testid="register-submit"
        >
          {m("letter.save")}
        </button>
      </AppForm>
    </>
  );
}
