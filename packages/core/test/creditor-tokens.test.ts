import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { newApiToken, resolveApiToken } from "@thads/auth";
import { withClaims } from "@thads/db";
import { addCalendarDays } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { CreateTokenSchema, createApiToken, listApiTokens, revokeApiToken } from "../src/creditors/index.ts";

const ctx = useTenantFixture();
const TODAY = "2026-12-06";
let citizen = "";

const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);
const form = (over: Record<string, unknown> = {}) =>
  CreateTokenSchema.parse({ intent: "create", name: "Hệ thống thu hồi nợ", scopes: ["cases:read"], ...over });
const create = (userId: string, over: Record<string, unknown> = {}, today = TODAY) => {
  const secret = newApiToken();
  return as(userId, (tx) => createApiToken(tx, { ...form(over), hash: secret.hash, prefix: secret.prefix }, today)).then((r) => ({
    r,
    secret,
  }));
};
const count = async (userId: string) =>
  Number((await ctx.owner<{ n: bigint }[]>`select count(*) as n from public.api_tokens where account_id = ${userId}`)[0]!.n);

beforeAll(async () => {
  // The fixture's creditor is a bank, linked as an organisation; a second creditor is a person.
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${ctx.fx.users.creditor!}, ${`01${Date.now().toString().slice(-8)}`}, 'organization', 'verified_channel')`;
  citizen = randomUUID();
  await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role)
                  values (${citizen}, ${`citizen.${ctx.fx.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
  await ctx.owner`insert into public.profiles (id, full_name, email, creditor_kind) values (${citizen}, 'Trần Văn B', 'b@test.vn', 'citizen')`;
  await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${citizen}, null, 'creditor')`;
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${citizen}, ${`02${Date.now().toString().slice(-8)}`}, 'person', 'verified_channel')`;
});

