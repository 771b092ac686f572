import type { WatchItem } from "@thads/core/steering";

/** The figures above a committee's whole watchlist (whatever the filters), and the provinces it spans for the filter. */
export function watchlistTotals(all: readonly WatchItem[]) {
  return {
    provinces: [...new Map(all.map((i) => [i.provinceId, i.provinceName])).entries()].map(([id, name]) => ({ id, name })),
    totals: {
      flagged: all.length,
      overdue: all.reduce((a, i) => a + i.overdueDirectives, 0),
      open: all.reduce((a, i) => a + i.openDirectives, 0),
      missing: all.filter((i) => i.missingReports > 0).length,
      outstanding: all.reduce((a, i) => a + BigInt(i.moneyDue) - BigInt(i.moneyCollected), 0n).toString(),
    },
  };
}
