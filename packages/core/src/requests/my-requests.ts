import type { TxSql } from "@thads/db";
import type { RequestKind, RequestStatus } from "@thads/domain";

/**
 * A signed-in creditor's own requests: those it filed signed in, and, once its account is linked to
 * an ID number or tax code, those filed with that number on the public pages or at the desk too.
 * A request someone else filed with the number (`own` false) comes with its name, code, status and
 * dates only: never the filer's contact details, nor the result sent to the filer. The database
 * gives no more (`public.creditor_requests`, migration 20261211000100): the table's row security
 * lets a creditor read only the requests it filed itself.
 */
export function myRequests(tx: TxSql) {
  return tx<
    {
      tracking_code: string;
      kind: RequestKind;
      status: RequestStatus;
      unit_name: string;
      submitted_on: string;
      closed_on: string | null;
      requester_name: string;
      own: boolean;
      result_note: string | null;
    }[]
  >`
    select r.tracking_code, r.kind, r.status, r.unit_name, to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on,
           to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, r.requester_name, r.own, r.result_note
    from public.creditor_requests() r`;
}

/** A creditor's home page: its profile, how many cases it is a party to, and its requests. */
export async function creditorHome(tx: TxSql, userId: string) {
  const [profile] = await tx<{ full_name: string; creditor_kind: string | null }[]>`
    select full_name, creditor_kind from public.profiles where id = ${userId}`;
  // Cases where a party linked to this account is a creditor are the ones RLS lets it read
  // (cases_select through app_private.creditor_case_ids).
  const [row] = await tx<{ n: bigint }[]>`select count(*) as n from public.cases`;
  // Requests filed while signed in (RLS: requester_id = the user).
  const requests = await myRequests(tx);
  return { fullName: profile?.full_name ?? null, creditorKind: profile?.creditor_kind ?? null, cases: Number(row?.n ?? 0n), requests };
}
