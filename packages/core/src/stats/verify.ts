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

type AnySql = Sql | TxSql;

/** Figures for [from, to] straight from case_events (no aggregates), grouped by unit, province or not at all. */
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
      ? sql`c.unit_id::text`
      : groupBy === "province"
        ? sql`c.province_id::text`
        : groupBy === "judgment_type"
          ? sql`c.judgment_type::text`
          : groupBy === "decision_kind"
            ? sql`c.decision_kind::text`
            : sql`'all'`;
  const where = scope.unitIds
    ? sql`c.unit_id = any (${sql.array([...scope.unitIds])}::uuid[])`
    : scope.provinceIds
      ? sql`c.province_id = any (${sql.array([...scope.provinceIds])}::uuid[])`
      : sql`true`;
  const rows = await sql<Record<string, string | null>[]>`
    with ev as (
      select e.case_id, e.id, e.kind, e.effective_date as d,
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
    ), ev2 as (
      -- The outstanding money at each event (a move, a reopening or a return pays nothing itself).
      select ev.*, sum(case kind when 'decision' then amount when 'payment' then -amount else 0 end)
                     over (partition by case_id order by d, id) as owed_at
      from ev
    ), per_case as (
      select ev.case_id,
        (array_agg(base order by d desc, id desc) filter (where base is not null and d <= ${before}))[1] as b0,
        (array_agg(coalesce(base, intr) order by d desc, id desc) filter (where coalesce(base, intr) is not null and d <= ${before}))[1] as i0,
        (array_agg(base order by d desc, id desc) filter (where base is not null))[1] as b1,
        (array_agg(coalesce(base, intr) order by d desc, id desc) filter (where coalesce(base, intr) is not null))[1] as i1,
        coalesce(sum(case kind when 'decision' then amount when 'payment' then -amount else 0 end) filter (where d <= ${before}), 0) as owed0,
        coalesce(sum(case kind when 'decision' then amount when 'payment' then -amount else 0 end), 0) as owed1,
        count(*) filter (where kind = 'acceptance' and d >= ${from}) as acc_n,
        coalesce(sum(amount) filter (where kind = 'decision' and d >= ${from}), 0) as acc_m,
        coalesce(sum(amount) filter (where kind = 'payment' and d >= ${from}), 0) as pay_m,
        count(*) filter (where kind = 'completion' and d >= ${from}) as cmp_n,
        count(*) filter (where kind = 'termination' and d >= ${from}) as ter_n,
        count(*) filter (where kind = 'transfer' and d >= ${from}) as trf_n,
        count(*) filter (where kind = 'register_transfer' and d >= ${from}) as reg_n,
        coalesce(sum(owed_at) filter (where kind = 'register_transfer' and d >= ${from}), 0) as reg_m,
        count(*) filter (where kind = 'register_reopening' and d >= ${from}) as reo_n,
        coalesce(sum(owed_at) filter (where kind = 'register_reopening' and d >= ${from}), 0) as reo_m,
        count(*) filter (where kind = 'request_returned' and d >= ${from}) as ret_n,
        coalesce(sum(owed_at) filter (where kind = 'request_returned' and d >= ${from}), 0) as ret_m
      from ev2 ev group by ev.case_id
    ), standing as (
      select p.*,
        case when i0 in ('pp', 'sp') then i0 when b0 = 'x' then null else b0 end as s0,
        case when i1 in ('pp', 'sp') then i1 when b1 = 'x' then null else b1 end as s1
      from per_case p
    )
    select ${key} as k,
      count(*) filter (where s0 is not null and s0 <> 'sr') as carried_over_n,
      coalesce(sum(owed0) filter (where s0 is not null and s0 <> 'sr'), 0) as carried_over_m,
      sum(acc_n) as newly_accepted_n, sum(acc_m) as newly_accepted_m,
      sum(reo_n) as reopened_n, sum(reo_m) as reopened_m,
      sum(trf_n) as transferred_out_n, coalesce(sum(owed1) filter (where trf_n > 0), 0) as transferred_out_m,
      sum(reg_n) as registered_n, sum(reg_m) as registered_m,
      sum(ret_n) as returned_n, sum(ret_m) as returned_m,
      sum(cmp_n) as completed_n, sum(pay_m) + coalesce(sum(owed1) filter (where cmp_n > 0), 0) as completed_m,
      sum(ter_n) as terminated_n, coalesce(sum(owed1) filter (where ter_n > 0), 0) as terminated_m,
      count(*) filter (where s1 = 'ip') as in_progress_n, coalesce(sum(owed1) filter (where s1 = 'ip'), 0) as in_progress_m,
      count(*) filter (where s1 = 'pp') as postponed_n, coalesce(sum(owed1) filter (where s1 = 'pp'), 0) as postponed_m,
      count(*) filter (where s1 = 'sp') as suspended_n, coalesce(sum(owed1) filter (where s1 = 'sp'), 0) as suspended_m,
      count(*) filter (where s1 = 'ot') as other_n, coalesce(sum(owed1) filter (where s1 = 'ot'), 0) as other_m,
      count(*) filter (where s1 = 'ny') as not_yet_enforceable_n, coalesce(sum(owed1) filter (where s1 = 'ny'), 0) as not_yet_enforceable_m,
      count(*) filter (where s1 = 'sr') as separate_register_n, coalesce(sum(owed1) filter (where s1 = 'sr'), 0) as separate_register_m
    from standing s join public.cases c on c.id = s.case_id
    group by 1`;
  const out = new Map<string, UnitStats>();
  for (const r of rows) {
    const side = (u: "n" | "m") => {
      const v = (k: string) => BigInt(r[`${k}_${u}`] ?? "0");
      return withDerived({
        carried_over: v("carried_over"),
        newly_accepted: v("newly_accepted"),
        reopened: v("reopened"),
        transferred_out: v("transferred_out"),
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
