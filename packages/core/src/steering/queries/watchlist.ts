import type { TxSql } from "@thads/db";
import { daysBetween, missingReports, reportPeriodLabel, sortByRisk, type FlagReason } from "@thads/domain";
import type { WatchFilters } from "../watch-filters.ts";
import type { CommitteeRef } from "./committee-list.ts";

/** The accepted list of one committee, with the figures the watchlist shows, sorted by risk. */
export async function loadWatchlist(tx: TxSql, committee: CommitteeRef, today: string, f: WatchFilters = {}) {
  const rows = await tx<
    {
      flag_id: string;
      reason: FlagReason;
      accepted_on: string;
      case_id: string;
      case_number: string;
      debtor_name: string;
      status: string;
      money_due: bigint;
      money_collected: bigint;
      next_deadline_on: string | null;
      next_deadline_kind: string | null;
      last_event_on: string | null;
      last_event_kind: string | null;
      is_corruption: boolean;
      unit_name: string;
      province_id: string;
      province_name: string;
      open_directives: bigint;
      overdue_directives: bigint;
      next_directive_due: string | null;
      periods: string[] | null;
      failed_rounds: number;
    }[]
  >`
    select f.id as flag_id, f.reason, coalesce(f.decided_on, f.proposed_on)::text as accepted_on,
           c.id as case_id, c.case_number, c.debtor_name, c.status, c.money_due, c.money_collected,
           c.next_deadline_on::text as next_deadline_on, c.next_deadline_kind, c.last_event_on::text as last_event_on,
           (select e.kind::text from public.case_events e where e.case_id = c.id order by e.effective_date desc, e.id desc limit 1) as last_event_kind,
           c.is_corruption, u.name as unit_name, c.province_id, p.name as province_name,
           (select count(*) from public.steering_directives d where d.flag_id = f.id and d.answered_on is null) as open_directives,
           (select count(*) from public.steering_directives d where d.flag_id = f.id and d.answered_on is null and d.due_on < ${today}) as overdue_directives,
           (select min(d.due_on)::text from public.steering_directives d where d.flag_id = f.id and d.answered_on is null) as next_directive_due,
           (select array_agg(r.period_start::text) from public.steering_progress_reports r where r.flag_id = f.id) as periods,
           app_private.failed_auction_rounds(c.id) as failed_rounds
    from public.steering_flags f
    join public.cases c on c.id = f.case_id
    join public.units u on u.id = c.unit_id
    join public.units p on p.id = c.province_id
    where f.committee_id = ${committee.id} and f.status = 'accepted'`;
  const items = rows.map((r) => {
    const missing = missingReports(r.accepted_on, committee.report_cadence, r.periods ?? [], today);
    const deadlines = [r.next_deadline_on, r.next_directive_due].filter((d): d is string => d !== null).sort();
    return {
      flagId: r.flag_id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      debtorName: r.debtor_name,
      status: r.status,
      reason: r.reason,
      unitName: r.unit_name,
      provinceId: r.province_id,
      provinceName: r.province_name,
      moneyDue: r.money_due,
      moneyCollected: r.money_collected,
      nextDeadlineOn: deadlines[0] ?? null,
      lastActionOn: r.last_event_on,
      lastActionKind: r.last_event_kind,
      daysSinceAction: r.last_event_on ? daysBetween(r.last_event_on, today) : null,
      openDirectives: Number(r.open_directives),
      overdueDirectives: Number(r.overdue_directives),
      missingReports: missing.length,
      missingPeriods: missing.map((m) => reportPeriodLabel(m, committee.report_cadence)),
      failedAuctionRounds: r.failed_rounds,
      isCorruption: r.is_corruption,
    };
  });
  const q = (f.q ?? "").trim().toLowerCase();
  const filtered = items.filter(
    (i) =>
      (!q || i.caseNumber.toLowerCase().includes(q) || i.debtorName.toLowerCase().includes(q)) &&
      (!f.reason || i.reason === f.reason) &&
      (!f.province || i.provinceId === f.province) &&
      (f.only !== "overdue" || i.overdueDirectives > 0) &&
      (f.only !== "missing" || i.missingReports > 0),
  );
  return sortByRisk(filtered, today).map((i) => ({
    ...i,
    moneyDue: i.moneyDue.toString(),
    moneyCollected: i.moneyCollected.toString(),
  }));
}

export type WatchItem = Awaited<ReturnType<typeof loadWatchlist>>[number];

/** Proposals waiting for the committee's decision. */
export async function loadProposals(tx: TxSql, committeeId: string) {
  const rows = await tx<
    {
      id: string;
      version: number;
      reason: string;
      note: string;
      case_number: string;
      debtor_name: string;
      money_due: bigint;
      proposed_on: string;
      province_name: string;
    }[]
  >`
    select f.id, f.version, f.reason, f.note, f.case_number, f.debtor_name, f.money_due, f.proposed_on::text as proposed_on, p.name as province_name
    from public.steering_flags f join public.units p on p.id = f.province_id
    where f.committee_id = ${committeeId} and f.status = 'proposed' order by f.proposed_on, f.case_number`;
  return rows.map((r) => ({ ...r, money_due: r.money_due.toString() }));
}
