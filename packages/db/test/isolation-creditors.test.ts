/**
 * Isolation of the creditors' portal. The fixture's creditor account is linked (verified
 * channel) to an ID number carried by a creditor party of case A (tenant A) and of case B
 * (tenant B); case A2 has another creditor. Both ways: the account reads its own cases in
 * both tenants, its own party rows and the requests filed with its number; it reads no other
 * case, no other party's row (so no other ID number), no case event, obligation, judgment or
 * audit row; a revoked link reads nothing. The links table gets its tier × op × tenant matrix.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { withClaims } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { combinations, probe as probeAs, type Op, type Outcome, type Probe, type Scope, type Tier } from "@thads/test-support/matrix";

const ctx = useTenantFixture();
let checked = 0;
let leaks = 0;
afterAll(() => {
  console.log(`creditor isolation: ${checked} combinations checked, ${leaks} leaks`);
});

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
const code = () =>
  `${randomUUID()
    .replace(/-/g, "")
    .toUpperCase()
    .replace(/[ILOU]/g, "7")
    .slice(0, 12)}0`;

interface Fx {
  idNumber: string;
  otherIdNumber: string;
  other: string; // a second creditor account, linked in tenant B
  links: { a: string; b: string };
  parties: { a: string; b: string; otherCreditor: string; debtorA: string };
  requests: { mineB: string; othersB: string; fromAccount: string; anonymous: string };
  tokens: { mine: string; others: string };
  notifications: { mine: string; others: string };
}
const fx = {} as Fx;

const request = async (unit: string, idNumber: string | null, requester: string | null) => {
  const id = randomUUID();
  await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_id, requester_name,
                                                       requester_id_number, factor_keys)
                  values (${id}, ${unit}, 'enforcement_request', ${code()}, ${randomUUID()}, ${requester}, 'Ngân hàng A',
                          ${idNumber}, ${["0912345678"]})`;
  return id;
};

beforeAll(async () => {
  const { owner } = ctx;
  const f = ctx.fx;
  fx.idNumber = `01${digits(8)}`;
  fx.otherIdNumber = `02${digits(8)}`;
  const party = async (caseId: string, idNumber: string) =>
    (
      await owner<{ id: string }[]>`insert into public.case_parties (case_id, role, kind, full_name, id_number)
                                     values (${caseId}, 'creditor', 'organization', 'Ngân hàng A', ${idNumber}) returning id`
    )[0]!.id;
  fx.parties = {
    a: await party(f.cases.a, fx.idNumber),
    b: await party(f.cases.b, fx.idNumber),
    otherCreditor: await party(f.cases.aUnassigned, fx.otherIdNumber),
    debtorA: f.children.a.party,
  };
  fx.other = randomUUID();
  await owner`insert into auth.users (id, email, encrypted_password, aud, role)
              values (${fx.other}, ${`other.${f.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
  await owner`insert into public.profiles (id, full_name, email, creditor_kind) values (${fx.other}, 'Công ty B', 'b@test.vn', 'company')`;
  await owner`insert into public.memberships (user_id, unit_id, role) values (${fx.other}, null, 'creditor')`;
  const [la] = await owner<{ id: string }[]>`
    insert into public.creditor_links (account_id, id_number, party_kind, channel, unit_id, confirmed_by)
    values (${f.users.creditor!}, ${fx.idNumber}, 'organization', 'desk', ${f.units.a1}, ${f.users.clerk!}) returning id`;
  const [lb] = await owner<{ id: string }[]>`
    insert into public.creditor_links (account_id, id_number, party_kind, channel, unit_id, confirmed_by)
    values (${fx.other}, ${fx.otherIdNumber}, 'organization', 'desk', ${f.units.b1}, ${f.users.clerk_b!}) returning id`;
  fx.links = { a: la!.id, b: lb!.id };
  fx.requests = {
    mineB: await request(f.units.b1, fx.idNumber, null),
    othersB: await request(f.units.b1, fx.otherIdNumber, null),
    fromAccount: await request(f.units.a1, `03${digits(8)}`, fx.other),
    anonymous: await request(f.units.a1, `04${digits(8)}`, null),
  };
  const token = async (account: string) =>
    (
      await owner<{ id: string }[]>`
        insert into public.api_tokens (account_id, name, token_hash, prefix, scopes, expires_at)
        values (${account}, 'Hệ thống ngân hàng', ${randomUUID().replace(/-/g, "").repeat(2)}, 'thads_pat_abcdef', ${["cases:read"]},
                now() + interval '30 days') returning id`
    )[0]!.id;
  fx.tokens = { mine: await token(f.users.creditor!), others: await token(fx.other) };
  const notification = async (account: string, caseId: string) =>
    (
      await owner<{ id: string }[]>`
        insert into public.notifications (account_id, kind, case_id, payload, dedupe_key)
        values (${account}, 'payment', ${caseId}, ${owner.json({ caseNumber: "1", amount: "1000", paidOn: "2026-12-01" })},
                ${`payment:${randomUUID()}`}) returning id`
    )[0]!.id;
  fx.notifications = { mine: await notification(f.users.creditor!, f.cases.a), others: await notification(fx.other, f.cases.b) };
});

const probe = (tier: Tier, fn: Probe) => probeAs(ctx, tier, fn);

/** As a given user (not one of the fixture's tiers), in a rolled-back transaction. */
async function asUserProbe(userId: string, fn: Probe): Promise<Outcome> {
  let outcome: Outcome = "zero_rows";
  await withClaims(ctx.app, { sub: userId, role: "authenticated" }, async (tx) => {
    try {
      outcome = (await fn(tx)).length > 0 ? "allowed" : "zero_rows";
    } catch (e) {
      if ((e as { code?: string }).code === "42501") outcome = "42501";
      else throw e;
    }
    throw Object.assign(new Error("rollback"), { rollback: true });
  }).catch((e: { rollback?: boolean }) => {
    if (!e.rollback) throw e;
  });
  return outcome;
}

