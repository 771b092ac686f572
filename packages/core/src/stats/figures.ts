/**
 * A unit's figures for a period (packages/core/src/stats/readers.ts reads the aggregates under the caller's
 * RLS) and their plain shapes: the API's JSON and the pages' figures.
 */
import type { TxSql } from "@thads/db";
import { readScopeStats, scopeOf, type StatDim, type StatUnit } from "./readers.ts";
import { completionRate, STAT_FIGURES, type StatFigure, type UnitStats } from "@thads/domain";

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
    unit,
    from,
    to,
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

/** Every figure zero (a unit without rows in the period). */
export function toStatsZero(): UnitStats {
  const z = Object.fromEntries(STAT_FIGURES.map((k) => [k, 0n])) as Record<StatFigure, bigint>;
  return { cases: { ...z }, money: { ...z } };
}

export { completionRate };
