import { describe, expect, it } from "vitest";
import { LEGAL_TIME_LIMITS, periodEnd, rulesFor, type LegalTimeLimits } from "../../src/cases/index.ts";

describe("legal time limits by effective date", () => {
  it("are sorted and complete", () => {
    const from = LEGAL_TIME_LIMITS.map((r) => r.effectiveFrom);
    expect(from).toEqual(["2009-07-01", "2015-07-01", "2026-07-01"]);
    for (const r of LEGAL_TIME_LIMITS) {
      for (const key of [
        "courtTransferDays",
        "decisionWorkingDays",
        "notificationWorkingDays",
        "voluntaryDays",
        "verificationDays",
        "reverificationMonths",
        "reverificationMonthsExtended",
        "maxPriceReductionPercent",
        "resultConfirmationWorkingDays",
      ] as const) {
        expect(Number.isInteger(r[key]) && r[key] > 0, `${r.effectiveFrom} ${key}`).toBe(true);
      }
    }
  });

  it("use the 2008 law as amended in 2014 until 30 Jun 2026", () => {
    const r = rulesFor("2026-06-30");
    expect(r.effectiveFrom).toBe("2015-07-01");
    expect(r.legalBasis_vi).toContain("64/2014/QH13");
    expect(r).toMatchObject({
      decisionWorkingDays: 5,
      notificationWorkingDays: 3,
      voluntaryDays: 10,
      verificationDays: 10,
      reverificationMonths: 6,
      reverificationMonthsExtended: 12,
      maxPriceReductionPercent: 10,
      courtTransferDays: 30,
      resultConfirmationWorkingDays: 5,
      complaints: { beforeCoercionDays: 15, accountFreezeWorkingDays: 3, securityMeasureDays: 10, coercionAndAfterDays: 30 },
    });
  });

  it("switch to Law 106/2025/QH15 and Decree 152/2026 on 1 Jul 2026", () => {
    const r = rulesFor("2026-07-01");
    expect(r.effectiveFrom).toBe("2026-07-01");
    expect(r.legalBasis_vi).toContain("106/2025/QH15");
    expect(r.status).toBe("confirmed");
    expect(r).toMatchObject({
      decisionWorkingDays: 5,
      notificationWorkingDays: 3,
      voluntaryDays: 10,
      verificationDays: 9,
      reverificationMonths: 6,
      reverificationMonthsExtended: 12,
      maxPriceReductionPercent: 10,
      courtTransferDays: 15,
      resultConfirmationWorkingDays: 3,
      complaints: { beforeCoercionDays: 15, accountFreezeWorkingDays: null, securityMeasureDays: 10, coercionAndAfterDays: 30 },
    });
    expect(r.sources.resultConfirmationWorkingDays).toEqual([
      { instrument: "Decree 152/2026/NĐ-CP", article: "32", clause: "3", verified: "verified", row: "O1n" },
    ]);
    expect(rulesFor("2009-07-01").status).toBe("to_confirm");
    expect(rulesFor("2026-06-30").status).toBe("confirmed");
    expect(rulesFor("2030-01-01").effectiveFrom).toBe("2026-07-01");
  });

  it("use the pre-2014 voluntary period (15 days) before 1 Jul 2015", () => {
    expect(rulesFor("2015-06-30").voluntaryDays).toBe(15);
    expect(rulesFor("2015-07-01").voluntaryDays).toBe(10);
    expect(rulesFor("2009-07-01").effectiveFrom).toBe("2009-07-01");
  });

  it("refuse dates before the 2008 law and malformed dates", () => {
    expect(() => rulesFor("2009-06-30")).toThrow(RangeError);
    expect(() => rulesFor("30/06/2026")).toThrow(RangeError);
  });

  it("pick from a custom table regardless of its order", () => {
    const a = { ...LEGAL_TIME_LIMITS[1]!, effectiveFrom: "2020-01-01", voluntaryDays: 7 } as LegalTimeLimits;
    const b = { ...LEGAL_TIME_LIMITS[1]!, effectiveFrom: "2010-01-01", voluntaryDays: 9 } as LegalTimeLimits;
    expect(rulesFor("2021-05-05", [a, b]).voluntaryDays).toBe(7);
    expect(rulesFor("2019-12-31", [a, b]).voluntaryDays).toBe(9);
  });
});

describe("periodEnd", () => {
  const rules = rulesFor("2025-01-01");
  it("counts working days from the day after the start", () => {
    expect(periodEnd("2025-01-24", { unit: "working_days", amount: 5 }, rules)).toBe("2025-02-07");
  });
  it("rolls a period in days that ends on a day off to the next working day", () => {
    expect(periodEnd("2025-10-01", { unit: "days", amount: 10 }, rules)).toBe("2025-10-13"); // Sat 11 → Mon 13
    expect(periodEnd("2025-10-01", { unit: "days", amount: 10 }, { ...rules, rollPeriodEndToWorkingDay: false })).toBe("2025-10-11");
  });
  it("rolls a period in months too", () => {
    expect(periodEnd("2025-08-31", { unit: "months", amount: 6 }, rules)).toBe("2026-03-02"); // Sat 28 Feb → Mon 2 Mar
  });
  it("rejects negative or fractional periods", () => {
    expect(() => periodEnd("2025-10-01", { unit: "days", amount: -1 }, rules)).toThrow(RangeError);
    expect(() => periodEnd("2025-10-01", { unit: "days", amount: 1.5 }, rules)).toThrow(RangeError);
  });
});
