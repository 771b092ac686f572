import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/meeting";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { caseStatusLabel, parseLang, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { runSteeringIntent } from "./actions.server.ts";
import { loadMeeting } from "@thads/core/steering";
import { DirectiveList } from "./directive-list.tsx";
import { steeringMessages } from "./messages.ts";
import { WrappingField, StepForm, inputCls, label, useFieldError } from "./steering-ui.tsx";
import { isUuid } from "@thads/core/input";

/** One meeting: its agenda of cases, minutes and decisions, and the directives it issued. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "steering_member") && !isNational(user.memberships)) forbidden();
  if (!isUuid(params.id)) notFound();
  return asUser(user, async (tx) => {
    const page = await loadMeeting(tx, params.id, todayVn());
    if (!page) notFound();
    return page;
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  if (form.get("intent") !== "steering_minutes") forbidden();
  const r = await runSteeringIntent("steering_minutes", form, user, lang);
  if ("ok" in r && r.ok) return redirect(`/steering/meetings/${params.id}?done=minutes`);
  return r;
}

export default function SteeringMeeting() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(steeringMessages);
  const meeting = d.meeting;
  const err = useFieldError("steering_minutes");
  return (
    <>
      <p className="text-sm">
        <Link to={`/steering/meetings?committee=${meeting.committee_id}`} className="underline">
          {m("meeting.back")}
        </Link>
      </p>
      <PageHeader title={meeting.title} subtitle={`${meeting.committee_name} · ${formatDateVi(meeting.held_on)}`} />
      <Section title={m("meeting.agenda")}>
        <Table head={["#", m("common.case"), m("meeting.col.onList"), m("meeting.col.caseStatus"), m("common.due"), m("common.collected")]}>
          {d.agenda.map((a) => (
            <tr key={a.flag_id} data-testid="agenda-item">
              <td className="px-3 py-2">{a.position}</td>
              <td className="px-3 py-2">
                <Link className="text-blue-800 underline" to={`/steering/flags/${a.flag_id}`}>
                  {a.case_number}
                </Link>
                <div className="text-xs text-slate-600">{a.debtor_name}</div>
              </td>
              <td className="px-3 py-2">{label(m, "flagStatus", a.flag_status)}</td>
              <td className="px-3 py-2">{a.case_status ? caseStatusLabel(lang, a.case_status) : "—"}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(a.money_due)}</td>
              <td className="px-3 py-2 tabular-nums">{a.money_collected ? formatDong(a.money_collected) : "—"}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={m("meeting.minutesTitle")}>
        {meeting.is_member ? (
          <StepForm intent="steering_minutes" submit={m("meeting.save")} className="grid grid-cols-1 gap-3">
            <input type="hidden" name="meetingId" value={meeting.id} />
            <input type="hidden" name="expectedVersion" value={meeting.version} />
            <WrappingField label={m("meeting.minutes")} error={err("minutes")}>
              <textarea name="minutes" rows={5} defaultValue={meeting.minutes ?? ""} className={inputCls} />
            </WrappingField>
            <WrappingField label={m("meeting.decisions")} error={err("decisions")}>
              <textarea name="decisions" rows={3} defaultValue={meeting.decisions ?? ""} className={inputCls} />
            </WrappingField>
          </StepForm>
        ) : (
          <div className="space-y-2 whitespace-pre-line">
            <p>{meeting.minutes ?? "—"}</p>
            <p className="font-semibold">{meeting.decisions ?? ""}</p>
          </div>
        )}
      </Section>
      <Section title={m("meeting.directives")}>
        <DirectiveList items={d.directives} answerable={false} showCase />
      </Section>
    </>
  );
}
