import { getDocumentProxy } from "unpdf";

export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  /** The page's text line by line, top to bottom: the pieces at the same height, left to right. */
  lines: string[];
}

/** The text of every page of a PDF file, with where each piece sits (unpdf, pdf.js underneath). */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!("str" in it) || it.str.trim() === "") continue;
      items.push({ text: it.str.normalize("NFC"), x: it.transform[4] as number, y: it.transform[5] as number, width: it.width });
    }
    const rows: { y: number; items: PdfItem[] }[] = [];
    for (const it of items) {
      const row = rows.find((r) => Math.abs(r.y - it.y) < 1.5);
      if (row) row.items.push(it);
      else rows.push({ y: it.y, items: [it] });
    }
    rows.sort((a, b) => b.y - a.y);
    // Pieces that touch belong to one word; a gap between them is a space.
    const lines = rows.map((r) =>
      r.items
        .sort((a, b) => a.x - b.x)
        .reduce((line, it, k, all) => {
          const prev = all[k - 1];
          const gap = prev ? it.x - (prev.x + prev.width) : 0;
          return line + (prev && gap > 0.8 ? " " : "") + it.text;
        }, "")
        .trim(),
    );
    pages.push({ width: x1 - x0, height: y1 - y0, items, lines });
  }

  return pages;
}

/** A whole number as the forms print it: Vietnamese grouping, 1.711.767.445.000. */
export const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Does the value stand whole, as one piece, on one of the lines? */
export const onOneLine = (lines: string[], value: string) => lines.some((l) => l.split(/\s+/).includes(value));
