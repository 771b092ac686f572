import { randomUUID } from "node:crypto";
import type { TxSql } from "@thads/db";
import {
  auctionRulesFor,
  mayRecordStep,
  minReducedPrice,
  nextAssetSteps,
  type AssetStatus,
  type Role,
} from "@thads/domain";
import { ASSET_FORM_STEPS, type AssetFormStep } from "@thads/core";
import { canViewProvince, canViewUnit, isNational } from "@thads/domain";
import { asUser, forbidden, notFound, type CurrentUser } from "../utils/user.server.ts";
import { unitBySlugOrCode } from "./overview.server.ts";

const s = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());

export interface AssetListRow {
  id: string; case_id: string; case_number: string; kind: string; description: string; location: string | null;
  status: string; latest_value: string | null; current_price: string | null; failed_rounds: number; rounds_held: number;
  next_round_on: string | null; unit_name: string; encumbrance_bank: string | null;
}

type RawRow = Omit<AssetListRow, "latest_value" | "current_price"> & { latest_value: bigint | null; current_price: bigint | null };
const toRow = (r: RawRow): AssetListRow => ({ ...r, latest_value: s(r.latest_value), current_price: s(r.current_price) });

/** A case's assets (RLS: as the case). */
export async function loadCaseAssets(tx: TxSql, caseId: string) {
  const [c] = await tx<{ id: string; case_number: string; debtor_name: string; unit_code: string }[]>`
    select c.id, c.case_number, c.debtor_name, u.code as unit_code from public.cases c join public.units u on u.id = c.unit_id where c.id = ${caseId}`;
  if (!c) return null;
  const rows = await tx<RawRow[]>`
    select a.id, a.case_id, c.case_number, a.kind, a.description, a.location, a.status, a.latest_value, a.current_price,
           a.failed_rounds, a.rounds_held, a.next_round_on::text as next_round_on, u.name as unit_name, a.encumbrance_bank
    from public.assets a join public.cases c on c.id = a.case_id join public.units u on u.id = a.unit_id
    where a.case_id = ${caseId} order by a.created_at`;
  const [{ may_act } = { may_act: false }] = await tx<{ may_act: boolean }[]>`select app_private.may_act_on_case(${caseId}) as may_act`;
  return { case: c, assets: rows.map(toRow), mayAct: may_act, key: randomUUID() };
}

/** Assets of a unit or a province (RLS decides what is visible), optionally only the stuck ones. */
export async function loadAssetList(tx: TxSql, f: { unitId: string | null; provinceId: string | null; stuck: boolean; minFailed: number; status: string | null }) {
  const rows = await tx<RawRow[]>`
    select a.id, a.case_id, c.case_number, a.kind, a.description, a.location, a.status, a.latest_value, a.current_price,
           a.failed_rounds, a.rounds_held, a.next_round_on::text as next_round_on, u.name as unit_name, a.encumbrance_bank
    from public.assets a join public.cases c on c.id = a.case_id join public.units u on u.id = a.unit_id
    where true
      ${f.unitId ? tx`and a.unit_id = ${f.unitId}` : tx``}
      ${f.provinceId ? tx`and a.province_id = ${f.provinceId}` : tx``}
      ${f.stuck ? tx`and a.failed_rounds >= ${f.minFailed} and a.status in ('valued', 'at_auction')` : tx``}
      ${f.status ? tx`and a.status = ${f.status}::public.asset_status` : tx``}
    order by ${f.stuck ? tx`a.failed_rounds desc,` : tx``} a.updated_at desc, a.id
    limit 200`;
  return rows.map(toRow);
}

/** Rounds held or scheduled in a month, for a unit or a province. */
export async function loadAuctionCalendar(tx: TxSql, f: { unitId: string | null; provinceId: string | null; from: string; to: string }) {
  const rows = await tx<{ id: string; asset_id: string; round_no: number; held_on: string; starting_price: bigint; result: string; description: string; unit_name: string; case_number: string }[]>`
    select r.id, r.asset_id, r.round_no, r.held_on::text as held_on, r.starting_price, r.result, a.description, u.name as unit_name, c.case_number
    from public.auction_rounds r join public.assets a on a.id = r.asset_id join public.units u on u.id = r.unit_id join public.cases c on c.id = r.case_id
    where r.held_on >= ${f.from} and r.held_on < ${f.to}
      ${f.unitId ? tx`and r.unit_id = ${f.unitId}` : tx``}
      ${f.provinceId ? tx`and r.province_id = ${f.provinceId}` : tx``}
    order by r.held_on, r.id
    limit 1000`;
  return rows.map((r) => ({ ...r, starting_price: r.starting_price.toString() }));
}

