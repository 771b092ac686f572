import "../../db/test/provided.ts";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "@thads/db";
import { ROLES } from "@thads/domain";
import { generateCases } from "../src/cases.ts";
import { buildModel } from "../src/model.ts";
import { seed, isSeeded } from "../src/seed.ts";

describe("demo model", () => {
  const model = buildModel();
  it("has the directorate, 34 provinces, 355 regional offices and the 29 absorbed provinces", () => {
    const active = model.units.filter((u) => !u.dissolved_on);
    expect(active.filter((u) => u.kind === "national")).toHaveLength(1);
    expect(active.filter((u) => u.kind === "province")).toHaveLength(34);
    expect(active.filter((u) => u.kind === "subunit")).toHaveLength(355);
    expect(model.units.filter((u) => u.dissolved_on === "2025-07-01")).toHaveLength(29);
  });
  it("has a demo account for every role and about 4,000 staff", () => {
    const demoRoles = new Set(model.users.filter((u) => u.demo).flatMap((u) => u.memberships.map((m) => m.role)));
    expect([...demoRoles].sort()).toEqual([...ROLES].sort());
    expect(model.users.length).toBeGreaterThan(3000);
    expect(new Set(model.users.map((u) => u.email)).size).toBe(model.users.length);
  });
  it("is deterministic", () => {
    expect(buildModel().users.map((u) => [u.id, u.full_name])).toEqual(model.users.map((u) => [u.id, u.full_name]));
  });
  it("generates realistic cases: whole đồng with a long tail, tenant key from the unit, deterministic", () => {
    const units = model.units
      .filter((u) => u.kind === "subunit")
      .map((u) => ({ id: u.id, provinceId: u.province_id!, code: u.code, executors: model.executorsByUnit.get(u.id)! }));
    const cases = [...generateCases({ count: 20_000, units })];
    const again = [...generateCases({ count: 20_000, units })];
    expect(again.map((c) => c.id)).toEqual(cases.map((c) => c.id));
    const byUnit = new Map(units.map((u) => [u.id, u.provinceId]));
    expect(cases.every((c) => byUnit.get(c.unit_id!) === c.province_id)).toBe(true);
    const money = cases.map((c) => BigInt(c.money_due!));
    expect(money.every((m) => m % 1000n === 0n && m >= 1_000_000n)).toBe(true);
    expect(money.some((m) => m > 100_000_000_000n)).toBe(true); // hundreds of billions exist
    expect(money.filter((m) => m < 100_000_000n).length).toBeGreaterThan(cases.length / 3); // most are small
    expect(cases.every((c) => BigInt(c.money_collected!) <= BigInt(c.money_due!))).toBe(true);
    const share = (s: string) => cases.filter((c) => c.status === s).length / cases.length;
    expect(share("completed")).toBeGreaterThan(0.3);
    expect(share("not_yet_enforceable")).toBeGreaterThan(0.05);
    expect(cases.filter((c) => c.is_bank_credit === "t").length).toBeGreaterThan(500);
  });
});

describe("seeding a database", () => {
  const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
  afterAll(() => sql.end());
  it("writes units, users and cases in one transaction, once", async () => {
    expect(await isSeeded(sql)).toBe(false);
    await seed(sql, { cases: 3000 });
    expect(await isSeeded(sql)).toBe(true);
    const [row] = await sql<{ units: bigint; users: bigint; cases: bigint; mismatched: bigint }[]>`
      select (select count(*) from public.units) as units,
             (select count(*) from auth.users) as users,
             (select count(*) from public.cases) as cases,
             (select count(*) from public.cases c join public.units u on u.id = c.unit_id where u.province_id <> c.province_id) as mismatched`;
    expect(row).toEqual({ units: 419n, users: BigInt(buildModel().users.length), cases: 3000n, mismatched: 0n });
  });
});
