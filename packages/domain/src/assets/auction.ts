/**
 * Auction rounds, the price-reduction rule, the floor and deposits: pure checks over an asset's
 * history. Money is whole đồng (bigint); dates are ISO 'YYYY-MM-DD'.
 */
import {
  addCalendarDays,
  addWorkingDays,
  compareDates,
  formatDateVi,
  isIsoDate,
  VN_CALENDAR,
  type IsoDate,
  type WorkingCalendar,
} from "../cases/calendar.ts";
import { formatDong } from "../money.ts";
import type { AuctionRules } from "./rules.ts";
import { assetError, type AssetCheck } from "./status.ts";
import type { BidderSituation, DepositOutcome, RoundResult } from "./vocabulary.ts";

export {
  BIDDER_SITUATION_LABELS,
  BIDDER_SITUATIONS,
  type BidderSituation,
  DEPOSIT_OUTCOME_LABELS,
  DEPOSIT_OUTCOMES,
  type DepositOutcome,
  ROUND_RESULT_LABELS,
  ROUND_RESULTS,
  type RoundResult,
} from "./vocabulary.ts";

/** A round that did not sell and allows a price reduction for the next one. */
export const FAILED_RESULTS: readonly RoundResult[] = ["no_bidder", "buyer_withdrew"];

export interface RoundRecord {
  roundNo: number;
  announcedOn: IsoDate;
  heldOn: IsoDate;
  startingPrice: bigint;
  result: RoundResult;
}

export interface ValuationRecord {
  valuedOn: IsoDate;
  value: bigint;
}

export interface ProposedRound {
  announcedOn: IsoDate;
  heldOn: IsoDate;
  startingPrice: bigint;
}

export interface RoundPlan {
  roundNo: number;
  /** The price the reduction is measured from: the previous round's, or a new valuation's. */
  basePrice: bigint;
  /** The lowest starting price the rule allows. */
  minPrice: bigint;
  /** Reduction from the base in basis points (1 000 = 10 %). */
  reductionBasisPoints: number;
}

/** The lowest price allowed after a failed round at `base`: base reduced by at most `percent` %, rounded up to a whole đồng. */
export function minReducedPrice(base: bigint, percent: number): bigint {
  if (base < 0n) throw new RangeError("A price cannot be negative");
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`Bad reduction percentage: ${percent}`);
  const num = base * BigInt(100 - percent);
  return (num + 99n) / 100n;
}

/** Reduction from `base` to `price` in basis points, rounded down. */
export function reductionBasisPoints(base: bigint, price: bigint): number {
  if (base <= 0n) return 0;
  return Number(((base - price) * 10_000n) / base);
}

const vnd = (v: bigint) => formatDong(v);

function latestValuation(items: readonly ValuationRecord[]): ValuationRecord | undefined {
  let best: ValuationRecord | undefined;
  for (const it of items) if (!best || compareDates(it.valuedOn, best.valuedOn) >= 0) best = it;
  return best;
}

/**
 * Checks a new round against the asset's history and the rules in force on its announcement
 * date: a valuation exists; the previous round has a result; dates follow the previous round; the
 * first round after a valuation starts at the valued price; after a failed round the price is
 * reduced by at most the rule's percentage and the round is announced within the rule's days;
 * after a cancelled round the price stays; and the price stays above the floor costs (the floor:
 * at or below them the asset goes back unless the creditor takes it).
 */
