import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { STAT_FIGURES } from "@thads/domain";
import { csvTemplate, xlsxTemplate } from "@thads/case-import";
import { statsCsv, statsXlsx } from "../app/routes/stats/export.server.ts";
import { briefingXlsx, type BriefingItem } from "../app/routes/steering/briefing.server.ts";

/** Names a spreadsheet would run as formulas if written as they are. */
const HOSTILE = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3+cmd", "\t=1+1", "\r=1+1"];
const FORMULA_START = /^[=+\-@\t\r]/;

const figures = (n: number) =>
  Object.fromEntries(STAT_FIGURES.map((k, i) => [k, String(n * (i + 1))])) as Record<(typeof STAT_FIGURES)[number], string>;
const rows = HOSTILE.map((name, i) => ({
  code: `U-${i}`,
  name,
  total: false,
  cases: figures(i + 1),
  money: figures(1000 * (i + 1)),
  casesRate: "50.00",
  moneyRate: null,
}));

/** The fields of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      out.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

async function sheetStrings(bytes: Uint8Array): Promise<{ value: unknown; type: ExcelJS.ValueType }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const cells: { value: unknown; type: ExcelJS.ValueType }[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push({ value: c.value, type: c.type }))));
  return cells;
}

function expectNeutral(cells: { value: unknown; type: ExcelJS.ValueType }[], hostile: string[]) {
  expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  const texts = cells.filter((c) => typeof c.value === "string").map((c) => c.value as string);
  expect(texts.filter((t) => FORMULA_START.test(t) && !/^-?\d+(\.\d+)?$/.test(t))).toEqual([]);
  // XML turns a carriage return into a line feed when the workbook is read back.
  const read = texts.map((t) => t.replace(/\r\n?/g, "\n"));
  for (const h of hostile) expect(read).toContain(`'${h}`.replace(/\r\n?/g, "\n"));
}

describe("exports never hand a spreadsheet a formula", () => {
  it("the statistics CSV (the national one included) prefixes hostile unit names", () => {
    const fields = parseCsv(statsCsv([...rows, { ...rows[0]!, code: "VN", name: "Toàn quốc", total: true }]));
    const names = fields.slice(1).map((f) => f[1]);
    expect(names).toEqual([...HOSTILE.map((h) => `'${h}`), "Toàn quốc"]);
    expect(fields.flat().filter((f) => FORMULA_START.test(f) && !/^-?\d+(\.\d+)?$/.test(f))).toEqual([]);
  });

  it("the statistics workbook stores hostile names as prefixed text, never formulas", async () => {
    const cells = await sheetStrings(await statsXlsx({ unitName: "=1+1", from: "2025-10-01", to: "2026-09-30", rows }));
    expectNeutral(cells, HOSTILE);
  });

  it("the steering briefing workbook neutralises case, party, unit and directive texts", async () => {
    const item = {
      caseNumber: "+CASE-1",
      debtorName: '=HYPERLINK("http://evil","x")',
      provinceName: "@SUM(1)",
      unitName: "-2+3+cmd",
      reason: "major_value",
      status: "in_progress",
      moneyDue: "1000",
      moneyCollected: "10",
      nextDeadlineOn: null,
      lastActionOn: null,
      daysSinceAction: null,
      openDirectives: 1,
      overdueDirectives: 0,
      missingPeriods: [],
      lastReport: { label: "Tháng 10/2025", body: "=cmd|' /C calc'!A0" },
      directives: [{ body: "@SUM(1)", addressee_name: "=1+1", issued_on: "2025-10-01", due_on: "2025-10-15", state: "open" }],
    } as unknown as BriefingItem;
    const cells = await sheetStrings(await briefingXlsx({ name: "+Ban chỉ đạo" }, [item], "2025-10-20"));
    expectNeutral(cells, ['=HYPERLINK("http://evil","x")', "@SUM(1)", "-2+3+cmd", "+Ban chỉ đạo", "=1+1", "+CASE-1"]);
    // A text that does not start like a formula is written as it is.
    expect(cells.map((c) => c.value)).toContain("Tháng 10/2025: =cmd|' /C calc'!A0");
  });

  it("the import templates hold no formula either", async () => {
    const fields = parseCsv(csvTemplate().replace(/^\uFEFF/, ""));
    expect(fields.flat().filter((f) => FORMULA_START.test(f))).toEqual([]);
    const cells = await sheetStrings(await xlsxTemplate({ rows: 2 }));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.filter((c) => typeof c.value === "string" && FORMULA_START.test(c.value))).toEqual([]);
  });
});
