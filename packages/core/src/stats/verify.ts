/**
 * Checks the statistics aggregates against the raw case events, to the đồng:
 *  1. rows: within a transaction that is rolled back, the live stat_daily / stat_monthly / stat_yearly rows are
 *     compared with the rows app_private.stat_rebuild() computes from scratch out of case_events;
 *  2. figures: for every unit (sub-bureau, former province), every province and the nation, and
 *     every cumulative period of every statistical year present (1 Oct to each month's end) plus a
 *     few odd date ranges, the figures read from the aggregates (readStats) are compared with the
 *     same figures computed by brute force from the raw events (bruteForceStats: a different
 *     formulation, the standing of each case at both ends of the period), and the identities of
 *     docs/domain.md §4 are checked;
 *  3. breakdowns: for the nation in every period, and for every province in the whole statistical
 *     years, each part of the breakdowns (readBreakdown: decision kind, judgment type) is compared
 *     with the brute force grouped by that key, and each split must add up to its line.
 */
import {
  addCalendarDays,
  breakdownViolations,
  STAT_BREAKDOWN_PARTS,
  zeroStats,
  cumulativePeriods,
  identityViolations,
  STAT_FIGURES,
  statYearOf,
  withDerived,
  type IsoDate,
  type UnitStats,
} from "@thads/domain";
import type { Sql, TxSql } from "@thads/db";
import { FLOW_COLS, readBreakdown, readStats, STOCK_COLS } from "./readers.ts";
import { MOVE_KINDS_SQL } from "../cases/holding-unit.ts";

type AnySql = Sql | TxSql;

/**
 * Figures for [from, to] straight from case_events (no aggregates), grouped by unit, province or not
 * at all. The unit a figure counts under is the unit holding the case on the day that counts: after
 * each event, the target of the latest move up to it (an assignment to a regional office or a
 * handover on reorganisation, by date then id), before any, the unit the first move left, and for a
 * case never moved, its unit. A move of a case in the active workload is the giving unit's
 * moved_out and the receiving unit's moved_in (its standing just before, worked out from the events
 * before it); a case in the separate register moves without them.
 */
