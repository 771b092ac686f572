/**
 * Auction rounds, the price-reduction rule, the floor and deposits: pure checks over an asset's
 * history. Money is whole đồng (bigint); dates are ISO 'YYYY-MM-DD'.
 */
import { addCalendarDays, compareDates, formatDateVi, isIsoDate, type IsoDate } from "../cases/calendar.ts";
import { formatDong } from "../money.ts";
import type { AuctionRules } from "./rules.ts";
import { assetError, type AssetCheck } from "./status.ts";

export const ROUND_RESULTS = ["scheduled", "sold", "no_bidder", "cancelled", "buyer_withdrew"] as const;
export type RoundResult = (typeof ROUND_RESULTS)[number];

export const ROUND_RESULT_LABELS: Readonly<Record<RoundResult, { vi: string; en: string }>> = {
  scheduled: { vi: "Chưa tổ chức", en: "Scheduled" },
  sold: { vi: "Bán thành", en: "Sold" },
  no_bidder: { vi: "Không có người tham gia / trả giá", en: "No bidder" },
  cancelled: { vi: "Hủy phiên", en: "Cancelled" },
  buyer_withdrew: { vi: "Người trúng đấu giá từ chối mua", en: "Winner walked away" },
};

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
 * after a cancelled round the price stays; and the price does not fall below the enforcement
 * costs (the floor: the asset then goes back unless the creditor takes it).
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
  if (typeof price !== "bigint") return assetError("bad_price", "Giá khởi điểm phải là số nguyên đồng.", "The starting price must be whole đồng.", "startingPrice");
  if (price < 0n) return assetError("negative_price", "Giá khởi điểm không được là số âm.", "The starting price cannot be negative.", "startingPrice");
  if (price === 0n) return assetError("zero_price", "Giá khởi điểm phải lớn hơn 0.", "The starting price must be above zero.", "startingPrice");
  if (!isIsoDate(proposed.announcedOn)) return assetError("bad_date", "Ngày thông báo không hợp lệ.", "Bad announcement date.", "announcedOn");
  if (!isIsoDate(proposed.heldOn)) return assetError("bad_date", "Ngày tổ chức phiên không hợp lệ.", "Bad auction date.", "heldOn");
  if (compareDates(proposed.heldOn, proposed.announcedOn) < 0) {
    return assetError("held_before_announced", "Ngày tổ chức phiên không được trước ngày thông báo.", "The auction cannot be held before it is announced.", "heldOn");
  }
  const valuation = latestValuation(valuations);
  if (!valuation) return assetError("no_valuation", "Tài sản chưa được thẩm định giá: chưa thể tổ chức đấu giá.", "The asset has not been valued yet.");

  const last = rounds.length ? rounds.reduce((a, b) => (b.roundNo > a.roundNo ? b : a)) : undefined;
  const roundNo = (last?.roundNo ?? 0) + 1;
  let basePrice: bigint;
  let minPrice: bigint;

  if (last) {
    if (last.result === "scheduled") {
      return assetError("round_pending", `Phiên thứ ${last.roundNo} chưa có kết quả: ghi kết quả trước khi thông báo phiên mới.`, `Round ${last.roundNo} has no result yet.`);
    }
    if (last.result === "sold") return assetError("already_sold", "Tài sản đã bán thành, không tổ chức phiên mới.", "The asset is sold; no new round.");
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

  const floor = checkFloor(price, input.enforcementCosts);
  if (!floor.ok) return floor;
  return { ok: true, plan: { roundNo, basePrice, minPrice, reductionBasisPoints: reductionBasisPoints(basePrice, price) } };
}

/**
 * The floor: when the price would fall below the enforcement costs, selling cannot pay even the
 * costs; the asset goes back to the debtor unless the creditor takes it at that price.
 */
export function checkFloor(price: bigint, enforcementCosts: bigint): AssetCheck<{ floor: bigint }> {
  if (enforcementCosts < 0n) return assetError("negative_costs", "Chi phí thi hành án không được là số âm.", "Enforcement costs cannot be negative.", "enforcementCosts");
  if (price < enforcementCosts) {
    return assetError(
      "below_floor",
      `Giá ${vnd(price)} thấp hơn chi phí thi hành án (${vnd(enforcementCosts)}): trả lại tài sản cho người phải thi hành án, trừ khi người được thi hành án nhận tài sản.`,
      `The price ${price} VND is below the enforcement costs (${enforcementCosts} VND): the asset goes back to the debtor unless the creditor takes it.`,
      "startingPrice",
    );
  }
  return { ok: true, floor: enforcementCosts };
}

/** What the floor leaves as options once it is reached. */
export function floorOptions(): readonly ("return" | "hand_to_creditor")[] {
  return ["hand_to_creditor", "return"];
}

/** Re-valuation is due when the market moved `revaluationMarketMovePercent` % or more from the last value. */
export function revaluationDue(lastValue: bigint, marketValue: bigint, rules: AuctionRules): boolean {
  if (lastValue <= 0n || marketValue < 0n) throw new RangeError("Values must be positive");
  const diff = marketValue > lastValue ? marketValue - lastValue : lastValue - marketValue;
  return diff * 100n >= lastValue * BigInt(rules.revaluationMarketMovePercent);
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

export const DEPOSIT_OUTCOMES = ["held", "refunded", "forfeited", "applied"] as const;
export type DepositOutcome = (typeof DEPOSIT_OUTCOMES)[number];

export const DEPOSIT_OUTCOME_LABELS: Readonly<Record<DepositOutcome, { vi: string; en: string }>> = {
  held: { vi: "Đang giữ", en: "Held" },
  refunded: { vi: "Đã trả lại", en: "Refunded" },
  forfeited: { vi: "Không được nhận lại (bị tịch thu)", en: "Forfeited" },
  applied: { vi: "Trừ vào tiền mua tài sản", en: "Applied to the price" },
};

/** How a bidder's part in a round ended. */
export const BIDDER_SITUATIONS = [
  "not_winner",
  "round_cancelled",
  "winner_paid",
  "winner_refused",
  "withdrew_without_reason",
  "absent_without_reason",
  "refused_to_sign",
] as const;
export type BidderSituation = (typeof BIDDER_SITUATIONS)[number];

export const BIDDER_SITUATION_LABELS: Readonly<Record<BidderSituation, { vi: string; en: string }>> = {
  not_winner: { vi: "Không trúng đấu giá", en: "Did not win" },
  round_cancelled: { vi: "Phiên bị hủy", en: "Round cancelled" },
  winner_paid: { vi: "Trúng đấu giá và nộp đủ tiền", en: "Won and paid" },
  winner_refused: { vi: "Trúng đấu giá nhưng từ chối mua", en: "Won but refused to buy" },
  withdrew_without_reason: { vi: "Rút hồ sơ không có lý do chính đáng", en: "Withdrew without good reason" },
  absent_without_reason: { vi: "Không tham gia phiên không có lý do chính đáng", en: "Absent without good reason" },
  refused_to_sign: { vi: "Từ chối ký biên bản đấu giá", en: "Refused to sign the minutes" },
};

/** Law on Property Auction 2016, Art. 39(6): what happens to a deposit. */
export function depositOutcome(situation: BidderSituation): Exclude<DepositOutcome, "held"> {
  switch (situation) {
    case "not_winner":
    case "round_cancelled":
      return "refunded";
    case "winner_paid":
      return "applied";
    case "winner_refused":
    case "withdrew_without_reason":
    case "absent_without_reason":
    case "refused_to_sign":
      return "forfeited";
  }
}

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
