import type { TxSql } from "@thads/db";
import {
  daysBetween,
  directiveStatus,
  missingReports,
  reportPeriodLabel,
  sortByRisk,
  type FlagReason,
  type ReportCadence,
} from "@thads/domain";
import { data } from "react-router";
import type { ServiceError } from "@thads/core";
import type { Lang } from "../i18n.ts";

/*
 * Read side of the steering committees' screens. Everything is read as the
 * signed-in user: RLS decides which committees, flags and cases exist.
 */

export interface CommitteeRef {
  id: string;
  kind: "province" | "national_anticorruption" | "ad_hoc";
  name: string;
  province_id: string | null;
  province_name: string | null;
  report_cadence: ReportCadence;
  is_member: boolean;
  member_role: string | null;
  min_outstanding: string;
  open_years: number;
  failed_auction_rounds: number;
  version: number;
}

/** Committees the user may look at: their own (members) or all (directorate). */
export async function visibleCommittees(tx: TxSql, opts: { onlyMine: boolean }): Promise<CommitteeRef[]> {
  return tx<CommitteeRef[]>`
    select c.id, c.kind, c.name, c.province_id, p.name as province_name, c.report_cadence,
           c.min_outstanding::text as min_outstanding, c.open_years, c.failed_auction_rounds, c.version,
           c.id = any (app_private.steering_committees_for()) as is_member,
           (select m.member_role::text from public.steering_committee_members m
             where m.committee_id = c.id and m.user_id = (select auth.uid())) as member_role
    from public.steering_committees c left join public.units p on p.id = c.province_id
    ${opts.onlyMine ? tx`where c.id = any (app_private.steering_committees_for())` : tx``}
    order by c.kind desc, p.name nulls first, c.name`;
}

export interface WatchFilters {
  q?: string;
  reason?: string;
  province?: string;
  only?: "overdue" | "missing" | "";
}

