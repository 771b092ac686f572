import { describe, expect, it } from "vitest";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { MAX_CASE_DONG } from "@thads/domain";
import { figuresByUnit } from "@thads/core/workspace";

/*
 * The dashboards sum money over many cases: the sum of a unit's cases may exceed a bigint even
 * though each case is within its cap (10^18 đồng), so the sums are read as text into JS bigints.
 */
const ctx = useTenantFixture();

describe("money sums over cases", () => {
  it("a sub-bureau whose cases total more than a bigint holds still shows its figures", async () => {
    const unit = ctx.fx.units.a9;
    for (let i = 0; i < 10; i++) {
      await ctx.owner`
        insert into public.cases (unit_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name, money_due, money_collected)
        values (${unit}, ${`SUM-${i}-${ctx.fx.tag}`}, '2026-11-02', 'on_request', 'civil', 'Công ty X', ${MAX_CASE_DONG}, ${MAX_CASE_DONG / 2n})`;
    }
    const rows = await ctx.owner.begin((tx) => figuresByUnit(tx, { level: "province", provinceId: ctx.fx.units.a }));
    const a9 = rows.find((r) => r.id === unit)!;
    expect(BigInt(a9.moneyDue)).toBe(10n * MAX_CASE_DONG);
    expect(BigInt(a9.moneyCollected)).toBe(5n * MAX_CASE_DONG);
    expect(a9.cases).toBe(10);
  });
});
