import { describe, expect, it } from "vitest";
import { checkLimitation, limitationStopReasonsOn } from "../../src/cases/index.ts";

describe("limitation period for requesting enforcement", () => {
  it("is 5 years from the judgment taking effect; a later request is late (Law 26/2008 Art. 30(1))", () => {
    // Took effect Monday 15 Jun 2020 → last day Thursday 15 Jun 2025.
    const inTime = checkLimitation({ runsFrom: "2020-06-15", filedOn: "2025-06-15" });
    expect(inTime).toMatchObject({ late: false, lastDay: "2025-06-16", years: 5, ruleSetFrom: "2015-07-01" }); // 15/06/2025 is a Sunday
    expect(inTime.article).toBe("Law 26/2008 (amended), Art. 30(1)");
    expect(checkLimitation({ runsFrom: "2020-06-15", filedOn: "2025-06-17" }).late).toBe(true);
  });

  it("cites Law 106 Art. 34(2) and Decree 152 Art. 10(1) for a request filed from 01/07/2026", () => {
    const before = checkLimitation({ runsFrom: "2021-06-30", filedOn: "2026-06-30" });
    const after = checkLimitation({ runsFrom: "2021-07-01", filedOn: "2026-07-01" });
    expect(before).toMatchObject({ late: false, lastDay: "2026-06-30", ruleSetFrom: "2015-07-01" });
    expect(before.article).toBe("Law 26/2008 (amended), Art. 30(1)");
    expect(after).toMatchObject({ late: false, lastDay: "2026-07-01", ruleSetFrom: "2026-07-01" });
    expect(after.article).toBe("Law 106/2025/QH15, Art. 34(2 ¶1); Decree 152/2026/NĐ-CP, Art. 10(1)");
    expect(checkLimitation({ runsFrom: "2021-06-30", filedOn: "2026-07-01" }).late).toBe(true);
  });

  it("does not count postponement or suspension under the old law, unless the creditor agreed to the postponement", () => {
    const pauses = [{ reason: "postponement" as const, from: "2022-03-01", to: "2022-03-10" }];
    const r = checkLimitation({ runsFrom: "2021-01-04", filedOn: "2026-01-12", pauses });
    expect(r).toMatchObject({ excludedDays: 10, lastDay: "2026-01-14", late: false });
    const agreed = checkLimitation({ runsFrom: "2021-01-04", filedOn: "2026-01-12", pauses: [{ ...pauses[0]!, creditorAgreed: true }] });
    expect(agreed).toMatchObject({ excludedDays: 0, late: true });
    expect(agreed.ignored[0]!.why).toBe("creditor_agreed");
  });

  it("from 01/07/2026 counts out only emergency, objective obstacles and force majeure", () => {
    expect(limitationStopReasonsOn("2026-06-30")).toEqual(["postponement", "suspension", "objective_obstacle", "force_majeure"]);
    expect(limitationStopReasonsOn("2026-07-01")).toEqual(["emergency", "objective_obstacle", "force_majeure"]);
    const suspended = checkLimitation({
      runsFrom: "2022-01-10",
      filedOn: "2027-01-15",
      pauses: [{ reason: "suspension", from: "2026-08-03", to: "2026-08-12" }],
    });
    expect(suspended).toMatchObject({ excludedDays: 0, late: true });
    expect(suspended.ignored[0]!.why).toBe("not_a_ground");
    const emergency = checkLimitation({
      runsFrom: "2022-01-10",
      filedOn: "2027-01-15",
      pauses: [{ reason: "emergency", from: "2026-08-03", to: "2026-08-12" }],
    });
    expect(emergency).toMatchObject({ excludedDays: 10, lastDay: "2027-01-20", late: false });
    // An old-law suspension in 2025 still stopped the clock for a request filed in 2027.
    const oldPause = checkLimitation({
      runsFrom: "2022-01-10",
      filedOn: "2027-01-15",
      pauses: [{ reason: "suspension", from: "2025-03-01", to: "2025-03-10" }],
    });
    expect(oldPause).toMatchObject({ excludedDays: 10, late: false });
  });

  it("merges overlapping periods and ignores those outside the period", () => {
    const r = checkLimitation({
      runsFrom: "2020-01-06",
      filedOn: "2025-02-10",
      pauses: [
        { reason: "objective_obstacle", from: "2021-05-01", to: "2021-05-20" },
        { reason: "force_majeure", from: "2021-05-10", to: "2021-05-31" },
        { reason: "force_majeure", from: "2019-01-01", to: "2019-12-31" },
      ],
    });
    expect(r.excludedDays).toBe(31);
    expect(r.ignored.map((x) => x.why)).toEqual(["outside_period"]);
    expect(r.lastDay).toBe("2025-02-06");
    expect(r.late).toBe(true);
  });

  it("has no limitation for a request renewed after the agency returned it (Law 106 Art. 34(2) ¶3)", () => {
    expect(checkLimitation({ runsFrom: "2015-01-05", filedOn: "2026-09-01", renewedAfterReturn: true })).toMatchObject({
      late: false,
      lastDay: null,
      article: "Law 106/2025/QH15, Art. 34(2 ¶3)",
    });
  });

  it("refuses malformed dates and periods", () => {
    expect(() => checkLimitation({ runsFrom: "15/06/2020", filedOn: "2025-06-15" })).toThrow(RangeError);
    expect(() =>
      checkLimitation({
        runsFrom: "2020-06-15",
        filedOn: "2025-06-15",
        pauses: [{ reason: "force_majeure", from: "2021-02-02", to: "2021-02-01" }],
      }),
    ).toThrow(RangeError);
  });
});