describe("a creditor organisation's API tokens", () => {
  it("are created with a secret shown once, resolved to the account and scopes, and refused once revoked", async () => {
    const { r, secret } = await create(ctx.fx.users.creditor!);
    expect(r).toMatchObject({ ok: true, expiresOn: addCalendarDays(TODAY, 90) });
    // Only the hash is stored, with a prefix to recognise it.
    const [row] = await ctx.owner<
      { token_hash: string; prefix: string }[]
    >`select token_hash, prefix from public.api_tokens where id = ${r.ok ? r.id : ""}`;
    expect(row!.token_hash).toBe(secret.hash);
    expect(row!.token_hash).not.toContain(secret.token);
    expect(row!.prefix).toBe(secret.token.slice(0, 16).replace(/-/g, "_"));

    const resolved = await resolveApiToken(ctx.app, secret.token);
    expect(resolved).toMatchObject({ ok: true, accountId: ctx.fx.users.creditor, scopes: ["cases:read"] });
    const listed = await as(ctx.fx.users.creditor!, (tx) => listApiTokens(tx));
    expect(listed.find((t) => t.id === (r.ok ? r.id : ""))?.last_used_at).not.toBeNull();

    expect((await as(ctx.fx.users.creditor!, (tx) => revokeApiToken(tx, r.ok ? r.id : ""))).ok).toBe(true);
    expect(await resolveApiToken(ctx.app, secret.token)).toEqual({ ok: false, reason: "invalid" });
    // A wrong or malformed token is no caller either.
    expect(await resolveApiToken(ctx.app, `${secret.token.slice(0, -1)}x`)).toEqual({ ok: false, reason: "invalid" });
    expect(await resolveApiToken(ctx.app, "thads_pat_short")).toEqual({ ok: false, reason: "invalid" });
  });

  it("are limited per minute, in the database", async () => {
    // The limit is the account's: the uses of its earlier tokens in this minute are forgotten first.
    await ctx.owner`update public.api_tokens set window_started_at = null, window_count = 0 where account_id = ${ctx.fx.users.creditor!}`;
    const { secret } = await create(ctx.fx.users.creditor!);
    for (let i = 0; i < 3; i++) expect((await resolveApiToken(ctx.app, secret.token, 3)).ok).toBe(true);
    expect(await resolveApiToken(ctx.app, secret.token, 3)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("expire at the end of their last day", async () => {
    const { r, secret } = await create(ctx.fx.users.creditor!);
    await ctx.owner`update public.api_tokens set created_at = now() - interval '10 days', expires_at = now() - interval '1 second' where id = ${r.ok ? r.id : ""}`;
    expect(await resolveApiToken(ctx.app, secret.token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse bad input naming the field, a person's account and another account's token, writing nothing", async () => {
    const before = await count(ctx.fx.users.creditor!);
    expect(CreateTokenSchema.safeParse({ intent: "create", name: "", scopes: [] }).error?.issues.map((i) => i.path[0])).toEqual([
      "name",
      "scopes",
    ]);
    expect(CreateTokenSchema.safeParse({ intent: "create", name: "A", scopes: ["cases:write"] }).success).toBe(false);
    expect((await create(ctx.fx.users.creditor!, { expiresOn: "06/12/2026" })).r).toMatchObject({ ok: false, field: "expiresOn" });
    expect((await create(ctx.fx.users.creditor!, { expiresOn: "07/12/2027" })).r).toMatchObject({ ok: false, field: "expiresOn" });
    expect(await count(ctx.fx.users.creditor!)).toBe(before);

    expect((await create(citizen)).r).toMatchObject({ ok: false, status: 403 });
    expect(await count(citizen)).toBe(0);

    const { r } = await create(ctx.fx.users.creditor!);
    expect(await as(citizen, (tx) => revokeApiToken(tx, r.ok ? r.id : ""))).toMatchObject({ ok: false, status: 404 });
    const [row] = await ctx.owner<{ revoked_at: Date | null }[]>`select revoked_at from public.api_tokens where id = ${r.ok ? r.id : ""}`;
    expect(row!.revoked_at).toBeNull();
  });

  it("stand at most twenty at once for an account", async () => {
    // The day's earlier tokens made two days ago: only the live count is at stake here.
    await ctx.owner`update public.api_tokens set created_at = created_at - interval '2 days' where account_id = ${ctx.fx.users.creditor!}`;
    const live = await ctx.owner<{ n: bigint }[]>`
      select count(*) as n from public.api_tokens where account_id = ${ctx.fx.users.creditor!} and revoked_at is null and expires_at > now()`;
    for (let i = Number(live[0]!.n); i < 20; i++) expect((await create(ctx.fx.users.creditor!)).r.ok).toBe(true);
    expect((await create(ctx.fx.users.creditor!)).r).toMatchObject({ ok: false, field: "name" });
  });
});

describe("API tokens, hardened", () => {
  /** The account's earlier tokens out of the way: revoked, and made two days ago. */
  const reset = () =>
    ctx.owner`update public.api_tokens set revoked_at = coalesce(revoked_at, now()), created_at = created_at - interval '2 days',
                                           window_started_at = null, window_count = 0
               where account_id = ${ctx.fx.users.creditor!}`;

  it("are made at most twenty a day, revoked ones included", async () => {
    await reset();
    for (let i = 0; i < 20; i++) {
      const { r } = await create(ctx.fx.users.creditor!);
      expect(r.ok).toBe(true);
      if (r.ok) await as(ctx.fx.users.creditor!, (tx) => revokeApiToken(tx, r.id));
    }
    const refused = (await create(ctx.fx.users.creditor!)).r;
    expect(refused).toMatchObject({ ok: false, field: "name" });
    expect(refused.ok ? "" : refused.message).toMatch(/24 giờ/);
  });

  it("count every token of the account against the one limit", async () => {
    await reset();
    const a = await create(ctx.fx.users.creditor!);
    const b = await create(ctx.fx.users.creditor!);
    expect((await resolveApiToken(ctx.app, a.secret.token, 3)).ok).toBe(true);
    expect((await resolveApiToken(ctx.app, b.secret.token, 3)).ok).toBe(true);
    expect((await resolveApiToken(ctx.app, a.secret.token, 3)).ok).toBe(true);
    expect(await resolveApiToken(ctx.app, b.secret.token, 3)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("stop working when the account is no longer a linked organisation or gains a staff role, and are never created by a staff account", async () => {
    const user = randomUUID();
    const number = `04${Date.now().toString().slice(-8)}`;
    await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role)
                    values (${user}, ${`org.${ctx.fx.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
    await ctx.owner`insert into public.profiles (id, full_name, email, creditor_kind) values (${user}, 'Công ty C', 'c@test.vn', 'company')`;
    await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${user}, null, 'creditor')`;
    const [link] = await ctx.owner<{ id: string }[]>`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                    values (${user}, ${number}, 'organization', 'verified_channel') returning id`;
    const first = await create(user);
    expect(first.r.ok).toBe(true);
    expect((await resolveApiToken(ctx.app, first.secret.token)).ok).toBe(true);
    // A staff role too: the token reads nothing, and no new one is made.
    await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${user}, ${ctx.fx.units.a1}, 'clerk')`;
    expect(await resolveApiToken(ctx.app, first.secret.token)).toEqual({ ok: false, reason: "invalid" });
    expect((await create(user)).r).toMatchObject({ ok: false, status: 403 });
    await ctx.owner`delete from public.memberships where user_id = ${user} and role = 'clerk'`;
    expect((await resolveApiToken(ctx.app, first.secret.token)).ok).toBe(true);
    // Its organisation link revoked: the token stops.
    await ctx.owner`update public.creditor_links set revoked_at = now(), revoked_by = ${ctx.fx.users.clerk!}, revoke_reason = 'Hết ủy quyền' where id = ${link!.id}`;
    expect(await resolveApiToken(ctx.app, first.secret.token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("are revoked at the time of the revocation, whatever time the client sends", async () => {
    await reset();
    const { r } = await create(ctx.fx.users.creditor!);
    const id = r.ok ? r.id : "";
    await as(ctx.fx.users.creditor!, (tx) => tx`update public.api_tokens set revoked_at = '2099-01-01' where id = ${id}`);
    const [row] = await ctx.owner<
      { late: boolean }[]
    >`select revoked_at > now() + interval '1 minute' as late from public.api_tokens where id = ${id}`;
    expect(row!.late).toBe(false);
  });
});
