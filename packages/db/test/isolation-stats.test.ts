import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { combinations, probe as probeAs, type Op, type Outcome, type Probe, type Scope, type Tier } from "@thads/test-support/matrix";

/**
 * Tenant isolation of the statistics tables: the aggregates (written only by the event triggers)
 * are read like the cases they count; targets are set by the directorate's admins for provinces
 * and by a province head for its sub-bureaus.
 */
const ctx = useTenantFixture();
const probe = (tier: Tier, fn: Probe) => probeAs(ctx, tier, fn);
const TABLES = ["stat_daily", "stat_monthly", "stat_yearly", "stat_targets"] as const;
type Table = (typeof TABLES)[number];

const targets = { a: "", b: "", a1: "", b1: "" };
beforeAll(async () => {
  const fx = () => ctx.fx;
  for (const [k, unit] of [
    ["a", fx().units.a],
    ["b", fx().units.b],
    ["a1", fx().units.a1],
    ["b1", fx().units.b1],
  ] as const) {
    const [row] = await ctx.owner<{ id: string }[]>`
      insert into public.stat_targets (unit_id, stat_year, cases_rate, money_rate) values (${unit}, 2027, 80, 40) returning id`;
    targets[k] = row!.id;
  }
});

let checked = 0;
afterAll(() => console.log(`statistics isolation matrix: ${checked} combinations checked`));

const READERS_OWN: Tier[] = ["national_admin", "national_viewer", "province_head", "province_staff", "subunit_head", "executor", "clerk"];
const READERS_OTHER: Tier[] = ["national_admin", "national_viewer"];

function expected(tier: Tier, _table: Table, op: Op, scope: Scope): Outcome {
  if (tier === "anon") return "42501";
  if (op === "select") return (scope === "own" ? READERS_OWN : READERS_OTHER).includes(tier) ? "allowed" : "zero_rows";
  // No grants to write the aggregates (only the triggers do) nor to delete targets.
  return "42501";
}

function operation(table: Table, op: Op, scope: Scope): Probe {
  const unit = scope === "own" ? ctx.fx.units.a1 : ctx.fx.units.b1;
  const t = scope === "own" ? targets.a1 : targets.b1;
  switch (op) {
    case "select":
      return table === "stat_targets"
        ? (tx) => tx`select id from public.stat_targets where unit_id = ${unit}`
        : (tx) => tx`select unit_id from ${tx(table)} where unit_id = ${unit}`;
    case "insert":
      return table === "stat_targets"
        ? (tx) => tx`insert into public.stat_targets (unit_id, stat_year, cases_rate, money_rate) values (${unit}, 2030, 1, 1) returning id`
        : (tx) =>
            tx`insert into ${tx(table)} (unit_id, province_id, dim, ${tx(table === "stat_daily" ? "day" : table === "stat_yearly" ? "year" : "month")}) values (${unit}, ${unit}, 'all', '2030-01-01') returning unit_id`;
    case "update":
      return table === "stat_targets"
        ? (tx) => tx`update public.stat_targets set cases_rate = 1 where id = ${t} returning id`
        : (tx) => tx`update ${tx(table)} set acc_n = acc_n + 1 where unit_id = ${unit} returning unit_id`;
    case "delete":
      return table === "stat_targets"
        ? (tx) => tx`delete from public.stat_targets where id = ${t} returning id`
        : (tx) => tx`delete from ${tx(table)} where unit_id = ${unit} returning unit_id`;
  }
}

/** Who may write a sub-bureau's target (own tenant): the province head only. */
function targetWrite(tier: Tier, op: "insert" | "update", scope: Scope, level: "subunit" | "province"): Outcome {
  if (tier === "anon") return "42501";
  const may = level === "subunit" ? tier === "province_head" && scope === "own" : tier === "national_admin";
  if (may) return "allowed";
  return op === "insert" ? "42501" : "zero_rows";
}

describe("statistics tables: every tier × table × operation × tenant", () => {
  it("the fixture's events produced aggregate rows in both tenants", async () => {
    const rows = await ctx.owner<{ unit_id: string }[]>`
      select distinct unit_id::text from public.stat_daily where unit_id in (${ctx.fx.units.a1}, ${ctx.fx.units.b1})`;
    expect(rows).toHaveLength(2);
  });

  it.each(combinations(TABLES))("$tier $op $table ($scope tenant)", async ({ tier, table, op, scope }) => {
    checked++;
    const got = await probe(tier, operation(table, op, scope));
    if (table === "stat_targets" && (op === "insert" || op === "update")) {
      expect(got).toBe(targetWrite(tier, op, scope, "subunit"));
    } else {
      expect(got).toBe(expected(tier, table, op, scope));
    }
  });

  it.each(["national_admin", "national_viewer", "province_head", "province_staff", "subunit_head"] as const)(
    "%s setting a province's target: only the directorate's admins",
    async (tier) => {
      for (const scope of ["own", "other"] as const) {
        const unit = scope === "own" ? ctx.fx.units.a : ctx.fx.units.b;
        const t = scope === "own" ? targets.a : targets.b;
        const ins = await probe(
          tier,
          (tx) => tx`
          insert into public.stat_targets (unit_id, stat_year, cases_rate, money_rate) values (${unit}, 2031, 80, 40) returning id`,
        );
        expect(ins, `${tier} insert ${scope}`).toBe(targetWrite(tier, "insert", scope, "province"));
        const upd = await probe(tier, (tx) => tx`update public.stat_targets set money_rate = 41 where id = ${t} returning id`);
        expect(upd, `${tier} update ${scope}`).toBe(targetWrite(tier, "update", scope, "province"));
      }
    },
  );
});
