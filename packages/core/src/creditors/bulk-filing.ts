import type { TxSql } from "@thads/db";
import { newTrackingCode } from "@thads/domain";
import { insertRequest, type RequestAttachment } from "../requests/submit.ts";
import type { RequestFormInput } from "../requests/schema.ts";

/*
 * A creditor's bulk filing, written in one transaction under its claims: every row's enforcement
 * request and its judgment's copy, all or none. A judgment the account filed before (same
 * idempotency key: see filingKey in @thads/case-import) is not filed again; its first code is
 * reported instead.
 */

/** The offices that take requests, by their code (upper case) → unit id, for the codes asked. */
export async function requestUnitsByCode(tx: TxSql, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z0-9-]{1,40}$/.test(c)))];
  if (wanted.length === 0) return new Map();
  const rows = await tx<{ code: string; id: string }[]>`
    select code, id from public.units
     where upper(code) = any(${wanted}::text[]) and kind in ('province', 'subunit') and dissolved_on is null`;
  return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
}

export interface BulkFiling {
  line: number;
  input: RequestFormInput;
  files: RequestAttachment[];
}

export interface BulkFiled {
  line: number;
  trackingCode: string;
  /** Filed before (the same judgment from the same account): nothing new written. */
  before: boolean;
}

/** Files every row not filed before. Throws the database's error (nothing written) when any insert fails. */
export async function fileBulk(tx: TxSql, accountId: string, filings: readonly BulkFiling[]): Promise<BulkFiled[]> {
  const keys = filings.map((f) => f.input.idempotencyKey);
  // The account's own earlier filings (row security shows no one else's).
  const earlier = new Map(
    (
      await tx<{ idempotency_key: string; tracking_code: string }[]>`
        select idempotency_key, tracking_code from public.service_requests
         where idempotency_key = any(${keys}::uuid[]) and requester_id = ${accountId}`
    ).map((r) => [r.idempotency_key, r.tracking_code]),
  );
  const out: BulkFiled[] = [];
  for (const f of filings) {
    const before = earlier.get(f.input.idempotencyKey);
    if (before) {
      out.push({ line: f.line, trackingCode: before, before: true });
      continue;
    }
    const code = newTrackingCode();
    await insertRequest(tx, {
      id: crypto.randomUUID(),
      code,
      kind: "enforcement_request",
      channel: "online",
      requesterId: accountId,
      input: f.input,
      files: f.files,
    });
    out.push({ line: f.line, trackingCode: code, before: false });
  }
  return out;
}
