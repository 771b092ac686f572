import { useLoaderData } from "react-router";
import { formatDateVi } from "@thads/domain/labels";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import type { loader } from "./flag.tsx";
import { steeringMessages } from "./messages.ts";
import { ForceRows, WrappingField, StepForm, forcesText, inputCls, label, useFieldError } from "./steering-ui.tsx";

/** A flagged case's coercion operations: the committee approves or rejects a plan, the bureau records the result or submits a plan. */
export function FlagCoercion() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(steeringMessages);
  const f = d.flag;
  const opErr = useFieldError("steering_coercion_plan");
  return (
    <Section title={m("coercion.title")}>
      <ul className="space-y-3">
        {d.ops.map((o) => (
          <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="coercion-op">
            <p className="font-semibold">
              {formatDateVi(o.planned_on)} · {o.place} · <span data-testid="coercion-status">{label(m, "coercionStatus", o.status)}</span>
            </p>
            <p className="text-sm">{o.plan}</p>
            <p className="text-sm text-slate-700">{forcesText(o.forces, lang)}</p>
            {o.decision_note ? (
              <p className="text-sm">
                {m("coercion.committee")}: {o.decision_note}
              </p>
            ) : null}
            {o.result ? (
              <p className="text-sm">
                {m("coercion.result")} ({formatDateVi(o.executed_on!)}): {o.result}
              </p>
            ) : null}
            <div className="mt-2 flex flex-wrap gap-3">
              {o.is_member && o.status === "planned" ? (
                <>
                  <StepForm intent="steering_coercion_decide" target={o.id} submit={m("coercion.approve")} className="flex items-end gap-2">
                    <input type="hidden" name="opId" value={o.id} />
                    <input type="hidden" name="expectedVersion" value={o.version} />
                    <input type="hidden" name="action" value="approve" />
                  </StepForm>
                  <StepForm intent="steering_coercion_decide" target={o.id} submit={m("coercion.reject")} className="flex items-end gap-2">
                    <input type="hidden" name="opId" value={o.id} />
                    <input type="hidden" name="expectedVersion" value={o.version} />
                    <input type="hidden" name="action" value="reject" />
                    <WrappingField label={m("common.reason")}>
                      <input name="note" className={inputCls} />
                    </WrappingField>
                  </StepForm>
                </>
              ) : null}
              {d.bureau && o.status === "approved" ? (
                <StepForm
                  intent="steering_coercion_decide"
                  target={o.id}
                  submit={m("coercion.record")}
                  className="flex flex-wrap items-end gap-2"
                >
                  <input type="hidden" name="opId" value={o.id} />
                  <input type="hidden" name="expectedVersion" value={o.version} />
                  <input type="hidden" name="action" value="record_result" />
                  <WrappingField label={m("coercion.executedOn")}>
                    <input name="executedOn" defaultValue={formatDateVi(d.today)} className={inputCls} />
                  </WrappingField>
                  <WrappingField label={m("coercion.result")}>
                    <input name="result" className={inputCls} />
                  </WrappingField>
                </StepForm>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {d.bureau && f.status === "accepted" ? (
        <details
          className="mt-4 rounded-lg border border-slate-200 bg-white p-3"
          open={Boolean(opErr("place") || opErr("plan") || opErr("forces") || opErr("plannedOn"))}
        >
          <summary className="cursor-pointer font-semibold">{m("coercion.plan.open")}</summary>
          <StepForm
            intent="steering_coercion_plan"
            submit={m("coercion.plan.submit")}
            className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2"
          >
            <input type="hidden" name="idempotencyKey" value={d.keys.coercion} />
            <input type="hidden" name="caseId" value={f.case_id} />
            <input type="hidden" name="committeeId" value={f.committee_id} />
            <WrappingField label={m("coercion.plan.plannedOn")} error={opErr("plannedOn")}>
              <input name="plannedOn" className={inputCls} placeholder="dd/mm/yyyy" />
            </WrappingField>
            <WrappingField label={m("coercion.plan.place")} error={opErr("place")}>
              <input name="place" className={inputCls} />
            </WrappingField>
            <div className="col-span-full">
              <WrappingField label={m("coercion.plan.plan")} error={opErr("plan")}>
                <textarea name="plan" rows={2} className={inputCls} />
              </WrappingField>
            </div>
            <ForceRows lang={lang} />
            {opErr("forces") ? (
              <p role="alert" className="col-span-full text-sm text-red-700">
                {opErr("forces")}
              </p>
            ) : null}
          </StepForm>
        </details>
      ) : null}
    </Section>
  );
}
