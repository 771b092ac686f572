/**
 * The ids a write names, checked by the database itself: a client talking to
 * it directly (as `authenticated`, or as `case_writer` as the case service
 * does) cannot point a row at another tenant's unit, person or case.
 *   - a case's executor: an executor of the case's own unit;
 *   - a transfer: to a current province other than the case's own;
 *   - a case's unit: changed only by the assignment step in its ledger, from its
 *     provincial bureau to a current regional office of its own province;
 *   - a directive: to a unit or person within the committee's scope, answered
 *     by the addressee's side only;
 *   - a request: filed in no one's name or in the caller's own;
 *   - security-definer functions callable through the API: a known list, each
 *     answering nothing outside the caller's scope.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { asAnon, asCaseWriter, withClaims } from "../src/rls.ts";
import { inRolledBackTransaction, useTenantFixture } from "@thads/test-support/fixtures";
import { buildSteeringFixture, type SteeringFixture } from "@thads/test-support/steering-fixture";

const ctx = useTenantFixture();
let st: SteeringFixture;
let dissolvedProvince: string;
beforeAll(async () => {
  st = await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
  dissolvedProvince = randomUUID();
  await ctx.owner`insert into public.units (id, kind, code, name, parent_id, province_id, dissolved_on, merged_into_id)
                  values (${dissolvedProvince}, 'province', ${`P-OLD-${ctx.fx.tag}`}, 'THADS tỉnh cũ', ${ctx.fx.units.national},
                          ${dissolvedProvince}, '2025-07-01', ${ctx.fx.units.a})`;
});

class Rollback extends Error {}
type Result = "ok" | string;

/** Runs a write as a user (optionally as case_writer) in a transaction always rolled back: "ok" or the SQLSTATE. */
async function attempt(user: string, fn: (tx: TxSql) => PromiseLike<unknown>, opts: { writer?: boolean } = {}): Promise<Result> {
  let result: Result = "ok";
  try {
    await withClaims(ctx.app, { sub: user, role: "authenticated" }, async (tx) => {
      if (opts.writer) await asCaseWriter(tx);
      try {
        await fn(tx);
      } catch (e) {
        result = (e as { code?: string }).code ?? String(e);
      }
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return result;
}

describe("a case's executor is an executor of the case's own unit", () => {
  const setExecutor = (executor: string) => (tx: TxSql) =>
    tx`update public.cases set executor_id = ${executor} where id = ${ctx.fx.cases.a} returning id`;

  it("a colleague executor of the same unit may be assigned", async () => {
    expect(await attempt(ctx.fx.users.subunit_head!, setExecutor(ctx.fx.users.colleague_a!), { writer: true })).toBe("ok");
  });
  it.each([
    ["another province's executor", "colleague_b"],
    ["a creditor", "creditor"],
    ["a clerk of the unit", "clerk"],
    ["a steering committee member", "steering_member"],
  ])("%s may not be assigned on the case row", async (_label, who) => {
    expect(await attempt(ctx.fx.users.subunit_head!, setExecutor(ctx.fx.users[who]!), { writer: true })).toBe("23514");
  });
  it.each([["executor_change"], ["decision"]])("a %s event naming another province's executor is refused", async (kind) => {
    const payload = { executorId: ctx.fx.users.colleague_b!, obligations: [] };
    const r = await attempt(
      ctx.fx.users.subunit_head!,
      (tx) =>
        tx`insert into public.case_events (case_id, kind, effective_date, payload)
         values (${ctx.fx.cases.a}, ${kind}, '2026-10-10', ${tx.json(payload)})`,
      { writer: true },
    );
    expect(r).toBe("23514");
  });
  it("an executor_change event naming the unit's own executor is stored", async () => {
    const r = await attempt(
      ctx.fx.users.subunit_head!,
      (tx) =>
        tx`insert into public.case_events (case_id, kind, effective_date, payload)
         values (${ctx.fx.cases.a}, 'executor_change', '2026-10-10', ${tx.json({ executorId: ctx.fx.users.colleague_a! })})`,
      { writer: true },
    );
    expect(r).toBe("ok");
  });
});

describe("a transfer goes to a current province other than the case's own", () => {
  const transferTo = (unit: string) => (tx: TxSql) =>
    tx`update public.cases set status = 'transferred_out', transferred_to_province_id = ${unit} where id = ${ctx.fx.cases.a} returning id`;

  it("another current province is accepted", async () => {
    expect(await attempt(ctx.fx.users.province_head!, transferTo(ctx.fx.units.b), { writer: true })).toBe("ok");
  });
  it.each([
    ["the case's own province", "a"],
    ["an office of the same province", "a9"],
    ["an office of another province", "b1"],
    ["the national directorate", "national"],
  ] as const)("%s is refused", async (_label, key) => {
    expect(await attempt(ctx.fx.users.province_head!, transferTo(ctx.fx.units[key]), { writer: true })).toBe("23514");
  });
  it("a dissolved former province is refused", async () => {
    expect(await attempt(ctx.fx.users.province_head!, transferTo(dissolvedProvince), { writer: true })).toBe("23514");
  });
  it("a transfer event naming an office of the same province is refused", async () => {
    const r = await attempt(
      ctx.fx.users.province_head!,
      (tx) =>
        tx`insert into public.case_events (case_id, kind, effective_date, payload)
         values (${ctx.fx.cases.a}, 'transfer', '2026-10-10', ${tx.json({ toProvinceId: ctx.fx.units.a9 })})`,
      { writer: true },
    );
    expect(r).toBe("23514");
  });
});

describe("a transfer to a military-region enforcement agency names it, and only it", () => {
  const transferEvent = (payload: Record<string, unknown>) => (tx: TxSql) =>
    tx`insert into public.case_events (case_id, kind, effective_date, payload)
       values (${ctx.fx.cases.a}, 'transfer', '2026-10-10', ${tx.json(payload as never)})`;
  const closeTo =
    (agency: string, province: string | null = null) =>
    (tx: TxSql) =>
      tx`update public.cases set status = 'transferred_out', transferred_to_agency = ${agency}, transferred_to_province_id = ${province}
       where id = ${ctx.fx.cases.a} returning id`;

  it("a transfer event naming the agency in words is accepted, and so is the case closed to it", async () => {
    expect(
      await attempt(ctx.fx.users.province_head!, transferEvent({ toMilitaryAgency: "Phòng Thi hành án Quân khu 7" }), { writer: true }),
    ).toBe("ok");
    expect(await attempt(ctx.fx.users.province_head!, closeTo("Phòng Thi hành án Quân khu 7"), { writer: true })).toBe("ok");
  });
  it.each([
    ["a province as well", { toMilitaryAgency: "Phòng Thi hành án Quân khu 7", toProvinceId: "b" }],
    ["a name of one character", { toMilitaryAgency: "X" }],
    ["a name of 301 characters", { toMilitaryAgency: "Q".repeat(301) }],
    ["a blank name", { toMilitaryAgency: "   " }],
    ["a name that is not text", { toMilitaryAgency: { name: "Quân khu 7" } }],
  ] as const)("a transfer event naming %s is refused", async (_label, payload) => {
    const p = "toProvinceId" in payload ? { ...payload, toProvinceId: ctx.fx.units.b } : payload;
    expect(await attempt(ctx.fx.users.province_head!, transferEvent(p), { writer: true })).toBe("23514");
  });
  it("a case closed as transferred without naming where to is refused", async () => {
    const closed = (tx: TxSql) => tx`update public.cases set status = 'transferred_out' where id = ${ctx.fx.cases.a} returning id`;
    expect(await attempt(ctx.fx.users.province_head!, closed, { writer: true })).toBe("23514");
  });
  it("a case naming both a province and a military-region agency, or a one-letter agency, is refused", async () => {
    expect(await attempt(ctx.fx.users.province_head!, closeTo("Phòng Thi hành án Quân khu 7", ctx.fx.units.b), { writer: true })).toBe(
      "23514",
    );
    expect(await attempt(ctx.fx.users.province_head!, closeTo("X"), { writer: true })).toBe("23514");
  });
});

describe("an acceptance names the military-region agency that entrusted the case only as such", () => {
  const accept = (payload: Record<string, unknown>) => (tx: TxSql) =>
    tx`insert into public.case_events (case_id, kind, effective_date, payload)
       values (${ctx.fx.cases.a}, 'acceptance', '2026-10-10', ${tx.json(payload as never)})`;
  const base = () => ({ provinceId: ctx.fx.units.a, unitId: ctx.fx.units.a1 });

  let fresh: string;
  beforeAll(async () => {
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name, source)
      values (${ctx.fx.units.a1}, ${ctx.fx.units.a}, ${`QK-${ctx.fx.tag}`}, '2026-10-10', 'ex_officio', 'criminal', 'X', 'transfer_in')
      returning id`;
    fresh = c!.id;
  });
  const acceptFresh = (payload: Record<string, unknown>) => (tx: TxSql) =>
    tx`insert into public.case_events (case_id, kind, effective_date, payload)
       values (${fresh}, 'acceptance', '2026-10-10', ${tx.json(payload as never)})`;

  it("an entrusted case's acceptance naming the agency is written", async () => {
    expect(
      await attempt(
        ctx.fx.users.province_head!,
        acceptFresh({ ...base(), source: "transfer_in", fromAgency: "Phòng Thi hành án Quân khu 3" }),
        { writer: true },
      ),
    ).toBe("ok");
  });
  it.each([
    ["with another source", { source: "court_transfer", fromAgency: "Phòng Thi hành án Quân khu 3" }],
    ["of one character", { source: "transfer_in", fromAgency: "X" }],
    ["that is not text", { source: "transfer_in", fromAgency: 7 }],
    ["of 301 characters", { source: "transfer_in", fromAgency: "Q".repeat(301) }],
    ["with no source at all", { fromAgency: "Phòng Thi hành án Quân khu 3" }],
  ] as const)("an agency named %s is refused", async (_label, payload) => {
    expect(await attempt(ctx.fx.users.province_head!, acceptFresh({ ...base(), ...payload }), { writer: true })).toBe("23514");
    expect(await attempt(ctx.fx.users.province_head!, accept({ ...base(), ...payload }), { writer: true })).toBe("23514");
  });

  const agency = { source: "transfer_in", fromAgency: "Phòng Thi hành án Quân khu 3" };
  it("the agency's entrusting decision, its number and date, is written beside it (L106 Art. 49(2))", async () => {
    const decision = { ...base(), ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "2026-10-10" };
    expect(await attempt(ctx.fx.users.province_head!, acceptFresh(decision), { writer: true })).toBe("ok");
  });
  it.each([
    ["without the agency", { source: "transfer_in", entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "2026-10-08" }],
    ["without its date", { ...agency, entrustingDecisionNumber: "05/QĐ-THA" }],
    ["without its number", { ...agency, entrustingDecisionOn: "2026-10-08" }],
    ["with a blank number", { ...agency, entrustingDecisionNumber: " ", entrustingDecisionOn: "2026-10-08" }],
    ["with a number of 61 characters", { ...agency, entrustingDecisionNumber: "Q".repeat(61), entrustingDecisionOn: "2026-10-08" }],
    ["with a number that is not text", { ...agency, entrustingDecisionNumber: 5, entrustingDecisionOn: "2026-10-08" }],
    ["dated after the acceptance", { ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "2026-10-11" }],
    ["dated in another shape", { ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "08/10/2026" }],
    ["dated on a day that does not exist", { ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "2026-02-31" }],
    ["dated in year 0", { ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "0000-01-01" }],
  ] as const)("an entrusting decision %s is refused", async (_label, payload) => {
    expect(await attempt(ctx.fx.users.province_head!, acceptFresh({ ...base(), ...payload }), { writer: true })).toBe("23514");
  });
});

describe("a transfer within the province names a district agency of it, before 01/07/2025", () => {
  let oldDistrict: string;
  let oldCase: string;
  beforeAll(async () => {
    // A case of office A1 accepted in 2024.
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a1}, ${ctx.fx.units.a}, ${`CC-${ctx.fx.tag}`}, '2024-01-10', 'on_request', 'civil', 'X') returning id`;
    oldCase = c!.id;
    // A district agency of province A that gave way to a regional office on 01/07/2025.
    oldDistrict = randomUUID();
    await ctx.owner`insert into public.units (id, kind, code, name, parent_id, province_id, dissolved_on)
                    values (${oldDistrict}, 'subunit', ${`CC-OLD-${ctx.fx.tag}`}, 'Chi cục THADS huyện cũ', ${ctx.fx.units.a},
                            ${ctx.fx.units.a}, '2025-07-01')`;
  });
  const transferWithin = (day: string, unitId: unknown) => (tx: TxSql) =>
    tx`insert into public.case_events (case_id, kind, effective_date, payload)
       values (${oldCase}, 'intra_province_transfer', ${day}, ${tx.json({ unitId } as never)})`;

  it("to a district agency of the province that existed that day, before 01/07/2025, is written", async () => {
    expect(await attempt(ctx.fx.users.province_head!, transferWithin("2025-06-30", oldDistrict), { writer: true })).toBe("ok");
    expect(await attempt(ctx.fx.users.province_head!, transferWithin("2024-03-01", ctx.fx.units.a9), { writer: true })).toBe("ok");
  });
  it.each([
    ["dated 01/07/2025", "2025-07-01", "a9"],
    ["to an office of another province", "2025-06-30", "b1"],
    ["to the provincial bureau", "2025-06-30", "a"],
    ["to the directorate", "2025-06-30", "national"],
  ] as const)("%s is refused", async (_label, day, key) => {
    expect(await attempt(ctx.fx.users.province_head!, transferWithin(day, ctx.fx.units[key]), { writer: true })).toBe("23514");
  });
  it("to an agency already gone that day, or naming no unit, is refused", async () => {
    expect(await attempt(ctx.fx.users.province_head!, transferWithin("2025-07-01", oldDistrict), { writer: true })).toBe("23514");
    expect(await attempt(ctx.fx.users.province_head!, transferWithin("2025-06-30", "Chi cục"), { writer: true })).toBe("23514");
    expect(await attempt(ctx.fx.users.province_head!, transferWithin("2025-06-30", null), { writer: true })).toBe("23514");
  });
});

describe("a case changes unit only by an assignment to a regional office of its province, in its ledger", () => {
  let held: string;
  beforeAll(async () => {
    // A case the provincial bureau of A holds itself (as an entrusted case opens).
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a}, ${ctx.fx.units.a}, ${`UT-${ctx.fx.tag}`}, '2026-10-01', 'on_request', 'civil', 'X') returning id`;
    held = c!.id;
  });
  const assign = (caseId: string, unit: string) => (tx: TxSql) =>
    tx`insert into public.case_events (case_id, kind, effective_date, payload)
       values (${caseId}, 'office_assignment', '2026-10-10', ${tx.json({ unitId: unit })})`;
  const move = (caseId: string, unit: string) => (tx: TxSql) =>
    tx`update public.cases set unit_id = ${unit} where id = ${caseId} returning id`;

  it("the bureau assigns a case it holds to one of its offices, the ledger first", async () => {
    expect(
      await attempt(
        ctx.fx.users.province_staff!,
        async (tx) => {
          await assign(held, ctx.fx.units.a1)(tx);
          await move(held, ctx.fx.units.a1)(tx);
        },
        { writer: true },
      ),
    ).toBe("ok");
  });
  it.each([
    ["an office of another province", "b1"],
    ["the provincial bureau itself", "a"],
    ["another province", "b"],
    ["the national directorate", "national"],
  ] as const)("an assignment naming %s is refused", async (_label, key) => {
    expect(await attempt(ctx.fx.users.province_staff!, assign(held, ctx.fx.units[key]), { writer: true })).toBe("23514");
  });
  it.each([
    ["the province's head, as the case service", "province_head", true],
    ["the province's staff, as the case service", "province_staff", true],
    ["a national admin, as the case service", "national_admin", true],
    ["the province's staff, as a signed-in client", "province_staff", false],
  ] as const)("a handover on reorganisation (the agency's maintenance) is refused to %s", async (_label, user, writer) => {
    const handover = (tx: TxSql) =>
      tx`insert into public.case_events (case_id, kind, effective_date, payload)
         values (${ctx.fx.cases.a}, 'reorganisation', '2026-10-10', ${tx.json({ unitId: ctx.fx.units.a9, fromUnitId: ctx.fx.units.a1 })})`;
    expect(await attempt(ctx.fx.users[user]!, handover, { writer })).toBe("42501");
  });
  it("the refusal of a handover names the rule, and the agency's own maintenance path writes it", async () => {
    const error = await withClaims(ctx.app, { sub: ctx.fx.users.province_staff!, role: "authenticated" }, async (tx) => {
      await asCaseWriter(tx);
      await tx`insert into public.case_events (case_id, kind, effective_date, payload)
               values (${ctx.fx.cases.a}, 'reorganisation', '2026-10-10', ${tx.json({ unitId: ctx.fx.units.a9, fromUnitId: ctx.fx.units.a1 })})`;
    }).then(
      () => null,
      (e: { constraint_name?: string }) => e.constraint_name,
    );
    expect(error).toBe("case_events_maintenance_only");
    await inRolledBackTransaction(ctx.owner, async (tx) => {
      const [e] = await tx<{ kind: string }[]>`
        insert into public.case_events (case_id, kind, effective_date, payload)
        values (${ctx.fx.cases.a}, 'reorganisation', '2026-10-10', ${tx.json({ unitId: ctx.fx.units.a9, fromUnitId: ctx.fx.units.a1 })})
        returning kind::text`;
      expect(e!.kind).toBe("reorganisation");
    });
  });
  it.each([
    ["names a unit of another province", (a1: string, _a9: string, b1: string) => ({ unitId: b1, fromUnitId: a1 })],
    ["names as the unit handing over one that does not hold the case", (_a1: string, a9: string) => ({ unitId: a9, fromUnitId: a9 })],
    ["hands the case to the unit that holds it", (a1: string) => ({ unitId: a1, fromUnitId: a1 })],
    ["names a unit in another spelling", (a1: string, a9: string) => ({ unitId: a9.toUpperCase(), fromUnitId: a1 })],
  ] as const)("even the maintenance's handover is refused when it %s", async (_label, payload) => {
    const error = await inRolledBackTransaction(ctx.owner, (tx) =>
      tx`insert into public.case_events (case_id, kind, effective_date, payload)
         values (${ctx.fx.cases.a}, 'reorganisation', '2026-10-10', ${tx.json(payload(ctx.fx.units.a1, ctx.fx.units.a9, ctx.fx.units.b1))})`.then(
        () => null,
        (e: { code?: string }) => e.code,
      ),
    );
    expect(error).toBe("23514");
  });
  it("the unit a case is handed over to reads its whole ledger, the steps of the unit before included", async () => {
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a1}, ${ctx.fx.units.a}, ${`UTH-${ctx.fx.tag}`}, '2026-10-01', 'on_request', 'civil', 'X') returning id`;
    const id = c!.id;
    await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload)
                    values (${id}, 'acceptance', '2026-10-01', ${ctx.owner.json({ provinceId: ctx.fx.units.a, unitId: ctx.fx.units.a1, source: "court_transfer" })})`;
    await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload)
                    values (${id}, 'reorganisation', '2026-10-05', ${ctx.owner.json({ unitId: ctx.fx.units.a9, fromUnitId: ctx.fx.units.a1 })})`;
    await ctx.owner`update public.cases set unit_id = ${ctx.fx.units.a9} where id = ${id}`;
    const kinds = async (user: string) =>
      await withClaims(ctx.app, { sub: user, role: "authenticated" }, async (tx) =>
        (await tx<{ kind: string }[]>`select kind::text from public.case_events where case_id = ${id} order by id`).map((r) => r.kind),
      );
    // A clerk of office 9 (the successor), the province's staff, another province's clerk.
    await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${ctx.fx.users.spare_a!}, ${ctx.fx.units.a9}, 'clerk')`;
    try {
      expect(await kinds(ctx.fx.users.spare_a!)).toEqual(["acceptance", "reorganisation"]);
      expect(await kinds(ctx.fx.users.province_staff!)).toEqual(["acceptance", "reorganisation"]);
      expect(await kinds(ctx.fx.users.clerk_b!)).toEqual([]);
    } finally {
      await ctx.owner`delete from public.memberships where user_id = ${ctx.fx.users.spare_a!} and unit_id = ${ctx.fx.units.a9}`;
    }
  });
  it("a case an office already holds is not assigned again", async () => {
    expect(await attempt(ctx.fx.users.province_head!, assign(ctx.fx.cases.a, ctx.fx.units.a9), { writer: true })).toBe("23514");
  });
  it("the unit of a case held by the bureau does not change with no step in the ledger", async () => {
    expect(await attempt(ctx.fx.users.province_staff!, move(held, ctx.fx.units.a1), { writer: true })).toBe("23514");
  });
  it("a signed-in client talking to the database may not write a case's unit at all", async () => {
    expect(await attempt(ctx.fx.users.province_staff!, move(held, ctx.fx.units.a1))).toBe("42501");
  });
  it("the case goes only to the office its ledger names", async () => {
    const r = await attempt(
      ctx.fx.users.province_staff!,
      async (tx) => {
        await assign(held, ctx.fx.units.a1)(tx);
        await move(held, ctx.fx.units.a9)(tx);
      },
      { writer: true },
    );
    expect(r).toBe("23514");
  });
  it("the office reads the steps the bureau took before; no other office or province does", async () => {
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a}, ${ctx.fx.units.a}, ${`UT2-${ctx.fx.tag}`}, '2026-10-01', 'on_request', 'civil', 'X') returning id`;
    const id = c!.id;
    await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload)
                    values (${id}, 'acceptance', '2026-10-01', ${ctx.owner.json({ provinceId: ctx.fx.units.a, source: "transfer_in" })})`;
    const readable = async (user: string) =>
      await withClaims(ctx.app, { sub: user, role: "authenticated" }, async (tx) => {
        const [ids] = await tx<{ ids: string[] }[]>`select app_private.assigned_case_ids() as ids`;
        const rows = await tx<{ kind: string }[]>`select kind::text from public.case_events where case_id = ${id}`;
        return { assigned: ids!.ids.includes(id), kinds: rows.map((r) => r.kind).sort() };
      });
    // Before the assignment the office sees nothing of the bureau's case.
    expect(await readable(ctx.fx.users.clerk!)).toEqual({ assigned: false, kinds: [] });
    await withClaims(ctx.app, { sub: ctx.fx.users.province_staff!, role: "authenticated" }, async (tx) => {
      await asCaseWriter(tx);
      await assign(id, ctx.fx.units.a1)(tx);
      await move(id, ctx.fx.units.a1)(tx);
    });
    expect(await readable(ctx.fx.users.clerk!)).toEqual({ assigned: true, kinds: ["acceptance", "office_assignment"] });
    expect(await readable(ctx.fx.users.executor!)).toEqual({ assigned: true, kinds: ["acceptance", "office_assignment"] });
    // A sibling office of the province, another province, a creditor, a steering member: nothing.
    const sibling = randomUUID();
    await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role)
                    values (${sibling}, ${`a9clerk.${ctx.fx.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
    await ctx.owner`insert into public.profiles (id, full_name, email, unit_id) values (${sibling}, 'a9 clerk', 'a9clerk@test.vn', ${ctx.fx.units.a9})`;
    await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${sibling}, ${ctx.fx.units.a9}, 'clerk')`;
    for (const other of [
      sibling,
      ctx.fx.users.colleague_b!,
      ctx.fx.users.clerk_b!,
      ctx.fx.users.creditor!,
      ctx.fx.users.steering_member!,
    ]) {
      expect(await readable(other), other).toEqual({ assigned: false, kinds: [] });
    }
    // Once the case has left the office (an owner's reorganisation), the office no longer reads its earlier steps.
    await ctx.owner`update public.cases set unit_id = ${ctx.fx.units.a9} where id = ${id}`;
    expect(await readable(ctx.fx.users.clerk!)).toEqual({ assigned: false, kinds: [] });
  });
  it("a case is assigned once, and moves only in the transaction of its assignment", async () => {
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a}, ${ctx.fx.units.a}, ${`UT3-${ctx.fx.tag}`}, '2026-10-01', 'on_request', 'civil', 'X') returning id`;
    const id = c!.id;
    // Two assignments in one transaction: the second is refused.
    const twice = await attempt(
      ctx.fx.users.province_staff!,
      async (tx) => {
        await assign(id, ctx.fx.units.a1)(tx);
        await assign(id, ctx.fx.units.a9)(tx);
      },
      { writer: true },
    );
    expect(twice).toBe("23514");
    // An assignment recorded earlier does not let a later transaction move the case.
    await withClaims(ctx.app, { sub: ctx.fx.users.province_staff!, role: "authenticated" }, async (tx) => {
      await asCaseWriter(tx);
      await assign(id, ctx.fx.units.a1)(tx);
    });
    expect(await attempt(ctx.fx.users.province_staff!, move(id, ctx.fx.units.a1), { writer: true })).toBe("23514");
  });
  it.each([
    ["to another office of the province", "a9"],
    ["back to the bureau", "a"],
  ] as const)("province staff may not move an office's case %s", async (_label, key) => {
    expect(await attempt(ctx.fx.users.province_head!, move(ctx.fx.cases.a, ctx.fx.units[key]), { writer: true })).toBe("23514");
  });
});

