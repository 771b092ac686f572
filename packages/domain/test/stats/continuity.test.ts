import { describe, expect, it } from "vitest";
import { continuityDifferences, continuityLines, STAT_FIGURES, type UnitStats } from "../../src/stats/index.ts";

const zero = () => Object.fromEntries(STAT_FIGURES.map((k) => [k, 0n])) as UnitStats["cases"];

describe("continuity check", () => {
  it("compares every line entered, by cases and by money, and leaves blank lines out", () => {
    const imported: UnitStats = { cases: { ...zero(), completed: 5n, carried_over: 12n }, money: { ...zero(), completed: 700n } };
    const lines = continuityLines(imported, { cases: { completed: 6n, carried_over: 12n }, money: { completed: 700n } });
    expect(lines).toHaveLength(2 * STAT_FIGURES.length);
    expect(lines.find((l) => l.side === "cases" && l.figure === "terminated")).toMatchObject({ official: null, difference: null });
    expect(continuityDifferences(lines)).toEqual([{ side: "cases", figure: "completed", imported: 5n, official: 6n, difference: -1n }]);
  });
});
