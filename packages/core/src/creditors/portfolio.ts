import type { TxSql } from "@thads/db";
import { STATUS_GROUPS, statusGroupOf, type CaseStatus, type StatusGroup } from "@thads/domain";
import { idleWhere } from "./my-cases.ts";

/*
 * A creditor's portfolio (a bank's first screen): its cases and the money outstanding by province
 * and by where the cases stand, and the cases that are stuck — no step for months, or an auction
 * that failed. Row security decides which cases (the account's own, in every province); each figure
 * is the count of the list `myCases` gives with the same filters (province, group, stuck).
 */

export interface PortfolioFigure {
  cases: number;
  /** Whole đồng, as text. */
  outstanding: string;
}

export interface PortfolioProvince extends PortfolioFigure {
  province_name: string;
  province_slug: string;
  groups: Record<StatusGroup, PortfolioFigure>;
}

export interface Portfolio {
  provinces: PortfolioProvince[];
  totals: PortfolioFigure & { groups: Record<StatusGroup, PortfolioFigure> };
  stuck: { idle: PortfolioFigure; auction: PortfolioFigure };
}

const zero = (): PortfolioFigure => ({ cases: 0, outstanding: "0" });
const add = (a: PortfolioFigure, cases: number, outstanding: bigint): PortfolioFigure => ({
  cases: a.cases + cases,
  outstanding: (BigInt(a.outstanding) + outstanding).toString(),
});
const emptyGroups = () => Object.fromEntries(STATUS_GROUPS.map((g) => [g, zero()])) as Record<StatusGroup, PortfolioFigure>;

export async function portfolio(tx: TxSql): Promise<Portfolio> {
  const rows = await tx<{ province_name: string; province_slug: string; status: CaseStatus; cases: number; outstanding: string }[]>`
    select pu.name as province_name, pu.slug as province_slug, c.status, count(*)::int as cases,
           sum(c.money_due - c.money_collected)::text as outstanding
      from public.cases c join public.units pu on pu.id = c.province_id
     group by 1, 2, 3`;
  const byProvince = new Map<string, PortfolioProvince>();
  const totals = { ...zero(), groups: emptyGroups() };
  for (const r of rows) {
    const p = byProvince.get(r.province_slug) ?? {
      province_name: r.province_name,
      province_slug: r.province_slug,
      ...zero(),
      groups: emptyGroups(),
    };
    const g = statusGroupOf(r.status);
    const money = BigInt(r.outstanding);
    p.groups[g] = add(p.groups[g], r.cases, money);
    Object.assign(p, add(p, r.cases, money));
    totals.groups[g] = add(totals.groups[g], r.cases, money);
    Object.assign(totals, add(totals, r.cases, money));
    byProvince.set(r.province_slug, p);
  }
  const [idle] = await tx<{ cases: number; outstanding: string }[]>`
    select count(*)::int as cases, coalesce(sum(c.money_due - c.money_collected), 0)::text as outstanding
      from public.cases c where true ${idleWhere(tx)}`;
  const [auction] = await tx<{ cases: number; outstanding: string }[]>`
    select count(*)::int as cases, coalesce(sum(c.money_due - c.money_collected), 0)::text as outstanding
      from public.cases c where c.id in (select f.case_id from public.creditor_case_failed_auctions() f)`;
  return {
    provinces: [...byProvince.values()].sort((a, b) => {
      const d = BigInt(b.outstanding) - BigInt(a.outstanding);
      return d > 0n ? 1 : d < 0n ? -1 : a.province_name.localeCompare(b.province_name, "vi");
    }),
    totals,
    stuck: { idle: idle ?? zero(), auction: auction ?? zero() },
  };
}
