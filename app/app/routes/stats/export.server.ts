import ExcelJS from "exceljs";
import { formatDateVi } from "@thads/domain/labels";
import { csvLine, sheetRow } from "@thads/domain";
import { STAT_DEFINITION_KEYS, STAT_DEFINITIONS } from "@thads/domain/labels";
import { BREAKDOWN_TITLES, DEFINITIONS_TITLE, FORM_COLUMNS, FORM_TITLES } from "./forms.ts";
import type { ReportRow } from "@thads/core/stats";

/**
 * Excel keeps 15 significant digits and a JavaScript number is exact only up to 2^53, so an amount
 * of more than 15 digits is written as text (its digits, exact to the đồng); every other figure is a
 * number, so sums and formats still work. The note under each table states the rule.
 */
export const MAX_NUMERIC_DIGITS = 15;
export const LONG_AMOUNT_NOTE =
  "Ghi chú: số có quá 15 chữ số được ghi dưới dạng văn bản (chữ số, không dấu phân cách) để giữ chính xác đến từng đồng, vì Excel chỉ giữ 15 chữ số có nghĩa; mọi số khác là số.";

/** A whole-number figure as a cell: a number when it has at most 15 digits, else its exact digits as text. */
export function figureCell(value: string): number | string {
  return value.replace(/^-/, "").length > MAX_NUMERIC_DIGITS ? value : Number(value);
}

/**
 * Both official forms as a workbook: one sheet per form, one row per office (or province) and the
 * total, then the note; with `breakdown`, one more sheet per form with each split's parts and their
 * sum; and a last sheet with how each line is defined (the domain's STAT_DEFINITIONS).
 */
export async function statsXlsx(a: {
  unitName: string;
  from: string;
  to: string;
  rows: ReportRow[];
  breakdown?: ReportRow[];
}): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "THADS";
  const sheets = [
    ...(["cases", "money"] as const).map((side) => ({
      side,
      name: side === "cases" ? "Ve viec" : "Ve tien",
      title: FORM_TITLES[side],
      heads: ["Mã đơn vị", "Tên đơn vị"],
      rows: a.rows,
    })),
    ...(a.breakdown
      ? (["cases", "money"] as const).map((side) => ({
          side,
          name: side === "cases" ? "Phan tich ve viec" : "Phan tich ve tien",
          title: BREAKDOWN_TITLES[side],
          heads: ["Mã", "Phân tích"],
          rows: a.breakdown!,
        }))
      : []),
  ];
  for (const { side, name, title, heads, rows } of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow(sheetRow([title]));
    ws.addRow(sheetRow([`Đơn vị: ${a.unitName}`]));
    ws.addRow(sheetRow([`Kỳ báo cáo: từ ngày ${formatDateVi(a.from)} đến ngày ${formatDateVi(a.to)}`]));
    const head = ws.addRow(sheetRow([...heads, ...FORM_COLUMNS.map((c) => c.vi)]));
    head.font = { bold: true };
    for (const r of rows) {
      const v = r[side];
      const rate = side === "cases" ? r.casesRate : r.moneyRate;
      const row = ws.addRow(
        sheetRow([
          r.code,
          r.name,
          ...FORM_COLUMNS.map((c) => (c.key === "rate" ? (rate === null ? null : Number(rate)) : figureCell(v[c.key]))),
        ]),
      );
      if (r.total) row.font = { bold: true };
      row.eachCell((cell, i) => {
        if (i > 2 && typeof cell.value === "string") cell.alignment = { horizontal: "right" };
      });
    }
    ws.addRow([]);
    ws.addRow(sheetRow([LONG_AMOUNT_NOTE])).font = { italic: true };
    ws.getColumn(2).width = 48;
    for (let i = 3; i <= FORM_COLUMNS.length + 2; i++) ws.getColumn(i).numFmt = i === FORM_COLUMNS.length + 2 ? "0.00" : "#,##0";
  }
  const notes = wb.addWorksheet("Cach tinh");
  notes.addRow(sheetRow([DEFINITIONS_TITLE.vi])).font = { bold: true };
  for (const k of STAT_DEFINITION_KEYS) notes.addRow(sheetRow([STAT_DEFINITIONS[k].vi]));
  notes.getColumn(1).width = 160;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Both official forms side by side as CSV (without the byte order mark); every field through the shared neutraliser. */
export function statsCsv(rows: ReportRow[], nameHeading = "Tên đơn vị"): string {
  const head = [
    nameHeading === "Tên đơn vị" ? "Mã đơn vị" : "Mã",
    nameHeading,
    ...FORM_COLUMNS.map((c) => `Việc: ${c.vi}`),
    ...FORM_COLUMNS.map((c) => `Tiền: ${c.vi}`),
  ];
  const lines = [csvLine(head)];
  for (const r of rows) {
    const side = (s: "cases" | "money") =>
      FORM_COLUMNS.map((c) => (c.key === "rate" ? ((s === "cases" ? r.casesRate : r.moneyRate) ?? "") : r[s][c.key]));
    lines.push(csvLine([r.code, r.name, ...side("cases"), ...side("money")]));
  }
  return `${lines.join("\r\n")}\r\n`;
}
