import type { TxSql } from "@thads/db";
import type { LetterKind, LetterStatus, ResolutionOutcome } from "@thads/domain";

/** A complaint or denunciation letter as its sender follows it from the account. */
export interface MyComplaintLetter {
  tracking_code: string;
  unit_name: string;
  received_on: string;
  kind: LetterKind | null;
  status: LetterStatus;
  summary: string;
  accept_due_on: string | null;
  resolve_due_on: string | null;
  resolved_on: string | null;
  outcome: ResolutionOutcome | null;
  decision_no: string | null;
}

/**
 * The signed-in creditor's own letters: sent with one of its linked numbers, or registered from a
 * request it filed (public.creditor_complaint_letters, migration 20261212000300): code, office,
 * kind, status, dates and outcome, newest first.
 */
export function myComplaintLetters(tx: TxSql) {
  return tx<MyComplaintLetter[]>`
    select tracking_code, unit_name, to_char(received_on, 'YYYY-MM-DD') as received_on, kind, status, summary,
           to_char(accept_due_on, 'YYYY-MM-DD') as accept_due_on, to_char(resolve_due_on, 'YYYY-MM-DD') as resolve_due_on,
           to_char(resolved_on, 'YYYY-MM-DD') as resolved_on, outcome, decision_no
      from public.creditor_complaint_letters()`;
}
