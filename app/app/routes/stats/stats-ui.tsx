/**
 * Statistics views: the period picker, the two official forms with every figure a link to the
 * cases it counts, rates against targets, the tile map of Việt Nam and the trend chart (plain SVG,
 * see docs/decisions/010-statistics-views.md).
 */
import { Form, Link } from "react-router";
import type { DrillFigure, StatFigure } from "@thads/domain";
import { formatCount, formatDateVi, formatDelta, formatDong, formatPercent, STAT_FIGURE_LABELS, STAT_FIGURES } from "@thads/domain/labels";
import { useLang, useMessages } from "../../i18n.ts";
import { DownloadLink } from "./download-link.tsx";
import { statsMessages } from "./messages.ts";

export interface FiguresView {
  cases: Record<StatFigure, string>;
  money: Record<StatFigure, string>;
  casesRate: string | null;
  moneyRate: string | null;
}

/** A drill-down link's parameter for a figure of the form by money: the list sums the figure's money. */
export const MONEY: Readonly<Record<string, string>> = { side: "money" };
/** A province's own row: the cases its bureau holds itself, not given to an office. */
export const OWN: Readonly<Record<string, string>> = { statOwn: "1" };

/** The case list of exactly the cases a figure counts (with MONEY: the cases whose money makes up a money figure, and its total). */
export function drillHref(fig: DrillFigure, unitCode: string, from: string, to: string, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ stat: fig, statUnit: unitCode, statFrom: from, statTo: to, ...extra });
  return `/cases?${p.toString()}`;
}

export const rateText = (r: string | null) => formatPercent(r);

