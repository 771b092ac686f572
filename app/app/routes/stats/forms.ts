/** Headings of the two official forms (shared by the printable page and the exports). */
import type { StatFigure } from "@thads/domain";
import { STAT_FIGURE_LABELS, STAT_FIGURES } from "@thads/domain/labels";

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
