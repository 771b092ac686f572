/**
 * The predecessor → successor record of units (migration 20261217000100, ADR 029): coherent with the
 * units it names, whoever writes it, and readable by everyone like the units themselves.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { asAnon } from "../src/rls.ts";
import { inRolledBackTransaction, useTenantFixture } from "@thads/test-support/fixtures";

const ctx = useTenantFixture();
const u = { district: "", formerProvince: "" };

beforeAll(async () => {
  u.district = randomUUID();
  u.formerProvince = randomUUID();
  await ctx.owner`insert into public.units (id, kind, code, name, parent_id, province_id, dissolved_on) values
    (${u.district}, 'subunit', ${`CC-${ctx.fx.tag}`}, 'Chi cục cũ', ${ctx.fx.units.a}, ${ctx.fx.units.a}, '2025-07-01'),
    (${u.formerProvince}, 'province', ${`P-OLD-${ctx.fx.tag}`}, 'Cục tỉnh cũ', ${ctx.fx.units.national}, ${u.formerProvince}, '2025-07-01')`;
});

/** Inserts a succession as the owner's tools do, rolled back: the row, or the error's code and message. */
const write = (predecessor: string, successor: string, on: string, provinceId: string | null = null) =>
  inRolledBackTransaction(ctx.owner, async (tx) => {
    try {
      const [row] = await tx<{ province_id: string }[]>`
        insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis, province_id)
        values (${predecessor}, ${successor}, ${on}, 'Sắp xếp', ${provinceId}) returning province_id`;
      return { ok: true as const, provinceId: row!.province_id };
    } catch (e) {
      const err = e as { code?: string; message: string; detail?: string };
      return { ok: false as const, code: err.code, message: err.message, detail: err.detail };
    }
  });

describe("a succession is coherent with its units", () => {
  it("a dissolved office to a regional office of the day after: recorded under the successor's tenant, whatever is sent", async () => {
    expect(await write(u.district, ctx.fx.units.a9, "2025-07-01", ctx.fx.units.b)).toEqual({ ok: true, provinceId: ctx.fx.units.a });
    expect(await write(u.formerProvince, ctx.fx.units.a, "2025-07-01")).toEqual({ ok: true, provinceId: ctx.fx.units.a });
  });

  it("refuses a predecessor still in operation, or dissolved on another day", async () => {
    const live = await write(ctx.fx.units.a1, ctx.fx.units.a9, "2025-07-01");
    expect(live).toMatchObject({ ok: false, code: "23514", detail: expect.stringContaining("predecessor_id") });
    expect(live.ok ? "" : live.message).toMatch(/tiền nhiệm/);
    expect(await write(u.district, ctx.fx.units.a9, "2025-06-30")).toMatchObject({ ok: false, code: "23514" });
  });

  it("refuses a successor already dissolved, one of another level, and a unit succeeding itself", async () => {
    expect(await write(u.district, u.district, "2025-07-01")).toMatchObject({ ok: false, code: "23514" });
    expect(await write(u.district, ctx.fx.units.a, "2025-07-01")).toMatchObject({
      ok: false,
      code: "23514",
      detail: expect.stringContaining("level"),
    });
    expect(await write(u.formerProvince, ctx.fx.units.a9, "2025-07-01")).toMatchObject({ ok: false, code: "23514" });
    expect(await write(u.formerProvince, ctx.fx.units.national, "2025-07-01")).toMatchObject({ ok: false, code: "23514" });
  });

  it("the public reads successions like the units directory", async () => {
    const [row] = await ctx.owner<{ id: string }[]>`
      insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis)
      values (${u.district}, ${ctx.fx.units.a9}, '2025-07-01', 'Sắp xếp') returning id`;
    const seen = await asAnon(ctx.app, (tx) => tx<{ id: string }[]>`select id from public.unit_successions where id = ${row!.id}`);
    expect(seen.map((r) => r.id)).toEqual([row!.id]);
    await ctx.owner`delete from public.unit_successions where id = ${row!.id}`;
  });
});
