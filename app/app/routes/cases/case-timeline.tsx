import { useLoaderData } from "react-router";
import { formatDateVi } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { ComplaintTimelineItems } from "../complaints/case-letters.tsx";
import { CoercionTimelineItems } from "../steering/case-steering.tsx";
import type { loader } from "./case.tsx";
import type { Described } from "./event-facts.ts";
import { casesMessages } from "./messages.ts";

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["timeline"][number];

/** The case's steps in order, each with its own facts, then its coercion operations and the letters about it. */
export function CaseTimeline({ timeline }: { timeline: readonly { entry: Entry; described: Described }[] }) {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  if (timeline.length === 0 && d.steering.ops.length === 0 && d.letters.length === 0) {
    return (
      <Section title={m("timeline.title")}>
        <p className="text-slate-600" data-testid="none-timeline">
          {m("none.timeline")}
        </p>
      </Section>
    );
  }
  return (
    <Section title={m("timeline.title")}>
      <ol className="space-y-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
        {timeline.map(({ entry: e, described }) => (
          <li key={e.id} data-kind={e.kind}>
            <span className="font-semibold">{formatDateVi(e.effectiveDate)}</span> ·{" "}
            <span data-testid="timeline-step">{described.label}</span>
            {e.actor ? <span className="text-slate-600"> · {e.actor}</span> : null}
            {described.facts.length > 0 ? (
              <p className="text-sm text-slate-700" data-testid="timeline-facts">
                {described.facts.map((f, i) => (
                  <span key={i}>
                    {i > 0 ? " · " : null}
                    {f.label ? `${f.label}: ` : null}
                    <span className="font-medium">{f.value}</span>
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
        <CoercionTimelineItems ops={d.steering.ops} lang={lang} />
        <ComplaintTimelineItems letters={d.letters} />
      </ol>
    </Section>
  );
}
