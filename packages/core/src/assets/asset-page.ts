import { randomUUID } from "node:crypto";
import type { TxSql } from "@thads/db";
import { auctionRulesFor, formatSource, mayRecordStep, minReducedPrice, nextAssetSteps, type AssetStatus, type Role } from "@thads/domain";
import { ASSET_FORM_STEPS, type AssetFormStep } from "./schema.ts";

const s = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());

/** Everything the asset page shows, as plain JSON-safe values. */
export async function loadAssetPage(tx: TxSql, assetId: string, roles: readonly Role[], today: string) {
  const [a] = await tx<
    {
      id: string;
      case_id: string;
      case_number: string;
      debtor_name: string;
      kind: string;
      description: string;
      location: string | null;
      ownership_docs: string | null;
      encumbrance_bank: string | null;
      encumbrance_note: string | null;
      status: AssetStatus;
      version: number;
      enforcement_costs: bigint;
      latest_value: bigint | null;
      current_price: bigint | null;
      failed_rounds: number;
      rounds_held: number;
      sold_price: bigint | null;
      buyer_name: string | null;
      proceeds_paid_on: string | null;
      delivered_on: string | null;
      unit_name: string;
      unit_code: string;
    }[]
  >`
    select a.id, a.case_id, c.case_number, c.debtor_name, a.kind, a.description, a.location, a.ownership_docs, a.encumbrance_bank, a.encumbrance_note,
           a.status, a.version, a.enforcement_costs, a.latest_value, a.current_price, a.failed_rounds, a.rounds_held, a.sold_price, a.buyer_name,
           a.proceeds_paid_on::text as proceeds_paid_on, a.delivered_on::text as delivered_on, u.name as unit_name, u.code as unit_code
    from public.assets a join public.cases c on c.id = a.case_id join public.units u on u.id = a.unit_id
    where a.id = ${assetId}`;
  if (!a) return null;
  const [seizures, valuations, contracts, rounds, deposits, proceeds, events, obligations] = await Promise.all([
    tx<
      {
        id: string;
        kind: string;
        seized_on: string;
        executor_name: string;
        minutes_number: string | null;
        bank_name: string | null;
        account_number: string | null;
      }[]
    >`
      select id, kind, seized_on::text as seized_on, executor_name, minutes_number, bank_name, account_number from public.asset_seizures where asset_id = ${assetId} order by seized_on, created_at`,
    tx<{ id: string; appraiser: string; value: bigint; valued_on: string; is_revaluation: boolean }[]>`
      select id, appraiser, value, valued_on::text as valued_on, is_revaluation from public.asset_valuations where asset_id = ${assetId} order by valued_on, created_at`,
    tx<{ id: string; organisation: string; contract_number: string; signed_on: string }[]>`
      select id, organisation, contract_number, signed_on::text as signed_on from public.auction_contracts where asset_id = ${assetId} order by signed_on, created_at`,
    tx<
      {
        id: string;
        round_no: number;
        announced_on: string;
        held_on: string;
        starting_price: bigint;
        reduction_bp: number;
        result: string;
        winning_bid: bigint | null;
        winner_name: string | null;
      }[]
    >`
      select id, round_no, announced_on::text as announced_on, held_on::text as held_on, starting_price, reduction_bp, result, winning_bid, winner_name
      from public.auction_rounds where asset_id = ${assetId} order by round_no`,
    tx<
      {
        id: string;
        round_no: number;
        bidder_name: string;
        amount: bigint;
        received_on: string;
        outcome: string;
        settled_on: string | null;
      }[]
    >`
      select d.id, r.round_no, d.bidder_name, d.amount, d.received_on::text as received_on, d.outcome, d.settled_on::text as settled_on
      from public.auction_deposits d join public.auction_rounds r on r.id = d.round_id where d.asset_id = ${assetId} order by d.received_on, d.created_at`,
    tx<
      {
        line_no: number;
        rank: string;
        obligation_code: string | null;
        claimed: bigint | null;
        amount: bigint;
        paid_on: string;
        case_event_id: bigint | null;
      }[]
    >`
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
    ? nextAssetSteps(a.status)
        .filter((k): k is AssetFormStep => (ASSET_FORM_STEPS as string[]).includes(k))
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
  const hint =
    last && (last.result === "no_bidder" || last.result === "buyer_withdrew")
      ? {
          base: last.starting_price.toString(),
          min: minReducedPrice(last.starting_price, rules.maxPriceReductionPercent).toString(),
          percent: rules.maxPriceReductionPercent,
          days: rules.nextRoundWithinDays,
        }
      : null;
  return {
    asset: {
      ...a,
      enforcement_costs: a.enforcement_costs.toString(),
      latest_value: s(a.latest_value),
      current_price: s(a.current_price),
      sold_price: s(a.sold_price),
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
    rules: {
      stuckAfter: rules.stuckAfterFailedRounds,
      // The re-valuation form's help: the rules in force today, with their articles.
      revaluation: {
        days: rules.revaluationRequestWorkingDays,
        times: rules.revaluationOnRequestTimes,
        article: rules.sources.revaluationRequestWorkingDays?.map(formatSource).join("; ") ?? "",
      },
    },
    today,
    keys: Object.fromEntries(actions.map((k) => [k, randomUUID()])) as Record<string, string>,
  };
}
