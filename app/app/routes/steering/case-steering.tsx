import { Link } from "react-router";
import type { Role } from "@thads/domain";
import { formatDateVi } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useMessages, type Lang } from "../../i18n.ts";
import { steeringMessages } from "./messages.ts";
import type { loadCaseSteering } from "@thads/core/steering";
import { ReasonSelect, WrappingField, StepForm, forcesText, inputCls, label, reasonLabel, useFieldError } from "./steering-ui.tsx";

type CaseSteering = Awaited<ReturnType<typeof loadCaseSteering>>;

const PROPOSERS: readonly Role[] = ["province_head", "province_staff", "subunit_head"];

/** On the case page: the case's place on steering committees' lists, and the bureau's proposal form. */
export function CaseSteeringPanel({
  caseId,
  data,
  roles,
  readOnly,
  idempotencyKey,
  lang,
}: {
  caseId: string;
  data: CaseSteering;
  roles: readonly Role[];
  readOnly: boolean;
  idempotencyKey: string;
  lang: Lang;
}) {
  const m = useMessages(steeringMessages);
  const err = useFieldError("steering_propose");
  const open = new Set(data.flags.filter((f) => f.status === "proposed" || f.status === "accepted").map((f) => f.committee_name));
  const committees = data.committees.filter((c) => !open.has(c.name));
  const mayPropose = !readOnly && roles.some((r) => PROPOSERS.includes(r)) && committees.length > 0;
  if (data.flags.length === 0 && !mayPropose) return null;
  return (
    <Section title={m("case.title")}>
      {data.flags.length > 0 ? (
        <ul className="mb-3 space-y-1 text-sm" data-testid="case-flags">
          {data.flags.map((f) => (
            <li key={f.id} data-status={f.status}>
              <Link className="text-blue-800 underline" to={`/steering/flags/${f.id}`}>
                {f.committee_name}
              </Link>
              {" · "}
              {label(m, "flagStatus", f.status)} · {reasonLabel(f.reason, lang)} · {m("common.proposedOn")} {formatDateVi(f.proposed_on)}
              {f.removed_reason ? ` · ${f.removed_reason}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {mayPropose ? (
        <details
          className="rounded-lg border border-slate-200 bg-white p-3"
          open={Boolean(err("committeeId") || err("reason") || err("note") || err("caseId"))}
          data-testid="propose-flag"
        >
          <summary className="cursor-pointer font-semibold">{m("case.propose")}</summary>
          <StepForm intent="steering_propose" submit={m("case.proposeSubmit")} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <input type="hidden" name="caseId" value={caseId} />
            <WrappingField label={m("common.committee")} error={err("committeeId")}>
              <select name="committeeId" className={inputCls} defaultValue={committees.length === 1 ? committees[0]!.id : ""}>
                <option value="">{m("common.choose")}</option>
                {committees.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </WrappingField>
            <WrappingField label={m("common.reason")} error={err("reason")}>
              <ReasonSelect lang={lang} />
            </WrappingField>
            <WrappingField label={m("case.note")} error={err("note")}>
              <input name="note" className={inputCls} />
            </WrappingField>
          </StepForm>
        </details>
      ) : null}
    </Section>
  );
}

/** Coercion operations as entries of the case timeline. */
export function CoercionTimelineItems({ ops, lang }: { ops: CaseSteering["ops"]; lang: Lang }) {
  const m = useMessages(steeringMessages);
  return (
    <>
      {ops.map((o) => (
        <li key={o.id} data-kind="coercion_operation">
          <span className="font-semibold">{formatDateVi(o.executed_on ?? o.planned_on)}</span> · {m("coercion.timeline")}
          {" · "}
          {label(m, "coercionStatus", o.status)} · {o.place}
          <span className="text-slate-600">
            {" "}
            · {forcesText(o.forces, lang)}
            {o.result ? ` · ${o.result}` : ""}
          </span>
        </li>
      ))}
    </>
  );
}