describe("a directive's addressee lies within the committee's scope", () => {
  const issue = (committee: string, to: { unit?: string; user?: string }) => (tx: TxSql) =>
    tx`insert into public.steering_directives (committee_id, addressee_unit_id, addressee_user_id, body, issued_on, due_on)
       values (${committee}, ${to.unit ?? null}, ${to.user ?? null}, 'Báo cáo tiến độ', '2026-11-01', '2026-11-30') returning id`;

  it("a province committee addresses a unit and a person of its province", async () => {
    expect(await attempt(st.users.memberA, issue(st.committees.a, { unit: ctx.fx.units.a1 }))).toBe("ok");
    expect(await attempt(st.users.memberA, issue(st.committees.a, { user: ctx.fx.users.colleague_a! }))).toBe("ok");
  });
  it.each([
    ["another province's office", { unit: "b1" }],
    ["another province", { unit: "b" }],
    ["the national directorate", { unit: "national" }],
  ] as const)("a province committee may not address %s", async (_label, to) => {
    expect(await attempt(st.users.memberA, issue(st.committees.a, { unit: ctx.fx.units[to.unit] }))).toBe("23514");
  });
  it("a province committee may not address a dissolved unit", async () => {
    expect(await attempt(st.users.memberA, issue(st.committees.a, { unit: dissolvedProvince }))).toBe("23514");
  });
  it.each([
    ["another province's executor", "colleague_b"],
    ["a creditor", "creditor"],
    ["a user without a membership", "spare_a"],
  ])("a province committee may not address %s", async (_label, who) => {
    expect(await attempt(st.users.memberA, issue(st.committees.a, { user: ctx.fx.users[who]! }))).toBe("23514");
  });
  it("the central committee addresses any province's staff, not a creditor", async () => {
    expect(await attempt(st.users.memberNational, issue(st.committees.national, { unit: ctx.fx.units.b1 }))).toBe("ok");
    expect(await attempt(st.users.memberNational, issue(st.committees.national, { user: ctx.fx.users.colleague_b! }))).toBe("ok");
    expect(await attempt(st.users.memberNational, issue(st.committees.national, { user: ctx.fx.users.creditor! }))).toBe("23514");
  });
  it("a committee may not re-address a directive outside its scope", async () => {
    const r = await attempt(
      st.users.memberA,
      (tx) => tx`update public.steering_directives set addressee_unit_id = ${ctx.fx.units.b1} where id = ${st.directives.a} returning id`,
    );
    expect(r).toBe("23514");
  });
});

