/**
 * The continuity check after a province moves in (docs/import.md): its figures from the imported
 * ledger, line by line against the figures of its last official report, by cases and by money.
 * A line the user left blank is not compared.
 */
import { STAT_FIGURES, type StatFigure } from "./figure-labels.ts";
import type { UnitStats } from "./figures.ts";

/** The continuity form's field name of a line: c_<figure> (cases), m_<figure> (money). */
export const continuityField = (side: "cases" | "money", figure: StatFigure) => `${side === "cases" ? "c" : "m"}_${figure}`;

/** The last official report's figures as the user entered them (blank lines left out). */
export interface OfficialFigures {
  cases: Partial<Record<StatFigure, bigint>>;
  money: Partial<Record<StatFigure, bigint>>;
}

export interface ContinuityLine {
  side: "cases" | "money";
  figure: StatFigure;
  /** From the imported ledger. */
  imported: bigint;
  /** From the official report; null: not entered. */
  official: bigint | null;
  /** imported − official; null when not entered. */
  difference: bigint | null;
}

/** Every line of both forms, in the forms' order: cases first, then money. */
export function continuityLines(imported: UnitStats, official: OfficialFigures): ContinuityLine[] {
  return (["cases", "money"] as const).flatMap((side) =>
    STAT_FIGURES.map((figure) => {
      const o = official[side][figure];
      const i = imported[side][figure];
      return { side, figure, imported: i, official: o ?? null, difference: o === undefined ? null : i - o };
    }),
  );
}

/** The lines where the imported figure differs from the official one. */
export const continuityDifferences = (lines: readonly ContinuityLine[]): ContinuityLine[] =>
  lines.filter((l) => l.difference !== null && l.difference !== 0n);
