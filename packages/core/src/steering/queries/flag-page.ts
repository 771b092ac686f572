import type { TxSql } from "@thads/db";
import { missingReports, reportPeriodLabel, type FlagReason, type ReportCadence } from "@thads/domain";
import { loadCoercionOps } from "./coercion-ops.ts";
import { loadDirectives } from "./directives.ts";

/** One flagged case: the flag, the case's headline figures, reports, directives, coercion operations. */
export async function loadFlagPage(tx: TxSql, flagId: string, today: string) {
  const [flag] = await tx<
    {
      id: string;
      version: number;
      status: string;
      reason: FlagReason;
      note: string;
      case_id: string;
      case_number: string;
      debtor_name: string;
      proposed_on: string;
      decided_on: string | null;
      decision_note: string | null;
      removed_on: string | null;
      removed_reason: string | null;
      committee_id: string;
      committee_name: string;
      cadence: ReportCadence;
      province_id: string;
      unit_id: string;
      is_member: boolean;
    }[]
  >`
    select f.id, f.version, f.status, f.reason, f.note, f.case_id, f.case_number, f.debtor_name, f.proposed_on::text as proposed_on,
           f.decided_on::text as decided_on, f.decision_note, f.removed_on::text as removed_on, f.removed_reason,
           f.committee_id, c.name as committee_name, c.report_cadence as cadence, f.province_id, f.unit_id,
           c.id = any (app_private.steering_committees_for()) as is_member
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.id = ${flagId}`;
  if (!flag) return null;
  const [kase] = await tx<
    {
      status: string;
      money_due: bigint;
      money_collected: bigint;
      next_deadline_on: string | null;
      last_event_on: string | null;
      unit_name: string;
      province_name: string;
    }[]
  >`
    select c.status, c.money_due, c.money_collected, c.next_deadline_on::text as next_deadline_on, c.last_event_on::text as last_event_on,
           u.name as unit_name, p.name as province_name
    from public.cases c join public.units u on u.id = c.unit_id join public.units p on p.id = c.province_id
    where c.id = ${flag.case_id}`;
  const reports = await tx<
    { id: string; period_start: string; body: string; money_collected: bigint; reported_on: string; reporter: string | null }[]
  >`
    select r.id, r.period_start::text as period_start, r.body, r.money_collected, r.reported_on::text as reported_on, p.full_name as reporter
    from public.steering_progress_reports r left join public.profiles p on p.id = r.reported_by
    where r.flag_id = ${flagId} order by r.period_start desc`;
  const missing =
    flag.status === "accepted" || flag.status === "removed"
      ? missingReports(
          flag.decided_on ?? flag.proposed_on,
          flag.cadence,
          reports.map((r) => r.period_start),
          today,
          flag.removed_on,
        )
      : [];
  const ops = await loadCoercionOps(tx, { caseId: flag.case_id, committeeId: flag.committee_id });
  const directives = await loadDirectives(tx, today, { flagId });
  const units = flag.is_member
    ? await tx<{ id: string; name: string }[]>`
        select id, name from public.units where province_id = ${flag.province_id} and dissolved_on is null order by kind, code`
    : [];
  return {
    flag: { ...flag },
    kase: kase
      ? {
          ...kase,
          money_due: kase.money_due.toString(),
          money_collected: kase.money_collected.toString(),
          outstanding: (kase.money_due - kase.money_collected).toString(),
        }
      : null,
    reports: reports.map((r) => ({
      ...r,
      money_collected: r.money_collected.toString(),
      label: reportPeriodLabel(r.period_start, flag.cadence),
    })),
    missing: missing.map((m) => ({ start: m, label: reportPeriodLabel(m, flag.cadence) })),
    ops,
    directives,
    units,
  };
}
