import { describe, expect, it } from "vitest";
import { STAT_FIGURES } from "@thads/domain";
import { formsPdf, NAME_SHARE, tableLayout } from "../app/routes/stats/pdf.server.ts";

const figures = (n: number) =>
  Object.fromEntries(STAT_FIGURES.map((k, i) => [k, String(n * (i + 1))])) as Record<(typeof STAT_FIGURES)[number], string>;
const row = (name: string, n: number, total = false) => ({
  code: name.toUpperCase().replace(/\W+/g, "-"),
  name,
  total,
  cases: figures(n),
  money: figures(n * 1_000_000_007),
  casesRate: "69.66",
  moneyRate: null,
});

const issuer = { superior: "Bộ Tư pháp", place: "Hải Phòng" };

describe("formsPdf", () => {
  it("writes both forms as a PDF with an embedded font that has the Vietnamese letters", async () => {
    const pdf = await formsPdf({
      unitName: "Thi hành án dân sự thành phố Hải Phòng",
      from: "2025-10-01",
      to: "2026-09-30",
      rows: [row("Phòng Thi hành án dân sự khu vực 1", 3), row("Phòng Thi hành án dân sự khu vực 2", 5), row("Tổng cộng", 8, true)],
      issuer,
      today: "2026-12-05",
    });
    const text = Buffer.from(pdf).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("DejaVuSansCondensed");
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(3); // one page per form, one for how each line is defined
    expect(pdf.byteLength).toBeGreaterThan(5_000);
  });
  it("prints the breakdown tables after the forms, one page per form", async () => {
    const breakdown = [row("Chủ động thi hành án", 2), row("Theo yêu cầu", 6), row("Cộng", 8, true)];
    const pdf = await formsPdf({
      unitName: "Toàn quốc",
      from: "2025-10-01",
      to: "2026-09-30",
      rows: [row("Tổng cộng", 8, true)],
      breakdown,
      issuer,
      today: "2026-12-05",
    });
    expect(
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/Type \/Page\b/g),
    ).toHaveLength(5);
  });
  it("breaks a long list of units over several pages", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(`Đơn vị số ${i + 1}`, i + 1));
    const pdf = await formsPdf({ unitName: "Toàn quốc", from: "2025-10-01", to: "2026-09-30", rows, issuer, today: "2026-12-05" });
    expect(
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/Type \/Page\b/g)!.length,
    ).toBeGreaterThan(2);
  });
});

describe("tableLayout", () => {
  // A stand-in for the font: every character 0.6 em, bold 0.66 em.
  const measure = (text: string, font: string, size: number) => text.length * size * (font === "bold" ? 0.66 : 0.6);
  const headings = Array.from({ length: 19 }, (_, j) => `Cột số ${j + 1}`);
  const names = [
    { text: "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng", bold: false },
    { text: "Tổng cộng: Thi hành án dân sự thành phố Hải Phòng", bold: true },
  ];
  const cellsOf = (value: string) => names.map((n) => headings.map(() => ({ text: value, bold: n.bold })));

  it("makes every column as wide as its widest value at the largest font that fits, filling the width", () => {
    const cells = cellsOf("767.445.000");
    const layout = tableLayout({ headings, names, cells, width: 794, measure });
    expect(layout.groups).toEqual([headings.map((_, j) => j)]);
    expect(layout.fontSize).toBeLessThan(8);
    for (const w of layout.widths) expect(w).toBeGreaterThanOrEqual(measure("767.445.000", "bold", layout.fontSize));
    expect(layout.nameWidth).toBeGreaterThanOrEqual(measure("Thi", "bold", layout.fontSize));
    expect(layout.nameWidth + layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(794, 6);
    expect(layout.nameWidth).toBeGreaterThanOrEqual(794 * NAME_SHARE);
    // One quarter point larger would not fit the figures beside the names' share.
    const larger = layout.fontSize + 0.25;
    const need = headings.length * (measure("767.445.000", "bold", larger) + 5) + 794 * NAME_SHARE;
    expect(need).toBeGreaterThan(794);
  });

  it("sets the columns as several tables when even the smallest font cannot fit them, never cutting a number", () => {
    const cells = cellsOf("1.234.567.890.123.456.789");
    const layout = tableLayout({ headings, names, cells, width: 794, measure });
    expect(layout.groups.length).toBeGreaterThan(1);
    expect(layout.groups.flat()).toEqual(headings.map((_, j) => j));
    for (const g of layout.groups) {
      expect(layout.nameWidth + g.reduce((sum, j) => sum + layout.widths[j]!, 0)).toBeLessThanOrEqual(794);
    }
  });
});