/** Who reads a link: its account, the desk that confirmed it (unit office, province staff), a national administrator. */
function expectedLinks(tier: Tier, op: Op, scope: Scope): Outcome {
  if (tier === "anon") return "42501";
  if (op !== "select") return "42501"; // written through confirm_creditor_link / revoke_creditor_link only
  const own = scope === "own";
  const reads =
    tier === "national_admin" || (own && ["province_head", "province_staff", "subunit_head", "clerk", "creditor"].includes(tier));
  return reads ? "allowed" : "zero_rows";
}

function linkOp(op: Op, scope: Scope): Probe {
  const target = scope === "own" ? fx.links.a : fx.links.b;
  if (op === "select") return (tx) => tx`select id from public.creditor_links where id = ${target}`;
  if (op === "insert")
    return (tx) => tx`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                      values (${ctx.fx.users.creditor!}, ${`05${digits(8)}`}, 'person', 'verified_channel') returning id`;
  if (op === "update") return (tx) => tx`update public.creditor_links set revoked_at = now() where id = ${target} returning id`;
  return (tx) => tx`delete from public.creditor_links where id = ${target} returning id`;
}

describe("creditor links matrix", () => {
  it.each(combinations(["creditor_links"] as const))("$tier · $table · $op · $scope", async ({ tier, op, scope }) => {
    const want = expectedLinks(tier, op, scope);
    const got = await probe(tier, linkOp(op, scope));
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });
});

/** API tokens: the account alone reads, creates and revokes its own; nobody deletes one, nobody else sees one. */
function expectedTokens(tier: Tier, op: Op, scope: Scope): Outcome {
  if (tier === "anon" || op === "delete") return "42501";
  if (op === "insert") return tier === "creditor" && scope === "own" ? "allowed" : "42501";
  return tier === "creditor" && scope === "own" ? "allowed" : "zero_rows";
}

