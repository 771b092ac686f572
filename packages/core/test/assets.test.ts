import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClaims, type Claims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import type { CaseEvent, Role } from "@thads/domain";
import {
  IntakeSchema,
  NewAssetSchema,
  asUserStep,
  createAsset,
  intakeCase,
  parseAssetStep,
  recordAssetStep,
  recordEvent,
  type Actor,
  type AssetFormStep,
} from "../src/index.ts";

const ctx = useTenantFixture();
const TODAY = "2026-11-20";
const claims = (key: string): Claims => ({ sub: ctx.fx.users[key]!, role: "authenticated" });
const actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });
const clerkActor = () => actor("clerk", "clerk");

/** The dates of a case's first steps: after 01/07/2026 (the default) or under the old law. */
const AFTER_2026 = {
  judgment: "01/08/2026",
  accepted: "01/09/2026",
  decision: "2026-09-03",
  notification: "2026-09-04",
  verification: "2026-09-20",
  classification: "2026-09-21",
  identified: "22/09/2026",
};
const BEFORE_2026 = {
  judgment: "02/02/2026",
  accepted: "02/03/2026",
  decision: "2026-03-04",
  notification: "2026-03-05",
  verification: "2026-03-20",
  classification: "2026-03-23",
  identified: "24/03/2026",
};

/** An enforceable bank-credit case in sub-bureau a1 with obligations O1 (bank, 10 bn) and O2 (court fee, 50 m). */
async function enforceableCase(dates = AFTER_2026): Promise<string> {
  const n = Math.floor(Math.random() * 1e7);
  const input = IntakeSchema.parse({
    idempotencyKey: randomUUID(),
    unitId: ctx.fx.units.a1,
    caseNumber: `${n}/QĐ-THADS`,
    acceptedOn: dates.accepted,
    source: "creditor_request",
    decisionKind: "on_request",
    isBankCredit: true,
    judgment: { courtName: "Tòa án nhân dân thành phố Hải Phòng", number: `${n}/2026/KDTM-ST`, date: dates.judgment, type: "business" },
    creditor: { kind: "organization", fullName: "Ngân hàng TMCP Á Châu" },
    debtor: { kind: "organization", fullName: "Công ty TNHH Thép Hải Long" },
    amount: "10.000.000.000",
  });
  const r = await asUserStep(ctx.app, claims("clerk"), (tx) => intakeCase(tx, input, clerkActor()));
  if (!r.ok) throw new Error(r.error.message_vi);
  const events: CaseEvent[] = [
    {
      kind: "decision",
      effectiveDate: dates.decision,
      mode: "on_request",
      obligations: [
        { id: "O1", kind: "money", amount: 10_000_000_000n },
        { id: "O2", kind: "money", amount: 50_000_000n },
      ],
    },
    { kind: "notification", effectiveDate: dates.notification },
    { kind: "verification", effectiveDate: dates.verification },
    { kind: "classification", effectiveDate: dates.classification, result: "enforceable" },
  ];
  for (const event of events) {
    const res = await asUserStep(ctx.app, claims("subunit_head"), async (tx) => {
      const [c] = await tx<{ version: number }[]>`select version from public.cases where id = ${r.caseId}`;
      return recordEvent(tx, {
        caseId: r.caseId,
        expectedVersion: c!.version,
        event,
        idempotencyKey: randomUUID(),
        actor: actor("subunit_head", "subunit_head"),
        today: TODAY,
      });
    });
    if (!res.ok) throw new Error(`${event.kind}: ${res.error.message_vi}`);
  }
  return r.caseId;
}

async function newAsset(caseId: string, who = "subunit_head", role: Role = "subunit_head", identifiedOn = AFTER_2026.identified) {
  const input = NewAssetSchema.parse({
    idempotencyKey: randomUUID(),
    kind: "land_use_right",
    description: "Nhà xưởng và quyền sử dụng đất 5.000 m²",
    location: "KCN Nam Cầu Kiền, Hải Phòng",
    encumbranceBank: "Ngân hàng TMCP Á Châu",
    identifiedOn,
  });
  return asUserStep(ctx.app, claims(who), (tx) => createAsset(tx, { caseId, ...input }, actor(who, role), TODAY));
}

async function version(assetId: string) {
  return (await ctx.owner<{ version: number }[]>`select version from public.assets where id = ${assetId}`)[0]!.version;
}

