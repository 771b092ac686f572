/**
 * Sign-in through Supabase Auth, against a local server that answers as
 * Supabase Auth (GoTrue) documents: POST /auth/v1/token?grant_type=password.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithSupabase } from "../src/supabase.ts";

const USER_ID = "6f1d1d2e-8a0b-4a39-9d4e-2f6f3b9c1a11";
let server: http.Server;
let url = "";
const seen: { path: string; apikey: string | undefined; body: unknown }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parsed = JSON.parse(body || "{}") as { email?: string; password?: string };
      seen.push({ path: req.url ?? "", apikey: req.headers.apikey as string | undefined, body: parsed });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (!req.url?.startsWith("/auth/v1/token?grant_type=password")) return send(404, { code: 404, msg: "not found" });
      if (parsed.email === "ratelimited@thads.vn")
        return send(429, { code: 429, error_code: "over_request_rate_limit", msg: "Request rate limit reached" });
      if (parsed.email === "broken@thads.vn") return send(500, { code: 500, error_code: "unexpected_failure", msg: "Internal error" });
      if (parsed.email !== "officer@thads.vn" || parsed.password !== "Đúng-mật-khẩu")
        return send(400, { code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" });
      const now = Math.floor(Date.now() / 1000);
      return send(200, {
        access_token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2ZjFkMWQyZSJ9.sig",
        token_type: "bearer",
        expires_in: 3600,
        expires_at: now + 3600,
        refresh_token: "r3fr3sh",
        user: {
          id: USER_ID,
          aud: "authenticated",
          role: "authenticated",
          email: "officer@thads.vn",
          email_confirmed_at: new Date().toISOString(),
          app_metadata: { provider: "email", providers: ["email"] },
          user_metadata: {},
          identities: [],
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = () => ({ url, anonKey: "anon-key-for-tests-0123456789" });

describe("Supabase Auth sign-in", () => {
  it("returns the verified user id on success, sending the anon key", async () => {
    const result = await signInWithSupabase(config(), "officer@thads.vn", "Đúng-mật-khẩu");
    expect(result).toMatchObject({ ok: true, userId: USER_ID, email: "officer@thads.vn" });
    expect(seen.at(-1)).toMatchObject({ apikey: "anon-key-for-tests-0123456789", body: { email: "officer@thads.vn" } });
  });
  it("maps invalid_credentials (400) to a plain refusal", async () => {
    expect(await signInWithSupabase(config(), "officer@thads.vn", "sai")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await signInWithSupabase(config(), "khong-co@thads.vn", "x")).toEqual({ ok: false, reason: "invalid_credentials" });
  });
  it("maps 429 to rate_limited and 5xx or no answer to unavailable", async () => {
    expect(await signInWithSupabase(config(), "ratelimited@thads.vn", "x")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await signInWithSupabase(config(), "broken@thads.vn", "x")).toEqual({ ok: false, reason: "unavailable" });
    expect(await signInWithSupabase({ url: "http://127.0.0.1:1", anonKey: "k".repeat(30) }, "a@b.vn", "x")).toEqual({
      ok: false,
      reason: "unavailable",
    });
  });
});
