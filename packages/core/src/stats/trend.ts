/** Cumulative completion rates month by month through the statistical year. */
import type { TxSql } from "@thads/db";
import { readCumulativeSeries, scopeOf, type StatUnit } from "./readers.ts";
import { completionRate, statYearOf, statYearPeriod, type UnitStats } from "@thads/domain";

/**
 * Cumulative completion rates month by month through the statistical year, up to `to`, and the
 * year before. `period`: the unit's figures for [from, to] that the caller reads anyway; when the
 * period starts the statistical year (the pages' default) they are the trend's last point, not read twice.
 */
export async function trend(tx: TxSql, unit: StatUnit, to: string, period?: { from: string; stats: Promise<UnitStats> }) {
  const year = statYearOf(to);
  // Not awaited when the period does not start the year: its failure must not go unhandled (that
  // ends the process); the caller sees it where it awaits the figures itself.
  period?.stats.catch(() => {});
  const yearToDate = period && period.from === statYearPeriod(year).from ? period.stats : undefined;
  const point = (p: { to: string; stats: UnitStats }) => ({
    to: p.to,
    casesRate: completionRate(p.stats.cases),
    moneyRate: completionRate(p.stats.money),
    completed: (p.stats.cases.completed + p.stats.cases.terminated).toString(),
  });
  // Both years at once: their statements go out together.
  const [cur, prev] = await Promise.all([
    readCumulativeSeries(tx, { scope: scopeOf(unit), year, to, yearToDate }),
    readCumulativeSeries(tx, { scope: scopeOf(unit), year: year - 1, to: `${year - 1}-09-30` }),
  ]);
  const current = cur.map(point);
  const previous = prev.map(point);
  return { year, current, previous: previous.slice(0, Math.max(current.length, 1)) };
}
