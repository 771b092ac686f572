import "@thads/test-support/provided";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAppSql, createOwnerSql } from "@thads/db";
import {
  ACCOUNT_BACKOFF_AFTER,
  ACCOUNT_BACKOFF_MAX_SECONDS,
  MAX_FAILURES_PER_CLIENT,
  MAX_FAILURES_PER_PAIR,
  SESSION_TOUCH_SECONDS,
} from "../src/policy.ts";
import { verifyPassword } from "../src/password.ts";
import { createSession, resolveSession, revokeAllSessions, revokeSession, hashToken, withSessionUser } from "../src/sessions.ts";
import { isLockedOut, recordAttempt, throttleState } from "../src/throttle.ts";
import { throttledSignIn } from "../src/sign-in.ts";

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
  it("accepts a hash as Supabase Auth writes it ($2a$) as well as bcryptjs's ($2b$)", async () => {
    const id = randomUUID();
    const address = `gotrue.${id.slice(0, 6)}@thads.vn`;
    const hash2a = bcrypt.hashSync("Mật-khẩu-GoTrue-1", 4).replace(/^\$2b\$/, "$2a$");
    expect(hash2a.startsWith("$2a$")).toBe(true);
    await owner`insert into auth.users (id, email, encrypted_password) values (${id}, ${address}, ${hash2a})`;
    expect(await verifyPassword(app, address, "Mật-khẩu-GoTrue-1")).toEqual({ userId: id });
    expect(await verifyPassword(app, address, "Mật-khẩu-GoTrue-2")).toBeNull();
  });
  it("refuses a user without a password (invited, or signed up through another provider)", async () => {
    const id = randomUUID();
    await owner`insert into auth.users (id, email, encrypted_password) values (${id}, ${`nopw.${id.slice(0, 6)}@thads.vn`}, ${""})`;
    expect(await verifyPassword(app, `nopw.${id.slice(0, 6)}@thads.vn`, "")).toBeNull();
    expect(await verifyPassword(app, `nopw.${id.slice(0, 6)}@thads.vn`, "x")).toBeNull();
  });
  it("records the sign-in time on auth.users", async () => {
    await owner`update auth.users set last_sign_in_at = null where id = ${userId}`;
    expect(await verifyPassword(app, email, "Đúng-mật-khẩu-1")).toEqual({ userId });
    const [row] = await owner<
      { recent: boolean }[]
    >`select last_sign_in_at > now() - interval '1 minute' as recent from auth.users where id = ${userId}`;
    expect(row?.recent).toBe(true);
  });
});

describe("auth.users is read only through definer functions (as on a Supabase project, where the app may not read schema auth)", () => {
  it("no role the app switches to holds a privilege on any column of auth.users, and auth_service none on schema auth", async () => {
    const rows = await owner<{ role: string; usage: boolean; read: boolean; write: boolean }[]>`
      select r.rolname as role,
             has_schema_privilege(r.rolname, 'auth', 'usage') and r.rolname = 'auth_service' as usage,
             has_any_column_privilege(r.rolname, 'auth.users', 'select') as read,
             has_any_column_privilege(r.rolname, 'auth.users', 'update') as write
      from pg_roles r where r.rolname in ('anon', 'authenticated', 'auth_service', 'case_writer')
      order by 1`;
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toEqual({ role: r.role, usage: false, read: false, write: false });
  });
  it("the functions auth_service calls are security definer, owned by the migration owner, with an empty search_path, and never return the hash", async () => {
    const fns = await owner<
      { name: string; secdef: boolean; config: string[] | null; result: string; owner: string; executors: string[] }[]
    >`
      select p.proname as name, p.prosecdef as secdef, p.proconfig as config,
             pg_get_function_result(p.oid) as result, pg_get_userbyid(p.proowner) as owner,
             array(select r.rolname::text from pg_roles r where has_function_privilege(r.oid, p.oid, 'execute')
                     and r.rolname in ('anon', 'authenticated', 'auth_service', 'case_writer', 'service_role') order by 1) as executors
      from pg_proc p where p.pronamespace = 'app_private'::regnamespace
        and p.proname in ('auth_user_email', 'check_password') order by 1`;
    expect(fns.map((f) => f.name)).toEqual(["auth_user_email", "check_password"]);
    const [me] = await owner<{ migrator: string }[]>`select current_user as migrator`;
    for (const f of fns) {
      expect(f.secdef, f.name).toBe(true);
      expect(f.config, f.name).toContain('search_path=""');
      expect(f.owner, f.name).toBe(me?.migrator);
      expect(f.executors, f.name).toEqual(["auth_service"]);
      expect(f.result, f.name).not.toMatch(/password|record|setof/i);
    }
  });
  it("the session check works with auth_service's schema privileges as Supabase leaves them (none on auth)", async () => {
    const { token } = await createSession(app, { userId });
    const [auth] = await owner<{ usage: boolean }[]>`select has_schema_privilege('auth_service', 'auth', 'usage') as usage`;
    expect(auth?.usage).toBe(false);
    expect(await resolveSession(app, token)).toMatchObject({ userId, email });
    await owner`update auth.users set banned_until = now() + interval '1 hour' where id = ${userId}`;
    try {
      expect(await resolveSession(app, token)).toBeNull();
    } finally {
      await owner`update auth.users set banned_until = null where id = ${userId}`;
    }
  });
});

