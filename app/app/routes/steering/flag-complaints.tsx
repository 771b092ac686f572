import { Section } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { FollowedLetters, type FollowedLetter } from "../complaints/followed-letters.tsx";
import { steeringMessages } from "./messages.ts";

/** The complaints and denunciations about a flagged case: what each is about, where it stands, when it is due or how it ended. */
export function FlagComplaints({ letters }: { letters: readonly FollowedLetter[] }) {
  const m = useMessages(steeringMessages);
  return (
    <Section title={m("flag.complaints")}>
      {letters.length === 0 ? (
        <p className="text-slate-600" data-testid="flag-no-complaints">
          {m("flag.noComplaints")}
        </p>
      ) : (
        <FollowedLetters letters={letters} itemTestId="flag-complaint" />
      )}
    </Section>
  );
}
