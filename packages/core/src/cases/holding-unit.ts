/**
 * The unit holding a case on the day that counts (ADR 028), as SQL conditions for a figure's case
 * list and its money: for a unit some cases were given to or by, each of those cases counts there
 * only while that unit held it (public.stat_unit_at); a case never moved is its own unit's.
 */
import type { TxSql } from "@thads/db";
import { MOVE_EVENT_KINDS } from "@thads/domain";

/** The steps that move a case between the units of its province, as an SQL list: ('office_assignment', …). */
export const MOVE_KINDS_SQL = `(${MOVE_EVENT_KINDS.map((k) => `'${k}'`).join(", ")})`;

/**
 * The unit a move of event `e` leaves, as text: the one a handover on reorganisation names; for an
 * assignment to a regional office, the bureau that recorded it (a payload's own claim is not read).
 */
export const MOVE_FROM_SQL = "(case when e.kind = 'reorganisation' then e.payload ->> 'fromUnitId' else e.unit_id::text end)";

const moved = (tx: TxSql, caseId: "c.id" | "e.case_id") =>
  tx.unsafe(`exists (select 1 from public.case_events m where m.case_id = ${caseId} and m.kind in ${MOVE_KINDS_SQL})`);

/**
 * `heldOn(day)`: case `c` was held by `unit` at the end of `day`; `heldAtEvent`: event `e`'s case
 * was held by `unit` once `e` was taken. Both empty (always true) without a unit.
 */
export function heldBy(tx: TxSql, unit: string | null) {
  return {
    heldOn: (day: string) => (unit ? tx`and (not ${moved(tx, "c.id")} or public.stat_unit_at(c.id, ${day}) = ${unit})` : tx``),
    heldAtEvent: unit ? tx`and (not ${moved(tx, "e.case_id")} or public.stat_unit_at(e.case_id, e.effective_date, e.id) = ${unit})` : tx``,
  };
}
