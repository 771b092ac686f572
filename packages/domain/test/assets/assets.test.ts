import { describe, expect, it } from "vitest";
import {
  AUCTION_RULE_SETS,
  DISTRIBUTION_RANKS,
  auctionRulesFor,
  assetStepTransition,
  checkDeposit,
  checkFloor,
  checkNewRound,
  depositOutcome,
  distributeProceeds,
  failedRounds,
  isStuck,
  minReducedPrice,
  nextAssetSteps,
  proRata,
  BIDDER_SITUATIONS,
  buyerPaymentDueOn,
  checkRevaluation,
  creditorMayTakeAsset,
  failedAuctionNoticeDueOn,
  priceChangeValuationDue,
  rulesFor,
  type ClaimRank,
  type RoundRecord,
} from "../../src/index.ts";

const rules = auctionRulesFor("2025-11-10");
const B = 1_000_000_000n; // one billion đồng
const valuations = [{ valuedOn: "2025-01-10", value: 150n * B }];
const round = (roundNo: number, heldOn: string, price: bigint, result: RoundRecord["result"]): RoundRecord => ({
  roundNo,
  announcedOn: heldOn,
  heldOn,
  startingPrice: price,
  result,
});

describe("auction rules by effective date", () => {
  it("take the per-round reduction from the case rules module", () => {
    expect(rules.maxPriceReductionPercent).toBe(rulesFor("2025-11-10").maxPriceReductionPercent);
    expect(rules).toMatchObject({ maxPriceReductionPercent: 10, nextRoundWithinDays: 10, priceChangeValuationPercent: 20 });
    // Deposit percentages rest on the 2016 wording of the Auction Law (the 2024 amendment was not read): verified.
    expect(auctionRulesFor("2026-07-01").status).toBe("confirmed");
    expect(AUCTION_RULE_SETS.map((s) => s.effectiveFrom)).toEqual(["2015-07-01", "2026-07-01"]);
  });
  it("refuse malformed and too early dates", () => {
    expect(() => auctionRulesFor("10/11/2025")).toThrow(RangeError);
    expect(() => auctionRulesFor("2014-01-01")).toThrow(RangeError);
  });
  it("keep the Art. 47 order until 30/06/2026 and the Art. 54 order from 01/07/2026", () => {
    expect(rules.distributionOrder).toEqual(["costs", "secured", "priority", "court_fee", "other"]);
    expect(auctionRulesFor("2026-06-30").distributionOrder).toEqual(["costs", "secured", "priority", "court_fee", "other"]);
    expect(auctionRulesFor("2026-07-01").distributionOrder).toEqual([
      "costs",
      "secured",
      "priority",
      "court_fee",
      "fine_state",
      "insurance",
      "other",
    ]);
    expect(DISTRIBUTION_RANKS[0]).toBe("costs");
  });
});

describe("asset status machine", () => {
  it("walks identified → seized → valued → at auction → sold → delivered", () => {
    const path = [
      ["identified", "seizure", "seized"],
      ["seized", "valuation", "valued"],
      ["valued", "round", "at_auction"],
      ["at_auction", "round_result", "at_auction"],
      ["at_auction", "valuation", "valued"],
      ["sold", "sale", "sold"],
      ["sold", "delivery", "delivered"],
      ["at_auction", "return", "returned"],
      ["at_auction", "hand_to_creditor", "handed_to_creditor"],
    ] as const;
    for (const [from, step, to] of path) {
      const r = assetStepTransition(from, step);
      expect(r.ok && r.status, `${from} ${step}`).toBe(to);
    }
  });
  it("refuses steps out of order, with a Vietnamese message", () => {
    const r = assetStepTransition("identified", "round");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message_vi).toContain("Đã xác minh");
    expect(assetStepTransition("delivered", "valuation").ok).toBe(false);
    expect(assetStepTransition("returned", "seizure").ok).toBe(false);
    expect(assetStepTransition("identified", "hand_to_creditor").ok).toBe(false);
    expect(nextAssetSteps("delivered")).toEqual(["deposit_settlement"]);
  });
});

