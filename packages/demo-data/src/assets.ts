/**
 * Demo assets for bank-credit cases: seizures, valuations, auction contracts and rounds with price
 * reductions, deposits, sales with their distribution, and some long failure chains (one of 26
 * rounds, 150 → 47 billion đồng, with a 4 billion deposit forfeited by a winner who walked away).
 * Written through the asset service, step by step, so every row passes the same rules and the case
 * ledgers get the same measures and payments as in real use.
 */
import { randomUUID } from "node:crypto";
import type { Sql, TxSql } from "@thads/db";
import { createAsset, parseAssetStep, recordAssetStep, type Actor, type AssetFormStep } from "@thads/core";
import { addCalendarDays, formatDateVi, minReducedPrice, type AssetKind } from "@thads/domain";
import type { DemoModel } from "./model.ts";
import { pick, rng } from "./prng.ts";

const B = 1_000_000_000n;
const M = 1_000_000n;

type Pattern = "long_chain" | "sold" | "at_auction" | "stuck" | "returned" | "valued";

interface Plan {
  kind: AssetKind;
  description: string;
  location: string;
  value: bigint;
  failedRounds: number;
  pattern: Pattern;
}

const DESCRIPTIONS: readonly [AssetKind, string][] = [
  ["land_use_right", "Quyền sử dụng đất và nhà xưởng tại khu công nghiệp"],
  ["house", "Nhà ở 4 tầng và quyền sử dụng đất"],
  ["machinery", "Dây chuyền sản xuất thép cán nguội"],
  ["vehicle", "Tàu hàng trọng tải 3.000 tấn"],
  ["land_use_right", "Quyền sử dụng đất nông nghiệp"],
  ["machinery", "Hệ thống máy dệt và thiết bị phụ trợ"],
  ["house", "Căn hộ chung cư"],
];
const STREETS = ["Lê Chân", "Ngô Quyền", "Hồng Bàng", "Kiến An", "Hải An", "Dương Kinh", "Thủy Nguyên", "An Dương"];
const BANKS = [
  "Ngân hàng TMCP Á Châu",
  "Ngân hàng TMCP Ngoại thương Việt Nam",
  "Ngân hàng Nông nghiệp và Phát triển Nông thôn",
  "Ngân hàng TMCP Công thương Việt Nam",
];
const AUCTIONEERS = ["Công ty Đấu giá hợp danh Số 1", "Trung tâm Dịch vụ đấu giá tài sản", "Công ty Đấu giá hợp danh Đông Đô"];
const APPRAISERS = ["Công ty CP Thẩm định giá Thế Kỷ", "Công ty TNHH Thẩm định giá Sao Việt", "Công ty CP Thẩm định giá Hải Phòng"];
const BIDDERS = [
  "Công ty TNHH Minh Phát",
  "Công ty CP Đầu tư Hưng Thịnh",
  "Ông Nguyễn Văn Tám",
  "Bà Lê Thị Hoa",
  "Công ty TNHH Thương mại Bảo An",
];

/**
 * Days a plan starts before today: seizure, valuation and contract take 23 days, then 12 days per
 * failed round. An asset still at auction has its last round announced in the past few days.
 */
const span = (p: Plan) => (p.pattern === "at_auction" ? 30 : 70) + 12 * p.failedRounds;

class StepFailed extends Error {}