describe("throttling", () => {
  const tag = userId.slice(0, 4);
  /** One sign-in as the page does it: throttle, embedded password check, record. */
  async function attempt(address: string, password: string, client: string): Promise<"ok" | "invalid" | "locked" | "unavailable"> {
    const outcome = await throttledSignIn(app, { email: address, password, client }, async (e, p) => {
      const user = await verifyPassword(app, e, p);
      return user ? { ok: true, userId: user.userId } : { ok: false, reason: "invalid" };
    });
    return outcome.ok ? "ok" : outcome.reason;
  }

  it("an attacker hammering from one address does not lock the owner out from another", async () => {
    const responses: string[] = [];
    for (let i = 0; i < 10; i++) responses.push(await attempt(email, "sai-mat-khau", "203.0.113.7"));
    expect(responses.slice(0, 5)).toEqual(Array(5).fill("invalid"));
    expect(responses.slice(5)).toEqual(Array(5).fill("locked"));
    // The same pair stays blocked, even with the right password.
    expect(await attempt(email, "Đúng-mật-khẩu-1", "203.0.113.7")).toBe("locked");
    // The owner, elsewhere, signs in.
    expect(await attempt(email, "Đúng-mật-khẩu-1", "198.51.100.20")).toBe("ok");
  });

  it("an unknown e-mail gets exactly the answers a known one gets", async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    const ghost = `nobody.${tag}@thads.vn`;
    for (let i = 0; i < 8; i++) {
      known.push(await attempt(email, `sai-${i}`, "203.0.113.8"));
      unknown.push(await attempt(ghost, `sai-${i}`, "203.0.113.9"));
    }
    expect(unknown).toEqual(known);
    expect(known).toContain("locked");
    expect(await attempt(ghost, "sai", "198.51.100.21")).toBe(await attempt(email, "sai", "198.51.100.22"));
  });

  it(`blocks an (e-mail, address) pair after ${MAX_FAILURES_PER_PAIR} failures, and only that pair`, async () => {
    const address = `pair.${tag}@thads.vn`;
    for (let i = 0; i < MAX_FAILURES_PER_PAIR - 1; i++) await recordAttempt(app, address, "10.0.0.1", false);
    expect(await isLockedOut(app, address, "10.0.0.1")).toBe(false);
    await recordAttempt(app, address, "10.0.0.1", false);
    expect(await isLockedOut(app, address, "10.0.0.1")).toBe(true);
    expect(await isLockedOut(app, address, "10.0.0.2")).toBe(false);
    expect(await isLockedOut(app, `other.${tag}@thads.vn`, "10.0.0.1")).toBe(false);
  });

  it(`blocks an address trying many accounts after ${MAX_FAILURES_PER_CLIENT} failures (credential stuffing)`, async () => {
    const client = "10.0.9.9";
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) await recordAttempt(app, `stuffed.${i}.${tag}@thads.vn`, client, false);
    expect(await isLockedOut(app, `fresh.${tag}@thads.vn`, client)).toBe(true);
    expect(await isLockedOut(app, `fresh.${tag}@thads.vn`, "10.0.9.10")).toBe(false);
  });

  it("an account attacked from many addresses slows down, with a cool-down that grows but stays short", async () => {
    const address = `spread.${tag}@thads.vn`;
    // Below the account threshold nothing is blocked from a new address.
    for (let i = 0; i < ACCOUNT_BACKOFF_AFTER - 1; i++) await recordAttempt(app, address, `10.1.${i}.1`, false);
    expect(await isLockedOut(app, address, "10.2.0.1")).toBe(false);
    await recordAttempt(app, address, "10.1.250.1", false);
    // At the threshold: a cool-down since the last failure, from every address.
    expect(await isLockedOut(app, address, "10.2.0.1")).toBe(true);
    const first = await throttleState(app, address, "10.2.0.1");
    expect(first.allowed).toBe(false);
    await recordAttempt(app, address, "10.1.251.1", false);
    const second = await throttleState(app, address, "10.2.0.1");
    expect(second.allowed ? 0 : second.retryAfterSeconds).toBeGreaterThan(first.allowed ? 0 : first.retryAfterSeconds);
    // Never a long lock: once the longest cool-down has passed since the last failure, it may try again.
    await owner`update app_private.login_attempts set at = at - make_interval(secs => ${ACCOUNT_BACKOFF_MAX_SECONDS + 1})
                where key = ${`email:${address}`}`;
    expect(await isLockedOut(app, address, "10.2.0.1")).toBe(false);
  });

  it("old failures expire", async () => {
    const address = `old.${tag}@thads.vn`;
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) await recordAttempt(app, address, "10.0.0.3", false);
    expect(await isLockedOut(app, address, "10.0.0.3")).toBe(true);
    await owner`update app_private.login_attempts set at = now() - interval '16 minutes' where key like ${`%${address}%`} or key = 'client:10.0.0.3'`;
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
  it("writes its last use at most once a minute: a request within it reads and writes nothing", async () => {
    const { token, sessionId } = await createSession(app, { userId });
    const ageSeconds = async () =>
      Number(
        (
          await owner<
            { age: number }[]
          >`select extract(epoch from now() - last_seen_at)::float8 as age from app_private.sessions where id = ${sessionId}`
        )[0]!.age,
      );
    await owner`update app_private.sessions set last_seen_at = now() - make_interval(secs => ${SESSION_TOUCH_SECONDS - 20}) where id = ${sessionId}`;
    expect(await resolveSession(app, token)).toMatchObject({ id: sessionId });
    expect(await ageSeconds()).toBeGreaterThanOrEqual(SESSION_TOUCH_SECONDS - 20);
    await owner`update app_private.sessions set last_seen_at = now() - make_interval(secs => ${SESSION_TOUCH_SECONDS + 20}) where id = ${sessionId}`;
    expect(await resolveSession(app, token)).toMatchObject({ id: sessionId });
    expect(await ageSeconds()).toBeLessThan(5);
  });
  it("expires 12 hours after sign-in however active", async () => {
    const { token, sessionId } = await createSession(app, { userId });
    const [row] = await owner<
      { hours: number }[]
    >`select extract(epoch from expires_at - created_at) / 3600 as hours from app_private.sessions where id = ${sessionId}`;
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
  it("a request learns its session and reads as its user in one transaction: the user's claims, not auth_service's rights", async () => {
    const { token, sessionId } = await createSession(app, { userId });
    const found = await withSessionUser(app, token, async (tx) => {
      const [who] = await tx<{ role: string; sub: string | null; sessions: boolean }[]>`
        select current_setting('role') as role, auth.uid()::text as sub,
               has_table_privilege('app_private.sessions', 'select') as sessions`;
      return who!;
    });
    expect(found).toMatchObject({
      session: { id: sessionId, userId, email },
      claims: { sub: userId, role: "authenticated", session_id: sessionId },
    });
    expect(found!.value).toEqual({ role: "authenticated", sub: userId, sessions: false });
    // A token that resolves to nothing reads nothing.
    let ran = false;
    await revokeSession(app, token);
    expect(
      await withSessionUser(app, token, async () => {
        ran = true;
      }),
    ).toBeNull();
    expect(await withSessionUser(app, "x".repeat(500), async () => "never")).toBeNull();
    expect(ran).toBe(false);
  });
  it("garbage tokens resolve to nothing", async () => {
    expect(await resolveSession(app, "")).toBeNull();
    expect(await resolveSession(app, "x".repeat(500))).toBeNull();
    expect(await resolveSession(app, "not-a-session")).toBeNull();
  });
});
