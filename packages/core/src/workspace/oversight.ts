/** Oversight figures of the dashboards: the one-stop desks and the steering committees' lists, per province. */
import type { TxSql } from "@thads/db";
import type { DeskFigures } from "./desk-figures.ts";

interface MetricRow {
  unit_id: string;
  province_id: string;
  received: bigint;
  online: bigint;
  closed_on_time: bigint;
  closed_late: bigint;
  open_overdue: bigint;
  ratings: bigint;
  average_rating: string | null;
}

function sum(rows: MetricRow[]): DeskFigures {
  let ratingTotal = 0;
  const f: DeskFigures = { received: 0, online: 0, closedOnTime: 0, closedLate: 0, openOverdue: 0, ratings: 0, averageRating: null };
  for (const r of rows) {
    f.received += Number(r.received);
    f.online += Number(r.online);
    f.closedOnTime += Number(r.closed_on_time);
    f.closedLate += Number(r.closed_late);
    f.openOverdue += Number(r.open_overdue);
    f.ratings += Number(r.ratings);
    if (r.average_rating !== null) ratingTotal += Number(r.average_rating) * Number(r.ratings);
  }
  f.averageRating = f.ratings > 0 ? (ratingTotal / f.ratings).toFixed(2) : null;
  return f;
}

/** The desk figures of requests filed in [from, to], per province (and in total). */
export async function deskFiguresByProvince(tx: TxSql, from: string, to: string) {
  const rows = await tx<MetricRow[]>`select * from public.one_stop_metrics(${from}::date, ${to}::date)`;
  const byProvince = new Map<string, MetricRow[]>();
  for (const r of rows) byProvince.set(r.province_id, [...(byProvince.get(r.province_id) ?? []), r]);
  return { total: sum(rows), byProvince: new Map([...byProvince].map(([id, rs]) => [id, sum(rs)])) };
}

/** Cases on a steering committee's list (accepted flags) per province. */
export async function flaggedByProvince(tx: TxSql): Promise<Map<string, number>> {
  const rows = await tx<{ province_id: string; n: bigint }[]>`
    select province_id, count(distinct case_id) as n from public.steering_flags where status = 'accepted' group by 1`;
  return new Map(rows.map((r) => [r.province_id, Number(r.n)]));
}