export function PeriodForm({
  from,
  to,
  errors,
  hidden = {},
}: {
  from: string;
  to: string;
  errors: string[];
  hidden?: Record<string, string>;
}) {
  const m = useMessages(statsMessages);
  return (
    <Form method="get" className="mb-6 flex flex-wrap items-end gap-3 print:hidden">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="text-sm">
        <span className="block text-slate-600">{m("period.from")}</span>
        <input
          name="from"
          defaultValue={formatDateVi(from)}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          maxLength={10}
          className="w-32 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">{m("period.to")}</span>
        <input
          name="to"
          defaultValue={formatDateVi(to)}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          maxLength={10}
          className="w-32 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800">
        {m("period.show")}
      </button>
      {errors.length ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </Form>
  );
}

/** Under a unit's name: the units it took over from, whose figures its "same period last year" includes (ADR 029). */
export function PredecessorsNote({ predecessors }: { predecessors: readonly { name: string; lastDay: string }[] }) {
  const m = useMessages(statsMessages);
  if (predecessors.length === 0) return null;
  const names = predecessors.map((p) => m("rate.predecessor", { name: p.name, until: formatDateVi(p.lastDay) })).join("; ");
  return (
    <span className="block text-xs text-slate-600" data-testid="predecessors">
      {m("rate.lastYearIncludes", { names })}
    </span>
  );
}

/** A rate with its target and the same period last year: green at or above target, red 5 points or more below. */
export function RateBadge({
  rate,
  target,
  previous,
  testId,
}: {
  rate: string | null;
  target?: string | null;
  previous?: string | null;
  testId?: string;
}) {
  const m = useMessages(statsMessages);
  const r = rate === null ? null : Number(rate);
  const t = target ? Number(target) : null;
  const tone = r === null || t === null ? "text-slate-800" : r >= t ? "text-emerald-700" : r < t - 5 ? "text-red-700" : "text-amber-700";
  const delta = r !== null && previous != null ? r - Number(previous) : null;
  return (
    <span className="inline-flex flex-col">
      <span className={`font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {rateText(rate)}
        {target ? <span className="font-normal text-slate-600"> / {rateText(target)}</span> : null}
      </span>
      {delta !== null ? (
        <span className="text-xs text-slate-600 tabular-nums">
          {m("rate.lastYear", { rate: rateText(previous ?? null), delta: formatDelta(delta) })}
        </span>
      ) : null}
    </span>
  );
}

/** One official form (by cases or by money) of one unit, every figure linking to its cases. */
export function OfficialForm({
  side,
  f,
  unitCode,
  from,
  to,
  target,
  extra,
}: {
  side: "cases" | "money";
  f: FiguresView;
  unitCode: string;
  from: string;
  to: string;
  target?: string | null;
  extra?: Record<string, string>;
}) {
  const m = useMessages(statsMessages);
  const lang = useLang();
  const fmt = (v: string) => (side === "cases" ? formatCount(BigInt(v)) : formatDong(v));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid={`form-${side}`}>
        <tbody className="divide-y divide-slate-100">
          {STAT_FIGURES.map((k) => (
            <tr key={k}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700">
                {STAT_FIGURE_LABELS[k][lang]}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">
                <Link
                  className="text-blue-800 underline print:no-underline print:text-black"
                  to={drillHref(k, unitCode, from, to, side === "money" ? { ...extra, ...MONEY } : extra)}
                  data-testid={`fig-${side}-${k}`}
                  data-value={f[side][k]}
                >
                  {fmt(f[side][k])}
                </Link>
              </td>
            </tr>
          ))}
          <tr className="bg-slate-50">
            <th scope="row" className="px-3 py-1.5 text-left font-semibold">
              {m("form.rate")}
            </th>
            <td className="px-3 py-1.5 text-right">
              <RateBadge rate={side === "cases" ? f.casesRate : f.moneyRate} target={target} testId={`rate-${side}`} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Approximate positions of the 34 provincial units on a 6 × 16 grid, north to south. */
const TILES: Record<string, [number, number]> = {
  "Lai Châu": [2, 1],
  "Lào Cai": [3, 1],
  "Tuyên Quang": [4, 1],
  "Cao Bằng": [5, 1],
  "Điện Biên": [1, 2],
  "Sơn La": [2, 2],
  "Phú Thọ": [3, 2],
  "Thái Nguyên": [4, 2],
  "Lạng Sơn": [5, 2],
  "Hà Nội": [3, 3],
  "Bắc Ninh": [4, 3],
  "Quảng Ninh": [5, 3],
  "Ninh Bình": [3, 4],
  "Hưng Yên": [4, 4],
  "Hải Phòng": [5, 4],
  "Thanh Hóa": [3, 5],
  "Nghệ An": [3, 6],
  "Hà Tĩnh": [3, 7],
  "Quảng Trị": [4, 8],
  Huế: [4, 9],
  "Đà Nẵng": [4, 10],
  "Quảng Ngãi": [4, 11],
  "Gia Lai": [5, 11],
  "Đắk Lắk": [4, 12],
  "Khánh Hòa": [5, 12],
  "Lâm Đồng": [4, 13],
  "Đồng Nai": [5, 13],
  "Tây Ninh": [3, 14],
  "Hồ Chí Minh": [4, 14],
  "An Giang": [1, 15],
  "Đồng Tháp": [2, 15],
  "Vĩnh Long": [3, 15],
  "Cần Thơ": [2, 16],
  "Cà Mau": [1, 16],
};

export function provinceShortName(unitName: string): string {
  if (unitName.includes("Hồ Chí Minh")) return "Hồ Chí Minh";
  return unitName.replace(/^Thi hành án dân sự (tỉnh|thành phố) /, "");
}

export function TileMap({
  rows,
  from,
  to,
}: {
  rows: { name: string; slug: string | null; casesRate: string | null; target: { cases: string } | null }[];
  from: string;
  to: string;
}) {
  const m = useMessages(statsMessages);
  const color = (r: string | null, t: string | null) => {
    if (r === null) return "bg-slate-200 text-slate-700";
    const v = Number(r);
    const goal = t ? Number(t) : 80;
    return v >= goal ? "bg-emerald-700 text-white" : v >= goal - 5 ? "bg-amber-400 text-slate-900" : "bg-red-600 text-white";
  };
  return (
    <div>
      {/* On a phone the map scrolls in its own box, never the page. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <div tabIndex={0} className="overflow-x-auto">
        <div className="grid gap-1" style={{ gridTemplateColumns: "repeat(5, minmax(0, 6.5rem))" }} data-testid="tile-map">
          {rows.map((p) => {
            const short = provinceShortName(p.name);
            const pos = TILES[short] ?? [1, 17];
            return (
              <Link
                key={p.name}
                to={`/province/${p.slug}?from=${from}&to=${to}`}
                className={`rounded px-1 py-1 text-center text-xs leading-tight ${color(p.casesRate, p.target?.cases ?? null)}`}
                style={{ gridColumn: pos[0], gridRow: pos[1] }}
                title={`${p.name}: ${rateText(p.casesRate)}`}
                data-testid="tile"
              >
                <span className="block truncate font-semibold">{short}</span>
                <span className="tabular-nums">{rateText(p.casesRate)}</span>
              </Link>
            );
          })}
        </div>
      </div>
      <p className="mt-2 text-xs text-slate-600">{m("map.legend")}</p>
    </div>
  );
}

/** Cumulative completion rate month by month, this statistical year against the previous one. */
export function TrendChart({
  current,
  previous,
}: {
  current: { to: string; casesRate: string | null; moneyRate: string | null }[];
  previous: { to: string; casesRate: string | null; moneyRate: string | null }[];
}) {
  const m = useMessages(statsMessages);
  const W = 560,
    H = 200,
    P = 30;
  const x = (i: number) => P + (i * (W - 2 * P)) / 11;
  const y = (v: number) => H - P - (v / 100) * (H - 2 * P);
  const line = (pts: { casesRate: string | null; moneyRate: string | null }[], k: "casesRate" | "moneyRate") =>
    pts
      .map((p, i) => (p[k] === null ? null : `${x(i)},${y(Number(p[k]))}`))
      .filter(Boolean)
      .join(" ");
  const months = ["10", "11", "12", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-2xl" role="img" aria-label={m("trend.label")}>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={P} x2={W - P} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={4} y={y(v) + 4} fontSize="10" fill="#475569">
              {v}%
            </text>
          </g>
        ))}
        {months.map((month, i) => (
          <text key={month} x={x(i) - 4} y={H - 8} fontSize="10" fill="#475569">
            T{month}
          </text>
        ))}
        <polyline points={line(previous, "casesRate")} fill="none" stroke="#94a3b8" strokeDasharray="4 3" strokeWidth="2" />
        <polyline points={line(previous, "moneyRate")} fill="none" stroke="#fcd34d" strokeDasharray="4 3" strokeWidth="2" />
        <polyline points={line(current, "casesRate")} fill="none" stroke="#1d4ed8" strokeWidth="2.5" />
        <polyline points={line(current, "moneyRate")} fill="none" stroke="#d97706" strokeWidth="2.5" />
      </svg>
      <figcaption className="text-xs text-slate-600">{m("trend.caption")}</figcaption>
    </figure>
  );
}

export function ExportLinks({ unitCode, from, to }: { unitCode: string; from: string; to: string }) {
  const m = useMessages(statsMessages);
  const q = `unit=${encodeURIComponent(unitCode)}&from=${from}&to=${to}`;
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <Link to={`/stats/report?${q}`} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700">
        {m("export.report")}
      </Link>
      <DownloadLink href={`/stats/export?${q}&format=xlsx`} label={m("export.xlsx")} testId="export-xlsx" />
      <DownloadLink href={`/stats/export?${q}&format=csv`} label={m("export.csv")} />
      <DownloadLink href={`/stats/export?${q}&format=csv&table=breakdown`} label={m("export.csvBreakdown")} testId="export-csv-breakdown" />
      <DownloadLink href={`/stats/export?${q}&format=pdf`} label={m("export.pdf")} testId="export-pdf" />
    </div>
  );
}
