import type { TxSql } from "@thads/db";

export interface MetricsRow {
  unit_id: string;
  unit_name: string;
  received: number;
  online: number;
  closed_on_time: number;
  closed_late: number;
  open_overdue: number;
  open: number;
  ratings: number;
  average_rating: string | null;
}

/** The one-stop desk's figures per unit over a period (public.one_stop_metrics; RLS scopes the units). */
export async function oneStopMetrics(tx: TxSql, from: string, to: string): Promise<MetricsRow[]> {
  const rows = await tx<Record<string, unknown>[]>`select * from public.one_stop_metrics(${from}, ${to})`;
  return rows.map((r) => ({
    unit_id: String(r.unit_id),
    unit_name: String(r.unit_name),
    received: Number(r.received),
    online: Number(r.online),
    closed_on_time: Number(r.closed_on_time),
    closed_late: Number(r.closed_late),
    open_overdue: Number(r.open_overdue),
    open: Number(r.open),
    ratings: Number(r.ratings),
    average_rating: r.average_rating === null ? null : String(r.average_rating),
  }));
}
