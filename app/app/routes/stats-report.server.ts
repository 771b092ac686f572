/**
 * The two official forms (by cases, by money) for a unit and period as rows: the unit's offices or
 * provinces, then the unit's total. Shared by the printable page and the .xlsx / .csv exports.
 */
import type { StatUnit, TxSql } from "@thads/db";
import { STAT_FIGURE_LABELS, STAT_FIGURES, type StatFigure } from "@thads/domain";
import { childrenStats, toFigures, unitStats, type Figures } from "./stats.server.ts";

export interface ReportRow extends Figures {
  code: string;
  name: string;
  total: boolean;
}

export async function reportRows(tx: TxSql, unit: StatUnit, from: string, to: string): Promise<ReportRow[]> {
  const children = unit.kind === "subunit" || unit.merged_into_id !== null ? [] : await childrenStats(tx, unit, from, to);
  const total = toFigures(await unitStats(tx, unit, from, to));
  return [
    ...children.map((c) => ({ code: c.code, name: c.name, total: false, cases: c.cases, money: c.money, casesRate: c.casesRate, moneyRate: c.moneyRate })),
    { code: unit.code, name: unit.kind === "national" ? "Toàn quốc" : `Tổng cộng: ${unit.name}`, total: true, ...total },
  ];
}

/** Column headings of the forms, in Vietnamese (the official language of the reports). */
export const FORM_COLUMNS: { key: StatFigure | "rate"; vi: string }[] = [
  ...STAT_FIGURES.map((k) => ({ key: k, vi: STAT_FIGURE_LABELS[k].vi })),
  { key: "rate" as const, vi: "Tỷ lệ xong (%)" },
];

export const FORM_TITLES = {
  cases: "Biểu số 1: Kết quả thi hành án dân sự tính bằng việc",
  money: "Biểu số 2: Kết quả thi hành án dân sự tính bằng tiền (đồng)",
} as const;

export function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
