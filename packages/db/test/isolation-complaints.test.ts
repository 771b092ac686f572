/**
 * Isolation matrix of citizen reception, complaints and denunciations: every role tier × table ×
 * select/insert/update/delete × own tenant (A) vs another (B); then the rules that are not about
 * tenants: the sender's data is the handling unit's and its superiors' only (not the steering
 * committee's), and the person denounced never reads the denunciation or who made it.
 * The fixture's steering_member sits on A's committee, which has case A flagged.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClaims } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { combinations, probe as probeAs, type Op, type Outcome, type Probe, type Scope, type Tier } from "@thads/test-support/matrix";
import { buildSteeringFixture } from "@thads/test-support/steering-fixture";

const ctx = useTenantFixture();
let checked = 0;
let leaks = 0;
afterAll(() => {
  console.log(`complaints isolation matrix: ${checked} combinations checked, ${leaks} leaks`);
});

const TABLES = ["reception_sessions", "complaint_letters", "complaint_senders", "complaint_documents"] as const;
type Table = (typeof TABLES)[number];

const PDF = Buffer.from("%PDF-1.4\n%test\n%%EOF\n");
/** A fresh valid-looking tracking code. */
const code = () =>
  `${randomUUID()
    .replace(/-/g, "")
    .toUpperCase()
    .replace(/[ILOU]/g, "7")
    .slice(0, 12)}0`;

interface Fx {
  sessions: { a: string; b: string };
  letters: { a: string; b: string };
  /** A letter without a sender yet, to probe inserting one. */
  bare: { a: string; b: string };
  documents: { a: string; b: string };
}
const fx = {} as Fx;

async function letter(
  unit: string,
  opts: { caseIds?: string[]; kind?: string | null; subject?: string | null; handlerUnit?: string | null; handler?: string | null } = {},
): Promise<string> {
  const kind = opts.kind === undefined ? "complaint" : opts.kind;
  const [row] = await ctx.owner<{ id: string }[]>`
    insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content, case_ids,
                                          kind, act_kind, actor_level, act_known_on, subject_user_id, handler_level, handler_unit_id, handler_id, status)
    values (${unit}, 'desk', '2026-10-05', ${code()}, ${randomUUID()}, 'Khiếu nại việc cưỡng chế', 'Nội dung đơn', ${opts.caseIds ?? []},
            ${kind}, ${kind === "complaint" ? "coercion" : null}, ${kind === "complaint" ? "regional_executor" : null},
            ${kind === "complaint" ? "2026-10-01" : null}, ${opts.subject ?? null}, ${kind ? "regional_head" : null},
            ${opts.handlerUnit ?? null}, ${opts.handler ?? null}, ${kind ? "classified" : "received"})
    returning id`;
  return row!.id;
}

async function sender(letterId: string, name: string, secret = false) {
  await ctx.owner`insert into public.complaint_senders (letter_id, full_name, id_number, phone, keep_identity_secret)
                  values (${letterId}, ${name}, '001099012345', '0912345678', ${secret})`;
}

beforeAll(async () => {
  await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
  const f = ctx.fx;
  for (const t of ["a", "b"] as const) {
    const [s] = await ctx.owner<{ id: string }[]>`
      insert into public.reception_sessions (unit_id, held_on, kind) values (${f.units[`${t}1`]}, '2026-10-05', 'scheduled') returning id`;
    fx.sessions = { ...fx.sessions, [t]: s!.id };
    const l = await letter(f.units[`${t}1`], { caseIds: [f.cases[t]], handlerUnit: f.units[`${t}1`] });
    await sender(l, "Nguyễn Thị Khiếu");
    fx.letters = { ...fx.letters, [t]: l };
    fx.bare = { ...fx.bare, [t]: await letter(f.units[`${t}1`], { kind: null }) };
    const [d] = await ctx.owner<{ id: string }[]>`
      insert into public.complaint_documents (letter_id, title, file_name, content_type, size_bytes, content)
      values (${l}, 'Đơn khiếu nại', 'don.pdf', 'application/pdf', ${PDF.length}, ${PDF}) returning id`;
    fx.documents = { ...fx.documents, [t]: d!.id };
  }
});