describe("price reduction rule", () => {
  const enforcementCosts = 200_000_000n;
  const check = (rounds: RoundRecord[], announcedOn: string, heldOn: string, startingPrice: bigint, vals = valuations) =>
    checkNewRound({ rounds, valuations: vals, proposed: { announcedOn, heldOn, startingPrice }, enforcementCosts, rules });

  it("starts the first round at the valued price", () => {
    const r = check([], "2025-02-01", "2025-02-20", 150n * B);
    expect(r.ok && r.plan).toEqual({ roundNo: 1, basePrice: 150n * B, minPrice: 150n * B, reductionBasisPoints: 0 });
    const off = check([], "2025-02-01", "2025-02-20", 140n * B);
    expect(!off.ok && off.error.code).toBe("price_not_valuation");
  });

  it("allows at most 10% off after a failed round, exactly at the limit too", () => {
    const rounds = [round(1, "2025-02-20", 150n * B, "no_bidder")];
    const atLimit = check(rounds, "2025-02-25", "2025-03-15", 135n * B);
    expect(atLimit.ok && atLimit.plan).toEqual({ roundNo: 2, basePrice: 150n * B, minPrice: 135n * B, reductionBasisPoints: 1000 });
    const tooMuch = check(rounds, "2025-02-25", "2025-03-15", 135n * B - 1n);
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok) {
      expect(tooMuch.error.code).toBe("reduction_too_large");
      expect(tooMuch.error.field).toBe("startingPrice");
      expect(tooMuch.error.message_vi).toContain("135.000.000.000");
    }
    expect(check(rounds, "2025-02-25", "2025-03-15", 150n * B).ok).toBe(true); // no reduction is allowed too
  });

  it("rounds the lowest price up to a whole đồng", () => {
    expect(minReducedPrice(1_000_001n, 10)).toBe(900_001n); // 900 000.9 → 900 001
    expect(minReducedPrice(1_000_000n, 10)).toBe(900_000n);
    expect(() => minReducedPrice(-1n, 10)).toThrow(RangeError);
  });

  it("requires the reduced round to be announced within 10 days of the failed one", () => {
    const rounds = [round(1, "2025-02-20", 150n * B, "no_bidder")];
    expect(check(rounds, "2025-03-02", "2025-03-20", 140n * B).ok).toBe(true);
    const late = check(rounds, "2025-03-03", "2025-03-20", 140n * B);
    expect(!late.ok && late.error.code).toBe("next_round_too_late");
  });

  it("refuses a round dated before the previous one", () => {
    const rounds = [round(1, "2025-02-20", 150n * B, "no_bidder")];
    const before = check(rounds, "2025-02-10", "2025-02-25", 140n * B);
    expect(!before.ok && before.error).toMatchObject({ code: "round_before_previous", field: "announcedOn" });
    const sameDay = check(rounds, "2025-02-20", "2025-02-20", 140n * B);
    expect(!sameDay.ok && sameDay.error).toMatchObject({ code: "round_before_previous", field: "heldOn" });
    const heldFirst = check(rounds, "2025-02-25", "2025-02-24", 140n * B);
    expect(!heldFirst.ok && heldFirst.error.code).toBe("held_before_announced");
  });

  it("refuses negative, zero and raised prices", () => {
    expect(!check([], "2025-02-01", "2025-02-20", -1n).ok && check([], "2025-02-01", "2025-02-20", -1n)).toMatchObject({
      error: { code: "negative_price" },
    });
    const zero = check([], "2025-02-01", "2025-02-20", 0n);
    expect(!zero.ok && zero.error.code).toBe("zero_price");
    const rounds = [round(1, "2025-02-20", 150n * B, "no_bidder")];
    const raised = check(rounds, "2025-02-25", "2025-03-15", 151n * B);
    expect(!raised.ok && raised.error.code).toBe("price_above_previous");
  });

  it("keeps the price after a cancelled round and waits for a pending one", () => {
    const cancelled = [round(1, "2025-02-20", 150n * B, "cancelled")];
    expect(check(cancelled, "2025-04-01", "2025-04-20", 150n * B).ok).toBe(true);
    const reduced = check(cancelled, "2025-04-01", "2025-04-20", 149n * B);
    expect(!reduced.ok && reduced.error.code).toBe("reduction_too_large");
    const pending = check([round(1, "2025-02-20", 150n * B, "scheduled")], "2025-02-21", "2025-03-01", 150n * B);
    expect(!pending.ok && pending.error.code).toBe("round_pending");
    const sold = check([round(1, "2025-02-20", 150n * B, "sold")], "2025-02-21", "2025-03-01", 150n * B);
    expect(!sold.ok && sold.error.code).toBe("already_sold");
  });

  it("restarts from a new valuation made after the last round", () => {
    const rounds = [round(1, "2025-02-20", 150n * B, "no_bidder")];
    const vals = [...valuations, { valuedOn: "2025-06-01", value: 100n * B }];
    expect(check(rounds, "2025-06-05", "2025-06-25", 100n * B, vals).ok).toBe(true);
    expect(check(rounds, "2025-06-05", "2025-06-25", 135n * B, vals).ok).toBe(false);
  });

  it("needs a valuation first", () => {
    const r = check([], "2025-02-01", "2025-02-20", 150n * B, []);
    expect(!r.ok && r.error.code).toBe("no_valuation");
  });

  it("lets a 26-round chain go from 150 to 47 billion only through allowed steps", () => {
    const rounds: RoundRecord[] = [];
    let price = 150n * B;
    let day = new Date("2017-01-10T00:00:00Z");
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    for (let n = 1; n <= 26; n++) {
      const announced = iso(day);
      day = new Date(day.getTime() + 20 * 86_400_000);
      const held = iso(day);
      const r = checkNewRound({
        rounds,
        valuations: [{ valuedOn: "2017-01-01", value: 150n * B }],
        proposed: { announcedOn: announced, heldOn: held, startingPrice: price },
        enforcementCosts,
        rules: auctionRulesFor(announced),
      });
      expect(r.ok, `round ${n}`).toBe(true);
      rounds.push(round(n, held, price, "no_bidder"));
      rounds[n - 1]!.announcedOn = announced;
      const target = 47n * B;
      const min = minReducedPrice(price, 10);
      const step = (price - target) / BigInt(27 - n);
      price = price - step < min ? min : price - step;
      day = new Date(day.getTime() + 5 * 86_400_000);
    }
    expect(failedRounds(rounds)).toBe(26);
    expect(rounds[25]!.startingPrice).toBeGreaterThanOrEqual(47n * B);
    expect(isStuck(rounds, rules)).toBe(true);
    expect(isStuck(rounds.slice(0, 2), rules)).toBe(false);
  });
});

