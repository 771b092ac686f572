import type { TxSql } from "@thads/db";
import { loadDirectives } from "./directives.ts";

/** A committee's meetings, latest first, with the size of each agenda and the directives each issued. */
export async function listMeetings(tx: TxSql, committeeId: string) {
  const meetings = await tx<{ id: string; held_on: string; title: string; items: bigint; directives: bigint; has_minutes: boolean }[]>`
    select m.id, m.held_on::text as held_on, m.title,
           (select count(*) from public.steering_meeting_items i where i.meeting_id = m.id) as items,
           (select count(*) from public.steering_directives d where d.meeting_id = m.id) as directives,
           m.minutes is not null as has_minutes
    from public.steering_meetings m where m.committee_id = ${committeeId} order by m.held_on desc`;
  return meetings.map((m) => ({ ...m, items: Number(m.items), directives: Number(m.directives) }));
}

/** The cases a new meeting may put on its agenda: the committee's proposed and accepted flags. */
export async function agendaCandidates(tx: TxSql, committeeId: string) {
  return tx<{ id: string; case_number: string; debtor_name: string; status: string }[]>`
    select id, case_number, debtor_name, status from public.steering_flags
    where committee_id = ${committeeId} and status in ('proposed', 'accepted') order by status, case_number`;
}

/** One meeting: its agenda of cases, minutes and decisions, and the directives on the agenda's cases; null if not visible. */
export async function loadMeeting(tx: TxSql, meetingId: string, today: string) {
  const [m] = await tx<
    {
      id: string;
      committee_id: string;
      committee_name: string;
      held_on: string;
      title: string;
      minutes: string | null;
      decisions: string | null;
      version: number;
      is_member: boolean;
    }[]
  >`
    select m.id, m.committee_id, c.name as committee_name, m.held_on::text as held_on, m.title, m.minutes, m.decisions, m.version,
           m.committee_id = any (app_private.steering_committees_for()) as is_member
    from public.steering_meetings m join public.steering_committees c on c.id = m.committee_id where m.id = ${meetingId}`;
  if (!m) return null;
  const agenda = await tx<
    {
      flag_id: string;
      position: number;
      case_number: string;
      debtor_name: string;
      flag_status: string;
      case_status: string | null;
      money_due: bigint;
      money_collected: bigint | null;
    }[]
  >`
    select i.flag_id, i.position, f.case_number, f.debtor_name, f.status as flag_status, c.status::text as case_status, f.money_due, c.money_collected
    from public.steering_meeting_items i join public.steering_flags f on f.id = i.flag_id
    left join public.cases c on c.id = f.case_id
    where i.meeting_id = ${meetingId} order by i.position`;
  const directives = (await loadDirectives(tx, today, { committeeId: m.committee_id })).filter(
    (d) => d.flag_id && agenda.some((a) => a.flag_id === d.flag_id),
  );
  return {
    meeting: m,
    agenda: agenda.map((a) => ({ ...a, money_due: a.money_due.toString(), money_collected: a.money_collected?.toString() ?? null })),
    directives,
  };
}
