/**
 * Assignment to a regional office (office_assignment): the provincial bureau gives a case it holds
 * itself (an entrusted case opens there) to one of its regional offices, which then decides it.
 * From the assignment's day the office counts the case (received from another unit); the bureau keeps
 * what it counted before (given to another unit), so no reported figure moves (ADR 028), and the
 * offices of a province add up to the province.
 */
import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { caseFactories } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { todayInVietnam, type Role } from "@thads/domain";
import { IntakeSchema, asUserStep, intakeCase } from "../src/index.ts";
import { loadCasePage } from "../src/cases/get-case.ts";
import { CaseFilterSchema, listCases } from "../src/cases/index.ts";
import { childrenStats, resolveUnit, toFigures, unitStats } from "../src/stats/index.ts";
import { statYearOf, statYearPeriod } from "@thads/domain";

const ctx = useTenantFixture();
const { intakeForm, step, actor, claims } = caseFactories(ctx);
const today = todayInVietnam();
const STAFF: [string, Role] = ["province_staff", "province_staff"];

/** A case the province's bureau takes in itself (unit = the province), with a party. */
async function heldByBureau(): Promise<string> {
  const form = { ...intakeForm(), unitId: ctx.fx.units.a };
  const r = await asUserStep(ctx.app, claims("province_staff"), (tx) =>
    intakeCase(tx, IntakeSchema.parse(form), actor("province_staff", "province_staff")),
  );
  if (!r.ok) throw new Error(r.error.message_vi);
  return r.caseId;
}

const unitOf = async (id: string) => {
  const [c] = await ctx.owner<{ unit_id: string; version: number }[]>`select unit_id, version from public.cases where id = ${id}`;
  return c!;
};
/** Under a unit by its statistics (all days, all judgment types): cases accepted, received from and given to another unit, open. */
const countsAt = async (unit: string) => {
  const [r] = await ctx.owner<{ acc: string | null; mvi: string | null; mvo: string | null; open: string | null }[]>`
    select sum(acc_n)::text as acc, sum(mvi_n)::text as mvi, sum(mvo_n)::text as mvo,
           sum(ip_n + pp_n + sp_n + ot_n + ny_n)::text as open
    from public.stat_daily where unit_id = ${unit} and dim = 'all'`;
  return { accepted: Number(r!.acc ?? 0), movedIn: Number(r!.mvi ?? 0), movedOut: Number(r!.mvo ?? 0), open: Number(r!.open ?? 0) };
};