async function step(
  assetId: string,
  kind: AssetFormStep,
  fields: Record<string, unknown>,
  opts: { who?: [string, Role]; key?: string; version?: number } = {},
) {
  const parsed = parseAssetStep(kind, {
    idempotencyKey: opts.key ?? randomUUID(),
    version: opts.version ?? (await version(assetId)),
    ...fields,
  });
  if (!parsed.ok) return { ok: false as const, error: { code: "invalid", fieldErrors: parsed.fieldErrors } };
  const [key, role] = opts.who ?? ["subunit_head", "subunit_head"];
  return asUserStep(ctx.app, claims(key), (tx) =>
    recordAssetStep(tx, { assetId, step: parsed.step, actor: actor(key, role), today: TODAY }),
  );
}

async function counts(assetId: string) {
  const [c] = await ctx.owner<{ events: number; rounds: number; deposits: number; proceeds: number }[]>`
    select (select count(*)::int from public.asset_events where asset_id = ${assetId}) as events,
           (select count(*)::int from public.auction_rounds where asset_id = ${assetId}) as rounds,
           (select count(*)::int from public.auction_deposits where asset_id = ${assetId}) as deposits,
           (select count(*)::int from public.asset_proceeds where asset_id = ${assetId}) as proceeds`;
  return c!;
}

describe("asset forms", () => {
  const base = { idempotencyKey: randomUUID(), version: "3", effectiveDate: "07/11/2026" };
  it("name the field in Vietnamese for bad input", () => {
    const neg = parseAssetStep("round", { ...base, heldOn: "17/11/2026", startingPrice: "-1.800.000.000" });
    expect(neg).toEqual({
      ok: false,
      fieldErrors: { startingPrice: "Giá khởi điểm: phải là số tiền nguyên dương tính bằng đồng (ví dụ 12.500.000)." },
    });
    const date = parseAssetStep("round", { ...base, heldOn: "31/02/2026", startingPrice: "1.000.000" });
    expect(date).toMatchObject({ ok: false, fieldErrors: { heldOn: expect.stringContaining("Ngày tổ chức phiên đấu giá") } });
    const sold = parseAssetStep("round_result", { ...base, result: "sold" });
    expect(sold).toMatchObject({
      ok: false,
      fieldErrors: { winningBid: expect.stringContaining("bắt buộc"), winnerName: expect.stringContaining("bắt buộc") },
    });
    const freeze = parseAssetStep("seizure", { ...base, seizureKind: "account_freeze", executorName: "A" });
    expect(freeze).toMatchObject({ ok: false, fieldErrors: { bankName: expect.any(String), accountNumber: expect.any(String) } });
    const rank = parseAssetStep("sale", { ...base, enforcementCosts: "0", ranks: { O1: "first" } });
    expect(rank).toMatchObject({ ok: false, fieldErrors: { ranks: "Thứ tự ưu tiên: chọn một hàng." } });
  });
  it("read whole đồng and allow zero costs", () => {
    const ok = parseAssetStep("sale", { ...base, enforcementCosts: "0", ranks: { O1: "secured" } });
    expect(ok).toMatchObject({
      ok: true,
      step: { kind: "sale", enforcementCosts: 0n, ranks: { O1: "secured" }, version: 3, effectiveDate: "2026-11-07" },
    });
    const r = parseAssetStep("round", { ...base, heldOn: "17/11/2026", startingPrice: "1.800.000.000", enforcementCosts: "" });
    expect(r).toMatchObject({ ok: true, step: { startingPrice: 1_800_000_000n, heldOn: "2026-11-17" } });
  });
});

