/**
 * Auction and distribution rules, keyed by the date they take effect. Every legal value (price
 * reduction, floor, deposits, buyer payment, re-valuation, failed-auction notice) is read from the
 * table of legal rules (`LEGAL_RULE_SETS`, ../cases/rules.ts) with its sources, so it lives in
 * exactly one place; only product settings (the heads' "stuck" threshold, the expected interval
 * between rounds) are kept here.
 */
import { compareDates, isIsoDate, type IsoDate } from "../cases/calendar.ts";
import { DISTRIBUTION_RANKS, type DistributionRank } from "./vocabulary.ts";

export {
  CLAIM_RANKS,
  type ClaimRank,
  DISTRIBUTION_RANK_LABELS,
  DISTRIBUTION_RANKS,
  type DistributionRank,
} from "./vocabulary.ts";
import { legalRuleSetFor, legalValueOn, rulesFor, weakestVerification, type LegalRuleCode, type LegalSource } from "../cases/rules.ts";

export interface AuctionRules {
  effectiveFrom: IsoDate;
  legalBasis_vi: string;
  legalBasis_en: string;
  /** `confirmed`: every legal value below has a verified source; `to_confirm`: at least one has not. */
  status: "confirmed" | "to_confirm";
  note?: string;
  /** At most this percentage below the previous round's starting price (from the case rules). */
  maxPriceReductionPercent: number;
  /**
   * PRODUCT SETTING, not a legal limit: after a failed round the next round is expected to be
   * announced within N days. The law sets other steps (docs/law-sources.md U3, U3r): the parties
   * told of the failed auction (`failedAuctionNoticeWorkingDays`), an agreement period (old set) or
   * the executor's reduction decision within 5 working days (Law 106 Art. 83(3)).
   */
  nextRoundWithinDays: number;
  /** Parties told of a failed auction within N working days of the organisation's notice. */
  failedAuctionNoticeWorkingDays: number;
  /** The creditor may take the asset (at the last reduced price) from after this many reductions. */
  creditorMayTakeAfterReductions: number;
  /**
   * The floor: when the reduced price is EQUAL TO OR LOWER THAN these costs (and the creditor does
   * not take the asset) it goes back to the debtor — coercion costs under Law 26/2008 Art. 104(3),
   * enforcement costs under Law 106 Art. 83(3) / Decree 152 Art. 65(7)(b), which also stops the auction.
   */
  floorCosts: "coercion_costs" | "enforcement_costs";
  /** The buyer pays within N days of the successful auction… */
  buyerPaymentDays: number;
  /** …or at most N days when the parties and the buyer agree an extension (= buyerPaymentDays when none is allowed). */
  buyerPaymentMaxDaysByAgreement: number;
  /** Re-valuation of a seized asset on a party's request: within N working days of being told the result… */
  revaluationRequestWorkingDays: number;
  /** …and only this many times. */
  revaluationOnRequestTimes: number;
  /**
   * Price-change valuation of an asset a judgment GIVES to a party against payment of its value
   * (Decree 62 Art. 17(1)(c), Decree 152 Art. 62(1)): market move of at least this percentage. Not a
   * ground to re-value a seized asset.
   */
  priceChangeValuationPercent: number;
  /** Deposits (tiền đặt trước) between these percentages of the starting price. */
  depositMinPercent: number;
  depositMaxPercent: number;
  /** PRODUCT SETTING: heads see assets with at least this many failed rounds as stuck. */
  stuckAfterFailedRounds: number;
  /**
   * Payment order: Law 26/2008 Art. 47(1)–(2) / Law 106 Art. 54(1)–(2). When the secured creditor
   * is paid from its collateral, that judgment's court fee comes before it (47(3) / 54(3)):
   * `distributeProceeds` moves it.
   */
  distributionOrder: readonly DistributionRank[];
  /** Where each legal value comes from. */
  sources: Readonly<Partial<Record<LegalRuleCode, readonly LegalSource[]>>>;
}

/** Product settings per effective date; every legal value is read from `LEGAL_RULE_SETS`. */
interface AuctionRuleSet {
  effectiveFrom: IsoDate;
  legalBasis_vi: string;
  legalBasis_en: string;
  note?: string;
  nextRoundWithinDays: number;
  stuckAfterFailedRounds: number;
  distributionOrder: readonly DistributionRank[];
}

