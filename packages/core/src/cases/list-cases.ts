import type { TxSql } from "@thads/db";
import { byUnitName, drillFigureValue, foldVietnamese, type CaseListScope } from "@thads/domain";
import { statFigureWhere } from "./figure-filter.ts";
import { readScopeStats, type StatScope } from "../stats/readers.ts";
import { caseFigureMoney, moneyListAddsFlows } from "./figure-money.ts";
import { CASE_PAGE_SIZE, type CaseFilters } from "./filters.ts";
import { ID_NUMBER_PATTERN } from "./intake-schema.ts";
import { inActiveWorkload, stepOverdue } from "./workload-scope.ts";

/** The total is counted exactly up to this many rows past the page's start; beyond, the list says "N+". */
const COUNT_CAP = 1_000;
/** A statistics drill-down counts further: its total is set beside the figure it opens. */
const FIGURE_COUNT_CAP = 10_000;

export interface CaseListRow {
  id: string;
  case_number: string;
  debtor_name: string;
  creditor_name: string | null;
  status: string;
  accepted_on: string;
  money_due: string;
  money_collected: string;
  next_deadline_on: string | null;
  next_deadline_kind: string | null;
  executor_name: string | null;
  unit_code: string;
  is_bank_credit: boolean;
  is_corruption: boolean;
}

/** A list's filters as SQL: the WHERE clause (the user's range and every filter) and the order. */
async function listQuery(tx: TxSql, f: CaseFilters, today: string, scope: CaseListScope) {
  const folded = f.q ? foldVietnamese(f.q).replace(/[%_\\]/g, "") : "";
  const needle = folded ? `%${folded}%` : null;
  // A search that could be a party's ID number (as intake accepts it, with a digit) also looks it up exactly.
  const idNumber = f.q && ID_NUMBER_PATTERN.test(f.q.trim()) && /\d/.test(f.q) ? f.q.trim() : null;
  // One id is written as "=", so the index range comes out in list order with no sort.
  const oneOf = (ids: string[]) => (ids.length === 1 ? tx`= ${ids[0]!}::uuid` : tx`= any(${ids}::uuid[])`);
  const range = f.unit
    ? tx`and c.unit_id = (select id from public.units where code = ${f.unit})`
    : f.province
      ? tx`and c.province_id = (select id from public.units where code = ${f.province} and kind = 'province')`
      : scope.kind === "units"
        ? tx`and c.unit_id ${oneOf(scope.ids)}`
        : scope.kind === "provinces"
          ? tx`and c.province_id ${oneOf(scope.ids)}`
          : null;
  // The filters beyond the range, each one condition (none: the plain list).
  const figure = f.stat ? await statFigureWhere(tx, f) : null;
  const conditions = [
    needle
      ? idNumber
        ? tx`and (c.search_text like ${needle} or c.id = any(select p.case_id from public.case_parties p where p.id_number = ${idNumber}))`
        : tx`and c.search_text like ${needle}`
      : null,
    f.status ? tx`and c.status = ${f.status}` : null,
    f.category === "bank_credit" ? tx`and c.is_bank_credit` : f.category === "corruption" ? tx`and c.is_corruption` : null,
    f.judgmentType ? tx`and c.judgment_type = ${f.judgmentType}` : null,
    f.executor ? tx`and c.executor_id = ${f.executor}` : null,
    f.overdue ? tx`and ${stepOverdue(tx, today)}` : null,
    f.open ? tx`and ${inActiveWorkload(tx)}` : null,
    f.moneyMin !== undefined ? tx`and c.money_due >= ${f.moneyMin}` : null,
    f.moneyMax !== undefined ? tx`and c.money_due <= ${f.moneyMax}` : null,
    f.from ? tx`and c.accepted_on >= ${f.from}` : null,
    f.to ? tx`and c.accepted_on <= ${f.to}` : null,
    figure ? figure.sql : null,
  ].filter((c) => c !== null);
  const where = conditions.reduce((sql, c) => tx`${sql} ${c}`, tx`where true ${range ?? tx``}`);
  const order =
    f.sort === "money_desc"
      ? tx`c.money_due desc, c.id`
      : f.sort === "deadline_asc"
        ? tx`c.next_deadline_on asc nulls last, c.id`
        : tx`c.accepted_on desc, c.id`;
  // A national reader (RLS shows every case) with a figure as the list's only filter: the list is
  // exactly the figure's cases, so its size and money are the figure's, read from the aggregates
  // (the drill-down tests hold the list's own count and sum equal to them).
  const isFigureOnly = figure !== null && conditions.length === 1 && range === null && scope.kind === "national";
  return { where, order, figure, plain: conditions.length === 0, isFigureOnly };
}