export function checkNewRound(input: {
  rounds: readonly RoundRecord[];
  valuations: readonly ValuationRecord[];
  proposed: ProposedRound;
  enforcementCosts: bigint;
  rules: AuctionRules;
}): AssetCheck<{ plan: RoundPlan }> {
  const { rounds, valuations, proposed, rules } = input;
  const price = proposed.startingPrice;
  if (typeof price !== "bigint")
    return assetError("bad_price", "Giá khởi điểm phải là số nguyên đồng.", "The starting price must be whole đồng.", "startingPrice");
  if (price < 0n)
    return assetError("negative_price", "Giá khởi điểm không được là số âm.", "The starting price cannot be negative.", "startingPrice");
  if (price === 0n)
    return assetError("zero_price", "Giá khởi điểm phải lớn hơn 0.", "The starting price must be above zero.", "startingPrice");
  if (!isIsoDate(proposed.announcedOn))
    return assetError("bad_date", "Ngày thông báo không hợp lệ.", "Bad announcement date.", "announcedOn");
  if (!isIsoDate(proposed.heldOn)) return assetError("bad_date", "Ngày tổ chức phiên không hợp lệ.", "Bad auction date.", "heldOn");
  if (compareDates(proposed.heldOn, proposed.announcedOn) < 0) {
    return assetError(
      "held_before_announced",
      "Ngày tổ chức phiên không được trước ngày thông báo.",
      "The auction cannot be held before it is announced.",
      "heldOn",
    );
  }
  const valuation = latestValuation(valuations);
  if (!valuation)
    return assetError("no_valuation", "Tài sản chưa được thẩm định giá: chưa thể tổ chức đấu giá.", "The asset has not been valued yet.");

  const last = rounds.length ? rounds.reduce((a, b) => (b.roundNo > a.roundNo ? b : a)) : undefined;
  const roundNo = (last?.roundNo ?? 0) + 1;
  let basePrice: bigint;
  let minPrice: bigint;

  if (last) {
    if (last.result === "scheduled") {
      return assetError(
        "round_pending",
        `Phiên thứ ${last.roundNo} chưa có kết quả: ghi kết quả trước khi thông báo phiên mới.`,
        `Round ${last.roundNo} has no result yet.`,
      );
    }
    if (last.result === "sold")
      return assetError("already_sold", "Tài sản đã bán thành, không tổ chức phiên mới.", "The asset is sold; no new round.");
    if (compareDates(proposed.announcedOn, last.heldOn) < 0 || compareDates(proposed.heldOn, last.heldOn) <= 0) {
      return assetError(
        "round_before_previous",
        `Phiên mới phải được thông báo và tổ chức sau phiên thứ ${last.roundNo} (${formatDateVi(last.heldOn)}).`,
        `The new round must come after round ${last.roundNo} (${last.heldOn}).`,
        compareDates(proposed.announcedOn, last.heldOn) < 0 ? "announcedOn" : "heldOn",
      );
    }
  }

  if (!last || compareDates(valuation.valuedOn, last.heldOn) > 0) {
    // First round after a (re-)valuation: at the valued price.
    basePrice = valuation.value;
    minPrice = valuation.value;
    if (price !== valuation.value) {
      return assetError(
        "price_not_valuation",
        `Giá khởi điểm của phiên đầu tiên sau thẩm định phải bằng giá thẩm định (${vnd(valuation.value)}).`,
        `The first round after a valuation starts at the valued price (${valuation.value} VND).`,
        "startingPrice",
      );
    }
  } else {
    basePrice = last.startingPrice;
    if (FAILED_RESULTS.includes(last.result)) {
      minPrice = minReducedPrice(basePrice, rules.maxPriceReductionPercent);
      const deadline = addCalendarDays(last.heldOn, rules.nextRoundWithinDays);
      if (compareDates(proposed.announcedOn, deadline) > 0) {
        return assetError(
          "next_round_too_late",
          `Sau phiên không thành, việc giảm giá và thông báo phiên mới phải trong ${rules.nextRoundWithinDays} ngày (chậm nhất ${formatDateVi(deadline)}).`,
          `After a failed round the reduced price must be announced within ${rules.nextRoundWithinDays} days (by ${deadline}).`,
          "announcedOn",
        );
      }
    } else {
      minPrice = basePrice; // cancelled: the same price again
    }
    if (price > basePrice) {
      return assetError(
        "price_above_previous",
        `Giá khởi điểm không được cao hơn giá phiên trước (${vnd(basePrice)}) nếu không thẩm định lại.`,
        `The starting price cannot exceed the previous round's (${basePrice} VND) without a new valuation.`,
        "startingPrice",
      );
    }
    if (price < minPrice) {
      return assetError(
        "reduction_too_large",
        minPrice === basePrice
          ? `Phiên trước bị hủy: phiên mới giữ nguyên giá khởi điểm ${vnd(basePrice)}.`
          : `Mỗi lần chỉ được giảm tối đa ${rules.maxPriceReductionPercent}% so với giá phiên trước: giá khởi điểm thấp nhất là ${vnd(minPrice)}.`,
        minPrice === basePrice
          ? `The previous round was cancelled: the new round keeps the price of ${basePrice} VND.`
          : `A round may be reduced by at most ${rules.maxPriceReductionPercent}%: the lowest starting price is ${minPrice} VND.`,
        "startingPrice",
      );
    }
  }

  const floor = checkFloor(price, input.enforcementCosts, rules);
  if (!floor.ok) return floor;
  return { ok: true, plan: { roundNo, basePrice, minPrice, reductionBasisPoints: reductionBasisPoints(basePrice, price) } };
}

