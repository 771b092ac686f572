import { describe, expect, it } from "vitest";
import {
  csvTemplate,
  FILING_FILE,
  FILING_MAX_ROWS,
  FILING_TEMPLATE,
  parseCsv,
  planFilings,
  xlsxTemplate,
  parseXlsx,
  zipInflatedSize,
} from "../src/index.ts";

const UNIT = "0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
const requester = {
  requesterName: "Ngân hàng TMCP Demo",
  requesterIdNumber: "0109990001",
  requesterPhone: "02431234567",
  requesterEmail: null,
  requesterAddress: "Số 1 Lý Thái Tổ, Hà Nội",
};
const HEADER = "noi_nhan,toa_an,so_ban_an,ngay_ban_an,nguoi_phai_thi_hanh,dia_chi_nguoi_phai,noi_dung,tep_ban_an";
const row = (over: Partial<Record<string, string>> = {}) => {
  const v = {
    noi_nhan: "P-HAI-PHONG",
    toa_an: "Tòa án nhân dân thành phố Hải Phòng",
    so_ban_an: "45/2026/KDTM-ST",
    ngay_ban_an: "20/10/2026",
    nguoi_phai_thi_hanh: "Công ty TNHH Hải Âu",
    dia_chi_nguoi_phai: "",
    noi_dung: "Đề nghị ra quyết định thi hành án buộc trả nợ.",
    tep_ban_an: "ban-an-45.pdf",
    ...over,
  };
  return HEADER.split(",")
    .map((k) => `"${(v as Record<string, string>)[k] ?? ""}"`)
    .join(",");
};
const plan = async (lines: string[], files = ["ban-an-45.pdf"]) => {
  const parsed = await parseCsv(`${HEADER}\n${lines.join("\n")}\n`, { columns: FILING_FILE, maxRows: FILING_MAX_ROWS });
  expect(parsed.errors).toEqual([]);
  return planFilings(parsed.rows, parsed.headers, {
    requester,
    units: new Map([["P-HAI-PHONG", UNIT]]),
    files: new Set(files),
  });
};

describe("a bulk filing file", () => {
  it("becomes one enforcement request per row, with the requester given once", async () => {
    const r = await plan([row(), row({ so_ban_an: "46/2026/KDTM-ST" })]);
    expect(r.errors).toEqual([]);
    expect(r.planned).toHaveLength(2);
    expect(r.planned[0]).toMatchObject({
      line: 2,
      unitCode: "P-HAI-PHONG",
      fileName: "ban-an-45.pdf",
      input: { unitId: UNIT, requesterIdNumber: "0109990001", judgmentNumber: "45/2026/KDTM-ST", judgmentDate: "2026-10-20" },
    });
    expect(r.planned[0]!.input.idempotencyKey).not.toBe(r.planned[1]!.input.idempotencyKey);
  });

  it("takes the same judgment twice in a file as a duplicate, whatever the spacing, case or Unicode form", async () => {
    const r = await plan([row(), row({ toa_an: "Tòa án  nhân dân thành phố HẢI PHÒNG ".normalize("NFD"), so_ban_an: "45/2026/kdtm-st" })]);
    expect(r.planned).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, "so_ban_an", "duplicate_in_file"]]);
  });

  it("gives every row an unpredictable key of its own", async () => {
    const keys = [...(await plan([row()])).planned, ...(await plan([row()])).planned].map((p) => p.input.idempotencyKey);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("reports every problem with its line and column, and plans nothing when there is one", async () => {
    const r = await plan([
      row(),
      row({ noi_nhan: "P-NOWHERE", so_ban_an: "47/2026" }),
      row({ ngay_ban_an: "31/02/2026", so_ban_an: "48/2026" }),
      row({ tep_ban_an: "khong-co.pdf", so_ban_an: "49/2026" }),
      row(),
      row({ noi_dung: "ngắn", so_ban_an: "50/2026" }),
    ]);
    expect(r.planned).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, "noi_nhan", "unknown_unit"],
      [4, "ngay_ban_an", "invalid"],
      [5, "tep_ban_an", "missing_file"],
      [6, "so_ban_an", "duplicate_in_file"],
      [7, "noi_dung", "invalid"],
    ]);
    expect(r.errors[1]!.message).toMatch(/^Ngày bản án, quyết định: /);
  });

  it("is refused past its row limit", async () => {
    const parsed = await parseCsv(
      `${HEADER}\n${Array.from({ length: FILING_MAX_ROWS + 1 }, (_, i) => row({ so_ban_an: `${i}/2026` })).join("\n")}\n`,
      {
        columns: FILING_FILE,
        maxRows: FILING_MAX_ROWS,
      },
    );
    expect(parsed.fatal).toBe(true);
    expect(parsed.errors[0]!.code).toBe("too_many_rows");
  });

  it("has templates that read back as a valid file", async () => {
    const fromCsv = await parseCsv(csvTemplate(FILING_TEMPLATE), { columns: FILING_FILE });
    expect(fromCsv.errors).toEqual([]);
    const fromXlsx = await parseXlsx(await xlsxTemplate({ kind: FILING_TEMPLATE, rows: 10 }), { columns: FILING_FILE });
    expect(fromXlsx.errors).toEqual([]);
    for (const parsed of [fromCsv, fromXlsx]) {
      const r = planFilings(parsed.rows, parsed.headers, {
        requester,
        units: new Map([["P-HAI-PHONG-KV01", UNIT]]),
        files: new Set(["ban-an-45.pdf"]),
      });
      expect(r.errors).toEqual([]);
      expect(r.planned).toHaveLength(1);
    }
  });
});

describe("an uploaded workbook", () => {
  it("is refused before it is read when it unzips to more than allowed, or is no zip at all", async () => {
    const book = await xlsxTemplate({ kind: FILING_TEMPLATE, rows: 10 });
    const inflated = zipInflatedSize(book);
    expect(inflated).toBeGreaterThan(book.length);
    const refused = await parseXlsx(book, { columns: FILING_FILE, maxInflatedBytes: inflated! - 1 });
    expect(refused).toMatchObject({ fatal: true, rows: [] });
    expect(refused.errors[0]!.message).toMatch(/^Tệp Excel khi giải nén quá lớn/);
    expect(zipInflatedSize(Buffer.from("PK\u0003\u0004 not really a zip"))).toBeNull();
  });
});