export async function bruteForceStats(
  sql: AnySql,
  from: IsoDate,
  to: IsoDate,
  groupBy: "unit" | "province" | "judgment_type" | "decision_kind" | "none" = "unit",
  scope: { provinceIds?: readonly string[]; unitIds?: readonly string[] } = {},
): Promise<Map<string, UnitStats>> {
  const before = addCalendarDays(from, -1);
  const key =
    groupBy === "unit"
      ? sql`x.unit_id::text`
      : groupBy === "province"
        ? sql`c.province_id::text`
        : groupBy === "judgment_type"
          ? sql`c.judgment_type::text`
          : groupBy === "decision_kind"
            ? sql`c.decision_kind::text`
            : sql`'all'`;
  // A scope of units reads the cases that are or were at one of them (the figures are then kept to those units).
  const where = scope.unitIds
    ? sql`(c.unit_id = any (${sql.array([...scope.unitIds])}::uuid[]) or exists (select 1 from public.case_events m
              where m.case_id = c.id and m.kind in ${sql.unsafe(MOVE_KINDS_SQL)}
                and ((case when m.kind = 'reorganisation' then m.payload ->> 'fromUnitId' else m.unit_id::text end) = any (${sql.array([...scope.unitIds])}::text[])
                     or m.payload ->> 'unitId' = any (${sql.array([...scope.unitIds])}::text[]))))`
    : scope.provinceIds
      ? sql`c.province_id = any (${sql.array([...scope.provinceIds])}::uuid[])`
      : sql`true`;
  const keep = scope.unitIds ? sql`x.unit_id = any (${sql.array([...scope.unitIds])}::uuid[])` : sql`true`;
  const rows = await sql<Record<string, string | null>[]>`
    with ev as (
      select e.case_id, e.id, e.kind, e.effective_date as d, c.unit_id as case_unit,
             case when e.kind in ${sql.unsafe(MOVE_KINDS_SQL)} then (e.payload ->> 'unitId')::uuid end as mv_to,
             case when e.kind = 'reorganisation' then (e.payload ->> 'fromUnitId')::uuid else e.unit_id end as mv_from,
             case e.kind
               when 'decision' then coalesce((select sum((o ->> 'amount')::bigint) from jsonb_array_elements(e.payload -> 'obligations') o
                                              where o ->> 'kind' = 'money'), 0)
               when 'payment' then (e.payload ->> 'amount')::bigint else 0 end as amount,
             case when e.kind in ('acceptance', 'decision', 'notification') then 'ot'
                  when e.kind = 'classification' then case when e.payload ->> 'result' = 'not_yet_enforceable' then 'ny' else 'ip' end
                  when e.kind = 'register_transfer' then 'sr'
                  when e.kind = 'register_reopening' then 'ny'
                  when e.kind in ('termination', 'completion', 'transfer', 'request_returned') then 'x' end as base,
             case e.kind when 'postponement' then 'pp' when 'suspension' then 'sp' when 'resumption' then 'r' end as intr
      from public.case_events e join public.cases c on c.id = e.case_id
      where e.effective_date <= ${to} and ${where}
    ), moves as (
      -- Every move of the case (whatever its date: the unit the first one left held it before).
      select m.case_id, array_agg((m.payload ->> 'unitId')::uuid order by m.effective_date, m.id) as tos,
             array_agg(m.effective_date order by m.effective_date, m.id) as ds, array_agg(m.id order by m.effective_date, m.id) as ids,
             (array_agg(case when m.kind = 'reorganisation' then (m.payload ->> 'fromUnitId')::uuid else m.unit_id end order by m.effective_date, m.id))[1] as origin
      from public.case_events m where m.kind in ${sql.unsafe(MOVE_KINDS_SQL)}
      group by m.case_id
    ), move_active as (
      -- A move counts as moved in / out when the case was in the active workload just before it
      -- (its standing from the events before it, read one by one: public.stat_standing_at with the move as bound).
      select m.id, coalesce(public.stat_standing_at(m.case_id, m.effective_date, m.id) in ('ip', 'pp', 'sp', 'ot', 'ny'), false) as active
      from public.case_events m
      where m.kind in ${sql.unsafe(MOVE_KINDS_SQL)} and m.effective_date <= ${to}
        and exists (select 1 from public.cases c where c.id = m.case_id and ${where})
    ), ev2 as (
      -- The outstanding money at each event (a move, a reopening or a return pays nothing itself),
      -- and the unit holding the case once the event is taken.
      select ev.*, sum(case ev.kind when 'decision' then ev.amount when 'payment' then -ev.amount else 0 end)
                     over (partition by ev.case_id order by ev.d, ev.id) as owed_at,
             case when mv.case_id is null then ev.case_unit
                  else coalesce((select t.u from unnest(mv.tos, mv.ds, mv.ids) as t(u, td, tid)
                                  where t.td < ev.d or (t.td = ev.d and t.tid <= ev.id) order by t.td desc, t.tid desc limit 1),
                                mv.origin) end as hu,
             coalesce(ma.active, false) as move_active
      from ev left join moves mv on mv.case_id = ev.case_id left join move_active ma on ma.id = ev.id
    ), per_case as (
      select ev.case_id,
        (array_agg(base order by d desc, id desc) filter (where base is not null and d <= ${before}))[1] as b0,
        (array_agg(coalesce(base, intr) order by d desc, id desc) filter (where coalesce(base, intr) is not null and d <= ${before}))[1] as i0,
        (array_agg(base order by d desc, id desc) filter (where base is not null))[1] as b1,
        (array_agg(coalesce(base, intr) order by d desc, id desc) filter (where coalesce(base, intr) is not null))[1] as i1,
        (array_agg(hu order by d desc, id desc) filter (where d <= ${before}))[1] as u0,
        (array_agg(hu order by d desc, id desc))[1] as u1,
        coalesce(sum(case kind when 'decision' then amount when 'payment' then -amount else 0 end) filter (where d <= ${before}), 0) as owed0,
        coalesce(sum(case kind when 'decision' then amount when 'payment' then -amount else 0 end), 0) as owed1
      from ev2 ev group by ev.case_id
    ), standing as (
      select p.*,
        case when i0 in ('pp', 'sp') then i0 when b0 = 'x' then null else b0 end as s0,
        case when i1 in ('pp', 'sp') then i1 when b1 = 'x' then null else b1 end as s1
      from per_case p
    ), flows as (
      -- What happened in the period, under the unit holding the case once each event is taken; a
      -- completion, termination or transfer ends the case: what it wrote off is what was owed at the end.
      select ev.case_id, ev.hu as unit_id,
        count(*) filter (where kind = 'acceptance') as acc_n,
        coalesce(sum(amount) filter (where kind = 'decision'), 0) as acc_m,
        coalesce(sum(amount) filter (where kind = 'payment'), 0) as pay_m,
        count(*) filter (where kind = 'completion') as cmp_n,
        count(*) filter (where kind = 'termination') as ter_n,
        count(*) filter (where kind = 'transfer') as trf_n,
        count(*) filter (where kind = 'register_transfer') as reg_n,
        coalesce(sum(owed_at) filter (where kind = 'register_transfer'), 0) as reg_m,
        count(*) filter (where kind = 'register_reopening') as reo_n,
        coalesce(sum(owed_at) filter (where kind = 'register_reopening'), 0) as reo_m,
        count(*) filter (where kind = 'request_returned') as ret_n,
        coalesce(sum(owed_at) filter (where kind = 'request_returned'), 0) as ret_m,
        count(*) filter (where mv_to is not null and move_active) as mvi_n,
        coalesce(sum(owed_at) filter (where mv_to is not null and move_active), 0) as mvi_m
      from ev2 ev where d >= ${from} group by ev.case_id, ev.hu
    ), contributions as (
      select s.case_id, s.u0 as unit_id, 'co' as part, 1 as n, s.owed0 as m from standing s where s.s0 is not null and s.s0 <> 'sr'
      union all
      select s.case_id, s.u1, s.s1, 1, s.owed1 from standing s where s.s1 is not null
      union all
      select f.case_id, f.unit_id, 'acc', f.acc_n, f.acc_m from flows f
      union all
      select f.case_id, f.unit_id, 'reo', f.reo_n, f.reo_m from flows f
      union all
      select f.case_id, f.unit_id, 'mvi', f.mvi_n, f.mvi_m from flows f
      union all
      select f.case_id, f.unit_id, 'trf', f.trf_n, case when f.trf_n > 0 then s.owed1 else 0 end from flows f join standing s using (case_id)
      union all
      select f.case_id, f.unit_id, 'reg', f.reg_n, f.reg_m from flows f
      union all
      select f.case_id, f.unit_id, 'ret', f.ret_n, f.ret_m from flows f
      union all
      select f.case_id, f.unit_id, 'cmp', f.cmp_n, f.pay_m + case when f.cmp_n > 0 then s.owed1 else 0 end from flows f join standing s using (case_id)
      union all
      select f.case_id, f.unit_id, 'ter', f.ter_n, case when f.ter_n > 0 then s.owed1 else 0 end from flows f join standing s using (case_id)
      union all
      -- The giving unit of a move in the period.
      select ev.case_id, ev.mv_from, 'mvo', 1, ev.owed_at from ev2 ev where ev.mv_to is not null and ev.move_active and ev.d >= ${from}
    )
    select ${key} as k,
      coalesce(sum(x.n) filter (where part = 'co'), 0) as carried_over_n, coalesce(sum(x.m) filter (where part = 'co'), 0) as carried_over_m,
      coalesce(sum(x.n) filter (where part = 'acc'), 0) as newly_accepted_n, coalesce(sum(x.m) filter (where part = 'acc'), 0) as newly_accepted_m,
      coalesce(sum(x.n) filter (where part = 'reo'), 0) as reopened_n, coalesce(sum(x.m) filter (where part = 'reo'), 0) as reopened_m,
      coalesce(sum(x.n) filter (where part = 'mvi'), 0) as moved_in_n, coalesce(sum(x.m) filter (where part = 'mvi'), 0) as moved_in_m,
      coalesce(sum(x.n) filter (where part = 'trf'), 0) as transferred_out_n, coalesce(sum(x.m) filter (where part = 'trf'), 0) as transferred_out_m,
      coalesce(sum(x.n) filter (where part = 'mvo'), 0) as moved_out_n, coalesce(sum(x.m) filter (where part = 'mvo'), 0) as moved_out_m,
      coalesce(sum(x.n) filter (where part = 'reg'), 0) as registered_n, coalesce(sum(x.m) filter (where part = 'reg'), 0) as registered_m,
      coalesce(sum(x.n) filter (where part = 'ret'), 0) as returned_n, coalesce(sum(x.m) filter (where part = 'ret'), 0) as returned_m,
      coalesce(sum(x.n) filter (where part = 'cmp'), 0) as completed_n, coalesce(sum(x.m) filter (where part = 'cmp'), 0) as completed_m,
      coalesce(sum(x.n) filter (where part = 'ter'), 0) as terminated_n, coalesce(sum(x.m) filter (where part = 'ter'), 0) as terminated_m,
      coalesce(sum(x.n) filter (where part = 'ip'), 0) as in_progress_n, coalesce(sum(x.m) filter (where part = 'ip'), 0) as in_progress_m,
      coalesce(sum(x.n) filter (where part = 'pp'), 0) as postponed_n, coalesce(sum(x.m) filter (where part = 'pp'), 0) as postponed_m,
      coalesce(sum(x.n) filter (where part = 'sp'), 0) as suspended_n, coalesce(sum(x.m) filter (where part = 'sp'), 0) as suspended_m,
      coalesce(sum(x.n) filter (where part = 'ot'), 0) as other_n, coalesce(sum(x.m) filter (where part = 'ot'), 0) as other_m,
      coalesce(sum(x.n) filter (where part = 'ny'), 0) as not_yet_enforceable_n, coalesce(sum(x.m) filter (where part = 'ny'), 0) as not_yet_enforceable_m,
      coalesce(sum(x.n) filter (where part = 'sr'), 0) as separate_register_n, coalesce(sum(x.m) filter (where part = 'sr'), 0) as separate_register_m
    from contributions x join public.cases c on c.id = x.case_id
    where ${keep}
    group by 1`;
  const out = new Map<string, UnitStats>();
  for (const r of rows) {
    const side = (u: "n" | "m") => {
      const v = (k: string) => BigInt(r[`${k}_${u}`] ?? "0");
      return withDerived({
        carried_over: v("carried_over"),
        newly_accepted: v("newly_accepted"),
        reopened: v("reopened"),
        moved_in: v("moved_in"),
        transferred_out: v("transferred_out"),
        moved_out: v("moved_out"),
        registered: v("registered"),
        returned: v("returned"),
        completed: v("completed"),
        terminated: v("terminated"),
        in_progress: v("in_progress"),
        postponed: v("postponed"),
        suspended: v("suspended"),
        other: v("other"),
        not_yet_enforceable: v("not_yet_enforceable"),
        separate_register: v("separate_register"),
      });
    };
    out.set(String(r.k), { cases: side("n"), money: side("m") });
  }
  return out;
}

