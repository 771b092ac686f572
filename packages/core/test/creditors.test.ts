import { describe, expect, it, beforeAll } from "vitest";
import { withClaims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { myCase, myCaseTotals, myCases, myCasesFilterSchema } from "../src/creditors/index.ts";

const ctx = useTenantFixture();
const idNumber = `01${String(Date.now()).slice(-8)}`;

beforeAll(async () => {
  const f = ctx.fx;
  for (const c of [f.cases.a, f.cases.b])
    await ctx.owner`insert into public.case_parties (case_id, role, kind, full_name, id_number)
                    values (${c}, 'creditor', 'organization', 'Ngân hàng A', ${idNumber})`;
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${f.users.creditor!}, ${idNumber}, 'organization', 'verified_channel')`;
});

const asCreditor = <T>(fn: Parameters<typeof withClaims<T>>[2]) =>
  withClaims(ctx.app, { sub: ctx.fx.users.creditor!, role: "authenticated" }, fn);

describe("my cases", () => {
  it("lists the account's cases of both provinces, with amounts and executor, and nothing else", async () => {
    const rows = await asCreditor((tx) => myCases(tx));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([ctx.fx.cases.a, ctx.fx.cases.b]));
    const [owner] = await ctx.owner<{ due: string; collected: string }[]>`
      select money_due::text as due, money_collected::text as collected from public.cases where id = ${ctx.fx.cases.b}`;
    const b = rows.find((r) => r.id === ctx.fx.cases.b)!;
    expect(b.money_due).toBe(owner!.due);
    expect(BigInt(b.money_outstanding)).toBe(BigInt(owner!.due) - BigInt(owner!.collected));
    expect(b.executor_name).not.toBeNull();
    const totals = await asCreditor((tx) => myCaseTotals(tx));
    expect(totals).toMatchObject({ cases: 2, provinces: 2 });
  });

  it("filters by province and searches by case number", async () => {
    const [slugB] = await ctx.owner<{ slug: string }[]>`select slug from public.units where id = ${ctx.fx.units.b}`;
    const byProvince = await asCreditor((tx) => myCases(tx, myCasesFilterSchema.parse({ province: slugB!.slug })));
    expect(byProvince.map((r) => r.id)).toEqual([ctx.fx.cases.b]);
    const [num] = await ctx.owner<{ n: string }[]>`select case_number as n from public.cases where id = ${ctx.fx.cases.a}`;
    const bySearch = await asCreditor((tx) => myCases(tx, { q: num!.n }));
    expect(bySearch.map((r) => r.id)).toEqual([ctx.fx.cases.a]);
  });

  it("a case page holds the party's timeline; another creditor's case is not found", async () => {
    const mine = await asCreditor((tx) => myCase(tx, ctx.fx.cases.a));
    expect(mine?.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["acceptance", "decision"]));
    expect(await asCreditor((tx) => myCase(tx, ctx.fx.cases.aUnassigned))).toBeNull();
  });

  it("bad filter input is dropped, not an error", () => {
    expect(myCasesFilterSchema.parse({ province: "../x", status: "nope", q: "a" })).toEqual({
      province: undefined,
      status: undefined,
      q: "a",
    });
  });
});

describe("my requests", () => {
  it("include a request filed on the public pages with the linked number, and not another number's", async () => {
    const { randomUUID } = await import("node:crypto");
    const { myRequests } = await import("../src/requests/index.ts");
    const code = (n: string) =>
      `${randomUUID()
        .replace(/-/g, "")
        .toUpperCase()
        .replace(/[ILOU]/g, "7")
        .slice(0, 12)}${n}`;
    const mine = code("0");
    const other = code("1");
    for (const [c, id] of [
      [mine, idNumber],
      [other, `09${String(Date.now()).slice(-8)}`],
    ] as const)
      await ctx.owner`insert into public.service_requests (unit_id, kind, tracking_code, idempotency_key, requester_name, requester_id_number, factor_keys)
                      values (${ctx.fx.units.b1}, 'enforcement_request', ${c}, ${randomUUID()}, 'Ngân hàng A', ${id}, ${["0912345678"]})`;
    const rows = await asCreditor((tx) => myRequests(tx));
    const codes = rows.map((r) => r.tracking_code);
    expect(codes).toContain(mine);
    expect(codes).not.toContain(other);
  });

  it("a request someone else filed with the linked number shows no contact details nor the filer's result; its own shows its result", async () => {
    const { randomUUID } = await import("node:crypto");
    const { myRequests } = await import("../src/requests/index.ts");
    const code = (n: string) =>
      `${randomUUID()
        .replace(/-/g, "")
        .toUpperCase()
        .replace(/[ILOU]/g, "7")
        .slice(0, 12)}${n}`;
    const byOther = code("2");
    const byAccount = code("3");
    for (const [c, requester] of [
      [byOther, null],
      [byAccount, ctx.fx.users.creditor!],
    ] as const)
      await ctx.owner`insert into public.service_requests (unit_id, kind, tracking_code, idempotency_key, requester_name, requester_id_number,
                                                          requester_id, requester_phone, requester_email, requester_address, factor_keys)
                      values (${ctx.fx.units.b1}, 'enforcement_request', ${c}, ${randomUUID()}, 'Người nộp thay', ${idNumber}, ${requester},
                              '0912345678', 'nop.thay@example.vn', 'Số 1 phố Huế', ${["0912345678"]})`;
    // The desk's answer to the filer (the insert trigger leaves it empty).
    await ctx.owner`update public.service_requests set result_note = 'Kết quả gửi người nộp' where tracking_code in (${byOther}, ${byAccount})`;
    const rows = await asCreditor((tx) => myRequests(tx));
    const other = rows.find((r) => r.tracking_code === byOther)!;
    expect(other).toMatchObject({ own: false, requester_name: "Người nộp thay", result_note: null });
    const text = JSON.stringify(other);
    for (const secret of ["0912345678", "nop.thay@example.vn", "Số 1 phố Huế", "Kết quả gửi người nộp"]) expect(text).not.toContain(secret);
    expect(rows.find((r) => r.tracking_code === byAccount)).toMatchObject({ own: true, result_note: "Kết quả gửi người nộp" });
  });
});