/**
 * One page of cases visible to the user (RLS), filtered and sorted, with a
 * capped total: exact up to COUNT_CAP rows past the page's start, so a deeper
 * page counts further and "Next" stays offered while the total is capped.
 * Both walk the covering list index (index-only: the search text and every
 * filter column are in it); the page then reads its rows by id.
 * `scope` narrows the walk to the user's own unit or province range; RLS
 * still decides which rows may be read. A national reader's list opened on a
 * figure alone takes its total (by cases) and money (by money) from the figure.
 */
export async function listCases(tx: TxSql, f: CaseFilters, today: string, scope: CaseListScope = { kind: "none" }) {
  const { where, order, figure, plain: unfiltered, isFigureOnly } = await listQuery(tx, f, today, scope);
  const offset = (f.page - 1) * CASE_PAGE_SIZE;
  const columns = tx`
    c.id, c.case_number, c.debtor_name, c.creditor_name, c.status, c.accepted_on::text as accepted_on,
    c.money_due::text as money_due, c.money_collected::text as money_collected,
    c.next_deadline_on::text as next_deadline_on, c.next_deadline_kind,
    p.full_name as executor_name, u.code as unit_code, c.is_bank_credit, c.is_corruption`;
  // The page. Filtered, sorted otherwise or deeper in: its ids from the covering index
  // (index-only: rows that do not match are never fetched), then their rows. The plain
  // first page in list order: its 50 rows read in one walk of the same index.
  const plain = offset === 0 && f.sort === "accepted_desc" && unfiltered;
  const rowsQuery = plain
    ? tx<CaseListRow[]>`
        select ${columns}
        from public.cases c
        join public.units u on u.id = c.unit_id
        left join public.profiles p on p.id = c.executor_id
        ${where} order by ${order} limit ${CASE_PAGE_SIZE}`
    : tx<CaseListRow[]>`
        select ${columns}
        from (select c.id from public.cases c ${where} order by ${order} limit ${CASE_PAGE_SIZE} offset ${offset}) page
        join public.cases c on c.id = page.id
        join public.units u on u.id = c.unit_id
        left join public.profiles p on p.id = c.executor_id
        order by ${order}`;
  const moneySide = isMoneyList(f);
  // The figure's own value (the whole figure, no cap), when the list is exactly its cases.
  const figureQuery = isFigureOnly ? figureValue(tx, f, figure!.statScope) : null;
  // A money figure's list: the money its cases contribute to the figure, summed over the whole list
  // (not capped: it is set beside the figure it opens), as a string of whole đồng.
  const moneyQuery = moneySide && !isFigureOnly ? sumListed(tx, f, where, figure?.heldBy ?? null) : null;
  // A money list is the figure's cases, unless the figure's money also comes from other cases' flows:
  // then no figure counts its cases, its money stands beside the figure, and it counts as a plain list.
  const addsFlows = moneySide && moneyListAddsFlows(f.stat!);
  // The total, counted up to the cap. The count walks on along the page's own index range, in the
  // page's order: the same index-only walk whether RLS applies or not.
  const cap = offset + (f.stat && !addsFlows ? FIGURE_COUNT_CAP : COUNT_CAP);
  const countQuery = isFigureOnly && !addsFlows ? null : countListed(tx, where, order, cap);
  // At once (one round trip); a short first page is its own count.
  const [rows, figureRow, money, count] = await Promise.all([rowsQuery, figureQuery, moneyQuery, countQuery]);
  const moneyTotal = moneySide ? (figureRow ? figureRow.money.toString() : (money ?? "0")) : null;
  if (offset === 0 && rows.length < CASE_PAGE_SIZE) return { rows, total: rows.length, capped: false, moneyTotal };
  if (count === null) return { rows, total: Number(figureRow!.cases), capped: false, moneyTotal };
  return { rows, total: Math.min(count, cap), capped: count > cap, moneyTotal };
}

