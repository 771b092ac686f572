import { randomUUID } from "node:crypto";
import { asCaseWriter, type TxSql } from "@thads/db";
import {
  assetStepTransition,
  auctionRulesFor,
  checkDeposit,
  checkNewRound,
  checkPastDate,
  checkPlannedDate,
  compareDates,
  depositOutcome,
  distributeProceeds,
  formatDong,
  mayRecordStep,
  checkRevaluation,
  formatSource,
  legalRuleOn,
  weakestVerification,
  type AssetStatus,
  type CaseEvent,
  type ClaimRank,
  type RoundRecord,
} from "@thads/domain";
import type { AssetStepInput, NewAssetInput } from "./schema.ts";
import { conflict, forbiddenStep, type ServiceError, type ServiceResult } from "../shared/errors.ts";
import { recordEvent, type Actor } from "../cases/service.ts";

/*
 * Assets of a case: each step in the caller's transaction (run it in withClaims / asUserStep), as
 * case_writer (the only role that may write these tables, after the rules): asset row lock → idempotency → version check → domain rules → typed rows → history row →
 * projection on the asset → the matching step in the case ledger (a coercive measure, or the
 * payments of the proceeds). A refusal returns before or rolls back every write.
 */

const assetNotFound = (): ServiceError => ({
  code: "not_found",
  message_vi: "Không tìm thấy tài sản, hoặc bạn không có quyền với tài sản này.",
  message_en: "The asset does not exist or you may not act on it.",
});

const refuse = (e: { code: string; message_vi: string; message_en: string; field?: string }): { ok: false; error: ServiceError } => ({
  ok: false,
  error: { code: e.code, message_vi: e.message_vi, message_en: e.message_en, ...(e.field ? { field: e.field } : {}) },
});

interface AssetRow {
  id: string;
  case_id: string;
  status: AssetStatus;
  version: number;
  enforcement_costs: bigint;
  sold_price: bigint | null;
  buyer_name: string | null;
  proceeds_paid_on: string | null;
  last_step_on: string | null;
  accepted_on: string;
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));

const REVALUATION_FIELD: Record<string, string> = {
  ground: "revaluationGround",
  requestedOn: "revaluationRequestedOn",
  resultNotifiedOn: "resultNotifiedOn",
};

/**
 * May the asset be valued again? A re-valuation needs a ground (`checkRevaluation`: a serious
 * breach, a party's request within the working days of the rules in force on the request date and
 * only the allowed number of times, or from 01/07/2026 an expired valuation certificate). Refusals
 * name the form's field and cite the article of the rules table. Returns what the history row keeps.
 */
async function revaluationAllowed(
  tx: TxSql,
  assetId: string,
  step: Extract<AssetStepInput, { kind: "valuation" }>,
): Promise<{ ok: true; payload: Record<string, unknown> } | { ok: false; error: ServiceError }> {
  const requestedOn = step.revaluationRequestedOn ?? step.effectiveDate;
  const rule = legalRuleOn("revaluationRequestWorkingDays", requestedOn);
  const unverified = weakestVerification(rule.sources) === "verified" ? "" : " — chưa đối chiếu văn bản";
  const article = `${rule.sources.map(formatSource).join("; ")}${unverified}`;
  if (!step.revaluationGround) {
    return {
      ok: false,
      error: {
        code: "revaluation_ground_missing",
        field: "revaluationGround",
        message_vi: `Căn cứ thẩm định lại: tài sản đã được thẩm định giá; chọn căn cứ thẩm định lại (${article}).`,
        message_en: `Re-valuation ground: the asset was valued already; choose the ground (${article}).`,
      },
    };
  }
  if (compareDates(requestedOn, step.effectiveDate) > 0) {
    return {
      ok: false,
      error: {
        code: "revaluation_request_after",
        field: "revaluationRequestedOn",
        message_vi: "Ngày yêu cầu thẩm định lại: không được sau ngày thẩm định giá.",
        message_en: "Re-valuation request date: cannot be after the valuation date.",
      },
    };
  }
  const [done] = await tx<{ n: number }[]>`
    select count(*)::int as n from public.asset_events
    where asset_id = ${assetId} and kind = 'valuation' and payload->>'revaluationGround' = 'party_request'`;
  const checked = checkRevaluation({
    ground: step.revaluationGround,
    requestedOn,
    ...(step.resultNotifiedOn ? { resultNotifiedOn: step.resultNotifiedOn } : {}),
    previousOnRequest: done?.n ?? 0,
    rules: auctionRulesFor(requestedOn),
  });
  if (!checked.ok) {
    const e = checked.error;
    const cites = e.message_vi.includes("Điều ") ? "" : ` (${article})`;
    return {
      ok: false,
      error: {
        code: e.code,
        message_vi: `${e.message_vi}${cites}`,
        message_en: `${e.message_en}${cites}`,
        field: REVALUATION_FIELD[e.field ?? ""] ?? "revaluationGround",
      },
    };
  }
  return {
    ok: true,
    payload: {
      revaluationGround: step.revaluationGround,
      revaluationRequestedOn: requestedOn,
      ...(step.resultNotifiedOn ? { resultNotifiedOn: step.resultNotifiedOn } : {}),
      revaluationArticle: article,
    },
  };
}

