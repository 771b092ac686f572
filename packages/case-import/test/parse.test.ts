import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { COLUMNS } from "../src/columns.ts";
import { parseCsv, parseImportFile, sniffDelimiter } from "../src/parse.ts";
import { csvTemplate } from "../src/templates.ts";
import { csv, row } from "./helpers.ts";

describe("CSV parsing", () => {
  it("reads a comma-separated file with a BOM, quoted fields and a line break inside quotes", async () => {
    const rows = [row("U-1", { dia_chi_nguoi_phai: 'Số 5, ngõ "Hoa Sữa"\nLê Chân' }), row("U-1")];
    const r = await parseCsv(csv(rows, { bom: true }));
    expect(r.errors).toEqual([]);
    expect(r.fatal).toBe(false);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]!.values.dia_chi_nguoi_phai).toBe('Số 5, ngõ "Hoa Sữa"\nLê Chân');
    expect(r.rows[0]!.line).toBe(2);
    // The second row starts on line 4: the first spans lines 2–3.
    expect(r.rows[1]!.line).toBe(4);
    expect(r.rows[1]!.values.so_tien).toBe("12.500.000");
  });

  it("reads a semicolon-separated file, from a stream, with Vietnamese or English headers", async () => {
    const headers = COLUMNS.map((c, i) => (i % 2 ? c.alias : c.key));
    const text = csv([row("U-1", { so_tien: "1.000.000" })], { sep: ";", headers });
    const r = await parseCsv(Readable.from([Buffer.from(text.slice(0, 40)), Buffer.from(text.slice(40))]));
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.values.so_tien).toBe("1.000.000");
    expect(r.rows[0]!.values.don_vi).toBe("U-1");
    expect(sniffDelimiter(Buffer.from("a;b;c\n1,5;2;3"))).toBe(";");
    expect(sniffDelimiter(Buffer.from('"a;x",b,c\n'))).toBe(",");
  });

  it("accepts headers with diacritics and English aliases", async () => {
    const headers: string[] = COLUMNS.map((c) => c.key);
    headers[0] = "Số thụ lý";
    headers[4] = "Unit code";
    const r = await parseCsv(csv([row("U-1")], { headers }));
    expect(r.errors).toEqual([]);
    expect(r.headers.so_thu_ly).toBe("Số thụ lý");
    expect(r.headers.don_vi).toBe("Unit code");
  });

  it("reads mixed line endings (rows appended in another editor)", async () => {
    const text =
      csv([row("U-1")]) +
      csv([row("U-1"), row("U-1")])
        .split("\r\n")
        .slice(1)
        .join("\n");
    const r = await parseCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4]);
  });

  it("reports a row with the wrong number of fields by its line, and goes on", async () => {
    const text = csv([row("U-1"), row("U-1"), row("U-1")]).split("\r\n");
    const fields = COLUMNS.length - 2;
    text[2] = text[2]!.split(",").slice(0, -2).join(","); // line 3: two fields short
    const r = await parseCsv(text.join("\r\n"));
    expect(r.fatal).toBe(false);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
    expect(r.records).toBe(3);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: null,
        code: "field_count",
        message: expect.stringMatching(new RegExp(`^Dòng có ${fields} ô nhưng dòng tiêu đề có ${COLUMNS.length} cột`)),
      }),
    ]);
  });

  it("stops at bad quoting with the line, and marks the file fatal", async () => {
    const lines = csv([row("U-1"), row("U-1"), row("U-1")]).split("\r\n");
    lines[2] = lines[2]!.replace("Nguyễn Văn An", '"Nguyễn" Văn An');
    const r = await parseCsv(lines.join("\r\n"));
    expect(r.fatal).toBe(true);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 3, code: "bad_quotes", message: expect.stringContaining("Dấu ngoặc kép không hợp lệ") }),
    ]);

    // The last row's last cell (empty) opens a quote that is never closed.
    const unclosed = csv([row("U-1"), row("U-1")]).replace(/,\r\n$/, ',"\r\n');
    const u = await parseCsv(unclosed);
    expect(u.fatal).toBe(true);
    expect(u.errors[0]).toMatchObject({ code: "bad_quotes", message: expect.stringContaining("không được đóng") });
  });

  it("refuses missing, unknown and repeated columns before reading rows", async () => {
    const headers: string[] = COLUMNS.map((c) => c.key);
    headers[1] = "ghi_chu";
    headers[2] = "so_thu_ly";
    const r = await parseCsv(csv([row("U-1")], { headers }));
    expect(r.fatal).toBe(true);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, "ghi_chu", "unknown_column"],
      [1, "so_thu_ly", "duplicate_column"],
      [1, "ngay_thu_ly", "missing_column"],
      [1, "nguon", "missing_column"],
    ]);
    const [head, data] = csv([row("U-1")]).split("\r\n");
    const lenient = await parseCsv(`${head},ghi_chu\r\n${data},x\r\n`, { ignoreUnknownColumns: true });
    expect(lenient.errors).toEqual([]);
    expect(lenient.rows).toHaveLength(1);
  });

  it("reports a value under a blank header, text that is not UTF-8, and an empty file", async () => {
    const blank = csv([row("U-1")])
      .replace(/\r\n/, ",\r\n")
      .replace(/\r\n$/, ",lạ\r\n");
    const b = await parseCsv(blank);
    expect(b.errors).toEqual([expect.objectContaining({ line: 2, column: `cột ${COLUMNS.length + 1}`, code: "no_header" })]);

    const latin1 = Buffer.concat([
      Buffer.from(
        csv([row("U-1")])
          .replace("Nguyễn Văn An", "NGUYEN")
          .replace(/\r\n$/, ""),
      ),
      Buffer.from([0xe9]),
      Buffer.from("\r\n"),
    ]);
    const e = await parseCsv(latin1);
    expect(e.errors).toEqual([expect.objectContaining({ line: 2, column: COLUMNS.at(-1)!.key, code: "encoding" })]);

    expect((await parseCsv("")).errors[0]).toMatchObject({ code: "empty_file" });
    expect((await parseCsv("\uFEFF\r\n")).fatal).toBe(true);
  });

  it("caps the size and the number of rows", async () => {
    const text = csv([row("U-1"), row("U-1"), row("U-1")]);
    const big = await parseCsv(text, { maxBytes: 500 });
    expect(big).toMatchObject({ fatal: true, errors: [{ code: "file_too_large", line: 0 }] });
    const many = await parseCsv(text, { maxRows: 2 });
    expect(many).toMatchObject({ fatal: true, errors: [{ code: "too_many_rows", line: 4 }] });
  });

  it("refuses other formats by extension", async () => {
    const r = await parseImportFile("/tmp/cases.xls");
    expect(r).toMatchObject({ fatal: true, errors: [{ code: "bad_format" }] });
  });

  it("parses its own CSV template", async () => {
    const r = await parseCsv(csvTemplate());
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.values).toEqual(Object.fromEntries(COLUMNS.map((c) => [c.key, c.example])));
  });
});
