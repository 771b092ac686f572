/**
 * Auction and distribution rules, keyed by the date they take effect, next to the case time
 * limits (../cases/rules.ts). The per-round price reduction is read from there
 * (`maxPriceReductionPercent`), so it lives in exactly one place.
 */
import { compareDates, isIsoDate, type IsoDate } from "../cases/calendar.ts";
import { rulesFor } from "../cases/rules.ts";

/** Ranks of Art. 47, in payment order. */
export const DISTRIBUTION_RANKS = ["costs", "secured", "priority", "court_fee", "other"] as const;
export type DistributionRank = (typeof DISTRIBUTION_RANKS)[number];

/** Ranks a creditor's claim may take (costs are the agency's, not a claim). */
export const CLAIM_RANKS = ["secured", "priority", "court_fee", "other"] as const;
export type ClaimRank = (typeof CLAIM_RANKS)[number];

export const DISTRIBUTION_RANK_LABELS: Readonly<Record<DistributionRank | "debtor", { vi: string; en: string }>> = {
  costs: { vi: "Chi phí thi hành án (cưỡng chế, định giá, bán đấu giá)", en: "Enforcement costs" },
  secured: { vi: "Người nhận thế chấp, cầm cố (từ tiền bán chính tài sản bảo đảm)", en: "Secured creditor (from its own collateral)" },
  priority: {
    vi: "Tiền cấp dưỡng, tiền lương, tiền công, bồi thường tính mạng, sức khỏe",
    en: "Maintenance, wages, compensation for life and health",
  },
  court_fee: { vi: "Án phí", en: "Court fees" },
  other: { vi: "Các khoản phải thi hành khác (theo tỷ lệ)", en: "Other obligations (pro rata)" },
  debtor: { vi: "Trả lại người phải thi hành án", en: "Returned to the debtor" },
};

export interface AuctionRules {
  effectiveFrom: IsoDate;
  legalBasis_vi: string;
  legalBasis_en: string;
  status: "confirmed" | "to_confirm";
  note?: string;
  /** At most this percentage below the previous round's starting price (from the case rules). */
  maxPriceReductionPercent: number;
  /** After a failed round the reduced price must be set (and the next round announced) within N days. */
  nextRoundWithinDays: number;
  /** A new valuation is due when the market moves by this percentage or more. */
  revaluationMarketMovePercent: number;
  /** Deposits (tiền đặt trước) between these percentages of the starting price. */
  depositMinPercent: number;
  depositMaxPercent: number;
  /** Heads see assets with at least this many failed rounds as stuck. */
  stuckAfterFailedRounds: number;
  /** Payment order of Art. 47. */
  distributionOrder: readonly DistributionRank[];
}

type AuctionRuleSet = Omit<AuctionRules, "maxPriceReductionPercent">;

export const AUCTION_RULE_SETS: readonly AuctionRuleSet[] = [
  {
    effectiveFrom: "2015-07-01",
    legalBasis_vi:
      "Luật Thi hành án dân sự 2008 sửa đổi 2014 (Điều 47, 98, 101, 104); Luật Đấu giá tài sản 2016 (Điều 39)",
    legalBasis_en: "Law on Civil Judgment Enforcement as amended 2014 (Arts. 47, 98, 101, 104); Law on Property Auction 2016 (Art. 39)",
    status: "confirmed",
    nextRoundWithinDays: 10,
    revaluationMarketMovePercent: 20,
    depositMinPercent: 5,
    depositMaxPercent: 20,
    stuckAfterFailedRounds: 3,
    distributionOrder: DISTRIBUTION_RANKS,
  },
  {
    effectiveFrom: "2026-07-01",
    legalBasis_vi: "Luật Thi hành án dân sự số 106/2025/QH15",
    legalBasis_en: "Law on Civil Judgment Enforcement 106/2025/QH15",
    status: "to_confirm",
    note: "Placeholder carrying the 2014 values; confirm against the text of Law 106/2025/QH15.",
    nextRoundWithinDays: 10,
    revaluationMarketMovePercent: 20,
    depositMinPercent: 5,
    depositMaxPercent: 20,
    stuckAfterFailedRounds: 3,
    distributionOrder: DISTRIBUTION_RANKS,
  },
];

/** The auction rules in force on `date`. Throws RangeError for a malformed or too early date. */
export function auctionRulesFor(date: IsoDate, sets: readonly AuctionRuleSet[] = AUCTION_RULE_SETS): AuctionRules {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  let found: AuctionRuleSet | undefined;
  for (const s of sets) {
    if (compareDates(s.effectiveFrom, date) <= 0 && (!found || compareDates(s.effectiveFrom, found.effectiveFrom) > 0)) found = s;
  }
  if (!found) throw new RangeError(`No auction rules are defined for ${date} (rules start on ${sets[0]?.effectiveFrom ?? "—"})`);
  return { ...found, maxPriceReductionPercent: rulesFor(date).maxPriceReductionPercent };
}
