import type { TxSql } from "@thads/db";
import type { CaseEffect, LetterKind, LetterStatus, ResolutionOutcome } from "@thads/domain";
import { isUuid } from "../shared/input.ts";

/** A letter about a case, as the case's timeline shows it. */
export interface CaseLetter {
  id: string;
  tracking_code: string;
  kind: LetterKind | null;
  status: LetterStatus;
  summary: string;
  received_on: string;
  /** When it must be resolved (once accepted), for a reader following it. */
  resolve_due_on: string | null;
  resolved_on: string | null;
  outcome: ResolutionOutcome | null;
  decision_no: string | null;
  case_effect: CaseEffect;
  case_effect_note: string | null;
}

/**
 * The complaint and denunciation letters that name a case, oldest first, as far as the caller may
 * read them (row-level security: a denunciation never reaches the person denounced). A resolution
 * that annulled or redid a step of the case says so.
 */
export async function caseLetters(tx: TxSql, caseId: string): Promise<CaseLetter[]> {
  if (!isUuid(caseId)) return [];
  return tx<CaseLetter[]>`
    select l.id, l.tracking_code, l.kind, l.status, l.summary, to_char(l.received_on, 'YYYY-MM-DD') as received_on,
           to_char(l.resolve_due_on, 'YYYY-MM-DD') as resolve_due_on, to_char(l.resolved_on, 'YYYY-MM-DD') as resolved_on, l.outcome, l.decision_no, l.case_effect, l.case_effect_note
      from public.complaint_letters l
     where l.case_ids @> array[${caseId}::uuid] and l.duplicate_of is null
     order by l.received_on, l.id
     limit 50`;
}

/** The letter registered from a desk request, if any (a request becomes one letter only). */
export async function letterForRequest(tx: TxSql, requestId: string): Promise<{ id: string; tracking_code: string } | null> {
  if (!isUuid(requestId)) return null;
  const [l] = await tx<{ id: string; tracking_code: string }[]>`
    select id, tracking_code from public.complaint_letters where request_id = ${requestId}`;
  return l ?? null;
}
