import { asCaseWriter, type TxSql } from "@thads/db";
import {
  AGENCY_NAME_MAX,
  AGENCY_NAME_MIN,
  CASE_EVENT_LABELS,
  applyEvent,
  checkPastDate,
  deriveState,
  mayRecordStep,
  moneySummary,
  nextDeadline,
  type CaseEvent,
  type CaseState,
  type Role,
} from "@thads/domain";
import { conflict, forbiddenStep, notFound, type ServiceError, type ServiceResult } from "../shared/errors.ts";
import { fromEventRow, toEventRow } from "./ledger.ts";

export interface Actor {
  userId: string;
  roles: readonly Role[];
}

interface CaseRow {
  id: string;
  province_id: string;
  unit_id: string;
  version: number;
  status: string;
}

/** The case's events in ledger order (RLS decides whether the caller sees them). */
export async function loadEvents(tx: TxSql, caseId: string): Promise<CaseEvent[]> {
  const rows = await tx<{ kind: CaseEvent["kind"]; effective_date: string; payload: Record<string, unknown> }[]>`
    select kind, effective_date::text as effective_date, payload from public.case_events
    where case_id = ${caseId} order by effective_date, id`;
  return rows.map(fromEventRow);
}

function derive(events: CaseEvent[]): { state: CaseState | null; error: ServiceError | null } {
  const r = deriveState(events);
  if (!r.ok) return { state: null, error: { code: r.error.code, message_vi: r.error.message_vi, message_en: r.error.message_en } };
  return { state: r.state, error: null };
}

/**
 * Records one step on a case, in the caller's transaction (run it inside withClaims):
 * row lock → idempotency → version check → lifecycle rule → ledger row →
 * obligations → projection on the case row. A repeated idempotency key is a
 * no-op; a stale version is a conflict; an invalid step says why.
 */