describe("only the addressee's side answers a directive", () => {
  const answer = (by: string) => (tx: TxSql) =>
    tx`update public.steering_directives set answer = 'Đã thực hiện', answered_on = '2026-11-05', answered_by = ${by}
       where id = ${st.directives.a} returning id`;

  it("the addressee unit's head answers", async () => {
    expect(await attempt(ctx.fx.users.subunit_head!, answer(ctx.fx.users.subunit_head!))).toBe("ok");
  });
  it("the committee that issued it may not answer", async () => {
    expect(await attempt(st.users.memberA, answer(st.users.memberA))).toBe("42501");
  });
  it("the addressee may not answer in someone else's name", async () => {
    expect(await attempt(ctx.fx.users.subunit_head!, answer(st.users.memberA))).toBe("42501");
  });
});

describe("a request is filed in no one's name or in the caller's own", () => {
  const file = (requester: string | null) => (tx: TxSql) =>
    tx`insert into public.service_requests (unit_id, kind, channel, tracking_code, idempotency_key, requester_id, requester_name, factor_keys)
       values (${ctx.fx.units.a1}, 'enforcement_request', 'desk', '0123456789ABC', ${randomUUID()}, ${requester}, 'Trần Thị B', '{0901234567}')`;

  it("a clerk files a walk-in request in no one's name", async () => {
    expect(await attempt(ctx.fx.users.clerk!, file(null))).toBe("ok");
  });
  it("a creditor files in its own name", async () => {
    expect(await attempt(ctx.fx.users.creditor!, file(ctx.fx.users.creditor!))).toBe("ok");
  });
  it("a clerk may not file in a creditor's name", async () => {
    expect(await attempt(ctx.fx.users.clerk!, file(ctx.fx.users.creditor!))).toBe("42501");
  });
  it("a creditor may not file in another account's name", async () => {
    expect(await attempt(ctx.fx.users.creditor!, file(ctx.fx.users.spare_a!))).toBe("42501");
  });
});

