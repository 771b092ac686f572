import { useLoaderData } from "react-router";
import { formatDateVi } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { STEP_LABELS } from "../../labels.ts";
import { CoercionTimelineItems } from "../steering/case-steering.tsx";
import type { loader } from "./case.tsx";
import { labelOf } from "./label-of.ts";
import { casesMessages } from "./messages.ts";

/** The case's steps in order, with the coercion operations among them. */
export function CaseTimeline() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  return (
    <Section title={m("timeline.title")}>
      <ol className="space-y-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
        {d.timeline.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <span className="font-semibold">{formatDateVi(e.effectiveDate)}</span> · {labelOf(STEP_LABELS, e.kind, lang)}
            {e.actor ? <span className="text-slate-600"> · {e.actor}</span> : null}
            {typeof e.payload.reason === "string" ? <span className="text-slate-600"> · {e.payload.reason}</span> : null}
          </li>
        ))}
        <CoercionTimelineItems ops={d.steering.ops} lang={lang} />
      </ol>
    </Section>
  );
}
