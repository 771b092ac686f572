import { describe, expect, it } from "vitest";
import { useTenantFixture } from "@thads/test-support/fixtures";
import {
  figuresByUnit,
  officeExecutors,
  officeTotals,
  officeWorkload,
  overdueByOffice,
  provinceExecutors,
  recentCases,
} from "../src/workspace/index.ts";

/*
 * The dashboards' open cases are the active workload: a case in the separate register stays open
 * but is followed on its own line (D62 Art. 9(6)); a case whose request was returned is closed.
 */
const ctx = useTenantFixture();
const TODAY = "2026-11-10";

describe("the active workload and the separate register", () => {
  it("cases in the separate register leave the open counts, returned cases are closed, and both stay in the list of cases", async () => {
    const unit = ctx.fx.units.a1;
    const executor = ctx.fx.users.executor!;
    const read = () =>
      ctx.owner.begin(async (tx) => ({
        totals: await officeTotals(tx, unit),
        executors: await officeExecutors(tx, unit),
        workload: await officeWorkload(tx, unit, TODAY),
        province: await provinceExecutors(tx, ctx.fx.units.a, "2026-01-01", TODAY),
        overdue: await overdueByOffice(tx, ctx.fx.units.a, TODAY),
        figures: (await figuresByUnit(tx, { level: "province", provinceId: ctx.fx.units.a })).find((r) => r.id === unit)!,
        recent: await recentCases(tx, unit),
      }));
    const before = await read();
    const add = async (status: string) => {
      const [c] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name, money_due, status,
                                  executor_id, next_deadline_on)
        values (${unit}, ${`REG-${status}-${ctx.fx.tag}`}, '2026-11-09', 'on_request', 'civil', 'Nguyễn Văn Sổ', 5000000, ${status},
                ${executor}, '2026-11-01')
        returning id`;
      return c!.id;
    };
    const open = await add("not_yet_enforceable");
    const register = await add("separate_register");
    const returned = await add("returned");
    const after = await read();

    expect(after.totals.cases - before.totals.cases).toBe(3);
    expect(after.totals.open - before.totals.open).toBe(1);
    expect(after.totals.register - before.totals.register).toBe(1);
    expect(after.totals.closed - before.totals.closed).toBe(1);
    expect(after.totals.open).toBe(after.totals.cases - after.totals.closed - after.totals.register);

    const mine = (rows: { id: string; open: number }[]) => rows.find((r) => r.id === executor)!.open;
    expect(mine(after.executors) - mine(before.executors)).toBe(1);
    expect(mine(after.workload.executors) - mine(before.workload.executors)).toBe(1);
    expect(mine(after.province) - mine(before.province)).toBe(1);
    const overdue = (rows: { n: number; code: string }[]) => rows.reduce((s, r) => s + r.n, 0);
    expect(overdue(after.overdue) - overdue(before.overdue)).toBe(1);

    expect(after.figures.cases - before.figures.cases).toBe(3);
    expect(after.figures.open - before.figures.open).toBe(1);
    expect(after.figures.register - before.figures.register).toBe(1);
    expect(after.figures.closed - before.figures.closed).toBe(1);

    const listed = after.recent.map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([open, register, returned]));
  });
});