function tokenOp(op: Op, scope: Scope): Probe {
  const target = scope === "own" ? fx.tokens.mine : fx.tokens.others;
  const hash = () => randomUUID().replace(/-/g, "").repeat(2);
  if (op === "select") return (tx) => tx`select id from public.api_tokens where id = ${target}`;
  if (op === "insert")
    return scope === "own"
      ? (tx) => tx`insert into public.api_tokens (name, token_hash, prefix, scopes, expires_at)
                    values ('Mới', ${hash()}, 'thads_pat_ghijkl', ${["cases:read"]}, now() + interval '10 days') returning id`
      : (tx) => tx`insert into public.api_tokens (account_id, name, token_hash, prefix, scopes, expires_at)
                    values (${fx.other}, 'Mới', ${hash()}, 'thads_pat_ghijkl', ${["cases:read"]}, now() + interval '10 days') returning id`;
  if (op === "update") return (tx) => tx`update public.api_tokens set revoked_at = now() where id = ${target} returning id`;
  return (tx) => tx`delete from public.api_tokens where id = ${target} returning id`;
}

describe("API tokens matrix", () => {
  it.each(combinations(["api_tokens"] as const))("$tier · $table · $op · $scope", async ({ tier, op, scope }) => {
    const want = expectedTokens(tier, op, scope);
    const got = await probe(tier, tokenOp(op, scope));
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });

  it("keeps the secret's hash from its own account, and a revoked token stays revoked", async () => {
    expect(
      await asUserProbe(ctx.fx.users.creditor!, (tx) => tx`select token_hash from public.api_tokens where id = ${fx.tokens.mine}`),
    ).toBe("42501");
    await ctx.owner`update public.api_tokens set revoked_at = now() where id = ${fx.tokens.others}`;
    const back = asUserProbe(
      fx.other,
      (tx) => tx`update public.api_tokens set revoked_at = null where id = ${fx.tokens.others} returning id`,
    );
    await expect(back).rejects.toMatchObject({ code: "23514" });
  });
});

/** Notifications: the account alone reads its own and marks them read; the database alone writes them; nobody deletes one. */
function expectedNotifications(tier: Tier, op: Op, scope: Scope): Outcome {
  if (tier === "anon" || op === "insert" || op === "delete") return "42501";
  return tier === "creditor" && scope === "own" ? "allowed" : "zero_rows";
}

function notificationOp(op: Op, scope: Scope): Probe {
  const target = scope === "own" ? fx.notifications.mine : fx.notifications.others;
  if (op === "select") return (tx) => tx`select id from public.notifications where id = ${target}`;
  if (op === "insert")
    return (tx) => tx`insert into public.notifications (account_id, kind, case_id, dedupe_key)
                      values (${scope === "own" ? ctx.fx.users.creditor! : fx.other}, 'payment', ${ctx.fx.cases.a}, ${`x:${randomUUID()}`})
                      returning id`;
  if (op === "update") return (tx) => tx`update public.notifications set read_at = now() where id = ${target} returning id`;
  return (tx) => tx`delete from public.notifications where id = ${target} returning id`;
}

describe("notifications matrix", () => {
  it.each(combinations(["notifications"] as const))("$tier · $table · $op · $scope", async ({ tier, op, scope }) => {
    const want = expectedNotifications(tier, op, scope);
    const got = await probe(tier, notificationOp(op, scope));
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });

  it("keeps the outbox's column from the account", async () => {
    expect(
      await asUserProbe(
        ctx.fx.users.creditor!,
        (tx) => tx`select emailed_at from public.notifications where id = ${fx.notifications.mine}`,
      ),
    ).toBe("42501");
    expect(
      await asUserProbe(
        ctx.fx.users.creditor!,
        (tx) => tx`update public.notifications set emailed_at = now() where id = ${fx.notifications.mine} returning id`,
      ),
    ).toBe("42501");
  });
});

