import type { TxSql } from "@thads/db";
import { todayInVietnam } from "@thads/domain";
import { intakeCase } from "../cases/intake.ts";
import type { IntakeInput } from "../cases/intake-schema.ts";
import type { Actor } from "../cases/service.ts";
import type { ServiceError, ServiceResult } from "../shared/errors.ts";
import { isUuid } from "../shared/input.ts";
import { requestDetail } from "./request-detail.ts";

/*
 * An enforcement request turned into a case.
 */

/** Intake form values prefilled from an enforcement request the user may handle. */
export async function intakePrefill(tx: TxSql, requestId: string): Promise<Record<string, string> | null> {
  const r = await requestDetail(tx, requestId);
  if (r?.kind !== "enforcement_request" || r.case_id) return null;
  const d = r.details;
  const date = typeof d.judgmentDate === "string" ? d.judgmentDate : "";
  const vi = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : "";
  return {
    fromRequest: r.id,
    unitId: r.unit_id,
    source: "creditor_request",
    decisionKind: "on_request",
    "judgment.courtName": String(d.judgmentCourt ?? ""),
    "judgment.number": String(d.judgmentNumber ?? ""),
    "judgment.date": vi,
    requestedOn: r.submitted_on ? `${r.submitted_on.slice(8, 10)}/${r.submitted_on.slice(5, 7)}/${r.submitted_on.slice(0, 4)}` : "",
    "creditor.fullName": r.requester_name,
    "creditor.idNumber": r.requester_id_number ?? "",
    "creditor.address": r.requester_address ?? "",
    "debtor.fullName": String(d.debtorName ?? ""),
    "debtor.address": String(d.debtorAddress ?? ""),
  };
}

/**
 * Links the new case to the request, in the intake's own transaction, and moves a received
 * request on to processing. Returns false when the request cannot be linked (then the intake
 * is rolled back too).
 */
export async function linkRequestToCase(tx: TxSql, requestId: string, caseId: string): Promise<boolean> {
  if (!isUuid(requestId)) return false;
  const rows = await tx`
    update public.service_requests
    set case_id = ${caseId}, version = version + 1,
        status = case when status = 'received' then 'processing'::public.request_status else status end
    where id = ${requestId} and kind = 'enforcement_request' and case_id is null and status in ('received', 'processing')
    returning id`;
  return rows.length === 1;
}

const notLinkable = (): ServiceError => ({
  code: "request_not_linkable",
  message_vi: "Yêu cầu thi hành án này đã được thụ lý hoặc không còn ở trạng thái tiếp nhận/đang giải quyết.",
  message_en: "This request was already taken in or is no longer open.",
});

/**
 * Takes a case in from the intake form and, when it comes from an enforcement request of the
 * one-stop desk, links the request to it, in the caller's transaction (run it in asUserStep: a
 * refusal rolls everything back). The request's filing date is the request date the limitation
 * period is judged on, whatever the form says, and the creditor party gets the requester's ID
 * number when the form gives none; a request that can no longer be linked refuses the intake.
 */
export async function intakeFromRequest(
  tx: TxSql,
  input: IntakeInput,
  actor: Actor,
  requestId: string | null,
  today: string = todayInVietnam(),
): Promise<ServiceResult<{ caseId: string; duplicate: boolean }>> {
  if (!requestId) return intakeCase(tx, input, actor, today);
  if (!isUuid(requestId)) return { ok: false, error: notLinkable() };
  // A creditor's request filed here is not a case entrusted by another agency: its limitation is judged here.
  if (input.source === "transfer_in") {
    return {
      ok: false,
      error: {
        code: "request_not_entrusted",
        field: "source",
        message_vi: "Nguồn thụ lý: việc thụ lý từ đơn yêu cầu nộp tại bộ phận một cửa là đơn yêu cầu, không phải nhận ủy thác.",
        message_en: "Source: a case taken in from a request filed at the one-stop desk is a creditor's request, not an entrusted case.",
      },
    };
  }
  const [req] = await tx<{ submitted_on: string; requester_id_number: string | null }[]>`
    select to_char(submitted_on, 'YYYY-MM-DD') as submitted_on, requester_id_number from public.service_requests
    where id = ${requestId} and kind = 'enforcement_request'`;
  if (!req) return { ok: false, error: notLinkable() };
  // The creditor party carries the requester's ID number or tax code when the form left it blank:
  // it is what links the case to the requester's account (app_private.creditor_case_ids).
  const creditor = { ...input.creditor, idNumber: input.creditor.idNumber ?? req.requester_id_number };
  const r = await intakeCase(tx, { ...input, creditor, requestedOn: req.submitted_on }, actor, today);
  if (r.ok && !r.duplicate && !(await linkRequestToCase(tx, requestId, r.caseId))) return { ok: false, error: notLinkable() };
  return r;
}
