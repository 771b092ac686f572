import { describe, expect, it } from "vitest";
import { STAT_FIGURES } from "@thads/domain";
import { formsPdf } from "../app/routes/stats/pdf.server.ts";

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

describe("formsPdf", () => {
  it("writes both forms as a PDF with an embedded font that has the Vietnamese letters", async () => {
    const pdf = await formsPdf({
      unitName: "Thi hành án dân sự thành phố Hải Phòng",
      from: "2025-10-01",
      to: "2026-09-30",
      rows: [row("Phòng Thi hành án dân sự khu vực 1", 3), row("Phòng Thi hành án dân sự khu vực 2", 5), row("Tổng cộng", 8, true)],
    });
    const text = Buffer.from(pdf).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("DejaVuSansCondensed");
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2); // one page per form
    expect(pdf.byteLength).toBeGreaterThan(5_000);
  });
  it("breaks a long list of units over several pages", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(`Đơn vị số ${i + 1}`, i + 1));
    const pdf = await formsPdf({ unitName: "Toàn quốc", from: "2025-10-01", to: "2026-09-30", rows });
    expect(
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/Type \/Page\b/g)!.length,
    ).toBeGreaterThan(2);
  });
});
