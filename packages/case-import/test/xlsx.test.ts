import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { COLUMNS } from "../src/columns.ts";
import { importCases } from "../src/import.ts";
import { parseXlsx } from "../src/parse.ts";
import { xlsxTemplate } from "../src/templates.ts";

const ctx = useTenantFixture();

async function importXlsx(buffer: Buffer) {
  const parsed = await parseXlsx(buffer);
  const result = await withClaims(ctx.app, { sub: ctx.fx.users.clerk!, role: "authenticated" }, (tx) =>
    importCases(tx, parsed, { actor: { userId: ctx.fx.users.clerk!, roles: ["clerk"] } }),
  );
  return { parsed, result };
}

describe(".xlsx", () => {
  it("the template has the header, one example row, text-formatted columns and a guide sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxTemplate()) as never);
    const [sheet, guide] = wb.worksheets;
    expect(sheet!.name).toBe("viec_thi_hanh_an");
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.key));
    expect((sheet!.getRow(2).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.example));
    expect(sheet!.getCell("S2").numFmt).toBe("@");
    expect(sheet!.getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: ['"toa_an,don_yeu_cau,uy_thac_quan_khu"'] });
    expect(guide!.name).toBe("huong_dan");
    expect(guide!.getCell("A2").value).toBe("so_thu_ly");
  });

  it("round trip: template → filled in (text, numbers, dates, rich text) → parsed → imported", async () => {
    const template = await xlsxTemplate();
    // The untouched template parses to its example row; its sample unit code does not exist here.
    const untouched = await importXlsx(template);
    expect(untouched.parsed.errors).toEqual([]);
    // Columns without an example (the reason for a late request) are empty cells: not read.
    expect(untouched.parsed.rows[0]).toEqual({
      line: 2,
      values: Object.fromEntries(COLUMNS.filter((c) => c.example).map((c) => [c.key, c.example])),
    });
    expect(untouched.result.errors).toEqual([
      { line: 2, column: "don_vi", code: "unknown_unit", message: 'Đơn vị thụ lý: không có đơn vị mã "P-HAI-PHONG-KV01" trong hệ thống.' },
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as never);
    const ws = wb.getWorksheet("viec_thi_hanh_an")!;
    const unit = `P-A-${ctx.fx.tag}-KV01`;
    const tag = Math.random().toString(36).slice(2, 8);
    const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
    ws.getRow(2).getCell(col("don_vi")).value = unit;
    ws.getRow(2).getCell(col("so_thu_ly")).value = `1/${tag}`;
    ws.getRow(2).getCell(col("so_ban_an")).value = `1/2025/${tag}`;

    const typed = ws.getRow(3);
    COLUMNS.forEach((c, i) => {
      typed.getCell(i + 1).value = c.example;
    });
    typed.getCell(col("don_vi")).value = unit;
    typed.getCell(col("so_thu_ly")).value = `2/${tag}`;
    typed.getCell(col("so_ban_an")).value = `1/2025/${tag}`; // the same judgment as row 2
    // A date typed into a text-formatted column is stored as a serial number.
    typed.getCell(col("ngay_thu_ly")).value = new Date(Date.UTC(2025, 10, 4));
    // A real date cell.
    typed.getCell(col("ngay_ban_an")).value = new Date(Date.UTC(2025, 9, 21));
    typed.getCell(col("ngay_ban_an")).numFmt = "dd/mm/yyyy";
    // The judgment took effect after its date: a later day than the example's.
    typed.getCell(col("ngay_hieu_luc")).value = "31/10/2025";
    typed.getCell(col("so_tien")).value = 25_000_000;
    typed.getCell(col("tin_dung_ngan_hang")).value = false;
    typed.getCell(col("nguoi_phai_thi_hanh")).value = { richText: [{ text: "Trần " }, { font: { bold: true }, text: "Thị Bình" }] };
    typed.commit();

    // A fraction of a đồng is refused, not read as thousands.
    const bad = ws.getRow(5);
    COLUMNS.forEach((c, i) => {
      bad.getCell(i + 1).value = c.example;
    });
    bad.getCell(col("don_vi")).value = unit;
    bad.getCell(col("so_thu_ly")).value = `3/${tag}`;
    bad.getCell(col("so_tien")).value = 1234.5;
    const refused = await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.result.errors).toEqual([
      expect.objectContaining({ line: 5, column: "so_tien", message: expect.stringContaining('Ô đang ghi "1234,5"') }),
    ]);
    expect(refused.result.written).toBe(false);

    ws.spliceRows(5, 1);
    const { parsed, result } = await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rows[1]!.values).toMatchObject({
      ngay_thu_ly: "04/11/2025",
      ngay_ban_an: "21/10/2025",
      so_tien: "25000000",
      tin_dung_ngan_hang: "khong",
      nguoi_phai_thi_hanh: "Trần Thị Bình",
    });
    expect(result).toMatchObject({ ok: true, written: true, imported: 2, judgments: { created: 1 } });

    const cases = await ctx.owner<
      { case_number: string; accepted_on: string; money_due: bigint; debtor_name: string; is_bank_credit: boolean }[]
    >`
      select case_number, accepted_on::text, money_due, debtor_name, is_bank_credit from public.cases where case_number like ${`%/${tag}`} order by case_number`;
    expect(cases).toEqual([
      { case_number: `1/${tag}`, accepted_on: "2025-11-03", money_due: 150_000_000n, debtor_name: "Nguyễn Văn An", is_bank_credit: true },
      { case_number: `2/${tag}`, accepted_on: "2025-11-04", money_due: 25_000_000n, debtor_name: "Trần Thị Bình", is_bank_credit: false },
    ]);
  });

  it("keeps Vietnamese text whole in a large workbook (multi-byte characters across stream chunks)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("viec_thi_hanh_an");
    ws.addRow(COLUMNS.map((c) => c.key));
    const names: string[] = [];
    for (let i = 0; i < 4000; i++) {
      names.push(`Nguyễn Văn Ánh ${i} – Đặng Thị Ưởng, phường Hồng Bàng, Hải Phòng ${i * 7}`);
      ws.addRow(COLUMNS.map((c) => (c.key === "nguoi_phai_thi_hanh" ? names[i]! : c.key === "so_thu_ly" ? `${i}/QĐ-THADS` : c.example)));
    }
    const parsed = await parseXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.values.nguoi_phai_thi_hanh)).toEqual(names);
    expect(parsed.rows.every((r, i) => r.values.so_thu_ly === `${i}/QĐ-THADS`)).toBe(true);
  });

  it("reports a file that is not a workbook, and a workbook over the size cap", async () => {
    const notZip = await parseXlsx(Buffer.from("so_thu_ly,ngay_thu_ly\n"));
    expect(notZip).toMatchObject({ fatal: true, errors: [{ line: 0, code: "bad_xlsx" }] });
    const big = await parseXlsx(Readable.from([await xlsxTemplate()]), { maxBytes: 1000 });
    expect(big).toMatchObject({ fatal: true, errors: [{ line: 0, code: "file_too_large" }] });
  });
});
