import { createRequire } from "node:module";
import { formatDateVi } from "@thads/domain/labels";
import PDFDocument from "pdfkit";
import { STAT_DEFINITION_KEYS, STAT_DEFINITIONS } from "@thads/domain/labels";
import {
  BREAKDOWN_TITLES,
  DEFINITIONS_TITLE,
  FORM_COLUMNS,
  FORM_PAPER,
  FORM_TITLES,
  formNumber,
  formRate,
  placeDateLine,
} from "./forms.ts";
import type { ReportIssuer, ReportRow } from "@thads/core/stats";

/**
 * The two official forms as a PDF file to hand in on paper: A4 landscape, each form on its own
 * pages with the header block (issuing body; the nation's name and motto), the title, unit and
 * period, the table with its headings on every page, "Trang x/y" and the signatures block. Column
 * widths come from the content and the font shrinks until every column fits, so no number ever
 * breaks; only unit names wrap, at spaces. Text in DejaVu Sans Condensed, embedded, which has
 * every Vietnamese letter (the PDF standard fonts do not).
 */
const require = createRequire(import.meta.url);
const FONTS = {
  body: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf"),
  italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Oblique.ttf"),
};
type Font = keyof typeof FONTS;

const MARGIN = { top: 28, bottom: 40, left: 24, right: 24 };
/** Space inside a cell, each side. */
const PAD = 2;
/** The table's font: the largest size, from MAX_FONT down in quarter points, at which every column fits. */
const MAX_FONT = 8;
const MIN_FONT = 4;
/** The share of the width the name column keeps before the font is made smaller. */
export const NAME_SHARE = 0.125;
const LINE = "#64748b";

export interface FormsPdfInput {
  unitName: string;
  from: string;
  to: string;
  rows: ReportRow[];
  /** The breakdown table's rows (each split's parts and their sum), printed after the two forms. */
  breakdown?: ReportRow[];
  issuer: ReportIssuer;
  /** The date of the signatures line (ISO). */
  today: string;
}

/** The widths of the table: the name column, each figure column, and the groups of columns printed side by side. */
export interface TableLayout {
  fontSize: number;
  nameWidth: number;
  widths: number[];
  /** Column indexes of each table printed; one group unless even the smallest font cannot fit every column. */
  groups: number[][];
}

type Measure = (text: string, font: Font, size: number) => number;

/** The widest word with the space after it, as pdfkit's line wrapper measures it (a narrower cell would break the word). */
const longestWord = (text: string, font: Font, size: number, measure: Measure) =>
  Math.max(0, ...text.split(/\s+/).map((w) => measure(`${w} `, font, size)));

/**
 * Column widths from the content: each figure column as wide as its widest value (and its
 * heading's longest word), the name column at least its longest word; the extra width shared.
 */
export function tableLayout(a: {
  headings: string[];
  names: { text: string; bold: boolean }[];
  cells: { text: string; bold: boolean }[][];
  width: number;
  measure: Measure;
}): TableLayout {
  const fontOf = (bold: boolean): Font => (bold ? "bold" : "body");
  const need = (size: number) => {
    const widths = a.headings.map(
      (h, j) =>
        Math.max(longestWord(h, "bold", size, a.measure), ...a.cells.map((row) => a.measure(row[j]!.text, fontOf(row[j]!.bold), size))) +
        2 * PAD +
        1,
    );
    const nameMin =
      Math.max(
        longestWord("Đơn vị", "bold", size, a.measure),
        ...a.names.map((n) => longestWord(n.text, fontOf(n.bold), size, a.measure)),
      ) +
      2 * PAD +
      1;
    const namePref = Math.max(nameMin, ...a.names.map((n) => a.measure(n.text, fontOf(n.bold), size) + 2 * PAD + 1));
    // Wide enough for the heading in three lines, when the page allows.
    const comfortable = widths.map((w, j) => Math.max(w, a.measure(a.headings[j]!, "bold", size) / 3 + 2 * PAD + 1));
    return { widths, comfortable, nameMin, namePref };
  };
  const sum = (ws: number[]) => ws.reduce((s, w) => s + w, 0);
  for (let size = MAX_FONT; size >= MIN_FONT; size -= 0.25) {
    const { widths: least, comfortable, nameMin, namePref } = need(size);
    const widths = sum(comfortable) + nameMin <= a.width ? comfortable : least;
    const used = sum(widths);
    // The names keep an eighth of the width (or what they need, if less), else the font goes down.
    const nameLeast = Math.min(namePref, Math.max(nameMin, a.width * NAME_SHARE));
    if (used + nameLeast > a.width) continue;
    // The names take what they need up to a fifth of the width; the rest is shared by the figures.
    const nameWidth = Math.max(nameLeast, Math.min(namePref, a.width - used, a.width / 5));
    // The spare width goes first to the columns whose headings would stand in more than three lines.
    let spare = a.width - used - nameWidth;
    const deficits = widths.map((w, j) => comfortable[j]! - w);
    const short = sum(deficits);
    const given = widths.map((w, j) => w + (short > 0 ? (deficits[j]! * Math.min(spare, short)) / short : 0));
    spare -= Math.min(spare, short);
    return { fontSize: size, nameWidth, widths: given.map((w) => w + spare / widths.length), groups: [widths.map((_, j) => j)] };
  }
  // Even the smallest font does not fit every column: the columns go into several tables, each with the names.
  const { widths, nameMin, namePref } = need(MIN_FONT);
  const nameWidth = Math.max(nameMin, Math.min(namePref, a.width / 5));
  const groups: number[][] = [[]];
  let used = nameWidth;
  widths.forEach((w, j) => {
    const last = groups[groups.length - 1]!;
    if (last.length && used + w > a.width) {
      groups.push([j]);
      used = nameWidth + w;
    } else {
      last.push(j);
      used += w;
    }
  });
  return { fontSize: MIN_FONT, nameWidth, widths, groups };
}