export async function seedAssets(sql: Sql, model: DemoModel, opts: { today: string; log?: (m: string) => void; max?: number }) {
  const log = opts.log ?? (() => {});
  const r = rng(47);
  const heads = new Map<string, string>();
  for (const u of model.users) for (const m of u.memberships) if (m.role === "subunit_head" && m.unit_id) heads.set(m.unit_id, u.id);
  const candidates = await sql<
    { id: string; unit_id: string; last_event_on: string; outstanding: bigint; slug: string | null; province: string }[]
  >`
    select c.id, c.unit_id, c.last_event_on::text as last_event_on, c.money_due - c.money_collected as outstanding, p.slug,
           replace(replace(p.name, 'Thi hành án dân sự ', ''), 'thành phố ', '') as province
    from public.cases c join public.units p on p.id = c.province_id
    where c.is_bank_credit and c.status in ('enforceable', 'enforcing') and c.money_due > c.money_collected
      and c.last_event_on <= ${addCalendarDays(opts.today, -60)}
    order by (p.slug in ('hai-phong', 'ha-noi')) desc, c.id
    limit ${(opts.max ?? 60) * 2}`;
  // The long chain goes to the oldest enough case, in Hải Phòng where there is one.
  const oldEnough = (c: (typeof candidates)[number]) => c.last_event_on <= addCalendarDays(opts.today, -400);
  const inHaiPhong = candidates.findIndex((c) => c.slug === "hai-phong" && oldEnough(c));
  const chainAt = inHaiPhong >= 0 ? inHaiPhong : candidates.findIndex(oldEnough);
  let made = 0;
  let rounds = 0;
  // The demo provinces show each kind of history first: an open auction (public notice), a sale, a stuck asset.
  const shown = new Map<string, number>();
  const FIRST: readonly Pattern[] = ["at_auction", "sold", "stuck"];
  for (const [i, c] of candidates.entries()) {
    const head = heads.get(c.unit_id);
    if (!head || made >= (opts.max ?? 60)) continue;
    const [kind, description] = pick(r, DESCRIPTIONS);
    const seen = shown.get(c.slug ?? "") ?? 0;
    const demoFirst = (c.slug === "hai-phong" || c.slug === "ha-noi") && seen < FIRST.length ? FIRST[seen]! : null;
    const pattern: Pattern =
      i === chainAt
        ? "long_chain"
        : (demoFirst ?? pick(r, ["sold", "sold", "at_auction", "at_auction", "stuck", "returned", "valued"] as const));
    const outstanding = c.outstanding > 10n * M ? c.outstanding : 10n * M;
    const value = pattern === "long_chain" ? 150n * B : ((outstanding * BigInt(60 + Math.floor(r() * 90))) / 100n / M) * M;
    const failedRounds =
      pattern === "long_chain" ? 26 : pattern === "stuck" ? 3 + Math.floor(r() * 10) : pattern === "valued" ? 0 : Math.floor(r() * 5);
    const chain = pattern === "long_chain";
    const plan: Plan = {
      kind: chain ? "land_use_right" : kind,
      description: chain ? "Nhà máy và quyền sử dụng đất 12 ha tại khu công nghiệp" : description,
      location: c.slug === "hai-phong" ? `${pick(r, STREETS)}, Hải Phòng` : `Khu công nghiệp phía Bắc, ${c.province}`,
      value,
      failedRounds,
      pattern,
    };
    // Histories that end in the past are spread over a few weeks, so calendars are not all on one day.
    const start = addCalendarDays(opts.today, -span(plan) - (pattern === "at_auction" ? 0 : Math.floor(r() * 25)));
    if (start <= c.last_event_on) continue;
    try {
      rounds += await sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: head, role: "authenticated" })}, true)`;
        return writeAsset(tx, { caseId: c.id, plan, start, today: opts.today, actor: { userId: head, roles: ["subunit_head"] }, r });
      });
      made++;
      if (pattern !== "long_chain") shown.set(c.slug ?? "", seen + 1);
    } catch (e) {
      if (!(e instanceof StepFailed)) throw e;
      log(`asset on case ${c.id} skipped: ${e.message}`);
    }
  }
  log(`${made} assets with ${rounds} auction rounds`);
  return { assets: made, rounds };
}

async function writeAsset(
  tx: TxSql,
  a: { caseId: string; plan: Plan; start: string; today: string; actor: Actor; r: () => number },
): Promise<number> {
  const { plan, actor, today, r } = a;
  const ok = <T extends { ok: boolean }>(res: T, what: string): T => {
    if (!res.ok)
      throw new StepFailed(
        `${what}: ${(res as unknown as { error: { message_vi?: string; code?: string; fieldErrors?: unknown } }).error.message_vi ?? JSON.stringify((res as unknown as { error: unknown }).error)}`,
      );
    return res;
  };
  const created = ok(
    await createAsset(
      tx,
      {
        caseId: a.caseId,
        idempotencyKey: randomUUID(),
        kind: plan.kind,
        description: plan.description,
        location: plan.location,
        ownershipDocs: "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở",
        encumbranceBank: pick(r, BANKS),
        encumbranceNote: "Hợp đồng thế chấp bảo đảm khoản vay",
        identifiedOn: a.start,
      },
      actor,
      today,
    ),
    "asset",
  );
  if (!created.ok) return 0;
  const assetId = created.assetId;
  let version = 1;
  const step = async (kind: AssetFormStep, date: string, fields: Record<string, unknown>) => {
    const parsed = parseAssetStep(kind, { idempotencyKey: randomUUID(), version, effectiveDate: formatDateVi(date), ...fields });
    if (!parsed.ok) throw new StepFailed(`${kind}: ${JSON.stringify(parsed.fieldErrors)}`);
    const res = ok(await recordAssetStep(tx, { assetId, step: parsed.step, actor, today }), kind);
    if (res.ok) version = res.version;
  };
  const money = (v: bigint) => v.toString();
  let d = a.start;
  await step("seizure", (d = addCalendarDays(d, 3)), {
    seizureKind: "seizure",
    executorName: "Chấp hành viên",
    minutesNumber: `${Math.floor(r() * 900) + 100}/BB-KB`,
  });
  await step("valuation", (d = addCalendarDays(d, 15)), { appraiser: pick(r, APPRAISERS), value: money(plan.value) });
  if (plan.pattern === "valued") return 0;
  await step("contract", (d = addCalendarDays(d, 5)), {
    organisation: pick(r, AUCTIONEERS),
    contractNumber: `${Math.floor(r() * 90) + 10}/2025/HĐDV`,
  });
  const costs = (plan.value / 200n / M) * M; // about 0.5% of the value
  let price = plan.value;
  let held = "";
  let roundsHeld = 0;
  const q = plan.pattern === "long_chain" ? (47 / 150) ** (1 / 25) : 0;
  for (let n = 1; n <= plan.failedRounds; n++) {
    await step("round", (d = addCalendarDays(d, n === 1 ? 2 : 3)), {
      heldOn: formatDateVi((held = addCalendarDays(d, 9))),
      startingPrice: money(price),
      venue: "Trụ sở tổ chức đấu giá",
      enforcementCosts: money(costs),
    });
    roundsHeld++;
    const walkAway = plan.pattern === "long_chain" && n === 19;
    if (walkAway) {
      await step("deposit", addCalendarDays(d, 5), { bidderName: "Công ty CP Đầu tư Bất động sản Cảng Xanh", amount: money(4n * B) });
      d = addCalendarDays(d, 5);
    }
    await step("round_result", (d = held), { result: walkAway ? "buyer_withdrew" : "no_bidder" });
    if (walkAway) {
      const [dep] = await tx<{ id: string }[]>`select id from public.auction_deposits where asset_id = ${assetId} and outcome = 'held'`;
      await step("deposit_settlement", d, { depositId: dep!.id, situation: "winner_refused" });
    }
    // The next price: the long chain follows 150 → 47 billion; others take 5–10% off.
    const min = minReducedPrice(price, 10);
    const next =
      plan.pattern === "long_chain"
        ? BigInt(Math.round(150_000 * q ** n)) * M
        : ((price * BigInt(90 + Math.floor(r() * 6))) / 100n / M) * M;
    price = next < min ? min : next > price ? price : next;
    if (price < costs) break;
  }
  if (plan.pattern === "long_chain" || plan.pattern === "stuck") return roundsHeld;
  if (plan.pattern === "returned") {
    await step("return", addCalendarDays(d, 5), { reason: "Người được thi hành án không nhận tài sản sau nhiều lần giảm giá" });
    return roundsHeld;
  }
  // One more round: sold (with deposits), or announced now and held in the coming weeks.
  const announce = addCalendarDays(d, 3);
  const heldOn = addCalendarDays(announce, plan.pattern === "at_auction" ? 10 + Math.floor(r() * 20) : 9);
  await step("round", announce, {
    heldOn: formatDateVi(heldOn),
    startingPrice: money(price),
    venue: "Trụ sở tổ chức đấu giá",
    enforcementCosts: money(costs),
  });
  roundsHeld++;
  const deposit = ((price * 10n) / 100n / M) * M;
  if (plan.pattern === "at_auction") {
    if (r() < 0.5 && announce < today) await step("deposit", announce, { bidderName: pick(r, BIDDERS), amount: money(deposit) });
    return roundsHeld;
  }
  const [winner, other] = [pick(r, BIDDERS), "Công ty TNHH Xây dựng Phú Gia"];
  await step("deposit", addCalendarDays(announce, 4), { bidderName: winner, amount: money(deposit) });
  await step("deposit", addCalendarDays(announce, 5), { bidderName: other, amount: money(deposit) });
  const bid = price + ((price * BigInt(Math.floor(r() * 8))) / 100n / M) * M;
  await step("round_result", heldOn, { result: "sold", winningBid: money(bid), winnerName: winner });
  const deps = await tx<
    { id: string; bidder_name: string }[]
  >`select id, bidder_name from public.auction_deposits where asset_id = ${assetId} and outcome = 'held' order by received_on`;
  for (const dep of deps)
    await step("deposit_settlement", heldOn, { depositId: dep.id, situation: dep.bidder_name === winner ? "winner_paid" : "not_winner" });
  const codes = await tx<
    { code: string }[]
  >`select code from public.case_obligations where case_id = ${a.caseId} and kind = 'money' and amount > paid order by code`;
  await step("sale", addCalendarDays(heldOn, 7), {
    enforcementCosts: money(costs),
    ranks: Object.fromEntries(codes.map((c, i) => [c.code, i === 0 ? "secured" : "other"])),
  });
  if (r() < 0.7) await step("delivery", addCalendarDays(heldOn, 12), { withCoercion: r() < 0.3 ? "on" : "" });
  return roundsHeld;
}