const FLOOR_COSTS_LABEL = {
  coercion_costs: { vi: "chi phí cưỡng chế", en: "coercion costs" },
  enforcement_costs: { vi: "chi phí thi hành án", en: "enforcement costs" },
} as const;

/**
 * The floor: when the reduced price is EQUAL TO OR LOWER THAN the costs, selling cannot pay more
 * than the costs; the asset goes back to the debtor unless the creditor takes it. Under Law
 * 26/2008 Art. 104(3) the costs are the coercion costs; under Law 106/2025 Art. 83(3) and Decree
 * 152/2026 Art. 65(7)(b) the enforcement costs, and the auction is stopped. `costs` is the amount
 * of the costs the rule set names (`rules.floorCosts`).
 */
export function checkFloor(price: bigint, costs: bigint, rules?: Pick<AuctionRules, "floorCosts">): AssetCheck<{ floor: bigint }> {
  const label = FLOOR_COSTS_LABEL[rules?.floorCosts ?? "enforcement_costs"];
  if (costs < 0n)
    return assetError(
      "negative_costs",
      "Chi phí thi hành án không được là số âm.",
      "Enforcement costs cannot be negative.",
      "enforcementCosts",
    );
  if (costs > 0n && price <= costs) {
    return assetError(
      "below_floor",
      `Giá ${vnd(price)} bằng hoặc thấp hơn ${label.vi} (${vnd(costs)}): trả lại tài sản cho người phải thi hành án, trừ khi người được thi hành án nhận tài sản.`,
      `The price ${price} VND is equal to or lower than the ${label.en} (${costs} VND): the asset goes back to the debtor unless the creditor takes it.`,
      "startingPrice",
    );
  }
  return { ok: true, floor: costs };
}

/** What the floor leaves as options once it is reached. */
export function floorOptions(): readonly ("return" | "hand_to_creditor")[] {
  return ["hand_to_creditor", "return"];
}

/**
 * Price-change valuation (Decree 62 Art. 17(1)(c); Decree 152 Art. 62(1)): where a judgment gives
 * a party an asset against payment of its value, a new valuation is due when the price at
 * enforcement moved by the rule's percentage or more from the value when the judgment took effect.
 */
export function priceChangeValuationDue(valueAtJudgment: bigint, marketValue: bigint, rules: AuctionRules): boolean {
  if (valueAtJudgment <= 0n || marketValue < 0n) throw new RangeError("Values must be positive");
  const diff = marketValue > valueAtJudgment ? marketValue - valueAtJudgment : valueAtJudgment - marketValue;
  return diff * 100n >= valueAtJudgment * BigInt(rules.priceChangeValuationPercent);
}

import type { RevaluationGround } from "./vocabulary.ts";
export { REVALUATION_GROUNDS, type RevaluationGround } from "./vocabulary.ts";

