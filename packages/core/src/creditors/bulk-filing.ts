import type { TxSql } from "@thads/db";
import { newTrackingCode } from "@thads/domain";
import { insertRequest, type RequestAttachment } from "../requests/submit.ts";
import type { RequestFormInput } from "../requests/schema.ts";

/*
 * A creditor's bulk filing, written in one transaction under its claims: every row's enforcement
 * request and its judgment's copy, all or none. A judgment the account filed before (the same
 * office, court, number and date, in any of its requests not refused) is not filed again; its first
 * code is reported instead. The account's own requests decide it, never an idempotency key: keys
 * are random, so no one else can take a judgment's key first and block its filing. Two filings of
 * the same account run one after the other (a transaction lock), so a double submit files once.
 */

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

/** A judgment's court, number or date as compared: without case, spacing or Unicode form. */
export const normalizeJudgmentText = (v: unknown) =>
  String(v ?? "")
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
const norm = normalizeJudgmentText;
/** With the office, one judgment's request. */
const judgmentOf = (unitId: string, d: { judgmentCourt?: unknown; judgmentNumber?: unknown; judgmentDate?: unknown }) =>
  [unitId, norm(d.judgmentCourt), norm(d.judgmentNumber), norm(d.judgmentDate)].join("\u001f");

/** Files every row not filed before. Throws the database's error (nothing written) when any insert fails. */
export async function fileBulk(tx: TxSql, accountId: string, filings: readonly BulkFiling[]): Promise<BulkFiled[]> {
  await tx`select pg_advisory_xact_lock(hashtext(${`bulk_filing:${accountId}`}))`;
  const numbers = [...new Set(filings.map((f) => norm(f.input.judgmentNumber)))];
  // The account's own earlier requests for these judgments (row security shows no one else's).
  const earlier = new Map<string, string>();
  for (const r of await tx<{ unit_id: string; details: Record<string, unknown>; tracking_code: string }[]>`
      select unit_id, details, tracking_code from public.service_requests
       where requester_id = ${accountId} and kind = 'enforcement_request' and status <> 'rejected'
         and regexp_replace(lower(normalize(btrim(details->>'judgmentNumber'), NFC)), '[[:space:]]+', ' ', 'g') = any(${numbers}::text[])
       order by submitted_at, tracking_code`) {
    const judgment = judgmentOf(r.unit_id, r.details);
    if (!earlier.has(judgment)) earlier.set(judgment, r.tracking_code);
  }
  const out: BulkFiled[] = [];
  for (const f of filings) {
    const judgment = judgmentOf(f.input.unitId, f.input as Record<string, unknown>);
    const before = earlier.get(judgment);
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
    earlier.set(judgment, code);
    out.push({ line: f.line, trackingCode: code, before: false });
  }
  return out;
}
