/**
 * Statistics views: the period picker, the two official forms with every figure a link to the
 * cases it counts, rates against targets, the tile map of Việt Nam and the trend chart (plain SVG,
 * see docs/decisions/010-statistics-views.md).
 */
import { useState } from "react";
import { Form, Link } from "react-router";
import { formatCount, formatDong, STAT_FIGURE_LABELS, STAT_FIGURES, type StatFigure } from "@thads/domain";

export interface FiguresView {
  cases: Record<StatFigure, string>;
  money: Record<StatFigure, string>;
  casesRate: string | null;
  moneyRate: string | null;
}

/** The case list of exactly the cases a figure counts. */
export function drillHref(fig: StatFigure, unitCode: string, from: string, to: string, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ stat: fig, statUnit: unitCode, statFrom: from, statTo: to, ...extra });
  return `/cases?${p.toString()}`;
}

export const rateText = (r: string | null) => (r === null ? "—" : `${r.replace(".", ",")}%`);
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function PeriodForm({ from, to, vi, errors, hidden = {} }: { from: string; to: string; vi: boolean; errors: string[]; hidden?: Record<string, string> }) {
  return (
    <Form method="get" className="mb-6 flex flex-wrap items-end gap-3 print:hidden">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="text-sm">
        <span className="block text-slate-600">{vi ? "Từ ngày" : "From"}</span>
        <input type="date" name="from" defaultValue={from} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">{vi ? "Đến ngày" : "To"}</span>
        <input type="date" name="to" defaultValue={to} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <button className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800">{vi ? "Xem" : "Show"}</button>
      {errors.length ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </Form>
  );
}

/** A rate with its target and the same period last year: green at or above target, red 5 points or more below. */
export function RateBadge({ rate, target, previous, vi, testId }: { rate: string | null; target?: string | null; previous?: string | null; vi: boolean; testId?: string }) {
  const r = rate === null ? null : Number(rate);
  const t = target ? Number(target) : null;
  const tone = r === null || t === null ? "text-slate-800" : r >= t ? "text-emerald-700" : r < t - 5 ? "text-red-700" : "text-amber-700";
  const delta = r !== null && previous != null ? r - Number(previous) : null;
  return (
    <span className="inline-flex flex-col">
      <span className={`font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {rateText(rate)}
        {target ? <span className="font-normal text-slate-500"> / {rateText(target)}</span> : null}
      </span>
      {delta !== null ? (
        <span className="text-xs text-slate-500 tabular-nums">
          {vi ? "cùng kỳ " : "last year "}
          {rateText(previous ?? null)} ({delta >= 0 ? "+" : ""}
          {delta.toFixed(2).replace(".", ",")})
        </span>
      ) : null}
    </span>
  );
}

/** One official form (by cases or by money) of one unit, every figure linking to its cases. */
export function OfficialForm({ side, f, unitCode, from, to, vi, target, extra }: {
  side: "cases" | "money"; f: FiguresView; unitCode: string; from: string; to: string; vi: boolean; target?: string | null; extra?: Record<string, string>;
}) {
  const fmt = (v: string) => (side === "cases" ? formatCount(BigInt(v)) : formatDong(v));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid={`form-${side}`}>
        <tbody className="divide-y divide-slate-100">
          {STAT_FIGURES.map((k) => (
            <tr key={k}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700">
                {vi ? STAT_FIGURE_LABELS[k].vi : STAT_FIGURE_LABELS[k].en}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">
                <Link className="text-blue-800 underline print:no-underline print:text-black" to={drillHref(k, unitCode, from, to, extra)} data-testid={`fig-${side}-${k}`} data-value={f[side][k]}>
                  {fmt(f[side][k])}
                </Link>
              </td>
            </tr>
          ))}
          <tr className="bg-slate-50">
            <th scope="row" className="px-3 py-1.5 text-left font-semibold">{vi ? "Tỷ lệ thi hành xong" : "Completion rate"}</th>
            <td className="px-3 py-1.5 text-right">
              <RateBadge rate={side === "cases" ? f.casesRate : f.moneyRate} target={target} vi={vi} testId={`rate-${side}`} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Approximate positions of the 34 provincial units on a 6 × 16 grid, north to south. */
const TILES: Record<string, [number, number]> = {
  "Lai Châu": [2, 1], "Lào Cai": [3, 1], "Tuyên Quang": [4, 1], "Cao Bằng": [5, 1],
  "Điện Biên": [1, 2], "Sơn La": [2, 2], "Phú Thọ": [3, 2], "Thái Nguyên": [4, 2], "Lạng Sơn": [5, 2],
  "Hà Nội": [3, 3], "Bắc Ninh": [4, 3], "Quảng Ninh": [5, 3],
  "Ninh Bình": [3, 4], "Hưng Yên": [4, 4], "Hải Phòng": [5, 4],
  "Thanh Hóa": [3, 5], "Nghệ An": [3, 6], "Hà Tĩnh": [3, 7], "Quảng Trị": [4, 8], "Huế": [4, 9],
  "Đà Nẵng": [4, 10], "Quảng Ngãi": [4, 11], "Gia Lai": [5, 11], "Đắk Lắk": [4, 12], "Khánh Hòa": [5, 12],
  "Lâm Đồng": [4, 13], "Đồng Nai": [5, 13], "Tây Ninh": [3, 14], "Hồ Chí Minh": [4, 14],
  "An Giang": [1, 15], "Đồng Tháp": [2, 15], "Vĩnh Long": [3, 15], "Cần Thơ": [2, 16], "Cà Mau": [1, 16],
};

export function provinceShortName(unitName: string): string {
  if (unitName.includes("Hồ Chí Minh")) return "Hồ Chí Minh";
  return unitName.replace(/^Thi hành án dân sự (tỉnh|thành phố) /, "");
}

export function TileMap({ rows, from, to, vi }: {
  rows: { name: string; slug: string | null; casesRate: string | null; target: { cases: string } | null }[]; from: string; to: string; vi: boolean;
}) {
  const color = (r: string | null, t: string | null) => {
    if (r === null) return "bg-slate-200 text-slate-700";
    const v = Number(r);
    const goal = t ? Number(t) : 80;
    return v >= goal ? "bg-emerald-600 text-white" : v >= goal - 5 ? "bg-amber-400 text-slate-900" : "bg-red-600 text-white";
  };
  return (
    <div>
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
      <p className="mt-2 text-xs text-slate-600">
        {vi
          ? "Xanh: đạt chỉ tiêu về việc; vàng: dưới chỉ tiêu không quá 5 điểm; đỏ: thấp hơn chỉ tiêu trên 5 điểm."
          : "Green: at or above the cases target; amber: up to 5 points below; red: more than 5 points below."}
      </p>
    </div>
  );
}

/** Cumulative completion rate month by month, this statistical year against the previous one. */
export function TrendChart({ current, previous, vi }: {
  current: { to: string; casesRate: string | null; moneyRate: string | null }[];
  previous: { to: string; casesRate: string | null; moneyRate: string | null }[];
  vi: boolean;
}) {
  const W = 560, H = 200, P = 30;
  const x = (i: number) => P + (i * (W - 2 * P)) / 11;
  const y = (v: number) => H - P - (v / 100) * (H - 2 * P);
  const line = (pts: { casesRate: string | null; moneyRate: string | null }[], k: "casesRate" | "moneyRate") =>
    pts.map((p, i) => (p[k] === null ? null : `${x(i)},${y(Number(p[k]))}`)).filter(Boolean).join(" ");
  const months = ["10", "11", "12", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-2xl" role="img" aria-label={vi ? "Tỷ lệ thi hành xong lũy kế theo tháng" : "Cumulative completion rate by month"}>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={P} x2={W - P} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={4} y={y(v) + 4} fontSize="10" fill="#475569">{v}%</text>
          </g>
        ))}
        {months.map((m, i) => (
          <text key={m} x={x(i) - 4} y={H - 8} fontSize="10" fill="#475569">T{m}</text>
        ))}
        <polyline points={line(previous, "casesRate")} fill="none" stroke="#94a3b8" strokeDasharray="4 3" strokeWidth="2" />
        <polyline points={line(previous, "moneyRate")} fill="none" stroke="#fcd34d" strokeDasharray="4 3" strokeWidth="2" />
        <polyline points={line(current, "casesRate")} fill="none" stroke="#1d4ed8" strokeWidth="2.5" />
        <polyline points={line(current, "moneyRate")} fill="none" stroke="#d97706" strokeWidth="2.5" />
      </svg>
      <figcaption className="text-xs text-slate-600">
        {vi
          ? "Xanh: tỷ lệ về việc; cam: về tiền; nét đứt: cùng kỳ năm trước."
          : "Blue: rate by cases; orange: by money; dashed: the previous year."}
      </figcaption>
    </figure>
  );
}

export function ExportLinks({ unitCode, from, to, vi }: { unitCode: string; from: string; to: string; vi: boolean }) {
  const q = `unit=${encodeURIComponent(unitCode)}&from=${from}&to=${to}`;
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <Link to={`/stats/report?${q}`} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700">
        {vi ? "Biểu mẫu báo cáo (in / PDF)" : "Report forms (print / PDF)"}
      </Link>
      <DownloadLink href={`/stats/export?${q}&format=xlsx`} label={vi ? "Tải .xlsx" : "Download .xlsx"} vi={vi} testId="export-xlsx" />
      <DownloadLink href={`/stats/export?${q}&format=csv`} label={vi ? "Tải .csv" : "Download .csv"} vi={vi} />
      <DownloadLink href={`/stats/export?${q}&format=pdf`} label={vi ? "Tải .pdf" : "Download .pdf"} vi={vi} testId="export-pdf" />
    </div>
  );
}

/**
 * A download that shows its progress: with JavaScript the file is fetched and the share received
 * so far is shown (the export sends its length), then saved under the server's file name; without
 * JavaScript it is a plain download link.
 */
export function DownloadLink({ href, label, vi, testId }: { href: string; label: string; vi: boolean; testId?: string }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  async function onClick(e: React.MouseEvent<HTMLAnchorElement>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || progress !== null) return;
    e.preventDefault();
    setFailed(false);
    setProgress(0);
    try {
      const res = await fetch(href);
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const total = Number(res.headers.get("Content-Length") ?? "0");
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        if (total > 0) setProgress(Math.min(100, Math.round((100 * received) / total)));
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? "thong-ke";
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get("Content-Type") ?? "application/octet-stream" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <a href={href} onClick={onClick} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700" data-testid={testId} download>
        {label}
      </a>
      {progress !== null ? (
        <span className="inline-flex items-center gap-1 text-xs text-slate-600" role="status">
          {vi ? "Đang tải" : "Downloading"} <progress max={100} value={progress} className="w-20" aria-label={vi ? "Tiến độ tải tệp" : "Download progress"} /> {progress}%
        </span>
      ) : null}
      {failed ? <span role="alert" className="text-xs text-red-700">{vi ? "Không tải được tệp. Vui lòng thử lại." : "The file could not be downloaded. Try again."}</span> : null}
    </span>
  );
}
