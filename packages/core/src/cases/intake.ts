import { asCaseWriter, withClaims, type Claims, type Sql, type TxSql } from "@thads/db";
import { AGENCY_NAME_MAX, AGENCY_NAME_MIN, ENTRUSTING_DECISION_NUMBER_MAX, mayRecordStep, todayInVietnam } from "@thads/domain";
import { forbiddenStep, type ServiceError, type ServiceResult } from "../shared/errors.ts";
import { intakeDateProblems, intakeLimitation, type IntakeInput } from "./intake-schema.ts";
import { StepNotPermitted, badMilitaryAgency, badOffice, badTransferTarget, executorNotInUnit, type Actor } from "./service.ts";
import { acceptanceDeadline, acceptanceEvent, acceptanceRow } from "./ledger.ts";

/**
 * Takes a case in: judgment (reused when the province already has it), case
 * row, parties, acceptance event, and the decision with its money
 * obligation. All in the caller's transaction. The idempotency key is the
 * case id, so a repeated submission returns the case it already made.
 */
export async function intakeCase(
  tx: TxSql,
  input: IntakeInput,
  actor: Actor,
  today: string = todayInVietnam(),
): Promise<ServiceResult<{ caseId: string; duplicate: boolean }>> {
  if (!mayRecordStep(actor.roles, "acceptance")) return { ok: false, error: forbiddenStep() };
  // Dates, and the limitation period of a case on request: refused before anything is written.
  const [badDate] = intakeDateProblems(input, today);
  if (badDate) return { ok: false, error: badDate };
  const limitation = intakeLimitation(input);
  if (!limitation.ok) return { ok: false, error: limitation.error };
  await asCaseWriter(tx);
  const caseId = input.idempotencyKey;
  const [existing] = await tx`select id from public.cases where id = ${caseId}`;
  if (existing) return { ok: true, caseId, duplicate: true };

  const [unit] = await tx<{ province_id: string; kind: string }[]>`select province_id, kind from public.units where id = ${input.unitId}`;
  if (!unit || unit.kind === "national") {
    return {
      ok: false,
      error: { code: "unknown_unit", field: "unitId", message_vi: "Đơn vị thụ lý: không tồn tại.", message_en: "Unit: does not exist." },
    };
  }
  const [taken] = await tx`select 1 from public.cases where province_id = ${unit.province_id} and case_number = ${input.caseNumber}`;
  if (taken) {
    return {
      ok: false,
      error: {
        code: "duplicate_number",
        field: "caseNumber",
        message_vi: `Số thụ lý / số quyết định: "${input.caseNumber}" đã có trong tỉnh.`,
        message_en: `Case number "${input.caseNumber}" already exists in this province.`,
      },
    };
  }

  const j = input.judgment;
  let [judgment] = await tx<{ id: string }[]>`
    select id from public.judgments where province_id = ${unit.province_id} and court_name = ${j.courtName} and judgment_number = ${j.number}`;
  judgment ??= (
    await tx<{ id: string }[]>`
    insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
    values (${input.unitId}, ${j.courtName}, ${j.number}, ${j.date}, ${j.type}) returning id`
  )[0]!;

  const event = acceptanceEvent({
    acceptedOn: input.acceptedOn,
    provinceId: unit.province_id,
    unitId: input.unitId,
    source: input.source,
    fromAgency: input.fromAgency,
    entrustingDecisionNumber: input.entrustingDecisionNumber,
    entrustingDecisionOn: input.entrustingDecisionOn,
  });
  const acceptance = acceptanceRow(event, limitation.record);
  const deadline = acceptanceDeadline(event);
  await tx`
    insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, is_bank_credit,
                              is_corruption, debtor_name, creditor_name, judgment_id, source, status, last_event_on,
                              next_deadline_on, next_deadline_kind)
    values (${caseId}, ${input.unitId}, ${unit.province_id}, ${input.caseNumber}, ${input.acceptedOn}, ${input.decisionKind},
            ${j.type}, ${input.isBankCredit}, ${input.isCorruption}, ${input.debtor.fullName}, ${input.creditor.fullName},
            ${judgment.id}, ${input.source}, 'accepted', ${input.acceptedOn}, ${deadline?.on ?? null}, ${deadline?.kind ?? null})`;
  for (const [role, p] of [
    ["creditor", input.creditor],
    ["debtor", input.debtor],
  ] as const) {
    await tx`
      insert into public.case_parties (case_id, role, kind, full_name, id_number, address)
      values (${caseId}, ${role}, ${p.kind}, ${p.fullName}, ${p.idNumber}, ${p.address})`;
  }
  await tx`
    insert into public.case_events (case_id, kind, effective_date, payload, actor_id, idempotency_key)
    values (${caseId}, 'acceptance', ${input.acceptedOn}, ${tx.json(acceptance.payload as never)}, ${actor.userId}, ${caseId})`;

  // The obligation the judgment imposes; the decision itself is its own step.
  // Until the decision lists the obligations, the case carries the judgment's amount.
  await tx`update public.cases set money_due = ${input.amount} where id = ${caseId}`;
  return { ok: true, caseId, duplicate: false };
}

