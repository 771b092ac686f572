import { describe, expect, it } from "vitest";
import { withClaims, type Claims, type TxSql } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { listTargets, resolveUnit, saveTargets, targetChildren, TargetConflictError, type TargetInput } from "../src/stats/index.ts";

/*
 * Yearly targets as the targets page writes them, in the user's transaction under RLS: new rows,
 * a resubmission of the same values, a stale version (a conflict, nothing written), and a
 * province head writing another province's office (refused by row-level security).
 */
const ctx = useTenantFixture();
const YEAR = 2031;
const claims = (key: string): Claims => ({ sub: ctx.fx.users[key]!, role: "authenticated" });
const asHead = <T>(fn: (tx: TxSql) => Promise<T>) => withClaims(ctx.app, claims("province_head"), fn);

const rates = async (unitIds: string[]) => new Map((await asHead((tx) => listTargets(tx, YEAR, unitIds))).map((r) => [r.unit_id, r]));

describe("statistics targets", () => {
  it("a province head lists the province's offices and sets, resubmits and updates their targets", async () => {
    const { a1, a9 } = ctx.fx.units;
    const children = await asHead(async (tx) => {
      const province = (await resolveUnit(tx, `P-A-${ctx.fx.tag}`))!;
      return targetChildren(tx, province);
    });
    expect(children.map((c) => c.id)).toEqual([a1, a9]);

    const fresh: TargetInput[] = [
      { id: a1, name: "KV01", cases: "81.5", money: "40", version: null },
      { id: a9, name: "KV09", cases: "70", money: "35.25", version: null },
    ];
    expect(await asHead((tx) => saveTargets(tx, { year: YEAR, setBy: ctx.fx.users.province_head!, rows: fresh }))).toBe(2);
    let now = await rates([a1, a9]);
    expect(now.get(a1)).toMatchObject({ cases_rate: "81.50", money_rate: "40.00", version: "1" });
    expect(now.get(a9)).toMatchObject({ cases_rate: "70.00", money_rate: "35.25", version: "1" });

    // The same form sent again: nothing written, no conflict.
    expect(await asHead((tx) => saveTargets(tx, { year: YEAR, setBy: ctx.fx.users.province_head!, rows: fresh }))).toBe(2);
    expect((await rates([a1])).get(a1)!.version).toBe("1");

    // An update of the version shown.
    await asHead((tx) =>
      saveTargets(tx, {
        year: YEAR,
        setBy: ctx.fx.users.province_head!,
        rows: [{ id: a1, name: "KV01", cases: "90", money: "50", version: "1" }],
      }),
    );
    expect((await rates([a1])).get(a1)).toMatchObject({ cases_rate: "90.00", money_rate: "50.00", version: "2" });

    // A stale version with other values: a conflict naming the office, and nothing of the form written.
    const stale = asHead((tx) =>
      saveTargets(tx, {
        year: YEAR,
        setBy: ctx.fx.users.province_head!,
        rows: [
          { id: a9, name: "KV09", cases: "75", money: "35.25", version: "1" },
          { id: a1, name: "KV01", cases: "95", money: "55", version: "1" },
        ],
      }),
    );
    await expect(stale).rejects.toBeInstanceOf(TargetConflictError);
    await expect(stale).rejects.toMatchObject({ units: ["KV01"], denied: false });
    now = await rates([a1, a9]);
    expect(now.get(a1)).toMatchObject({ cases_rate: "90.00", version: "2" });
    expect(now.get(a9)).toMatchObject({ cases_rate: "70.00", version: "1" });
  });

  it("a province head may not set another province's office's target", async () => {
    const write = asHead((tx) =>
      saveTargets(tx, {
        year: YEAR,
        setBy: ctx.fx.users.province_head!,
        rows: [{ id: ctx.fx.units.b1, name: "B KV01", cases: "50", money: "50", version: null }],
      }),
    );
    await expect(write).rejects.toMatchObject({ code: "42501" });
  });
});
