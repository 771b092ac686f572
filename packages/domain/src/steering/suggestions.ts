/**
 * Suggestion rules: which cases a bureau should propose for a steering
 * committee's list of flagged major cases (vụ việc trọng điểm, phức tạp, giá
 * trị lớn). The thresholds are data, set per committee; the rules only read
 * the facts of a case given to them (the failed auction count comes from the
 * auction history, passed in as a number).
 */
import { addMonths, compareDates, type IsoDate } from "../cases/calendar.ts";
import type { FlagReason } from "./flag-reasons.ts";

export { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from "./flag-reasons.ts";

export interface SuggestionThresholds {
  /** Outstanding money (đồng) at or above which a case is suggested. */
  minOutstanding: bigint;
  /** A case accepted more than this many years ago and still open is suggested. */
  openYears: number;
  /** This many failed auction rounds or more. */
  failedAuctionRounds: number;
}

/** Defaults: 10 billion đồng outstanding, open more than 3 years, 3 failed auction rounds. */
export const DEFAULT_THRESHOLDS: SuggestionThresholds = {
  minOutstanding: 10_000_000_000n,
  openYears: 3,
  failedAuctionRounds: 3,
};

export interface SuggestionFacts {
  acceptedOn: IsoDate;
  closed: boolean;
  moneyDue: bigint;
  moneyCollected: bigint;
  isCorruption: boolean;
  failedAuctionRounds: number;
  debtorIsCompany: boolean;
  isBankruptcy: boolean;
}

/** The reasons a case qualifies for a committee's list, in FLAG_REASONS order; empty when none (or closed). */
export function suggestionReasons(facts: SuggestionFacts, today: IsoDate, t: SuggestionThresholds = DEFAULT_THRESHOLDS): FlagReason[] {
  if (facts.closed) return [];
  const reasons: FlagReason[] = [];
  const outstanding = facts.moneyDue - facts.moneyCollected;
  if (t.minOutstanding > 0n && outstanding >= t.minOutstanding) reasons.push("high_value");
  if (t.openYears > 0 && compareDates(addMonths(facts.acceptedOn, 12 * t.openYears), today) < 0) reasons.push("prolonged");
  if (facts.isCorruption) reasons.push("corruption_economic");
  if (t.failedAuctionRounds > 0 && facts.failedAuctionRounds >= t.failedAuctionRounds) reasons.push("failed_auctions");
  if (facts.debtorIsCompany && facts.isBankruptcy) reasons.push("bankruptcy");
  return reasons;
}

/** Validates thresholds set by a committee. */
export function thresholdProblems(t: SuggestionThresholds): string[] {
  const p: string[] = [];
  if (t.minOutstanding < 0n) p.push("Ngưỡng giá trị phải thi hành không được âm.");
  if (!Number.isInteger(t.openYears) || t.openYears < 0 || t.openYears > 50) p.push("Số năm kéo dài phải là số nguyên từ 0 đến 50.");
  if (!Number.isInteger(t.failedAuctionRounds) || t.failedAuctionRounds < 0 || t.failedAuctionRounds > 100)
    p.push("Số lần bán đấu giá không thành phải là số nguyên từ 0 đến 100.");
  return p;
}