/**
 * May a seized asset be re-valued? (a) a serious breach in the valuation; (b) on a party's written
 * request made within `revaluationRequestWorkingDays` working days of being told the result, and
 * only `revaluationOnRequestTimes` time(s); (c) from 01/07/2026 also when the valuation certificate
 * expired before the auction contract was signed. The rules in force on the request date apply.
 */
export function checkRevaluation(
  input: {
    ground: RevaluationGround;
    /** When the requesting party was told the valuation result (ground party_request). */
    resultNotifiedOn?: IsoDate;
    /** When the request (or the finding of the breach) was made. */
    requestedOn: IsoDate;
    /** Re-valuations already made on a party's request. */
    previousOnRequest: number;
    rules: AuctionRules;
  },
  calendar: WorkingCalendar = VN_CALENDAR,
): AssetCheck<{ lastDay?: IsoDate }> {
  const { ground, rules } = input;
  if (ground === "certificate_expired" && compareDates(rules.effectiveFrom, "2026-07-01") < 0) {
    return assetError(
      "revaluation_ground",
      "Trước ngày 01/07/2026 chỉ thẩm định lại khi có vi phạm nghiêm trọng hoặc theo yêu cầu của đương sự (Luật THADS 2008, Điều 99).",
      "Before 1 Jul 2026 a seized asset is re-valued only for a serious breach or on a party's request (Law 26/2008, Art. 99).",
      "ground",
    );
  }
  if (ground !== "party_request") return { ok: true };
  if (input.previousOnRequest >= rules.revaluationOnRequestTimes) {
    return assetError(
      "revaluation_once",
      `Thẩm định lại theo yêu cầu của đương sự chỉ được thực hiện ${rules.revaluationOnRequestTimes} lần.`,
      `A re-valuation on a party's request is allowed only ${rules.revaluationOnRequestTimes} time(s).`,
      "ground",
    );
  }
  if (!input.resultNotifiedOn || !isIsoDate(input.resultNotifiedOn)) {
    return assetError(
      "bad_date",
      "Cần ngày đương sự được thông báo kết quả thẩm định giá.",
      "The date the party was told the valuation result is needed.",
      "resultNotifiedOn",
    );
  }
  const lastDay = addWorkingDays(input.resultNotifiedOn, rules.revaluationRequestWorkingDays, calendar);
  if (compareDates(input.requestedOn, lastDay) > 0) {
    return assetError(
      "revaluation_late",
      `Yêu cầu thẩm định lại phải gửi trong ${rules.revaluationRequestWorkingDays} ngày làm việc kể từ ngày nhận thông báo kết quả thẩm định giá (chậm nhất ${formatDateVi(lastDay)}).`,
      `A re-valuation must be requested within ${rules.revaluationRequestWorkingDays} working days of being told the result (by ${lastDay}).`,
      "requestedOn",
    );
  }
  return { ok: true, lastDay };
}

/** The parties must be told of a failed auction by this day (from the organisation's notice). */
export function failedAuctionNoticeDueOn(noticeReceivedOn: IsoDate, rules: AuctionRules, calendar: WorkingCalendar = VN_CALENDAR): IsoDate {
  return addWorkingDays(noticeReceivedOn, rules.failedAuctionNoticeWorkingDays, calendar);
}

/** May the creditor take the asset, after `reductions` price reductions with the auction still failing? */
export function creditorMayTakeAsset(reductions: number, rules: AuctionRules): boolean {
  return reductions >= rules.creditorMayTakeAfterReductions;
}

/**
 * The last day for the buyer to pay: `buyerPaymentDays` after the successful auction, or up to
 * `buyerPaymentMaxDaysByAgreement` when the parties and the buyer agreed an extension (from
 * 01/07/2026; before, no extension). Calendar days, the last day rolled to a working day.
 */