/** Everything the asset page shows, as plain JSON-safe values. */
export async function loadAssetPage(tx: TxSql, assetId: string, roles: readonly Role[], today: string) {
  const [a] = await tx<{
    id: string; case_id: string; case_number: string; debtor_name: string; kind: string; description: string; location: string | null;
    ownership_docs: string | null; encumbrance_bank: string | null; encumbrance_note: string | null; status: AssetStatus; version: number;
    enforcement_costs: bigint; latest_value: bigint | null; current_price: bigint | null; failed_rounds: number; rounds_held: number;
    sold_price: bigint | null; buyer_name: string | null; proceeds_paid_on: string | null; delivered_on: string | null; unit_name: string; unit_code: string;
  }[]>`
    select a.id, a.case_id, c.case_number, c.debtor_name, a.kind, a.description, a.location, a.ownership_docs, a.encumbrance_bank, a.encumbrance_note,
           a.status, a.version, a.enforcement_costs, a.latest_value, a.current_price, a.failed_rounds, a.rounds_held, a.sold_price, a.buyer_name,
           a.proceeds_paid_on::text as proceeds_paid_on, a.delivered_on::text as delivered_on, u.name as unit_name, u.code as unit_code
    from public.assets a join public.cases c on c.id = a.case_id join public.units u on u.id = a.unit_id
    where a.id = ${assetId}`;
  if (!a) return null;
  const [seizures, valuations, contracts, rounds, deposits, proceeds, events, obligations] = await Promise.all([
    tx<{ id: string; kind: string; seized_on: string; executor_name: string; minutes_number: string | null; bank_name: string | null; account_number: string | null }[]>`
      select id, kind, seized_on::text as seized_on, executor_name, minutes_number, bank_name, account_number from public.asset_seizures where asset_id = ${assetId} order by seized_on, created_at`,
    tx<{ id: string; appraiser: string; value: bigint; valued_on: string; is_revaluation: boolean }[]>`
      select id, appraiser, value, valued_on::text as valued_on, is_revaluation from public.asset_valuations where asset_id = ${assetId} order by valued_on, created_at`,
    tx<{ id: string; organisation: string; contract_number: string; signed_on: string }[]>`
      select id, organisation, contract_number, signed_on::text as signed_on from public.auction_contracts where asset_id = ${assetId} order by signed_on, created_at`,
    tx<{ id: string; round_no: number; announced_on: string; held_on: string; starting_price: bigint; reduction_bp: number; result: string; winning_bid: bigint | null; winner_name: string | null }[]>`
      select id, round_no, announced_on::text as announced_on, held_on::text as held_on, starting_price, reduction_bp, result, winning_bid, winner_name
      from public.auction_rounds where asset_id = ${assetId} order by round_no`,
    tx<{ id: string; round_no: number; bidder_name: string; amount: bigint; received_on: string; outcome: string; settled_on: string | null }[]>`
      select d.id, r.round_no, d.bidder_name, d.amount, d.received_on::text as received_on, d.outcome, d.settled_on::text as settled_on
      from public.auction_deposits d join public.auction_rounds r on r.id = d.round_id where d.asset_id = ${assetId} order by d.received_on, d.created_at`,
    tx<{ line_no: number; rank: string; obligation_code: string | null; claimed: bigint | null; amount: bigint; paid_on: string; case_event_id: bigint | null }[]>`
      select line_no, rank, obligation_code, claimed, amount, paid_on::text as paid_on, case_event_id from public.asset_proceeds where asset_id = ${assetId} order by line_no`,
    tx<{ id: bigint; kind: string; effective_date: string; actor_name: string | null }[]>`
      select e.id, e.kind, e.effective_date::text as effective_date, p.full_name as actor_name
      from public.asset_events e left join public.profiles p on p.id = e.actor_id where e.asset_id = ${assetId} order by e.effective_date, e.id`,
    tx<{ code: string; outstanding: bigint }[]>`
      select code, amount - paid as outstanding from public.case_obligations where case_id = ${a.case_id} and kind = 'money' and amount > paid order by code`,
  ]);
  const [{ may_act } = { may_act: false }] = await tx<{ may_act: boolean }[]>`select app_private.may_act_on_case(${a.case_id}) as may_act`;
  const canAct = may_act && mayRecordStep(roles, "enforcement_action");
  const actions: AssetFormStep[] = canAct
    ? nextAssetSteps(a.status).filter((k): k is AssetFormStep => (ASSET_FORM_STEPS as string[]).includes(k))
        .filter((k) => (k !== "sale" || (a.sold_price !== null && !a.proceeds_paid_on)) && (k !== "delivery" || !!a.proceeds_paid_on))
        .filter((k) => k !== "deposit_settlement" || deposits.some((d) => d.outcome === "held"))
        // One round at a time: a new round once the last has a result; its result and deposits while it is open.
        .filter((k) => {
          const open = rounds.length > 0 && rounds[rounds.length - 1]!.result === "scheduled";
          if (k === "round") return !open;
          if (k === "deposit") return open;
          if (k === "round_result") return a.status === "sold" ? !a.proceeds_paid_on : open;
          return true;
        })
    : [];
  const rules = auctionRulesFor(today);
  const last = rounds[rounds.length - 1];
  const hint = last && (last.result === "no_bidder" || last.result === "buyer_withdrew")
    ? { base: last.starting_price.toString(), min: minReducedPrice(last.starting_price, rules.maxPriceReductionPercent).toString(), percent: rules.maxPriceReductionPercent, days: rules.nextRoundWithinDays }
    : null;
  return {
    asset: {
      ...a,
      enforcement_costs: a.enforcement_costs.toString(), latest_value: s(a.latest_value), current_price: s(a.current_price), sold_price: s(a.sold_price),
    },
    seizures,
    valuations: valuations.map((v) => ({ ...v, value: v.value.toString() })),
    contracts,
    rounds: rounds.map((r) => ({ ...r, starting_price: r.starting_price.toString(), winning_bid: s(r.winning_bid) })),
    deposits: deposits.map((d) => ({ ...d, amount: d.amount.toString() })),
    proceeds: proceeds.map((p) => ({ ...p, claimed: s(p.claimed), amount: p.amount.toString(), case_event_id: s(p.case_event_id) })),
    history: events.map((e) => ({ ...e, id: e.id.toString() })),
    obligations: obligations.map((o) => ({ code: o.code, outstanding: o.outstanding.toString() })),
    actions,
    readOnly: !canAct,
    hint,
    rules: { stuckAfter: rules.stuckAfterFailedRounds },
    today,
    keys: Object.fromEntries(actions.map((k) => [k, randomUUID()])) as Record<string, string>,
  };
}

