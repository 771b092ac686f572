/**
 * The continuity check after a province moves in: its figures from the imported ledger for a period,
 * line by line against the figures the user enters from the last official report. Each differing
 * line's cases are the figure's drill-down (the case list's ?stat= filter, ./figures.ts definitions).
 */
import { z } from "zod";
import type { TxSql } from "@thads/db";
import {
  continuityDifferences,
  continuityField,
  continuityLines,
  STAT_FIGURE_LABELS,
  STAT_FIGURES,
  type OfficialFigures,
} from "@thads/domain";
import { unitStats } from "./figures.ts";
import type { StatUnit } from "./readers.ts";

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A whole number ≥ 0 as the official form prints it ("1.234", "1 234", "1234"), or blank. */
const figureInput = (field: string) =>
  z.preprocess(
    (v) => (blank(v) ? undefined : v),
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const raw = v.replace(/\s*(₫|đ|vnd|đồng)$/i, "");
        if (!/^(\d{1,3}([. ,]\d{3})+|\d{1,20})$/.test(raw) || new Set(raw.replace(/\d/g, "")).size > 1) {
          ctx.addIssue({ code: "custom", message: `${field}: phải là số nguyên không âm (ví dụ 1.234).` });
          return z.NEVER;
        }
        return BigInt(raw.replace(/[. ,]/g, ""));
      })
      .optional(),
  );

/** The continuity form: one optional figure per line of both forms. */
export const ContinuityFormSchema = z.object(
  Object.fromEntries(
    (["cases", "money"] as const).flatMap((side) =>
      STAT_FIGURES.map((f) => [
        continuityField(side, f),
        figureInput(`${STAT_FIGURE_LABELS[f].vi} (${side === "cases" ? "về việc" : "về tiền"})`),
      ]),
    ),
  ) as Record<string, ReturnType<typeof figureInput>>,
);

/** The form's output → the official figures (blank lines left out). */
export function officialFrom(values: Record<string, bigint | undefined>): OfficialFigures {
  const out: OfficialFigures = { cases: {}, money: {} };
  for (const side of ["cases", "money"] as const) {
    for (const f of STAT_FIGURES) {
      const v = values[continuityField(side, f)];
      if (v !== undefined) out[side][f] = v;
    }
  }
  return out;
}

/** The unit's figures from the ledger against the official ones, every line and the differing ones. */
export async function continuityReport(tx: TxSql, unit: StatUnit, from: string, to: string, official: OfficialFigures) {
  const lines = continuityLines(await unitStats(tx, unit, from, to), official);
  return { lines, differences: continuityDifferences(lines) };
}
