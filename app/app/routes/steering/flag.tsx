import { randomUUID } from "node:crypto";
import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/flag";
import { Section, CaseLink } from "../../components/ui.tsx";
import { caseStatusLabel, parseLang, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, notFound, requireUser } from "../../utils/user.server.ts";
import { isSteeringIntent, runSteeringIntent } from "./actions.server.ts";
import { loadFlagPage } from "@thads/core/steering";
import { caseLetters } from "@thads/core/complaints";
import { isUuid } from "@thads/core/input";
import { FlagCoercion } from "./flag-coercion.tsx";
import { FlagReports } from "./flag-reports.tsx";
import { FlagComplaints } from "./flag-complaints.tsx";
import { DirectiveList } from "./directive-list.tsx";
import { steeringMessages } from "./messages.ts";
import { WrappingField, StepForm, inputCls, label, reasonLabel, useFieldError } from "./steering-ui.tsx";

/** One flagged case, for the committee and for the bureau responsible for it. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const found = await asUser(user, async (tx) => {
    const page = await loadFlagPage(tx, params.id, todayVn());
    // The letters about the case that the reader may read (row security: the committee's members
    // read those about the cases it follows; a denunciation never reaches the person denounced).
    return page ? { page, letters: await caseLetters(tx, page.flag.case_id) } : null;
  });
  if (!found) notFound();
  const { page, letters } = found;
  const bureau = !page.flag.is_member && hasRole(user.memberships, "province_head", "province_staff", "subunit_head", "executor");
  const answerUnits = new Set(
    user.memberships.filter((m) => ["subunit_head", "province_head", "province_staff"].includes(m.role)).map((m) => m.unitId),
  );
  return {
    ...page,
    // What the section shows, no more.
    letters: letters.map(({ tracking_code, kind, status, summary, received_on, resolve_due_on, resolved_on, outcome }) => ({
      tracking_code,
      kind,
      status,
      summary,
      received_on,
      resolve_due_on,
      resolved_on,
      outcome,
    })),
    directives: page.directives.map((d) => ({ ...d, canAnswer: answerUnits.has(d.addressee_unit_id) || d.addressee_user_id === user.id })),
    bureau,
    canAnswerAny: answerUnits.size > 0,
    today: todayVn(),
    keys: { directive: randomUUID(), report: randomUUID(), coercion: randomUUID() },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const intent = String(form.get("intent") ?? "");
  if (!isSteeringIntent(intent)) notFound();
  const r = await runSteeringIntent(intent, form, user, lang);
  if ("ok" in r && r.ok) return redirect(`/steering/flags/${params.id}?done=${intent}`);
  return r;
}

export default function SteeringFlag() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(steeringMessages);
  const f = d.flag;
  const dirErr = useFieldError("steering_directive");
  const remErr = useFieldError("steering_decide");
  return (
    <>
      <p className="text-sm">
        {f.is_member ? (
          <Link to={`/steering?committee=${f.committee_id}`} className="underline">
            {m("common.backToWatchlist")}
          </Link>
        ) : (
          <Link to="/steering/tasks" className="underline">
            {m("flag.backToTasks")}
          </Link>
        )}
      </p>
      <header className="mt-2 mb-6">
        <h1 className="text-2xl font-bold">{m("flag.title", { number: f.case_number })}</h1>
        <p className="mt-1 text-slate-700">
          <span className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold" data-testid="flag-status">
            {label(m, "flagStatus", f.status)}
          </span>
          {f.debtor_name} · {f.committee_name} · {reasonLabel(f.reason, lang)}
        </p>
        <p className="mt-1 text-sm text-slate-700">{f.note}</p>
        {f.removed_reason ? (
          <p className="mt-1 text-sm">
            {m("flag.removedBecause")}: {f.removed_reason} ({formatDateVi(f.removed_on!)})
          </p>
        ) : null}
        {d.kase ? (
          <p className="mt-2 text-sm">
            <CaseLink id={f.case_id}>{m("flag.caseLink")}</CaseLink>
          </p>
        ) : null}
      </header>

      {d.kase ? (
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {[
            [m("common.status"), caseStatusLabel(lang, d.kase.status)],
            [m("common.due"), formatDong(d.kase.money_due)],
            [m("common.collected"), formatDong(d.kase.money_collected)],
            [m("common.outstanding"), formatDong(d.kase.outstanding)],
            [m("flag.unit"), `${d.kase.unit_name} · ${d.kase.province_name}`],
            [m("flag.nextDeadline"), d.kase.next_deadline_on ? formatDateVi(d.kase.next_deadline_on) : "—"],
            [m("common.lastAction"), d.kase.last_event_on ? formatDateVi(d.kase.last_event_on) : "—"],
          ].map(([k, v]) => (
            <div key={k} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-600">{k}</dt>
              <dd className="mt-1 font-semibold tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <FlagComplaints letters={d.letters} />

      <Section title={m("common.directives")}>
        <DirectiveList items={d.directives} answerable revisable={f.is_member} />
        {f.is_member && f.status === "accepted" ? (
          <details
            className="mt-4 rounded-lg border border-slate-200 bg-white p-3"
            open={Boolean(dirErr("body") || dirErr("dueOn") || dirErr("addresseeUnitId"))}
          >
            <summary className="cursor-pointer font-semibold">{m("flag.issue")}</summary>
            <StepForm intent="steering_directive" submit={m("flag.issueSubmit")} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
              <input type="hidden" name="idempotencyKey" value={d.keys.directive} />
              <input type="hidden" name="committeeId" value={f.committee_id} />
              <input type="hidden" name="flagId" value={f.id} />
              <WrappingField label={m("flag.addressee")} error={dirErr("addresseeUnitId")}>
                <select name="addresseeUnitId" defaultValue="" className={inputCls}>
                  <option value="">{m("common.choose")}</option>
                  {d.units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </WrappingField>
              <WrappingField label={m("directive.deadline")} error={dirErr("dueOn")}>
                <input name="dueOn" className={inputCls} placeholder="dd/mm/yyyy" />
              </WrappingField>
              <div className="col-span-full">
                <WrappingField label={m("directive.body")} error={dirErr("body")}>
                  <textarea name="body" rows={3} className={inputCls} />
                </WrappingField>
              </div>
            </StepForm>
          </details>
        ) : null}
      </Section>

      <FlagReports />
      <FlagCoercion />

      {f.is_member && f.status === "accepted" ? (
        <Section title={m("flag.remove.title")}>
          <StepForm intent="steering_decide" submit={m("flag.remove.submit")} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="flagId" value={f.id} />
            <input type="hidden" name="expectedVersion" value={f.version} />
            <input type="hidden" name="action" value="remove" />
            <WrappingField label={m("flag.remove.reason")} error={remErr("note")}>
              <input name="note" className={inputCls} />
            </WrappingField>
          </StepForm>
        </Section>
      ) : null}
    </>
  );
}
