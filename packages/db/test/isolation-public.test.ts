/**
 * Isolation matrix of the public pages and the one-stop desk: every role tier
 * (anon included) × table × select/insert/update/delete × own vs another
 * tenant. "Own" for a creditor is the request it filed itself (in tenant A);
 * "other" is an anonymous request filed with tenant B.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { asAnon, withClaims } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { combinations, probe as probeAs, type Op, type Outcome, type Probe, type Scope, type Tier } from "@thads/test-support/matrix";

const ctx = useTenantFixture();
let checked = 0;
let leaks = 0;
afterAll(() => {
  console.log(`public isolation matrix: ${checked} combinations checked, ${leaks} leaks`);
});

const TABLES = [
  "public_pages",
  "public_announcements",
  "service_requests",
  "service_request_events",
  "service_request_attachments",
  "service_ratings",
] as const;
type Table = (typeof TABLES)[number];

const PDF = Buffer.from("%PDF-1.4\n%test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const seq = () => Math.random().toString(36).slice(2, 8).toUpperCase();
/** A fresh valid-looking tracking code (the check symbol is not checked by the database). */
const code = () =>
  `${randomUUID()
    .replace(/-/g, "")
    .toUpperCase()
    .replace(/[ILOU]/g, "7")
    .slice(0, 12)}0`;

interface Fx {
  requests: { a: string; b: string };
  codes: { a: string; b: string };
  events: { a: bigint; b: bigint };
  attachments: { a: string; b: string };
  announcements: { a: string; b: string };
}
const fx = {} as Fx;

beforeAll(async () => {
  const { owner } = ctx;
  const f = ctx.fx;
  for (const t of ["a", "b"] as const) {
    await owner`insert into public.public_pages (province_id, unit_id, intro) values (${f.units[t]}, ${f.units[t]}, 'Giới thiệu')`;
    const [ann] = await owner<{ id: string }[]>`
      insert into public.public_announcements (unit_id, title, body) values (${f.units[t]}, 'Thông báo', 'Nội dung') returning id`;
    fx.announcements = { ...fx.announcements, [t]: ann!.id };
    const id = randomUUID();
    const c = code();
    await owner.begin(async (tx) => {
      await tx`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_id, requester_name, factor_keys)
               values (${id}, ${f.units[`${t}1`]}, 'enforcement_request', ${c}, ${randomUUID()},
                       ${t === "a" ? f.users.creditor! : null}, 'Nguyễn Văn Á', ${["0912345678"]})`;
      const [att] = await tx<{ id: string }[]>`
        insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
        values (${id}, 'ban-an.pdf', 'application/pdf', ${PDF.length}, ${"0".repeat(64)}, ${PDF}) returning id`;
      fx.attachments = { ...fx.attachments, [t]: att!.id };
    });
    await owner`insert into public.service_ratings (request_id, province_id, unit_id, score) values (${id}, ${f.units[t]}, ${f.units[`${t}1`]}, 5)`;
    const [ev] = await owner<{ id: bigint }[]>`select id from public.service_request_events where request_id = ${id}`;
    fx.requests = { ...fx.requests, [t]: id };
    fx.codes = { ...fx.codes, [t]: c };
    fx.events = { ...fx.events, [t]: ev!.id };
  }
});

