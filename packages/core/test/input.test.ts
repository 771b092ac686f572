import { describe, expect, it } from "vitest";
import { optionalText, text, viDate } from "../src/shared/fields.ts";
import { IntakeSchema } from "../src/cases/intake-schema.ts";
import { parseStep } from "../src/cases/steps-schema.ts";
import { isUuid, isoDateParam, searchText } from "../src/shared/input.ts";

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("input primitives", () => {
  it("text fields refuse NUL and other control characters, naming the field", () => {
    for (const bad of ["a\u0000b", "\u0000", "abc\u0007", "x\u001b[31m", "x\u007f", "x\u0085"]) {
      expect(firstMessage(text("Tòa án", 300).safeParse(bad)), JSON.stringify(bad)).toBe(
        "Tòa án: chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).",
      );
      expect(optionalText("Địa chỉ", 500).safeParse(bad).success).toBe(false);
    }
    // Multi-line text keeps its line breaks and tabs.
    expect(text("Nội dung", 100).safeParse("dòng 1\r\ndòng 2\tx").success).toBe(true);
  });

  it("dates must be real calendar days in a sane year range", () => {
    for (const bad of [
      "00/00/0000",
      "31/02/2025",
      "29/02/2025",
      "01/01/0000",
      "31/12/9999",
      "9999-12-31",
      "0000-01-01",
      "01/13/2025",
      "1/1/1899",
    ]) {
      expect(viDate("Ngày thụ lý").safeParse(bad).success, bad).toBe(false);
      expect(isoDateParam("Từ ngày").safeParse(bad).success, bad).toBe(false);
    }
    expect(firstMessage(viDate("Ngày thụ lý").safeParse("31/12/9999"))).toBe("Ngày thụ lý: năm phải từ 1900 đến 2100.");
    expect(viDate("Ngày thụ lý").safeParse("29/02/2024").data).toBe("2024-02-29");
  });

  it("ids are real UUIDs, not any 36 characters of hex and dashes", () => {
    expect(isUuid("------------------------------------")).toBe(false);
    expect(isUuid("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa")).toBe(false);
    expect(isUuid("0b8c1d7e1f2a-4b3c-8d4e-5f6a7b8c9d0e-")).toBe(false);
    expect(isUuid("0b8c1d7e-1f2a-4b3c-8d4e-5f6a7b8c9d0e\n")).toBe(false);
    expect(isUuid("0b8c1d7e-1f2a-4b3c-8d4e-5f6a7b8c9d0e")).toBe(true);
    expect(isUuid(crypto.randomUUID())).toBe(true);
  });

  it("a search box drops control characters instead of failing", () => {
    expect(searchText("Tìm kiếm", 100).parse("  Nguyễn\u0000 Văn\nA ")).toBe("Nguyễn Văn A");
  });

  it("the intake form refuses NUL in a party's name", () => {
    const r = IntakeSchema.safeParse({ debtor: { kind: "person", fullName: "Nguyễn\u0000" } });
    expect(r.success).toBe(false);
    expect(
      r.error?.issues.some((i) => i.message === "Tên người phải thi hành án: chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL)."),
    ).toBe(true);
  });
});

describe("the separate register's step forms", () => {
  const common = { version: "3", idempotencyKey: "6f1c2a52-3b1e-4c39-9a55-0d7d2b1f0a11", effectiveDate: "18/07/2028" };
  it("a returned request names its notice and confirms the procuracy was told; the event keeps the notice only", () => {
    const missing = parseStep("request_returned", { ...common, noticeNumber: "" });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.fieldErrors.noticeNumber).toContain("Số thông báo gửi lại yêu cầu thi hành án");
      expect(missing.fieldErrors.procuracyNotified).toContain("Viện kiểm sát");
    }
    const r = parseStep("request_returned", { ...common, noticeNumber: "25/TB-THADS", procuracyNotified: "on" });
    expect(r.ok && r.event).toEqual({ kind: "request_returned", effectiveDate: "2028-07-18", noticeNumber: "25/TB-THADS" });
  });
  it("a reopening needs the new information; the move to the register needs only its date", () => {
    const blank = parseStep("register_reopening", { ...common, newInformation: "" });
    expect(!blank.ok && blank.fieldErrors.newInformation).toContain("Thông tin mới về điều kiện thi hành án");
    expect(parseStep("register_transfer", common)).toMatchObject({
      ok: true,
      event: { kind: "register_transfer", effectiveDate: "2028-07-18" },
    });
  });
});

describe("the transfer step's form", () => {
  const common = { version: "4", idempotencyKey: "6f1c2a52-3b1e-4c39-9a55-0d7d2b1f0a12", effectiveDate: "20/11/2026" };
  const province = "0b9d4c7e-2f0a-4a61-8d53-7c1e9f2a3b44";
  it("to another province names the province (the form without a choice is a province's, as before)", () => {
    expect(parseStep("transfer", { ...common, toProvinceId: province })).toMatchObject({
      ok: true,
      event: { kind: "transfer", effectiveDate: "2026-11-20", toProvinceId: province },
    });
    const none = parseStep("transfer", { ...common, target: "province", toProvinceId: "", toMilitaryAgency: "Quân khu 7" });
    expect(!none.ok && none.fieldErrors.toProvinceId).toBe("Tỉnh nhận ủy thác: chọn một tỉnh.");
  });
  it("to a military-region agency names the agency only, whatever the province field holds", () => {
    const r = parseStep("transfer", {
      ...common,
      target: "military_region",
      toProvinceId: province,
      toMilitaryAgency: "  Phòng Thi hành án Quân khu 7 ",
    });
    expect(r.ok && r.event).toEqual({ kind: "transfer", effectiveDate: "2026-11-20", toMilitaryAgency: "Phòng Thi hành án Quân khu 7" });
    const blank = parseStep("transfer", { ...common, target: "military_region", toMilitaryAgency: " " });
    expect(!blank.ok && blank.fieldErrors.toMilitaryAgency).toBe("Cơ quan thi hành án cấp quân khu nhận ủy thác: bắt buộc nhập.");
    const short = parseStep("transfer", { ...common, target: "military_region", toMilitaryAgency: "Q" });
    expect(!short.ok && short.fieldErrors.toMilitaryAgency).toBe("Cơ quan thi hành án cấp quân khu nhận ủy thác: ít nhất 2 ký tự.");
    const long = parseStep("transfer", { ...common, target: "military_region", toMilitaryAgency: "Q".repeat(301) });
    expect(!long.ok && long.fieldErrors.toMilitaryAgency).toBe("Cơ quan thi hành án cấp quân khu nhận ủy thác: tối đa 300 ký tự.");
    const odd = parseStep("transfer", { ...common, target: "navy" });
    expect(!odd.ok && odd.fieldErrors.target).toContain("Nơi nhận ủy thác");
  });
});
