import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { DRILL_FIGURES, type CaseEvent } from "@thads/domain";
import { randomLedger, rng } from "@thads/test-support/random";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { claimsOf } from "@thads/test-support/cases";
import { CaseFilterSchema } from "../src/cases/filters.ts";
import { countListedCases, listCases } from "../src/cases/list-cases.ts";
import { readScopeStats, scopeOf, unitByCode } from "../src/stats/readers.ts";

/**
 * A money figure's drill-down sums to the figure: on random but valid histories (the demo data's
 * generator of steps: decisions, partial and full payments, completions, terminations, transfers,
 * the separate register) in two provinces, for a province, its offices and every figure, the case
 * list opened with side=money (as the directorate, through RLS) totals exactly the money figure
 * read from the aggregates.
 */
const ctx = useTenantFixture();

/** Event → row as the case service stores it: everything but kind and date in the payload, money as strings. */
function row(caseId: string, e: CaseEvent) {
  const { kind, effectiveDate, ...rest } = e as CaseEvent & Record<string, unknown>;
  return {
    case_id: caseId,
    kind,
    effective_date: effectiveDate,
    payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
  };
}

const PERIODS = [
  { from: "2023-10-01", to: "2024-09-30" },
  { from: "2024-01-15", to: "2024-06-30" },
  { from: "2022-01-01", to: "2026-09-30" },
];

/**
 * The list as the directorate sees it (its total and money are the figure's when the figure is its
 * only filter), and the list's own count and sum over its cases, independent of the aggregates.
 */
function listAndWalk(viewer: Parameters<typeof claimsOf>[0], f: ReturnType<typeof CaseFilterSchema.parse>) {
  return withClaims(ctx.app, claimsOf(viewer), (tx) =>
    Promise.all([listCases(tx, f, "2026-11-27", { kind: "national" }), countListedCases(tx, f, "2026-11-27", { kind: "national" })]),
  );
}

