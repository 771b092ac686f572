import { randomUUID } from "node:crypto";
import { data, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import { listIntakeUnits } from "@thads/core/cases";
import { JUDGMENT_TYPES } from "@thads/core/cases/judgment-types";
import { OBSTACLE_KINDS } from "@thads/core/cases/obstacle-kinds";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { AGENCY_NAME_MAX, ENTRUSTING_DECISION_NUMBER_MAX, formatDateVi, hasRole } from "@thads/domain/labels";
import { formatSource, legalRuleOn } from "@thads/domain";
import type { Route } from "./+types/new";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { parseLang, useLang, useMessages } from "../../i18n.ts";
import { JUDGMENT_TYPE_LABELS } from "../../labels.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { intakePrefill } from "../public/public.server.ts";
import { parseIntakeForm, takeInCase } from "./intake.server.ts";
import { casesMessages } from "./messages.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "clerk", "subunit_head", "province_head", "province_staff")) forbidden();
  const units = await asUser(user, (tx) => listIntakeUnits(tx, user.memberships));
  // Taking in an enforcement request from the one-stop desk: its details prefill the form.
  const prefill = await intakePrefill(user, new URL(request.url).searchParams.get("fromRequest"));
  const limitation = legalRuleOn("limitationYears", todayVn());
  const article = limitation.sources.map(formatSource).join("; ");
  return {
    units,
    idempotencyKey: randomUUID(),
    today: formatDateVi(todayVn()),
    prefill,
    limitation: { years: String(limitation.value), article },
  };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  const values = { ...formFields(form) };
  const parsed = parseIntakeForm(form);
  if (!parsed.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const result = await takeInCase(user, parsed.data, form.get("fromRequest"));
  if (!result.ok) {
    const message = result.error[`message_${lang}`];
    return data<ActionData>(
      result.error.field ? { fieldErrors: { [result.error.field]: message }, values } : { formError: message, values },
      { status: result.error.code === "forbidden" ? 403 : 422 },
    );
  }
  return redirect(`/cases/${result.caseId}`);
}

const control = "w-full rounded border border-slate-300 px-2 py-1";

export default function NewCase() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const m = useMessages(casesMessages);
  const fe = a?.fieldErrors ?? {};
  const v = a?.values ?? d.prefill ?? {};
  // What was posted wins over a field's default (today's date, a prefilled value) when the form comes back.
  const input = (name: string, label: string, { defaultValue, ...props }: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field name={name} label={label} error={fe[name]} className="text-sm">
      <input
        {...fieldProps(name, fe[name])}
        {...props}
        defaultValue={v[name] ?? (defaultValue as string | undefined)}
        className={control}
      />
    </Field>
  );
  const select = (name: string, label: string, options: [string, string][]) => (
    <Field name={name} label={label} error={fe[name]} className="text-sm">
      <select {...fieldProps(name, fe[name])} defaultValue={v[name] ?? options[0]?.[0]} className={control}>
        {options.map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
  const party = (p: "creditor" | "debtor") => (
    <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
      <legend className="px-1 font-semibold">{m(`party.${p}`)}</legend>
      {select(`${p}.kind`, m("new.kind"), [
        ["person", m("new.kind.person")],
        ["organization", m("new.kind.organization")],
      ])}
      {input(`${p}.fullName`, m("new.fullName"), { maxLength: 300 })}
      {input(`${p}.idNumber`, m("new.idNumber"), { maxLength: 30 })}
      {input(`${p}.address`, m("new.address"), { maxLength: 500 })}
    </fieldset>
  );
  return (
    <>
      <PageHeader title={m("new.title")} subtitle={m("new.subtitle")} />
      {a?.formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      <AppForm className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? d.idempotencyKey} />
        {v.fromRequest ? <input type="hidden" name="fromRequest" value={v.fromRequest} /> : null}
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
          {select(
            "unitId",
            m("new.unit"),
            d.units.map((u) => [u.id, u.name]),
          )}
          {input("caseNumber", m("new.caseNumber"), { maxLength: 60 })}
          {input("acceptedOn", m("new.acceptedOn"), { defaultValue: d.today })}
          {input("requestedOn", m("new.requestedOn"))}
          {select("source", m("new.source"), [
            ["court_transfer", m("new.source.courtTransfer")],
            ["creditor_request", m("new.source.creditorRequest")],
            ["transfer_in", m("new.source.transferIn")],
          ])}
          {/* A case entrusted by a military-region agency names that agency and its decision: shown only
              with that source (app.css, with or without JavaScript); the action reads them only then. */}
          <div className="contents" data-when-source="transfer_in">
            <Field name="fromAgency" label={m("new.fromAgency")} error={fe.fromAgency} hint={m("new.fromAgencyHint")} className="text-sm">
              <input
                {...fieldProps("fromAgency", fe.fromAgency)}
                defaultValue={v.fromAgency}
                maxLength={AGENCY_NAME_MAX}
                className={control}
              />
            </Field>
            {input("entrustingDecisionNumber", m("new.entrustingDecisionNumber"), { maxLength: ENTRUSTING_DECISION_NUMBER_MAX })}
            {input("entrustingDecisionOn", m("new.entrustingDecisionOn"))}
          </div>
          {select("decisionKind", m("new.decisionKind"), [
            ["on_request", m("mode.onRequest")],
            ["ex_officio", m("mode.exOfficio")],
          ])}
          {input("amount", m("amountDue"), { inputMode: "numeric" })}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isBankCredit" defaultChecked={v.isBankCredit === "on"} />
            {m("new.bankCredit")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isCorruption" defaultChecked={v.isCorruption === "on"} />
            {m("new.corruption")}
          </label>
        </div>
        <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
          <legend className="px-1 font-semibold">{m("new.judgment")}</legend>
          {input("judgment.courtName", m("new.court"), { maxLength: 300 })}
          {input("judgment.number", m("new.judgmentNumber"), { maxLength: 100 })}
          {input("judgment.date", m("new.judgmentDate"))}
          {input("judgment.effectiveOn", m("new.judgmentEffectiveOn"))}
          {select(
            "judgment.type",
            m("new.judgmentType"),
            JUDGMENT_TYPES.map((j) => [j, JUDGMENT_TYPE_LABELS[j]![lang]]),
          )}
        </fieldset>
        <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-3">
          <legend className="px-1 font-semibold">{m("new.limitationLegend")}</legend>
          <p className="text-sm text-slate-600 md:col-span-3">{m("new.limitationHelp", d.limitation)}</p>
          <div className="md:col-span-3">{input("limitationObstacle", m("new.limitationObstacle"), { maxLength: 2000 })}</div>
          {select("limitationObstacleKind", m("new.limitationObstacleKind"), [
            ["", m("new.limitationObstacleKindNone")],
            ...OBSTACLE_KINDS.map((k): [string, string] => [k, m(`new.obstacle.${k}`)]),
          ])}
          {input("limitationObstacleFrom", m("new.limitationObstacleFrom"))}
          {input("limitationObstacleTo", m("new.limitationObstacleTo"))}
        </fieldset>
        {party("creditor")}
        {party("debtor")}
        <button
          type="submit"
          disabled={nav.state === "submitting"}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {m("new.submit")}
        </button>
      </AppForm>
    </>
  );
}