describe("security-definer functions callable through the API", () => {
  it("are exactly the known list, each scoped to its caller", async () => {
    const rows = await ctx.owner<{ fn: string; anon: boolean; authenticated: boolean }[]>`
      select p.pronamespace::regnamespace || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as fn,
             has_function_privilege('anon', p.oid, 'execute') as anon,
             has_function_privilege('authenticated', p.oid, 'execute') as authenticated
      from pg_proc p
      where p.prosecdef and p.pronamespace::regnamespace::text in ('public', 'app_private')
        and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
      order by 1`;
    // Each entry: who may call it and how it answers only about the caller's own scope (tested below or in the file named).
    expect(rows.map((r) => `${r.fn}${r.anon ? " anon" : ""}${r.authenticated ? " authenticated" : ""}`).sort()).toEqual(
      [
        "app_private.assigned_case_ids() authenticated", // the cases assigned to the caller's own offices (above)
        "app_private.creditor_case_ids() authenticated", // the caller's own confirmed links only (isolation-creditors)
        "app_private.creditor_executor_ids() authenticated", // the executors of the caller's own linked cases (isolation-creditors)
        "app_private.creditor_id_numbers() authenticated", // the caller's own confirmed links only (isolation-creditors)
        "app_private.creditor_party_ids() authenticated", // the caller's own linked cases only (isolation-creditors)
        "app_private.has_role(p_roles app_role[]) authenticated", // the caller's own memberships only
        "app_private.is_national() authenticated", // the caller's own memberships only
        "app_private.is_case_unit_executor(p_case_id uuid, p_user_id uuid) authenticated", // below: nothing outside the caller's cases
        "app_private.is_national_admin() authenticated", // the caller's own memberships only
        "app_private.is_creditor_organization() authenticated", // the caller's own links and memberships only
        "app_private.may_act_on_case(p_case_id uuid) authenticated", // the caller's own rights on a case
        "app_private.may_handle_request(p_province uuid, p_unit uuid) authenticated", // the caller's own desk rights
        "app_private.may_manage_creditor_link(p_province uuid, p_unit uuid) authenticated", // the caller's own desk rights
        "app_private.open_transferred_case(p_case_id uuid) authenticated", // checks the caller may act on the case (below)
        "app_private.provinces_for(p_roles app_role[]) authenticated", // the caller's own memberships only
        "app_private.steering_case_ids() authenticated", // the caller's own committees only
        "app_private.steering_committees_for() authenticated", // the caller's own committees only
        "app_private.today_vn() anon authenticated", // the day only; a simulated one only where the owner allows it (clock.test)
        "app_private.units_for(p_roles app_role[]) authenticated", // the caller's own memberships only
        "public.auction_notices(p_province_slug text) anon authenticated", // published notices only (isolation-assets)
        "public.confirm_creditor_link(p_request uuid, p_party_kind party_kind) authenticated", // the request's desk only (isolation-creditors)
        "public.creditor_case_auctions() authenticated", // the caller's own linked cases only (isolation-creditors)
        "public.creditor_case_failed_auctions() authenticated", // the caller's own linked cases only, counts and a date (creditor-portfolio)
        "public.creditor_case_timeline(p_case uuid) authenticated", // the caller's own linked cases only (isolation-creditors)
        "public.creditor_requests() authenticated", // the caller's own requests and those filed with its linked numbers, without contacts (isolation-creditors)
        "public.creditor_complaint_letters() authenticated", // the caller's own letters: sent with its linked numbers or from its requests (core creditor-complaints)
        "public.one_stop_metrics(p_from date, p_to date) authenticated", // the caller's scope (isolation-public)
        "public.public_debtors(p_province uuid, p_query text, p_limit integer, p_offset integer) anon authenticated", // published list only (isolation-public)
        "public.request_link_state(p_request uuid) authenticated", // the request's desk only, one link (creditor-links)
        "public.rate_service_request(p_code text, p_factor text, p_score integer, p_comment text) anon authenticated", // code + second factor (isolation-public)
        "public.revoke_creditor_link(p_link uuid, p_reason text) authenticated", // the link's owner or its desk (isolation-creditors)
        "public.service_request_code(p_idempotency_key uuid, p_factor text) anon authenticated", // key + second factor (isolation-public)
        "public.track_service_request(p_code text, p_factor text) anon authenticated", // code + second factor (isolation-public)
      ].sort(),
    );
  });

  it("no definer function is executable by PUBLIC (a new one must be granted on purpose)", async () => {
    const rows = await ctx.owner<{ fn: string }[]>`
      select p.pronamespace::regnamespace || '.' || p.proname as fn
      from pg_proc p
      where p.prosecdef and p.pronamespace::regnamespace::text in ('public', 'app_private')
        and exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE')
      order by 1`;
    expect(rows.map((r) => r.fn)).toEqual([]);
  });

  it("failed_auction_rounds answers nothing about another tenant's case", async () => {
    await ctx.owner`insert into public.assets (case_id, kind, description, failed_rounds)
                    values (${ctx.fx.cases.b}, 'house', 'Nhà số 5 phố Huế', 4)`;
    const rounds = (user: string) =>
      withClaims(
        ctx.app,
        { sub: user, role: "authenticated" },
        async (tx) => (await tx<{ n: number | null }[]>`select app_private.failed_auction_rounds(${ctx.fx.cases.b}) as n`)[0]!.n,
      );
    // B's executor of the case sees its rounds; A's province head learns nothing about it.
    expect(await rounds(ctx.fx.users.colleague_b!)).toBe(4);
    expect(await rounds(ctx.fx.users.province_head!)).toBe(0);
  });

  it("is_case_unit_executor answers nothing about another tenant's case", async () => {
    const ask = (user: string, caseId: string, who: string) =>
      withClaims(
        ctx.app,
        { sub: user, role: "authenticated" },
        async (tx) => (await tx<{ ok: boolean | null }[]>`select app_private.is_case_unit_executor(${caseId}, ${who}) as ok`)[0]!.ok,
      );
    expect(await ask(ctx.fx.users.subunit_head!, ctx.fx.cases.a, ctx.fx.users.colleague_a!)).toBe(true);
    expect(await ask(ctx.fx.users.subunit_head!, ctx.fx.cases.a, ctx.fx.users.colleague_b!)).toBe(false);
    expect(await ask(ctx.fx.users.subunit_head!, ctx.fx.cases.b, ctx.fx.users.colleague_b!)).toBeNull();
  });

  it("open_transferred_case refuses a case of another tenant", async () => {
    const r = await attempt(ctx.fx.users.province_head!, (tx) => tx`select app_private.open_transferred_case(${ctx.fx.cases.b})`, {
      writer: true,
    });
    expect(["42501", "22023"]).toContain(r);
    expect(r).not.toBe("ok");
  });

  it("anon calls none of the signed-in functions", async () => {
    let code: string | undefined;
    try {
      await asAnon(ctx.app, async (tx) => tx`select app_private.failed_auction_rounds(${ctx.fx.cases.a})`);
    } catch (e) {
      code = (e as { code?: string }).code;
    }
    expect(code).toBe("42501");
  });
});