export async function recordEvent(
  tx: TxSql,
  input: { caseId: string; expectedVersion: number; event: CaseEvent; idempotencyKey: string; actor: Actor; today: string },
): Promise<ServiceResult<{ version: number; duplicate: boolean; receivedCaseId?: string }>> {
  const { caseId, actor } = input;
  // Ids are compared as the database writes them (lower case).
  const event: CaseEvent =
    input.event.kind === "office_assignment" ? { ...input.event, unitId: input.event.unitId.toLowerCase() } : input.event;
  if (event.kind === "acceptance") return { ok: false, error: forbiddenStep() };
  if (!mayRecordStep(actor.roles, event.kind)) return { ok: false, error: forbiddenStep() };
  await asCaseWriter(tx);

  const [visible] = await tx`select 1 from public.cases where id = ${caseId}`;
  if (!visible) return { ok: false, error: notFound() };
  // Locking takes the update policy too: a case one may read but not change is refused here.
  const [row] = await tx<CaseRow[]>`
    select id, province_id, unit_id, version, status from public.cases where id = ${caseId} for update`;
  if (!row) return { ok: false, error: forbiddenStep() };

  const [dup] = await tx`select 1 from public.case_events where case_id = ${caseId} and idempotency_key = ${input.idempotencyKey}`;
  if (dup) return { ok: true, version: row.version, duplicate: true };
  if (row.version !== input.expectedVersion) return { ok: false, error: conflict() };
  // Not after today in Việt Nam, not before 1990: a step dated ahead would stand in the append-only
  // ledger for good (a postponement in 2099 freezes the case). Not before the case's acceptance nor
  // its last step: the lifecycle's date order (out_of_order) below.
  const badDate = checkPastDate(event.effectiveDate, {
    field: { key: "effectiveDate", vi: "Ngày hiệu lực", en: "Effective date" },
    today: input.today,
  });
  if (badDate) return { ok: false, error: badDate };

  const refProblem = await referenceProblem(tx, caseId, event);
  if (refProblem) return { ok: false, error: refProblem };

  const events = await loadEvents(tx, caseId);
  const before = derive(events);
  if (before.error) return { ok: false, error: before.error };
  const applied = applyEvent(before.state, event);
  if (!applied.ok)
    return { ok: false, error: { code: applied.error.code, message_vi: applied.error.message_vi, message_en: applied.error.message_en } };
  const state = applied.state;

  const stored = toEventRow(event);
  await tx`
    insert into public.case_events (case_id, kind, effective_date, payload, actor_id, idempotency_key)
    values (${caseId}, ${stored.kind}, ${stored.effective_date}, ${tx.json(stored.payload as never)}, ${actor.userId}, ${input.idempotencyKey})`;

  if (event.kind === "decision") {
    for (const o of event.obligations) {
      await tx`
        insert into public.case_obligations (case_id, code, kind, amount, description)
        values (${caseId}, ${o.id}, ${o.kind}, ${o.kind === "money" ? o.amount : null}, ${o.description ?? null})`;
    }
  } else if (event.kind === "payment") {
    await tx`update public.case_obligations set paid = paid + ${event.amount} where case_id = ${caseId} and code = ${event.obligationId}`;
  } else if (event.kind === "act_performed") {
    await tx`update public.case_obligations set performed_on = ${event.effectiveDate} where case_id = ${caseId} and code = ${event.obligationId}`;
  }

  const money = moneySummary(state);
  const next = nextDeadline([...events, event], input.today, { actors: ["agency"] });
  const updated = await tx<{ version: number }[]>`
    update public.cases set
      status = ${state.status},
      executor_id = ${state.executorId},
      decision_date = ${state.decidedOn},
      money_due = ${state.decidedOn ? tx`${money.due}` : tx`money_due`},
      money_collected = ${money.paid},
      closed_on = ${state.closedOn},
      next_deadline_on = ${next?.dueDate ?? null},
      next_deadline_kind = ${next?.kind ?? null},
      last_event_on = ${state.lastEventDate},
      transferred_to_province_id = ${state.transferredTo?.provinceId ?? null},
      transferred_to_agency = ${state.transferredTo?.militaryAgency ?? null},
      ${event.kind === "office_assignment" ? tx`unit_id = ${event.unitId},` : tx``}
      version = version + 1
    where id = ${caseId} and version = ${input.expectedVersion}
    returning version`;
  if (!updated[0]) throw new StepNotPermitted();

  let receivedCaseId: string | undefined;
  if (event.kind === "transfer" && state.transferredTo?.provinceId) {
    const [r] = await tx<{ id: string }[]>`select app_private.open_transferred_case(${caseId}) as id`;
    receivedCaseId = r?.id;
  }
  return { ok: true, version: updated[0].version, duplicate: false, receivedCaseId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const executorNotInUnit = (): ServiceError => ({
  code: "executor_not_in_unit",
  message_vi: "Chấp hành viên: phải là chấp hành viên của đơn vị đang thụ lý việc thi hành án.",
  message_en: "Executor: must be an executor of the office that holds the case.",
  field: "executorId",
});

export const badTransferTarget = (): ServiceError => ({
  code: "bad_transfer_target",
  message_vi:
    "Nơi nhận ủy thác: phải là cơ quan thi hành án dân sự của một tỉnh/thành phố khác đang hoạt động (không phải phòng khu vực, tỉnh cũ đã sáp nhập hay Cục).",
  message_en:
    "Transfer to: must be a current provincial bureau of another province (not an office, a merged former province or the directorate).",
  field: "toProvinceId",
});

export const badMilitaryAgency = (): ServiceError => ({
  code: "bad_transfer_target",
  message_vi: `Cơ quan thi hành án cấp quân khu nhận ủy thác: ghi tên từ ${AGENCY_NAME_MIN} đến ${AGENCY_NAME_MAX} ký tự; một việc chỉ ủy thác cho một nơi.`,
  message_en: `Receiving military-region agency: a name of ${AGENCY_NAME_MIN} to ${AGENCY_NAME_MAX} characters; a case is transferred to one agency only.`,
  field: "toMilitaryAgency",
});

export const badOffice = (): ServiceError => ({
  code: "bad_office",
  message_vi: "Phòng được giao: phải là một phòng thi hành án dân sự khu vực đang hoạt động của tỉnh/thành phố đang thụ lý việc.",
  message_en: "Office: must be a current regional office of the province that holds the case.",
  field: "unitId",
});

/**
 * The ids an event names, against the case's own tenant: an executor of the case's unit
 * (app_private.is_case_unit_executor answers only for a case the caller may act on), a transfer to
 * a current province (its own province is the lifecycle rule's refusal), an assignment to a current regional office of
 * the case's province. The database checks the same (20261204000100, 20261214000200).
 */
async function referenceProblem(tx: TxSql, caseId: string, event: CaseEvent): Promise<ServiceError | null> {
  const executorId = event.kind === "executor_change" || event.kind === "decision" ? event.executorId : undefined;
  if (executorId !== undefined) {
    if (!UUID.test(executorId)) return executorNotInUnit();
    const [r] = await tx<{ ok: boolean | null }[]>`select app_private.is_case_unit_executor(${caseId}, ${executorId}) as ok`;
    if (!r?.ok) return executorNotInUnit();
  }
  // A military-region agency is named in words (the lifecycle bounds it); a province is a unit here.
  if (event.kind === "transfer" && event.toProvinceId !== undefined) {
    if (!UUID.test(event.toProvinceId)) return badTransferTarget();
    const [u] = await tx`
      select 1 from public.units
      where id = ${event.toProvinceId} and kind = 'province' and dissolved_on is null`;
    if (!u) return badTransferTarget();
  }
  if (event.kind === "office_assignment") {
    if (!UUID.test(event.unitId)) return badOffice();
    const [u] = await tx`
      select 1 from public.units u join public.cases c on c.province_id = u.province_id
      where c.id = ${caseId} and u.id = ${event.unitId} and u.kind = 'subunit' and u.dissolved_on is null`;
    if (!u) return badOffice();
  }
  return null;
}

/** RLS refused the change after the checks (e.g. an executor on a case not assigned to them). */
export class StepNotPermitted extends Error {
  constructor() {
    super("step not permitted by row-level security");
  }
}

export function stepLabel(kind: CaseEvent["kind"], lang: "vi" | "en"): string {
  return CASE_EVENT_LABELS[kind][lang];
}