/** A money figure's list: it carries the money of its cases. */
const isMoneyList = (f: CaseFilters): boolean => !!(f.stat && f.statFrom && f.statTo && f.side === "money");

type Where = Awaited<ReturnType<typeof listQuery>>["where"];
type Order = Awaited<ReturnType<typeof listQuery>>["order"];

async function countListed(tx: TxSql, where: Where, order: Order, cap: number): Promise<number> {
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from (select 1 from public.cases c ${where} order by ${order} limit ${cap + 1}) s`;
  return row?.n ?? 0;
}

async function sumListed(tx: TxSql, f: CaseFilters, where: Where, heldBy: string | null): Promise<string> {
  const [row] = await tx<{ total: string }[]>`
    select coalesce(sum(${caseFigureMoney(tx, f.stat!, f.statFrom!, f.statTo!, heldBy)}), 0)::text as total
    from public.cases c ${where}`;
  return row?.total ?? "0";
}

/** A figure's value by cases and by money for its unit and period, from the aggregates (the user's RLS applies). */
async function figureValue(tx: TxSql, f: CaseFilters, scope: StatScope | undefined | null): Promise<{ cases: bigint; money: bigint }> {
  if (scope === null) return { cases: 0n, money: 0n };
  const stats = await readScopeStats(tx, { scope, dim: "all", from: f.statFrom!, to: f.statTo! });
  return { cases: drillFigureValue(stats.cases, f.stat!), money: drillFigureValue(stats.money, f.stat!) };
}

/**
 * The list's own count of its cases (up to `cap`) and, for a money figure, its own sum: what the
 * list's total and money would be without the figure's aggregates (the drill-down tests compare the two).
 */
export async function countListedCases(tx: TxSql, f: CaseFilters, today: string, scope: CaseListScope, cap = FIGURE_COUNT_CAP) {
  const { where, order, figure } = await listQuery(tx, f, today, scope);
  const [count, money] = await Promise.all([
    countListed(tx, where, order, cap),
    isMoneyList(f) ? sumListed(tx, f, where, figure?.heldBy ?? null) : null,
  ]);
  return { total: Math.min(count, cap), capped: count > cap, moneyTotal: money };
}

/** How many executors the filter's on-demand search answers with. */
export const EXECUTOR_SEARCH_LIMIT = 20;

/**
 * The executors the list's filter offers at once: one unit's (the list narrowed to it, or a
 * sub-bureau user's own). A province or the directorate searches them on demand instead
 * (`searchCaseExecutors`), so the list's page does not carry hundreds of names.
 */
export async function listCaseExecutorChoices(tx: TxSql, unit: { code: string } | { ids: string[] }) {
  const where =
    "code" in unit ? tx`m.unit_id = (select id from public.units where code = ${unit.code})` : tx`m.unit_id = any(${unit.ids}::uuid[])`;
  return tx<{ id: string; full_name: string }[]>`
      select distinct p.id, p.full_name from public.memberships m join public.profiles p on p.id = m.user_id
      where m.role = 'executor' and ${where}
      order by p.full_name limit 300`;
}

/** Visible executors (RLS) whose name contains the words typed, diacritics-free; at most EXECUTOR_SEARCH_LIMIT. */
export async function searchCaseExecutors(tx: TxSql, q: string) {
  const folded = foldVietnamese(q)
    .replace(/[%_\\]/g, "")
    .trim();
  if (!folded) return [];
  return tx<{ id: string; full_name: string }[]>`
      select p.id, p.full_name from public.profiles p
      where exists (select 1 from public.memberships m where m.user_id = p.id and m.role = 'executor')
        and app_private.search_text(p.full_name) like ${`%${folded}%`}
      order by p.full_name limit ${EXECUTOR_SEARCH_LIMIT}`;
}

/** The name of the executor a list is filtered by (null when not visible). */
export async function caseExecutorName(tx: TxSql, id: string) {
  const [row] = await tx<{ id: string; full_name: string }[]>`select id, full_name from public.profiles where id = ${id}`;
  return row ?? null;
}

/** The current provinces, by name: the directorate's province filter. */
export async function listCaseProvinceChoices(tx: TxSql) {
  return byUnitName(
    await tx<{ code: string; name: string }[]>`
          select code, name from public.units where kind = 'province' and dissolved_on is null`,
  );
}
