import type { LetterKind, LetterStatus, ResolutionOutcome } from "@thads/domain";
import { formatDateVi, formatTrackingCode } from "@thads/domain/labels";
import { useLang, useMessages } from "../../i18n.ts";
import { complaintMessages, KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "./messages.ts";

/** A letter as someone following it sees it: no sender, no content, no handler. */
export interface FollowedLetter {
  tracking_code: string;
  kind: LetterKind | null;
  status: LetterStatus;
  summary: string;
  received_on: string;
  resolve_due_on: string | null;
  resolved_on: string | null;
  outcome: ResolutionOutcome | null;
  unit_name?: string;
  accept_due_on?: string | null;
  decision_no?: string | null;
}

/**
 * Letters followed from outside their handling (a steering committee, the sender's own account):
 * code, office, kind and status, the summary, when received, and when due or how it ended.
 */
export function FollowedLetters({ letters, itemTestId }: { letters: readonly FollowedLetter[]; itemTestId: string }) {
  const lang = useLang();
  const m = useMessages(complaintMessages);
  const when = (l: FollowedLetter) =>
    l.resolved_on && l.outcome
      ? ` · ${m("follow.resolved", { date: formatDateVi(l.resolved_on), outcome: OUTCOME_LABELS[l.outcome][lang] })}${l.decision_no ? ` (${l.decision_no})` : ""}`
      : l.resolve_due_on
        ? ` · ${m("follow.resolveDue", { date: formatDateVi(l.resolve_due_on) })}`
        : l.accept_due_on
          ? ` · ${m("follow.acceptDue", { date: formatDateVi(l.accept_due_on) })}`
          : "";
  return (
    <ul className="space-y-2">
      {letters.map((l) => (
        <li key={l.tracking_code} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid={itemTestId}>
          <span className="font-mono">{formatTrackingCode(l.tracking_code)}</span>
          {l.unit_name ? ` · ${l.unit_name}` : ""} · {l.kind ? KIND_LABELS[l.kind][lang] : STATUS_LABELS.received[lang]} ·{" "}
          <strong>{STATUS_LABELS[l.status][lang]}</strong>
          <p className="mt-1">{l.summary}</p>
          <p className="mt-1 text-slate-600">
            {m("follow.received", { date: formatDateVi(l.received_on) })}
            {when(l)}
          </p>
        </li>
      ))}
    </ul>
  );
}
