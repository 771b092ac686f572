/** Headings of the two official forms (shared by the printable page and the exports). */
import type { StatFigure } from "@thads/domain";
import { STAT_FIGURE_LABELS, STAT_FIGURES, formatCount, formatDecimal } from "@thads/domain/labels";

/** Column headings of the forms, in Vietnamese (the official language of the reports). */
export const FORM_COLUMNS: { key: StatFigure | "rate"; vi: string }[] = [
  ...STAT_FIGURES.map((k) => ({ key: k, vi: STAT_FIGURE_LABELS[k].vi })),
  { key: "rate" as const, vi: "Tỷ lệ xong (%)" },
];

export const FORM_TITLES = {
  cases: "Biểu số 1: Kết quả thi hành án dân sự tính bằng việc",
  money: "Biểu số 2: Kết quả thi hành án dân sự tính bằng tiền (đồng)",
} as const;

/** Titles of the breakdown tables: every line of a form split by decision kind and by judgment type. */
export const BREAKDOWN_TITLES = {
  cases: "Phân tích Biểu số 1 (về việc) theo hình thức thi hành án và loại bản án",
  money: "Phân tích Biểu số 2 (về tiền, đồng) theo hình thức thi hành án và loại bản án",
} as const;

/** Heading of the notes on how each line is defined (the notes themselves: STAT_DEFINITIONS in the domain). */
export const DEFINITIONS_TITLE = { vi: "Cách tính các chỉ tiêu", en: "How each line is defined" } as const;

/** The paper forms' header (left block) and signatures block: who issues them, where and when. */
export const FORM_PAPER = {
  nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  preparer: "Người lập biểu",
  preparerNote: "(Ký, ghi rõ họ tên)",
  head: "Thủ trưởng đơn vị",
  headNote: "(Ký tên, đóng dấu)",
} as const;

/** The place and date line of a signed form: "Hải Phòng, ngày 05 tháng 12 năm 2026" (dots when the place is not known). */
export function placeDateLine(place: string | null, iso: string): string {
  return `${place ?? "……………"}, ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;
}

/** A figure of a form as printed: whole numbers with Vietnamese grouping (1.234.567), no currency sign (the title names it). */
export function formNumber(value: string): string {
  return formatCount(BigInt(value));
}

/** A completion rate as printed: a decimal comma, a dash when there is nothing to complete. */
export function formRate(value: string | null): string {
  return formatDecimal(value);
}

/** Printable width of an A4 landscape page with 8 mm margins, in CSS pixels (297 mm − 16 mm at 96 px per inch). */
const PRINT_WIDTH_PX = 1060;
/** Each cell's horizontal padding and border when printed, in pixels. */
const PRINT_CELL_PX = 5;
/** A generous width of a digit and of a separator in em (wide fallback fonts included), and the name column's least width. */
const EM = { digit: 0.64, mark: 0.34, name: 9, heading: 4 };

/**
 * The printed table's font size in pixels: the largest, up to 8, at which the name column and every
 * figure column (as wide as its longest printed value) fit across the page, so numbers never wrap
 * and no column falls off the paper. At least 4 px.
 */
export function printFontPx(values: string[][]): number {
  const columns = values[0]?.length ?? 0;
  let em = EM.name;
  for (let j = 0; j < columns; j++) {
    const widest = Math.max(
      EM.heading,
      ...values.map((row) => [...(row[j] ?? "")].reduce((n, ch) => n + (/\d/.test(ch) ? EM.digit : EM.mark), 0)),
    );
    em += widest;
  }
  const px = (PRINT_WIDTH_PX - (columns + 1) * PRINT_CELL_PX) / em;
  return Math.max(4, Math.min(8, Math.floor(px * 4) / 4));
}
