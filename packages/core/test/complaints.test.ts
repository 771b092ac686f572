import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { complaintLimitation, acceptanceClock, complaintResolutionClock } from "@thads/domain";
import {
  AcceptLetterSchema,
  ClassifyLetterSchema,
  RegisterLetterSchema,
  ResolveLetterSchema,
  acceptLetter,
  caseLetters,
  classifyLetter,
  complaintStats,
  complaintStatsByProvince,
  complaintWrite,
  LinkLetterSchema,
  letterDetail,
  linkLetter,
  relatedLetters,
  letterList,
  registerLetter,
  resolveLetter,
} from "../src/complaints/index.ts";
import { asAnon, withClaims } from "@thads/db";
import { newTrackingCode } from "@thads/domain";
import { trackRequest } from "../src/requests/index.ts";
import { RecordSessionSchema, letterFromRequest, recordSession, sessionList } from "../src/complaints/index.ts";

const ctx = useTenantFixture();
const claims = (who: string) => ({ sub: ctx.fx.users[who]!, role: "authenticated" as const });

const form = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  unitId: ctx.fx.units.a1,
  channel: "desk",
  receivedOn: "12/10/2026",
  senderName: "Phạm Thị Lan",
  senderPhone: "0912 345 678",
  senderIdNumber: "",
  senderAddress: "5 Trần Phú, Hải Phòng",
  summary: "Khiếu nại việc cưỡng chế kê biên nhà",
  content: "Tôi khiếu nại quyết định cưỡng chế kê biên tài sản.",
  ...over,
});

const countLetters = async () => Number((await ctx.owner<{ n: bigint }[]>`select count(*) as n from public.complaint_letters`)[0]!.n);

describe("registering a letter", () => {
  it("refuses bad input naming the field, and writes nothing", async () => {
    const before = await countLetters();
    const bad = RegisterLetterSchema.safeParse(form({ receivedOn: "31/02/2026", senderName: "" }));
    expect(new Set(bad.error!.issues.map((i) => String(i.path[0])))).toEqual(new Set(["receivedOn", "senderName"]));
    const missing = RegisterLetterSchema.safeParse(form({ senderPhone: "", channel: "forwarded" }));
    expect(new Set(missing.error!.issues.map((i) => String(i.path[0])))).toEqual(new Set(["senderPhone", "forwardedBy"]));
    // A case number of another province: refused by the service, nothing written (the sender neither).
    const parsed = RegisterLetterSchema.parse(form({ caseNumbers: `3/${ctx.fx.tag}` }));
    const r = await complaintWrite(ctx.app, claims("clerk"), (tx) => registerLetter(tx, { ...parsed, userId: ctx.fx.users.clerk! }));
    expect(r).toMatchObject({ ok: false, field: "caseNumbers" });
    expect(await countLetters()).toBe(before);
  });

  it("registers once for a retried submission", async () => {
    const parsed = RegisterLetterSchema.parse(form({ caseNumbers: `1/${ctx.fx.tag}` }));
    const run = () => complaintWrite(ctx.app, claims("clerk"), (tx) => registerLetter(tx, { ...parsed, userId: ctx.fx.users.clerk! }));
    const first = await run();
    const second = await run();
    expect(first.ok && second.ok && first.id === second.id).toBe(true);
  });
});

