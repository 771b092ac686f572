/**
 * The case list's statistics-figure filter: the cases a figure of the official forms counts, for a
 * unit and a period (the list's count equals the figure by cases; definitions in
 * packages/domain/src/stats/figures.ts).
 */
import { z } from "zod";
import type { TxSql } from "@thads/db";
import { addCalendarDays, isIsoDate, STAT_FIGURES, type StatFigure } from "@thads/domain";

const isoDate = (field: string) =>
  z.string().refine((v) => isIsoDate(v), { message: `${field}: phải là ngày hợp lệ dạng YYYY-MM-DD.` });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Added to the case list's filters: ?stat=<figure>&statUnit=<unit code>&statFrom=YYYY-MM-DD&statTo=YYYY-MM-DD. */
export const StatFilterFields = {
  stat: optional(z.enum(STAT_FIGURES, { message: "Chỉ tiêu thống kê: không hợp lệ." })),
  statUnit: optional(z.string().regex(/^[A-Z0-9_-]{2,40}$/, { message: "Đơn vị thống kê: mã không hợp lệ." })),
  statFrom: optional(isoDate("Kỳ thống kê từ ngày")),
  statTo: optional(isoDate("Kỳ thống kê đến ngày")),
};

export interface StatFilter {
  stat?: StatFigure;
  statUnit?: string;
  statFrom?: string;
  statTo?: string;
}

/** The SQL condition on cases `c` for a figure (true when no figure is asked for). */
export function statFigureWhere(tx: TxSql, f: StatFilter) {
  if (!f.stat || !f.statFrom || !f.statTo) return tx``;
  const from = f.statFrom;
  const to = f.statTo;
  const before = addCalendarDays(from, -1);
  const event = (kinds: string[]) =>
    tx`exists (select 1 from public.case_events e where e.case_id = c.id and e.kind = any (${kinds}::public.case_event_kind[])
                and e.effective_date between ${from} and ${to})`;
  const carried = tx`public.stat_standing_at(c.id, ${before}) is not null`;
  const accepted = event(["acceptance"]);
  const standingTo = tx`public.stat_standing_at(c.id, ${to})`;
  // The unit's scope as in the aggregates: the nation all, a current province its tenant key, a
  // sub-bureau or a former province its own cases.
  const scope = f.statUnit
    ? tx`and exists (select 1 from public.units u where u.code = ${f.statUnit}
                     and (u.kind = 'national'
                          or (u.kind = 'province' and u.merged_into_id is null and c.province_id = u.id)
                          or ((u.kind = 'subunit' or u.merged_into_id is not null) and c.unit_id = u.id)))`
    : tx``;
  const open = (codes: string[]) => tx`${standingTo} = any (${codes}::text[])`;
  const cond = (() => {
    switch (f.stat) {
      case "carried_over": return carried;
      case "newly_accepted": return accepted;
      case "total_accepted": return tx`(${carried} or ${accepted})`;
      case "transferred_out": return event(["transfer"]);
      case "to_enforce": return tx`(${carried} or ${accepted}) and not ${event(["transfer"])}`;
      case "enforceable": return tx`(${event(["completion", "termination"])} or ${open(["ip", "pp", "sp", "ot"])})`;
      case "completed": return event(["completion"]);
      case "terminated": return event(["termination"]);
      case "in_progress": return open(["ip"]);
      case "postponed": return open(["pp"]);
      case "suspended": return open(["sp"]);
      case "other": return open(["ot"]);
      case "not_yet_enforceable": return open(["ny"]);
      case "carried_to_next": return tx`${standingTo} is not null`;
    }
  })();
  return tx`and ${cond} ${scope}`;
}
