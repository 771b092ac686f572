import { useLoaderData } from "react-router";
import { formatDateVi, formatDong } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { steeringMessages } from "./messages.ts";
import type { loader } from "./watchlist.tsx";
import { StepForm, WrappingField, inputCls, reasonLabel } from "./steering-ui.tsx";

/** The bureaus' proposals awaiting the committee, each with its accept and decline forms. */
export function WatchlistProposals() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(steeringMessages);
  return (
    <Section title={m("watch.proposals")}>
      <ul className="space-y-3">
        {d.proposals.map((p) => (
          <li
            key={p.id}
            className="rounded-lg border border-amber-300 bg-amber-50 p-3"
            data-testid="proposal"
            data-case-number={p.case_number}
          >
            <p className="font-semibold">
              {p.case_number} · {p.debtor_name} · {p.province_name}
            </p>
            <p className="text-sm">
              {reasonLabel(p.reason, lang)} · {formatDong(p.money_due)} · {m("common.proposedOn")} {formatDateVi(p.proposed_on)}
            </p>
            <p className="mt-1 text-sm">{p.note}</p>
            <div className="mt-2 flex flex-wrap gap-4">
              <StepForm intent="steering_decide" target={p.id} submit={m("watch.accept")} className="flex items-end gap-2">
                <input type="hidden" name="flagId" value={p.id} />
                <input type="hidden" name="expectedVersion" value={p.version} />
                <input type="hidden" name="action" value="accept" />
              </StepForm>
              <StepForm intent="steering_decide" target={p.id} submit={m("watch.decline")} className="flex items-end gap-2">
                <input type="hidden" name="flagId" value={p.id} />
                <input type="hidden" name="expectedVersion" value={p.version} />
                <input type="hidden" name="action" value="decline" />
                <WrappingField label={m("watch.declineReason")}>
                  <input name="note" className={inputCls} />
                </WrappingField>
              </StepForm>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
