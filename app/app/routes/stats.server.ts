/**
 * Statistics for the pages, the API and the exports: resolve a unit and a period, authorise like
 * the pages, read the aggregates (packages/db/src/stats.ts) under the user's RLS.
 */
import { z } from "zod";
import { readCumulativeSeries, readScopeStats, readStats, scopeOf, sumStats, unitByCode, type StatDim, type StatUnit, type TxSql } from "@thads/db";
import {
  byUnitName,
  canViewProvince,
  canViewUnit,
  completionRate,
  isNational,
  samePeriodLastYear,
  STAT_FIGURES,
  statYearOf,
  statYearPeriod,
  type MembershipRef,
  type StatFigure,
  type UnitStats,
} from "@thads/domain";
import { isoDateParam } from "@thads/core/input";

/** A real calendar day, yyyy-mm-dd, in the years the system knows. */
const isoDate = isoDateParam;

/** ?unit=<code>&from=YYYY-MM-DD&to=YYYY-MM-DD (the API's parameters; the pages default the period). */
export const StatsQuerySchema = z
  .object({
    unit: z.string({ message: "Đơn vị: bắt buộc nhập mã đơn vị." }).regex(/^[A-Z0-9_-]{2,40}$/, { message: "Đơn vị: mã không hợp lệ." }),
    from: isoDate("Từ ngày"),
    to: isoDate("Đến ngày"),
  })
  .refine((q) => q.from <= q.to, { message: "Kỳ thống kê: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", path: ["to"] });

/** The statistical year to date: 1 October to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: statYearPeriod(statYearOf(today)).from, to: today };
}

/** Period from the query string, or the year to date; errors name the field. */
export function periodFrom(params: URLSearchParams, today: string): { from: string; to: string; errors: string[] } {
  const d = defaultPeriod(today);
  const from = params.get("from") || d.from;
  const to = params.get("to") || d.to;
  const errors: string[] = [];
  for (const [value, field] of [[from, "Từ ngày"], [to, "Đến ngày"]] as const) {
    const r = isoDateParam(field).safeParse(value);
    if (!r.success) errors.push(r.error.issues[0]!.message);
  }
  if (errors.length) return { ...d, errors };
  if (from > to) return { ...d, errors: ["Kỳ thống kê: ngày bắt đầu phải trước hoặc bằng ngày kết thúc."] };
  return { from, to, errors };
}

/** May the user read this unit's statistics (the same rule as its page)? */
export function mayReadStats(memberships: MembershipRef[], unit: StatUnit): boolean {
  if (unit.kind === "national") return isNational(memberships);
  if (unit.kind === "province") return canViewProvince(memberships, unit.merged_into_id ?? unit.id);
  return unit.province_id !== null && canViewUnit(memberships, { id: unit.id, provinceId: unit.province_id });
}

export async function resolveUnit(tx: TxSql, code: string): Promise<StatUnit | null> {
  return unitByCode(tx, code);
}

export interface StatsJson {
  unit: string;
  from: string;
  to: string;
  cases: Record<StatFigure, number> & { completion_rate: string | null };
  money: Record<StatFigure, string> & { completion_rate: string | null };
}

/** The API's shape: cases as numbers, money as strings of whole đồng, rates with two decimals. */
export function toJson(unit: string, from: string, to: string, s: UnitStats): StatsJson {
  const cases = Object.fromEntries(STAT_FIGURES.map((k) => [k, Number(s.cases[k])])) as Record<StatFigure, number>;
  const money = Object.fromEntries(STAT_FIGURES.map((k) => [k, s.money[k].toString()])) as Record<StatFigure, string>;
  return {
    unit, from, to,
    cases: { ...cases, completion_rate: completionRate(s.cases) },
    money: { ...money, completion_rate: completionRate(s.money) },
  };
}

export async function unitStats(tx: TxSql, unit: StatUnit, from: string, to: string, dim: StatDim = "all"): Promise<UnitStats> {
  return readScopeStats(tx, { scope: scopeOf(unit), dim, from, to });
}

/** Plain figures for the page (bigints as strings) with both rates. */
export interface Figures {
  cases: Record<StatFigure, string>;
  money: Record<StatFigure, string>;
  casesRate: string | null;
  moneyRate: string | null;
}

export function toFigures(s: UnitStats): Figures {
  return {
    cases: Object.fromEntries(STAT_FIGURES.map((k) => [k, s.cases[k].toString()])) as Record<StatFigure, string>,
    money: Object.fromEntries(STAT_FIGURES.map((k) => [k, s.money[k].toString()])) as Record<StatFigure, string>,
    casesRate: completionRate(s.cases),
    moneyRate: completionRate(s.money),
  };
}

export interface ChildRow extends Figures {
  id: string;
  code: string;
  name: string;
  slug: string | null;
  former: boolean;
  target: { cases: string; money: string } | null;
  previous: { casesRate: string | null; moneyRate: string | null };
}

/**
 * The children of a unit with their figures for the period, the same period a year earlier and
 * their targets: the provinces of the nation, or the offices (and former provinces) of a province.
 */
