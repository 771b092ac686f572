import { Link } from "react-router";
import type { AssetKind, DepositOutcome } from "@thads/domain";
import {
  ASSET_KIND_LABELS,
  ASSET_STATUS_LABELS,
  ASSET_STEP_LABELS,
  DEPOSIT_OUTCOME_LABELS,
  DISTRIBUTION_RANK_LABELS,
  ROUND_RESULT_LABELS,
  formatDateVi,
  formatDong,
  formatPercent,
} from "@thads/domain/labels";
import type { loadAssetPage } from "@thads/core/assets";
import { PriceChart } from "./asset-ui.tsx";
import { assetsMessages } from "./messages.ts";
import { FactGrid, Section, Table } from "../../components/ui.tsx";
import { useLang, useMessages, type Lang } from "../../i18n.ts";

/** What the asset page shows (the core package's `loadAssetPage`). */
export type AssetPageData = NonNullable<Awaited<ReturnType<typeof loadAssetPage>>>;

const lbl = (map: Record<string, { vi: string; en: string }>, key: string | null | undefined, lang: Lang) =>
  key ? (map[key]?.[lang] ?? key) : "—";

/** The asset's name, status, links back to its case, and the warning after too many failed rounds. */
export function AssetHeader({ asset: a, stuckAfter }: { asset: AssetPageData["asset"]; stuckAfter: number }) {
  const lang = useLang();
  const m = useMessages(assetsMessages);
  return (
    <>
      <p className="text-sm">
        <Link to={`/cases/${a.case_id}/assets`} className="underline">
          {m("asset.backToCase", { case: a.case_number })}
        </Link>
        {" · "}
        <Link to={`/cases/${a.case_id}`} className="underline">
          {m("asset.case")}
        </Link>
      </p>
      <header className="mt-2 mb-6">
        <h1 className="text-2xl font-bold">{a.description}</h1>
        <p className="mt-1 text-slate-700">
          <span data-testid="asset-status" className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold">
            {ASSET_STATUS_LABELS[a.status]?.[lang] ?? a.status}
          </span>
          {ASSET_KIND_LABELS[a.kind as AssetKind]?.[lang]} · {a.unit_name} · {a.debtor_name}
        </p>
        {a.failed_rounds >= stuckAfter && (a.status === "at_auction" || a.status === "valued") ? (
          <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {m("asset.stuck", { count: a.failed_rounds })}
          </p>
        ) : null}
      </header>
      <FactGrid
        facts={[
          [m("fact.latestValue"), a.latest_value ? formatDong(a.latest_value) : "—", "latest-value"],
          [m("fact.currentPrice"), a.current_price ? formatDong(a.current_price) : "—", "current-price"],
          [m("fact.rounds"), `${a.rounds_held} / ${a.failed_rounds}`, "rounds"],
          [m("fact.soldPrice"), a.sold_price ? formatDong(a.sold_price) : "—", "sold-price"],
          [m("fact.location"), a.location ?? "—", "location"],
          [m("fact.docs"), a.ownership_docs ?? "—", "docs"],
          [
            m("fact.encumbrance"),
            a.encumbrance_bank ? `${a.encumbrance_bank}${a.encumbrance_note ? ` · ${a.encumbrance_note}` : ""}` : "—",
            "encumbrance",
          ],
          [m("fact.buyer"), a.buyer_name ?? "—", "buyer"],
        ]}
      />
    </>
  );
}

/** The auction rounds: the price chart, the table, and the bounds of the next round after a failed one. */
export function RoundsSection({ rounds, hint }: Pick<AssetPageData, "rounds" | "hint">) {
  const lang = useLang();
  const m = useMessages(assetsMessages);
  const head = (
    [
      "rounds.no",
      "rounds.announced",
      "rounds.held",
      "rounds.startingPrice",
      "rounds.reduction",
      "rounds.result",
      "rounds.winningBid",
    ] as const
  ).map((k) => m(k));
  return (
    <Section title={m("rounds.title")}>
      <PriceChart rounds={rounds} />
      <div className="mt-3">
        <Table head={head}>
          {rounds.map((r) => (
            <tr key={r.id} data-testid="round-row">
              <td className="px-3 py-2 tabular-nums">{r.round_no}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(r.announced_on)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(r.held_on)}</td>
              <td className="px-3 py-2 tabular-nums" data-testid="round-price">
                {formatDong(r.starting_price)}
              </td>
              <td className="px-3 py-2 tabular-nums">{r.reduction_bp ? formatPercent(r.reduction_bp / 100) : "—"}</td>
              <td className="px-3 py-2" data-testid="round-result">
                {lbl(ROUND_RESULT_LABELS, r.result, lang)}
                {r.winner_name ? ` · ${r.winner_name}` : ""}
              </td>
              <td className="px-3 py-2 tabular-nums">{r.winning_bid ? formatDong(r.winning_bid) : "—"}</td>
            </tr>
          ))}
        </Table>
      </div>
      {hint ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="reduction-hint">
          {m("rounds.hint", { min: formatDong(hint.min), base: formatDong(hint.base), percent: hint.percent, days: hint.days })}
        </p>
      ) : null}
    </Section>
  );
}

