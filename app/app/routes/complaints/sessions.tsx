import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { complaintWrite, recordSession, sessionHosts, sessionList } from "@thads/core/complaints";
import { RecordSessionSchema } from "@thads/core/complaints/schema";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { PeriodFormSchema } from "@thads/core/stats/schema";
import { statYearOf, statYearPeriod } from "@thads/domain";
import { SESSION_KINDS, formatCount, formatDateVi, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/sessions";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { complaintMessages } from "./messages.ts";
import { PeriodForm } from "../stats/stats-ui.tsx";
import { COMPLAINT_HANDLERS, COMPLAINT_READERS } from "./roles.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_READERS)) forbidden();
  const url = new URL(request.url);
  const today = todayVn();
  const year = statYearPeriod(statYearOf(today));
  // The statistical year by default (a scheduled session may lie ahead); dd/mm/yyyy as typed.
  const read = PeriodFormSchema.safeParse({ from: url.searchParams.get("from") || year.from, to: url.searchParams.get("to") || year.to });
  const period = read.success ? read.data : year;
  const errors = read.success ? [] : [...new Set(read.error.issues.map((i) => i.message))];
  const unit = user.memberships.find((x) => COMPLAINT_HANDLERS.includes(x.role) && x.unitId);
  const [sessions, hosts] = await asUser(
    user,
    async (tx) => [await sessionList(tx, period), unit?.unitId ? await sessionHosts(tx, unit.unitId) : []] as const,
  );
  return {
    sessions,
    hosts,
    period,
    errors,
    today,
    // Who records: the desk and the heads, for their own unit.
    recorder: unit?.unitId ? { unitId: unit.unitId, unitName: unit.unitName, key: crypto.randomUUID() } : null,
  };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_HANDLERS)) forbidden();
  const parsed = RecordSessionSchema.safeParse(formFields(await readForm(request, lang)));
  if (!parsed.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const r = await complaintWrite(appSql(), user.claims, (tx) => recordSession(tx, { ...parsed.data, userId: user.id }));
  if (!r.ok) {
    return data<ActionData>(r.field ? { fieldErrors: { [r.field]: r.message } } : { formError: r.message }, { status: r.status });
  }
  return redirect("/complaints/sessions?saved=1");
}

const INPUT = "w-full rounded border border-slate-300 px-2 py-1";

export default function Sessions() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const m = useMessages(complaintMessages);
  const [params] = useSearchParams();
  const e = a?.fieldErrors ?? {};
  const total = d.sessions.reduce((t, s) => ({ citizens: t.citizens + s.citizens, letters: t.letters + s.letters }), {
    citizens: 0,
    letters: 0,
  });
  const [y, mo, dd] = d.today.split("-");
  return (
    <>
      <PageHeader
        title={m("sessions.title")}
        subtitle={m("sessions.period", { from: formatDateVi(d.period.from), to: formatDateVi(d.period.to) })}
      />
      {params.get("saved") ? (
        <p role="status" className="mb-3 rounded border border-emerald-200 bg-emerald-50 p-3 text-emerald-900" data-testid="session-saved">
          {m("sessions.saved")}
        </p>
      ) : null}
      <PeriodForm from={d.period.from} to={d.period.to} errors={d.errors} />
      <Section title={m("sessions.title")}>
        {d.sessions.length === 0 ? (
          <p>{m("sessions.empty")}</p>
        ) : (
          <>
            <Table
              head={[
                m("sessions.col.day"),
                m("sessions.col.kind"),
                m("sessions.col.unit"),
                m("sessions.col.host"),
                m("sessions.col.citizens"),
                m("sessions.col.letters"),
              ]}
            >
              {d.sessions.map((s) => (
                <tr key={s.id} data-testid="session-row">
                  <td className="px-3 py-1.5">{formatDateVi(s.held_on)}</td>
                  <td className="px-3 py-1.5">{m(`sessions.kind.${s.kind}`)}</td>
                  <td className="px-3 py-1.5">{s.unit_name}</td>
                  <td className="px-3 py-1.5">{s.host_name ?? "—"}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(s.citizens)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums" data-testid="session-letters">
                    {formatCount(s.letters)}
                  </td>
                </tr>
              ))}
            </Table>
            <p className="mt-2 text-sm" data-testid="sessions-total">
              {m("sessions.total", {
                sessions: formatCount(d.sessions.length),
                citizens: formatCount(total.citizens),
                letters: formatCount(total.letters),
              })}
            </p>
          </>
        )}
      </Section>
      {d.recorder ? (
        <Section title={m("sessions.record")}>
          {a?.formError ? (
            <p role="alert" className="mb-3 rounded border border-red-200 bg-red-50 p-3 text-red-800">
              {a.formError}
            </p>
          ) : null}
          <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="session-form">
            <input type="hidden" name="idempotencyKey" value={d.recorder.key} />
            <input type="hidden" name="unitId" value={d.recorder.unitId} />
            <Field name="heldOn" label={m("sessions.heldOn")} error={e.heldOn}>
              <input {...fieldProps("heldOn", e.heldOn)} defaultValue={`${dd}/${mo}/${y}`} className={INPUT} />
            </Field>
            <Field name="kind" label={m("sessions.kind")} error={e.kind}>
              <select {...fieldProps("kind", e.kind)} defaultValue="scheduled" className={INPUT}>
                {SESSION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {m(`sessions.kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="hostId" label={m("sessions.host")} error={e.hostId}>
              <select {...fieldProps("hostId", e.hostId)} defaultValue="" className={INPUT}>
                <option value="">{m("sessions.host.none")}</option>
                {d.hosts.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.full_name}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="citizens" label={m("sessions.citizens")} error={e.citizens}>
              <input {...fieldProps("citizens", e.citizens)} inputMode="numeric" defaultValue="0" className={INPUT} />
            </Field>
            <Field name="note" label={m("sessions.note")} error={e.note}>
              <textarea {...fieldProps("note", e.note)} rows={3} className={INPUT} />
            </Field>
            <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              {m("sessions.save")}
            </button>
          </AppForm>
        </Section>
      ) : null}
    </>
  );
}
