import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { asAnon, withClaims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { fileBulk, linkedNumbers, type BulkFiling } from "../src/creditors/index.ts";
import { insertRequest, REQUEST_FORM_SCHEMAS, requestOffices } from "../src/requests/index.ts";
import { newTrackingCode } from "@thads/domain";
import { loadCasePage } from "../src/cases/index.ts";

const ctx = useTenantFixture();
const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
let taxCode = "";
let codes: { a: string; a1: string; b1: string } = { a: "", a1: "", b1: "" };

const filing = (line: number, unitId: string, number: string): BulkFiling => ({
  line,
  input: REQUEST_FORM_SCHEMAS.enforcement_request.parse({
    idempotencyKey: randomUUID(),
    unitId,
    requesterName: "Ngân hàng TMCP A",
    requesterIdNumber: taxCode,
    requesterPhone: "02431234567",
    requesterAddress: "Số 1 Lý Thái Tổ, Hà Nội",
    content: "Đề nghị ra quyết định thi hành án buộc trả nợ vay.",
    judgmentCourt: "Tòa án nhân dân thành phố Hải Phòng",
    judgmentNumber: number,
    judgmentDate: "20/10/2026",
    debtorName: "Công ty TNHH Hải Âu",
    preferredExecutor: "Nguyễn Văn Chấp",
  }),
  files: [{ name: "ban-an.pdf", type: "application/pdf", bytes: PDF }],
});
const countMine = async () =>
  Number(
    (await ctx.owner<{ n: bigint }[]>`select count(*) as n from public.service_requests where requester_id = ${ctx.fx.users.creditor!}`)[0]!
      .n,
  );

beforeAll(async () => {
  taxCode = `01${Date.now().toString().slice(-8)}`;
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${ctx.fx.users.creditor!}, ${taxCode}, 'organization', 'verified_channel')`;
  const code = async (id: string) => (await ctx.owner<{ code: string }[]>`select code from public.units where id = ${id}`)[0]!.code;
  codes = { a: await code(ctx.fx.units.a), a1: await code(ctx.fx.units.a1), b1: await code(ctx.fx.units.b1) };
});

describe("a creditor's bulk filing", () => {
  it("knows the offices that take requests by code, by province and by id, in any province, and the account's linked numbers", async () => {
    const byCode = await as(ctx.fx.users.creditor!, (tx) =>
      requestOffices(tx, { codes: [codes.a.toLowerCase(), codes.a1, codes.b1, "P-NOWHERE", "x'; drop"] }),
    );
    expect(new Map(byCode.map((o) => [o.code.toUpperCase(), o.id]))).toEqual(
      new Map([
        [codes.a.toUpperCase(), ctx.fx.units.a],
        [codes.a1.toUpperCase(), ctx.fx.units.a1],
        [codes.b1.toUpperCase(), ctx.fx.units.b1],
      ]),
    );
    // The same rule by province and by id: the bureau and its current offices, each with its province.
    const inA = await as(ctx.fx.users.creditor!, (tx) => requestOffices(tx, { province: ctx.fx.units.a }));
    expect(inA.map((o) => [o.id, o.kind, o.provinceId])).toEqual([
      [ctx.fx.units.a, "province", ctx.fx.units.a],
      [ctx.fx.units.a1, "subunit", ctx.fx.units.a],
      [ctx.fx.units.a9, "subunit", ctx.fx.units.a],
    ]);
    expect((await as(ctx.fx.users.creditor!, (tx) => requestOffices(tx, { id: ctx.fx.units.b1 })))[0]?.provinceId).toBe(ctx.fx.units.b);
    expect(await as(ctx.fx.users.creditor!, (tx) => requestOffices(tx, { id: ctx.fx.units.national }))).toEqual([]);
    expect(await as(ctx.fx.users.creditor!, (tx) => requestOffices(tx, { id: "not-a-uuid'); drop" }))).toEqual([]);
    await ctx.owner`update public.units set dissolved_on = '2025-07-01' where id = ${ctx.fx.units.a9}`;
    try {
      expect((await as(ctx.fx.users.creditor!, (tx) => requestOffices(tx, { province: ctx.fx.units.a }))).map((o) => o.id)).not.toContain(
        ctx.fx.units.a9,
      );
    } finally {
      await ctx.owner`update public.units set dissolved_on = null where id = ${ctx.fx.units.a9}`;
    }
    expect(await as(ctx.fx.users.creditor!, linkedNumbers)).toEqual([taxCode]);
    // Another account's links are not this one's.
    expect(await as(ctx.fx.users.clerk!, linkedNumbers)).toEqual([]);
  });

  it("files every row with its judgment's copy in one transaction, and a judgment filed before is not filed again", async () => {
    const before = await countMine();
    const rows = [filing(2, ctx.fx.units.a1, `A-${Date.now()}`), filing(3, ctx.fx.units.b1, `B-${Date.now()}`)];
    const first = await as(ctx.fx.users.creditor!, (tx) => fileBulk(tx, ctx.fx.users.creditor!, rows));
    expect(first.map((f) => [f.line, f.before])).toEqual([
      [2, false],
      [3, false],
    ]);
    expect(await countMine()).toBe(before + 2);
    const written = await ctx.owner<{ tracking_code: string; channel: string; n: bigint }[]>`
      select r.tracking_code, r.channel::text as channel, (select count(*) from public.service_request_attachments a where a.request_id = r.id) as n
        from public.service_requests r where r.tracking_code = any(${first.map((f) => f.trackingCode)}) order by r.tracking_code`;
    expect(written.map((w) => [w.channel, w.n])).toEqual([
      ["online", 1n],
      ["online", 1n],
    ]);
    const again = await as(ctx.fx.users.creditor!, (tx) => fileBulk(tx, ctx.fx.users.creditor!, rows));
    expect(again).toEqual(first.map((f) => ({ ...f, before: true })));
    expect(await countMine()).toBe(before + 2);
  });

  it("recognises a judgment by the account's own requests, not by a key someone else could take first", async () => {
    // A number as courts write them: an "S" in the court's code, a space inside.
    const number = `Số ${Date.now()}/2026/KDTM-ST`;
    const row = filing(2, ctx.fx.units.a1, number);
    // Someone files the same judgment, with the row's very key, from the public form: the bank's filing goes ahead.
    await asAnon(ctx.app, (tx) =>
      insertRequest(tx, {
        id: randomUUID(),
        code: newTrackingCode(),
        kind: "enforcement_request",
        channel: "online",
        requesterId: null,
        input: row.input,
        files: row.files,
      }),
    );
    const [first] = await as(ctx.fx.users.creditor!, (tx) =>
      fileBulk(tx, ctx.fx.users.creditor!, [{ ...row, input: { ...row.input, idempotencyKey: randomUUID() } }]),
    );
    expect(first!.before).toBe(false);
    // The same judgment written another way (case, spacing, Unicode form) is the one filed before.
    const respelled = filing(3, ctx.fx.units.a1, ` ${number.toLowerCase().replace(" ", "   ").normalize("NFD")} `);
    respelled.input.judgmentCourt = `  ${respelled.input.judgmentCourt!.toUpperCase().normalize("NFD")}`;
    const [again] = await as(ctx.fx.users.creditor!, (tx) => fileBulk(tx, ctx.fx.users.creditor!, [respelled]));
    expect(again).toEqual({ line: 3, trackingCode: first!.trackingCode, before: true });
    // Refused at the desk, it may be filed again.
    await ctx.owner`update public.service_requests set status = 'rejected', result_note = 'Thiếu bản án' where tracking_code = ${first!.trackingCode}`;
    const [refiled] = await as(ctx.fx.users.creditor!, (tx) => fileBulk(tx, ctx.fx.users.creditor!, [respelled]));
    expect(refiled!.before).toBe(false);
    expect(refiled!.trackingCode).not.toBe(first!.trackingCode);
  });

  it("files a judgment once when the same file is sent twice at the same moment", async () => {
    const before = await countMine();
    const rows = [filing(2, ctx.fx.units.a1, `P-${Date.now()}`)];
    const both = await Promise.all([
      as(ctx.fx.users.creditor!, (tx) =>
        fileBulk(
          tx,
          ctx.fx.users.creditor!,
          rows.map((r) => ({ ...r, input: { ...r.input, idempotencyKey: randomUUID() } })),
        ),
      ),
      as(ctx.fx.users.creditor!, (tx) =>
        fileBulk(
          tx,
          ctx.fx.users.creditor!,
          rows.map((r) => ({ ...r, input: { ...r.input, idempotencyKey: randomUUID() } })),
        ),
      ),
    ]);
    expect(both.map((b) => b[0]!.before).sort()).toEqual([false, true]);
    expect(both[0]![0]!.trackingCode).toBe(both[1]![0]!.trackingCode);
    expect(await countMine()).toBe(before + 1);
  });

  it("carries the executor the creditor proposes to the case taken in from its request, for the office to see", async () => {
    const [r] = await as(ctx.fx.users.creditor!, (tx) =>
      fileBulk(tx, ctx.fx.users.creditor!, [filing(2, ctx.fx.units.a1, `E-${Date.now()}`)]),
    );
    await ctx.owner`update public.service_requests set status = 'received', received_on = app_private.today_vn(), due_on = app_private.today_vn() + 5,
                                                     case_id = ${ctx.fx.cases.a} where tracking_code = ${r!.trackingCode}`;
    const page = await as(ctx.fx.users.clerk!, (tx) => loadCasePage(tx, ctx.fx.cases.a, ["clerk"], "2026-12-06"));
    expect(page?.case.proposed_executor).toBe("Nguyễn Văn Chấp");
    // Another province's clerk reads neither the case nor the request.
    expect(await as(ctx.fx.users.clerk_b!, (tx) => loadCasePage(tx, ctx.fx.cases.a, ["clerk"], "2026-12-06"))).toBeNull();
  });

  it("writes nothing when one row fails in the database", async () => {
    const before = await countMine();
    const rows = [filing(2, ctx.fx.units.a1, `C-${Date.now()}`), filing(3, randomUUID(), `D-${Date.now()}`)];
    await expect(as(ctx.fx.users.creditor!, (tx) => fileBulk(tx, ctx.fx.users.creditor!, rows))).rejects.toBeTruthy();
    expect(await countMine()).toBe(before);
  });
});