export function ValuationsSection({ valuations }: Pick<AssetPageData, "valuations">) {
  const m = useMessages(assetsMessages);
  return (
    <Section title={m("valuations.title")}>
      <Table head={[m("valuations.date"), m("valuations.appraiser"), m("valuations.value"), ""]}>
        {valuations.map((v) => (
          <tr key={v.id} data-testid="valuation-row">
            <td className="px-3 py-2 tabular-nums">{formatDateVi(v.valued_on)}</td>
            <td className="px-3 py-2">{v.appraiser}</td>
            <td className="px-3 py-2 tabular-nums">{formatDong(v.value)}</td>
            <td className="px-3 py-2">{v.is_revaluation ? m("valuations.revaluation") : ""}</td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

export function SeizuresSection({ seizures, contracts }: Pick<AssetPageData, "seizures" | "contracts">) {
  const m = useMessages(assetsMessages);
  return (
    <Section title={m("seizures.title")}>
      <ul className="space-y-1 text-sm">
        {seizures.map((x) => (
          <li key={x.id}>
            {formatDateVi(x.seized_on)} ·{" "}
            {x.kind === "account_freeze"
              ? m("seizures.freeze", { account: String(x.account_number), bank: String(x.bank_name) })
              : m("seizures.seizure")}{" "}
            · {x.executor_name}
            {x.minutes_number ? ` · ${x.minutes_number}` : ""}
          </li>
        ))}
        {contracts.map((x) => (
          <li key={x.id}>
            {formatDateVi(x.signed_on)} · {m("seizures.contract")} {x.contract_number} · {x.organisation}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function DepositsSection({ deposits }: Pick<AssetPageData, "deposits">) {
  const lang = useLang();
  const m = useMessages(assetsMessages);
  const head = (["deposits.round", "deposits.bidder", "deposits.amount", "deposits.received", "deposits.outcome"] as const).map((k) =>
    m(k),
  );
  return (
    <Section title={m("deposits.title")}>
      <Table head={head}>
        {deposits.map((x) => (
          <tr key={x.id} data-testid="deposit-row">
            <td className="px-3 py-2 tabular-nums">{x.round_no}</td>
            <td className="px-3 py-2">{x.bidder_name}</td>
            <td className="px-3 py-2 tabular-nums">{formatDong(x.amount)}</td>
            <td className="px-3 py-2 tabular-nums">{formatDateVi(x.received_on)}</td>
            <td className="px-3 py-2" data-testid="deposit-outcome">
              {DEPOSIT_OUTCOME_LABELS[x.outcome as DepositOutcome]?.[lang] ?? x.outcome}
              {x.settled_on ? ` · ${formatDateVi(x.settled_on)}` : ""}
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

/** The distribution of the sale's proceeds, in the legal order (Art. 47); nothing before the sale is paid. */
export function ProceedsSection({ proceeds }: Pick<AssetPageData, "proceeds">) {
  const lang = useLang();
  const m = useMessages(assetsMessages);
  if (!proceeds.length) return null;
  const head = (["proceeds.line", "proceeds.rank", "proceeds.obligation", "proceeds.claimed", "proceeds.paid"] as const).map((k) => m(k));
  return (
    <Section title={m("proceeds.title")}>
      <Table head={head}>
        {proceeds.map((p) => (
          <tr key={p.line_no} data-testid="distribution-row" data-rank={p.rank}>
            <td className="px-3 py-2 tabular-nums">{p.line_no}</td>
            <td className="px-3 py-2">{lbl(DISTRIBUTION_RANK_LABELS, p.rank, lang)}</td>
            <td className="px-3 py-2">{p.obligation_code ?? "—"}</td>
            <td className="px-3 py-2 tabular-nums">{p.claimed ? formatDong(p.claimed) : "—"}</td>
            <td className="px-3 py-2 tabular-nums" data-testid="distribution-amount">
              {formatDong(p.amount)}
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

export function HistorySection({ history }: Pick<AssetPageData, "history">) {
  const lang = useLang();
  const m = useMessages(assetsMessages);
  return (
    <Section title={m("history.title")}>
      <ol className="space-y-1 border-l-2 border-slate-300 pl-4 text-sm" data-testid="asset-history">
        {history.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <span className="font-semibold">{formatDateVi(e.effective_date)}</span> · {lbl(ASSET_STEP_LABELS, e.kind, lang)}
            {e.actor_name ? <span className="text-slate-600"> · {e.actor_name}</span> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