/** docs/complaints.md, "Who sees what". */
function expected(tier: Tier, table: Table, op: Op, scope: Scope): Outcome {
  const own = scope === "own";
  const national = tier === "national_admin" || tier === "national_viewer";
  const provinceStaff = tier === "province_head" || tier === "province_staff";
  const office = provinceStaff || tier === "subunit_head" || tier === "clerk";
  const allow = (ok: boolean, deny: Outcome): Outcome => (ok ? "allowed" : deny);
  if (tier === "anon" || op === "delete") return "42501"; // no grant: the public never reads, nothing is deleted
  switch (table) {
    case "reception_sessions":
      if (op === "select") return allow(national || ((office || tier === "executor") && own), "zero_rows");
      if (op === "insert") return allow(office && own, "42501");
      return allow(office && own, "zero_rows");
    case "complaint_letters":
      if (op === "select") return allow(national || ((office || tier === "steering_member") && own), "zero_rows");
      if (op === "insert") return allow(office && own, "42501");
      return allow(office && own, "zero_rows");
    case "complaint_senders":
      if (op === "select") return allow(national || (office && own), "zero_rows");
      if (op === "insert") return allow(office && own, "42501");
      return allow(office && own, "zero_rows");
    case "complaint_documents":
      if (op === "select") return allow(national || (office && own), "zero_rows");
      if (op === "insert") return allow(office && own, "42501");
      return "42501"; // documents are added, never changed
  }
}

/** Inserts without RETURNING: success is "allowed". */
const inserted = (q: PromiseLike<readonly unknown[]>) => Promise.resolve(q).then(() => [{ ok: true }]);