export interface VerifyReport {
  rowMismatches: { table: string; unit_id: string; dim: string; t: string }[];
  periods: number;
  comparisons: number;
  figureMismatches: { group: string; key: string; from: string; to: string; figure: string; aggregate: string; raw: string }[];
  identityFailures: { group: string; key: string; from: string; to: string; identity: string }[];
  /** Breakdown parts compared (scope × period × part). */
  breakdownComparisons: number;
}

const isZero = (s: UnitStats) => STAT_FIGURES.every((k) => s.cases[k] === 0n && s.money[k] === 0n);

export async function verifyStats(sql: Sql, opts: { log?: (m: string) => void; years?: number[] } = {}): Promise<VerifyReport> {
  const log = opts.log ?? (() => {});
  const report: VerifyReport = {
    rowMismatches: [],
    periods: 0,
    comparisons: 0,
    figureMismatches: [],
    identityFailures: [],
    breakdownComparisons: 0,
  };

  // 1. Rows: live against rebuilt from the events, in a transaction rolled back.
  await sql
    .begin(async (tx) => {
      const cols = [...STOCK_COLS, ...FLOW_COLS].join(", ");
      const nonzero = cols
        .split(", ")
        .map((c) => `${c} <> 0`)
        .join(" or ");
      await tx.unsafe(`create temp table live_daily on commit drop as select * from public.stat_daily where ${nonzero}`);
      await tx.unsafe(`create temp table live_monthly on commit drop as select * from public.stat_monthly where ${nonzero}`);
      await tx.unsafe(`create temp table live_yearly on commit drop as select * from public.stat_yearly where ${nonzero}`);
      await tx`select app_private.stat_rebuild()`;
      for (const [table, live, t] of [
        ["stat_daily", "live_daily", "day"],
        ["stat_monthly", "live_monthly", "month"],
        ["stat_yearly", "live_yearly", "year"],
      ] as const) {
        const bad = await tx.unsafe<{ unit_id: string; dim: string; t: string }[]>(`
          select coalesce(a.unit_id, b.unit_id)::text as unit_id, coalesce(a.dim, b.dim) as dim, coalesce(a.${t}, b.${t})::text as t
          from ${live} a full join (select * from public.${table} where ${nonzero}) b using (unit_id, dim, ${t})
          where (a.${cols.split(", ").join(", a.")}, a.province_id) is distinct from (b.${cols.split(", ").join(", b.")}, b.province_id)
          limit 100`);
        for (const b of bad) report.rowMismatches.push({ table, ...b });
        log(`${table}: ${bad.length} row(s) differ from the rebuild`);
      }
      throw new RollBack();
    })
    .catch((e) => {
      if (!(e instanceof RollBack)) throw e;
    });

  // 2. Figures per unit, province and nation for every cumulative period.
  const [span] = await sql<{ lo: string | null; hi: string | null }[]>`
    select min(effective_date)::text as lo, max(effective_date)::text as hi from public.case_events`;
  if (!span?.lo || !span.hi) return report;
  const years = opts.years ?? range(statYearOf(span.lo), statYearOf(span.hi));
  const periods = years.flatMap((y) => cumulativePeriods(y));
  periods.push(
    { from: span.lo, to: span.hi },
    { from: `${span.hi.slice(0, 7)}-10`, to: span.hi },
    { from: "2025-06-15", to: "2025-07-14" },
  );
  for (const p of periods) {
    if (p.from > p.to) continue;
    report.periods++;
    for (const groupBy of ["unit", "province", "none"] as const) {
      const agg = await readStats(sql, { from: p.from, to: p.to, groupBy });
      const raw = await bruteForceStats(sql, p.from, p.to, groupBy);
      for (const k of new Set([...agg.keys(), ...raw.keys()])) {
        const a = agg.get(k);
        const r = raw.get(k);
        report.comparisons++;
        if (!a || !r) {
          const present = (a ?? r)!;
          if (!isZero(present))
            report.figureMismatches.push({
              group: groupBy,
              key: k,
              from: p.from,
              to: p.to,
              figure: "(missing)",
              aggregate: a ? "present" : "none",
              raw: r ? "present" : "none",
            });
          continue;
        }
        for (const side of ["cases", "money"] as const) {
          for (const f of STAT_FIGURES) {
            if (a[side][f] !== r[side][f]) {
              report.figureMismatches.push({
                group: groupBy,
                key: k,
                from: p.from,
                to: p.to,
                figure: `${side}.${f}`,
                aggregate: a[side][f].toString(),
                raw: r[side][f].toString(),
              });
            }
          }
          for (const v of identityViolations(a[side]))
            report.identityFailures.push({ group: groupBy, key: k, from: p.from, to: p.to, identity: `${side}: ${v.identity}` });
        }
      }
    }
  }
  // 3. Breakdowns: the nation in every period, each province in the whole statistical years.
  const provinces = await sql<{ id: string }[]>`select id::text as id from public.units where kind = 'province' and merged_into_id is null`;
  for (const p of periods) {
    if (p.from > p.to) continue;
    const wholeYear = p.from.endsWith("-10-01") && p.to.endsWith("-09-30");
    const scopes = [{ key: "all", scope: undefined as { provinceIds: string[] } | undefined }];
    if (wholeYear) for (const pr of provinces) scopes.push({ key: pr.id, scope: { provinceIds: [pr.id] } });
    for (const { key, scope } of scopes) {
      const { line, parts } = await readBreakdown(sql, { scope, from: p.from, to: p.to });
      for (const v of breakdownViolations(line, parts))
        report.identityFailures.push({
          group: "breakdown",
          key,
          from: p.from,
          to: p.to,
          identity: `${v.group} ${v.side}.${v.figure}: ${v.parts} ≠ ${v.line}`,
        });
      const raw = new Map([
        ...(await bruteForceStats(sql, p.from, p.to, "judgment_type", scope ?? {})),
        ...(await bruteForceStats(sql, p.from, p.to, "decision_kind", scope ?? {})),
      ]);
      for (const part of STAT_BREAKDOWN_PARTS) {
        report.breakdownComparisons++;
        const r = raw.get(part) ?? zeroStats();
        for (const side of ["cases", "money"] as const)
          for (const f of STAT_FIGURES)
            if (parts[part][side][f] !== r[side][f])
              report.figureMismatches.push({
                group: "breakdown",
                key: `${key} ${part}`,
                from: p.from,
                to: p.to,
                figure: `${side}.${f}`,
                aggregate: parts[part][side][f].toString(),
                raw: r[side][f].toString(),
              });
      }
    }
  }
  log(
    `${report.periods} periods, ${report.comparisons} unit-period comparisons, ${report.breakdownComparisons} breakdown parts, ${report.figureMismatches.length} mismatch(es), ${report.identityFailures.length} identity failure(s)`,
  );
  return report;
}

class RollBack extends Error {}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
