import { describe, expect, it } from "vitest";
import { describeErrorForLog, maskContact, redactForLog } from "../src/redact.ts";

describe("log redaction", () => {
  it("masks a phone, an ID number and an e-mail but keeps a hint", () => {
    expect(maskContact("0912345678")).toBe("********78");
    expect(maskContact("nguyen.van.a@example.vn")).toBe("n***@example.vn");
    expect(maskContact(null)).toBe("");
  });
  it("hides tracking codes, long numbers, e-mails and URL passwords in free text", () => {
    const text = "Mã 7K3M-9QXW-A2BC-5 (7K3M9QXWA2BC5) cho 0912 345 678, CCCD 001203004567, a.b@x.vn, postgres://postgres:s3cr3t@db:5432/postgres";
    const out = redactForLog(text);
    for (const secret of ["7K3M-9QXW-A2BC-5", "7K3M9QXWA2BC5", "0912 345 678", "001203004567", "a.b@x.vn", "s3cr3t"]) expect(out).not.toContain(secret);
    expect(out).toContain("postgres://postgres:***@db:5432/postgres");
  });
  it("an error keeps its name, code and masked message, never its detail", () => {
    const e = Object.assign(new Error("duplicate key 001203004567"), { code: "23505", detail: "Key (id_number)=(001203004567) already exists." });
    const out = describeErrorForLog(e);
    expect(out).toMatch(/^Error \[23505\]: duplicate key \*+67$/);
    expect(out).not.toContain("001203004567");
  });
});
