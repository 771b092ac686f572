/**
 * Who took over from whom (public.unit_successions, ADR 029): a regional office that took over a
 * district office's area on 01/07/2025 compares its year with what that office (and the office it
 * had itself taken over) reported a year earlier; the province's table names them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { addStats, completionRate, samePeriodLastYear, zeroStats } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { childrenStats, predecessorsOf, readStats, resolveUnit } from "../src/stats/index.ts";

const ctx = useTenantFixture();
const MERGER = "2025-07-01";
const YEAR = { from: "2025-10-01", to: "2026-09-30" };
const units = { older: "", district: "" };

async function ledger(caseUnit: string, n: string, events: { kind: string; on: string; payload?: Record<string, unknown> }[]) {
  const [c] = await ctx.owner<{ id: string }[]>`
    insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
    values (${caseUnit}, ${ctx.fx.units.a}, ${`SUC-${n}-${ctx.fx.tag}`}, ${events[0]!.on}, 'on_request', 'civil', 'Trần Văn B')
    returning id`;
  for (const e of events)
    await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload)
                    values (${c!.id}, ${e.kind}, ${e.on}, ${ctx.owner.json((e.payload ?? {}) as never)})`;
  return c!.id;
}
const money = (amount: number) => ({ mode: "on_request", obligations: [{ id: "m1", kind: "money", amount: String(amount) }] });

beforeAll(async () => {
  const a = ctx.fx.units.a;
  // A district office dissolved on 01/01/2024 into another, itself dissolved on 01/07/2025 into the spare regional office a9.
  for (const [key, code, dissolved] of [
    ["older", "CC-OLD", "2024-01-01"],
    ["district", "CC-DIST", MERGER],
  ] as const) {
    const [u] = await ctx.owner<{ id: string }[]>`
      insert into public.units (kind, code, name, parent_id, province_id, dissolved_on)
      values ('subunit', ${`${code}-${ctx.fx.tag}`}, ${`Chi cục ${code}`}, ${a}, ${a}, ${dissolved}) returning id`;
    units[key] = u!.id;
  }
  await ctx.owner`insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis) values
    (${units.older}, ${units.district}, '2024-01-01', 'Hợp nhất chi cục'),
    (${units.district}, ${ctx.fx.units.a9}, ${MERGER}, 'Sắp xếp cơ quan thi hành án dân sự từ 01/07/2025')`;
  // The district office's year before: one case completed, one still open and handed over on the day.
  await ledger(units.district, "1", [
    { kind: "acceptance", on: "2024-10-07", payload: { provinceId: a, source: "request" } },
    { kind: "decision", on: "2024-10-08", payload: money(40_000_000) },
    { kind: "classification", on: "2024-10-20", payload: { result: "enforceable" } },
    { kind: "payment", on: "2024-12-02", payload: { obligationId: "m1", amount: "40000000" } },
    { kind: "completion", on: "2024-12-02" },
  ]);
  const handed = await ledger(units.district, "2", [
    { kind: "acceptance", on: "2024-11-04", payload: { provinceId: a, source: "request" } },
    { kind: "decision", on: "2024-11-05", payload: money(90_000_000) },
    { kind: "classification", on: "2024-11-20", payload: { result: "enforceable" } },
    { kind: "reorganisation", on: MERGER, payload: { unitId: ctx.fx.units.a9, fromUnitId: units.district, basis: "Sắp xếp 2025" } },
  ]);
  await ctx.owner`update public.cases set unit_id = ${ctx.fx.units.a9} where id = ${handed}`;
});

describe("a unit's same period last year includes its predecessors", () => {
  it("lists every predecessor, through the chain, nearest first, with its last day", async () => {
    const map = await ctx.owner.begin((tx) => predecessorsOf(tx as never, [ctx.fx.units.a9, units.district, ctx.fx.units.a1]));
    expect(map.get(ctx.fx.units.a9)?.map((p) => [p.id, p.effectiveOn, p.lastDay])).toEqual([
      [units.district, MERGER, "2025-06-30"],
      [units.older, "2024-01-01", "2023-12-31"],
    ]);
    expect(map.get(units.district)?.map((p) => p.id)).toEqual([units.older]);
    expect(map.has(ctx.fx.units.a1)).toBe(false);
  });

  it("the office's last-year rate is its own figures plus the district office's; other rows keep their own", async () => {
    const claims = { sub: ctx.fx.users.province_head!, role: "authenticated" as const };
    const read = (period: { from: string; to: string }) =>
      withClaims(ctx.app, claims, async (tx) => {
        const [{ code } = { code: "" }] = await tx<{ code: string }[]>`select code from public.units where id = ${ctx.fx.units.a}`;
        const province = await resolveUnit(tx, code);
        const prev = samePeriodLastYear(period);
        return {
          rows: await childrenStats(tx, province!, period.from, period.to),
          before: await readStats(tx, {
            scope: { provinceIds: [ctx.fx.units.a] },
            dim: "all",
            from: prev.from,
            to: prev.to,
            groupBy: "unit",
          }),
        };
      });
    const { rows, before } = await read(YEAR);
    const office = rows.find((r) => r.id === ctx.fx.units.a9)!;
    const other = rows.find((r) => r.id === ctx.fx.units.a1)!;
    // The district office did report last year: a completed case and the one it handed over.
    const districtBefore = before.get(units.district)!;
    expect(districtBefore.cases.completed).toBe(1n);
    expect(districtBefore.cases.moved_out).toBe(1n);
    const expected = addStats(before.get(ctx.fx.units.a9) ?? zeroStats(), districtBefore);
    expect(office.previous).toEqual({ casesRate: completionRate(expected.cases), moneyRate: completionRate(expected.money) });
    expect(office.previous.casesRate).not.toBeNull();
    expect(office.predecessors.map((p) => p.id)).toEqual([units.district, units.older]);
    const a1 = before.get(ctx.fx.units.a1) ?? zeroStats();
    expect(other.previous.casesRate).toBe(completionRate(a1.cases));
    expect(other.predecessors).toEqual([]);
    // The dissolved office has no figure this year: not listed. In its own last year it is, after
    // the current offices, with its own predecessor named.
    expect(rows.find((r) => r.id === units.district)).toBeUndefined();
    const earlier = await read({ from: "2024-10-01", to: "2025-09-30" });
    const district = earlier.rows.find((r) => r.id === units.district)!;
    expect(district).toMatchObject({ former: true, cases: { completed: "1", moved_out: "1" } });
    expect(district.predecessors.map((p) => p.id)).toEqual([units.older]);
    expect(earlier.rows.findIndex((r) => r.id === units.district)).toBeGreaterThan(earlier.rows.findIndex((r) => r.id === ctx.fx.units.a9));
  });
});
