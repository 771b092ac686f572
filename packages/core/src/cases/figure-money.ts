/**
 * The money side of a statistics figure's case list: the amount each case contributes to a money
 * figure for a unit and a period, as the aggregates count it (app_private.stat_case_deltas,
 * supabase/migrations/20261205000300_register_statistics.sql; definitions in
 * packages/domain/src/stats/figures.ts):
 *  - a stock (carried over at the day before the period, or in progress, postponed, suspended, other,
 *    not yet enforceable or in the separate register at its end): the case's outstanding money then
 *    (money decided less payments up to that day) when its standing is that one;
 *  - newly accepted: the money decided within the period;
 *  - completed: the payments received within the period, plus what was outstanding at a completion;
 *  - terminated, transferred out, moved to or reopened from the separate register, returned, moved in
 *    from or out to another unit of the province: what was outstanding just before that event;
 *  - for a unit (`heldBy`) cases were given to or by: each part counts only under the unit holding
 *    the case on the day that counts (ADR 028).
 *  - the derived figures: the same sums of these as their definitions (withDerived).
 * The sum over the figure's list equals the money figure (packages/core/test/money-drilldown.test.ts).
 */
import type { TxSql } from "@thads/db";
import { addCalendarDays, type DrillFigure } from "@thads/domain";
import { heldBy as unitHolding, MOVE_FROM_SQL, MOVE_KINDS_SQL } from "./holding-unit.ts";

type Primary = "co" | "acc" | "reo" | "mvi" | "trf" | "mvo" | "reg" | "ret" | "cmp" | "ter" | "ip" | "pp" | "sp" | "ot" | "ny" | "sr";
type Weights = Partial<Record<Primary, 1 | -1>>;

const TOTAL_ACCEPTED: Weights = { co: 1, acc: 1, reo: 1 };
const TO_ENFORCE: Weights = { ...TOTAL_ACCEPTED, mvi: 1, mvo: -1, trf: -1, reg: -1, ret: -1 };
const DONE: Weights = { cmp: 1, ter: 1 };
const AT_END: Weights = { ip: 1, pp: 1, sp: 1, ot: 1 };

/** Each figure as a signed sum of the primary figures (the identities of the official forms). */
const FIGURE_WEIGHTS: Record<DrillFigure, Weights> = {
  carried_over: { co: 1 },
  newly_accepted: { acc: 1 },
  reopened: { reo: 1 },
  moved_in: { mvi: 1 },
  total_accepted: TOTAL_ACCEPTED,
  transferred_out: { trf: 1 },
  moved_out: { mvo: 1 },
  registered: { reg: 1 },
  returned: { ret: 1 },
  to_enforce: TO_ENFORCE,
  enforceable: { ...DONE, ...AT_END },
  completed: { cmp: 1 },
  terminated: { ter: 1 },
  done: DONE,
  in_progress: { ip: 1 },
  postponed: { pp: 1 },
  suspended: { sp: 1 },
  other: { ot: 1 },
  not_yet_enforceable: { ny: 1 },
  carried_to_next: { ...AT_END, ny: 1 },
  separate_register: { sr: 1 },
};

/**
 * Figures whose money also comes from cases the figure by cases does not list: money decided or paid
 * within the period by a case accepted before it, or one that ended otherwise than by completion.
 * Their money list adds the cases with a decision or a payment in the period.
 */
const MONEY_BEYOND_CASES: ReadonlySet<DrillFigure> = new Set([
  "newly_accepted",
  "completed",
  "done",
  "total_accepted",
  "to_enforce",
  "enforceable",
]);

export const moneyListAddsFlows = (figure: DrillFigure): boolean => MONEY_BEYOND_CASES.has(figure);

/** An event's change to the money owed: + decided (its money obligations), − paid. */
const owedChange = (tx: TxSql, e: string) =>
  tx.unsafe(`case ${e}.kind::text
      when 'decision' then coalesce((select sum((o ->> 'amount')::numeric) from jsonb_array_elements(${e}.payload -> 'obligations') o
                                     where o ->> 'kind' = 'money'), 0)
      when 'payment' then -(${e}.payload ->> 'amount')::numeric
      else 0 end`);

