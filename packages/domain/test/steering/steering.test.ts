import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  daysOverdue,
  directiveDeadlineProblem,
  directiveStatus,
  duePeriods,
  flagScopeProblem,
  missingReports,
  nextCoercionStatus,
  nextFlagStatus,
  reportPeriodEnd,
  reportPeriodLabel,
  reportPeriodStart,
  reportDueOn,
  riskScore,
  sortByRisk,
  suggestionReasons,
  thresholdProblems,
  totalForces,
  type SuggestionFacts,
  type WatchItemFacts,
} from "../../src/steering/index.ts";

const base: SuggestionFacts = {
  acceptedOn: "2025-06-01",
  closed: false,
  moneyDue: 1_000_000n,
  moneyCollected: 0n,
  isCorruption: false,
  failedAuctionRounds: 0,
  debtorIsCompany: false,
  isBankruptcy: false,
};
const T = { minOutstanding: 5_000_000_000n, openYears: 2, failedAuctionRounds: 3 };

describe("suggestion rules", () => {
  it("suggests nothing for a small, recent, ordinary case", () => {
    expect(suggestionReasons(base, "2026-11-01", T)).toEqual([]);
  });
  it("money: outstanding at or above the threshold, not below", () => {
    expect(suggestionReasons({ ...base, moneyDue: 5_000_000_000n }, "2026-11-01", T)).toEqual(["high_value"]);
    expect(suggestionReasons({ ...base, moneyDue: 5_000_000_000n, moneyCollected: 1n }, "2026-11-01", T)).toEqual([]);
  });
  it("money beyond 2^53 stays exact", () => {
    const big = 9_007_199_254_740_993n;
    expect(suggestionReasons({ ...base, moneyDue: big }, "2026-11-01", { ...T, minOutstanding: big })).toEqual(["high_value"]);
    expect(suggestionReasons({ ...base, moneyDue: big - 1n }, "2026-11-01", { ...T, minOutstanding: big })).toEqual([]);
  });
  it("open more than N years: strictly more", () => {
    expect(suggestionReasons({ ...base, acceptedOn: "2024-11-01" }, "2026-11-01", T)).toEqual([]);
    expect(suggestionReasons({ ...base, acceptedOn: "2024-10-31" }, "2026-11-01", T)).toEqual(["prolonged"]);
  });
  it("N or more failed auction rounds", () => {
    expect(suggestionReasons({ ...base, failedAuctionRounds: 2 }, "2026-11-01", T)).toEqual([]);
    expect(suggestionReasons({ ...base, failedAuctionRounds: 3 }, "2026-11-01", T)).toEqual(["failed_auctions"]);
  });
  it("a company debtor in bankruptcy, not a person, not a company outside bankruptcy", () => {
    expect(suggestionReasons({ ...base, debtorIsCompany: true, isBankruptcy: true }, "2026-11-01", T)).toEqual(["bankruptcy"]);
    expect(suggestionReasons({ ...base, debtorIsCompany: false, isBankruptcy: true }, "2026-11-01", T)).toEqual([]);
    expect(suggestionReasons({ ...base, debtorIsCompany: true, isBankruptcy: false }, "2026-11-01", T)).toEqual([]);
  });
  it("corruption / economic category", () => {
    expect(suggestionReasons({ ...base, isCorruption: true }, "2026-11-01", T)).toEqual(["corruption_economic"]);
  });
  it("several reasons at once, in a fixed order; none once the case is closed", () => {
    const f = { ...base, moneyDue: 9_000_000_000n, acceptedOn: "2020-01-01", isCorruption: true, failedAuctionRounds: 5 };
    expect(suggestionReasons(f, "2026-11-01", T)).toEqual(["high_value", "prolonged", "corruption_economic", "failed_auctions"]);
    expect(suggestionReasons({ ...f, closed: true }, "2026-11-01", T)).toEqual([]);
  });
  it("a zero threshold switches its rule off", () => {
    const f = { ...base, moneyDue: 9_000_000_000n, acceptedOn: "2020-01-01", failedAuctionRounds: 9 };
    expect(suggestionReasons(f, "2026-11-01", { minOutstanding: 0n, openYears: 0, failedAuctionRounds: 0 })).toEqual([]);
  });
  it("default thresholds are 10 billion, 3 years, 3 rounds", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ minOutstanding: 10_000_000_000n, openYears: 3, failedAuctionRounds: 3 });
    expect(suggestionReasons({ ...base, moneyDue: 10_000_000_000n }, "2026-11-01")).toEqual(["high_value"]);
  });
  it("thresholds are validated", () => {
    expect(thresholdProblems(T)).toEqual([]);
    expect(thresholdProblems({ minOutstanding: -1n, openYears: 1.5, failedAuctionRounds: -2 })).toHaveLength(3);
  });
});