/** docs/domain.md §5 for these tables. */
function expected(tier: Tier, table: Table, op: Op, scope: Scope): Outcome {
  const own = scope === "own";
  const provinceStaff = tier === "province_head" || tier === "province_staff";
  const desk = provinceStaff || tier === "subunit_head" || tier === "clerk";
  const allow = (ok: boolean, deny: Outcome): Outcome => (ok ? "allowed" : deny);
  switch (table) {
    case "public_pages":
    case "public_announcements":
      if (op === "select") return "allowed"; // published for everyone
      if (tier === "anon") return "42501";
      if (op === "insert") return allow(provinceStaff && own, "42501");
      if (table === "public_pages" && op === "delete") return "42501"; // a page is edited, never deleted
      return allow(provinceStaff && own, "zero_rows");
    case "service_requests":
      if (op === "insert") {
        if (tier === "anon" || tier === "creditor") return "allowed"; // anyone may file with any bureau
        return allow(desk && own, "42501");
      }
      if (tier === "anon" || op === "delete") return "42501"; // the public never reads; nothing is deleted
      if (op === "select") return allow((desk || tier === "creditor") && own, "zero_rows");
      return allow(desk && own, "zero_rows");
    case "service_request_events":
      if (tier === "anon" || op !== "select") return "42501"; // written by trigger alone, append-only
      return allow((desk || tier === "creditor") && own, "zero_rows");
    case "service_request_attachments":
      if (op === "insert") return allow(desk && own, "42501"); // later files only from desk staff
      if (tier === "anon" || op !== "select") return "42501";
      return allow((desk || tier === "creditor") && own, "zero_rows");
    case "service_ratings":
      if (tier === "anon" || op !== "select") return "42501"; // rated through public.rate_service_request only
      return allow(desk && own, "zero_rows");
  }
}

/** Inserts without RETURNING (the public may not read back): success is "allowed". */
const inserted = (q: PromiseLike<readonly unknown[]>) => Promise.resolve(q).then(() => [{ ok: true }]);

function operation(tier: Tier, table: Table, op: Op, scope: Scope): Probe {
  const t = scope === "own" ? "a" : "b";
  const f = ctx.fx;
  const province = f.units[t];
  const subunit = f.units[`${t}1`];
  switch (table) {
    case "public_pages":
      if (op === "select") return (tx) => tx`select province_id from public.public_pages where province_id = ${province}`;
      // One page per province: writing it is an upsert.
      if (op === "insert")
        return (tx) =>
          inserted(tx`insert into public.public_pages (province_id, unit_id, intro) values (${province}, ${province}, 'Mới')
                                   on conflict (province_id) do update set intro = excluded.intro`);
      if (op === "update")
        return (tx) => tx`update public.public_pages set intro = 'Sửa' where province_id = ${province} returning province_id`;
      return (tx) => tx`delete from public.public_pages where province_id = ${province} returning province_id`;
    case "public_announcements": {
      const target = fx.announcements[t];
      if (op === "select") return (tx) => tx`select id from public.public_announcements where id = ${target}`;
      if (op === "insert")
        return (tx) => inserted(tx`insert into public.public_announcements (unit_id, title) values (${province}, 'Thông báo mới')`);
      if (op === "update") return (tx) => tx`update public.public_announcements set title = 'Sửa' where id = ${target} returning id`;
      return (tx) => tx`delete from public.public_announcements where id = ${target} returning id`;
    }
    case "service_requests": {
      const target = fx.requests[t];
      if (op === "select") return (tx) => tx`select id from public.service_requests where id = ${target}`;
      if (op === "insert") {
        const requester = tier === "creditor" ? f.users.creditor! : null;
        return (tx) =>
          inserted(tx`
          insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_id, requester_name, factor_keys)
          values (${randomUUID()}, ${subunit}, 'result_confirmation', ${code()}, ${randomUUID()}, ${requester}, 'Trần Văn B', ${["0900000000"]})`);
      }
      if (op === "update") return (tx) => tx`update public.service_requests set version = version + 1 where id = ${target} returning id`;
      return (tx) => tx`delete from public.service_requests where id = ${target} returning id`;
    }
    case "service_request_events": {
      const target = fx.events[t];
      if (op === "select") return (tx) => tx`select id from public.service_request_events where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          inserted(tx`insert into public.service_request_events (request_id, province_id, unit_id, to_status)
                                   values (${fx.requests[t]}, ${province}, ${subunit}, 'returned')`);
      if (op === "update") return (tx) => tx`update public.service_request_events set note = 'x' where id = ${target} returning id`;
      return (tx) => tx`delete from public.service_request_events where id = ${target} returning id`;
    }
    case "service_request_attachments": {
      const target = fx.attachments[t];
      if (op === "select") return (tx) => tx`select id from public.service_request_attachments where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          inserted(tx`insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
                                   values (${fx.requests[t]}, 'anh.png', 'image/png', ${PNG.length}, ${"0".repeat(64)}, ${PNG})`);
      if (op === "update")
        return (tx) => tx`update public.service_request_attachments set file_name = 'x.pdf' where id = ${target} returning id`;
      return (tx) => tx`delete from public.service_request_attachments where id = ${target} returning id`;
    }
    case "service_ratings": {
      const target = fx.requests[t];
      if (op === "select") return (tx) => tx`select request_id from public.service_ratings where request_id = ${target}`;
      if (op === "insert")
        return (tx) =>
          inserted(
            tx`insert into public.service_ratings (request_id, province_id, unit_id, score) values (${target}, ${province}, ${subunit}, 1)`,
          );
      if (op === "update") return (tx) => tx`update public.service_ratings set score = 1 where request_id = ${target} returning request_id`;
      return (tx) => tx`delete from public.service_ratings where request_id = ${target} returning request_id`;
    }
  }
}

