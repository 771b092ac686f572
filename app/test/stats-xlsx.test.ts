import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { STAT_FIGURE_LABELS, STAT_FIGURES, type StatFigure } from "@thads/domain";
import { LONG_AMOUNT_NOTE, statsCsv, statsXlsx } from "../app/routes/stats/export.server.ts";

const BIG = "12345678901234567"; // 17 digits: above 2^53, past Excel's 15 significant digits
const figures = (n: number) =>
  Object.fromEntries(STAT_FIGURES.map((k, i) => [k, String(n * (i + 1))])) as Record<(typeof STAT_FIGURES)[number], string>;
const rows = [
  {
    code: "U-1",
    name: "Phòng Thi hành án dân sự khu vực 1",
    total: false,
    cases: figures(3),
    money: { ...figures(1_000_000_007), completed: BIG, enforceable: "999999999999999", carried_over: "-1234567890123456" },
    casesRate: "50.00",
    moneyRate: "12.34",
  },
];

describe("statistics workbook: amounts stay exact", () => {
  it("writes an amount of more than 15 digits as its exact digits and keeps the others numbers, with the rule under the table", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await statsXlsx({ unitName: "Hải Phòng", from: "2025-10-01", to: "2026-09-30", rows })) as unknown as ExcelJS.Buffer,
    );
    const ws = wb.getWorksheet("Ve tien")!;
    const head = (ws.getRow(4).values as unknown[]).slice(1);
    const row = (ws.getRow(5).values as unknown[]).slice(1);
    const col = (k: StatFigure) => head.indexOf(STAT_FIGURE_LABELS[k].vi);
    expect(row[col("completed")]).toBe(BIG);
    expect(BigInt(row[col("completed")] as string)).toBe(12345678901234567n);
    expect(row[col("carried_over")]).toBe("-1234567890123456");
    // 15 digits and fewer: numbers, exactly the figure.
    expect(row[col("enforceable")]).toBe(999999999999999);
    expect(row[col("newly_accepted")]).toBe(Number(rows[0]!.money.newly_accepted));
    expect(typeof row[head.length - 1]).toBe("number");
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    expect(texts).toContain(LONG_AMOUNT_NOTE);
    // The cases sheet is all numbers.
    const cases = (wb.getWorksheet("Ve viec")!.getRow(5).values as unknown[]).slice(3);
    expect(cases.every((v) => typeof v === "number")).toBe(true);
  });

  it("the CSV carries the same amount digit for digit", () => {
    const line = statsCsv(rows).split("\r\n")[1]!;
    expect(line.split(",")).toContain(BIG);
  });
});