describe("flag scope and status", () => {
  it("a province committee takes only its own province's cases", () => {
    expect(flagScopeProblem({ kind: "province", provinceId: "A" }, { provinceId: "A", isCorruption: false })).toBeNull();
    expect(flagScopeProblem({ kind: "province", provinceId: "A" }, { provinceId: "B", isCorruption: true })).toMatch(/địa bàn/);
  });
  it("the national anti-corruption list takes corruption cases of any province", () => {
    const nat = { kind: "national_anticorruption" as const, provinceId: null };
    expect(flagScopeProblem(nat, { provinceId: "B", isCorruption: true })).toBeNull();
    expect(flagScopeProblem(nat, { provinceId: "B", isCorruption: false })).toMatch(/tham nhũng/);
  });
  it("an ad-hoc committee takes any case", () => {
    expect(flagScopeProblem({ kind: "ad_hoc", provinceId: null }, { provinceId: "B", isCorruption: false })).toBeNull();
  });
  it("proposed → accepted/declined; accepted → removed; nothing else", () => {
    expect(nextFlagStatus("proposed", "accept")).toBe("accepted");
    expect(nextFlagStatus("proposed", "decline")).toBe("declined");
    expect(nextFlagStatus("accepted", "remove")).toBe("removed");
    expect(nextFlagStatus("accepted", "accept")).toBeNull();
    expect(nextFlagStatus("declined", "accept")).toBeNull();
    expect(nextFlagStatus("proposed", "remove")).toBeNull();
    expect(nextFlagStatus("removed", "remove")).toBeNull();
  });
});

describe("directive deadlines", () => {
  it("open, due soon, overdue", () => {
    expect(directiveStatus({ dueOn: "2026-11-20", answeredOn: null }, "2026-11-01")).toBe("open");
    expect(directiveStatus({ dueOn: "2026-11-04", answeredOn: null }, "2026-11-01")).toBe("due_soon");
    expect(directiveStatus({ dueOn: "2026-11-01", answeredOn: null }, "2026-11-01")).toBe("due_soon");
    expect(directiveStatus({ dueOn: "2026-10-31", answeredOn: null }, "2026-11-01")).toBe("overdue");
  });
  it("answered on time or late", () => {
    expect(directiveStatus({ dueOn: "2026-10-31", answeredOn: "2026-10-31" }, "2026-12-01")).toBe("answered");
    expect(directiveStatus({ dueOn: "2026-10-31", answeredOn: "2026-11-02" }, "2026-12-01")).toBe("answered_late");
  });
  it("days overdue", () => {
    expect(daysOverdue({ dueOn: "2026-10-25", answeredOn: null }, "2026-11-01")).toBe(7);
    expect(daysOverdue({ dueOn: "2026-10-25", answeredOn: "2026-10-30" }, "2026-11-01")).toBe(0);
    expect(daysOverdue({ dueOn: "2026-11-25", answeredOn: null }, "2026-11-01")).toBe(0);
  });
  it("a new deadline may not be in the past nor more than two years away", () => {
    expect(directiveDeadlineProblem("2026-11-01", "2026-11-01")).toBeNull();
    expect(directiveDeadlineProblem("2026-10-31", "2026-11-01")).toMatch(/đã qua/);
    expect(directiveDeadlineProblem("2029-01-01", "2026-11-01")).toMatch(/2 năm/);
  });
});

