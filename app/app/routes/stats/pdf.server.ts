import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { FORM_COLUMNS, FORM_TITLES, viDate } from "./forms.ts";
import type { ReportRow } from "@thads/core/stats";

/**
 * The two official forms as a PDF file (A3 landscape, one form per page, offices or provinces as
 * rows and the total last). Text in DejaVu Sans Condensed, embedded, which has every Vietnamese
 * letter (the PDF standard fonts do not).
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf");

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
/** Whole numbers with Vietnamese grouping (1.234.567); a rate with a decimal comma. */
function cell(value: string | null, rate: boolean): string {
  if (value === null) return "—";
  if (rate) return value.replace(".", ",");
  return value.startsWith("-") ? `-${group(value.slice(1))}` : group(value);
}

export function formsPdf(input: { unitName: string; from: string; to: string; rows: ReportRow[] }): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({
    size: "A3",
    layout: "landscape",
    margin: 36,
    info: { Title: `Báo cáo thống kê THADS: ${input.unitName}`, Creator: "THADS" },
  });
  doc.registerFont("body", FONT);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const nameWidth = 190;
  const colWidth = (width - nameWidth) / FORM_COLUMNS.length;
  const sides = ["cases", "money"] as const;
  sides.forEach((side, i) => {
    if (i > 0) doc.addPage();
    doc.font("bold").fontSize(14).text(FORM_TITLES[side], left, doc.page.margins.top);
    doc
      .font("body")
      .fontSize(10)
      .text(`Đơn vị: ${input.unitName}`)
      .text(`Kỳ báo cáo: từ ngày ${viDate(input.from)} đến ngày ${viDate(input.to)}`);
    doc.moveDown(0.8);

    // Headings, wrapped within their columns.
    doc.font("bold").fontSize(7.5);
    const headings = ["Đơn vị", ...FORM_COLUMNS.map((c) => c.vi)];
    const widths = [nameWidth, ...FORM_COLUMNS.map(() => colWidth)];
    const headHeight = Math.max(...headings.map((h, j) => doc.heightOfString(h, { width: widths[j]! - 6 }))) + 8;
    let y = doc.y;
    let x = left;
    headings.forEach((h, j) => {
      doc.rect(x, y, widths[j]!, headHeight).stroke("#94a3b8");
      doc.fillColor("#0f172a").text(h, x + 3, y + 4, { width: widths[j]! - 6, align: j === 0 ? "left" : "center" });
      x += widths[j]!;
    });
    y += headHeight;

    for (const r of input.rows) {
      doc.font(r.total ? "bold" : "body").fontSize(7.5);
      const values = FORM_COLUMNS.map((c) =>
        c.key === "rate" ? cell(side === "cases" ? r.casesRate : r.moneyRate, true) : cell(r[side][c.key], false),
      );
      const rowHeight = Math.max(doc.heightOfString(r.name, { width: nameWidth - 6 }), 9) + 6;
      if (y + rowHeight > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      x = left;
      doc.rect(x, y, nameWidth, rowHeight).stroke("#cbd5e1");
      doc.fillColor("#0f172a").text(r.name, x + 3, y + 3, { width: nameWidth - 6 });
      x += nameWidth;
      for (const v of values) {
        doc.rect(x, y, colWidth, rowHeight).stroke("#cbd5e1");
        doc.text(v, x + 2, y + 3, { width: colWidth - 4, align: "right" });
        x += colWidth;
      }
      y += rowHeight;
    }
  });
  doc.end();
  return done;
}
