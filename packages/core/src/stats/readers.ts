/**
 * Reading the statistics aggregates (supabase/migrations/20251115000000_stats.sql and
 * 20251128000000_stat_yearly.sql): any unit scope and any period [from, to] as sums of a few rows
 * of public.stat_yearly (whole statistical years of the stocks), public.stat_monthly (whole months)
 * and public.stat_daily (the partial months at either end). Runs as whoever `sql` is: under RLS for
 * the app's users. Definitions: packages/domain/src/stats.
 */
import {
  ACTIVE_STOCKS,
  addCalendarDays,
  assertPeriod,
  DELTA_FLOWS,
  DELTA_STOCKS,
  monthEnd,
  STAT_FIGURES,
  STAT_JUDGMENT_TYPES,
  subtractStats,
  withDerived,
  type StatBreakdown,
  type IsoDate,
  type UnitStats,
} from "@thads/domain";
import type { Sql, TxSql } from "@thads/db";

type AnySql = Sql | TxSql;

export type StatDim = "all" | "bank" | "corruption" | `jt:${string}` | "dk:on_request";

export interface StatScope {
  /** Rows of these units only (a sub-bureau, a former province). */
  unitIds?: readonly string[];
  /** Rows whose tenant key is one of these provinces (a province with its sub-bureaus and former provinces). */
  provinceIds?: readonly string[];
}

export interface StatQuery {
  scope?: StatScope;
  dim?: StatDim;
  from: IsoDate;
  to: IsoDate;
  /** One result per unit, per province (tenant key), per dimension (of `dims`), or one for the whole scope. */
  groupBy?: "unit" | "province" | "dim" | "none";
  /** With groupBy "dim": the dimensions read (instead of `dim`), one result each. */
  dims?: readonly StatDim[];
}

const monthStart = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;
const addMonths = (m: IsoDate, n: number): IsoDate => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(mo / 12);
  const mm = ((mo % 12) + 12) % 12;
  return `${String(yy).padStart(4, "0")}-${String(mm + 1).padStart(2, "0")}-01`;
};
/**
 * The first month not covered by whole statistical years up to month m: m's year's first month,
 * or the month after m when m ends its year (September).
 */