describe("progress-report cadence", () => {
  it("periods: months and calendar quarters", () => {
    expect(reportPeriodStart("2026-05-17", "monthly")).toBe("2026-05-01");
    expect(reportPeriodStart("2026-05-17", "quarterly")).toBe("2026-04-01");
    expect(reportPeriodStart("2026-12-31", "quarterly")).toBe("2026-10-01");
    expect(reportPeriodEnd("2026-02-01", "monthly")).toBe("2026-02-28");
    expect(reportPeriodEnd("2026-10-01", "quarterly")).toBe("2026-12-31");
    expect(reportDueOn("2026-10-01", "quarterly")).toBe("2027-01-05");
    expect(reportPeriodLabel("2026-03-01", "monthly")).toBe("Tháng 03/2026");
    expect(reportPeriodLabel("2026-07-01", "quarterly")).toBe("Quý III/2026");
  });
  it("due periods start with the period the case was flagged in, and only once past due", () => {
    expect(duePeriods("2026-08-20", "monthly", "2026-11-05")).toEqual(["2026-08-01", "2026-09-01"]);
    expect(duePeriods("2026-08-20", "monthly", "2026-11-06")).toEqual(["2026-08-01", "2026-09-01", "2026-10-01"]);
    expect(duePeriods("2026-08-20", "quarterly", "2026-11-06")).toEqual(["2026-07-01"]);
    expect(duePeriods("2026-11-02", "monthly", "2026-11-20")).toEqual([]);
  });
  it("missing reports are the due periods without one; a removal stops the cadence", () => {
    expect(missingReports("2026-06-10", "monthly", ["2026-06-01", "2026-08-15"], "2026-11-10")).toEqual([
      "2026-07-01",
      "2026-09-01",
      "2026-10-01",
    ]);
    expect(missingReports("2026-01-10", "quarterly", ["2026-02-01", "2026-05-01", "2026-08-01"], "2026-11-10")).toEqual([]);
    expect(missingReports("2026-06-10", "monthly", [], "2026-11-10", "2026-07-15")).toEqual(["2026-06-01", "2026-07-01"]);
  });
});

describe("watchlist risk ordering", () => {
  const item = (over: Partial<WatchItemFacts>): WatchItemFacts => ({
    caseNumber: "1",
    moneyDue: 0n,
    moneyCollected: 0n,
    overdueDirectives: 0,
    openDirectives: 0,
    missingReports: 0,
    lastActionOn: "2026-11-01",
    nextDeadlineOn: null,
    failedAuctionRounds: 0,
    isCorruption: false,
    ...over,
  });
  it("each term raises the score", () => {
    const today = "2026-11-01";
    const zero = riskScore(item({}), today).score;
    expect(zero).toBe(0);
    expect(riskScore(item({ overdueDirectives: 1 }), today).score).toBeGreaterThan(zero);
    expect(riskScore(item({ moneyDue: 50_000_000_000n }), today).terms.value).toBe(13);
    expect(riskScore(item({ moneyDue: 500_000_000_000n }), today).terms.value).toBe(25);
    expect(riskScore(item({ lastActionOn: "2026-08-01" }), today).terms.stale).toBe(6);
    expect(riskScore(item({ lastActionOn: null }), today).terms.stale).toBe(20);
    expect(riskScore(item({ nextDeadlineOn: "2026-10-01" }), today).terms.deadline).toBe(15);
    expect(riskScore(item({ missingReports: 9 }), today).terms.reports).toBe(30);
    expect(riskScore(item({ failedAuctionRounds: 2 }), today).terms.auctions).toBe(10);
  });
  it("overdue directives outrank value; ties go to the larger outstanding amount, then the case number", () => {
    const list = [
      item({ caseNumber: "A", moneyDue: 80_000_000_000n }),
      item({ caseNumber: "B", overdueDirectives: 1 }),
      item({ caseNumber: "D", moneyDue: 1_000_000n }),
      item({ caseNumber: "C", moneyDue: 2_000_000n }),
      item({ caseNumber: "E" }),
      item({ caseNumber: "F" }),
    ];
    expect(sortByRisk(list, "2026-11-01").map((i) => i.caseNumber)).toEqual(["B", "A", "C", "D", "E", "F"]);
  });
});

describe("coercion operations", () => {
  it("planned → approved → done; rejection and cancellation", () => {
    expect(nextCoercionStatus("planned", "approve")).toBe("approved");
    expect(nextCoercionStatus("planned", "reject")).toBe("rejected");
    expect(nextCoercionStatus("approved", "record_result")).toBe("done");
    expect(nextCoercionStatus("planned", "record_result")).toBeNull();
    expect(nextCoercionStatus("done", "cancel")).toBeNull();
    expect(nextCoercionStatus("approved", "cancel")).toBe("cancelled");
  });
  it("forces add up", () => {
    expect(
      totalForces([
        { kind: "police", count: 30 },
        { kind: "local_authority", count: 12 },
      ]),
    ).toBe(42);
  });
});
