import type { MyComplaintLetter } from "@thads/core/creditors";
import { formatDateVi, formatTrackingCode } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "../complaints/messages.ts";
import { creditorMessages } from "./messages.ts";

/** The account's own complaint and denunciation letters: where each stands, when it is due, how it ended. */
export function MyLetters({ letters }: { letters: readonly MyComplaintLetter[] }) {
  const lang = useLang();
  const m = useMessages(creditorMessages);
  return (
    <Section title={m("letters.title")}>
      {letters.length === 0 ? (
        <p className="text-slate-600" data-testid="my-letters-empty">
          {m("letters.empty")}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="my-letters">
          {letters.map((l) => (
            <li key={l.tracking_code} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="my-letter">
              <span className="font-mono">{formatTrackingCode(l.tracking_code)}</span> · {l.unit_name} ·{" "}
              {l.kind ? KIND_LABELS[l.kind][lang] : STATUS_LABELS.received[lang]} · <strong>{STATUS_LABELS[l.status][lang]}</strong>
              <p className="mt-1">{l.summary}</p>
              <p className="mt-1 text-slate-600">
                {m("letters.received", { date: formatDateVi(l.received_on) })}
                {l.resolved_on && l.outcome
                  ? ` · ${m("letters.resolved", { date: formatDateVi(l.resolved_on), outcome: OUTCOME_LABELS[l.outcome][lang] })}${l.decision_no ? ` (${l.decision_no})` : ""}`
                  : l.resolve_due_on
                    ? ` · ${m("letters.resolveDue", { date: formatDateVi(l.resolve_due_on) })}`
                    : l.accept_due_on
                      ? ` · ${m("letters.acceptDue", { date: formatDateVi(l.accept_due_on) })}`
                      : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
