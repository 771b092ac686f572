import { describe, expect, it } from "vitest";
import {
  acceptanceClock,
  clockStatus,
  complaintLimitation,
  complaintResolutionClock,
  competentLevel,
  denunciationResolutionClock,
  isLate,
  levelAbove,
} from "../../src/complaints/index.ts";
import { addCalendarDays, nextWorkingDayOnOrAfter } from "../../src/cases/calendar.ts";

const OLD = "2015-07-01";
const NEW = "2026-07-01";

describe("time limit to complain, by the law in force on the act's date", () => {
  it.each([
    // act, known on, last day, rule, rule set, article
    ["before_coercion", "2026-03-02", "2026-03-17", "complaintBeforeCoercionDays", OLD, "Law 26/2008 (amended), Art. 140(2)(a)"],
    ["account_freeze", "2026-03-02", "2026-03-05", "complaintAccountFreezeWorkingDays", OLD, "Law 26/2008 (amended), Art. 140(2)(b ¶1)"],
    ["security_measure", "2026-03-02", "2026-03-12", "complaintSecurityMeasureDays", OLD, "Law 26/2008 (amended), Art. 140(2)(b ¶2)"],
    ["coercion", "2026-03-02", "2026-04-01", "complaintCoercionAndAfterDays", OLD, "Law 26/2008 (amended), Art. 140(2)(c, d)"],
    ["after_coercion", "2026-03-02", "2026-04-01", "complaintCoercionAndAfterDays", OLD, "Law 26/2008 (amended), Art. 140(2)(c, d)"],
    ["before_coercion", "2026-07-01", "2026-07-16", "complaintBeforeCoercionDays", NEW, "Law 106/2025/QH15, Art. 96(2)(a)"],
    // No separate account-freeze limit under Law 106: 10 days, and 11/07 is a Saturday, so Monday 13/07.
    ["account_freeze", "2026-07-01", "2026-07-13", "complaintSecurityMeasureDays", NEW, "Law 106/2025/QH15, Art. 96(2)(b)"],
    ["security_measure", "2026-07-01", "2026-07-13", "complaintSecurityMeasureDays", NEW, "Law 106/2025/QH15, Art. 96(2)(b)"],
    ["coercion", "2026-07-01", "2026-07-31", "complaintCoercionAndAfterDays", NEW, "Law 106/2025/QH15, Art. 96(2)(c)"],
    ["after_coercion", "2026-07-01", "2026-07-31", "complaintCoercionAndAfterDays", NEW, "Law 106/2025/QH15, Art. 96(2)(c)"],
  ] as const)("%s known on %s: last day %s", (act, knownOn, lastDay, code, set, citation) => {
    const c = complaintLimitation({ act, round: 1, knownOn });
    expect(c.lastDay).toBe(lastDay);
    expect(c.code).toBe(code);
    expect(c.ruleSetFrom).toBe(set);
    expect(c.citation).toBe(citation);
    expect(c.verified).toBe("verified");
    // The boundary: received on the last day is in time, the day after is late.
    expect(isLate(c, lastDay)).toBe(false);
    expect(isLate(c, addCalendarDays(lastDay, 1))).toBe(true);
  });

  it("applies the law of the act's date, not of the day the complaint arrives", () => {
    // An account freeze on 30/06/2026: 3 working days (old law), even when complained about in July.
    const before = complaintLimitation({ act: "account_freeze", round: 1, knownOn: "2026-06-30" });
    expect(before.lastDay).toBe("2026-07-03");
    expect(before.unit).toBe("working_days");
    expect(isLate(before, "2026-07-06")).toBe(true);
    const after = complaintLimitation({ act: "account_freeze", round: 1, knownOn: "2026-07-01" });
    expect(after.unit).toBe("days");
    expect(isLate(after, "2026-07-06")).toBe(false);
  });

  it("gives a second complaint 15 days from the first decision under both laws", () => {
    const old = complaintLimitation({ act: "coercion", round: 2, knownOn: "2026-01-05", firstDecisionOn: "2026-03-02" });
    expect([old.lastDay, old.citation]).toEqual(["2026-03-17", "Law 26/2008 (amended), Art. 140(2)"]);
    const fresh = complaintLimitation({ act: "coercion", round: 2, knownOn: "2026-06-01", firstDecisionOn: "2026-07-01" });
    expect([fresh.lastDay, fresh.citation]).toEqual(["2026-07-16", "Law 106/2025/QH15, Art. 96(3)"]);
    expect(() => complaintLimitation({ act: "coercion", round: 2, knownOn: "2026-06-01" })).toThrow(RangeError);
  });
});

describe("time to accept, from the day the letter was received", () => {
  it.each([
    ["complaint", 1, "2026-03-02", "2026-03-09", "Law 26/2008 (amended), Art. 148"],
    ["complaint", 2, "2026-03-02", "2026-03-12", "Circular 13/2021/TT-BTP, Art. 9(1)"],
    ["denunciation", 1, "2026-03-02", "2026-03-11", "Circular 13/2021/TT-BTP, Art. 16(1)"],
    ["complaint", 1, "2026-07-01", "2026-07-08", "Law 106/2025/QH15, Art. 104"],
    ["complaint", 2, "2026-07-01", "2026-07-13", "Law 106/2025/QH15, Art. 104"],
    ["denunciation", 1, "2026-07-01", "2026-07-10", "Law on Denunciations 25/2018/QH14, Art. 24"],
  ] as const)("%s round %s received %s: accepted by %s", (kind, round, receivedOn, lastDay, citation) => {
    const c = acceptanceClock(kind, round, receivedOn);
    expect(c.lastDay).toBe(lastDay);
    expect(c.citation).toBe(citation);
  });

  it("marks the denunciation acceptance under Law 106 unverified (the Law on Denunciations was not read)", () => {
    expect(acceptanceClock("denunciation", 1, "2026-07-01").verified).toBe("unverified");
    expect(acceptanceClock("denunciation", 1, "2026-06-30").verified).toBe("verified");
  });
});