const afterWholeYears = (m: IsoDate): IsoDate => (m.slice(5, 7) === "09" ? addMonths(m, 1) : yearStart(m));
/** The first day of the statistical year (1 October – 30 September) that holds m. */
const yearStart = (m: IsoDate): IsoDate => (m.slice(5, 7) >= "10" ? `${m.slice(0, 4)}-10-01` : `${Number(m.slice(0, 4)) - 1}-10-01`);
const endOfMonth = (m: IsoDate): IsoDate => monthEnd(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
/** The first day of the last month that ends on or before d. */
const lastWholeMonth = (d: IsoDate): IsoDate => (endOfMonth(monthStart(d)) === d ? monthStart(d) : addMonths(monthStart(d), -1));

export const STOCK_COLS = DELTA_STOCKS.flatMap((s) => [`${s}_n`, `${s}_m`]);
export const FLOW_COLS = DELTA_FLOWS.flatMap((s) => [`${s}_n`, `${s}_m`]);

/** The period's boundaries in months and days (exported for the brute-force comparison and tests). */
export function periodPlan(from: IsoDate, to: IsoDate) {
  assertPeriod(from, to);
  const before = addCalendarDays(from, -1);
  const mA = lastWholeMonth(before); // level before the period: months ≤ mA, days in (end(mA), before]
  const mB = lastWholeMonth(to); // level at the end: months ≤ mB, days in (end(mB), to]
  const m1 = from === monthStart(from) ? from : addMonths(monthStart(from), 1); // whole months of the period: [m1, m2]
  const m2 = mB;
  return { before, mA, mAEnd: endOfMonth(mA), mB, mBEnd: endOfMonth(mB), m1, m2, m2End: endOfMonth(m2), whole: m1 <= m2 };
}

function scopeWhere(sql: AnySql, scope: StatScope | undefined) {
  if (scope?.unitIds) return sql`unit_id = any (${sql.array([...scope.unitIds])}::uuid[])`;
  if (scope?.provinceIds) return sql`province_id = any (${sql.array([...scope.provinceIds])}::uuid[])`;
  return sql`true`;
}

function toStats(row: Record<string, string | null>): UnitStats {
  const v = (k: string) => BigInt(row[k] ?? "0");
  const side = (u: "n" | "m") =>
    withDerived({
      // The separate register (sr) is outside the active workload: not carried over.
      carried_over: ACTIVE_STOCKS.reduce((t, s) => t + v(`${s}_${u}_before`), 0n),
      newly_accepted: v(`acc_${u}`),
      reopened: v(`reo_${u}`),
      moved_in: v(`mvi_${u}`),
      transferred_out: v(`trf_${u}`),
      moved_out: v(`mvo_${u}`),
      registered: v(`reg_${u}`),
      returned: v(`ret_${u}`),
      completed: v(`cmp_${u}`),
      terminated: v(`ter_${u}`),
      in_progress: v(`ip_${u}_after`),
      postponed: v(`pp_${u}_after`),
      suspended: v(`sp_${u}_after`),
      other: v(`ot_${u}_after`),
      not_yet_enforceable: v(`ny_${u}_after`),
      separate_register: v(`sr_${u}_after`),
    });
  return { cases: side("n"), money: side("m") };
}

/** The sum of several groups' figures (every figure is a sum of rows, so sums add up). */
export function sumStats(groups: Iterable<UnitStats>): UnitStats {
  const zero = () => Object.fromEntries(STAT_FIGURES.map((k) => [k, 0n])) as UnitStats["cases"];
  const out: UnitStats = { cases: zero(), money: zero() };
  for (const g of groups) {
    for (const k of STAT_FIGURES) {
      out.cases[k] += g.cases[k];
      out.money[k] += g.money[k];
    }
  }
  return out;
}

/** Figures per group for the period. Keys: unit id, province id, or "all". */
export async function readStats(sql: AnySql, q: StatQuery): Promise<Map<string, UnitStats>> {
  const p = periodPlan(q.from, q.to);
  const dimWhere = q.groupBy === "dim" ? sql`dim = any (${sql.array([...(q.dims ?? ["all"])])}::text[])` : sql`dim = ${q.dim ?? "all"}`;
  const where = sql`${scopeWhere(sql, q.scope)} and ${dimWhere}`;
  const key =
    q.groupBy === "unit"
      ? sql`unit_id::text`
      : q.groupBy === "province"
        ? sql`province_id::text`
        : q.groupBy === "dim"
          ? sql`dim`
          : sql`null::text`;
  // Each row is classified once: b when it counts in the stock before the period, a when in the
  // stock at its end, f when it is a flow of the period (a daily row may count before the period
  // while its month's row counts at the end). The sums per (group, b, a, f) are combined here.
  // A stock up to a month is the whole statistical years up to it (stat_yearly, years before yA
  // or yB) plus the months after them up to it (stat_monthly, from yA or yB).
  const yA = afterWholeYears(p.mA);
  const yB = afterWholeYears(p.mB);
  const isM = (lo: IsoDate, hi: IsoDate) => `(src = 'm' and t between '${lo}' and '${hi}')`;
  const isD = (lo: IsoDate, hi: IsoDate) => `(src = 'd' and t > '${lo}' and t <= '${hi}')`;
  const before = `(src = 'y' and t < '${yA}') or ${isM(yA, p.mA)} or ${isD(p.mAEnd, p.before)}`;
  const after = `(src = 'y' and t < '${yB}') or ${isM(yB, p.mB)} or ${isD(p.mBEnd, q.to)}`;
  const flow = p.whole
    ? `${isM(p.m1, p.m2)} or (src = 'd' and t between '${q.from}' and '${q.to}' and (t < '${p.m1}' or t > '${p.m2End}'))`
    : `(src = 'd' and t between '${q.from}' and '${q.to}')`;
  const all = [...STOCK_COLS, ...FLOW_COLS];
  const cols = all.join(", ");
  // A whole year's row only ever counts in a stock (before the period or at its end), never as a
  // flow of the period: its flow columns are not read (null, which a sum skips).
  const yearlyCols = all.map((c) => (STOCK_COLS.includes(c) ? c : `null::${c.endsWith("_n") ? "bigint" : "numeric"} as ${c}`)).join(", ");
  const sums = all.map((c) => `sum(${c})::text as ${c}`).join(", ");
  const dayFilter = `(day > '${p.mAEnd}' and day <= '${p.before}') or (day > '${p.mBEnd}' and day <= '${q.to}')
    or (day between '${q.from}' and '${q.to}' ${p.whole ? `and (day < '${p.m1}' or day > '${p.m2End}')` : ""})`;
  const rows = await sql<Record<string, string | null>[]>`
    select k, b, a, f, ${sql.unsafe(sums)}
    from (
      select k, coalesce(${sql.unsafe(before)}, false) as b, coalesce(${sql.unsafe(after)}, false) as a,
             coalesce(${sql.unsafe(flow)}, false) as f, ${sql.unsafe(cols)}
      from (
        select ${key} as k, 'y' as src, year as t, ${sql.unsafe(yearlyCols)}
          from public.stat_yearly where ${where} and year < ${yB}
        union all
        select ${key} as k, 'm' as src, month as t, ${sql.unsafe(cols)}
          from public.stat_monthly where ${where} and month >= ${yA} and month <= ${p.mB}
        union all
        select ${key} as k, 'd' as src, day as t, ${sql.unsafe(cols)}
          from public.stat_daily where ${where} and (${sql.unsafe(dayFilter)})
      ) r
    ) c
    group by k, b, a, f`;
  const acc = new Map<string, Record<string, bigint>>();
  for (const r of rows) {
    const k = r.k === null ? "all" : String(r.k);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = {} as Record<string, bigint>));
    const yes = (x: unknown) => x === true || x === "true" || x === "t";
    for (const c of STOCK_COLS) {
      const v = BigInt(r[c] ?? "0");
      if (yes(r.b)) a[`${c}_before`] = (a[`${c}_before`] ?? 0n) + v;
      if (yes(r.a)) a[`${c}_after`] = (a[`${c}_after`] ?? 0n) + v;
    }
    if (yes(r.f)) {
      for (const c of FLOW_COLS) a[c] = (a[c] ?? 0n) + BigInt(r[c] ?? "0");
    }
  }
  const out = new Map<string, UnitStats>();
  for (const [k, a] of acc) out.set(k, toStats(Object.fromEntries(Object.entries(a).map(([c, v]) => [c, v.toString()]))));
  return out;
}