describe("the floor", () => {
  it("sends the asset back when the price is equal to or lower than the costs", () => {
    expect(checkFloor(101n, 100n).ok).toBe(true);
    const equal = checkFloor(100n, 100n);
    expect(!equal.ok && equal.error.code).toBe("below_floor");
    const r = checkFloor(99n, 100n);
    expect(!r.ok && r.error.code).toBe("below_floor");
    if (!r.ok) expect(r.error.message_vi).toContain("trả lại tài sản");
    expect(!checkFloor(10n, -1n).ok).toBe(true);
  });
  it("compares with the coercion costs until 30/06/2026 and the enforcement costs from 01/07/2026", () => {
    const before = auctionRulesFor("2026-06-30");
    const after = auctionRulesFor("2026-07-01");
    expect(before.floorCosts).toBe("coercion_costs");
    expect(after.floorCosts).toBe("enforcement_costs");
    const a = checkFloor(100n, 100n, before);
    const b = checkFloor(100n, 100n, after);
    expect(!a.ok && a.error.message_vi).toContain("chi phí cưỡng chế");
    expect(!b.ok && b.error.message_vi).toContain("chi phí thi hành án");
    expect(before.sources.auctionFloor).toEqual([
      { instrument: "Law 26/2008 (amended)", article: "104", clause: "3", verified: "verified", row: "U6" },
    ]);
    expect(after.sources.auctionFloor!.map((x) => `${x.instrument} ${x.article}(${x.clause})${x.point ? `(${x.point})` : ""}`)).toEqual([
      "Law 106/2025/QH15 83(3 ¶3)",
      "Decree 152/2026/NĐ-CP 65(7)(b)",
    ]);
  });
  it("stops a reduced round that would fall below it", () => {
    const r = checkNewRound({
      rounds: [round(1, "2025-02-20", 1_000_000n, "no_bidder")],
      valuations: [{ valuedOn: "2025-01-10", value: 1_000_000n }],
      proposed: { announcedOn: "2025-02-25", heldOn: "2025-03-10", startingPrice: 950_000n },
      enforcementCosts: 960_000n,
      rules,
    });
    expect(!r.ok && r.error.code).toBe("below_floor");
  });
});