describe("asset service", () => {
  it("seize → value → failed round → reduced round sells → deposit applied → proceeds paid into the case in Art. 47 order", async () => {
    const caseId = await enforceableCase();
    const created = await newAsset(caseId);
    expect(created).toMatchObject({ ok: true, duplicate: false });
    const assetId = created.ok ? created.assetId : "";

    expect(
      await step(assetId, "seizure", {
        effectiveDate: "25/09/2026",
        seizureKind: "seizure",
        executorName: "Trần Văn Bình",
        minutesNumber: "12/BB-KB",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "valuation", {
        effectiveDate: "05/10/2026",
        appraiser: "Công ty CP Thẩm định giá Hải Phòng",
        value: "8.000.000.000",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "contract", {
        effectiveDate: "07/10/2026",
        organisation: "Công ty Đấu giá hợp danh Số 1",
        contractNumber: "15/2026/HĐDG",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "round", {
        effectiveDate: "08/10/2026",
        heldOn: "28/10/2026",
        startingPrice: "8.000.000.000",
        enforcementCosts: "120.000.000",
      }),
    ).toMatchObject({ ok: true });
    expect(await step(assetId, "round_result", { effectiveDate: "28/10/2026", result: "no_bidder" })).toMatchObject({ ok: true });

    // The reduced round: more than 10% is refused and nothing is written.
    const before = await counts(assetId);
    const tooMuch = await step(assetId, "round", { effectiveDate: "02/11/2026", heldOn: "16/11/2026", startingPrice: "7.100.000.000" });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: "reduction_too_large", field: "startingPrice" } });
    const early = await step(assetId, "round", { effectiveDate: "27/10/2026", heldOn: "16/11/2026", startingPrice: "7.200.000.000" });
    expect(early).toMatchObject({ ok: false, error: { code: "date_before_previous" } });
    const negative = await step(assetId, "round", { effectiveDate: "02/11/2026", heldOn: "16/11/2026", startingPrice: "-7.200.000.000" });
    expect(negative).toMatchObject({
      ok: false,
      error: { code: "invalid", fieldErrors: { startingPrice: expect.stringContaining("Giá khởi điểm") } },
    });
    expect(await counts(assetId)).toEqual(before);

    expect(
      await step(assetId, "round", { effectiveDate: "02/11/2026", heldOn: "16/11/2026", startingPrice: "7.200.000.000" }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "deposit", { effectiveDate: "10/11/2026", bidderName: "Công ty TNHH Minh Phát", amount: "720.000.000" }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "deposit", { effectiveDate: "10/11/2026", bidderName: "Ông Lê Văn Tám", amount: "100.000.000" }),
    ).toMatchObject({ ok: false, error: { code: "deposit_out_of_range" } });
    expect(
      await step(assetId, "round_result", {
        effectiveDate: "16/11/2026",
        result: "sold",
        winningBid: "7.500.000.000",
        winnerName: "Công ty TNHH Minh Phát",
      }),
    ).toMatchObject({ ok: true });
    const [dep] = await ctx.owner<{ id: string }[]>`select id from public.auction_deposits where asset_id = ${assetId}`;
    expect(
      await step(assetId, "deposit_settlement", { effectiveDate: "17/11/2026", depositId: dep!.id, situation: "winner_paid" }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "sale", {
        effectiveDate: "18/11/2026",
        enforcementCosts: "150.000.000",
        ranks: { O1: "secured", O2: "court_fee" },
      }),
    ).toMatchObject({ ok: true });
    expect(await step(assetId, "delivery", { effectiveDate: "19/11/2026", withCoercion: "on" })).toMatchObject({ ok: true });

    const lines = await ctx.owner<{ rank: string; obligation_code: string | null; amount: bigint; case_event_id: bigint | null }[]>`
      select rank, obligation_code, amount, case_event_id from public.asset_proceeds where asset_id = ${assetId} order by line_no`;
    // The judgment's court fee before the secured creditor (Law 26/2008 Art. 47(3), Law 106 Art. 54(3)).
    expect(lines.map((l) => [l.rank, l.obligation_code, l.amount])).toEqual([
      ["costs", null, 150_000_000n],
      ["court_fee", "O2", 50_000_000n],
      ["secured", "O1", 7_300_000_000n],
    ]);
    expect(lines[1]!.case_event_id).not.toBeNull();
    expect(lines[2]!.case_event_id).not.toBeNull();
    const [c] = await ctx.owner`select money_collected, status from public.cases where id = ${caseId}`;
    expect(c).toMatchObject({ money_collected: 7_350_000_000n, status: "enforcing" });
    const [pay] = await ctx.owner`select payload from public.case_events where id = ${lines[2]!.case_event_id}`;
    expect(pay!.payload).toMatchObject({ obligationId: "O1", amount: "7300000000", method: "auction_proceeds" });
    const [a] =
      await ctx.owner`select status, rounds_held, failed_rounds, sold_price, delivered_on::text from public.assets where id = ${assetId}`;
    expect(a).toMatchObject({
      status: "delivered",
      rounds_held: 2,
      failed_rounds: 1,
      sold_price: 7_500_000_000n,
      delivered_on: "2026-11-19",
    });
    const [d] = await ctx.owner`select outcome from public.auction_deposits where id = ${dep!.id}`;
    expect(d!.outcome).toBe("applied");
    const kinds = await ctx.owner<{ measure: string }[]>`
      select payload->>'measure' as measure from public.case_events where case_id = ${caseId} and kind = 'enforcement_action' order by id`;
    expect(kinds.map((k) => k.measure)).toEqual(["seizure", "valuation", "auction", "price_reduction", "coercion_with_forces"]);
  });

  it("is idempotent, rejects stale versions and steps out of order", async () => {
    const caseId = await enforceableCase();
    const created = await newAsset(caseId);
    const assetId = created.ok ? created.assetId : "";
    const key = randomUUID();
    const v = await version(assetId);
    const fields = { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "Trần Văn Bình" };
    expect(await step(assetId, "seizure", fields, { key, version: v })).toMatchObject({ ok: true, duplicate: false });
    expect(await step(assetId, "seizure", fields, { key, version: v })).toMatchObject({ ok: true, duplicate: true });
    expect((await counts(assetId)).events).toBe(2);
    expect(
      await step(assetId, "valuation", { effectiveDate: "05/10/2026", appraiser: "Thẩm định", value: "1.000.000" }, { version: v }),
    ).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await step(assetId, "round", { effectiveDate: "05/10/2026", heldOn: "20/10/2026", startingPrice: "1.000.000" })).toMatchObject({
      ok: false,
      error: { code: "asset_step_not_allowed" },
    });
    expect(await step(assetId, "valuation", { effectiveDate: "05/12/2026", appraiser: "Thẩm định", value: "1.000.000" })).toMatchObject({
      ok: false,
      error: { code: "date_in_future", field: "effectiveDate" },
    });
    expect(await step(assetId, "seizure", { effectiveDate: "25/09/2026", seizureKind: "account_freeze", executorName: "B" })).toMatchObject(
      { ok: false, error: { code: "invalid" } },
    );
  });

  it("refuses an asset dated before its case's acceptance, and an auction round more than ten years ahead", async () => {
    const caseId = await enforceableCase(); // accepted 01/09/2026
    const early = NewAssetSchema.parse({
      idempotencyKey: randomUUID(),
      kind: "vehicle",
      description: "Xe tải 15 tấn",
      identifiedOn: "31/08/2026",
    });
    const refused = await asUserStep(ctx.app, claims("subunit_head"), (tx) =>
      createAsset(tx, { caseId, ...early }, actor("subunit_head", "subunit_head"), TODAY),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "date_before_acceptance", field: "identifiedOn" } });
    const created = await newAsset(caseId);
    if (!created.ok) throw new Error(created.error.message_vi);
    const assetId = created.assetId;
    expect(
      await step(assetId, "seizure", { effectiveDate: "31/08/2026", seizureKind: "seizure", executorName: "Trần Văn Bình" }),
    ).toMatchObject({ ok: false, error: { code: "date_before_acceptance", field: "effectiveDate" } });
    expect(
      await step(assetId, "seizure", { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "Trần Văn Bình" }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "valuation", {
        effectiveDate: "05/10/2026",
        appraiser: "Công ty CP Thẩm định giá Hải Phòng",
        value: "8.000.000.000",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await step(assetId, "contract", {
        effectiveDate: "07/10/2026",
        organisation: "Công ty Đấu giá hợp danh Số 1",
        contractNumber: "16/2026/HĐDG",
      }),
    ).toMatchObject({ ok: true });
    const far = await step(assetId, "round", { effectiveDate: "08/10/2026", heldOn: "28/10/2099", startingPrice: "8.000.000.000" });
    expect(far).toMatchObject({ ok: false, error: { code: "date_too_far_ahead", field: "heldOn" } });
    expect((await counts(assetId)).rounds).toBe(0);
  });

  it("refuses a round whose price falls below the enforcement costs (the floor)", async () => {
    const caseId = await enforceableCase();
    const created = await newAsset(caseId);
    const assetId = created.ok ? created.assetId : "";
    await step(assetId, "seizure", { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" });
    await step(assetId, "valuation", { effectiveDate: "05/10/2026", appraiser: "Thẩm định", value: "100.000.000" });
    await step(assetId, "contract", { effectiveDate: "05/10/2026", organisation: "Đấu giá", contractNumber: "1" });
    const r = await step(assetId, "round", {
      effectiveDate: "06/10/2026",
      heldOn: "26/10/2026",
      startingPrice: "100.000.000",
      enforcementCosts: "120.000.000",
    });
    expect(r).toMatchObject({ ok: false, error: { code: "below_floor" } });
    const tooMuch = await step(assetId, "hand_to_creditor", {
      effectiveDate: "07/10/2026",
      reason: "Ngân hàng nhận tài sản",
      creditedAmount: "10.000.000.001",
      obligationCode: "O1",
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: "overpayment", field: "creditedAmount" } });
    expect(
      await step(assetId, "hand_to_creditor", {
        effectiveDate: "07/10/2026",
        reason: "Ngân hàng đồng ý nhận tài sản",
        creditedAmount: "100.000.000",
        obligationCode: "O1",
      }),
    ).toMatchObject({ ok: true });
    const [a] = await ctx.owner`select status from public.assets where id = ${assetId}`;
    expect(a!.status).toBe("handed_to_creditor");
    const [c] = await ctx.owner`select money_collected from public.cases where id = ${caseId}`;
    expect(c!.money_collected).toBe(100_000_000n);
  });

  it("re-values a seized asset only on a ground of the law in force on the request date, whatever the price moved", async () => {
    const caseId = await enforceableCase();
    const created = await newAsset(caseId);
    const assetId = created.ok ? created.assetId : "";
    await step(assetId, "seizure", { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" });
    await step(assetId, "valuation", { effectiveDate: "05/10/2026", appraiser: "Thẩm định", value: "1.000.000.000" });
    // No ground: refused even though the value moved by more than 20 %.
    const noGround = await step(assetId, "valuation", { effectiveDate: "06/10/2026", appraiser: "Thẩm định", value: "700.000.000" });
    expect(noGround).toMatchObject({ ok: false, error: { code: "revaluation_ground_missing", field: "revaluationGround" } });
    expect(!noGround.ok && "message_vi" in noGround.error && noGround.error.message_vi).toContain("Law 106/2025/QH15, Art. 82(2)");
    // A party's request: within 5 working days of being told the result (Thu 01/10 → last day Thu 08/10/2026).
    const late = await step(assetId, "valuation", {
      effectiveDate: "12/10/2026",
      appraiser: "Thẩm định",
      value: "990.000.000",
      revaluationGround: "party_request",
      resultNotifiedOn: "01/10/2026",
      revaluationRequestedOn: "09/10/2026",
    });
    expect(late).toMatchObject({ ok: false, error: { code: "revaluation_late", field: "revaluationRequestedOn" } });
    const onRequest = {
      appraiser: "Thẩm định",
      value: "990.000.000",
      revaluationGround: "party_request",
      resultNotifiedOn: "01/10/2026",
      revaluationRequestedOn: "08/10/2026",
    };
    expect(await step(assetId, "valuation", { effectiveDate: "12/10/2026", ...onRequest })).toMatchObject({ ok: true });
    // Once only on a party's request.
    expect(await step(assetId, "valuation", { effectiveDate: "13/10/2026", ...onRequest })).toMatchObject({
      ok: false,
      error: { code: "revaluation_once", field: "revaluationGround" },
    });
    // From 01/07/2026 an expired certificate is a ground.
    expect(
      await step(assetId, "valuation", {
        effectiveDate: "14/10/2026",
        appraiser: "Thẩm định",
        value: "995.000.000",
        revaluationGround: "certificate_expired",
      }),
    ).toMatchObject({ ok: true });
    const vals = await ctx.owner`select is_revaluation from public.asset_valuations where asset_id = ${assetId} order by valued_on`;
    expect(vals.map((v) => v.is_revaluation)).toEqual([false, true, true]);
    const [ev] = await ctx.owner<{ payload: Record<string, string> }[]>`
      select payload from public.asset_events where asset_id = ${assetId} and kind = 'valuation' and effective_date = '2026-10-12'`;
    expect(ev!.payload).toMatchObject({
      revaluationGround: "party_request",
      revaluationRequestedOn: "2026-10-08",
      resultNotifiedOn: "2026-10-01",
    });
  });

  it("before 01/07/2026 an expired certificate is no ground to re-value; a serious breach is", async () => {
    const caseId = await enforceableCase(BEFORE_2026);
    const created = await newAsset(caseId, "subunit_head", "subunit_head", BEFORE_2026.identified);
    const assetId = created.ok ? created.assetId : "";
    await step(assetId, "seizure", { effectiveDate: "25/03/2026", seizureKind: "seizure", executorName: "B" });
    await step(assetId, "valuation", { effectiveDate: "06/04/2026", appraiser: "Thẩm định", value: "1.000.000.000" });
    const expired = await step(assetId, "valuation", {
      effectiveDate: "15/06/2026",
      appraiser: "Thẩm định",
      value: "900.000.000",
      revaluationGround: "certificate_expired",
    });
    expect(expired).toMatchObject({ ok: false, error: { code: "revaluation_ground", field: "revaluationGround" } });
    expect(!expired.ok && "message_vi" in expired.error && expired.error.message_vi).toContain("Điều 99");
    // The same ground requested on 01/07/2026 or later is judged by the new law.
    expect(
      await step(assetId, "valuation", {
        effectiveDate: "02/07/2026",
        appraiser: "Thẩm định",
        value: "900.000.000",
        revaluationGround: "certificate_expired",
        revaluationRequestedOn: "01/07/2026",
      }),
    ).toMatchObject({ ok: true });
    // A request date after the valuation itself is refused.
    expect(
      await step(assetId, "valuation", {
        effectiveDate: "03/07/2026",
        appraiser: "Thẩm định",
        value: "900.000.000",
        revaluationGround: "serious_breach",
        revaluationRequestedOn: "04/07/2026",
      }),
    ).toMatchObject({ ok: false, error: { code: "revaluation_request_after", field: "revaluationRequestedOn" } });
    expect(
      await step(assetId, "valuation", {
        effectiveDate: "03/07/2026",
        appraiser: "Thẩm định",
        value: "850.000.000",
        revaluationGround: "serious_breach",
        revaluationRequestedOn: "30/06/2026",
      }),
    ).toMatchObject({ ok: true });
    const [ev] = await ctx.owner<{ payload: Record<string, string> }[]>`
      select payload from public.asset_events where asset_id = ${assetId} and kind = 'valuation' and effective_date = '2026-07-03'`;
    expect(ev!.payload.revaluationArticle).toContain("Law 26/2008");
  });

  it("lets one of two concurrent edits through and refuses the other as a conflict", async () => {
    const caseId = await enforceableCase();
    const created = await newAsset(caseId);
    const assetId = created.ok ? created.assetId : "";
    const v = await version(assetId);
    const [x, y] = await Promise.all([
      step(assetId, "seizure", { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "A" }, { version: v }),
      step(assetId, "seizure", { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" }, { version: v }),
    ]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    expect([x, y].find((r) => !r.ok)).toMatchObject({ error: { code: "conflict" } });
    expect((await counts(assetId)).events).toBe(2);
  });

  it("lets only those who may act on the case write, and hides other tenants' assets", async () => {
    const caseId = await enforceableCase();
    const created = await newAsset(caseId);
    const assetId = created.ok ? created.assetId : "";
    const other = await step(
      assetId,
      "seizure",
      { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" },
      { who: ["colleague_b", "executor"] },
    );
    expect(other).toMatchObject({ ok: false, error: { code: "not_found" } });
    const steering = await step(
      assetId,
      "seizure",
      { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" },
      { who: ["steering_member", "steering_member"] },
    );
    expect(steering.ok).toBe(false);
    const viewer = await step(
      assetId,
      "seizure",
      { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" },
      { who: ["national_viewer", "national_viewer"] },
    );
    expect(viewer.ok).toBe(false);
    const clerkStep = await step(
      assetId,
      "seizure",
      { effectiveDate: "25/09/2026", seizureKind: "seizure", executorName: "B" },
      { who: ["clerk", "clerk"] },
    );
    expect(clerkStep).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await counts(assetId)).events).toBe(1);
    const seen = await withClaims(ctx.app, claims("colleague_b"), (tx) => tx`select id from public.assets where id = ${assetId}`);
    expect(seen).toEqual([]);
  });
});
