/**
 * Risk ordering of a watchlist: the cases needing the committee's attention
 * first. The score adds weighted, explainable terms; ties go to the larger
 * outstanding amount, then the case number.
 */
import { compareDates, daysBetween, type IsoDate } from "../cases/calendar.ts";

export interface WatchItemFacts {
  caseNumber: string;
  moneyDue: bigint;
  moneyCollected: bigint;
  overdueDirectives: number;
  openDirectives: number;
  missingReports: number;
  /** Date of the last step on the case (null: none yet). */
  lastActionOn: IsoDate | null;
  nextDeadlineOn: IsoDate | null;
  failedAuctionRounds: number;
  isCorruption: boolean;
}

/** Outstanding money at which the value term reaches its cap (100 billion đồng). */
const VALUE_CAP = 100_000_000_000n;

export interface RiskScore {
  score: number;
  terms: { overdue: number; value: number; stale: number; deadline: number; reports: number; auctions: number; corruption: number };
}

export function riskScore(f: WatchItemFacts, today: IsoDate): RiskScore {
  const outstanding = f.moneyDue > f.moneyCollected ? f.moneyDue - f.moneyCollected : 0n;
  const valueRatio = outstanding >= VALUE_CAP ? 1 : Number((outstanding * 1000n) / VALUE_CAP) / 1000;
  const staleDays = f.lastActionOn ? Math.max(0, daysBetween(f.lastActionOn, today)) : 365;
  const terms = {
    overdue: 30 * Math.min(f.overdueDirectives, 5),
    value: Math.round(25 * valueRatio),
    stale: Math.min(20, Math.floor(staleDays / 15)),
    deadline: f.nextDeadlineOn && compareDates(f.nextDeadlineOn, today) < 0 ? 15 : 0,
    reports: 10 * Math.min(f.missingReports, 3),
    auctions: 5 * Math.min(f.failedAuctionRounds, 4),
    corruption: f.isCorruption ? 5 : 0,
  };
  const score = Object.values(terms).reduce((a, b) => a + b, 0);
  return { score, terms };
}

/** Sorts a watchlist by risk, highest first (stable, deterministic). */
export function sortByRisk<T extends WatchItemFacts>(items: readonly T[], today: IsoDate): (T & { risk: number })[] {
  const scored = items.map((i) => ({ ...i, risk: riskScore(i, today).score }));
  return scored.sort((a, b) => {
    if (b.risk !== a.risk) return b.risk - a.risk;
    const oa = a.moneyDue - a.moneyCollected;
    const ob = b.moneyDue - b.moneyCollected;
    if (oa !== ob) return ob > oa ? 1 : -1;
    return a.caseNumber.localeCompare(b.caseNumber);
  });
}