export function formsPdf(input: FormsPdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `Báo cáo thống kê THADS: ${input.unitName}`, Creator: "THADS" },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>));
    doc.on("error", reject);
  });
  const measure: Measure = (text, font, size) => doc.font(font).fontSize(size).widthOfString(text);
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const upper = (s: string) => s.toLocaleUpperCase("vi");
  /** The pages of each form, for "Trang x/y". */
  const pagesOf: number[][] = [];
  let page = 0;
  const newPage = () => {
    doc.addPage();
    page++;
    pagesOf[pagesOf.length - 1]!.push(page);
  };

  const sheets = [
    ...(["cases", "money"] as const).map((side) => ({ side, rows: input.rows, title: FORM_TITLES[side], head: "Đơn vị" })),
    ...(input.breakdown
      ? (["cases", "money"] as const).map((side) => ({ side, rows: input.breakdown!, title: BREAKDOWN_TITLES[side], head: "Phân tích" }))
      : []),
  ];
  sheets.forEach(({ side, rows, title, head }, i) => {
    if (i > 0) doc.addPage();
    if (i > 0) page++;
    pagesOf.push([page]);

    // Header block: the issuing body on the left, the nation's name and motto on the right.
    const blockWidth = width * 0.42;
    let y = MARGIN.top;
    doc.fillColor("#000000").font("body").fontSize(10).text(upper(input.issuer.superior), left, y, { width: blockWidth, align: "center" });
    doc.font("bold").text(upper(input.unitName), { width: blockWidth, align: "center" });
    const leftEnd = doc.y + 2;
    doc
      .moveTo(left + blockWidth * 0.35, leftEnd)
      .lineTo(left + blockWidth * 0.65, leftEnd)
      .lineWidth(0.6)
      .stroke("#000000");
    const rightX = left + width - blockWidth;
    doc.font("bold").fontSize(10).text(FORM_PAPER.nation, rightX, y, { width: blockWidth, align: "center" });
    doc.fontSize(10.5).text(FORM_PAPER.motto, { width: blockWidth, align: "center" });
    const rightEnd = doc.y + 2;
    const mottoWidth = doc.widthOfString(FORM_PAPER.motto);
    doc
      .moveTo(rightX + (blockWidth - mottoWidth) / 2, rightEnd)
      .lineTo(rightX + (blockWidth + mottoWidth) / 2, rightEnd)
      .stroke("#000000");
    y = Math.max(leftEnd, rightEnd) + 14;

    doc.font("bold").fontSize(13).text(upper(title), left, y, { width, align: "center" });
    doc
      .font("body")
      .fontSize(10)
      .text(`Đơn vị báo cáo: ${input.unitName}`, { width, align: "center" })
      .text(`Kỳ báo cáo: từ ngày ${formatDateVi(input.from)} đến ngày ${formatDateVi(input.to)}`, { width, align: "center" });
    y = doc.y + 8;

    const headings = FORM_COLUMNS.map((c) => c.vi);
    const names = rows.map((r) => ({ text: r.name, bold: r.total }));
    const cells = rows.map((r) =>
      FORM_COLUMNS.map((c) => ({
        text: c.key === "rate" ? formRate(side === "cases" ? r.casesRate : r.moneyRate) : formNumber(r[side][c.key]),
        bold: r.total,
      })),
    );
    const layout = tableLayout({ headings, names, cells, width, measure });
    const size = layout.fontSize;

    for (const group of layout.groups) {
      const heads = [head, ...group.map((j) => headings[j]!)];
      const colWidths = [layout.nameWidth, ...group.map((j) => layout.widths[j]!)];
      doc.font("bold").fontSize(size);
      const headHeight = Math.max(...heads.map((h, k) => doc.heightOfString(h, { width: colWidths[k]! - 2 * PAD }))) + 2 * PAD;
      const drawHeadings = () => {
        let x = left;
        doc.font("bold").fontSize(size).lineWidth(0.5);
        heads.forEach((h, k) => {
          doc.rect(x, y, colWidths[k]!, headHeight).stroke(LINE);
          doc.fillColor("#000000").text(h, x + PAD, y + PAD, { width: colWidths[k]! - 2 * PAD, align: "center" });
          x += colWidths[k]!;
        });
        y += headHeight;
      };
      if (y + headHeight + 20 > bottom()) {
        newPage();
        y = MARGIN.top;
      }
      drawHeadings();
      rows.forEach((r, k) => {
        const font: Font = r.total ? "bold" : "body";
        doc.font(font).fontSize(size);
        const rowHeight = doc.heightOfString(r.name, { width: layout.nameWidth - 2 * PAD }) + 2 * PAD;
        if (y + rowHeight > bottom()) {
          newPage();
          y = MARGIN.top;
          drawHeadings();
          doc.font(font).fontSize(size);
        }
        let x = left;
        doc.lineWidth(0.5).rect(x, y, layout.nameWidth, rowHeight).stroke(LINE);
        doc.fillColor("#000000").text(r.name, x + PAD, y + PAD, { width: layout.nameWidth - 2 * PAD });
        x += layout.nameWidth;
        for (const j of group) {
          const w = layout.widths[j]!;
          const text = cells[k]![j]!.text;
          doc.rect(x, y, w, rowHeight).stroke(LINE);
          // One line, set against the right edge: a number is never wrapped.
          doc.fillColor("#000000").text(text, x + w - PAD - doc.widthOfString(text), y + PAD, { lineBreak: false });
          x += w;
        }
        y += rowHeight;
      });
      y += 10;
    }

    // Signatures block: the place and date, the preparer on the left, the unit's head on the right.
    if (y + 80 > bottom()) {
      newPage();
      y = MARGIN.top;
    }
    const sigWidth = width * 0.35;
    const sigRight = left + width - sigWidth;
    doc
      .font("italic")
      .fontSize(10)
      .text(placeDateLine(input.issuer.place, input.today), sigRight, y + 4, { width: sigWidth, align: "center" });
    y = doc.y + 4;
    doc.font("bold").fontSize(10).text(FORM_PAPER.preparer, left, y, { width: sigWidth, align: "center" });
    doc.font("italic").fontSize(9).text(FORM_PAPER.preparerNote, { width: sigWidth, align: "center" });
    doc.font("bold").fontSize(10).text(FORM_PAPER.head, sigRight, y, { width: sigWidth, align: "center" });
    doc.font("italic").fontSize(9).text(FORM_PAPER.headNote, { width: sigWidth, align: "center" });
  });

  // How each line is defined: the domain's notes, on the last form's pages.
  newPage();
  doc.font("bold").fontSize(11).fillColor("#000000").text(DEFINITIONS_TITLE.vi, left, MARGIN.top, { width });
  doc.font("body").fontSize(9);
  for (const k of STAT_DEFINITION_KEYS) doc.text(`• ${STAT_DEFINITIONS[k].vi}`, { width, paragraphGap: 3 });

  // Page numbers, per form: "Trang x/y" at the foot of each page.
  for (const pages of pagesOf) {
    pages.forEach((p, k) => {
      doc.switchToPage(p);
      const keep = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const label = `Trang ${k + 1}/${pages.length}`;
      doc.font("body").fontSize(9).fillColor("#000000");
      doc.text(label, left + (width - doc.widthOfString(label)) / 2, doc.page.height - MARGIN.bottom + 14, { lineBreak: false });
      doc.page.margins.bottom = keep;
    });
  }
  doc.end();
  return done;
}
