/**
 * A line's breakdowns (./breakdown-labels.ts) as figures: each part is the same counting
 * (./figures.ts) restricted to the cases of that part, so every group of parts adds up to the line.
 */
import { STAT_FIGURES } from "./figure-labels.ts";
import type { UnitStats } from "./figures.ts";
import { STAT_BREAKDOWN_GROUPS, STAT_BREAKDOWN_PARTS, type StatBreakdownPart } from "./breakdown-labels.ts";

export * from "./breakdown-labels.ts";

export type StatBreakdown = Record<StatBreakdownPart, UnitStats>;

/** a − b, figure by figure (a part kept as the line less the other part). */
export function subtractStats(a: UnitStats, b: UnitStats): UnitStats {
  const sub = (x: UnitStats["cases"], y: UnitStats["cases"]) =>
    Object.fromEntries(STAT_FIGURES.map((k) => [k, x[k] - y[k]])) as UnitStats["cases"];
  return { cases: sub(a.cases, b.cases), money: sub(a.money, b.money) };
}

export interface BreakdownViolation {
  group: keyof typeof STAT_BREAKDOWN_GROUPS;
  side: "cases" | "money";
  figure: string;
  line: bigint;
  parts: bigint;
}

/** Where a group of parts does not add up to the line, or a part is negative (empty when all hold). */
export function breakdownViolations(line: UnitStats, parts: StatBreakdown): BreakdownViolation[] {
  const out: BreakdownViolation[] = [];
  for (const [group, keys] of Object.entries(STAT_BREAKDOWN_GROUPS) as [
    keyof typeof STAT_BREAKDOWN_GROUPS,
    readonly StatBreakdownPart[],
  ][]) {
    for (const side of ["cases", "money"] as const) {
      for (const f of STAT_FIGURES) {
        const sum = keys.reduce((t, k) => t + parts[k][side][f], 0n);
        if (sum !== line[side][f]) out.push({ group, side, figure: f, line: line[side][f], parts: sum });
      }
    }
  }
  for (const k of STAT_BREAKDOWN_PARTS)
    for (const side of ["cases", "money"] as const)
      for (const f of STAT_FIGURES)
        if (parts[k][side][f] < 0n) out.push({ group: "decision_kind", side, figure: `${k}.${f} ≥ 0`, line: 0n, parts: parts[k][side][f] });
  return out;
}
