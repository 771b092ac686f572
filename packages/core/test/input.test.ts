import { describe, expect, it } from "vitest";
import { ENTRUSTING_DECISION_ASKED_FROM, formatDateVi } from "@thads/domain";
import { optionalText, text, viDate } from "../src/shared/fields.ts";
import { IntakeSchema, LegacyIntakeSchema } from "../src/cases/intake-schema.ts";
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
    // The agency's field is on the form too (hidden): whatever it holds is not read, nor refused.
    const hidden = parseStep("transfer", {
      ...common,
      target: "province",
      toProvinceId: province,
      toMilitaryAgency: "Q\u0000".repeat(200),
    });
    expect(hidden).toMatchObject({ ok: true, event: { kind: "transfer", toProvinceId: province } });
    expect(hidden.ok && "toMilitaryAgency" in hidden.event).toBe(false);
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
    const junk = parseStep("transfer", { ...common, target: "military_region", toMilitaryAgency: "Quân khu\u0000 7" });
    expect(!junk.ok && junk.fieldErrors.toMilitaryAgency).toContain("ký tự điều khiển");
    const odd = parseStep("transfer", { ...common, target: "navy" });
    expect(!odd.ok && odd.fieldErrors.target).toContain("Nơi nhận ủy thác");
  });
});

describe("the intake form's entrusting agency", () => {
  const form = (over: Record<string, unknown>) => ({
    idempotencyKey: "6f1c2a52-3b1e-4c39-9a55-0d7d2b1f0a12",
    unitId: "0b9d4c7e-2f0a-4a61-8d53-7c1e9f2a3b44",
    caseNumber: "12/QĐ-THADS",
    acceptedOn: "05/10/2026",
    source: "transfer_in",
    entrustingDecisionNumber: "05/QĐ-THA",
    entrustingDecisionOn: "03/10/2026",
    decisionKind: "on_request",
    judgment: { courtName: "Tòa án nhân dân thành phố Hải Phòng", number: "12/2026/DS-ST", date: "01/10/2026", type: "civil" },
    creditor: { kind: "person", fullName: "Nguyễn Văn An" },
    debtor: { kind: "person", fullName: "Trần Thị Bích" },
    amount: "5.000.000",
    ...over,
  });
  const agencyError = (over: Record<string, unknown>) => {
    const r = IntakeSchema.safeParse(form(over));
    return r.success ? null : r.error.issues.filter((i) => i.path.join(".") === "fromAgency").map((i) => i.message);
  };

  it("is asked for, trimmed and bounded (2 to 300 characters) when the case is entrusted", () => {
    const r = IntakeSchema.safeParse(form({ fromAgency: "  Phòng Thi hành án Quân khu 3 " }));
    expect(r.success && r.data.fromAgency).toBe("Phòng Thi hành án Quân khu 3");
    expect(agencyError({ fromAgency: " " })).toEqual(["Cơ quan thi hành án cấp quân khu ủy thác: bắt buộc nhập khi nhận ủy thác."]);
    expect(agencyError({ fromAgency: "Q" })).toEqual(["Cơ quan thi hành án cấp quân khu ủy thác: ít nhất 2 ký tự."]);
    expect(agencyError({ fromAgency: "Q".repeat(301) })).toEqual(["Cơ quan thi hành án cấp quân khu ủy thác: tối đa 300 ký tự."]);
    expect(IntakeSchema.safeParse(form({ fromAgency: "Q".repeat(300) })).success).toBe(true);
    // Counted in characters, as the database counts them: 300 characters outside the BMP (600 UTF-16 units) pass, 301 do not.
    expect(IntakeSchema.safeParse(form({ fromAgency: "𝐐".repeat(300) })).success).toBe(true);
    expect(agencyError({ fromAgency: "𝐐".repeat(301) })).toEqual(["Cơ quan thi hành án cấp quân khu ủy thác: tối đa 300 ký tự."]);
    expect(agencyError({ fromAgency: "𝐐" })).toEqual(["Cơ quan thi hành án cấp quân khu ủy thác: ít nhất 2 ký tự."]);
  });

  it("is reported beside the form's other problems", () => {
    const r = IntakeSchema.safeParse(form({ fromAgency: "", caseNumber: "" }));
    expect(!r.success && r.error.issues.map((i) => i.path.join(".")).sort()).toEqual(["caseNumber", "fromAgency"]);
  });

  it("is not read with another source: the form hides it, and what it holds is neither kept nor refused", () => {
    for (const source of ["court_transfer", "creditor_request"]) {
      const r = IntakeSchema.safeParse(
        form({ source, fromAgency: "Q\u0000", entrustingDecisionNumber: "\u0000", entrustingDecisionOn: "31/02/2026" }),
      );
      expect(r.success && [r.data.fromAgency, r.data.entrustingDecisionNumber, r.data.entrustingDecisionOn]).toEqual([null, null, null]);
    }
  });

  it("comes with its entrusting decision's number and date: not before the judgment, not after the acceptance (L106 Art. 49(2))", () => {
    const r = IntakeSchema.safeParse(form({ fromAgency: "Phòng Thi hành án Quân khu 3" }));
    expect(r.success && [r.data.entrustingDecisionNumber, r.data.entrustingDecisionOn]).toEqual(["05/QĐ-THA", "2026-10-03"]);
    const errorsOf = (over: Record<string, unknown>, schema = IntakeSchema) => {
      const x = schema.safeParse(form({ fromAgency: "Phòng Thi hành án Quân khu 3", ...over }));
      return x.success ? [] : x.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(errorsOf({ entrustingDecisionNumber: "", entrustingDecisionOn: "" })).toEqual([
      "entrustingDecisionNumber: Số quyết định ủy thác: bắt buộc nhập.",
      expect.stringMatching(/^entrustingDecisionOn: Ngày quyết định ủy thác: /),
    ]);
    expect(errorsOf({ entrustingDecisionOn: "06/10/2026" })).toEqual([
      "entrustingDecisionOn: Ngày quyết định ủy thác: không được sau ngày thụ lý.",
    ]);
    expect(errorsOf({ entrustingDecisionOn: "30/09/2026" })).toEqual([
      "entrustingDecisionOn: Ngày quyết định ủy thác: không được trước ngày bản án.",
    ]);
    expect(errorsOf({ entrustingDecisionNumber: "Q".repeat(61) })).toEqual([
      "entrustingDecisionNumber: Số quyết định ủy thác: tối đa 60 ký tự.",
    ]);
    // Earlier records (the migration) may lack the decision, but not half of it.
    expect(errorsOf({ entrustingDecisionNumber: "", entrustingDecisionOn: "" }, LegacyIntakeSchema)).toEqual([]);
    expect(errorsOf({ entrustingDecisionOn: "" }, LegacyIntakeSchema)).toEqual([expect.stringMatching(/^entrustingDecisionOn: /)]);
    // …and a case accepted since the intake asks for the decision names it there too.
    expect(
      errorsOf(
        { acceptedOn: formatDateVi(ENTRUSTING_DECISION_ASKED_FROM), entrustingDecisionNumber: "", entrustingDecisionOn: "" },
        LegacyIntakeSchema,
      ),
    ).toEqual(["entrustingDecisionNumber: Số quyết định ủy thác: bắt buộc nhập.", expect.stringMatching(/^entrustingDecisionOn: /)]);
  });
});