describe("a linked creditor reads its own cases across tenants, and nothing else", () => {
  const cases = () => [
    {
      what: "its case in tenant A",
      fn: ((tx: TxSql) => tx`select id from public.cases where id = ${ctx.fx.cases.a}`) as Probe,
      want: "allowed",
    },
    { what: "its case in tenant B", fn: (tx: TxSql) => tx`select id from public.cases where id = ${ctx.fx.cases.b}`, want: "allowed" },
    {
      what: "a case of tenant A where another creditor is the party",
      fn: (tx: TxSql) => tx`select id from public.cases where id = ${ctx.fx.cases.aUnassigned}`,
      want: "zero_rows",
    },
    {
      what: "its party row in tenant B",
      fn: (tx: TxSql) => tx`select id from public.case_parties where id = ${fx.parties.b}`,
      want: "allowed",
    },
    {
      what: "the debtor's party row (another party's ID number)",
      fn: (tx: TxSql) => tx`select id_number from public.case_parties where id = ${fx.parties.debtorA}`,
      want: "zero_rows",
    },
    {
      what: "another creditor's party row",
      fn: (tx: TxSql) => tx`select id_number from public.case_parties where id = ${fx.parties.otherCreditor}`,
      want: "zero_rows",
    },
    {
      what: "the case events of its own case (the staff's ledger and notes)",
      fn: (tx: TxSql) => tx`select id from public.case_events where case_id = ${ctx.fx.cases.a}`,
      want: "zero_rows",
    },
    {
      what: "the obligations of its own case",
      fn: (tx: TxSql) => tx`select id from public.case_obligations where case_id = ${ctx.fx.cases.a}`,
      want: "zero_rows",
    },
    {
      what: "the judgment of its own case",
      fn: (tx: TxSql) => tx`select id from public.judgments where id = ${ctx.fx.children.a.judgment}`,
      want: "zero_rows",
    },
    { what: "the audit trail", fn: (tx: TxSql) => tx`select id from public.audit_log limit 1`, want: "zero_rows" },
    {
      what: "the executor of its case in tenant B",
      fn: (tx: TxSql) => tx`select full_name from public.profiles where id = ${ctx.fx.users.colleague_b!}`,
      want: "allowed",
    },
    {
      what: "the executor of a case that is not its own",
      fn: (tx: TxSql) => tx`select full_name from public.profiles where id = ${ctx.fx.users.colleague_a!}`,
      want: "zero_rows",
    },
    {
      what: "the row (with the filer's contact details) of a request filed anonymously with its ID number in tenant B",
      fn: (tx: TxSql) => tx`select requester_phone from public.service_requests where id = ${fx.requests.mineB}`,
      want: "zero_rows",
    },
    {
      what: "that request's history",
      fn: (tx: TxSql) => tx`select id from public.service_request_events where request_id = ${fx.requests.mineB}`,
      want: "zero_rows",
    },
    {
      what: "that request's code and status in its list of requests",
      fn: async (tx: TxSql) => {
        const [r] = await ctx.owner<
          { code: string }[]
        >`select tracking_code as code from public.service_requests where id = ${fx.requests.mineB}`;
        return tx`select status from public.creditor_requests() where tracking_code = ${r!.code} and not own`;
      },
      want: "allowed",
    },
    {
      what: "a request filed with another creditor's number, in its list of requests",
      fn: async (tx: TxSql) => {
        const [r] = await ctx.owner<
          { code: string }[]
        >`select tracking_code as code from public.service_requests where id = ${fx.requests.othersB}`;
        return tx`select status from public.creditor_requests() where tracking_code = ${r!.code}`;
      },
      want: "zero_rows",
    },
    {
      what: "a request filed with another creditor's number",
      fn: (tx: TxSql) => tx`select id from public.service_requests where id = ${fx.requests.othersB}`,
      want: "zero_rows",
    },
    {
      what: "its case's timeline as a party sees it",
      fn: (tx: TxSql) => tx`select kind from public.creditor_case_timeline(${ctx.fx.cases.b})`,
      want: "allowed",
    },
    {
      what: "the timeline of a case that is not its own",
      fn: (tx: TxSql) => tx`select kind from public.creditor_case_timeline(${ctx.fx.cases.aUnassigned})`,
      want: "zero_rows",
    },
  ];
  it.each(cases().map((c) => ({ what: c.what })))("$what", async ({ what }) => {
    const c = cases().find((x) => x.what === what)!;
    const got = await probe("creditor", c.fn);
    checked++;
    if (got === "allowed" && c.want !== "allowed") leaks++;
    expect(got).toBe(c.want);
  });

  it("lists exactly its two cases, one in each tenant", async () => {
    const rows = await withClaims(
      ctx.app,
      { sub: ctx.fx.users.creditor!, role: "authenticated" },
      (tx) => tx<{ id: string; province_id: string }[]>`select id, province_id from public.cases order by province_id`,
    );
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([ctx.fx.cases.a, ctx.fx.cases.b]));
    expect(new Set(rows.map((r) => r.province_id))).toEqual(new Set([ctx.fx.units.a, ctx.fx.units.b]));
  });

  it("its list of requests names no filer's contact details, and gives a result only on its own requests", async () => {
    await ctx.owner`update public.service_requests set requester_phone = '0912345678', requester_email = 'a@b.vn', result_note = 'Đã trả kết quả'
                    where id in (${fx.requests.mineB}, ${fx.requests.fromAccount})`;
    const list = (userId: string) =>
      withClaims(
        ctx.app,
        { sub: userId, role: "authenticated" },
        (tx) => tx<Record<string, unknown>[]>`select * from public.creditor_requests()`,
      );
    const mine = await list(ctx.fx.users.creditor!);
    expect(mine.length).toBe(1);
    expect(Object.keys(mine[0]!).sort()).toEqual(
      ["closed_on", "kind", "own", "requester_name", "result_note", "status", "submitted_on", "tracking_code", "unit_name"].sort(),
    );
    expect(mine[0]).toMatchObject({ own: false, result_note: null });
    // The account that filed signed in reads its own result, and its own row.
    const filer = await list(fx.other);
    expect(filer.find((r) => r.own)).toMatchObject({ result_note: "Đã trả kết quả" });
    expect(
      await asUserProbe(fx.other, (tx) => tx`select requester_phone from public.service_requests where id = ${fx.requests.fromAccount}`),
    ).toBe("allowed");
    // Staff and the public get nothing from it.
    expect(await list(ctx.fx.users.province_head!)).toEqual([]);
  });

  it("the other creditor account reads its own case and not the first one's", async () => {
    expect(await asUserProbe(fx.other, (tx) => tx`select id from public.cases where id = ${ctx.fx.cases.aUnassigned}`)).toBe("allowed");
    expect(await asUserProbe(fx.other, (tx) => tx`select id from public.cases where id = ${ctx.fx.cases.b}`)).toBe("zero_rows");
    expect(await asUserProbe(fx.other, (tx) => tx`select id from public.case_parties where id = ${fx.parties.b}`)).toBe("zero_rows");
  });

  it("staff of tenant A still do not read the creditor's case in tenant B", async () => {
    expect(await probe("province_head", (tx) => tx`select id from public.cases where id = ${ctx.fx.cases.b}`)).toBe("zero_rows");
    expect(await probe("clerk", (tx) => tx`select id from public.case_parties where id = ${fx.parties.b}`)).toBe("zero_rows");
  });

  it("the auction summary names its own cases only, not another creditor's case with an asset at auction", async () => {
    const asset = async (caseId: string) =>
      (
        await ctx.owner<{ id: string }[]>`insert into public.assets (case_id, kind, description, status)
                                           values (${caseId}, 'house', 'Nhà 3 tầng', 'at_auction') returning id`
      )[0]!.id;
    const mine = await asset(ctx.fx.cases.b);
    const others = await asset(ctx.fx.cases.aUnassigned);
    try {
      const summary = (userId: string) =>
        withClaims(
          ctx.app,
          { sub: userId, role: "authenticated" },
          (tx) => tx<{ case_id: string }[]>`select case_id from public.creditor_case_auctions()`,
        );
      expect((await summary(ctx.fx.users.creditor!)).map((r) => r.case_id)).toEqual([ctx.fx.cases.b]);
      expect((await summary(fx.other)).map((r) => r.case_id)).toEqual([ctx.fx.cases.aUnassigned]);
      expect(await summary(ctx.fx.users.province_head!)).toEqual([]);
    } finally {
      await ctx.owner`delete from public.assets where id in (${mine}, ${others})`;
    }
  });

  it("after the account revokes its link it reads none of those cases", async () => {
    const got = await probe("creditor", async (tx) => {
      await tx`select public.revoke_creditor_link(${fx.links.a}, 'Tài khoản không còn dùng')`;
      return tx`select id from public.cases where id in (${ctx.fx.cases.a}, ${ctx.fx.cases.b})
                union all select id from public.service_requests where id = ${fx.requests.mineB}
                union all select id from public.case_parties where id = ${fx.parties.a}`;
    });
    expect(got).toBe("zero_rows");
  });
});