export const AUCTION_RULE_SETS: readonly AuctionRuleSet[] = [
  {
    effectiveFrom: "2015-07-01",
    legalBasis_vi:
      "Luật Thi hành án dân sự 2008 sửa đổi 2014 (Điều 47, 99, 101, 104); Nghị định 62/2015/NĐ-CP (Điều 27); Luật Đấu giá tài sản 2016 (Điều 39)",
    legalBasis_en:
      "Law on Civil Judgment Enforcement as amended 2014 (Arts. 47, 99, 101, 104); Decree 62/2015 (Art. 27); Law on Property Auction 2016 (Art. 39)",
    nextRoundWithinDays: 10,
    stuckAfterFailedRounds: 3,
    // Art. 47(2): (a) maintenance, wages…, (b) court fees, (c) the other obligations.
    distributionOrder: ["costs", "secured", "priority", "court_fee", "other"],
  },
  {
    effectiveFrom: "2026-07-01",
    legalBasis_vi:
      "Luật Thi hành án dân sự số 106/2025/QH15 (Điều 54, 82, 83); Nghị định 152/2026/NĐ-CP (Điều 62, 65); Luật Đấu giá tài sản 2016 (Điều 39)",
    legalBasis_en:
      "Law on Civil Judgment Enforcement 106/2025/QH15 (Arts. 54, 82, 83); Decree 152/2026 (Arts. 62, 65); Law on Property Auction 2016 (Art. 39)",
    note: "Law 106 Art. 54(1) also deducts, with the enforcement costs, the fees, registration fee and income taxes tied directly to the transfer of the asset: they are entered as part of the enforcement costs.",
    nextRoundWithinDays: 10,
    stuckAfterFailedRounds: 3,
    // Art. 54(2): (a) maintenance, wages…, (b) court fees, (c) fines and State recoveries, (d) insurance, (đ) the others.
    distributionOrder: DISTRIBUTION_RANKS,
  },
];

const LEGAL_AUCTION_CODES = [
  "maxPriceReductionPercent",
  "failedAuctionNoticeWorkingDays",
  "creditorMayTakeAfterReductions",
  "auctionFloor",
  "buyerPaymentDays",
  "buyerPaymentMaxDaysByAgreement",
  "revaluationRequestWorkingDays",
  "revaluationOnRequestTimes",
  "priceChangeValuationPercent",
  "depositMinPercent",
  "depositMaxPercent",
] as const satisfies readonly LegalRuleCode[];

/** The auction rules in force on `date`. Throws RangeError for a malformed or too early date. */
export function auctionRulesFor(date: IsoDate, sets: readonly AuctionRuleSet[] = AUCTION_RULE_SETS): AuctionRules {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  let found: AuctionRuleSet | undefined;
  for (const s of sets) {
    if (compareDates(s.effectiveFrom, date) <= 0 && (!found || compareDates(s.effectiveFrom, found.effectiveFrom) > 0)) found = s;
  }
  if (!found) throw new RangeError(`No auction rules are defined for ${date} (rules start on ${sets[0]?.effectiveFrom ?? "—"})`);
  const legal = legalRuleSetFor(date);
  const sources: Partial<Record<LegalRuleCode, readonly LegalSource[]>> = {};
  for (const code of LEGAL_AUCTION_CODES) {
    const r = legal.rules[code];
    if (!r) throw new RangeError(`The legal rules in force on ${date} have no '${code}'`);
    sources[code] = r.sources;
  }
  const n = (code: LegalRuleCode) => legalValueOn(code, date);
  const floor = legal.rules.auctionFloor!.value;
  const allVerified = LEGAL_AUCTION_CODES.every((c) => weakestVerification(sources[c]!) === "verified");
  return {
    ...found,
    status: allVerified ? "confirmed" : "to_confirm",
    maxPriceReductionPercent: rulesFor(date).maxPriceReductionPercent,
    failedAuctionNoticeWorkingDays: n("failedAuctionNoticeWorkingDays"),
    creditorMayTakeAfterReductions: n("creditorMayTakeAfterReductions"),
    floorCosts: floor === "coercion costs" ? "coercion_costs" : "enforcement_costs",
    buyerPaymentDays: n("buyerPaymentDays"),
    buyerPaymentMaxDaysByAgreement: n("buyerPaymentMaxDaysByAgreement"),
    revaluationRequestWorkingDays: n("revaluationRequestWorkingDays"),
    revaluationOnRequestTimes: n("revaluationOnRequestTimes"),
    priceChangeValuationPercent: n("priceChangeValuationPercent"),
    depositMinPercent: n("depositMinPercent"),
    depositMaxPercent: n("depositMaxPercent"),
    sources,
  };
}
