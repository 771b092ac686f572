/**
 * A unit's figures for a period (packages/core/src/stats/readers.ts reads the aggregates under the caller's
 * RLS) and their plain shapes: the API's JSON and the pages' figures.
 */
import type { TxSql } from "@thads/db";
import { readBreakdown, readScopeStats, scopeOf, type StatDim, type StatUnit } from "./readers.ts";
import {
  completionRate,
  STAT_DECISION_KINDS,
  STAT_FIGURES,
  STAT_JUDGMENT_TYPES,
  type StatBreakdown,
  type StatDecisionKind,
  type StatFigure,
  type StatJudgmentType,
  type UnitStats,
} from "@thads/domain";

export interface StatsSidesJson {
  cases: Record<StatFigure, number> & { completion_rate: string | null };
  money: Record<StatFigure, string> & { completion_rate: string | null };
}

export interface StatsJson extends StatsSidesJson {
  unit: string;
  from: string;
  to: string;
  /** Every line split by decision kind and by judgment type; each split adds up to the line. */
  breakdown?: {
    decision_kind: Record<StatDecisionKind, StatsSidesJson>;
    judgment_type: Record<StatJudgmentType, StatsSidesJson>;
  };
}

function sidesJson(s: UnitStats): StatsSidesJson {
  const cases = Object.fromEntries(STAT_FIGURES.map((k) => [k, Number(s.cases[k])])) as Record<StatFigure, number>;
  const money = Object.fromEntries(STAT_FIGURES.map((k) => [k, s.money[k].toString()])) as Record<StatFigure, string>;
  return { cases: { ...cases, completion_rate: completionRate(s.cases) }, money: { ...money, completion_rate: completionRate(s.money) } };
}

/** The API's shape: cases as numbers, money as strings of whole đồng, rates with two decimals; the breakdowns when given. */
export function toJson(unit: string, from: string, to: string, s: UnitStats, parts?: StatBreakdown): StatsJson {
  const out: StatsJson = { unit, from, to, ...sidesJson(s) };
  if (parts) {
    out.breakdown = {
      decision_kind: Object.fromEntries(STAT_DECISION_KINDS.map((k) => [k, sidesJson(parts[k])])) as Record<
        StatDecisionKind,
        StatsSidesJson
      >,
      judgment_type: Object.fromEntries(STAT_JUDGMENT_TYPES.map((k) => [k, sidesJson(parts[k])])) as Record<
        StatJudgmentType,
        StatsSidesJson
      >,
    };
  }
  return out;
}

/** A unit's line with its breakdowns for the period, in one read. */
export async function unitBreakdown(
  tx: TxSql,
  unit: StatUnit,
  from: string,
  to: string,
): Promise<{ line: UnitStats; parts: StatBreakdown }> {
  return readBreakdown(tx, { scope: scopeOf(unit), from, to });
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