/** Runs a service step as the user, mapping refusals by RLS to a clear error (and rolling everything back). */
export async function asUserStep<T>(sql: Sql, claims: Claims, fn: (tx: TxSql) => Promise<ServiceResult<T>>): Promise<ServiceResult<T>> {
  class Refused extends Error {
    constructor(readonly result: ServiceResult<T>) {
      super("refused");
    }
  }
  try {
    return await withClaims(sql, claims, async (tx) => {
      const r = await fn(tx);
      // A refusal after writes began must leave nothing behind.
      if (!r.ok) throw new Refused(r);
      return r;
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    if ((e as { code?: string }).code === "23505")
      return { ok: false, error: uniqueViolation((e as { constraint_name?: string }).constraint_name) };
    if ((e as { code?: string }).code === "23514") {
      // A reference the database refused (20261204000100): the same answer as the service's own check;
      // any other check is a date or amount bound (20261204000200).
      const constraint = (e as { constraint_name?: string }).constraint_name ?? "";
      const refused = Object.hasOwn(REFERENCE_ERRORS, constraint) ? REFERENCE_ERRORS[constraint] : undefined;
      return { ok: false, error: refused ? refused() : outOfBounds((e as Error).message) };
    }
    if (e instanceof StepNotPermitted || (e as { code?: string }).code === "42501") return { ok: false, error: forbiddenStep() };
    throw e;
  }
}

/**
 * A date or amount the database refused (its bounds triggers and constraints: "field: Vietnamese /
 * English"), e.g. when the server's clock runs ahead of Việt Nam's today.
 */
function outOfBounds(message: string): ServiceError {
  const [vi, en] = message.includes(" / ")
    ? [message.slice(0, message.lastIndexOf(" / ")), message.slice(message.lastIndexOf(" / ") + 3)]
    : [message, message];
  return { code: "out_of_bounds", message_vi: vi, message_en: en };
}

const REFERENCE_ERRORS: Record<string, () => ServiceError> = {
  cases_executor_of_unit: executorNotInUnit,
  cases_transfer_target: badTransferTarget,
  cases_transfer_military_agency: badMilitaryAgency,
  cases_transfer_one_target: badMilitaryAgency,
  cases_transferred_to_agency_name: badMilitaryAgency,
  case_events_from_agency_name: () => ({
    code: "bad_entrusting_agency",
    field: "fromAgency",
    message_vi: `Cơ quan thi hành án cấp quân khu ủy thác: ghi tên từ ${AGENCY_NAME_MIN} đến ${AGENCY_NAME_MAX} ký tự, chỉ khi việc được nhận ủy thác.`,
    message_en: `Entrusting military-region agency: a name of ${AGENCY_NAME_MIN} to ${AGENCY_NAME_MAX} characters, only for a case received by transfer.`,
  }),
  case_events_entrusting_decision: () => ({
    code: "bad_entrusting_decision",
    field: "entrustingDecisionOn",
    message_vi: `Quyết định ủy thác: ghi số (tối đa ${ENTRUSTING_DECISION_NUMBER_MAX} ký tự) và ngày, không sau ngày thụ lý, cùng tên cơ quan ủy thác.`,
    message_en: `Entrusting decision: its number (up to ${ENTRUSTING_DECISION_NUMBER_MAX} characters) and date, not after the acceptance, with the entrusting agency.`,
  }),
  cases_office_assignment_target: badOffice,
  cases_office_assignment_held_by_bureau: badOffice,
  cases_unit_by_ledger: badOffice,
  steering_directives_addressee_scope: () => ({
    code: "addressee_out_of_scope",
    field: "addresseeUserId",
    message_vi: "Nơi nhận ý kiến chỉ đạo: phải là đơn vị hoặc cán bộ THADS thuộc phạm vi của Ban Chỉ đạo.",
    message_en: "Addressee: must be a bureau or enforcement staff within the committee's scope.",
  }),
};

/** A unique key another office of the province already holds (rows this user cannot see). */
function uniqueViolation(constraint: string | undefined): ServiceError {
  if (constraint === "cases_number_unique") {
    return {
      code: "duplicate_number",
      field: "caseNumber",
      message_vi: "Số thụ lý / số quyết định: đã được một đơn vị khác trong tỉnh sử dụng.",
      message_en: "Case number: already used by another office of the province.",
    };
  }
  return {
    code: "duplicate",
    message_vi: "Dữ liệu trùng với hồ sơ đã có trong tỉnh. Vui lòng kiểm tra lại số hiệu.",
    message_en: "This duplicates a record already in the province. Please check the numbers.",
  };
}
