import type { TxSql } from "@thads/db";

/*
 * Complaint statistics by unit and period: the official lines (received, within competence,
 * resolved, on time, upheld in whole or in part). A letter counts once: duplicates are linked, not
 * counted. Received and within competence count by the day received; resolved and its
 * breakdown by the day resolved. `letterList` with the same figure lists exactly the letters counted.
 */
export interface ComplaintStatsRow {
  unit_id: string;
  unit_name: string;
  received: number;
  competent: number;
  late: number;
  resolved: number;
  on_time: number;
  upheld: number;
  partly_upheld: number;
}

/** The figures' definitions, one column each, over `public.complaint_letters l`. */
function figureColumns(tx: TxSql, from: string, to: string) {
  return tx`
    count(*) filter (where l.received_on between ${from} and ${to} and l.duplicate_of is null)::int as received,
    count(*) filter (where l.received_on between ${from} and ${to} and l.duplicate_of is null
                       and l.kind in ('complaint', 'denunciation'))::int as competent,
    count(*) filter (where l.received_on between ${from} and ${to} and l.duplicate_of is null and l.late)::int as late,
    count(*) filter (where l.resolved_on between ${from} and ${to} and l.status = 'resolved')::int as resolved,
    count(*) filter (where l.resolved_on between ${from} and ${to} and l.status = 'resolved'
                       and l.resolved_on <= l.resolve_due_on)::int as on_time,
    count(*) filter (where l.resolved_on between ${from} and ${to} and l.outcome = 'upheld')::int as upheld,
    count(*) filter (where l.resolved_on between ${from} and ${to} and l.outcome = 'partly_upheld')::int as partly_upheld`;
}

/** The figures of each unit that handles letters (the handling unit, else the receiving one). */
export async function complaintStats(
  tx: TxSql,
  input: { provinceId?: string | null; from: string; to: string },
): Promise<ComplaintStatsRow[]> {
  return tx<ComplaintStatsRow[]>`
    select coalesce(l.handler_unit_id, l.unit_id) as unit_id, min(u.name) as unit_name, ${figureColumns(tx, input.from, input.to)}
      from public.complaint_letters l join public.units u on u.id = coalesce(l.handler_unit_id, l.unit_id)
     where (l.received_on between ${input.from} and ${input.to} or l.resolved_on between ${input.from} and ${input.to})
       ${input.provinceId ? tx`and l.province_id = ${input.provinceId}` : tx``}
     group by 1 order by 2`;
}

export type ComplaintFigures = Omit<ComplaintStatsRow, "unit_id" | "unit_name">;

export interface ComplaintProvinceRow extends ComplaintFigures {
  province_id: string;
  province_name: string;
  slug: string;
}

/**
 * The figures of every province the caller may read, with the same definitions as
 * `complaintStats` (a province's row is the sum of its units' rows); a province without letters
 * in the period has a row of zeros. Ordered for the yearly ranking: the larger share resolved on
 * time first, then the more resolved, then by name; a province that resolved nothing comes last.
 */
export async function complaintStatsByProvince(tx: TxSql, input: { from: string; to: string }): Promise<ComplaintProvinceRow[]> {
  return tx<ComplaintProvinceRow[]>`
    with f as (
      select l.province_id, ${figureColumns(tx, input.from, input.to)}
        from public.complaint_letters l
       where l.received_on between ${input.from} and ${input.to} or l.resolved_on between ${input.from} and ${input.to}
       group by 1
    )
    select p.id as province_id, p.name as province_name, p.slug,
           coalesce(f.received, 0) as received, coalesce(f.competent, 0) as competent, coalesce(f.late, 0) as late,
           coalesce(f.resolved, 0) as resolved, coalesce(f.on_time, 0) as on_time,
           coalesce(f.upheld, 0) as upheld, coalesce(f.partly_upheld, 0) as partly_upheld
      from public.units p left join f on f.province_id = p.id
     where p.kind = 'province' and p.dissolved_on is null and p.merged_into_id is null
     order by (case when coalesce(f.resolved, 0) > 0 then f.on_time::numeric / f.resolved end) desc nulls last,
              coalesce(f.resolved, 0) desc, p.name`;
}

/** The figures as CSV (UTF-8 with BOM, for spreadsheets), one line per unit and a total. */
export function complaintStatsCsv(rows: readonly ComplaintStatsRow[]): string {
  const head = ["Đơn vị", "Tiếp nhận", "Thuộc thẩm quyền", "Quá thời hiệu", "Đã giải quyết", "Đúng hạn", "Đúng toàn bộ", "Đúng một phần"];
  const keys = ["received", "competent", "late", "resolved", "on_time", "upheld", "partly_upheld"] as const;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = rows.map((r) => [q(r.unit_name), ...keys.map((k) => String(r[k]))].join(","));
  const total = keys.map((k) => String(rows.reduce((s, r) => s + r[k], 0)));
  return `\uFEFF${[head.map(q).join(","), ...lines, [q("Tổng cộng"), ...total].join(",")].join("\r\n")}\r\n`;
}