describe("time to resolve a complaint, from its acceptance", () => {
  it.each([
    ["before_coercion", 1, "2026-03-02", "2026-03-17", 15],
    ["before_coercion", 2, "2026-03-02", "2026-04-01", 30],
    ["account_freeze", 1, "2026-03-02", "2026-03-09", 5],
    ["security_measure", 2, "2026-03-02", "2026-03-09", 5],
    ["coercion", 1, "2026-03-02", "2026-04-01", 30],
    ["coercion", 2, "2026-03-02", "2026-04-16", 45],
    // Old law: acts after coercion are point (d): 15 / 30 days.
    ["after_coercion", 1, "2026-03-02", "2026-03-17", 15],
    ["before_coercion", 1, "2026-07-01", "2026-07-16", 15],
    ["security_measure", 1, "2026-07-01", "2026-07-08", 5],
    ["coercion", 1, "2026-07-01", "2026-07-31", 30],
    // Law 106: after coercion is grouped with coercion, 30 / 45 days.
    ["after_coercion", 1, "2026-07-01", "2026-07-31", 30],
    ["after_coercion", 2, "2026-07-01", "2026-08-17", 45],
  ] as const)("%s, round %s, accepted %s: resolved by %s", (act, round, acceptedOn, lastDay, amount) => {
    const c = complaintResolutionClock({ act, round, acceptedOn });
    expect(c.lastDay).toBe(lastDay);
    expect(c.amount).toBe(amount);
    expect(clockStatus(c.lastDay, lastDay)).not.toBe("overdue");
    expect(clockStatus(c.lastDay, addCalendarDays(lastDay, 1))).toBe("overdue");
  });

  it("extends a complex complaint by at most 30 days from the end of the normal time", () => {
    const base = complaintResolutionClock({ act: "coercion", round: 1, acceptedOn: "2026-07-01" });
    const ext = complaintResolutionClock({ act: "coercion", round: 1, acceptedOn: "2026-07-01", extended: true });
    expect(ext.lastDay).toBe(nextWorkingDayOnOrAfter(addCalendarDays(base.lastDay, 30)));
    // 31/07 + 30 days is Sunday 30/08, then the National Day holidays: Thursday 03/09.
    expect(ext.lastDay).toBe("2026-09-03");
    expect(ext.citation).toContain("Art. 102(3 ¶2, 4)");
  });
});

describe("time to resolve a denunciation", () => {
  it("is 60 days (complex: 90) under the old law", () => {
    expect(denunciationResolutionClock("2026-06-01").lastDay).toBe("2026-07-31");
    expect(denunciationResolutionClock("2026-06-01").citation).toBe("Law 26/2008 (amended), Art. 157(2 ¶3)");
    // 30/08 is a Sunday, 31/08–02/09 are the National Day holidays.
    expect(denunciationResolutionClock("2026-06-01", "complex").lastDay).toBe("2026-09-03");
    expect(denunciationResolutionClock("2026-06-01", "very_complex").amount).toBe(90);
  });

  it("is 30 days (complex: 60, especially complex: 90) under Law 106", () => {
    expect(denunciationResolutionClock("2026-07-01").lastDay).toBe("2026-07-31");
    expect(denunciationResolutionClock("2026-07-01", "complex").lastDay).toBe("2026-09-03");
    expect(denunciationResolutionClock("2026-07-01", "very_complex").lastDay).toBe("2026-09-29");
    expect(denunciationResolutionClock("2026-07-01", "very_complex").citation).toBe("Law 106/2025/QH15, Art. 110(2 ¶4)");
  });
});

describe("clock status", () => {
  it("is overdue after the last day and due soon within 3 working days", () => {
    expect(clockStatus("2026-07-16", "2026-07-17")).toBe("overdue");
    expect(clockStatus("2026-07-16", "2026-07-16")).toBe("due_soon");
    expect(clockStatus("2026-07-16", "2026-07-13")).toBe("due_soon");
    expect(clockStatus("2026-07-16", "2026-07-10")).toBe("on_track");
  });
});

describe("competent level", () => {
  it("follows whose act is complained about, and a second complaint goes one level up", () => {
    expect(competentLevel("regional_executor")).toBe("regional_head");
    expect(competentLevel("regional_head")).toBe("province_head");
    expect(competentLevel("province_executor")).toBe("province_head");
    expect(competentLevel("province_head")).toBe("directorate");
    expect(competentLevel("regional_executor", 2)).toBe("province_head");
    expect(competentLevel("regional_head", 2)).toBe("directorate");
    expect(competentLevel("province_head", 2)).toBeNull();
    expect(levelAbove("directorate")).toBeNull();
  });
});
