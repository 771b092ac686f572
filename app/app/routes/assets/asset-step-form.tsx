import type { ReactNode } from "react";
import { useActionData, useNavigation } from "react-router";
import type { AssetFormStep } from "@thads/core/assets/schema";
import type { RoundResult } from "@thads/domain";
import {
  ASSET_STEP_LABELS,
  BIDDER_SITUATIONS,
  BIDDER_SITUATION_LABELS,
  CLAIM_RANKS,
  DISTRIBUTION_RANK_LABELS,
  REVALUATION_GROUNDS,
  ROUND_RESULT_LABELS,
  formatDateVi,
  formatDong,
} from "@thads/domain/labels";
import type { AssetPageData } from "./asset-sections.tsx";
import { assetsMessages } from "./messages.ts";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { useLang, useMessages } from "../../i18n.ts";

/** What the asset page's action answers when it refuses a step: the step, and why. */
export type AssetStepActionData = { kind: string; formError?: string; fieldErrors?: Record<string, string> };

const CONTROL = "w-full rounded border border-slate-300 px-2 py-1";

/**
 * The form of one step on an asset (seizure, valuation, auction round, …), folded until opened.
 * Several steps' forms share field names, so each control's id carries its step.
 */
export function StepForm({ kind, page: d }: { kind: AssetFormStep; page: AssetPageData }) {
  const act = useActionData<AssetStepActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const m = useMessages(assetsMessages);
  const mine = act?.kind === kind ? act : undefined;
  const fe = mine?.fieldErrors ?? {};
  const busy = nav.state === "submitting" && nav.formData?.get("intent") === kind;
  const name = ASSET_STEP_LABELS[kind][lang];
  const id = (n: string) => `${kind}-${n}`;
  const field = (n: string, label: string, control: ReactNode) => (
    <Field key={n} name={id(n)} label={label} error={fe[n]}>
      {control}
    </Field>
  );
  const input = (n: string, label: string, def?: string) =>
    field(n, label, <input {...fieldProps(id(n), fe[n])} name={n} defaultValue={def} className={CONTROL} />);
  const select = (n: string, options: [string, string][], label: string, def = "") =>
    field(
      n,
      label,
      <select {...fieldProps(id(n), fe[n])} name={n} defaultValue={def} className={CONTROL}>
        <option value="" disabled>
          {m("form.choose")}
        </option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>,
    );
  // A re-valuation: its ground, checked on the server by the rules in force on the request date.
  const revaluationFields = () => {
    const { days, times, article } = d.rules.revaluation;
    return [
      <p key="help" className="col-span-full text-sm text-slate-600" data-testid="revaluation-help">
        {m("valuation.help", {
          days: String(days),
          times: String(times),
          article,
        })}
      </p>,
      select(
        "revaluationGround",
        REVALUATION_GROUNDS.map((g) => [g, m(`valuation.ground.${g}`)]),
        m("valuation.ground"),
      ),
      input("revaluationRequestedOn", m("valuation.requestedOn")),
      input("resultNotifiedOn", m("valuation.notifiedOn")),
      input("revaluationReason", m("valuation.reason")),
    ];
  };
  const fields: Partial<Record<AssetFormStep, () => ReactNode[]>> = {
    seizure: () => [
      select(
        "seizureKind",
        [
          ["seizure", m("seizure.kind.seizure")],
          ["account_freeze", m("seizure.kind.freeze")],
        ],
        m("seizure.measure"),
      ),
      input("executorName", m("seizure.executor")),
      input("minutesNumber", m("seizure.minutes")),
      input("bankName", m("seizure.bank")),
      input("accountNumber", m("seizure.account")),
      input("frozenAmount", m("seizure.amount")),
    ],
    valuation: () => [
      input("appraiser", m("valuation.appraiser")),
      input("value", m("valuation.value")),
      input("note", m("form.note")),
      ...(d.valuations.length ? revaluationFields() : []),
    ],
    contract: () => [
      input("organisation", m("contract.organisation")),
      input("contractNumber", m("contract.number")),
      input("fee", m("contract.fee")),
    ],
    round: () => [
      input("heldOn", m("round.heldOn")),
      input("startingPrice", m("round.startingPrice")),
      input("venue", m("round.venue")),
      input("enforcementCosts", m("round.costs")),
    ],
    round_result: () => [
      select(
        "result",
        (["sold", "no_bidder", "cancelled", "buyer_withdrew"] as RoundResult[]).map((r) => [r, ROUND_RESULT_LABELS[r][lang]]),
        m("result.result"),
      ),
      input("winningBid", m("result.winningBid")),
      input("winnerName", m("result.winner")),
    ],
    deposit: () => [input("bidderName", m("deposit.bidder")), input("amount", m("deposit.amount"))],
    deposit_settlement: () => [
      select(
        "depositId",
        d.deposits.filter((x) => x.outcome === "held").map((x) => [x.id, `${x.bidder_name} · ${formatDong(x.amount)}`]),
        m("settlement.deposit"),
      ),
      select(
        "situation",
        BIDDER_SITUATIONS.map((s) => [s, BIDDER_SITUATION_LABELS[s][lang]]),
        m("settlement.situation"),
      ),
    ],
    sale: () => [
      input("enforcementCosts", m("sale.costs")),
      ...d.obligations.map((o) =>
        select(
          `rank.${o.code}`,
          CLAIM_RANKS.map((r) => [r, DISTRIBUTION_RANK_LABELS[r][lang]]),
          m("sale.rank", { code: o.code, amount: formatDong(o.outstanding) }),
          d.asset.encumbrance_bank ? "secured" : "other",
        ),
      ),
    ],
    delivery: () => [
      <label key="c" className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="withCoercion" />
        {m("delivery.coercion")}
      </label>,
      input("note", m("form.note")),
    ],
    return: () => [input("reason", m("form.reason"))],
    hand_to_creditor: () => [
      input("reason", m("form.reason")),
      input("creditedAmount", m("handover.credited")),
      select(
        "obligationCode",
        d.obligations.map((o) => [o.code, `${o.code} · ${formatDong(o.outstanding)}`]),
        m("handover.obligation"),
        d.obligations[0]?.code ?? "",
      ),
    ],
  };
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3" open={Boolean(mine)} data-step={kind}>
      <summary className="cursor-pointer font-semibold">{name}</summary>
      <AppForm className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="version" value={d.asset.version} />
        <input type="hidden" name="idempotencyKey" value={d.keys[kind] ?? ""} />
        {mine?.formError ? (
          <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            {mine.formError}
          </p>
        ) : null}
        {input("effectiveDate", m(kind === "round" ? "form.announcedOn" : "form.date"), formatDateVi(d.today))}
        {fields[kind]?.()}
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
            {m("form.submit", { step: name })}
          </button>
        </div>
      </AppForm>
    </details>
  );
}
