import ExcelJS from "exceljs";
import { csvLine, sheetRow } from "@thads/domain";
import { FORM_COLUMNS, FORM_TITLES, viDate } from "./forms.ts";
import type { ReportRow } from "@thads/core/stats";

/** Both official forms as a workbook: one sheet per form, one row per office (or province) and the total. */
export async function statsXlsx(a: { unitName: string; from: string; to: string; rows: ReportRow[] }): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "THADS";
  for (const side of ["cases", "money"] as const) {
    const ws = wb.addWorksheet(side === "cases" ? "Ve viec" : "Ve tien");
    ws.addRow(sheetRow([FORM_TITLES[side]]));
    ws.addRow(sheetRow([`Đơn vị: ${a.unitName}`]));
    ws.addRow(sheetRow([`Kỳ báo cáo: từ ngày ${viDate(a.from)} đến ngày ${viDate(a.to)}`]));
    const head = ws.addRow(sheetRow(["Mã đơn vị", "Tên đơn vị", ...FORM_COLUMNS.map((c) => c.vi)]));
    head.font = { bold: true };
    for (const r of a.rows) {
      const v = r[side];
      const rate = side === "cases" ? r.casesRate : r.moneyRate;
      const row = ws.addRow(
        sheetRow([
          r.code,
          r.name,
          ...FORM_COLUMNS.map((c) => (c.key === "rate" ? (rate === null ? null : Number(rate)) : Number(v[c.key]))),
        ]),
      );
      if (r.total) row.font = { bold: true };
    }
    ws.getColumn(2).width = 48;
    for (let i = 3; i <= FORM_COLUMNS.length + 2; i++) ws.getColumn(i).numFmt = i === FORM_COLUMNS.length + 2 ? "0.00" : "#,##0";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Both official forms side by side as CSV (without the byte order mark); every field through the shared neutraliser. */
export function statsCsv(rows: ReportRow[]): string {
  const head = ["Mã đơn vị", "Tên đơn vị", ...FORM_COLUMNS.map((c) => `Việc: ${c.vi}`), ...FORM_COLUMNS.map((c) => `Tiền: ${c.vi}`)];
  const lines = [csvLine(head)];
  for (const r of rows) {
    const side = (s: "cases" | "money") =>
      FORM_COLUMNS.map((c) => (c.key === "rate" ? ((s === "cases" ? r.casesRate : r.moneyRate) ?? "") : r[s][c.key]));
    lines.push(csvLine([r.code, r.name, ...side("cases"), ...side("money")]));
  }
  return `${lines.join("\r\n")}\r\n`;
}
