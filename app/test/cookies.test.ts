import { afterEach, describe, expect, it } from "vitest";
import { readCookie, serializeCookie } from "../app/utils/cookies.server.ts";

const req = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });

afterEach(() => {
  for (const k of ["httpOnly", "maxAge"]) delete (Object.prototype as Record<string, unknown>)[k];
});

describe("cookies", () => {
  it("a malformed cookie reads as absent, never throws", () => {
    for (const bad of ["thads_lang=%E0%A4%A", "thads_lang=%", "thads_lang=%ZZ"]) {
      expect(() => readCookie(req(bad), "thads_lang")).not.toThrow();
      expect(readCookie(req(bad), "thads_lang")).toBeNull();
    }
    expect(readCookie(req("a=1; thads_lang=en"), "thads_lang")).toBe("en");
  });
  it("cookie options are read as own keys only", () => {
    (Object.prototype as Record<string, unknown>).httpOnly = false;
    (Object.prototype as Record<string, unknown>).maxAge = 999999999;
    const c = serializeCookie("thads_session", "t");
    expect(c).toContain("HttpOnly");
    expect(c).not.toContain("Max-Age");
  });
});