/** One scope's figures (zeros when it has no rows). */
export async function readScopeStats(sql: AnySql, q: Omit<StatQuery, "groupBy">): Promise<UnitStats> {
  const m = await readStats(sql, { ...q, groupBy: "none" });
  return m.get("all") ?? toStats({});
}

/**
 * A scope's line and its breakdowns (packages/domain/src/stats/breakdowns.ts) in one read: the
 * judgment types from their 'jt:' rows, on request from 'dk:on_request', ex officio as the line
 * less on request (only one decision kind is kept, see 20261210000100_stat_breakdowns.sql).
 */
export async function readBreakdown(
  sql: AnySql,
  q: Omit<StatQuery, "groupBy" | "dims" | "dim">,
): Promise<{ line: UnitStats; parts: StatBreakdown }> {
  const dims: StatDim[] = ["all", "dk:on_request", ...STAT_JUDGMENT_TYPES.map((t) => `jt:${t}` as const)];
  const m = await readStats(sql, { ...q, groupBy: "dim", dims });
  const get = (d: string) => m.get(d) ?? toStats({});
  const line = get("all");
  const onRequest = get("dk:on_request");
  const parts = { ex_officio: subtractStats(line, onRequest), on_request: onRequest } as StatBreakdown;
  for (const t of STAT_JUDGMENT_TYPES) parts[t] = get(`jt:${t}`);
  return { line, parts };
}

export interface StatUnit {
  id: string;
  kind: "national" | "province" | "subunit";
  code: string;
  name: string;
  province_id: string | null;
  merged_into_id: string | null;
  dissolved_on: string | null;
}