describe("a committee's members are staff of its scope", () => {
  const add = (committee: string, user: string) => (tx: TxSql) =>
    tx`insert into public.steering_committee_members (committee_id, user_id, member_role) values (${committee}, ${user}, 'member') returning id`;

  it("a province head adds staff of its own province", async () => {
    expect(await attempt(ctx.fx.users.province_head!, add(st.committees.a, ctx.fx.users.colleague_a!))).toBe("ok");
  });
  it.each([
    ["another province's staff", "colleague_b"],
    ["a creditor", "creditor"],
  ])("a province head may not add %s to its committee", async (_label, who) => {
    expect(await attempt(ctx.fx.users.province_head!, add(st.committees.a, ctx.fx.users[who]!))).toBe("23514");
  });
  it("the directorate may not add a creditor to the central committee", async () => {
    expect(await attempt(ctx.fx.users.national_admin!, add(st.committees.national, ctx.fx.users.creditor!))).toBe("23514");
  });
});

describe("a ledger row's id, tenant keys and creation time are the database's", () => {
  const event = (columns: string, values: string) => (tx: TxSql) =>
    tx.unsafe(
      `insert into public.case_events (case_id, kind, effective_date, payload${columns}) overriding system value
       values ($1, 'notification', '2026-10-10', '{}'${values})`,
      [ctx.fx.cases.a],
    );
  it("the executor as case_writer records a step naming only its own columns", async () => {
    expect(await attempt(ctx.fx.users.executor!, event("", ""), { writer: true })).toBe("ok");
  });
  it.each([
    ["an id ahead of the sequence", ", id", ", 9000000000000"],
    ["a creation time", ", created_at", ", '2020-01-01'"],
    ["tenant keys", ", province_id, unit_id", ", '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'"],
  ])("naming %s is refused", async (_label, columns, values) => {
    expect(await attempt(ctx.fx.users.executor!, event(columns, values), { writer: true })).toBe("42501");
  });
});