export function buyerPaymentDueOn(
  soldOn: IsoDate,
  rules: AuctionRules,
  agreedDays?: number,
  calendar: WorkingCalendar = VN_CALENDAR,
): IsoDate {
  const days = agreedDays === undefined ? rules.buyerPaymentDays : agreedDays;
  if (!Number.isInteger(days) || days <= 0) throw new RangeError(`Bad number of days: ${days}`);
  if (days > rules.buyerPaymentMaxDaysByAgreement) {
    throw new RangeError(
      `The buyer pays within at most ${rules.buyerPaymentMaxDaysByAgreement} days under the rules from ${rules.effectiveFrom}`,
    );
  }
  return nextWorkingDay(addCalendarDays(soldOn, days), calendar);
}

function nextWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  return addWorkingDays(date, 0, calendar);
}

/** Counts failed rounds (no bidder, winner walked away) since the last sale attempt. */
export function failedRounds(rounds: readonly RoundRecord[]): number {
  return rounds.filter((r) => FAILED_RESULTS.includes(r.result)).length;
}

/** Is the asset stuck for the heads' list (N or more failed rounds, not sold)? */
export function isStuck(rounds: readonly RoundRecord[], rules: AuctionRules): boolean {
  return failedRounds(rounds) >= rules.stuckAfterFailedRounds && !rounds.some((r) => r.result === "sold");
}

// ---------------------------------------------------------------------------
// Deposits (tiền đặt trước)
// ---------------------------------------------------------------------------

/**
 * What happens to a deposit. It is forfeited ONLY on the grounds of the Law on Property Auction
 * 2016, Art. 39(6) — no other ground may be added (Art. 39(7)); applied in enforcement by Decree
 * 62 Art. 27(5) / Decree 152 Art. 65(4):
 *   (a) paid but did not attend, without force majeure — `absent_without_reason`;
 *   (b) disqualified for a breach of Art. 9(5) — `disqualified`;
 *   (c) refused to sign the auction minutes (Art. 44(3)) — `refused_to_sign`;
 *   (d) withdrew a bid or an accepted price (Art. 50) — `withdrew_bid`;
 *   (đ) refused the winning result (Art. 51) — `winner_refused`.
 */
export function depositOutcome(situation: BidderSituation): Exclude<DepositOutcome, "held"> {
  switch (situation) {
    case "not_winner":
    case "round_cancelled":
      return "refunded";
    case "winner_paid":
      return "applied";
    case "absent_without_reason":
    case "disqualified":
    case "refused_to_sign":
    case "withdrew_bid":
    case "winner_refused":
      return "forfeited";
  }
}

/** The ground of Law on Property Auction 2016 Art. 39(6) for each forfeiting situation. */
export const DEPOSIT_FORFEIT_GROUNDS: Readonly<Partial<Record<BidderSituation, string>>> = {
  absent_without_reason: "Law on Property Auction 01/2016/QH14, Art. 39(6)(a)",
  disqualified: "Law on Property Auction 01/2016/QH14, Art. 39(6)(b)",
  refused_to_sign: "Law on Property Auction 01/2016/QH14, Art. 39(6)(c)",
  withdrew_bid: "Law on Property Auction 01/2016/QH14, Art. 39(6)(d)",
  winner_refused: "Law on Property Auction 01/2016/QH14, Art. 39(6)(đ)",
};

/** A deposit is a positive amount between the rule's percentages of the round's starting price. */
export function checkDeposit(amount: bigint, startingPrice: bigint, rules: AuctionRules): AssetCheck {
  if (amount <= 0n) return assetError("bad_deposit", "Tiền đặt trước phải lớn hơn 0.", "The deposit must be above zero.", "amount");
  const min = (startingPrice * BigInt(rules.depositMinPercent) + 99n) / 100n;
  const max = (startingPrice * BigInt(rules.depositMaxPercent)) / 100n;
  if (amount < min || amount > max) {
    return assetError(
      "deposit_out_of_range",
      `Tiền đặt trước phải từ ${rules.depositMinPercent}% đến ${rules.depositMaxPercent}% giá khởi điểm (${vnd(min)} – ${vnd(max)}).`,
      `The deposit must be ${rules.depositMinPercent}–${rules.depositMaxPercent}% of the starting price (${min}–${max} VND).`,
      "amount",
    );
  }
  return { ok: true };
}
