import type { MyComplaintLetter } from "@thads/core/creditors";
import { Section } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { FollowedLetters } from "../complaints/followed-letters.tsx";
import { creditorMessages } from "./messages.ts";

/** The account's own complaint and denunciation letters: where each stands, when it is due, how it ended. */
export function MyLetters({ letters }: { letters: readonly MyComplaintLetter[] }) {
  const m = useMessages(creditorMessages);
  return (
    <Section title={m("letters.title")}>
      {letters.length === 0 ? (
        <p className="text-slate-600" data-testid="my-letters-empty">
          {m("letters.empty")}
        </p>
      ) : (
        <FollowedLetters letters={letters} itemTestId="my-letter" />
      )}
    </Section>
  );
}