describe("a money figure's drill-down", () => {
  it("totals the money figure it was opened from, for every figure, unit and period", async () => {
    const r = rng(4242);
    const units = [ctx.fx.units.a1, ctx.fx.units.a9, ctx.fx.units.b1];
    const rows: ReturnType<typeof row>[] = [];
    for (let i = 0; i < 90; i++) {
      const unit = units[i % 3]!;
      const events = randomLedger(r, {
        provinceId: "p",
        otherProvinceId: "q",
        start: "2022-08-01",
        spreadDays: 700,
        steps: 14,
        until: "2026-09-30",
      });
      const [c] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
        select id, province_id, ${`MD-${i}-${ctx.fx.tag}`}, ${events[0]!.effectiveDate}, 'ex_officio', 'civil', 'Trần Văn B'
        from public.units where id = ${unit}
        returning id`;
      rows.push(...events.map((e) => row(c!.id, e)));
    }
    await ctx.owner`insert into public.case_events ${ctx.owner(rows, "case_id", "kind", "effective_date", "payload")}`;

    const codes = await ctx.owner<{ code: string }[]>`
      select code from public.units where id in (${ctx.fx.units.a}, ${ctx.fx.units.a1}, ${ctx.fx.units.b1}) order by code`;
    expect(codes).toHaveLength(3);
    const viewer = ctx.fx.users.national_viewer!;
    const mismatches: string[] = [];
    let nonZero = 0;
    let widened = 0;
    for (const { from, to } of PERIODS) {
      for (const { code } of codes) {
        const unit = (await unitByCode(ctx.owner, code))!;
        const stats = await readScopeStats(ctx.owner, { scope: scopeOf(unit), dim: "all", from, to });
        for (const figure of DRILL_FIGURES) {
          const f = CaseFilterSchema.parse({ stat: figure, statUnit: code, statFrom: from, statTo: to, side: "money" });
          const [list, walked] = await listAndWalk(viewer, f);
          const money = figure === "done" ? stats.money.completed + stats.money.terminated : stats.money[figure];
          const cases = figure === "done" ? stats.cases.completed + stats.cases.terminated : stats.cases[figure];
          if (money !== 0n) nonZero++;
          // The list's own sum over its cases, and the total it shows (the national list's is the figure's).
          if (walked.moneyTotal !== money.toString())
            mismatches.push(`${code} ${from}..${to} ${figure}: list sums ${walked.moneyTotal}, figure ${money}`);
          if (list.moneyTotal !== money.toString())
            mismatches.push(`${code} ${from}..${to} ${figure}: list shows ${list.moneyTotal}, figure ${money}`);
          // The money list holds every case the figure counts, and more only for money decided or paid in the period.
          if (walked.total < Number(cases)) mismatches.push(`${code} ${from}..${to} ${figure}: ${walked.total} cases < ${cases}`);
          if (walked.total > Number(cases)) widened++;
          // The list shows the figure's count when it is the figure's cases, else its own count.
          if (!list.capped && list.total !== walked.total)
            mismatches.push(`${code} ${from}..${to} ${figure}: list shows ${list.total} cases, counts ${walked.total}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(nonZero).toBeGreaterThan(60);
    expect(widened).toBeGreaterThan(0);
  }, 300_000);

  it("with cases the bureau gave to its offices: every figure's list, by cases and by money, equals the figure at the bureau, each office and the province", async () => {
    const r = rng(2812);
    const bureau = ctx.fx.units.b;
    const offices = [ctx.fx.units.b1, ctx.fx.units.b9];
    let assigned = 0;
    for (let i = 0; i < 60; i++) {
      const events = randomLedger(r, {
        provinceId: bureau,
        otherProvinceId: "q",
        start: "2022-08-01",
        spreadDays: 700,
        steps: 14,
        until: "2026-09-30",
        officeIds: offices,
      });
      const [c] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
        values (${bureau}, ${bureau}, ${`MV-${i}-${ctx.fx.tag}`}, ${events[0]!.effectiveDate}, 'ex_officio', 'civil', 'Phạm Văn D')
        returning id`;
      // In ledger order, as the case service writes: the assignment, then the case's unit.
      for (const e of events) {
        await ctx.owner`insert into public.case_events ${ctx.owner(row(c!.id, e), "case_id", "kind", "effective_date", "payload")}`;
        if (e.kind === "office_assignment") {
          await ctx.owner`update public.cases set unit_id = ${e.unitId} where id = ${c!.id}`;
          assigned++;
        }
      }
    }
    expect(assigned).toBeGreaterThan(15);
    const units = await ctx.owner<{ id: string; code: string }[]>`
      select id, code from public.units where id in (${bureau}, ${offices[0]!}, ${offices[1]!}) order by code`;
    const viewer = ctx.fx.users.national_viewer!;
    const mismatches: string[] = [];
    let moved = 0;
    for (const { from, to } of PERIODS) {
      for (const u of units) {
        // The province as a whole, and its bureau's own row (statOwn).
        for (const own of u.id === bureau ? [false, true] : [false]) {
          const unit = (await unitByCode(ctx.owner, u.code))!;
          const scope = own ? { unitIds: [bureau] } : scopeOf(unit);
          const stats = await readScopeStats(ctx.owner, { scope, dim: "all", from, to });
          moved += Number(stats.cases.moved_in + stats.cases.moved_out);
          for (const figure of DRILL_FIGURES) {
            for (const side of ["cases", "money"] as const) {
              const f = CaseFilterSchema.parse({
                stat: figure,
                statUnit: u.code,
                statFrom: from,
                statTo: to,
                side,
                ...(own ? { statOwn: "1" } : {}),
              });
              const [list, walked] = await listAndWalk(viewer, f);
              const pick = (v: typeof stats.cases) => (figure === "done" ? v.completed + v.terminated : v[figure]);
              const label = `${u.code}${own ? " (own)" : ""} ${from}..${to} ${figure} ${side}`;
              for (const [how, l] of [
                ["shows", list],
                ["counts", walked],
              ] as const) {
                if (side === "cases" && l.total !== Number(pick(stats.cases)))
                  mismatches.push(`${label}: list ${how} ${l.total} ≠ ${pick(stats.cases)}`);
                if (side === "money" && l.moneyTotal !== pick(stats.money).toString())
                  mismatches.push(`${label}: list ${how} ${l.moneyTotal} ≠ ${pick(stats.money)}`);
              }
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(moved).toBeGreaterThan(15);
  }, 300_000);

  it("sums nothing on the side by cases, and refuses an unknown side with a message naming it", async () => {
    const [a] = await ctx.owner<{ code: string }[]>`select code from public.units where id = ${ctx.fx.units.a}`;
    const f = CaseFilterSchema.parse({ stat: "completed", statUnit: a!.code, statFrom: "2023-10-01", statTo: "2024-09-30" });
    const list = await withClaims(ctx.app, claimsOf(ctx.fx.users.national_viewer!), (tx) =>
      listCases(tx, f, "2026-11-27", { kind: "national" }),
    );
    expect(list.moneyTotal).toBeNull();
    const bad = CaseFilterSchema.safeParse({ stat: "completed", side: "dong" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^Biểu thống kê/);
  });

  it("a figure of a unit that does not exist lists nothing and counts nothing, on any page and side", async () => {
    for (const side of ["cases", "money"] as const) {
      for (const page of [1, 3]) {
        const f = CaseFilterSchema.parse({
          stat: "newly_accepted",
          statUnit: `NO-SUCH-${ctx.fx.tag}`,
          statFrom: "2022-01-01",
          statTo: "2026-09-30",
          side,
          page,
        });
        const list = await withClaims(ctx.app, claimsOf(ctx.fx.users.national_viewer!), (tx) =>
          listCases(tx, f, "2026-11-27", { kind: "national" }),
        );
        expect({ side, page, rows: list.rows.length, total: list.total, money: list.moneyTotal }).toEqual({
          side,
          page,
          rows: 0,
          total: 0,
          money: side === "money" ? "0" : null,
        });
      }
    }
  });
});