describe("price-change valuation (Decree 62 Art. 17, Decree 152 Art. 62)", () => {
  it("is due when the market moves 20% or more either way, in both sets", () => {
    for (const r of [auctionRulesFor("2026-06-30"), auctionRulesFor("2026-07-01")]) {
      expect(priceChangeValuationDue(100n, 120n, r)).toBe(true);
      expect(priceChangeValuationDue(100n, 80n, r)).toBe(true);
      expect(priceChangeValuationDue(100n, 119n, r)).toBe(false);
    }
    expect(() => priceChangeValuationDue(0n, 10n, rules)).toThrow(RangeError);
  });
});

describe("re-valuation of a seized asset (Law 26/2008 Art. 99, Law 106 Art. 82(2))", () => {
  const old = auctionRulesFor("2026-06-30");
  const neu = auctionRulesFor("2026-07-01");
  it("on a party's request: within 5 working days of being told the result, once", () => {
    for (const r of [old, neu]) {
      expect(r.revaluationRequestWorkingDays).toBe(5);
      expect(r.revaluationOnRequestTimes).toBe(1);
    }
    // Told Monday 22/06/2026 → last day Monday 29/06/2026.
    expect(
      checkRevaluation({
        ground: "party_request",
        resultNotifiedOn: "2026-06-22",
        requestedOn: "2026-06-29",
        previousOnRequest: 0,
        rules: old,
      }),
    ).toEqual({ ok: true, lastDay: "2026-06-29" });
    const late = checkRevaluation({
      ground: "party_request",
      resultNotifiedOn: "2026-06-22",
      requestedOn: "2026-06-30",
      previousOnRequest: 0,
      rules: old,
    });
    expect(!late.ok && late.error.code).toBe("revaluation_late");
    const twice = checkRevaluation({
      ground: "party_request",
      resultNotifiedOn: "2026-07-01",
      requestedOn: "2026-07-02",
      previousOnRequest: 1,
      rules: neu,
    });
    expect(!twice.ok && twice.error.code).toBe("revaluation_once");
    // Across the National Day break 2026: told Friday 21/08 → Sat 22/08 (make-up), 24, 25, 26, 27/08.
    expect(
      checkRevaluation({
        ground: "party_request",
        resultNotifiedOn: "2026-08-21",
        requestedOn: "2026-08-27",
        previousOnRequest: 0,
        rules: neu,
      }),
    ).toEqual({ ok: true, lastDay: "2026-08-27" });
  });
  it("for a serious breach at any time; an expired certificate only from 01/07/2026", () => {
    expect(checkRevaluation({ ground: "serious_breach", requestedOn: "2026-06-30", previousOnRequest: 3, rules: old }).ok).toBe(true);
    const expired = checkRevaluation({ ground: "certificate_expired", requestedOn: "2026-06-30", previousOnRequest: 0, rules: old });
    expect(!expired.ok && expired.error.code).toBe("revaluation_ground");
    expect(checkRevaluation({ ground: "certificate_expired", requestedOn: "2026-07-01", previousOnRequest: 0, rules: neu }).ok).toBe(true);
  });
});

