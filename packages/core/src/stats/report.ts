/**
 * The two official forms (by cases, by money) for a unit and period as rows: the unit's offices or
 * provinces, then the unit's total. Shared by the printable page and the .xlsx / .csv / .pdf exports.
 */
import type { TxSql } from "@thads/db";
import type { StatUnit } from "./readers.ts";
import { childrenStats } from "./children.ts";
import { toFigures, unitStats, type Figures } from "./figures.ts";

export interface ReportRow extends Figures {
  code: string;
  name: string;
  total: boolean;
}

export async function reportRows(tx: TxSql, unit: StatUnit, from: string, to: string): Promise<ReportRow[]> {
  const children = unit.kind === "subunit" || unit.merged_into_id !== null ? [] : await childrenStats(tx, unit, from, to);
  const total = toFigures(await unitStats(tx, unit, from, to));
  return [
    ...children.map((c) => ({
      code: c.code,
      name: c.name,
      total: false,
      cases: c.cases,
      money: c.money,
      casesRate: c.casesRate,
      moneyRate: c.moneyRate,
    })),
    { code: unit.code, name: unit.kind === "national" ? "Toàn quốc" : `Tổng cộng: ${unit.name}`, total: true, ...total },
  ];
}
