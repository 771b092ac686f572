import { describe, expect, it } from "vitest";
import { t } from "../app/i18n.ts";
import { LoginSchema, loginFieldErrors } from "../app/routes/auth/login-schema.ts";
import { safeRedirect } from "../app/utils/redirect.ts";
import { STEP_KINDS } from "@thads/core/cases/steps-schema";
import { STEP_LABELS } from "../app/labels.ts";

describe("sign-in form schema", () => {
  it("accepts a normal sign-in and trims the e-mail", () => {
    const r = LoginSchema.safeParse({ email: "  hai-phong.head@demo.thads.vn ", password: "x" });
    expect(r.success && r.data.email).toBe("hai-phong.head@demo.thads.vn");
  });
  it("names the field in Vietnamese for each problem", () => {
    const cases: [unknown, string][] = [
      [{ email: "", password: "x" }, "Thư điện tử: bắt buộc nhập."],
      [{ email: "khong-phai-email", password: "x" }, "Thư điện tử: định dạng không hợp lệ (ví dụ: ten@thads.gov.vn)."],
      [{ email: `${"a".repeat(250)}@b.vn`, password: "x" }, "Thư điện tử: tối đa 254 ký tự."],
    ];
    for (const [input, message] of cases) {
      const r = LoginSchema.safeParse(input);
      expect(r.success).toBe(false);
      if (!r.success) expect(t("vi", loginFieldErrors(r.error).email!)).toBe(message);
    }
    const noPassword = LoginSchema.safeParse({ email: "a@b.vn", password: "" });
    expect(!noPassword.success && t("vi", loginFieldErrors(noPassword.error).password!)).toBe("Mật khẩu: bắt buộc nhập.");
    const long = LoginSchema.safeParse({ email: "a@b.vn", password: "x".repeat(201) });
    expect(!long.success && t("en", loginFieldErrors(long.error).password!)).toBe("Password: at most 200 characters.");
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths only", () => {
    expect(safeRedirect("/unit/P-HAI-PHONG-KV01")).toBe("/unit/P-HAI-PHONG-KV01");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null, "/login")).toBe("/login");
  });
  it("refuses anything a browser could read as another origin or a header break", () => {
    const offsite = [
      "/\t/evil.example",
      "/\t\t/evil.example",
      "\t//evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "/cases\r\nSet-Cookie: x=1",
      "/cases\nLocation: https://evil.example",
      "/\\evil.example",
      "/a\\b",
      "/\u0000/evil.example",
      "/cases\u0000",
      "/cases\u001f",
      "/cases\u007f",
      "/cases\u0085",
      "/cases\u009f",
      "/cases\u2028",
      "/cases\u2029",
      "//evil.example",
      "///evil.example",
      " /cases",
      "javascript:alert(1)",
      "/javascript:alert(1)".slice(1),
      "http:/evil.example",
      "cases",
      "",
      `/${"a".repeat(600)}`,
    ];
    for (const to of offsite) expect(safeRedirect(to, "/fallback"), JSON.stringify(to)).toBe("/fallback");
  });
  it("keeps plain paths with their query and fragment", () => {
    for (const to of [
      "/",
      "/cases?q=Nguy%E1%BB%85n&page=2",
      "/p/hai-phong/track#ket-qua",
      "/cases/new?fromRequest=0b8c1d7e-1f2a-4b3c-8d4e-5f6a7b8c9d0e",
    ]) {
      expect(safeRedirect(to)).toBe(to);
    }
  });
});

describe("case step labels", () => {
  it("name every step the case page can offer, in both languages", () => {
    for (const kind of STEP_KINDS) {
      expect(STEP_LABELS[kind]?.vi, kind).toBeTruthy();
      expect(STEP_LABELS[kind]?.en, kind).toBeTruthy();
    }
    expect(STEP_LABELS.register_transfer?.vi).toBe("Chuyển sổ theo dõi riêng");
    expect(STEP_LABELS.request_returned?.vi).toBe("Gửi lại yêu cầu thi hành án");
  });
});