export async function childrenStats(
  tx: TxSql,
  parent: StatUnit,
  from: string,
  to: string,
  dim: StatDim = "all",
  /** The children's figures for the period when read elsewhere (readStatsByDim). */
  current?: Map<string, UnitStats> | Promise<Map<string, UnitStats>>,
): Promise<ChildRow[]> {
  const nation = parent.kind === "national";
  const rows = await tx<{ id: string; code: string; name: string; slug: string | null; merged_into_id: string | null }[]>`
    select id, code, name, slug, merged_into_id from public.units
    where ${nation
      ? tx`kind = 'province' and dissolved_on is null`
      : tx`province_id = ${parent.id} and id <> ${parent.id} and (kind = 'subunit' or merged_into_id is not null)`}
    order by kind desc, code`;
  // Provinces by place name (Vietnamese order); a province's offices by code, former provinces after.
  const children = nation ? byUnitName(rows) : rows;
  const groupBy = nation ? "province" : "unit";
  const scope = nation ? undefined : { provinceIds: [parent.id] };
  const prev = samePeriodLastYear({ from, to });
  const [now, before] = await Promise.all([
    current ?? readStats(tx, { scope, dim, from, to, groupBy }),
    readStats(tx, { scope, dim, from: prev.from, to: prev.to, groupBy }),
  ]);
  const year = statYearOf(to);
  const targets = await tx<{ unit_id: string; cases_rate: string; money_rate: string }[]>`
    select unit_id, cases_rate::text, money_rate::text from public.stat_targets
    where stat_year = ${year} and unit_id = any (${children.map((c) => c.id)}::uuid[])`;
  const t = new Map(targets.map((x) => [x.unit_id, { cases: x.cases_rate, money: x.money_rate }]));
  const zero = toStatsZero();
  return children.map((c) => {
    const s = now.get(c.id) ?? zero;
    const p = before.get(c.id) ?? zero;
    return {
      id: c.id, code: c.code, name: c.name, slug: c.slug, former: c.merged_into_id !== null,
      ...toFigures(s),
      target: t.get(c.id) ?? null,
      previous: { casesRate: completionRate(p.cases), moneyRate: completionRate(p.money) },
    };
  });
}

/** Runs a step in a transaction of its own, as the signed-in user (RLS). */
export type AsUser = <T>(fn: (tx: TxSql) => Promise<T>) => Promise<T>;

/**
 * The national dashboard's statistics: the provinces' league table (with last year and targets),
 * the nation's figures, the bank-credit and corruption panels and the year's trend. The period is
 * read grouped by province (the nation is the provinces' sum), the panels for the nation as a
 * whole; the reads run at once, each in a transaction of its own on another connection.
 */
export async function nationalDashboardStats(runAsUser: AsUser, nation: StatUnit, from: string, to: string) {
  // Five reads already run at once: parallel workers inside each would only compete for the cores.
  const asUser: AsUser = (fn) =>
    runAsUser(async (tx) => {
      await tx`select set_config('max_parallel_workers_per_gather', '0', true)`;
      return fn(tx);
    });
  const all = asUser((tx) => readStats(tx, { dim: "all", from, to, groupBy: "province" }));
  const nationOf = (dim: StatDim) => asUser((tx) => readScopeStats(tx, { dim, from, to }));
  const [provinces, now, bank, corruption, trendData] = await Promise.all([
    asUser((tx) => childrenStats(tx, nation, from, to, "all", all)),
    all,
    nationOf("bank"),
    nationOf("corruption"),
    asUser((tx) => trend(tx, nation, to)),
  ]);
  return {
    provinces,
    totals: toFigures(sumStats(now.values())),
    bank: toFigures(bank),
    corruption: toFigures(corruption),
    trend: trendData,
  };
}

function toStatsZero(): UnitStats {
  const z = Object.fromEntries(STAT_FIGURES.map((k) => [k, 0n])) as Record<StatFigure, bigint>;
  return { cases: { ...z }, money: { ...z } };
}

export async function targetOf(tx: TxSql, unitId: string, year: number) {
  const [row] = await tx<{ cases_rate: string; money_rate: string }[]>`
    select cases_rate::text, money_rate::text from public.stat_targets where unit_id = ${unitId} and stat_year = ${year}`;
  return row ? { cases: row.cases_rate, money: row.money_rate } : null;
}

/** Cumulative completion rates month by month through the statistical year, up to `to`, and the year before. */
export async function trend(tx: TxSql, unit: StatUnit, to: string) {
  const year = statYearOf(to);
  const point = (p: { to: string; stats: UnitStats }) => ({
    to: p.to,
    casesRate: completionRate(p.stats.cases),
    moneyRate: completionRate(p.stats.money),
    completed: (p.stats.cases.completed + p.stats.cases.terminated).toString(),
  });
  const current = (await readCumulativeSeries(tx, { scope: scopeOf(unit), year, to })).map(point);
  const previous = (await readCumulativeSeries(tx, { scope: scopeOf(unit), year: year - 1, to: `${year - 1}-09-30` })).map(point);
  return { year, current, previous: previous.slice(0, Math.max(current.length, 1)) };
}

export { completionRate };
