import ExcelJS from "exceljs";
import { csvLine, sheetCell } from "@thads/domain";
import { CODE_HINTS, COLUMNS, type ColumnDef } from "./columns.ts";

/** Which file a template is for: today's cases file, the migration's cases file, or the events file. */
export interface TemplateKind {
  columns: readonly ColumnDef<string>[];
  /** Example rows (default: each column's example). */
  examples?: readonly Record<string, string>[];
  sheet?: string;
}
const CASES_TEMPLATE: TemplateKind = { columns: COLUMNS };
const examplesOf = (t: TemplateKind) => t.examples ?? [Object.fromEntries(t.columns.map((c) => [c.key, c.example]))];

/**
 * The CSV template: UTF-8 with a BOM (so Excel opens it with Vietnamese
 * letters intact), comma separated, the header row and one example row.
 */
export function csvTemplate(kind: TemplateKind = CASES_TEMPLATE): string {
  const header = csvLine(kind.columns.map((c) => c.key));
  const examples = examplesOf(kind).map((e) => csvLine(kind.columns.map((c) => e[c.key] ?? "")));
  return `\uFEFF${[header, ...examples].join("\r\n")}\r\n`;
}

const LISTS: Record<string, string> = {
  nguon: CODE_HINTS.nguon,
  hinh_thuc: CODE_HINTS.hinh_thuc,
  loai_ban_an: CODE_HINTS.loai_ban_an,
  loai_nguoi_duoc: CODE_HINTS.loai_nguoi,
  loai_nguoi_phai: CODE_HINTS.loai_nguoi,
  tin_dung_ngan_hang: CODE_HINTS.flag,
  tham_nhung: CODE_HINTS.flag,
};

/**
 * The .xlsx template: sheet "viec_thi_hanh_an" with the header row, one
 * example row, every column formatted as text (so that ID numbers keep their
 * leading zeros and dates stay dd/mm/yyyy), drop-down lists for the code
 * columns; and a "huong_dan" sheet describing each column.
 */
export async function xlsxTemplate(opts: { rows?: number; kind?: TemplateKind } = {}): Promise<Buffer> {
  const kind = opts.kind ?? CASES_TEMPLATE;
  const COLUMNS = kind.columns;
  const wb = new ExcelJS.Workbook();
  wb.creator = "THADS";
  wb.created = new Date(Date.UTC(2025, 10, 3));
  const ws = wb.addWorksheet(kind.sheet ?? "viec_thi_hanh_an", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(14, Math.min(40, Math.max(...examplesOf(kind).map((e) => (e[c.key] ?? "").length)) + 4)),
    style: { numFmt: "@" },
  }));
  ws.getRow(1).font = { bold: true };
  for (const e of examplesOf(kind)) ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, sheetCell(e[c.key] ?? "")])));
  const lastRow = opts.rows ?? 5_000;
  COLUMNS.forEach((c, i) => {
    const list = LISTS[c.key];
    const col = ws.getColumn(i + 1).letter;
    ws.getCell(`${col}1`).note = `${c.label}${c.required ? " (bắt buộc)" : ""}. ${c.format}`;
    if (!list) return;
    for (let r = 2; r <= lastRow; r++) {
      ws.getCell(`${col}${r}`).dataValidation = {
        type: "list",
        allowBlank: !c.required,
        formulae: [`"${list.replace(/, /g, ",")}"`],
        showErrorMessage: true,
        errorTitle: c.key,
        error: `Chọn một trong: ${list}`,
      };
    }
  });

  const guide = wb.addWorksheet("huong_dan");
  guide.columns = [
    { header: "Cột (tiếng Việt)", key: "key", width: 24 },
    { header: "Tên tiếng Anh", key: "alias", width: 20 },
    { header: "Ý nghĩa", key: "label", width: 40 },
    { header: "Định dạng", key: "format", width: 70 },
    { header: "Bắt buộc", key: "required", width: 10 },
    { header: "Ví dụ", key: "example", width: 36 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of COLUMNS)
    guide.addRow(Object.fromEntries(Object.entries({ ...c, required: c.required ? "có" : "không" }).map(([k, v]) => [k, sheetCell(v)])));
  guide.addRow({});
  guide.addRow({
    key: "Ghi chú",
    label:
      kind.sheet === "su_kien"
        ? "Chỉ trang tính đầu tiên được nhập. Mỗi dòng là một bước của một việc; không để trống dòng tiêu đề."
        : "Chỉ trang tính đầu tiên được nhập. Mỗi dòng là một việc thi hành án; không để trống dòng tiêu đề.",
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
