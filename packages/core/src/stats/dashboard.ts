/** The national dashboard's statistics, read at once on several connections. */
import { setLocal, type TxSql } from "@thads/db";
import { readStats, sumStats, type StatDim, type StatUnit } from "./readers.ts";
import { childrenStats } from "./children.ts";
import { toFigures, toStatsZero } from "./figures.ts";
import { trend } from "./trend.ts";

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
    runAsUser((tx) => {
      setLocal(tx, "max_parallel_workers_per_gather", "0");
      return fn(tx);
    });
  const all = asUser((tx) => readStats(tx, { dim: "all", from, to, groupBy: "province" }));
  // The two panels in one read, one result per dimension.
  const panels = asUser((tx) => readStats(tx, { from, to, groupBy: "dim", dims: ["bank", "corruption"] }));
  const panel = (dim: StatDim) => panels.then((m) => m.get(dim) ?? toStatsZero());
  const [provinces, now, bank, corruption, trendData] = await Promise.all([
    asUser((tx) => childrenStats(tx, nation, from, to, "all", all)),
    all,
    panel("bank"),
    panel("corruption"),
    // The nation's figures for the period: the trend's last point when the period starts the year.
    asUser((tx) => trend(tx, nation, to, { from, stats: all.then((m) => sumStats(m.values())) })),
  ]);
  return {
    provinces,
    totals: toFigures(sumStats(now.values())),
    bank: toFigures(bank),
    corruption: toFigures(corruption),
    trend: trendData,
  };
}
