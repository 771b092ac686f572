import { describe, expect, it } from "vitest";
import { describeErrorForLog, maskContact, redactForLog } from "../src/redact.ts";
import { formatTrackingCode, isTrackingCode, newTrackingCode } from "../src/requests/tracking.ts";

describe("log redaction", () => {
  it("masks a phone, an ID number and an e-mail but keeps a hint", () => {
    expect(maskContact("0912345678")).toBe("********78");
    expect(maskContact("nguyen.van.a@example.vn")).toBe("n***@example.vn");
    expect(maskContact(null)).toBe("");
  });
  it("hides tracking codes, long numbers, e-mails and URL passwords in free text", () => {
    const text =
      "Mã 7K3M-9QXW-A2BC-5 (7K3M9QXWA2BC5) cho 0912 345 678, CCCD 001203004567, a.b@x.vn, postgres://postgres:s3cr3t@db:5432/postgres";
    const out = redactForLog(text);
    for (const secret of ["7K3M-9QXW-A2BC-5", "7K3M9QXWA2BC5", "0912 345 678", "001203004567", "a.b@x.vn", "s3cr3t"])
      expect(out).not.toContain(secret);
    expect(out).toContain("postgres://postgres:***@db:5432/postgres");
  });
  it("hides a tracking code whatever its check symbol, before a full stop, a colon, a space or the end", () => {
    // New codes end in one of the 32 letters and digits; draw until each has been seen.
    const seen = new Map<string, string>();
    for (let i = 0; i < 100_000 && seen.size < 32; i++) {
      const code = newTrackingCode();
      seen.set(code.at(-1)!, code);
    }
    expect(seen.size).toBe(32);
    expect([...seen.keys()].some((c) => "*~$=U".includes(c))).toBe(false);
    // Codes issued earlier may end in *, ~, $, = or U: build one of each by varying the last two body symbols.
    const body = seen.values().next().value!.slice(0, 10);
    const symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (const a of symbols) {
      for (const b of symbols) {
        for (const check of "*~$=U") {
          const legacy = `${body}${a}${b}${check}`;
          if (isTrackingCode(legacy)) seen.set(check, legacy);
        }
      }
    }
    expect(seen.size).toBe(37);
    for (const code of seen.values()) {
      expect(isTrackingCode(code)).toBe(true);
      for (const shown of [code, formatTrackingCode(code)]) {
        for (const text of [`Mã tra cứu: ${shown}.`, `Mã ${shown}: đã tiếp nhận`, `${shown} `, shown]) {
          expect(redactForLog(text), text).not.toContain(shown);
        }
      }
    }
  });
  it("an error keeps its name, code and masked message, never its detail", () => {
    const e = Object.assign(new Error("duplicate key 001203004567"), {
      code: "23505",
      detail: "Key (id_number)=(001203004567) already exists.",
    });
    const out = describeErrorForLog(e);
    expect(out).toMatch(/^Error \[23505\]: duplicate key \*+67$/);
    expect(out).not.toContain("001203004567");
  });
});