/** Public notices of a province: only assets at auction, only the published fields (as anon). */
export async function loadPublicNotices(tx: TxSql, slug: string) {
  const [p] = await tx<{ name: string }[]>`select name from public.units where slug = ${slug} and kind = 'province'`;
  if (!p) return null;
  const rows = await tx<{ round_id: string; unit_name: string; asset_kind: string; description: string; location: string | null; round_no: number; announced_on: string; held_on: string; venue: string | null; starting_price: bigint; organisation: string | null }[]>`
    select round_id, unit_name, asset_kind, description, location, round_no, announced_on::text as announced_on, held_on::text as held_on, venue, starting_price, organisation
    from public.auction_notices(${slug})`;
  return { province: p.name, notices: rows.map((r) => ({ ...r, starting_price: r.starting_price.toString() })) };
}

/** The scope of a unit-wide list: ?unit=CODE, ?province=slug, or the user's own unit / province. */
export async function assetScope(user: CurrentUser, url: URL) {
  const unitCode = url.searchParams.get("unit");
  const provinceSlug = url.searchParams.get("province");
  const own = user.memberships.find((m) => m.unitKind === "subunit" && m.unitCode) ?? user.memberships.find((m) => m.unitKind === "province");
  if (!unitCode && !provinceSlug && isNational(user.memberships)) {
    // The directorate: every province (RLS gives it read access to all).
    return { unit: { id: "", name: "Toàn quốc", code: "", isProvince: false, isNational: true, slug: null as string | null } };
  }
  return asUser(user, async (tx) => {
    const by = unitCode && /^[A-Z0-9_-]{2,40}$/.test(unitCode) ? { code: unitCode }
      : provinceSlug && /^[a-z0-9-]{2,60}$/.test(provinceSlug) ? { slug: provinceSlug }
      : own?.unitKind === "subunit" ? { code: own.unitCode! }
      : own?.provinceSlug ? { slug: own.provinceSlug } : null;
    if (!by) forbidden();
    const unit = await unitBySlugOrCode(tx, by);
    if (!unit || !unit.province_id) notFound();
    const isProvince = unit.id === unit.province_id;
    if (isProvince ? !canViewProvince(user.memberships, unit.id) : !canViewUnit(user.memberships, { id: unit.id, provinceId: unit.province_id })) forbidden();
    return { unit: { id: unit.id, name: unit.name, code: unit.code, isProvince, isNational: false, slug: unit.slug } };
  });
}


/** The unit / province filters of a scope (none for the directorate's national view). */
export function scopeFilter(unit: { id: string; isProvince: boolean; isNational: boolean }) {
  if (unit.isNational) return { unitId: null, provinceId: null };
  return unit.isProvince ? { unitId: null, provinceId: unit.id } : { unitId: unit.id, provinceId: null };
}

/** The query string that keeps a list in its scope. */
export function scopeQuery(unit: { code: string; isProvince: boolean; isNational: boolean; slug: string | null }) {
  return unit.isNational ? "all=1" : unit.isProvince ? `province=${unit.slug}` : `unit=${unit.code}`;
}