/** The accepted list of one committee, with the figures the watchlist shows, sorted by risk. */
export async function loadWatchlist(tx: TxSql, committee: CommitteeRef, today: string, f: WatchFilters = {}) {
  const rows = await tx<{
    flag_id: string; reason: FlagReason; accepted_on: string; case_id: string; case_number: string; debtor_name: string;
    status: string; money_due: bigint; money_collected: bigint; next_deadline_on: string | null; next_deadline_kind: string | null;
    last_event_on: string | null; last_event_kind: string | null; is_corruption: boolean; unit_name: string; province_id: string;
    province_name: string; open_directives: bigint; overdue_directives: bigint; next_directive_due: string | null;
    periods: string[] | null; failed_rounds: number;
  }[]>`
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
  const rows = await tx<{ id: string; version: number; reason: string; note: string; case_number: string; debtor_name: string; money_due: bigint; proposed_on: string; province_name: string }[]>`
    select f.id, f.version, f.reason, f.note, f.case_number, f.debtor_name, f.money_due, f.proposed_on::text as proposed_on, p.name as province_name
    from public.steering_flags f join public.units p on p.id = f.province_id
    where f.committee_id = ${committeeId} and f.status = 'proposed' order by f.proposed_on, f.case_number`;
  return rows.map((r) => ({ ...r, money_due: r.money_due.toString() }));
}

export interface DirectiveRow {
  id: string; version: number; committee_name: string; body: string; issued_on: string; due_on: string;
  answer: string | null; answered_on: string | null; addressee_name: string | null; case_id: string | null;
  addressee_unit_id: string | null; addressee_user_id: string | null;
  case_number: string | null; flag_id: string | null; state: ReturnType<typeof directiveStatus>;
  revised_on: string | null; revision_note: string | null;
}

/** Directives visible to the user, narrowed by a condition. */
export async function loadDirectives(tx: TxSql, today: string, where: { flagId?: string; committeeId?: string; addresseeUnitIds?: string[]; addresseeUserId?: string }) {
  const rows = await tx<Omit<DirectiveRow, "state">[]>`
    select d.id, d.version, c.name as committee_name, d.body, d.issued_on::text as issued_on, d.due_on::text as due_on,
           d.answer, d.answered_on::text as answered_on, coalesce(u.name, pr.full_name) as addressee_name,
           d.case_id, f.case_number, d.flag_id, d.addressee_unit_id, d.addressee_user_id,
           d.revised_on::text as revised_on, d.revision_note
    from public.steering_directives d
    join public.steering_committees c on c.id = d.committee_id
    left join public.units u on u.id = d.addressee_unit_id
    left join public.profiles pr on pr.id = d.addressee_user_id
    left join public.steering_flags f on f.id = d.flag_id
    where true
      ${where.flagId ? tx`and d.flag_id = ${where.flagId}` : tx``}
      ${where.committeeId ? tx`and d.committee_id = ${where.committeeId}` : tx``}
      ${where.addresseeUnitIds || where.addresseeUserId
        ? tx`and (d.addressee_unit_id = any (${where.addresseeUnitIds ?? []}::uuid[]) or d.addressee_user_id = ${where.addresseeUserId ?? null})`
        : tx``}
    order by (d.answered_on is not null), d.due_on, d.issued_on`;
  return rows.map((r) => ({ ...r, state: directiveStatus({ dueOn: r.due_on, answeredOn: r.answered_on }, today) }));
}

/** One flagged case: the flag, the case's headline figures, reports, directives, coercion operations. */
export async function loadFlagPage(tx: TxSql, flagId: string, today: string) {
  const [flag] = await tx<{
    id: string; version: number; status: string; reason: FlagReason; note: string; case_id: string; case_number: string; debtor_name: string;
    proposed_on: string; decided_on: string | null; decision_note: string | null; removed_on: string | null; removed_reason: string | null;
    committee_id: string; committee_name: string; cadence: ReportCadence; province_id: string; unit_id: string; is_member: boolean;
  }[]>`
    select f.id, f.version, f.status, f.reason, f.note, f.case_id, f.case_number, f.debtor_name, f.proposed_on::text as proposed_on,
           f.decided_on::text as decided_on, f.decision_note, f.removed_on::text as removed_on, f.removed_reason,
           f.committee_id, c.name as committee_name, c.report_cadence as cadence, f.province_id, f.unit_id,
           c.id = any (app_private.steering_committees_for()) as is_member
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.id = ${flagId}`;
  if (!flag) return null;
  const [kase] = await tx<{ status: string; money_due: bigint; money_collected: bigint; next_deadline_on: string | null; last_event_on: string | null; unit_name: string; province_name: string }[]>`
    select c.status, c.money_due, c.money_collected, c.next_deadline_on::text as next_deadline_on, c.last_event_on::text as last_event_on,
           u.name as unit_name, p.name as province_name
    from public.cases c join public.units u on u.id = c.unit_id join public.units p on p.id = c.province_id
    where c.id = ${flag.case_id}`;
  const reports = await tx<{ id: string; period_start: string; body: string; money_collected: bigint; reported_on: string; reporter: string | null }[]>`
    select r.id, r.period_start::text as period_start, r.body, r.money_collected, r.reported_on::text as reported_on, p.full_name as reporter
    from public.steering_progress_reports r left join public.profiles p on p.id = r.reported_by
    where r.flag_id = ${flagId} order by r.period_start desc`;
  const missing = flag.status === "accepted" || flag.status === "removed"
    ? missingReports(flag.decided_on ?? flag.proposed_on, flag.cadence, reports.map((r) => r.period_start), today, flag.removed_on)
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
      ? { ...kase, money_due: kase.money_due.toString(), money_collected: kase.money_collected.toString(), outstanding: (kase.money_due - kase.money_collected).toString() }
      : null,
    reports: reports.map((r) => ({ ...r, money_collected: r.money_collected.toString(), label: reportPeriodLabel(r.period_start, flag.cadence) })),
    missing: missing.map((m) => ({ start: m, label: reportPeriodLabel(m, flag.cadence) })),
    ops,
    directives,
    units,
  };
}

export async function loadCoercionOps(tx: TxSql, where: { caseId: string; committeeId?: string }) {
  const rows = await tx<{
    id: string; version: number; planned_on: string; place: string; plan: string; forces: { kind: string; count: number }[];
    status: string; decided_on: string | null; decision_note: string | null; executed_on: string | null; result: string | null;
    committee_name: string; is_member: boolean;
  }[]>`
    select o.id, o.version, o.planned_on::text as planned_on, o.place, o.plan, o.forces, o.status, o.decided_on::text as decided_on,
           o.decision_note, o.executed_on::text as executed_on, o.result, c.name as committee_name,
           o.committee_id = any (app_private.steering_committees_for()) as is_member
    from public.steering_coercion_ops o join public.steering_committees c on c.id = o.committee_id
    where o.case_id = ${where.caseId} ${where.committeeId ? tx`and o.committee_id = ${where.committeeId}` : tx``}
    order by o.planned_on desc`;
  return rows;
}

/** The steering side of a case page: flags of the case, committees it may be proposed to, operations. */
export async function loadCaseSteering(tx: TxSql, caseId: string, provinceId: string, isCorruption: boolean) {
  const flags = await tx<{ id: string; status: string; committee_name: string; reason: string; proposed_on: string; removed_reason: string | null }[]>`
    select f.id, f.status, c.name as committee_name, f.reason, f.proposed_on::text as proposed_on, f.removed_reason
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.case_id = ${caseId} order by f.created_at desc`;
  const committees = await tx<{ id: string; name: string }[]>`
    select c.id, c.name from public.steering_committees c
    where (c.kind = 'province' and c.province_id = ${provinceId})
       or (c.kind = 'national_anticorruption' and ${isCorruption})
       or c.kind = 'ad_hoc'
    order by c.kind desc, c.name`;
  const ops = await loadCoercionOps(tx, { caseId });
  return { flags, committees, ops };
}

/** Directorate view: every committee's list size and its directives, overdue ones per province. */
export async function loadNationalSteering(tx: TxSql, today: string) {
  const committees = await tx<{ id: string; name: string; kind: string; province_name: string | null; flagged: bigint; proposed: bigint; open_directives: bigint; overdue: bigint }[]>`
    select c.id, c.name, c.kind, p.name as province_name,
           (select count(*) from public.steering_flags f where f.committee_id = c.id and f.status = 'accepted') as flagged,
           (select count(*) from public.steering_flags f where f.committee_id = c.id and f.status = 'proposed') as proposed,
           (select count(*) from public.steering_directives d where d.committee_id = c.id and d.answered_on is null) as open_directives,
           (select count(*) from public.steering_directives d where d.committee_id = c.id and d.answered_on is null and d.due_on < ${today}) as overdue
    from public.steering_committees c left join public.units p on p.id = c.province_id
    order by c.kind desc, p.name nulls first, c.name`;
  const provinces = await tx<{ province_id: string; province_name: string; open: bigint; overdue: bigint }[]>`
    select d.province_id, p.name as province_name,
           count(*) filter (where d.answered_on is null) as open,
           count(*) filter (where d.answered_on is null and d.due_on < ${today}) as overdue
    from public.steering_directives d join public.units p on p.id = d.province_id
    group by d.province_id, p.name order by overdue desc, p.name`;
  return {
    committees: committees.map((c) => ({ ...c, flagged: Number(c.flagged), proposed: Number(c.proposed), open_directives: Number(c.open_directives), overdue: Number(c.overdue) })),
    provinces: provinces.map((p) => ({ ...p, open: Number(p.open), overdue: Number(p.overdue) })),
  };
}

/** A service refusal as the route's action data, with the matching HTTP status. */
export function refusal(intent: string, result: { ok: false; error: ServiceError }, lang: Lang, target?: string) {
  const code = result.error.code;
  const status = code === "conflict" ? 409 : code === "forbidden" || code === "not_member" ? 403 : 422;
  const message = lang === "en" ? result.error.message_en : result.error.message_vi;
  return data(
    { intent, target, formError: message, fieldErrors: result.error.field ? { [result.error.field]: message } : {} },
    { status },
  );
}

export type SteeringActionData = { intent: string; target?: string; formError?: string; fieldErrors?: Record<string, string>; ok?: boolean };

/** Open and overdue directives addressed to these units (a head's home shows it). */
export async function directiveSummary(tx: TxSql, unitIds: string[], today: string) {
  const [r] = await tx<{ open: bigint; overdue: bigint }[]>`
    select count(*) filter (where answered_on is null) as open,
           count(*) filter (where answered_on is null and due_on < ${today}) as overdue
    from public.steering_directives where addressee_unit_id = any (${unitIds}::uuid[])`;
  return { open: Number(r?.open ?? 0n), overdue: Number(r?.overdue ?? 0n) };
}

/** Flagged cases of the user's own tenant (bureau side), with their missing reports. */
export async function loadTenantFlags(tx: TxSql, today: string) {
  const rows = await tx<{ id: string; case_number: string; debtor_name: string; committee_name: string; status: string; since: string; cadence: ReportCadence; periods: string[] | null }[]>`
    select f.id, f.case_number, f.debtor_name, c.name as committee_name, f.status, coalesce(f.decided_on, f.proposed_on)::text as since,
           c.report_cadence as cadence,
           (select array_agg(r.period_start::text) from public.steering_progress_reports r where r.flag_id = f.id) as periods
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.status in ('proposed', 'accepted')
      and (f.unit_id = any (app_private.units_for('{subunit_head,executor,clerk}'))
           or f.province_id = any (app_private.provinces_for('{province_head,province_staff}')))
    order by f.status, f.case_number
    limit 200`;
  return rows.map((r) => ({
    id: r.id, caseNumber: r.case_number, debtorName: r.debtor_name, committeeName: r.committee_name, status: r.status,
    missing: r.status === "accepted" ? missingReports(r.since, r.cadence, r.periods ?? [], today).map((m) => reportPeriodLabel(m, r.cadence)) : [],
  }));
}

/** The briefing pack of a committee: the watchlist with each case's latest report and open directives. */
export async function loadBriefing(tx: TxSql, committee: CommitteeRef, today: string) {
  const items = await loadWatchlist(tx, committee, today);
  const reports = await tx<{ flag_id: string; period_start: string; body: string }[]>`
    select distinct on (r.flag_id) r.flag_id, r.period_start::text as period_start, r.body
    from public.steering_progress_reports r
    where r.committee_id = ${committee.id} order by r.flag_id, r.period_start desc`;
  const directives = await loadDirectives(tx, today, { committeeId: committee.id });
  const lastReport = new Map(reports.map((r) => [r.flag_id, r]));
  return items.map((i) => {
    const r = lastReport.get(i.flagId);
    return {
      ...i,
      lastReport: r ? { label: reportPeriodLabel(r.period_start, committee.report_cadence), body: r.body } : null,
      directives: directives.filter((d) => d.flag_id === i.flagId && !d.answered_on),
    };
  });
}
