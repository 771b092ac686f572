import { describe, expect, it } from "vitest";
import { CaseFilterSchema } from "@thads/core/cases/filters";
import { periodFrom, StatsQuerySchema } from "@thads/core/stats/schema";

const IMPOSSIBLE: [string, string][] = [
  ["0000-01-01", "2025-01-01"],
  ["2025-01-01", "9999-12-31"],
  ["2025-02-31", "2025-03-01"],
  ["2025-13-01", "2025-12-31"],
  ["1899-12-31", "2025-01-01"],
  ["2025-03-01", "2025-02-01"],
];

describe("period filters refuse impossible ranges", () => {
  it("the stats API's query", () => {
    for (const [from, to] of IMPOSSIBLE) {
      expect(StatsQuerySchema.safeParse({ unit: "P-HAI-PHONG", from, to }).success, `${from}..${to}`).toBe(false);
    }
    expect(StatsQuerySchema.safeParse({ unit: "P-HAI-PHONG", from: "2024-10-01", to: "2025-09-30" }).success).toBe(true);
  });
  it("the statistics pages' period", () => {
    for (const [from, to] of IMPOSSIBLE) {
      const p = periodFrom(new URLSearchParams({ from, to }), "2025-06-01");
      expect(p.errors.length, `${from}..${to}`).toBeGreaterThan(0);
    }
    expect(periodFrom(new URLSearchParams({ from: "9999-01-01" }), "2025-06-01").errors[0]).toBe("Từ ngày: năm phải từ 1900 đến 2100.");
    // The period form's dd/mm/yyyy, as typed, and the links' yyyy-mm-dd read alike.
    expect(periodFrom(new URLSearchParams({ from: "01/10/2025", to: "2025-12-04" }), "2025-12-05")).toEqual({
      from: "2025-10-01",
      to: "2025-12-04",
      errors: [],
    });
  });
  it("the case list's figure filter and acceptance dates", () => {
    for (const [from, to] of IMPOSSIBLE) {
      expect(
        CaseFilterSchema.safeParse({ stat: "newly_accepted", statUnit: "P-HAI-PHONG", statFrom: from, statTo: to }).success,
        `${from}..${to}`,
      ).toBe(false);
    }
    expect(CaseFilterSchema.safeParse({ from: "31/12/9999" }).success).toBe(false);
    expect(CaseFilterSchema.safeParse({ q: "Nguyễn\u0000 Văn" }).data?.q).toBe("Nguyễn Văn");
  });
});
