/** The complaint figures of several units or provinces, each figure opening exactly the letters it counts. */
import { Link } from "react-router";
import type { ComplaintFigures } from "@thads/core/complaints";
import { formatCount, formatPercent } from "@thads/domain/labels";
import { Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { complaintMessages } from "./messages.ts";

export const COMPLAINT_FIGURES = ["received", "competent", "late", "resolved", "on_time", "upheld", "partly_upheld"] as const;
export type ComplaintFigure = (typeof COMPLAINT_FIGURES)[number];

export interface FiguresRow extends ComplaintFigures {
  /** The unit's or the province's id, as the letter list filters by it. */
  id: string;
  name: string;
  /** A link for the name (a province's dashboard), if any. */
  href?: string;
}

/** The letters a figure counts: the register filtered by the figure, the period and the unit or province. */
export function figureHref(by: "unit" | "province", id: string, figure: ComplaintFigure, from: string, to: string): string {
  return `/complaints?status=all&${by}=${id}&figure=${figure}&from=${from}&to=${to}`;
}

/** The share resolved on time, in percent, or null when nothing was resolved. */
function onTimeShare(f: ComplaintFigures): number | null {
  return f.resolved > 0 ? (f.on_time * 100) / f.resolved : null;
}

export function ComplaintFiguresTable({
  rows,
  by,
  from,
  to,
  ranked = false,
  testId,
}: {
  rows: readonly FiguresRow[];
  by: "unit" | "province";
  from: string;
  to: string;
  /** Numbered in the order given, with the share resolved on time (the yearly ranking). */
  ranked?: boolean;
  testId?: string;
}) {
  const m = useMessages(complaintMessages);
  const head = [
    ...(ranked ? [m("stats.col.rank")] : []),
    by === "unit" ? m("stats.col.unit") : m("stats.col.province"),
    m("stats.col.received"),
    m("stats.col.competent"),
    m("stats.col.late"),
    m("stats.col.resolved"),
    m("stats.col.onTime"),
    m("stats.col.upheld"),
    m("stats.col.partly"),
    ...(ranked ? [m("stats.col.onTimeShare")] : []),
  ];
  return (
    <div data-testid={testId}>
      <Table head={head}>
        {rows.map((r, i) => (
          <tr key={r.id} data-testid="stats-row">
            {ranked ? <td className="px-3 py-2 tabular-nums">{i + 1}</td> : null}
            <td className="px-3 py-2">
              {r.href ? (
                <Link to={r.href} className="text-brand-700 underline">
                  {r.name}
                </Link>
              ) : (
                r.name
              )}
            </td>
            {COMPLAINT_FIGURES.map((f) => (
              <td key={f} className="px-3 py-2 tabular-nums">
                <Link to={figureHref(by, r.id, f, from, to)} className="text-brand-700 underline" data-testid={`stat-${f}`}>
                  {formatCount(r[f])}
                </Link>
              </td>
            ))}
            {ranked ? (
              <td className="px-3 py-2 tabular-nums" data-testid="stat-on-time-share">
                {formatPercent(onTimeShare(r), 1)}
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
    </div>
  );
}
