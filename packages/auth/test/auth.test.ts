import "../../db/test/provided.ts";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAppSql, createOwnerSql } from "@thads/db";
import { MAX_FAILURES_PER_EMAIL } from "../src/policy.ts";
import { verifyPassword } from "../src/password.ts";
import { createSession, resolveSession, revokeAllSessions, revokeSession, hashToken } from "../src/sessions.ts";
import { isLockedOut, recordAttempt } from "../src/throttle.ts";

const owner = createOwnerSql(inject("ownerUrl"), { max: 1 });
const app = createAppSql(inject("appUrl"), { max: 2 });
const userId = randomUUID();
const email = `officer.${userId.slice(0, 6)}@thads.vn`;

beforeAll(async () => {
  await owner`insert into auth.users (id, email, encrypted_password, aud, role)
              values (${userId}, ${email}, ${bcrypt.hashSync("Đúng-mật-khẩu-1", 10)}, 'authenticated', 'authenticated')`;
});
afterAll(async () => {
  await owner.end();
  await app.end();
});

describe("password sign-in against auth.users (bcrypt, as Supabase Auth stores it)", () => {
  it("accepts the right password, case-insensitively on the e-mail", async () => {
    expect(await verifyPassword(app, email.toUpperCase(), "Đúng-mật-khẩu-1")).toEqual({ userId });
  });
  it("refuses a wrong password and an unknown e-mail alike", async () => {
    expect(await verifyPassword(app, email, "sai")).toBeNull();
    expect(await verifyPassword(app, "khong-co@thads.vn", "Đúng-mật-khẩu-1")).toBeNull();
  });
  it("refuses a banned user", async () => {
    const id = randomUUID();
    await owner`insert into auth.users (id, email, encrypted_password, banned_until)
                values (${id}, ${`banned.${id.slice(0, 6)}@thads.vn`}, ${bcrypt.hashSync("x", 4)}, now() + interval '1 day')`;
    expect(await verifyPassword(app, `banned.${id.slice(0, 6)}@thads.vn`, "x")).toBeNull();
  });
  it("the app's login reaches auth.users only through auth_service", async () => {
    await expect(app`select encrypted_password from auth.users limit 1`).rejects.toMatchObject({ code: "42501" });
  });
});

describe("throttling", () => {
  it(`locks an e-mail after ${MAX_FAILURES_PER_EMAIL} failures, whether or not it exists`, async () => {
    for (const address of [email, `nobody.${userId.slice(0, 4)}@thads.vn`]) {
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordAttempt(app, address, "10.0.0.1", false);
      expect(await isLockedOut(app, address, "10.0.0.1")).toBe(false);
      await recordAttempt(app, address, "10.0.0.1", false);
      expect(await isLockedOut(app, address, "10.0.0.1")).toBe(true);
    }
  });
  it("a lock on one e-mail does not lock another from another client", async () => {
    expect(await isLockedOut(app, `other.${userId.slice(0, 4)}@thads.vn`, "10.0.0.2")).toBe(false);
  });
  it("old failures expire", async () => {
    const address = `old.${userId.slice(0, 4)}@thads.vn`;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordAttempt(app, address, "10.0.0.3", false);
    expect(await isLockedOut(app, address, "10.0.0.3")).toBe(true);
    await owner`update app_private.login_attempts set at = now() - interval '16 minutes' where key = ${`email:${address}`}`;
    await owner`update app_private.login_attempts set at = now() - interval '16 minutes' where key = 'client:10.0.0.3'`;
    expect(await isLockedOut(app, address, "10.0.0.3")).toBe(false);
  });
});

describe("server-side sessions", () => {
  it("a new session resolves to its user; the token itself is never stored", async () => {
    const { token, sessionId } = await createSession(app, { userId, ip: "127.0.0.1", userAgent: "vitest" });
    const s = await resolveSession(app, token);
    expect(s).toMatchObject({ id: sessionId, userId, email });
    const stored = await owner`select token_hash from app_private.sessions where id = ${sessionId}`;
    expect(stored[0]!.token_hash).toBe(hashToken(token));
    expect(stored[0]!.token_hash).not.toBe(token);
  });
  it("expires after 30 minutes idle", async () => {
    const { token, sessionId } = await createSession(app, { userId });
    await owner`update app_private.sessions set last_seen_at = now() - interval '31 minutes' where id = ${sessionId}`;
    expect(await resolveSession(app, token)).toBeNull();
  });
  it("expires 12 hours after sign-in however active", async () => {
    const { token, sessionId } = await createSession(app, { userId });
    const [row] = await owner<{ hours: number }[]>`select extract(epoch from expires_at - created_at) / 3600 as hours from app_private.sessions where id = ${sessionId}`;
    expect(Number(row!.hours)).toBeCloseTo(12, 3);
    await owner`update app_private.sessions set expires_at = now() - interval '1 second' where id = ${sessionId}`;
    expect(await resolveSession(app, token)).toBeNull();
  });
  it("sign-out revokes the session; revoke-all ends every session of the user", async () => {
    const one = await createSession(app, { userId });
    await revokeSession(app, one.token);
    expect(await resolveSession(app, one.token)).toBeNull();
    const two = await createSession(app, { userId });
    const three = await createSession(app, { userId });
    expect(await revokeAllSessions(app, userId)).toBeGreaterThanOrEqual(2);
    expect(await resolveSession(app, two.token)).toBeNull();
    expect(await resolveSession(app, three.token)).toBeNull();
  });
  it("garbage tokens resolve to nothing", async () => {
    expect(await resolveSession(app, "")).toBeNull();
    expect(await resolveSession(app, "x".repeat(500))).toBeNull();
    expect(await resolveSession(app, "not-a-session")).toBeNull();
  });
});
