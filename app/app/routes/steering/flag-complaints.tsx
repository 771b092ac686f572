import type { CaseLetter } from "@thads/core/complaints";
import { formatDateVi, formatTrackingCode } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "../complaints/messages.ts";
import { steeringMessages } from "./messages.ts";

/** The complaints and denunciations about a flagged case: what each is about, where it stands, when it is due or how it ended. */
export type FlagLetter = Pick<
  CaseLetter,
  "id" | "tracking_code" | "kind" | "status" | "summary" | "received_on" | "resolve_due_on" | "resolved_on" | "outcome"
>;

export function FlagComplaints({ letters }: { letters: readonly FlagLetter[] }) {
  const lang = useLang();
  const m = useMessages(steeringMessages);
  return (
    <Section title={m("flag.complaints")}>
      {letters.length === 0 ? (
        <p className="text-slate-600" data-testid="flag-no-complaints">
          {m("flag.noComplaints")}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="flag-complaints">
          {letters.map((l) => (
            <li key={l.id} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="flag-complaint">
              <span className="font-mono">{formatTrackingCode(l.tracking_code)}</span> ·{" "}
              <strong>{l.kind ? KIND_LABELS[l.kind][lang] : STATUS_LABELS.received[lang]}</strong> · {STATUS_LABELS[l.status][lang]}
              <p className="mt-1">{l.summary}</p>
              <p className="mt-1 text-slate-600">
                {m("flag.complaintReceived", { date: formatDateVi(l.received_on) })}
                {l.resolved_on && l.outcome
                  ? ` · ${m("flag.complaintResolved", { date: formatDateVi(l.resolved_on), outcome: OUTCOME_LABELS[l.outcome][lang] })}`
                  : l.resolve_due_on
                    ? ` · ${m("flag.complaintDue", { date: formatDateVi(l.resolve_due_on) })}`
                    : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
