import { describe, expect, it } from "vitest";
import { formatDateTimeVi, formatDecimal, formatDelta, formatPercent } from "../src/format.ts";

describe("format", () => {
  it("writes decimals with a comma and grouped thousands", () => {
    expect(formatDecimal(3.666)).toBe("3,67");
    expect(formatDecimal("4")).toBe("4,00");
    expect(formatDecimal(12345.5, 1)).toBe("12.345,5");
    expect(formatDecimal(-0.004)).toBe("0,00");
    expect(formatDecimal(null)).toBe("—");
  });
  it("writes percentages with two decimals and no space", () => {
    expect(formatPercent("82.00")).toBe("82,00%");
    expect(formatPercent(75)).toBe("75,00%");
    expect(formatPercent("92.3")).toBe("92,30%");
    expect(formatPercent(null)).toBe("—");
  });
  it("signs a difference", () => {
    expect(formatDelta(1.5)).toBe("+1,50");
    expect(formatDelta(-0.25)).toBe("-0,25");
  });
  it("writes an instant in Việt Nam's time, padded", () => {
    expect(formatDateTimeVi("2026-12-03T17:05:00Z")).toBe("04/12/2026 00:05");
    expect(formatDateTimeVi(new Date("2026-01-04T02:09:00Z"))).toBe("04/01/2026 09:09");
  });
});