describe("the person a row names as its actor is the caller", () => {
  it("a province head may not set a target in a colleague's name", async () => {
    const target = (by: string) => (tx: TxSql) =>
      tx`insert into public.stat_targets (unit_id, stat_year, cases_rate, money_rate, set_by)
         values (${ctx.fx.units.a9}, 2031, 80, 40, ${by}) returning id`;
    expect(await attempt(ctx.fx.users.province_head!, target(ctx.fx.users.province_head!))).toBe("ok");
    expect(await attempt(ctx.fx.users.province_head!, target(ctx.fx.users.province_staff!))).toBe("42501");
  });
  it("a ledger event is recorded in the caller's name only", async () => {
    const event = (actor: string) => (tx: TxSql) =>
      tx`insert into public.case_events (case_id, kind, effective_date, payload, actor_id)
         values (${ctx.fx.cases.a}, 'notification', '2026-10-10', '{}', ${actor})`;
    expect(await attempt(ctx.fx.users.executor!, event(ctx.fx.users.executor!), { writer: true })).toBe("ok");
    expect(await attempt(ctx.fx.users.executor!, event(ctx.fx.users.subunit_head!), { writer: true })).toBe("42501");
  });
  it("a committee decides a proposal in its own member's name only", async () => {
    const decide = (by: string) => (tx: TxSql) =>
      tx`update public.steering_flags set status = 'declined', decided_by = ${by}, decided_on = '2026-11-01'
         where id = ${st.flags.proposedA} returning id`;
    expect(await attempt(st.users.memberA, decide(st.users.memberA))).toBe("ok");
    expect(await attempt(st.users.memberA, decide(ctx.fx.users.province_head!))).toBe("42501");
  });
  it("a bureau proposes a case in its own name only", async () => {
    const propose = (by: string) => (tx: TxSql) =>
      tx`insert into public.steering_flags (committee_id, case_id, reason, note, proposed_by)
         values (${st.committees.spareA}, ${ctx.fx.cases.aUnassigned}, 'high_value', 'Giá trị lớn', ${by}) returning id`;
    expect(await attempt(ctx.fx.users.province_head!, propose(ctx.fx.users.province_head!))).toBe("ok");
    expect(await attempt(ctx.fx.users.province_head!, propose(ctx.fx.users.subunit_head!))).toBe("42501");
  });
});

