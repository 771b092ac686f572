/** Cumulative completion rates month by month through the statistical year. */
import type { TxSql } from "@thads/db";
import { readCumulativeSeries, scopeOf, type StatUnit } from "./readers.ts";
import { completionRate, statYearOf, type UnitStats } from "@thads/domain";

/** Cumulative completion rates month by month through the statistical year, up to `to`, and the year before. */
export async function trend(tx: TxSql, unit: StatUnit, to: string) {
  const year = statYearOf(to);
  const point = (p: { to: string; stats: UnitStats }) => ({
    to: p.to,
    casesRate: completionRate(p.stats.cases),
    moneyRate: completionRate(p.stats.money),
    completed: (p.stats.cases.completed + p.stats.cases.terminated).toString(),
  });
  // Both years at once: their statements go out together.
  const [cur, prev] = await Promise.all([
    readCumulativeSeries(tx, { scope: scopeOf(unit), year, to }),
    readCumulativeSeries(tx, { scope: scopeOf(unit), year: year - 1, to: `${year - 1}-09-30` }),
  ]);
  const current = cur.map(point);
  const previous = prev.map(point);
  return { year, current, previous: previous.slice(0, Math.max(current.length, 1)) };
}
