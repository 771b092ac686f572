import { randomUUID } from "node:crypto";
import { describe, expect, it, beforeAll } from "vitest";
import { withClaims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { DESK_PAGE_SIZE, readDeskQueue } from "@thads/core/requests";

const ctx = useTenantFixture();
/** A tracking code of the right shape (the check symbol is not checked by the database). */
const code = () =>
  `${randomUUID()
    .replace(/-/g, "")
    .toUpperCase()
    .replace(/[ILOU]/g, "7")
    .slice(0, 12)}0`;

describe("the desk queue, a page at a time", () => {
  const mine: string[] = [];
  beforeAll(async () => {
    // 60 requests at sub-bureau A1, one after another (the database stamps submitted_at: the
    // newest is the last inserted, mine[0]); 3 at B1.
    for (let i = 0; i < 60; i++) {
      const [r] = await ctx.owner<{ id: string }[]>`
        insert into public.service_requests (unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
        values (${ctx.fx.units.a1}, 'enforcement_request', ${code()}, ${randomUUID()}, ${`Người yêu cầu ${i}`}, ${["0912345678"]})
        returning id`;
      mine.unshift(r!.id);
    }
    for (let i = 0; i < 3; i++) {
      await ctx.owner`
        insert into public.service_requests (unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
        values (${ctx.fx.units.b1}, 'complaint', ${code()}, ${randomUUID()}, 'Hà Nội', ${["0912345678"]})`;
    }
  });
  const asClerk = (filter: Parameters<typeof readDeskQueue>[1]) =>
    withClaims(ctx.app, { sub: ctx.fx.users.clerk!, role: "authenticated" }, (tx) => readDeskQueue(tx, filter));

  it("shows 50 requests, newest first, then the rest on the next page, none twice", async () => {
    const first = await asClerk({ status: "open", unitId: null, page: 1 });
    expect(first.rows.map((r) => r.id)).toEqual(mine.slice(0, DESK_PAGE_SIZE));
    expect(first.hasMore).toBe(true);
    const second = await asClerk({ status: "open", unitId: null, page: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(mine.slice(DESK_PAGE_SIZE));
    expect(second.hasMore).toBe(false);
    expect(await asClerk({ status: "open", unitId: null, page: 3 })).toEqual({ rows: [], hasMore: false });
  });

  it("never shows another province's requests, even when asked for its unit", async () => {
    expect(await asClerk({ status: "all", unitId: ctx.fx.units.b1, page: 1 })).toEqual({ rows: [], hasMore: false });
    expect((await asClerk({ status: "closed", unitId: null, page: 1 })).rows).toEqual([]);
  });
});