/**
 * The SQL expression (numeric) of the money case `c` contributes to the figure for [from, to]: the
 * definitions above, read from the case's events under the caller's RLS.
 */
export function caseFigureMoney(tx: TxSql, figure: DrillFigure, from: string, to: string, heldBy: string | null = null) {
  const w = FIGURE_WEIGHTS[figure];
  const before = addCalendarDays(from, -1);
  // At a unit cases were given to or by: a part counts when that unit held the case (ADR 028).
  const { heldOn, heldAtEvent } = unitHolding(tx, heldBy);
  // A weight is written into the statement (1 or -1), not sent as a parameter of unknown type.
  const n = (x: 1 | -1) => tx.unsafe(x === 1 ? "1" : "(-1)");
  const owedAt = (day: string) =>
    tx`(select coalesce(sum(${owedChange(tx, "e")}), 0) from public.case_events e where e.case_id = c.id and e.effective_date <= ${day})`;
  const parts = [];
  // Carried over: in the active workload at the end of the day before.
  if (w.co)
    parts.push(
      tx`(case when public.stat_standing_at(c.id, ${before}) in ('ip', 'pp', 'sp', 'ot', 'ny') ${heldOn(before)} then ${n(w.co)} * ${owedAt(before)} else 0 end)`,
    );
  // The stocks at the end of the period: one standing at a time.
  const stocks = (["ip", "pp", "sp", "ot", "ny", "sr"] as const).filter((k) => w[k]);
  if (stocks.length) {
    const weight = stocks.reduce((q, k) => tx`${q} when ${k} then ${n(w[k]!)}`, tx`case public.stat_standing_at(c.id, ${to})`);
    parts.push(tx`(case when true ${heldOn(to)} then coalesce(${weight} end, 0) * ${owedAt(to)} else 0 end)`);
  }
  // The flows: the events within the period, each with the money owed just before it.
  const ended: [Primary, string][] = [
    ["trf", "transfer"],
    ["reg", "register_transfer"],
    ["reo", "register_reopening"],
    ["ret", "request_returned"],
    ["ter", "termination"],
    ["cmp", "completion"],
  ];
  const owedBefore = tx`(select coalesce(sum(${owedChange(tx, "p")}), 0) from public.case_events p
      where p.case_id = e.case_id and (p.effective_date, p.id) < (e.effective_date, e.id))`;
  const flows = [
    w.acc ? tx`when 'decision' then ${n(w.acc)} * ${owedChange(tx, "e")}` : null,
    w.cmp ? tx`when 'payment' then ${n(w.cmp)} * (e.payload ->> 'amount')::numeric` : null,
    ...ended.map(([k, kind]) => (w[k] ? tx`when ${kind} then ${n(w[k])} * ${owedBefore}` : null)),
  ].filter((x) => x !== null);
  if (flows.length) {
    const byKind = flows.reduce((q, f) => tx`${q} ${f}`, tx`case e.kind::text`);
    parts.push(tx`(select coalesce(sum(${byKind} else 0 end), 0) from public.case_events e
      where e.case_id = c.id and e.effective_date between ${from} and ${to} ${heldAtEvent})`);
  }
  // Moves between the province's units from the active workload: received at the unit the event
  // names, given by the unit it leaves; a province or the nation has both.
  if (w.mvi || w.mvo) {
    const side = (k: "mvi" | "mvo", column: string) =>
      w[k] ? tx`+ case when ${heldBy ? tx`${tx.unsafe(column)} = ${heldBy}` : tx`true`} then ${n(w[k])} else 0 end` : tx``;
    parts.push(tx`(select coalesce(sum((0 ${side("mvi", "e.payload ->> 'unitId'")} ${side("mvo", MOVE_FROM_SQL)}) * ${owedBefore}), 0)
      from public.case_events e
      where e.case_id = c.id and e.kind in ${tx.unsafe(MOVE_KINDS_SQL)} and e.effective_date between ${from} and ${to}
        and public.stat_standing_at(e.case_id, e.effective_date, e.id) in ('ip', 'pp', 'sp', 'ot', 'ny'))`);
  }
  return parts.reduce((q, p) => tx`${q} + ${p}`, tx`0::numeric`);
}
