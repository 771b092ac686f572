import type { TxSql } from "@thads/db";
import { normalizeTrackingCode } from "@thads/domain";

/** What a result-confirmation request closed with a result says, for its confirmation document. */
export interface ResultConfirmation {
  tracking_code: string;
  province_name: string;
  unit_name: string;
  requester_name: string;
  requester_id_number: string | null;
  requester_address: string | null;
  case_reference: string | null;
  content: string | null;
  submitted_on: string;
  closed_on: string;
  result_note: string;
}

/**
 * A result-confirmation request the desk closed with its result ("returned"), by its tracking code,
 * as far as the caller may read it (row security: the account that filed it, the desk of its
 * office and province). Null for anything else: another kind, not closed, rejected, not the
 * caller's, or a request someone else filed with the caller's number.
 */
export async function resultConfirmation(tx: TxSql, code: string): Promise<ResultConfirmation | null> {
  const normalized = normalizeTrackingCode(code);
  if (!normalized) return null;
  const [r] = await tx<ResultConfirmation[]>`
    select r.tracking_code, p.name as province_name, u.name as unit_name, r.requester_name, r.requester_id_number,
           r.requester_address, r.details ->> 'caseReference' as case_reference, r.details ->> 'content' as content,
           to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on, to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, r.result_note
      from public.service_requests r
      join public.units u on u.id = r.unit_id
      join public.units p on p.id = r.province_id
     where r.tracking_code = ${normalized} and r.kind = 'result_confirmation' and r.status = 'returned' and r.result_note is not null`;
  return r ?? null;
}
