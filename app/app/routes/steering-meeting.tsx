import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole, isNational } from "@thads/domain";
import type { Route } from "./+types/steering-meeting";
import { PageHeader, Section, Table } from "../components/ui.tsx";
import { caseStatusLabel, parseLang, useLang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { readForm } from "../utils/form.server.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../utils/user.server.ts";
import { runSteeringIntent } from "./steering-actions.server.ts";
import { loadMeeting } from "@thads/core/steering";
import { DirectiveList, FLAG_STATUS_LABELS, Field, StepForm, inputCls, useFieldError } from "./steering-ui.tsx";
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
  const vi = lang === "vi";
  const m = d.meeting;
  const err = useFieldError("steering_minutes");
  return (
    <>
      <p className="text-sm"><Link to={`/steering/meetings?committee=${m.committee_id}`} className="underline">{vi ? "← Các cuộc họp" : "← Meetings"}</Link></p>
      <PageHeader title={m.title} subtitle={`${m.committee_name} · ${formatDateVi(m.held_on)}`} />
      <Section title={vi ? "Chương trình họp" : "Agenda"}>
        <Table head={vi ? ["#", "Việc", "Tình trạng", "Trạng thái việc", "Phải thi hành", "Đã thu"] : ["#", "Case", "On list", "Case status", "Due", "Collected"]}>
          {d.agenda.map((a) => (
            <tr key={a.flag_id} data-testid="agenda-item">
              <td className="px-3 py-2">{a.position}</td>
              <td className="px-3 py-2"><Link className="text-blue-800 underline" to={`/steering/flags/${a.flag_id}`}>{a.case_number}</Link><div className="text-xs text-slate-600">{a.debtor_name}</div></td>
              <td className="px-3 py-2">{FLAG_STATUS_LABELS[a.flag_status]?.[lang]}</td>
              <td className="px-3 py-2">{a.case_status ? caseStatusLabel(lang, a.case_status) : "—"}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(a.money_due)}</td>
              <td className="px-3 py-2 tabular-nums">{a.money_collected ? formatDong(a.money_collected) : "—"}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={vi ? "Biên bản và kết luận" : "Minutes and decisions"}>
        {m.is_member ? (
          <StepForm intent="steering_minutes" submit={vi ? "Lưu biên bản" : "Save"} className="grid grid-cols-1 gap-3">
            <input type="hidden" name="meetingId" value={m.id} />
            <input type="hidden" name="expectedVersion" value={m.version} />
            <Field label={vi ? "Biên bản" : "Minutes"} error={err("minutes")}><textarea name="minutes" rows={5} defaultValue={m.minutes ?? ""} className={inputCls} /></Field>
            <Field label={vi ? "Kết luận của Ban Chỉ đạo" : "Decisions"} error={err("decisions")}><textarea name="decisions" rows={3} defaultValue={m.decisions ?? ""} className={inputCls} /></Field>
          </StepForm>
        ) : (
          <div className="space-y-2 whitespace-pre-line"><p>{m.minutes ?? "—"}</p><p className="font-semibold">{m.decisions ?? ""}</p></div>
        )}
      </Section>
      <Section title={vi ? "Ý kiến chỉ đạo về các việc trong chương trình" : "Directives on the agenda's cases"}>
        <DirectiveList items={d.directives} lang={lang} answerable={false} showCase />
      </Section>
    </>
  );
}