describe("failed auctions, the creditor taking the asset, the buyer paying (both sets)", () => {
  const old = auctionRulesFor("2026-06-30");
  const neu = auctionRulesFor("2026-07-01");
  it("tells the parties of a failed auction within 5 working days (Law 26 Art. 104(1)) / 2 working days (Decree 152 Art. 65(6))", () => {
    expect(old.failedAuctionNoticeWorkingDays).toBe(5);
    expect(neu.failedAuctionNoticeWorkingDays).toBe(2);
    expect(failedAuctionNoticeDueOn("2026-06-30", old)).toBe("2026-07-07");
    expect(failedAuctionNoticeDueOn("2026-07-01", neu)).toBe("2026-07-03");
  });
  it("lets the creditor take the asset from after the second reduction", () => {
    for (const r of [old, neu]) {
      expect(creditorMayTakeAsset(1, r)).toBe(false);
      expect(creditorMayTakeAsset(2, r)).toBe(true);
    }
  });
  it("has the buyer pay within 30 days; up to 60 by agreement only from 01/07/2026", () => {
    expect(buyerPaymentDueOn("2026-06-30", old)).toBe("2026-07-30");
    expect(() => buyerPaymentDueOn("2026-06-30", old, 45)).toThrow(RangeError);
    expect(buyerPaymentDueOn("2026-07-01", neu)).toBe("2026-07-31");
    // 60 days after Wed 1 Jul 2026 is Sunday 30 Aug (National Day break) → Thursday 3 Sep.
    expect(buyerPaymentDueOn("2026-07-01", neu, 60)).toBe("2026-09-03");
    expect(() => buyerPaymentDueOn("2026-07-01", neu, 61)).toThrow(RangeError);
  });
});

describe("deposits", () => {
  it("are refunded, forfeited or applied to the price", () => {
    expect(depositOutcome("not_winner")).toBe("refunded");
    expect(depositOutcome("round_cancelled")).toBe("refunded");
    expect(depositOutcome("winner_paid")).toBe("applied");
    // Forfeited only on the grounds of the Auction Law 2016, Art. 39(6)(a)–(đ).
    for (const s of ["absent_without_reason", "disqualified", "refused_to_sign", "withdrew_bid", "winner_refused"] as const) {
      expect(depositOutcome(s), s).toBe("forfeited");
    }
    expect(BIDDER_SITUATIONS).not.toContain("withdrew_without_reason");
    expect(BIDDER_SITUATIONS.filter((s) => depositOutcome(s) === "forfeited")).toHaveLength(5);
  });
  it("must be 5–20% of the starting price", () => {
    expect(checkDeposit(4n * B, 47n * B, rules).ok).toBe(true);
    const low = checkDeposit(2n * B, 47n * B, rules);
    expect(!low.ok && low.error.code).toBe("deposit_out_of_range");
    expect(checkDeposit(10n * B, 47n * B, rules).ok).toBe(false);
    expect(!checkDeposit(-5n, 47n * B, rules).ok && checkDeposit(-5n, 47n * B, rules)).toMatchObject({ error: { code: "bad_deposit" } });
  });
});

