/**
 * Isolation matrix for assets, seizures, valuations and auctions: every tier ×
 * table × operation × own/other tenant. Rows of an asset are read like its
 * case and written by those who may act on the case, through the case
 * service's role (case_writer; a signed-in user writing directly is refused);
 * nothing is deleted, and the asset's history is append-only. The public sees
 * only the published fields of assets at auction, through auction_notices().
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { asAnon } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import {
  combinations,
  probe as probeAs,
  TIERS,
  type Op,
  type Outcome,
  type Probe,
  type Scope,
  type Tier,
} from "@thads/test-support/matrix";

const ctx = useTenantFixture();
let checked = 0;
let leaks = 0;
afterAll(() => {
  console.log(`asset isolation matrix: ${checked} combinations checked, ${leaks} leaks`);
});

const TABLES = [
  "assets",
  "asset_events",
  "asset_seizures",
  "asset_valuations",
  "auction_contracts",
  "auction_rounds",
  "auction_deposits",
  "asset_proceeds",
] as const;
type Table = (typeof TABLES)[number];

type Rows = Record<Table, string> & { unassignedAsset: string };
const rows: { a: Rows; b: Rows } = { a: {} as Rows, b: {} as Rows };

async function assetRows(caseId: string): Promise<Rows> {
  const sql = ctx.owner;
  const [asset] = await sql<{ id: string }[]>`
    insert into public.assets (case_id, kind, description, location, encumbrance_bank, status)
    values (${caseId}, 'land_use_right', 'Thửa đất số 12, tờ bản đồ 5', 'Lê Chân, Hải Phòng', 'Ngân hàng TMCP Á Châu', 'at_auction') returning id`;
  const a = asset!.id;
  const one = async (q: Promise<{ id: string | bigint }[]>) => String((await q)[0]!.id);
  const contract = await one(sql`insert into public.auction_contracts (asset_id, organisation, contract_number, signed_on)
    values (${a}, 'Công ty Đấu giá hợp danh Hải Phòng', 'HĐ-01', '2026-10-05') returning id`);
  const round =
    await one(sql`insert into public.auction_rounds (asset_id, contract_id, round_no, announced_on, held_on, starting_price, venue)
    values (${a}, ${contract}, 1, '2026-10-06', '2026-10-26', 1500000000, 'Trụ sở tổ chức đấu giá') returning id`);
  return {
    assets: a,
    asset_events: await one(
      sql`insert into public.asset_events (asset_id, kind, effective_date) values (${a}, 'identification', '2026-10-01') returning id`,
    ),
    asset_seizures: await one(
      sql`insert into public.asset_seizures (asset_id, kind, seized_on, executor_name) values (${a}, 'seizure', '2026-10-02', 'Chấp hành viên') returning id`,
    ),
    asset_valuations: await one(
      sql`insert into public.asset_valuations (asset_id, appraiser, value, valued_on) values (${a}, 'Công ty Thẩm định giá', 1500000000, '2026-10-03') returning id`,
    ),
    auction_contracts: contract,
    auction_rounds: round,
    auction_deposits: await one(sql`insert into public.auction_deposits (asset_id, round_id, bidder_name, amount, received_on)
      values (${a}, ${round}, 'Công ty TNHH Minh Phát', 150000000, '2026-10-20') returning id`),
    asset_proceeds: await one(sql`insert into public.asset_proceeds (asset_id, line_no, rank, amount, paid_on)
      values (${a}, 1, 'costs', 1000, '2026-11-01') returning id`),
    unassignedAsset: "",
  };
}

beforeAll(async () => {
  rows.a = await assetRows(ctx.fx.cases.a);
  rows.b = await assetRows(ctx.fx.cases.b);
  const [u] = await ctx.owner<{ id: string }[]>`
    insert into public.assets (case_id, kind, description) values (${ctx.fx.cases.aUnassigned}, 'vehicle', 'Xe ô tô 15A-123.45') returning id`;
  rows.a.unassignedAsset = u!.id;
});

function expected(tier: Tier, table: Table, op: Op, scope: Scope): Outcome {
  const own = scope === "own";
  const national = tier === "national_admin" || tier === "national_viewer";
  const provinceStaff = tier === "province_head" || tier === "province_staff";
  const subunitStaff = tier === "subunit_head" || tier === "executor" || tier === "clerk";
  const allow = (ok: boolean, deny: Outcome): Outcome => (ok ? "allowed" : deny);
  if (tier === "anon") return "42501"; // no grants: the public reads notices only through auction_notices()
  const reads = national || ((provinceStaff || subunitStaff) && own);
  // Those who may act on the case (the executor tier is the probed own case's executor).
  const acts = (provinceStaff || subunitStaff) && own;
  if (op === "select") return allow(reads, "zero_rows");
  if (op === "insert") return allow(acts, "42501");
  if (op === "delete") return "42501"; // nothing is deleted
  if (table === "asset_events") return "42501"; // the history is append-only
  return allow(acts, "zero_rows");
}

function operation(table: Table, op: Op, scope: Scope): Probe {
  const t = scope === "own" ? "a" : "b";
  const r = rows[t];
  const asset = r.assets;
  const target = r[table];
  if (op === "select") return (tx) => tx`select id from ${tx(`public.${table}`)} where id = ${target}`;
  if (op === "delete") return (tx) => tx`delete from ${tx(`public.${table}`)} where id = ${target} returning id`;
  if (op === "update") {
    const set: Record<Table, (tx: TxSql) => PromiseLike<readonly unknown[]>> = {
      assets: (tx) => tx`update public.assets set location = 'Ngô Quyền' where id = ${target} returning id`,
      asset_events: (tx) => tx`update public.asset_events set payload = '{"x":1}' where id = ${target} returning id`,
      asset_seizures: (tx) => tx`update public.asset_seizures set note = 'x' where id = ${target} returning id`,
      asset_valuations: (tx) => tx`update public.asset_valuations set note = 'x' where id = ${target} returning id`,
      auction_contracts: (tx) => tx`update public.auction_contracts set fee = 1 where id = ${target} returning id`,
      auction_rounds: (tx) => tx`update public.auction_rounds set venue = 'x' where id = ${target} returning id`,
      auction_deposits: (tx) => tx`update public.auction_deposits set situation = 'x' where id = ${target} returning id`,
      asset_proceeds: (tx) => tx`update public.asset_proceeds set claimed = 1 where id = ${target} returning id`,
    };
    return set[table];
  }
  const n = Math.floor(Math.random() * 1e6) + 10;
  const ins: Record<Table, (tx: TxSql) => PromiseLike<readonly unknown[]>> = {
    assets: (tx) =>
      tx`insert into public.assets (case_id, kind, description) values (${ctx.fx.cases[t]}, 'house', 'Nhà 3 tầng') returning id`,
    asset_events: (tx) =>
      tx`insert into public.asset_events (asset_id, kind, effective_date) values (${asset}, 'seizure', '2026-10-02') returning id`,
    asset_seizures: (tx) => tx`insert into public.asset_seizures (asset_id, kind, seized_on, executor_name, bank_name, account_number)
      values (${asset}, 'account_freeze', '2026-10-02', 'Chấp hành viên', 'Vietcombank', '0011004455') returning id`,
    asset_valuations: (tx) =>
      tx`insert into public.asset_valuations (asset_id, appraiser, value, valued_on) values (${asset}, 'Thẩm định', 5, '2026-10-03') returning id`,
    auction_contracts: (tx) =>
      tx`insert into public.auction_contracts (asset_id, organisation, contract_number, signed_on) values (${asset}, 'Đấu giá', 'HĐ', '2026-10-05') returning id`,
    auction_rounds: (tx) =>
      tx`insert into public.auction_rounds (asset_id, round_no, announced_on, held_on, starting_price) values (${asset}, ${n}, '2026-11-01', '2026-11-20', 5) returning id`,
    auction_deposits: (tx) =>
      tx`insert into public.auction_deposits (asset_id, round_id, bidder_name, amount, received_on) values (${asset}, ${r.auction_rounds}, 'X', 5, '2026-10-20') returning id`,
    asset_proceeds: (tx) =>
      tx`insert into public.asset_proceeds (asset_id, line_no, rank, amount, paid_on) values (${asset}, ${n}, 'other', 5, '2026-11-01') returning id`,
  };
  return ins[table];
}

describe("asset isolation matrix", () => {
  it.each(combinations(TABLES))("$tier · $table · $op · $scope tenant", async ({ tier, table, op, scope }) => {
    const want = expected(tier, table, op, scope);
    // Writes go the case service's way (as case_writer); reads and deletes as the user.
    const got = await probeAs(ctx, tier, operation(table, op, scope), { writer: op === "insert" || op === "update" });
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });

  const direct = TIERS.filter((t) => t !== "anon").flatMap((tier) =>
    TABLES.flatMap((table) => (["insert", "update"] as const).map((op) => ({ tier, table, op }))),
  );
  it.each(direct)("$tier · $table · $op directly as authenticated (no case service) is refused", async ({ tier, table, op }) => {
    const got = await probeAs(ctx, tier, operation(table, op, "own"));
    checked++;
    if (got === "allowed") leaks++;
    expect(got).toBe("42501");
  });

  it("an executor reads but cannot write the assets of a colleague's case", async () => {
    const asset = rows.a.unassignedAsset;
    expect(await probeAs(ctx, "executor", (tx) => tx`select id from public.assets where id = ${asset}`)).toBe("allowed");
    expect(
      await probeAs(ctx, "executor", (tx) => tx`update public.assets set location = 'x' where id = ${asset} returning id`, {
        writer: true,
      }),
    ).toBe("zero_rows");
    expect(
      await probeAs(
        ctx,
        "executor",
        (tx) => tx`insert into public.asset_valuations (asset_id, appraiser, value, valued_on)
      values (${asset}, 'Thẩm định', 5, '2026-10-03') returning id`,
        { writer: true },
      ),
    ).toBe("42501");
  });

  it("a child row takes its case and tenant from the asset, not from what the client sends", async () => {
    const got = await probeAs(
      ctx,
      "clerk",
      (tx) =>
        tx`
      insert into public.asset_valuations (asset_id, case_id, province_id, unit_id, appraiser, value, valued_on)
      values (${rows.a.assets}, ${ctx.fx.cases.b}, ${ctx.fx.units.b}, ${ctx.fx.units.b1}, 'Thẩm định', 5, '2026-10-03')
      returning case_id, province_id`.then((r) => r.filter((x) => x.case_id === ctx.fx.cases.a && x.province_id === ctx.fx.units.a)),
      { writer: true },
    );
    expect(got).toBe("allowed");
  });

  it("the public sees only the published fields of assets at auction in the province asked for", async () => {
    const slugA = (await ctx.owner<{ slug: string }[]>`select slug from public.units where id = ${ctx.fx.units.a}`)[0]!.slug;
    const notices = await asAnon(ctx.app, (tx) => tx`select * from public.auction_notices(${slugA})`);
    expect(notices.map((n) => n.round_id)).toEqual([rows.a.auction_rounds]);
    expect(Object.keys(notices[0]!).sort()).toEqual(
      [
        "announced_on",
        "asset_kind",
        "description",
        "held_on",
        "location",
        "organisation",
        "round_id",
        "round_no",
        "starting_price",
        "unit_name",
        "venue",
      ].sort(),
    );
    // Not at auction any more: gone from the notices.
    await ctx.owner`update public.assets set status = 'sold' where id = ${rows.a.assets}`;
    const after = await asAnon(ctx.app, (tx) => tx`select * from public.auction_notices(${slugA})`);
    expect(after).toEqual([]);
    await ctx.owner`update public.assets set status = 'at_auction' where id = ${rows.a.assets}`;
  });
});
