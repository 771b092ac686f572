import type { TxSql } from "@thads/db";

/*
 * What a filing through the API is checked against, under the account's claims: the office it is
 * sent to takes requests (requestOffices, any province), and the requester's number is one the account is linked to (an organisation files its own requests,
 * never in another's name).
 */

/** The ID numbers and tax codes the signed-in account is linked to (standing links only). */
export async function linkedNumbers(tx: TxSql): Promise<string[]> {
  const rows = await tx<{ id_number: string }[]>`
    select id_number from public.creditor_links where account_id = (select auth.uid()) and revoked_at is null`;
  return rows.map((r) => r.id_number);
}

/**
 * Whether the request the account filed under this code is the one described again (same procedure,
 * office and content): a retry. Another request under a reused key is not.
 */
export async function sameFiling(
  tx: TxSql,
  trackingCode: string,
  again: { kind: string; unitId: string; content: string },
): Promise<boolean> {
  const [r] = await tx<{ same: boolean }[]>`
    select kind::text = ${again.kind} and unit_id = ${again.unitId} and details ->> 'content' = ${again.content} as same
      from public.service_requests where tracking_code = ${trackingCode} and requester_id = (select auth.uid())`;
  return r?.same ?? false;
}
