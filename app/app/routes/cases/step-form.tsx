import { useActionData, useLoaderData, useNavigation } from "react-router";
import type { StepKind, TRANSFER_TARGETS } from "@thads/core/cases/steps-schema";
import { AGENCY_NAME_MAX, COERCIVE_MEASURES, SECURITY_MEASURES, formatDateVi, formatDong } from "@thads/domain/labels";
import { AppForm, Field, FieldError, fieldProps } from "../../components/form.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { MEASURE_LABELS, PAYMENT_METHOD_LABELS, STEP_LABELS } from "../../labels.ts";
import type { CaseActionData, loader } from "./case.tsx";
import { labelOf } from "./label-of.ts";
import { casesMessages } from "./messages.ts";

const control = "w-full rounded border border-slate-300 px-2 py-1";

type Target = (typeof TRANSFER_TARGETS)[number];
const TARGETS: readonly Target[] = ["province", "military_region"];

/** The form of one next step on the case page, folded until opened (or until it comes back with an error). */
export function StepForm({ kind, version, idempotencyKey }: { kind: StepKind; version: number; idempotencyKey: string }) {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<CaseActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const m = useMessages(casesMessages);
  const mine = a?.kind === kind ? a : undefined;
  const fe = mine?.fieldErrors ?? {};
  const formError = mine?.formError;
  const busy = nav.state === "submitting" && nav.formData?.get("intent") === kind;
  // A transfer goes to another province's agency or to a military-region agency: the form shows the
  // field of the one chosen (app.css, with or without JavaScript); the action reads that one only.
  const target: Target = mine?.transfer?.target ?? (fe.toMilitaryAgency ? "military_region" : "province");
  // An executor's first assignment is an assignment; only a later one is a change.
  const title =
    kind === "executor_change" ? m(d.case.executor_id ? "step.changeExecutor" : "step.assignExecutor") : labelOf(STEP_LABELS, kind, lang);
  // Several step forms share the page: each control's id carries its step.
  const control$ = (name: string) => ({ ...fieldProps(`${kind}-${name}`, fe[name]), name });
  const text = (name: string, label: string, defaultValue?: string) => (
    <Field name={`${kind}-${name}`} label={label} error={fe[name]} className="text-sm">
      <input {...control$(name)} defaultValue={defaultValue} className={control} />
    </Field>
  );
  const select = (name: string, options: [string, string][], label: string) => (
    <Field name={`${kind}-${name}`} label={label} error={fe[name]} className="text-sm">
      <select {...control$(name)} className={control} defaultValue="">
        <option value="" disabled>
          {m("step.choose")}
        </option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3" open={Boolean(mine)} data-step={kind}>
      <summary className="cursor-pointer font-semibold">{title}</summary>
      <AppForm className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {formError ? (
          <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            {formError}
          </p>
        ) : null}
        {text("effectiveDate", m("step.date"), formatDateVi(d.today))}
        {kind === "decision" ? (
          <>
            {text("decisionNumber", m("step.decisionNumber"))}
            {select(
              "mode",
              [
                ["on_request", m("mode.onRequest")],
                ["ex_officio", m("mode.exOfficio")],
              ],
              m("step.mode"),
            )}
            {text("amount", m("amountDue"))}
            {text("actDescription", m("step.actDescription"))}
          </>
        ) : null}
        {kind === "verification" ? (
          <>
            {text("findings", m("step.findings"))}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="debtorImprisonedOrUnknownAddress" />
              {m("step.debtorUnreachable")}
            </label>
          </>
        ) : null}
        {kind === "classification"
          ? select(
              "result",
              [
                ["enforceable", m("step.result.enforceable")],
                ["not_yet_enforceable", m("step.result.notYetEnforceable")],
              ],
              m("step.result"),
            )
          : null}
        {kind === "payment" ? (
          <>
            {select(
              "obligationId",
              d.obligations
                .filter((o) => o.kind === "money")
                .map((o) => [o.code, m("step.obligationLeft", { code: o.code, amount: formatDong(o.outstanding ?? "0") })]),
              m("step.obligation"),
            )}
            {text("amount", m("step.paymentAmount"))}
            {text("receiptNumber", m("step.receiptNumber"))}
            {text("payer", m("step.payer"))}
            {select(
              "method",
              Object.entries(PAYMENT_METHOD_LABELS).map(([k, v]) => [k, v[lang]]),
              m("step.method"),
            )}
          </>
        ) : null}
        {kind === "act_performed"
          ? select(
              "obligationId",
              d.obligations.filter((o) => o.kind === "act" && !o.performed_on).map((o) => [o.code, o.description ?? o.code]),
              m("step.act"),
            )
          : null}
        {kind === "enforcement_action"
          ? select(
              "measure",
              [...SECURITY_MEASURES, ...COERCIVE_MEASURES].map((x) => [x, MEASURE_LABELS[x]?.[lang] ?? x]),
              m("step.measure"),
            )
          : null}
        {kind === "postponement" || kind === "suspension" || kind === "termination"
          ? text("reason", m(kind === "termination" ? "step.terminationGround" : "step.reason"))
          : null}
        {kind === "transfer" ? (
          <>
            <fieldset className="text-sm md:col-span-3" data-testid="transfer-target">
              <legend className="font-medium">{m("step.transferTarget")}</legend>
              <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
                {TARGETS.map((t) => (
                  <label key={t} className="flex items-center gap-2">
                    <input type="radio" name="target" value={t} defaultChecked={target === t} id={`${kind}-target-${t}`} />
                    {m(`step.transferTarget.${t}`)}
                  </label>
                ))}
              </div>
              <FieldError name={`${kind}-target`} error={fe.target} />
            </fieldset>
            <div className="contents" data-when-target="province">
              {select(
                "toProvinceId",
                d.provinces.map((p) => [p.id, p.name]),
                m("step.toProvince"),
              )}
            </div>
            <div className="contents" data-when-target="military_region">
              <Field
                name={`${kind}-toMilitaryAgency`}
                label={m("step.toMilitaryAgency")}
                error={fe.toMilitaryAgency}
                hint={m("step.toMilitaryAgencyHint")}
                className="text-sm md:col-span-2"
              >
                <input
                  {...control$("toMilitaryAgency")}
                  defaultValue={mine?.transfer?.toMilitaryAgency}
                  maxLength={AGENCY_NAME_MAX}
                  className={control}
                />
              </Field>
            </div>
          </>
        ) : null}
        {kind === "office_assignment"
          ? select(
              "unitId",
              d.offices.map((o) => [o.id, o.name]),
              m("step.office"),
            )
          : null}
        {kind === "executor_change" ? (
          <>
            {select(
              "executorId",
              d.executors.map((e) => [e.id, e.full_name]),
              m("executor"),
            )}
            {text("reason", m("step.changeReason"))}
          </>
        ) : null}
        {kind === "request_returned" ? (
          <>
            {text("noticeNumber", m("step.noticeNumber"))}
            <div className="text-sm md:col-span-2">
              <label className="flex items-center gap-2">
                <input type="checkbox" {...control$("procuracyNotified")} required />
                {m("step.procuracyNotified")}
              </label>
              <FieldError name={`${kind}-procuracyNotified`} error={fe.procuracyNotified} />
            </div>
          </>
        ) : null}
        {kind === "register_reopening" || kind === "new_information" ? (
          <Field
            name={`${kind}-newInformation`}
            label={m("step.newInformation")}
            error={fe.newInformation}
            className="text-sm md:col-span-3"
          >
            <textarea {...control$("newInformation")} rows={3} maxLength={2000} className={control} />
          </Field>
        ) : null}
        {fe.version || fe.idempotencyKey ? (
          <p role="alert" className="col-span-full text-sm text-red-700">
            {fe.version ?? fe.idempotencyKey}
          </p>
        ) : null}
        <div className="col-span-full">
          <button
            type="submit"
            disabled={busy}
            className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {m("step.record", { step: title })}
          </button>
        </div>
      </AppForm>
    </details>
  );
}