describe("public pages and one-stop desk isolation matrix", () => {
  it.each(combinations(TABLES))("$tier · $table · $op · $scope tenant", async ({ tier, table, op, scope }) => {
    const want = expected(tier, table, op, scope);
    const got = await probeAs(ctx, tier, operation(tier, table, op, scope));
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });
});

class Rollback extends Error {}
async function anon<T>(fn: (tx: TxSql) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await asAnon(ctx.app, async (tx) => {
    out = await fn(tx);
    throw new Rollback();
  }).catch((e) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return out as T;
}

describe("the public's way in", () => {
  it("files a request with its attachment in one transaction, and cannot read either back", async () => {
    const id = randomUUID();
    // The desk's columns are not the public's to set.
    const forged = await asAnon(
      ctx.app,
      (tx) => tx`
      insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys, status, case_id)
      values (${id}, ${ctx.fx.units.a}, 'enforcement_request', ${code()}, ${randomUUID()}, 'Lê Văn C', ${["0911111111"]}, 'returned', ${ctx.fx.cases.a})`,
    ).then(
      () => null,
      (e: { code?: string }) => e.code,
    );
    expect(forged).toBe("42501");
    await asAnon(ctx.app, async (tx) => {
      await tx`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
               values (${id}, ${ctx.fx.units.a}, 'enforcement_request', ${code()}, ${randomUUID()}, 'Lê Văn C', ${["0911111111"]})`;
      await tx`insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
               values (${id}, 'ban-an.pdf', 'application/pdf', ${PDF.length}, ${"0".repeat(64)}, ${PDF})`;
    });
    const [row] = await ctx.owner<{ status: string; case_id: string | null; province_id: string; files: bigint; history: bigint }[]>`
      select r.status, r.case_id, r.province_id,
             (select count(*) from public.service_request_attachments a where a.request_id = r.id) as files,
             (select count(*) from public.service_request_events e where e.request_id = r.id) as history
      from public.service_requests r where r.id = ${id}`;
    // Whatever the client sent, a request starts submitted and unlinked, in the unit's tenant.
    expect(row).toEqual({ status: "submitted", case_id: null, province_id: ctx.fx.units.a, files: 1n, history: 1n });
    const read = await anon((tx) =>
      tx`select id from public.service_requests where id = ${id}`.then(
        () => "read",
        (e) => e.code,
      ),
    );
    expect(read).toBe("42501");
  });

  it("refuses a file whose bytes are not of its declared type", async () => {
    const id = randomUUID();
    const err = await asAnon(ctx.app, async (tx) => {
      await tx`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
               values (${id}, ${ctx.fx.units.a}, 'complaint', ${code()}, ${randomUUID()}, 'Lê Văn D', ${["0922222222"]})`;
      await tx`insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
               values (${id}, 'x.pdf', 'application/pdf', 20, ${"0".repeat(64)}, ${Buffer.from("<script>alert(1)</script>")})`;
    }).then(
      () => null,
      (e: { code?: string }) => e.code,
    );
    expect(err).toBe("23514");
    expect(await ctx.owner`select 1 from public.service_requests where id = ${id}`).toHaveLength(0);
  });

  it("tracks a request only with its code and the second factor, saying nothing about which part was wrong", async () => {
    const track = (c: string, f: string) =>
      anon((tx) => tx<{ r: unknown }[]>`select public.track_service_request(${c}, ${f}) as r`.then((x) => x[0]!.r));
    const good = (await track(fx.codes.b, "0912345678")) as { status: string; history: unknown[]; unitName: string };
    expect(good.status).toBe("submitted");
    expect(good.history).toHaveLength(1);
    expect(good.unitName).toBe("Phòng khu vực 1");
    expect(await track(fx.codes.b, "0900000000")).toBeNull();
    expect(await track("0000000000000", "0912345678")).toBeNull();
    expect(await track(fx.codes.b, "")).toBeNull();
  });

  it("rates a request once, only after it is closed, only with code and second factor", async () => {
    const rate = (c: string, f: string, s: number) =>
      anon((tx) => tx<{ r: string }[]>`select public.rate_service_request(${c}, ${f}, ${s}, 'Tốt') as r`.then((x) => x[0]!.r));
    const id = randomUUID();
    const c = code();
    await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
                    values (${id}, ${ctx.fx.units.a1}, 'result_confirmation', ${c}, ${randomUUID()}, 'Phạm E', ${["B1234567"]})`;
    expect(await rate(c, "B1234567", 5)).toBe("not_closed");
    await ctx.owner`update public.service_requests set status = 'received', due_on = current_date + 15 where id = ${id}`;
    await ctx.owner`update public.service_requests set status = 'returned', result_note = 'Đã xác nhận' where id = ${id}`;
    expect(await rate(c, "0000000", 5)).toBe("not_found");
    expect(await rate(c, "B1234567", 9)).toBe("invalid");
    await asAnon(ctx.app, (tx) => tx`select public.rate_service_request(${c}, 'B1234567', 4, 'Nhanh')`);
    expect(await rate(c, "B1234567", 1)).toBe("already_rated");
    const [r] = await ctx.owner<{ score: number }[]>`select score from public.service_ratings where request_id = ${id}`;
    expect(r!.score).toBe(4);
  });

  it("the desk's state machine holds in the database too", async () => {
    const id = randomUUID();
    await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
                    values (${id}, ${ctx.fx.units.a1}, 'enforcement_request', ${code()}, ${randomUUID()}, 'Phạm F', ${["0933333333"]})`;
    const skip = await ctx.owner`update public.service_requests set status = 'returned', result_note = 'x' where id = ${id}`.then(
      () => null,
      (e) => e.code,
    );
    expect(skip).toBe("23514");
    const noDue = await ctx.owner`update public.service_requests set status = 'received' where id = ${id}`.then(
      () => null,
      (e) => e.code,
    );
    expect(noDue).toBe("23514");
    // Another province's case cannot be linked.
    await ctx.owner`update public.service_requests set status = 'received', due_on = current_date + 15 where id = ${id}`;
    const foreign = await ctx.owner`update public.service_requests set case_id = ${ctx.fx.cases.b} where id = ${id}`.then(
      () => null,
      (e) => e.code,
    );
    expect(foreign).toBe("23514");
    const history = await ctx.owner<
      { to_status: string }[]
    >`select to_status from public.service_request_events where request_id = ${id} order by id`;
    expect(history.map((h) => h.to_status)).toEqual(["submitted", "received"]);
  });

  it("publishes only debtors of cases not yet enforceable or in the separate register, and withdraws them when the case changes", async () => {
    const name = `Đỗ Thị Huệ ${seq()}`;
    const caseNumber = `NYE-${seq()}`;
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name, money_due, status)
      values (${ctx.fx.units.a1}, ${ctx.fx.units.a}, ${caseNumber}, '2026-10-01', 'on_request', 'civil', ${name}, 7000000, 'not_yet_enforceable')
      returning id`;
    await ctx.owner`insert into public.case_parties (case_id, role, kind, full_name, id_number, address)
                    values (${c!.id}, 'debtor', 'person', ${name}, '031190009999', 'Số 1 Lạch Tray, Hải Phòng')`;
    await ctx.owner`insert into public.case_obligations (case_id, code, kind, amount, paid) values (${c!.id}, 'O1', 'money', 7000000, 2000000)`;
    const list = (q: string, province = ctx.fx.units.a) =>
      anon((tx) => tx<Record<string, unknown>[]>`select * from public.public_debtors(${province}, ${q}, 50, 0)`);
    const rows = await list(name.replace("Đỗ Thị Huệ", "do thi hue"));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(["acts", "bureau", "debtor_address", "debtor_name", "money_outstanding", "total"]);
    expect(rows[0]).toMatchObject({
      debtor_name: name,
      debtor_address: "Số 1 Lạch Tray, Hải Phòng",
      money_outstanding: "5000000",
      total: 1n,
    });
    // Not found by ID number (not published), nor in another province's list, nor with LIKE wildcards.
    expect(await list("031190009999")).toHaveLength(0);
    // Nor by the case number (not published either), though the case's search text holds it.
    expect(await list(caseNumber)).toHaveLength(0);
    expect(await list(caseNumber.toLowerCase())).toHaveLength(0);
    expect(await list(name, ctx.fx.units.b)).toHaveLength(0);
    // Moved to the separate register, the debtor stays published (D152 Art. 23 lists no such ground);
    // a returned request ends the case and withdraws it.
    await ctx.owner`update public.cases set status = 'separate_register' where id = ${c!.id}`;
    expect(await list(name)).toHaveLength(1);
    await ctx.owner`update public.cases set status = 'returned' where id = ${c!.id}`;
    expect(await list(name)).toHaveLength(0);
    await ctx.owner`update public.cases set status = 'not_yet_enforceable' where id = ${c!.id}`;
    expect(await list(name)).toHaveLength(1);
    await ctx.owner`update public.cases set status = 'enforceable' where id = ${c!.id}`;
    expect(await list(name)).toHaveLength(0);
  });

  it("metrics follow the caller's scope: the directorate all units, a province its own, the public nothing", async () => {
    const metrics = (tier: Tier) =>
      withClaims(
        ctx.app,
        { sub: ctx.fx.users[tier]!, role: "authenticated" },
        (tx) =>
          tx<
            { province_id: string; received: bigint }[]
          >`select province_id, received from public.one_stop_metrics('2000-01-01', '2100-01-01')`,
      );
    const provinces = (rows: { province_id: string }[]) => [...new Set(rows.map((r) => r.province_id))].sort();
    // The directorate reads every province: both of this fixture's, and those other test files add meanwhile.
    expect(provinces(await metrics("national_viewer"))).toEqual(expect.arrayContaining([ctx.fx.units.a, ctx.fx.units.b]));
    expect(provinces(await metrics("province_staff"))).toEqual([ctx.fx.units.a]);
    expect(provinces(await metrics("clerk"))).toEqual([ctx.fx.units.a]);
    expect(await metrics("creditor")).toHaveLength(0);
    const err = await asAnon(ctx.app, (tx) => tx`select * from public.one_stop_metrics('2000-01-01', '2100-01-01')`).then(
      () => null,
      (e) => e.code,
    );
    expect(err).toBe("42501");
  });
});
