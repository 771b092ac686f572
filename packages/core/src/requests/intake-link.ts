import type { TxSql } from "@thads/db";
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