describe("an asset's rows point only at rows of the same asset or case", () => {
  let assetA: string, assetB: string, roundB: string, contractB: string;
  beforeAll(async () => {
    const asset = async (caseId: string) =>
      (
        await ctx.owner<
          { id: string }[]
        >`insert into public.assets (case_id, kind, description) values (${caseId}, 'house', 'Nhà số 7 phố Huế') returning id`
      )[0]!.id;
    assetA = await asset(ctx.fx.cases.a);
    assetB = await asset(ctx.fx.cases.b);
    contractB = (
      await ctx.owner<{ id: string }[]>`
      insert into public.auction_contracts (asset_id, organisation, contract_number, signed_on) values (${assetB}, 'Công ty đấu giá Hợp danh', 'HĐ-1', '2026-10-01') returning id`
    )[0]!.id;
    roundB = (
      await ctx.owner<{ id: string }[]>`
      insert into public.auction_rounds (asset_id, contract_id, round_no, announced_on, held_on, starting_price)
      values (${assetB}, ${contractB}, 1, '2026-10-05', '2026-11-05', 1000000000) returning id`
    )[0]!.id;
  });
  const asHead = (fn: (tx: TxSql) => PromiseLike<unknown>) => attempt(ctx.fx.users.subunit_head!, fn, { writer: true });

  it("a deposit on A's asset may not name B's auction round", async () => {
    expect(
      await asHead(
        (tx) => tx`insert into public.auction_deposits (asset_id, round_id, bidder_name, amount, received_on)
                                   values (${assetA}, ${roundB}, 'Lê Văn C', 100000000, '2026-10-20')`,
      ),
    ).toBe("23514");
  });
  it("a round on A's asset may not name B's auction contract", async () => {
    expect(
      await asHead(
        (tx) => tx`insert into public.auction_rounds (asset_id, contract_id, round_no, announced_on, held_on, starting_price)
                                   values (${assetA}, ${contractB}, 1, '2026-10-05', '2026-11-05', 1000000000)`,
      ),
    ).toBe("23514");
  });
  it("a proceeds line of A's asset may not name B's ledger event", async () => {
    expect(
      await asHead(
        (tx) => tx`insert into public.asset_proceeds (asset_id, line_no, rank, amount, paid_on, case_event_id)
                                   values (${assetA}, 1, 'other', 1000, '2026-10-20', ${ctx.fx.children.b.event})`,
      ),
    ).toBe("23514");
    expect(
      await asHead(
        (tx) => tx`insert into public.asset_proceeds (asset_id, line_no, rank, amount, paid_on, case_event_id)
                                   values (${assetA}, 1, 'other', 1000, '2026-10-20', ${ctx.fx.children.a.event})`,
      ),
    ).toBe("ok");
  });
});

describe("a directive's meeting is one of its committee's", () => {
  it("a committee may not file a directive under another committee's meeting", async () => {
    const issue = (meeting: string) => (tx: TxSql) =>
      tx`insert into public.steering_directives (committee_id, meeting_id, addressee_unit_id, body, issued_on, due_on)
         values (${st.committees.a}, ${meeting}, ${ctx.fx.units.a1}, 'Báo cáo tiến độ', '2026-11-01', '2026-11-30')`;
    expect(await attempt(st.users.memberA, issue(st.meetings.a))).toBe("ok");
    expect(await attempt(st.users.memberA, issue(st.meetings.b))).toBe("23514");
  });
});