describe("distribution of proceeds (Art. 47)", () => {
  const dist = (proceeds: bigint, costs: bigint, claims: { id: string; rank: ClaimRank; amount: bigint }[], on = "2026-07-01") => {
    const r = distributeProceeds({ proceeds, enforcementCosts: costs, claims, order: auctionRulesFor(on).distributionOrder });
    if (!r.ok) throw new Error(r.error.message_en);
    return r.distribution;
  };

  it("pays costs, then the judgment's court fee and the secured creditor, then priority and others (47(3), 54(3)), in both sets", () => {
    for (const on of ["2026-06-30", "2026-07-01"]) {
      const d = dist(
        1_000n,
        100n,
        [
          { id: "other", rank: "other", amount: 500n },
          { id: "fee", rank: "court_fee", amount: 50n },
          { id: "wage", rank: "priority", amount: 150n },
          { id: "bank", rank: "secured", amount: 400n },
        ],
        on,
      );
      expect(d.lines.map((l) => [l.rank, l.claimId, l.amount])).toEqual([
        ["costs", null, 100n],
        ["court_fee", "fee", 50n],
        ["secured", "bank", 400n],
        ["priority", "wage", 150n],
        ["other", "other", 300n],
      ]);
      expect(d.toDebtor).toBe(0n);
    }
  });

  it("without a secured creditor: priority before court fees (47(2), 54(2))", () => {
    const d = dist(300n, 100n, [
      { id: "fee", rank: "court_fee", amount: 50n },
      { id: "wage", rank: "priority", amount: 180n },
    ]);
    expect(d.lines.map((l) => [l.rank, l.claimId, l.amount])).toEqual([
      ["costs", null, 100n],
      ["priority", "wage", 180n],
      ["court_fee", "fee", 20n],
    ]);
  });

  it("from 01/07/2026: fines and State recoveries, then insurance, after court fees and before the others (Law 106 Art. 54(2)(c), (d))", () => {
    const d = dist(1_000n, 0n, [
      { id: "other", rank: "other", amount: 500n },
      { id: "bhxh", rank: "insurance", amount: 300n },
      { id: "fine", rank: "fine_state", amount: 400n },
      { id: "fee", rank: "court_fee", amount: 100n },
    ]);
    expect(d.lines.map((l) => [l.rank, l.claimId, l.amount])).toEqual([
      ["court_fee", "fee", 100n],
      ["fine_state", "fine", 400n],
      ["insurance", "bhxh", 300n],
      ["other", "other", 200n],
    ]);
  });

  it("before 01/07/2026 refuses those ranks: fines and insurance are other obligations then (Law 26/2008 Art. 47(2)(c))", () => {
    const r = distributeProceeds({
      proceeds: 1_000n,
      enforcementCosts: 0n,
      claims: [{ id: "fine", rank: "fine_state", amount: 400n }],
      order: auctionRulesFor("2026-06-30").distributionOrder,
    });
    expect(!r.ok && r.error).toMatchObject({ code: "rank_not_in_force", field: "claims" });
    expect(!r.ok && r.error.message_vi).toContain("Điều 47(2)(c)");
  });

  it("returns the surplus to the debtor", () => {
    const d = dist(1_000n, 100n, [{ id: "bank", rank: "secured", amount: 400n }]);
    expect(d.toDebtor).toBe(500n);
    expect(d.lines.reduce((a, l) => a + l.amount, 0n) + d.toDebtor).toBe(1_000n);
  });

  it("leaves later ranks empty when costs eat everything", () => {
    const d = dist(80n, 100n, [{ id: "bank", rank: "secured", amount: 400n }]);
    expect(d.lines).toEqual([
      { rank: "costs", claimId: null, claimed: 100n, amount: 80n },
      { rank: "secured", claimId: "bank", claimed: 400n, amount: 0n },
    ]);
  });

  it("shares a rank pro rata in whole đồng, the remainder to the largest fractions then the first listed", () => {
    expect(proRata(100n, [100n, 100n, 100n])).toEqual([34n, 33n, 33n]);
    expect(proRata(100n, [1n, 1n, 1n])).toEqual([1n, 1n, 1n]); // enough for all: paid in full
    expect(proRata(10n, [3n, 3n, 4n])).toEqual([3n, 3n, 4n]);
    expect(proRata(7n, [5n, 10n])).toEqual([2n, 5n]); // 2.33 and 4.67: the đồng goes to 4.67
    expect(proRata(0n, [5n, 10n])).toEqual([0n, 0n]);
    const d = dist(1_000n, 0n, [
      { id: "A", rank: "other", amount: 1_000n },
      { id: "B", rank: "other", amount: 1_000n },
      { id: "C", rank: "other", amount: 1_000n },
    ]);
    expect(d.lines.map((l) => l.amount)).toEqual([334n, 333n, 333n]);
    expect(d.lines.reduce((a, l) => a + l.amount, 0n)).toBe(1_000n);
  });

  it("handles sums beyond 2^53", () => {
    const big = 9_007_199_254_740_993n * 3n;
    const d = dist(big, 1n, [{ id: "A", rank: "other", amount: big }]);
    expect(d.lines[1]!.amount).toBe(big - 1n);
  });

  it("refuses bad input", () => {
    expect(distributeProceeds({ proceeds: -1n, enforcementCosts: 0n, claims: [] }).ok).toBe(false);
    expect(distributeProceeds({ proceeds: 1n, enforcementCosts: -1n, claims: [] }).ok).toBe(false);
    const dup = distributeProceeds({
      proceeds: 1n,
      enforcementCosts: 0n,
      claims: [
        { id: "A", rank: "other", amount: 1n },
        { id: "A", rank: "other", amount: 1n },
      ],
    });
    expect(!dup.ok && dup.error.code).toBe("duplicate_claim");
    const zero = distributeProceeds({ proceeds: 1n, enforcementCosts: 0n, claims: [{ id: "A", rank: "other", amount: 0n }] });
    expect(!zero.ok && zero.error.code).toBe("bad_claim");
  });
});
