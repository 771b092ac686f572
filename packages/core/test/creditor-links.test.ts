import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { ConfirmLinkSchema, confirmCreditorLink, requestLinkState } from "../src/creditors/index.ts";

const ctx = useTenantFixture();

const as = <T>(key: string, fn: Parameters<typeof withClaims<T>>[2]) =>
  withClaims(ctx.app, { sub: ctx.fx.users[key]!, role: "authenticated" }, fn);

const trackingCode = () =>
  `${randomUUID()
    .replace(/-/g, "")
    .toUpperCase()
    .replace(/[ILOU]/g, "7")
    .slice(0, 12)}0`;

/** A request filed at the sub-bureau A1 from the creditor account, with a fresh ID number. */
async function filedFromAccount(
  requesterId: string | null = ctx.fx.users.creditor!,
  unit: string = ctx.fx.units.a1!,
  idNumber = `0${String(Date.now()).slice(-8)}${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, "0")}`,
) {
  const [r] = await ctx.owner<{ id: string }[]>`
    insert into public.service_requests (unit_id, kind, tracking_code, idempotency_key, requester_name, requester_id_number, requester_id, factor_keys)
    values (${unit}, 'enforcement_request', ${trackingCode()}, ${randomUUID()}, 'Nguyễn Văn Liên', ${idNumber}, ${requesterId}, ${["0912345678"]})
    returning id`;
  return { id: r!.id, idNumber };
}

const linksOf = (idNumber: string) =>
  ctx.owner<{ account_id: string; channel: string; unit_id: string; party_kind: string }[]>`
    select account_id, channel::text as channel, unit_id, party_kind::text as party_kind from public.creditor_links where id_number = ${idNumber}`;

describe("confirming a creditor's link at the desk", () => {
  it("the request's own sub-bureau confirms it once; a second confirmation returns the same link", async () => {
    const req = await filedFromAccount();
    const before = await as("clerk", (tx) => requestLinkState(tx, req.id));
    expect(before).toEqual({ linkable: true, closed: false, idNumber: req.idNumber, link: null });

    const input = ConfirmLinkSchema.parse({ intent: "confirm-link", partyKind: "person" });
    const first = await as("clerk", (tx) => confirmCreditorLink(tx, req.id, input));
    expect(first.ok).toBe(true);
    const again = await as("clerk", (tx) => confirmCreditorLink(tx, req.id, input));
    expect(again).toEqual(first);

    const links = await linksOf(req.idNumber);
    expect(links).toEqual([{ account_id: ctx.fx.users.creditor!, channel: "desk", unit_id: ctx.fx.units.a1, party_kind: "person" }]);
    const after = await as("clerk", (tx) => requestLinkState(tx, req.id));
    expect(after?.link?.id).toBe(first.ok ? first.linkId : "");
  });

  it("another province's clerk gets a clear refusal and nothing is written", async () => {
    const req = await filedFromAccount();
    // The request does not exist for that clerk…
    expect(await as("clerk_b", (tx) => requestLinkState(tx, req.id))).toBeNull();
    // …and confirming it anyway is refused with a 403 and a Vietnamese message.
    const r = await as("clerk_b", (tx) => confirmCreditorLink(tx, req.id, { intent: "confirm-link", partyKind: "person" }));
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect(r.ok ? "" : r.message).toMatch(/không có quyền xác nhận liên kết/);
    expect(await linksOf(req.idNumber)).toEqual([]);
  });

  it("a request not filed from an account is refused with a 4xx and no link", async () => {
    const req = await filedFromAccount(null);
    expect((await as("clerk", (tx) => requestLinkState(tx, req.id)))?.linkable).toBe(false);
    const r = await as("clerk", (tx) => confirmCreditorLink(tx, req.id, { intent: "confirm-link", partyKind: "person" }));
    expect(r).toMatchObject({ ok: false, status: 422 });
    expect(await linksOf(req.idNumber)).toEqual([]);
  });

  it("a link confirmed in another province shows as standing, with that province, and is not offered again", async () => {
    const inB = await filedFromAccount(ctx.fx.users.creditor!, ctx.fx.units.b1!);
    const confirmed = await as("clerk_b", (tx) => confirmCreditorLink(tx, inB.id, { intent: "confirm-link", partyKind: "person" }));
    expect(confirmed.ok).toBe(true);
    const inA = await filedFromAccount(ctx.fx.users.creditor!, ctx.fx.units.a1!, inB.idNumber);
    // Row security hides B's link from A's clerk…
    expect(await as("clerk", (tx) => tx`select id from public.creditor_links where id_number = ${inB.idNumber}`)).toHaveLength(0);
    // …but the request's own link state names it, and the province that confirmed it.
    const state = await as("clerk", (tx) => requestLinkState(tx, inA.id));
    const [b] = await ctx.owner<{ name: string }[]>`select name from public.units where id = ${ctx.fx.units.b}`;
    expect(state?.link).toMatchObject({ id: confirmed.ok ? confirmed.linkId : "", channel: "desk", confirmed_in: b!.name });
    // Nobody outside the request's handlers learns anything from the function.
    expect(await as("clerk_b", (tx) => tx`select * from public.request_link_state(${inA.id})`)).toHaveLength(0);
    expect(await as("creditor", (tx) => tx`select * from public.request_link_state(${inA.id})`)).toHaveLength(0);
  });

  it("a closed request offers no link, and confirming one is refused with a 4xx and writes nothing", async () => {
    const req = await filedFromAccount();
    await ctx.owner`update public.service_requests set status = 'rejected', closed_on = current_date, result_note = 'Không đủ điều kiện' where id = ${req.id}`;
    expect(await as("clerk", (tx) => requestLinkState(tx, req.id))).toMatchObject({ closed: true, link: null });
    const r = await as("clerk", (tx) => confirmCreditorLink(tx, req.id, { intent: "confirm-link", partyKind: "person" }));
    expect(r).toMatchObject({ ok: false, status: 422 });
    expect(r.ok ? "" : r.message).toMatch(/đã trả kết quả hoặc đã từ chối/);
    expect(await linksOf(req.idNumber)).toEqual([]);
  });

  it("the form's party kind is named when it is missing", () => {
    const r = ConfirmLinkSchema.safeParse({ intent: "confirm-link", partyKind: "robot" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Loại người yêu cầu: chọn cá nhân hoặc tổ chức.");
  });
});
