import { Link } from "react-router";
import type { CaseLetter } from "@thads/core/complaints";
import { formatDateVi, formatTrackingCode } from "@thads/domain/labels";
import { useLang, useMessages } from "../../i18n.ts";
import { complaintMessages, KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "./messages.ts";

/**
 * The complaint and denunciation letters about a case on its timeline: the day each was received,
 * and the day it was resolved with its outcome and, where the decision annulled or redid a step,
 * which one.
 */
export function ComplaintTimelineItems({ letters }: { letters: readonly CaseLetter[] }) {
  const lang = useLang();
  const m = useMessages(complaintMessages);
  // Whoever reads the letter here (row-level security) may open it.
  const code = (l: CaseLetter) => (
    <Link to={`/complaints/${l.id}`} className="text-brand-700 underline">
      {formatTrackingCode(l.tracking_code)}
    </Link>
  );
  return (
    <>
      {letters.flatMap((l) => {
        const kind = l.kind ? KIND_LABELS[l.kind][lang] : STATUS_LABELS.received[lang];
        const items = [
          <li key={`${l.id}-received`} data-kind="complaint_received" data-testid="timeline-letter">
            <span className="font-semibold">{formatDateVi(l.received_on)}</span> · {m("case.received")} · {kind} {code(l)}
            <span className="text-slate-600"> · {l.summary}</span>
          </li>,
        ];
        if (l.resolved_on && l.outcome) {
          items.push(
            <li key={`${l.id}-resolved`} data-kind="complaint_resolved" data-testid="timeline-letter-resolved">
              <span className="font-semibold">{formatDateVi(l.resolved_on)}</span> · {m("case.resolved")} {code(l)} ·{" "}
              {OUTCOME_LABELS[l.outcome][lang]}
              {l.decision_no ? ` · ${m("case.decision")} ${l.decision_no}` : ""}
              {l.case_effect !== "none" ? (
                <p className="text-sm font-medium text-red-800" data-testid="timeline-case-effect">
                  {m(`case.${l.case_effect}`)}
                  {l.case_effect_note ? `: ${l.case_effect_note}` : ""}
                </p>
              ) : null}
            </li>,
          );
        }
        return items;
      })}
    </>
  );
}