/**
 * The rows a unit's figures are the sum of: the nation all; a current province its tenant key
 * (its sub-bureaus and the former provinces merged into it); a sub-bureau or a former province its own.
 */
export function scopeOf(unit: Pick<StatUnit, "id" | "kind" | "merged_into_id">): StatScope | undefined {
  if (unit.kind === "national") return undefined;
  if (unit.kind === "province" && unit.merged_into_id === null) return { provinceIds: [unit.id] };
  return { unitIds: [unit.id] };
}

export async function unitByCode(sql: AnySql, code: string): Promise<StatUnit | null> {
  const [u] = await sql<StatUnit[]>`
    select id, kind, code, name, province_id, merged_into_id, dissolved_on::text as dissolved_on
    from public.units where code = ${code}`;
  return u ?? null;
}

/**
 * The statistical year's cumulative figures (1 October to each month's end, the last one cut at
 * `to`) in three queries instead of one per month: the stock levels before the year, the monthly
 * rows of the year, and the last partial month through readStats. Equal to readScopeStats for
 * each cumulative period (tested).
 */
export async function readCumulativeSeries(
  sql: AnySql,
  q: {
    scope?: StatScope;
    dim?: StatDim;
    year: number;
    to: IsoDate;
    /** The scope's figures from the year's start to `to`, when the caller reads them anyway: the last point. */
    yearToDate?: Promise<UnitStats>;
  },
): Promise<{ to: IsoDate; stats: UnitStats }[]> {
  const dim = q.dim ?? "all";
  const start = `${q.year - 1}-10-01`;
  const end = `${q.year}-09-30` < q.to ? `${q.year}-09-30` : q.to;
  if (end < start) return [];
  const where = scopeWhere(sql, q.scope);
  const all = [...STOCK_COLS, ...FLOW_COLS];
  const sums = all.map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(", ");
  const lastWhole = lastWholeMonth(end);
  // The stock before the year: the whole statistical years before it (its first month starts one).
  // Only the stocks: flows count from the year's first month.
  const [opening] = await sql<Record<string, string>[]>`
    select ${sql.unsafe(STOCK_COLS.map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(", "))} from (
      select ${sql.unsafe(STOCK_COLS.join(", "))} from public.stat_yearly where ${where} and dim = ${dim} and year < ${yearStart(start)}
      union all
      select ${sql.unsafe(STOCK_COLS.join(", "))} from public.stat_monthly
      where ${where} and dim = ${dim} and month >= ${yearStart(start)} and month < ${start}
    ) r`;
  const months = await sql<Record<string, string>[]>`
    select month::text as month, ${sql.unsafe(sums)} from public.stat_monthly
    where ${where} and dim = ${dim} and month >= ${start} and month <= ${lastWhole}
    group by month order by month`;
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const level = Object.fromEntries(STOCK_COLS.map((c) => [c, BigInt(opening?.[c] ?? "0")]));
  const flow = Object.fromEntries(FLOW_COLS.map((c) => [c, 0n]));
  const out: { to: IsoDate; stats: UnitStats }[] = [];
  for (let m = start; m <= lastWhole; m = addMonths(m, 1)) {
    const row = byMonth.get(m);
    if (row) {
      for (const c of STOCK_COLS) level[c] = level[c]! + BigInt(row[c] ?? "0");
      for (const c of FLOW_COLS) flow[c] = flow[c]! + BigInt(row[c] ?? "0");
    }
    const r: Record<string, string> = {};
    for (const c of STOCK_COLS) {
      r[`${c}_before`] = String(BigInt(opening?.[c] ?? "0"));
      r[`${c}_after`] = String(level[c]);
    }
    for (const c of FLOW_COLS) r[c] = String(flow[c]);
    out.push({ to: endOfMonth(m), stats: toStats(r) });
  }
  if (end !== endOfMonth(monthStart(end))) {
    const last = q.yearToDate && end === q.to ? q.yearToDate : readScopeStats(sql, { scope: q.scope, dim, from: start, to: end });
    out.push({ to: end, stats: await last });
  }
  return out;
}
