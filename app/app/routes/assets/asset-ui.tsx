import { Link } from "react-router";
import type { AssetKind, AssetStatus } from "@thads/domain";
import { ASSET_KIND_LABELS, ASSET_STATUS_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import { useLang, useMessages } from "../../i18n.ts";
import { Table } from "../../components/ui.tsx";
import { assetsMessages } from "./messages.ts";

/** Billions of đồng with one decimal, Vietnamese style: 150000000000 → "150 tỷ", 47500000000 → "47,5 tỷ"; below a billion, millions ("41 tr"). */
export function billions(v: string): string {
  if (BigInt(v) < 1_000_000_000n) return `${((BigInt(v) + 500_000n) / 1_000_000n).toString()} tr`;
  const tenths = (BigInt(v) + 50_000_000n) / 100_000_000n;
  const whole = tenths / 10n;
  const dec = tenths % 10n;
  return `${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${dec ? `,${dec}` : ""} tỷ`;
}

/**
 * Starting prices of the auction rounds as a small SVG step chart (no chart library: one series,
 * a few dozen points). Sold rounds are green, failed ones red, scheduled grey.
 */
export function PriceChart({ rounds }: { rounds: { round_no: number; held_on: string; starting_price: string; result: string }[] }) {
  const m = useMessages(assetsMessages);
  if (rounds.length === 0) return null;
  const W = 640,
    H = 220,
    L = 70,
    R = 12,
    T = 12,
    B = 36;
  const prices = rounds.map((r) => Number(BigInt(r.starting_price) / 1_000_000n)); // millions: enough precision for a chart
  const max = Math.max(...prices) * 1.05;
  const x = (i: number) => L + (rounds.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (rounds.length - 1));
  const y = (p: number) => T + (H - T - B) * (1 - p / max);
  const path = prices.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(" ");
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const color = (r: string) => (r === "sold" ? "#047857" : r === "scheduled" ? "#64748b" : r === "cancelled" ? "#b45309" : "#b91c1c");
  const title = m("chart.title");
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="w-full max-w-3xl" data-testid="price-chart">
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={L} x2={W - R} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={L - 6} y={y(t) + 4} fontSize="10" textAnchor="end" fill="#475569">
              {billions(String(BigInt(t) * 1_000_000n))}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#1e3a8a" strokeWidth="2" />
        {rounds.map((r, i) => (
          <g key={r.round_no} data-testid="chart-point" data-price={r.starting_price}>
            <circle cx={x(i)} cy={y(prices[i]!)} r="4" fill={color(r.result)}>
              <title>{m("chart.point", { round: r.round_no, date: formatDateVi(r.held_on), price: billions(r.starting_price) })}</title>
            </circle>
            {rounds.length <= 30 ? (
              <text x={x(i)} y={H - B + 14} fontSize="9" textAnchor="middle" fill="#475569">
                {r.round_no}
              </text>
            ) : null}
          </g>
        ))}
        <text x={(L + W - R) / 2} y={H - 4} fontSize="10" textAnchor="middle" fill="#475569">
          {m("chart.axis")}
        </text>
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">{m("chart.legend")}</figcaption>
    </figure>
  );
}

export function AssetTable({
  rows,
  showCase = false,
}: {
  rows: {
    id: string;
    case_number: string;
    kind: string;
    description: string;
    status: string;
    latest_value: string | null;
    current_price: string | null;
    failed_rounds: number;
    next_round_on: string | null;
    unit_name: string;
    encumbrance_bank: string | null;
  }[];
  showCase?: boolean;
}) {
  const lang = useLang();
  const m = useMessages(assetsMessages);
  if (rows.length === 0)
    return (
      <p className="text-slate-600" data-testid="no-assets">
        {m("table.empty")}
      </p>
    );
  const head = [
    ...(showCase ? (["table.case", "table.unit"] as const) : []),
    ...([
      "table.asset",
      "table.kind",
      "table.status",
      "table.valuedAt",
      "table.currentPrice",
      "table.failedRounds",
      "table.nextRound",
    ] as const),
  ].map((k) => m(k));
  return (
    <Table head={head}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="asset-row">
          {showCase ? (
            <>
              <td className="px-3 py-2">{r.case_number}</td>
              <td className="px-3 py-2">{r.unit_name}</td>
            </>
          ) : null}
          <td className="px-3 py-2">
            <Link className="text-blue-800 underline" to={`/assets/${r.id}`}>
              {r.description}
            </Link>
            {r.encumbrance_bank ? (
              <span className="block text-xs text-slate-600">{m("table.mortgaged", { bank: r.encumbrance_bank })}</span>
            ) : null}
          </td>
          <td className="px-3 py-2">{ASSET_KIND_LABELS[r.kind as AssetKind]?.[lang] ?? r.kind}</td>
          <td className="px-3 py-2" data-testid="asset-status">
            {ASSET_STATUS_LABELS[r.status as AssetStatus]?.[lang] ?? r.status}
          </td>
          <td className="px-3 py-2 tabular-nums">{r.latest_value ? formatDong(r.latest_value) : "—"}</td>
          <td className="px-3 py-2 tabular-nums">{r.current_price ? formatDong(r.current_price) : "—"}</td>
          <td className="px-3 py-2 tabular-nums">{r.failed_rounds}</td>
          <td className="px-3 py-2 tabular-nums">{r.next_round_on ? formatDateVi(r.next_round_on) : "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
