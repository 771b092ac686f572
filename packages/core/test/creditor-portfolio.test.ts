import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { STATUS_GROUPS } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { myCases, myCasesFilterSchema, portfolio } from "../src/creditors/index.ts";

const ctx = useTenantFixture();
const idNumber = `03${Date.now().toString().slice(-8)}`;
let stranger = "";

const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);
const list = (userId: string, q: Record<string, string>) => as(userId, (tx) => myCases(tx, myCasesFilterSchema.parse(q), 10_000));

beforeAll(async () => {
  const f = ctx.fx;
  // The fixture's creditor is the creditor party of case A (tenant A) and case B (tenant B).
  for (const c of [f.cases.a, f.cases.b]) {
    await ctx.owner`insert into public.case_parties (case_id, role, kind, full_name, id_number)
                    values (${c}, 'creditor', 'organization', 'Ngân hàng A', ${idNumber})`;
  }
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${f.users.creditor!}, ${idNumber}, 'organization', 'verified_channel')`;
  // Case A had no step for a year; case B's asset failed at auction twice and is still unsold.
  await ctx.owner`update public.cases set accepted_on = current_date - 400, last_event_on = current_date - 365 where id = ${f.cases.a}`;
  await ctx.owner`insert into public.assets (case_id, kind, description, status, latest_value, current_price, rounds_held, failed_rounds)
                  values (${f.cases.b}, 'land_use_right', 'Nhà xưởng', 'at_auction', 1000000000, 810000000, 2, 2)`;
  stranger = randomUUID();
  await ctx.owner`insert into auth.users (id, email, encrypted_password, aud, role)
                  values (${stranger}, ${`stranger.${f.tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
  await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${stranger}, null, 'creditor')`;
});

describe("a creditor's portfolio", () => {
  it("counts its cases by province and group, and each figure is the list with the same filters", async () => {
    const p = await as(ctx.fx.users.creditor!, (tx) => portfolio(tx));
    expect(p.provinces.length).toBeGreaterThanOrEqual(2);
    expect(p.totals.cases).toBe((await list(ctx.fx.users.creditor!, {})).length);
    for (const prov of p.provinces) {
      let sum = 0n;
      for (const g of STATUS_GROUPS) {
        const rows = await list(ctx.fx.users.creditor!, { province: prov.province_slug, group: g });
        expect(rows.length, `${prov.province_slug} ${g}`).toBe(prov.groups[g].cases);
        const money = rows.reduce((s, r) => s + BigInt(r.money_outstanding), 0n);
        expect(money.toString()).toBe(prov.groups[g].outstanding);
        sum += money;
      }
      expect(sum.toString()).toBe(prov.outstanding);
    }
  });

  it("names the stuck cases: no step for six months, an auction that failed; the lists agree", async () => {
    const p = await as(ctx.fx.users.creditor!, (tx) => portfolio(tx));
    const idle = await list(ctx.fx.users.creditor!, { stuck: "idle" });
    const auction = await list(ctx.fx.users.creditor!, { stuck: "auction" });
    expect(idle.map((r) => r.id)).toContain(ctx.fx.cases.a);
    expect(auction.map((r) => r.id)).toEqual([ctx.fx.cases.b]);
    expect(p.stuck.idle.cases).toBe(idle.length);
    expect(p.stuck.auction.cases).toBe(1);
    const [failed] = await as(ctx.fx.users.creditor!, (tx) => tx`select failed_rounds from public.creditor_case_failed_auctions()`);
    expect(failed).toMatchObject({ failed_rounds: 2 });
  });

  it("is nothing for an account without links, and the failed auctions answer nobody else", async () => {
    const p = await as(stranger, (tx) => portfolio(tx));
    expect(p.totals.cases).toBe(0);
    expect(p.stuck).toEqual({ idle: { cases: 0, outstanding: "0" }, auction: { cases: 0, outstanding: "0" } });
    expect(await as(stranger, (tx) => tx`select * from public.creditor_case_failed_auctions()`)).toHaveLength(0);
    expect(await as(ctx.fx.users.clerk!, (tx) => tx`select * from public.creditor_case_failed_auctions()`)).toHaveLength(0);
  });
});
