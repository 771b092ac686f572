import { describe, expect, it } from "vitest";
import { calibrationOf, FY2025 } from "../src/calibration.ts";

describe("the default demo data against the published national results", () => {
  it("FY2025 lands within 3 points of 84.25 % by cases and 5 points of 56.13 % by money, with provinces on both sides of the targets", () => {
    const c = calibrationOf({ cases: 20_000 });
    expect(Math.abs(c.nation.cases - FY2025.cases), `cases ${c.nation.cases} %`).toBeLessThanOrEqual(3);
    expect(Math.abs(c.nation.money - FY2025.money), `money ${c.nation.money} %`).toBeLessThanOrEqual(5);
    expect(c.provinces).toHaveLength(34);
    for (const [k, target] of [
      ["cases", FY2025.targetCases],
      ["money", FY2025.targetMoney],
    ] as const) {
      expect(c.provinces.filter((p) => p[k] >= target).length, `${k} at or above ${target} %`).toBeGreaterThan(0);
      expect(c.provinces.filter((p) => p[k] < target).length, `${k} below ${target} %`).toBeGreaterThan(0);
    }
  }, 300_000);
});
