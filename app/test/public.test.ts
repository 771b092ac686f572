import { describe, expect, it } from "vitest";
import { REQUEST_KINDS } from "@thads/domain";
import { sniffFileType } from "../app/routes/public/upload.server.ts";
import { RatingSchema, REQUEST_FORM_SCHEMAS, TrackSchema } from "@thads/core/requests/schema";

const valid = {
  idempotencyKey: "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
  unitId: "0f1e2d3c-4b5a-4968-8776-655443322110",
  requesterName: "Nguyễn Thị Lan",
  requesterPhone: "0912 345 678",
  requesterAddress: "Số 5 Lạch Tray, Hải Phòng",
  content: "Đề nghị ra quyết định thi hành án theo bản án.",
  judgmentCourt: "Tòa án nhân dân thành phố Hải Phòng",
  judgmentNumber: "12/2026/DS-ST",
  judgmentDate: "01/10/2026",
  debtorName: "Công ty TNHH Hàng Hải",
};

/** The first message per field, as the form shows it. */
const errors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const out: Record<string, string> = {};
  for (const i of r.error?.issues ?? []) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("public request forms", () => {
  it("accept a complete enforcement request and normalize it", () => {
    const r = REQUEST_FORM_SCHEMAS.enforcement_request.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ judgmentDate: "2026-10-01", requesterEmail: null, requesterIdNumber: null, debtorAddress: null });
  });

  it("name each missing field in Vietnamese, for every kind", () => {
    for (const kind of REQUEST_KINDS) {
      const e = errors(REQUEST_FORM_SCHEMAS[kind].safeParse({}));
      expect(e.requesterName).toBe("Họ tên người yêu cầu: bắt buộc nhập.");
      expect(e.content).toBe("Nội dung yêu cầu: bắt buộc nhập.");
      expect(e.unitId).toBe("Nơi nhận yêu cầu: chọn một đơn vị.");
    }
    expect(errors(REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, judgmentCourt: "" })).judgmentCourt).toBe(
      "Tòa án đã xét xử: bắt buộc nhập.",
    );
    expect(errors(REQUEST_FORM_SCHEMAS.complaint.safeParse(valid)).subject).toBe("Quyết định, hành vi bị khiếu nại: bắt buộc nhập.");
  });

  it("need a phone or an ID number, to open the status page later", () => {
    const e = errors(REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, requesterPhone: "" }));
    expect(e.requesterPhone).toContain("nhập ít nhất một");
    expect(
      REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, requesterPhone: "", requesterIdNumber: "031190001234" }).success,
    ).toBe(true);
    expect(errors(REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, requesterPhone: "abc" })).requesterPhone).toContain(
      "chỉ gồm chữ số",
    );
  });

  it("refuse markup and script in any text field", () => {
    for (const bad of ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", 'x" onclick="y']) {
      const e = errors(REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, debtorName: bad }));
      expect(e.debtorName, bad).toContain("không được chứa mã HTML");
    }
    // Ordinary punctuation stays allowed.
    expect(
      REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({
        ...valid,
        content: "Số tiền 5.000.000 đồng (năm triệu) > 3 tháng chưa trả; lãi 10%.",
      }).success,
    ).toBe(true);
  });

  it("refuse bad dates and over-long text with the field's name", () => {
    expect(errors(REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, judgmentDate: "31/02/2026" })).judgmentDate).toContain(
      "Ngày bản án, quyết định: ngày không hợp lệ",
    );
    expect(errors(REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({ ...valid, content: "x".repeat(4001) })).content).toBe(
      "Nội dung yêu cầu: tối đa 4000 ký tự.",
    );
  });

  it("tracking and rating need their fields", () => {
    expect(errors(TrackSchema.safeParse({ code: "", factor: "" }))).toEqual({
      code: "Mã tra cứu: bắt buộc nhập.",
      factor: "Số điện thoại hoặc số CCCD: bắt buộc nhập.",
    });
    expect(errors(RatingSchema.safeParse({ code: "A", factor: "B", score: "7" })).score).toBe("Mức độ hài lòng: chọn từ 1 đến 5.");
    expect(RatingSchema.safeParse({ code: "A", factor: "B", score: "4" }).success).toBe(true);
  });
});

describe("file types", () => {
  it("come from the first bytes, not from the name", () => {
    expect(sniffFileType(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffFileType(Buffer.from("89504e470d0a1a0a0000", "hex"))).toBe("image/png");
    expect(sniffFileType(Buffer.from("ffd8ffe000104a464946", "hex"))).toBe("image/jpeg");
    expect(sniffFileType(Buffer.from("<html><script>"))).toBeNull();
    expect(sniffFileType(Buffer.from("%PDF"))).toBeNull();
    expect(sniffFileType(Buffer.from("GIF89a"))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});