describe("a complaint about a coercion, from the desk to the statistics", () => {
  it("is classified, routed to the province head, accepted and resolved on time", async () => {
    const parsed = RegisterLetterSchema.parse(form({ caseNumbers: `1/${ctx.fx.tag}` }));
    const reg = await complaintWrite(ctx.app, claims("clerk"), (tx) => registerLetter(tx, { ...parsed, userId: ctx.fx.users.clerk! }));
    if (!reg.ok) throw new Error(reg.message);
    // About the regional office head's coercion decision: the province head resolves it.
    const cls = ClassifyLetterSchema.parse({
      version: "1",
      kind: "complaint",
      actorUnitId: ctx.fx.units.a1,
      actorRole: "head",
      actKind: "coercion",
      actKnownOn: "01/10/2026",
      round: "1",
    });
    const c = await complaintWrite(ctx.app, claims("clerk"), (tx) => classifyLetter(tx, reg.id, cls));
    expect(c).toMatchObject({ ok: true, late: false });
    const d1 = await withClaims(ctx.app, claims("province_head"), (tx) => letterDetail(tx, reg.id));
    expect(d1).toMatchObject({ handler_level: "province_head", status: "classified" });
    expect(d1!.limitation_last_day).toBe(complaintLimitation({ act: "coercion", round: 1, knownOn: "2026-10-01" }).lastDay);
    expect(d1!.accept_due_on).toBe(acceptanceClock("complaint", 1, "2026-10-12").lastDay);

    const acc = await complaintWrite(ctx.app, claims("province_head"), (tx) =>
      acceptLetter(tx, reg.id, AcceptLetterSchema.parse({ version: "2", acceptedOn: "13/10/2026" })),
    );
    expect(acc).toMatchObject({
      ok: true,
      resolveDueOn: complaintResolutionClock({ act: "coercion", round: 1, acceptedOn: "2026-10-13" }).lastDay,
    });
    // A stale version is a conflict, not a second write.
    const stale = await complaintWrite(ctx.app, claims("province_head"), (tx) =>
      resolveLetter(
        tx,
        reg.id,
        ResolveLetterSchema.parse({ version: "2", resolvedOn: "20/10/2026", outcome: "upheld", decisionNo: "01/QĐ" }),
      ),
    );
    expect(stale).toMatchObject({ ok: false, status: 409 });
    const res = await complaintWrite(ctx.app, claims("province_head"), (tx) =>
      resolveLetter(
        tx,
        reg.id,
        ResolveLetterSchema.parse({
          version: "3",
          resolvedOn: "20/10/2026",
          outcome: "partly_upheld",
          decisionNo: "01/QĐ-GQKN",
          caseEffect: "step_redone",
          caseEffectNote: "Kê biên lại",
        }),
      ),
    );
    expect(res.ok).toBe(true);
    const stats = await withClaims(ctx.app, claims("province_head"), (tx) =>
      complaintStats(tx, { provinceId: ctx.fx.units.a, from: "2026-10-01", to: "2026-10-31" }),
    );
    const row = stats.find((s) => s.unit_id === ctx.fx.units.a)!;
    const listed = await withClaims(ctx.app, claims("province_head"), (tx) =>
      letterList(tx, { status: "all", unit: ctx.fx.units.a, figure: "on_time", from: "2026-10-01", to: "2026-10-31" }, "2026-10-21"),
    );
    // The figure and its drill-down agree, and the letter is in both.
    expect(row.on_time).toBe(listed.length);
    expect(listed.map((l) => l.id)).toContain(reg.id);
    expect(row.partly_upheld).toBeGreaterThanOrEqual(1);
    // The register finds it by its tracking code, dashed or not; a code of no letter finds nothing.
    const dashed = reg.trackingCode.replace(/^(.{4})(.{4})(.{4})/, "$1-$2-$3-").toLowerCase();
    const found = await withClaims(ctx.app, claims("province_head"), (tx) => letterList(tx, { status: "all", q: dashed }, "2026-10-21"));
    expect(found.map((l) => l.id)).toEqual([reg.id]);
    const none = await withClaims(ctx.app, claims("province_head"), (tx) =>
      letterList(tx, { status: "all", q: "0000-0000-0000-0" }, "2026-10-21"),
    );
    expect(none).toEqual([]);

    // On the case's timeline: the letter and its effect, for the province head; not for another tenant.
    const onCase = await withClaims(ctx.app, claims("province_head"), (tx) => caseLetters(tx, ctx.fx.cases.a));
    expect(onCase.find((l) => l.id === reg.id)).toMatchObject({
      resolved_on: "2026-10-20",
      outcome: "partly_upheld",
      case_effect: "step_redone",
      case_effect_note: "Kê biên lại",
    });
    const elsewhere = await withClaims(ctx.app, claims("clerk_b"), (tx) => caseLetters(tx, ctx.fx.cases.a));
    expect(elsewhere).toEqual([]);
  });

  it("flags a late complaint with the article", async () => {
    const parsed = RegisterLetterSchema.parse(form({ receivedOn: "30/10/2026" }));
    const reg = await complaintWrite(ctx.app, claims("clerk"), (tx) => registerLetter(tx, { ...parsed, userId: ctx.fx.users.clerk! }));
    if (!reg.ok) throw new Error(reg.message);
    const cls = ClassifyLetterSchema.parse({
      version: "1",
      kind: "complaint",
      actorUnitId: ctx.fx.units.a1,
      actorRole: "executor",
      actKind: "before_coercion",
      actKnownOn: "01/10/2026",
    });
    const c = await complaintWrite(ctx.app, claims("clerk"), (tx) => classifyLetter(tx, reg.id, cls));
    expect(c).toMatchObject({ ok: true, late: true, citation: "Law 106/2025/QH15, Art. 96(2)(a)" });
  });

  it("are counted by province for the national ranking, each province the sum of its units, each figure its letters", async () => {
    // A letter of the other province, so that both provinces have figures.
    const other = RegisterLetterSchema.parse(form({ unitId: ctx.fx.units.b1 }));
    const b = await complaintWrite(ctx.app, claims("clerk_b"), (tx) => registerLetter(tx, { ...other, userId: ctx.fx.users.clerk_b! }));
    expect(b.ok).toBe(true);
    const period = { from: "2026-10-01", to: "2026-10-31" };
    const nation = await withClaims(ctx.app, claims("national_viewer"), async (tx) => ({
      byProvince: await complaintStatsByProvince(tx, period),
      byUnit: await complaintStats(tx, period),
      units: await tx<{ id: string; province_id: string }[]>`select id, province_id from public.units`,
    }));
    const provinceOf = new Map(nation.units.map((u) => [u.id, u.province_id]));
    const keys = ["received", "competent", "late", "resolved", "on_time", "upheld", "partly_upheld"] as const;
    for (const id of [ctx.fx.units.a!, ctx.fx.units.b!]) {
      const row = nation.byProvince.find((p) => p.province_id === id)!;
      const units = nation.byUnit.filter((u) => provinceOf.get(u.unit_id) === id);
      for (const k of keys) expect(row[k], `${k} of ${id}`).toBe(units.reduce((s, u) => s + u[k], 0));
      expect(row.received).toBeGreaterThan(0);
      const listed = await withClaims(ctx.app, claims("national_viewer"), (tx) =>
        letterList(tx, { status: "all", province: id, figure: "received", ...period }, "2026-10-31"),
      );
      expect(listed.length).toBe(row.received);
    }
    // Ranked by the share resolved on time: a province that resolved letters comes before one that resolved none.
    const rank = (id: string) => nation.byProvince.findIndex((p) => p.province_id === id);
    const a = nation.byProvince[rank(ctx.fx.units.a!)]!;
    const bRow = nation.byProvince[rank(ctx.fx.units.b!)]!;
    expect(a.on_time).toBeGreaterThan(0);
    expect(bRow.resolved).toBe(0);
    expect(rank(ctx.fx.units.a!)).toBeLessThan(rank(ctx.fx.units.b!));
    // A province head reads its own letters only: the other province's row is all zeros.
    const head = await withClaims(ctx.app, claims("province_head"), (tx) => complaintStatsByProvince(tx, period));
    expect(head.find((p) => p.province_id === ctx.fx.units.b)?.received ?? 0).toBe(0);
    expect(head.find((p) => p.province_id === ctx.fx.units.a)?.received).toBe(a.received);
  });

  it("refuses a classification without the act's date, naming the field", () => {
    const r = ClassifyLetterSchema.safeParse({
      version: "1",
      kind: "complaint",
      actorUnitId: ctx.fx.units.a1,
      actorRole: "head",
      actKind: "coercion",
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(["actKnownOn"]);
  });
});

describe("linking letters", () => {
  const register = async (who: "clerk" | "clerk_b", unit: string, over: Record<string, unknown> = {}) => {
    const parsed = RegisterLetterSchema.parse(form({ unitId: unit, receivedOn: "14/10/2026", ...over }));
    const r = await complaintWrite(ctx.app, claims(who), (tx) => registerLetter(tx, { ...parsed, userId: ctx.fx.users[who]! }));
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  const version = async (id: string) =>
    Number((await ctx.owner<{ version: number }[]>`select version from public.complaint_letters where id = ${id}`)[0]!.version);
  const link = (id: string, fields: Record<string, unknown>, who: "clerk" | "clerk_b" = "clerk") =>
    complaintWrite(ctx.app, claims(who), (tx) => linkLetter(tx, id, LinkLetterSchema.parse(fields)));
  const received = async () =>
    (
      await withClaims(ctx.app, claims("province_head"), (tx) =>
        complaintStats(tx, { provinceId: ctx.fx.units.a, from: "2026-10-14", to: "2026-10-14" }),
      )
    ).reduce((n, r) => n + r.received, 0);

  it("marks a later copy a duplicate of the original: not counted again, shown both ways, and a duplicate's code leads to the original", async () => {
    const original = await register("clerk", ctx.fx.units.a1!);
    const copy = await register("clerk", ctx.fx.units.a1!);
    const third = await register("clerk", ctx.fx.units.a1!);
    const before = await received();
    const r = await link(copy.id, { version: String(await version(copy.id)), relation: "duplicate", code: original.trackingCode });
    expect(r.ok).toBe(true);
    expect(await received()).toBe(before - 1);
    const fromOriginal = await withClaims(ctx.app, claims("clerk"), (tx) => relatedLetters(tx, original.id));
    expect(fromOriginal.map((x) => [x.id, x.relation])).toEqual([[copy.id, "duplicated_by"]]);
    const fromCopy = await withClaims(ctx.app, claims("clerk"), (tx) => relatedLetters(tx, copy.id));
    expect(fromCopy.map((x) => [x.id, x.relation])).toEqual([[original.id, "duplicate_of"]]);
    // The copy's code names the original: the third letter points at the original, not at the copy.
    expect((await link(third.id, { version: String(await version(third.id)), relation: "duplicate", code: copy.trackingCode })).ok).toBe(
      true,
    );
    const [t] = await ctx.owner<{ duplicate_of: string }[]>`select duplicate_of from public.complaint_letters where id = ${third.id}`;
    expect(t!.duplicate_of).toBe(original.id);
    // The original, having copies, cannot become a duplicate; a blank code removes a link.
    const refusedOriginal = await link(original.id, {
      version: String(await version(original.id)),
      relation: "duplicate",
      code: third.trackingCode,
    });
    expect(refusedOriginal).toMatchObject({ ok: false, field: "code" });
    expect(await received()).toBe(before - 2);
    expect((await link(third.id, { version: String(await version(third.id)), relation: "duplicate", code: "" })).ok).toBe(true);
    expect(await received()).toBe(before - 1);
  });

  it("refuses itself, another province's letter, a stale version and a bad relation, writing nothing", async () => {
    const a = await register("clerk", ctx.fx.units.a1!);
    const b = await register("clerk_b", ctx.fx.units.b1!);
    const v = String(await version(a.id));
    expect(await link(a.id, { version: v, relation: "same_matter", code: a.trackingCode })).toMatchObject({ ok: false, field: "code" });
    // The other province's letter is not found by this clerk.
    expect(await link(a.id, { version: v, relation: "same_matter", code: b.trackingCode })).toMatchObject({ ok: false, field: "code" });
    expect(await link(a.id, { version: String(Number(v) + 5), relation: "same_matter", code: "" })).toMatchObject({
      ok: false,
      status: 409,
    });
    // The other province's clerk cannot link this province's letter at all.
    expect(await link(a.id, { version: v, relation: "same_matter", code: b.trackingCode }, "clerk_b")).toMatchObject({ ok: false });
    expect(LinkLetterSchema.safeParse({ version: v, relation: "copy", code: "" }).error?.issues[0]?.path).toEqual(["relation"]);
    expect(await version(a.id)).toBe(Number(v));
    const [row] = await ctx.owner<
      { same_matter_as: string | null }[]
    >`select same_matter_as from public.complaint_letters where id = ${a.id}`;
    expect(row!.same_matter_as).toBeNull();
  });
});

describe("a complaint filed online and registered at the desk", () => {
  it("is tracked by its requester (code and phone) with the letter it became, and by nobody without both", async () => {
    const code = newTrackingCode();
    const [req] = await ctx.owner<{ id: string }[]>`
      insert into public.service_requests (unit_id, kind, tracking_code, idempotency_key, requester_name, requester_phone, factor_keys, details)
      values (${ctx.fx.units.a1}, 'complaint', ${code}, ${randomUUID()}, 'Trần Văn Khiếu', '0912345678', ${["0912345678"]},
              ${ctx.owner.json({ content: "Khiếu nại việc chậm kê biên." })})
      returning id`;
    const before = await asAnon(ctx.app, (tx) => trackRequest(tx, code, "0912345678"));
    expect(before?.letter).toBeNull();
    const reg = await complaintWrite(ctx.app, claims("clerk"), (tx) =>
      letterFromRequest(tx, { requestId: req!.id, idempotencyKey: randomUUID(), receivedOn: "2026-10-12", userId: ctx.fx.users.clerk! }),
    );
    if (!reg.ok) throw new Error(reg.message);
    const tracked = await asAnon(ctx.app, (tx) => trackRequest(tx, code, "0912345678"));
    expect(tracked?.letter).toMatchObject({ code: reg.trackingCode, status: "received", kind: null, outcome: null });
    // Only where it stands: not its content, its sender's details or its handler.
    expect(Object.keys(tracked!.letter!).sort()).toEqual(
      ["acceptedOn", "code", "dueOn", "kind", "outcome", "receivedOn", "resolvedOn", "status"].sort(),
    );
    expect(await asAnon(ctx.app, (tx) => trackRequest(tx, code, "0999999999"))).toBeNull();
  });
});

describe("citizen reception sessions", () => {
  const session = (over: Record<string, unknown> = {}) =>
    RecordSessionSchema.parse({
      idempotencyKey: randomUUID(),
      unitId: ctx.fx.units.a1,
      heldOn: "15/10/2026",
      kind: "head_day",
      hostId: ctx.fx.users.province_head!,
      citizens: "7",
      note: "",
      ...over,
    });

  it("records once, counts the letters received at it, and names the field of a bad host", async () => {
    const input = session();
    const record = () => complaintWrite(ctx.app, claims("clerk"), (tx) => recordSession(tx, { ...input, userId: ctx.fx.users.clerk! }));
    const first = await record();
    const again = await record();
    if (!first.ok || !again.ok) throw new Error("not recorded");
    expect(again.id).toBe(first.id);

    const letter = RegisterLetterSchema.parse(form({ receivedOn: "15/10/2026", sessionId: first.id }));
    const reg = await complaintWrite(ctx.app, claims("clerk"), (tx) => registerLetter(tx, { ...letter, userId: ctx.fx.users.clerk! }));
    expect(reg.ok).toBe(true);
    const listed = await withClaims(ctx.app, claims("province_head"), (tx) => sessionList(tx, { from: "2026-10-01", to: "2026-10-31" }));
    expect(listed.find((s) => s.id === first.id)).toMatchObject({ citizens: 7, letters: 1, kind: "head_day", held_on: "2026-10-15" });
    // Another tenant does not see it.
    const other = await withClaims(ctx.app, claims("clerk_b"), (tx) => sessionList(tx, { from: "2026-10-01", to: "2026-10-31" }));
    expect(other.map((s) => s.id)).not.toContain(first.id);

    // A host from another province is refused by the database, the field named; nothing written.
    const count = async () => Number((await ctx.owner<{ n: bigint }[]>`select count(*) as n from public.reception_sessions`)[0]!.n);
    const before = await count();
    const bad = await complaintWrite(ctx.app, claims("clerk"), (tx) =>
      recordSession(tx, { ...session({ hostId: ctx.fx.users.clerk_b! }), userId: ctx.fx.users.clerk! }),
    );
    expect(bad).toMatchObject({ ok: false, status: 422, field: "hostId" });
    expect(await count()).toBe(before);
    // Another province's unit does not exist for the caller.
    const foreign = await complaintWrite(ctx.app, claims("clerk"), (tx) =>
      recordSession(tx, { ...session({ unitId: ctx.fx.units.b1 }), userId: ctx.fx.users.clerk! }),
    );
    expect(foreign).toMatchObject({ ok: false, field: "unitId" });
    expect(await count()).toBe(before);
  });

  it("refuses bad input naming the field", () => {
    const bad = RecordSessionSchema.safeParse({
      idempotencyKey: randomUUID(),
      unitId: ctx.fx.units.a1,
      heldOn: "31/02/2026",
      kind: "x",
      citizens: "-1",
    });
    expect(new Set(bad.error!.issues.map((i) => String(i.path[0])))).toEqual(new Set(["heldOn", "kind", "citizens"]));
  });
});
