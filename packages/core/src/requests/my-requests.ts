import type { TxSql } from "@thads/db";
import type { RequestKind, RequestStatus } from "@thads/domain";

/**
 * A signed-in creditor's own requests: those it filed signed in, and, once its account is linked to
 * an ID number or tax code, those filed with that number on the public pages too (RLS reads no other).
 * A request someone else filed with the number (`own` false) comes with its name, code, status and
 * dates only: never the filer's contact details, nor the result sent to the filer.
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
    select r.tracking_code, r.kind, r.status, u.name as unit_name, to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on,
           to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, r.requester_name,
           coalesce(r.requester_id = (select auth.uid()), false) as own,
           case when r.requester_id = (select auth.uid()) then r.result_note end as result_note
    from public.service_requests r join public.units u on u.id = r.unit_id
    where r.requester_id = (select auth.uid())
       or r.requester_id_number = any ((select app_private.creditor_id_numbers())::text[])
    order by r.submitted_at desc limit 100`;
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