describe("the bureau assigns a case it holds to one of its regional offices", () => {
  it("moves the case, its parties and its figures to the office; the ledger keeps where each step was taken", async () => {
    const id = await heldByBureau();
    const [bureauBefore, officeBefore] = [await countsAt(ctx.fx.units.a), await countsAt(ctx.fx.units.a9)];
    const page = await withClaims(ctx.app, claims("province_staff"), (tx) => loadCasePage(tx, id, ["province_staff"], today));
    expect(page && "actions" in page ? page.actions : []).toContain("office_assignment");
    expect(page && "offices" in page ? page.offices.map((o) => o.id).sort() : []).toEqual([ctx.fx.units.a1, ctx.fx.units.a9].sort());

    const r = await step(id, STAFF, { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units.a9 });
    expect(r).toMatchObject({ ok: true, duplicate: false });
    expect((await unitOf(id)).unit_id).toBe(ctx.fx.units.a9);
    const parties = await ctx.owner<{ unit_id: string }[]>`select unit_id from public.case_parties where case_id = ${id}`;
    expect(parties.length).toBeGreaterThan(0);
    expect(parties.every((p) => p.unit_id === ctx.fx.units.a9)).toBe(true);
    const ledger = await ctx.owner<{ kind: string; unit_id: string }[]>`
      select kind::text, unit_id from public.case_events where case_id = ${id} order by id`;
    expect(ledger).toEqual([
      { kind: "acceptance", unit_id: ctx.fx.units.a },
      { kind: "office_assignment", unit_id: ctx.fx.units.a },
    ]);
    // The office now holds the case, received from the bureau; the bureau keeps its acceptance and
    // records the case as given: nothing it reported moves, and the province's total is unchanged.
    expect(await countsAt(ctx.fx.units.a9)).toEqual({ ...officeBefore, movedIn: officeBefore.movedIn + 1, open: officeBefore.open + 1 });
    expect(await countsAt(ctx.fx.units.a)).toEqual({ ...bureauBefore, movedOut: bureauBefore.movedOut + 1, open: bureauBefore.open - 1 });

    // Not twice: the office holds it now.
    const again = await step(id, STAFF, { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units.a1 });
    expect(again).toMatchObject({ ok: false, error: { code: "not_held_by_bureau" } });
  });

  it("a retry of the same form is recorded once", async () => {
    const id = await heldByBureau();
    const { version } = await unitOf(id);
    const key = crypto.randomUUID();
    const event = { kind: "office_assignment" as const, effectiveDate: today, unitId: ctx.fx.units.a1 };
    expect(await step(id, STAFF, event, { key, version })).toMatchObject({ ok: true, duplicate: false });
    expect(await step(id, STAFF, event, { key, version })).toMatchObject({ ok: true, duplicate: true });
    const [n] = await ctx.owner<{ n: number }[]>`
      select count(*)::int as n from public.case_events where case_id = ${id} and kind = 'office_assignment'`;
    expect(n!.n).toBe(1);
  });

  it.each([
    ["an office of another province", "b1"],
    ["another province", "b"],
    ["the provincial bureau itself", "a"],
  ] as const)("refuses %s with the field named, and writes nothing", async (_label, key) => {
    const id = await heldByBureau();
    const before = await unitOf(id);
    const r = await step(id, STAFF, { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units[key] });
    expect(r).toMatchObject({ ok: false, error: { code: "bad_office", field: "unitId" } });
    expect(await unitOf(id)).toEqual(before);
  });

  it.each([
    ["an office's head", ["subunit_head", "subunit_head"]],
    ["a clerk", ["clerk", "clerk"]],
    ["an executor", ["executor", "executor"]],
  ] as const)("%s may not assign a case to an office", async (_label, who) => {
    const id = await heldByBureau();
    const r = await step(id, [who[0], who[1]], { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units.a1 });
    expect(r).toMatchObject({ ok: false });
    expect((await unitOf(id)).unit_id).toBe(ctx.fx.units.a);
  });

  it("an office's own case is not assigned: the step is neither offered nor taken", async () => {
    const id = ctx.fx.cases.a;
    const page = await withClaims(ctx.app, claims("province_staff"), (tx) => loadCasePage(tx, id, ["province_staff"], today));
    expect(page && "actions" in page ? page.actions : ["none"]).not.toContain("office_assignment");
    const r = await step(id, STAFF, { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units.a9 });
    expect(r).toMatchObject({ ok: false });
    expect((await unitOf(id)).unit_id).toBe(ctx.fx.units.a1);
  });

  it("takes the office's id in any letter case, and stores it as the database writes ids", async () => {
    const id = await heldByBureau();
    const r = await step(id, STAFF, { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units.a1.toUpperCase() });
    expect(r).toMatchObject({ ok: true });
    expect((await unitOf(id)).unit_id).toBe(ctx.fx.units.a1);
    const [e] = await ctx.owner<{ unit: string }[]>`
      select payload->>'unitId' as unit from public.case_events where case_id = ${id} and kind = 'office_assignment'`;
    expect(e!.unit).toBe(ctx.fx.units.a1);
  });

  it("any other step leaves the case's unit and province as they are, even when its office has moved province", async () => {
    // An office of A, later moved to B by the owner's reorganisation (units.province_id).
    const office = crypto.randomUUID();
    await ctx.owner`insert into public.units (id, kind, code, name, parent_id, province_id)
                    values (${office}, 'subunit', ${`P-A-${ctx.fx.tag}-KV07`}, 'Phòng khu vực 7', ${ctx.fx.units.a}, ${ctx.fx.units.a})`;
    const form = { ...intakeForm(), unitId: office };
    const taken = await asUserStep(ctx.app, claims("province_staff"), (tx) =>
      intakeCase(tx, IntakeSchema.parse(form), actor("province_staff", "province_staff")),
    );
    if (!taken.ok) throw new Error(taken.error.message_vi);
    await ctx.owner`update public.units set province_id = ${ctx.fx.units.b}, parent_id = ${ctx.fx.units.b} where id = ${office}`;
    const r = await step(taken.caseId, STAFF, {
      kind: "decision",
      effectiveDate: today,
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 1_000_000n }],
    });
    expect(r).toMatchObject({ ok: true });
    const [c] = await ctx.owner<{ unit_id: string; province_id: string }[]>`
      select unit_id, province_id from public.cases where id = ${taken.caseId}`;
    expect(c).toEqual({ unit_id: office, province_id: ctx.fx.units.a });
    // The office goes back where it was (the province's tables below count its offices).
    await ctx.owner`update public.units set province_id = ${ctx.fx.units.a}, parent_id = ${ctx.fx.units.a} where id = ${office}`;
  });

  it("the office then decides the case with one of its own executors", async () => {
    const id = await heldByBureau();
    expect(await step(id, STAFF, { kind: "office_assignment", effectiveDate: today, unitId: ctx.fx.units.a1 })).toMatchObject({ ok: true });
    const decided = await step(id, ["subunit_head", "subunit_head"], {
      kind: "decision",
      effectiveDate: today,
      mode: "on_request",
      executorId: ctx.fx.users.executor!,
      obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
    });
    expect(decided.ok ? null : decided.error).toBeNull();
  });
});

describe("a province's offices add up to the province, with the cases its bureau holds itself", () => {
  it("shows the bureau's own row, whose figures open exactly its cases", async () => {
    await heldByBureau();
    const from = statYearPeriod(statYearOf(today)).from;
    await withClaims(ctx.app, claims("province_staff"), async (tx) => {
      const province = (await resolveUnit(tx, `P-A-${ctx.fx.tag}`))!;
      const rows = await childrenStats(tx, province, from, today);
      const own = rows.find((r) => r.bureau);
      expect(own).toMatchObject({ id: ctx.fx.units.a, code: province.code });
      expect(own!.name).toContain("cơ quan tỉnh trực tiếp thụ lý");
      expect(BigInt(own!.cases.to_enforce)).toBeGreaterThan(0n);
      // The rows add up to the province, by cases and by money.
      const total = toFigures(await unitStats(tx, province, from, today));
      const sum = (pick: (r: (typeof rows)[number]) => string) => rows.reduce((a, r) => a + BigInt(pick(r)), 0n);
      expect(sum((r) => r.cases.to_enforce)).toBe(BigInt(total.cases.to_enforce));
      expect(sum((r) => r.money.to_enforce)).toBe(BigInt(total.money.to_enforce));
      // Its figure opens its cases, not the province's.
      const list = async (own: boolean) =>
        (
          await listCases(
            tx,
            CaseFilterSchema.parse({
              stat: "to_enforce",
              statUnit: province.code,
              statFrom: from,
              statTo: today,
              ...(own ? { statOwn: "1" } : {}),
            }),
            today,
          )
        ).total;
      expect(await list(true)).toBe(Number(own!.cases.to_enforce));
      expect(await list(false)).toBe(Number(total.cases.to_enforce));
    });
  });
});