describe("confirming and revoking a link", () => {
  it("the desk that handles the request confirms it once; a second confirmation returns the same link", async () => {
    const got = await probe("clerk", async (tx) => {
      const [first] = await tx<{ id: string }[]>`select public.confirm_creditor_link(${fx.requests.fromAccount}, 'organization') as id`;
      const [again] = await tx<{ id: string }[]>`select public.confirm_creditor_link(${fx.requests.fromAccount}, 'organization') as id`;
      expect(again!.id).toBe(first!.id);
      return tx`select id from public.creditor_links where id = ${first!.id} and channel = 'desk' and confirmed_by = ${ctx.fx.users.clerk!}`;
    });
    expect(got).toBe("allowed");
  });

  it.each(["executor", "steering_member", "creditor", "national_viewer"] as const)("%s cannot confirm a link", async (tier) => {
    expect(await probe(tier, (tx) => tx`select public.confirm_creditor_link(${fx.requests.fromAccount}, 'organization')`)).toBe("42501");
  });

  it("another tenant's desk cannot confirm it", async () => {
    expect(
      await asUserProbe(ctx.fx.users.clerk_b!, (tx) => tx`select public.confirm_creditor_link(${fx.requests.fromAccount}, 'organization')`),
    ).toBe("42501");
  });

  it("a request filed without an account cannot be confirmed, and nothing is written", async () => {
    const before = await ctx.owner<{ n: number }[]>`select count(*)::int as n from public.creditor_links`;
    await expect(
      withClaims(
        ctx.app,
        { sub: ctx.fx.users.clerk!, role: "authenticated" },
        (tx) => tx`select public.confirm_creditor_link(${fx.requests.anonymous}, 'person')`,
      ),
    ).rejects.toMatchObject({ code: "23514" });
    const after = await ctx.owner<{ n: number }[]>`select count(*)::int as n from public.creditor_links`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("a revocation needs a reason; another account cannot revoke", async () => {
    await expect(
      withClaims(
        ctx.app,
        { sub: ctx.fx.users.creditor!, role: "authenticated" },
        (tx) => tx`select public.revoke_creditor_link(${fx.links.a}, '  ')`,
      ),
    ).rejects.toMatchObject({ code: "23514" });
    expect(await asUserProbe(fx.other, (tx) => tx`select public.revoke_creditor_link(${fx.links.a}, 'x')`)).toBe("42501");
    const [row] = await ctx.owner<{ revoked_at: Date | null }[]>`select revoked_at from public.creditor_links where id = ${fx.links.a}`;
    expect(row!.revoked_at).toBeNull();
  });

  it("a revocation is kept in the audit trail with who revoked and why", async () => {
    await withClaims(
      ctx.app,
      { sub: fx.other, role: "authenticated" },
      (tx) => tx`select public.revoke_creditor_link(${fx.links.b}, 'Đổi tài khoản')`,
    );
    const [row] = await ctx.owner<{ actor_id: string; reason: string }[]>`
      select actor_id, after ->> 'revoke_reason' as reason from public.audit_log
       where table_name = 'creditor_links' and row_id = ${fx.links.b} and op = 'UPDATE'`;
    expect(row).toMatchObject({ actor_id: fx.other, reason: "Đổi tài khoản" });
    expect(await asUserProbe(fx.other, (tx) => tx`select id from public.cases where id = ${ctx.fx.cases.aUnassigned}`)).toBe("zero_rows");
  });
});