function operation(table: Table, op: Op, scope: Scope): Probe {
  const t = scope === "own" ? "a" : "b";
  const subunit = ctx.fx.units[`${t}1`];
  switch (table) {
    case "reception_sessions": {
      const target = fx.sessions[t];
      if (op === "select") return (tx) => tx`select id from public.reception_sessions where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          inserted(tx`insert into public.reception_sessions (unit_id, held_on, kind) values (${subunit}, '2026-10-06', 'ad_hoc')`);
      if (op === "update") return (tx) => tx`update public.reception_sessions set note = 'Sửa' where id = ${target} returning id`;
      return (tx) => tx`delete from public.reception_sessions where id = ${target} returning id`;
    }
    case "complaint_letters": {
      const target = fx.letters[t];
      if (op === "select") return (tx) => tx`select id from public.complaint_letters where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          inserted(tx`insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content)
                      values (${subunit}, 'post', '2026-10-06', ${code()}, ${randomUUID()}, 'Đơn', 'Nội dung')`);
      if (op === "update") return (tx) => tx`update public.complaint_letters set version = version + 1 where id = ${target} returning id`;
      return (tx) => tx`delete from public.complaint_letters where id = ${target} returning id`;
    }
    case "complaint_senders": {
      const target = fx.letters[t];
      if (op === "select") return (tx) => tx`select letter_id from public.complaint_senders where letter_id = ${target}`;
      if (op === "insert")
        return (tx) => inserted(tx`insert into public.complaint_senders (letter_id, full_name) values (${fx.bare[t]}, 'Trần Văn B')`);
      if (op === "update")
        return (tx) => tx`update public.complaint_senders set phone = '0900000000' where letter_id = ${target} returning letter_id`;
      return (tx) => tx`delete from public.complaint_senders where letter_id = ${target} returning letter_id`;
    }
    case "complaint_documents": {
      const target = fx.documents[t];
      if (op === "select") return (tx) => tx`select id from public.complaint_documents where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          inserted(tx`insert into public.complaint_documents (letter_id, title, file_name, content_type, size_bytes, content)
                      values (${fx.letters[t]}, 'Quyết định', 'qd.pdf', 'application/pdf', ${PDF.length}, ${PDF})`);
      if (op === "update") return (tx) => tx`update public.complaint_documents set title = 'x' where id = ${target} returning id`;
      return (tx) => tx`delete from public.complaint_documents where id = ${target} returning id`;
    }
  }
}

describe("complaints isolation matrix", () => {
  it.each(combinations(TABLES))("$tier · $table · $op · $scope tenant", async ({ tier, table, op, scope }) => {
    const want = expected(tier, table, op, scope);
    const got = await probeAs(ctx, tier, operation(table, op, scope));
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });
});

/** What a user reads of one letter: the letter and its sender. */
async function readsAs(user: string, letterId: string) {
  return withClaims(ctx.app, { sub: user, role: "authenticated" }, async (tx) => {
    const letters = await tx`select id from public.complaint_letters where id = ${letterId}`;
    const senders = await tx`select full_name from public.complaint_senders where letter_id = ${letterId}`;
    const docs = await tx`select id from public.complaint_documents where letter_id = ${letterId}`;
    return { letter: letters.length, sender: senders.length, documents: docs.length };
  });
}

describe("the denouncer's identity", () => {
  it("is not visible to the executor denounced, even when the letter is assigned to him", async () => {
    const f = ctx.fx;
    const id = await letter(f.units.a1, {
      kind: "denunciation",
      subject: f.users.executor!,
      handlerUnit: f.units.a1,
      handler: f.users.executor!,
    });
    await sender(id, "Người tố cáo", true);
    await ctx.owner`insert into public.complaint_documents (letter_id, title, file_name, content_type, size_bytes, content)
                    values (${id}, 'Đơn tố cáo', 'to-cao.pdf', 'application/pdf', ${PDF.length}, ${PDF})`;
    expect(await readsAs(f.users.executor!, id)).toEqual({ letter: 0, sender: 0, documents: 0 });
    // The same letter as a complaint about his act, assigned to him: he reads it.
    const complaint = await letter(f.units.a1, { subject: f.users.executor!, handlerUnit: f.units.a1, handler: f.users.executor! });
    await sender(complaint, "Người khiếu nại");
    expect(await readsAs(f.users.executor!, complaint)).toEqual({ letter: 1, sender: 1, documents: 0 });
    // The handling unit's office and its superiors read the denunciation and who made it.
    for (const user of [f.users.clerk!, f.users.subunit_head!, f.users.province_head!, f.users.national_viewer!]) {
      expect(await readsAs(user, id)).toEqual({ letter: 1, sender: 1, documents: 1 });
    }
  });

  it("is not visible to a denounced office head, who otherwise reads every letter his office receives", async () => {
    const f = ctx.fx;
    const id = await letter(f.units.a1, { kind: "denunciation", subject: f.users.subunit_head!, handlerUnit: f.units.a });
    await sender(id, "Người tố cáo", true);
    expect(await readsAs(f.users.subunit_head!, id)).toEqual({ letter: 0, sender: 0, documents: 0 });
    expect(await readsAs(f.users.clerk!, id)).toMatchObject({ letter: 1, sender: 1 });
    // Nor can he reclassify it to read it.
    const changed = await withClaims(
      ctx.app,
      { sub: f.users.subunit_head!, role: "authenticated" },
      (tx) => tx`update public.complaint_letters set kind = 'petition' where id = ${id} returning id`,
    );
    expect(changed).toHaveLength(0);
  });

  it("is not given to the steering committee, which reads complaints about its flagged cases only", async () => {
    const f = ctx.fx;
    expect(await readsAs(f.users.steering_member!, fx.letters.a)).toEqual({ letter: 1, sender: 0, documents: 0 });
    const unflagged = await letter(f.units.a1, { caseIds: [f.cases.aUnassigned] });
    expect(await readsAs(f.users.steering_member!, unflagged)).toEqual({ letter: 0, sender: 0, documents: 0 });
  });
});

describe("references a letter names", () => {
  const refused = (user: string, fn: Probe) =>
    withClaims(ctx.app, { sub: user, role: "authenticated" }, (tx) => Promise.resolve(fn(tx))).then(
      () => null,
      (e: { code?: string; message?: string }) => e.code,
    );

  it("are the receiving province's: another province's case, session or staff is refused", async () => {
    const f = ctx.fx;
    const base = (tx: Parameters<Probe>[0], extra: { caseIds?: string[]; session?: string | null; subject?: string | null }) =>
      tx`insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content, case_ids, session_id, subject_user_id)
         values (${f.units.a1}, 'desk', '2026-10-06', ${code()}, ${randomUUID()}, 'Đơn', 'Nội dung', ${extra.caseIds ?? []},
                 ${extra.session ?? null}, ${extra.subject ?? null})`;
    expect(await refused(f.users.clerk!, (tx) => base(tx, { caseIds: [f.cases.b] }))).toBe("23514");
    // A NULL among the cases lets nothing through, and is refused on its own.
    const withNull = (ids: (string | null)[]) => (tx: Parameters<Probe>[0]) =>
      tx`insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content, case_ids)
         values (${f.units.a1}, 'desk', '2026-10-06', ${code()}, ${randomUUID()}, 'Đơn', 'Nội dung', ${tx.unsafe(`'{${ids.map((i) => i ?? "NULL").join(",")}}'::uuid[]`)})`;
    expect(await refused(f.users.clerk!, withNull([null, f.cases.b]))).toBe("23514");
    expect(await refused(f.users.clerk!, withNull([null]))).toBe("23514");
    await expect(withNull([null, f.cases.a])(ctx.owner as never)).rejects.toMatchObject({
      code: "23514",
      constraint_name: "complaint_letters_case_ids_not_null",
    });
    expect(await refused(f.users.clerk!, (tx) => base(tx, { session: fx.sessions.b }))).toBe("23514");
    expect(await refused(f.users.clerk!, (tx) => base(tx, { subject: f.users.colleague_b! }))).toBe("23514");
    expect(
      await refused(f.users.clerk!, (tx) => base(tx, { caseIds: [f.cases.a], session: fx.sessions.a, subject: f.users.executor! })),
    ).toBeNull();
  });

  it("name only cases the writer works on: another office's case of the same province is refused to its clerk", async () => {
    const f = ctx.fx;
    // A clerk of office a9; case a belongs to office a1 of the same province.
    const clerk9 = randomUUID();
    await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role)
                    values (${clerk9}, ${`clerk9.${f.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
    await ctx.owner`insert into public.profiles (id, full_name, email, unit_id) values (${clerk9}, 'clerk9', ${`clerk9.${f.tag}@test.vn`}, ${f.units.a9})`;
    await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${clerk9}, ${f.units.a9}, 'clerk')`;
    const named = (unit: string, caseIds: string[]) => (tx: Parameters<Probe>[0]) =>
      tx`insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content, case_ids)
         values (${unit}, 'desk', '2026-10-06', ${code()}, ${randomUUID()}, 'Đơn', 'Nội dung', ${caseIds})`;
    expect(await refused(clerk9, named(f.units.a9, [f.cases.a]))).toBe("23514");
    expect(await refused(clerk9, named(f.units.a9, []))).toBeNull();
    // The province's staff name any case of the province on a letter of any of its offices.
    expect(await refused(f.users.province_staff!, named(f.units.a9, [f.cases.a]))).toBeNull();
    // A letter already naming the case may be routed by someone who does not hold it.
    const [l] = await ctx.owner<{ id: string }[]>`
      insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content, case_ids)
      values (${f.units.a9}, 'desk', '2026-10-06', ${code()}, ${randomUUID()}, 'Đơn', 'Nội dung', ${[f.cases.a]}) returning id`;
    expect(
      await refused(clerk9, (tx) => tx`update public.complaint_letters set case_ids = case_ids, summary = 'Đơn (sửa)' where id = ${l!.id}`),
    ).toBeNull();
    expect(
      await refused(
        clerk9,
        (tx) => tx`update public.complaint_letters set case_ids = case_ids || ${f.cases.aUnassigned}::uuid where id = ${l!.id}`,
      ),
    ).toBe("23514");
  });

  it("are signed in the caller's own name", async () => {
    const f = ctx.fx;
    const forged = await refused(
      f.users.clerk!,
      (tx) =>
        tx`insert into public.complaint_letters (unit_id, channel, received_on, tracking_code, idempotency_key, summary, content, created_by)
         values (${f.units.a1}, 'desk', '2026-10-06', ${code()}, ${randomUUID()}, 'Đơn', 'Nội dung', ${f.users.subunit_head!})`,
    );
    expect(forged).toBe("42501");
  });
});