/** Records a step of the case ledger on the asset's case (same transaction), at the case's current version. */
async function caseStep(tx: TxSql, caseId: string, event: CaseEvent, actor: Actor, today: string) {
  const [c] = await tx<{ version: number }[]>`select version from public.cases where id = ${caseId}`;
  if (!c) return { ok: false as const, error: forbiddenStep() };
  return recordEvent(tx, { caseId, expectedVersion: c.version, event, idempotencyKey: randomUUID(), actor, today });
}

/** Adds an asset found at verification to a case. The idempotency key makes a resent form a no-op. */
export async function createAsset(
  tx: TxSql,
  input: { caseId: string } & NewAssetInput,
  actor: Actor,
  today: string,
): Promise<ServiceResult<{ assetId: string; duplicate: boolean }>> {
  if (!mayRecordStep(actor.roles, "enforcement_action")) return { ok: false, error: forbiddenStep() };
  await asCaseWriter(tx);
  const [dup] = await tx<
    { id: string }[]
  >`select id from public.assets where case_id = ${input.caseId} and idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, assetId: dup.id, duplicate: true };
  const [visible] = await tx<
    { accepted_on: string }[]
  >`select accepted_on::text as accepted_on from public.cases where id = ${input.caseId}`;
  if (!visible) return { ok: false, error: assetNotFound() };
  const badDate = checkPastDate(input.identifiedOn, {
    field: { key: "identifiedOn", vi: "Ngày xác minh tài sản", en: "Identification date" },
    today,
    acceptedOn: visible.accepted_on,
  });
  if (badDate) return { ok: false, error: badDate };
  const [row] = await tx<{ id: string }[]>`
    insert into public.assets (case_id, kind, description, location, ownership_docs, encumbrance_bank, encumbrance_note, idempotency_key, created_by)
    values (${input.caseId}, ${input.kind}, ${input.description}, ${input.location}, ${input.ownershipDocs}, ${input.encumbranceBank},
            ${input.encumbranceNote}, ${input.idempotencyKey}, ${actor.userId})
    returning id`;
  await tx`
    insert into public.asset_events (asset_id, kind, effective_date, payload, actor_id, idempotency_key)
    values (${row!.id}, 'identification', ${input.identifiedOn}, ${tx.json(json({ kind: input.kind, description: input.description }))},
            ${actor.userId}, ${input.idempotencyKey})`;
  return { ok: true, assetId: row!.id, duplicate: false };
}

async function loadRounds(tx: TxSql, assetId: string) {
  return tx<(RoundRecord & { id: string })[]>`
    select id, round_no as "roundNo", announced_on::text as "announcedOn", held_on::text as "heldOn",
           starting_price as "startingPrice", result
    from public.auction_rounds where asset_id = ${assetId} order by round_no`;
}

/** Records one step on an asset. See the module comment for the order of checks. */
export async function recordAssetStep(
  tx: TxSql,
  input: { assetId: string; step: AssetStepInput; actor: Actor; today: string },
): Promise<ServiceResult<{ version: number; duplicate: boolean }>> {
  const { assetId, step, actor, today } = input;
  if (!mayRecordStep(actor.roles, "enforcement_action")) return { ok: false, error: forbiddenStep() };
  await asCaseWriter(tx);

  const [visible] = await tx`select 1 from public.assets where id = ${assetId}`;
  if (!visible) return { ok: false, error: assetNotFound() };
  const [asset] = await tx<AssetRow[]>`
    select a.id, a.case_id, a.status, a.version, a.enforcement_costs, a.sold_price, a.buyer_name, a.proceeds_paid_on::text as proceeds_paid_on,
           (select max(e.effective_date)::text from public.asset_events e where e.asset_id = a.id) as last_step_on,
           (select c.accepted_on::text from public.cases c where c.id = a.case_id) as accepted_on
    from public.assets a where a.id = ${assetId} for update`;
  if (!asset) return { ok: false, error: forbiddenStep() };

  const [dup] = await tx`select 1 from public.asset_events where asset_id = ${assetId} and idempotency_key = ${step.idempotencyKey}`;
  if (dup) return { ok: true, version: asset.version, duplicate: true };
  if (asset.version !== step.version) return { ok: false, error: conflict({ vi: "Tài sản", en: "this asset" }) };

  const badDate = checkPastDate(step.effectiveDate, {
    field: { key: "effectiveDate", vi: "Ngày thực hiện", en: "Date" },
    today,
    acceptedOn: asset.accepted_on,
  });
  if (badDate) return { ok: false, error: badDate };
  if (step.kind === "round") {
    const badRound = checkPlannedDate(step.heldOn, {
      field: { key: "heldOn", vi: "Ngày tổ chức phiên đấu giá", en: "Auction date" },
      today,
      acceptedOn: asset.accepted_on,
    });
    if (badRound) return { ok: false, error: badRound };
  }
  if (asset.last_step_on && compareDates(step.effectiveDate, asset.last_step_on) < 0) {
    return {
      ok: false,
      error: {
        code: "date_before_previous",
        field: "effectiveDate",
        message_vi: `Ngày thực hiện: không được trước bước trước đó của tài sản (${asset.last_step_on.split("-").reverse().join("/")}).`,
        message_en: `Date: cannot be before the asset's previous step (${asset.last_step_on}).`,
      },
    };
  }
  const transition = assetStepTransition(asset.status, step.kind);
  if (!transition.ok) return refuse(transition.error);
  let status: AssetStatus = transition.status;
  const rules = auctionRulesFor(step.effectiveDate);
  const d = step.effectiveDate;
  let payload: Record<string, unknown> = {};
  let caseEvent: CaseEvent | null = null;

  switch (step.kind) {
    case "seizure": {
      await tx`
        insert into public.asset_seizures (asset_id, kind, seized_on, executor_name, minutes_number, bank_name, account_number, frozen_amount, note)
        values (${assetId}, ${step.seizureKind}, ${d}, ${step.executorName}, ${step.minutesNumber}, ${step.bankName}, ${step.accountNumber},
                ${step.frozenAmount ?? null}, ${step.note})`;
      payload = { seizureKind: step.seizureKind, executorName: step.executorName, minutesNumber: step.minutesNumber };
      caseEvent = {
        kind: "enforcement_action",
        effectiveDate: d,
        measure: step.seizureKind === "account_freeze" ? "account_freeze" : "seizure",
      };
      break;
    }
    case "valuation": {
      const [prev] = await tx<{ value: bigint }[]>`
        select value from public.asset_valuations where asset_id = ${assetId} order by valued_on desc, created_at desc limit 1`;
      // Re-valuation of a seized asset: only on a ground of the rules in force on the request date.
      let revaluation: Record<string, unknown> = {};
      if (prev) {
        const checked = await revaluationAllowed(tx, assetId, step);
        if (!checked.ok) return { ok: false, error: checked.error };
        revaluation = checked.payload;
      }
      await tx`
        insert into public.asset_valuations (asset_id, appraiser, value, valued_on, is_revaluation, note)
        values (${assetId}, ${step.appraiser}, ${step.value}, ${d}, ${!!prev}, ${step.note})`;
      await tx`update public.assets set latest_value = ${step.value}, current_price = null, next_round_on = null where id = ${assetId}`;
      payload = {
        appraiser: step.appraiser,
        value: step.value,
        revaluation: !!prev,
        revaluationReason: step.revaluationReason,
        ...revaluation,
      };
      caseEvent = { kind: "enforcement_action", effectiveDate: d, measure: "valuation" };
      break;
    }
    case "contract": {
      await tx`
        insert into public.auction_contracts (asset_id, organisation, contract_number, signed_on, fee)
        values (${assetId}, ${step.organisation}, ${step.contractNumber}, ${d}, ${step.fee ?? null})`;
      payload = { organisation: step.organisation, contractNumber: step.contractNumber };
      break;
    }
    case "round": {
      const rounds = await loadRounds(tx, assetId);
      const valuations = await tx<{ valuedOn: string; value: bigint }[]>`
        select valued_on::text as "valuedOn", value from public.asset_valuations where asset_id = ${assetId} order by valued_on, created_at`;
      const costs = step.enforcementCosts ?? asset.enforcement_costs;
      const checked = checkNewRound({
        rounds,
        valuations,
        proposed: { announcedOn: d, heldOn: step.heldOn, startingPrice: step.startingPrice },
        enforcementCosts: costs,
        rules,
      });
      if (!checked.ok) return refuse(checked.error);
      const [contract] = await tx<{ id: string }[]>`
        select id from public.auction_contracts where asset_id = ${assetId} order by signed_on desc, created_at desc limit 1`;
      if (!contract) {
        return {
          ok: false,
          error: {
            code: "no_contract",
            message_vi: "Chưa có hợp đồng với tổ chức đấu giá: ghi hợp đồng trước khi thông báo phiên.",
            message_en: "No auction contract yet.",
          },
        };
      }
      await tx`
        insert into public.auction_rounds (asset_id, contract_id, round_no, announced_on, held_on, venue, starting_price, reduction_bp)
        values (${assetId}, ${contract.id}, ${checked.plan.roundNo}, ${d}, ${step.heldOn}, ${step.venue}, ${step.startingPrice}, ${checked.plan.reductionBasisPoints})`;
      await tx`update public.assets set current_price = ${step.startingPrice}, next_round_on = ${step.heldOn}, enforcement_costs = ${costs} where id = ${assetId}`;
      payload = {
        roundNo: checked.plan.roundNo,
        heldOn: step.heldOn,
        startingPrice: step.startingPrice,
        basePrice: checked.plan.basePrice,
        reductionBasisPoints: checked.plan.reductionBasisPoints,
      };
      caseEvent = {
        kind: "enforcement_action",
        effectiveDate: d,
        measure: checked.plan.reductionBasisPoints > 0 ? "price_reduction" : "auction",
        ...(checked.plan.reductionBasisPoints > 0 ? { reductionPercent: checked.plan.reductionBasisPoints / 100 } : {}),
      };
      break;
    }
    case "round_result": {
      const rounds = await loadRounds(tx, assetId);
      const last = rounds[rounds.length - 1];
      if (!last)
        return {
          ok: false,
          error: {
            code: "no_round",
            message_vi: "Chưa có phiên đấu giá nào để ghi kết quả.",
            message_en: "There is no round to record a result for.",
          },
        };
      if (asset.status === "sold") {
        if (step.result !== "buyer_withdrew" || last.result !== "sold" || asset.proceeds_paid_on) {
          return {
            ok: false,
            error: {
              code: "already_sold",
              field: "result",
              message_vi: "Tài sản đã bán thành: chỉ có thể ghi người trúng đấu giá từ chối mua, trước khi thanh toán.",
              message_en: "The asset is sold: only a winner walking away (before payment) can be recorded.",
            },
          };
        }
      } else if (last.result !== "scheduled") {
        return {
          ok: false,
          error: {
            code: "round_has_result",
            field: "result",
            message_vi: `Phiên thứ ${last.roundNo} đã có kết quả.`,
            message_en: `Round ${last.roundNo} already has a result.`,
          },
        };
      }
      if (compareDates(d, last.heldOn) < 0) {
        return {
          ok: false,
          error: {
            code: "result_before_round",
            field: "effectiveDate",
            message_vi: `Ngày ghi kết quả: không được trước ngày tổ chức phiên (${last.heldOn.split("-").reverse().join("/")}).`,
            message_en: "The result cannot be dated before the round.",
          },
        };
      }
      if (step.result === "sold" && step.winningBid! < last.startingPrice) {
        return {
          ok: false,
          error: {
            code: "bid_below_start",
            field: "winningBid",
            message_vi: "Giá trúng đấu giá: không được thấp hơn giá khởi điểm.",
            message_en: "The winning bid cannot be below the starting price.",
          },
        };
      }
      await tx`
        update public.auction_rounds set result = ${step.result}, result_on = ${d},
          winning_bid = ${step.result === "sold" ? step.winningBid! : step.result === "buyer_withdrew" ? tx`winning_bid` : null},
          winner_name = ${step.result === "sold" ? step.winnerName : step.result === "buyer_withdrew" ? tx`winner_name` : null}
        where id = ${last.id}`;
      status = step.result === "sold" ? "sold" : "at_auction";
      const failed = step.result === "no_bidder" || step.result === "buyer_withdrew";
      await tx`
        update public.assets set
          rounds_held = rounds_held + ${asset.status === "sold" ? 0 : 1},
          failed_rounds = failed_rounds + ${failed ? 1 : 0},
          next_round_on = null,
          sold_price = ${step.result === "sold" ? step.winningBid! : null},
          buyer_name = ${step.result === "sold" ? step.winnerName : null}
        where id = ${assetId}`;
      payload = { roundNo: last.roundNo, result: step.result, winningBid: step.winningBid ?? null, winnerName: step.winnerName };
      break;
    }
    case "deposit": {
      const rounds = await loadRounds(tx, assetId);
      const last = rounds[rounds.length - 1];
      if (last?.result !== "scheduled") {
        return {
          ok: false,
          error: {
            code: "no_open_round",
            message_vi: "Không có phiên đấu giá sắp tổ chức để nhận tiền đặt trước.",
            message_en: "No upcoming round to take a deposit for.",
          },
        };
      }
      const ok = checkDeposit(step.amount, last.startingPrice, rules);
      if (!ok.ok) return refuse(ok.error);
      await tx`
        insert into public.auction_deposits (asset_id, round_id, bidder_name, amount, received_on)
        values (${assetId}, ${last.id}, ${step.bidderName}, ${step.amount}, ${d})`;
      payload = { roundNo: last.roundNo, bidderName: step.bidderName, amount: step.amount };
      break;
    }
    case "deposit_settlement": {
      const [dep] = await tx<{ id: string; outcome: string; bidder_name: string; amount: bigint }[]>`
        select id, outcome, bidder_name, amount from public.auction_deposits where id = ${step.depositId} and asset_id = ${assetId}`;
      if (!dep)
        return {
          ok: false,
          error: {
            code: "unknown_deposit",
            field: "depositId",
            message_vi: "Khoản đặt trước: không có trong hồ sơ tài sản.",
            message_en: "Deposit: not on this asset.",
          },
        };
      if (dep.outcome !== "held")
        return {
          ok: false,
          error: {
            code: "deposit_settled",
            field: "depositId",
            message_vi: "Khoản đặt trước này đã được xử lý.",
            message_en: "This deposit is already settled.",
          },
        };
      const outcome = depositOutcome(step.situation);
      if (outcome === "applied" && !["sold", "delivered"].includes(asset.status)) {
        return {
          ok: false,
          error: {
            code: "not_sold",
            field: "situation",
            message_vi: "Chỉ trừ tiền đặt trước vào tiền mua khi tài sản đã bán thành.",
            message_en: "A deposit is applied to the price only once the asset is sold.",
          },
        };
      }
      await tx`update public.auction_deposits set outcome = ${outcome}, situation = ${step.situation}, settled_on = ${d} where id = ${dep.id}`;
      payload = { depositId: dep.id, bidderName: dep.bidder_name, amount: dep.amount, situation: step.situation, outcome };
      break;
    }
    case "sale": {
      if (asset.proceeds_paid_on || asset.sold_price === null) {
        return {
          ok: false,
          error: {
            code: "already_paid",
            message_vi: "Tiền bán tài sản đã được ghi nhận và phân chia.",
            message_en: "The proceeds were already recorded.",
          },
        };
      }
      const obligations = await tx<{ code: string; outstanding: bigint }[]>`
        select code, amount - paid as outstanding from public.case_obligations
        where case_id = ${asset.case_id} and kind = 'money' and amount > paid order by code`;
      for (const code of Object.keys(step.ranks)) {
        if (!obligations.some((o) => o.code === code)) {
          return {
            ok: false,
            error: {
              code: "unknown_obligation",
              field: "ranks",
              message_vi: `Khoản phải thi hành "${code}" không có hoặc đã thi hành xong.`,
              message_en: `Obligation "${code}" does not exist or is settled.`,
            },
          };
        }
      }
      const claims = obligations.map((o) => ({ id: o.code, rank: (step.ranks[o.code] ?? "other") as ClaimRank, amount: o.outstanding }));
      const dist = distributeProceeds({
        proceeds: asset.sold_price,
        enforcementCosts: step.enforcementCosts,
        claims,
        order: rules.distributionOrder,
      });
      if (!dist.ok) return refuse(dist.error);
      let lineNo = 0;
      for (const line of dist.distribution.lines) {
        let eventId: bigint | null = null;
        if (line.claimId && line.amount > 0n) {
          const paid = await caseStep(
            tx,
            asset.case_id,
            {
              kind: "payment",
              effectiveDate: d,
              obligationId: line.claimId,
              amount: line.amount,
              method: "auction_proceeds",
              payer: asset.buyer_name ?? undefined,
              receiptNumber: `DG-${assetId.slice(0, 8)}-${lineNo + 1}`,
            },
            actor,
            today,
          );
          if (!paid.ok) return paid;
          const [ev] = await tx<
            { id: bigint }[]
          >`select max(id) as id from public.case_events where case_id = ${asset.case_id} and kind = 'payment'`;
          eventId = ev?.id ?? null;
        }
        await tx`
          insert into public.asset_proceeds (asset_id, line_no, rank, obligation_code, claimed, amount, paid_on, case_event_id)
          values (${assetId}, ${++lineNo}, ${line.rank}, ${line.claimId}, ${line.claimed}, ${line.amount}, ${d}, ${eventId})`;
      }
      if (dist.distribution.toDebtor > 0n) {
        await tx`
          insert into public.asset_proceeds (asset_id, line_no, rank, amount, paid_on)
          values (${assetId}, ${++lineNo}, 'debtor', ${dist.distribution.toDebtor}, ${d})`;
      }
      await tx`update public.assets set proceeds_paid_on = ${d}, enforcement_costs = ${step.enforcementCosts} where id = ${assetId}`;
      payload = {
        proceeds: asset.sold_price,
        enforcementCosts: step.enforcementCosts,
        lines: dist.distribution.lines,
        toDebtor: dist.distribution.toDebtor,
      };
      break;
    }
    case "delivery": {
      if (!asset.proceeds_paid_on) {
        return {
          ok: false,
          error: {
            code: "not_paid",
            message_vi: "Chỉ giao tài sản sau khi người mua đã thanh toán đủ tiền.",
            message_en: "Deliver only after the buyer has paid.",
          },
        };
      }
      await tx`update public.assets set delivered_on = ${d} where id = ${assetId}`;
      payload = { withCoercion: step.withCoercion, note: step.note };
      if (step.withCoercion) caseEvent = { kind: "enforcement_action", effectiveDate: d, measure: "coercion_with_forces" };
      break;
    }
    case "return": {
      await tx`update public.assets set next_round_on = null where id = ${assetId}`;
      payload = { reason: step.reason };
      break;
    }
    case "hand_to_creditor": {
      // The creditor takes the asset against what it is owed: credited to its obligation as a payment.
      let eventId: bigint | null = null;
      if (step.creditedAmount !== undefined) {
        const [o] = await tx<{ code: string; outstanding: bigint }[]>`
          select code, amount - paid as outstanding from public.case_obligations
          where case_id = ${asset.case_id} and kind = 'money' and amount > paid
            and (${step.obligationCode}::text is null or code = ${step.obligationCode}) order by code limit 1`;
        if (!o)
          return {
            ok: false,
            error: {
              code: "unknown_obligation",
              field: "obligationCode",
              message_vi: "Khoản phải thi hành được trừ: không có hoặc đã thi hành xong.",
              message_en: "No outstanding obligation to credit.",
            },
          };
        if (step.creditedAmount > o.outstanding) {
          return {
            ok: false,
            error: {
              code: "overpayment",
              field: "creditedAmount",
              message_vi: `Giá trị trừ vào số tiền được thi hành án vượt quá số còn phải thi hành (${formatDong(o.outstanding)}).`,
              message_en: "The credited value exceeds the amount outstanding.",
            },
          };
        }
        const paid = await caseStep(
          tx,
          asset.case_id,
          {
            kind: "payment",
            effectiveDate: d,
            obligationId: o.code,
            amount: step.creditedAmount,
            method: "other",
            receiptNumber: `NTS-${assetId.slice(0, 8)}`,
          },
          actor,
          today,
        );
        if (!paid.ok) return paid;
        const [ev] = await tx<
          { id: bigint }[]
        >`select max(id) as id from public.case_events where case_id = ${asset.case_id} and kind = 'payment'`;
        eventId = ev?.id ?? null;
        await tx`
          insert into public.asset_proceeds (asset_id, line_no, rank, obligation_code, claimed, amount, paid_on, case_event_id)
          values (${assetId}, 1, 'secured', ${o.code}, ${o.outstanding}, ${step.creditedAmount}, ${d}, ${eventId})`;
      }
      await tx`update public.assets set next_round_on = null where id = ${assetId}`;
      payload = { reason: step.reason, creditedAmount: step.creditedAmount ?? null, caseEventId: eventId };
      break;
    }
  }

  await tx`
    insert into public.asset_events (asset_id, kind, effective_date, payload, actor_id, idempotency_key)
    values (${assetId}, ${step.kind}, ${d}, ${tx.json(json(payload))}, ${actor.userId}, ${step.idempotencyKey})`;
  if (caseEvent) {
    const r = await caseStep(tx, asset.case_id, caseEvent, actor, today);
    if (!r.ok) return r;
  }
  const [updated] = await tx<{ version: number }[]>`
    update public.assets set status = ${status}, version = version + 1 where id = ${assetId} and version = ${asset.version} returning version`;
  if (!updated) return { ok: false, error: forbiddenStep() };
  return { ok: true, version: updated.version, duplicate: false };
}
