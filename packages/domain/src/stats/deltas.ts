/**
 * The aggregate scheme: a case's history as dated delta rows, so that any period's figures are
 * sums of rows (what the database keeps per unit and day/month, updated with each event):
 *  - flow columns (acc, trf, cmp, ter; reg: moved to the separate register, reo: reopened from it,
 *    ret: request returned; mvi / mvo: received from / given to another unit of the province) count
 *    what happened on that day;
 *  - stock columns (ip, pp, sp, ot, ny: the standings of the active workload; sr: the separate
 *    register, outside it) change by +1/−1 (cases) and by
 *    the outstanding amount (money) when a case enters or leaves a standing, so the standing at the
 *    end of day d is the sum of stock deltas up to d.
 * Each row belongs to the unit holding the case once its event is taken (holdingUnitOf); a move
 * writes two rows: the stock and `mvo` leave the giving unit, the stock and `mvi` join the receiving
 * one, so a later move never changes an earlier row.
 * `figuresFromDeltas(caseDeltas(events), from, to)` equals `caseStats(events, from, to)` for every
 * ledger and period (and per unit, caseStatsByUnit), and both are additive over cases (tested with
 * random histories).
 */
import { addCalendarDays, type IsoDate } from "../cases/calendar.ts";
import { applyEvent, moneySummary, sortEvents, type CaseEvent, type CaseState, type LifecycleOptions } from "../cases/lifecycle.ts";
import { assertPeriod, holdingUnitOf, isActiveStanding, standingOf, withDerived, type StatStanding, type UnitStats } from "./figures.ts";

export const DELTA_FLOWS = ["acc", "trf", "cmp", "ter", "reg", "reo", "ret", "mvi", "mvo"] as const;
/** The stocks of the active workload: what is carried over. */
export const ACTIVE_STOCKS = ["ip", "pp", "sp", "ot", "ny"] as const;
export const DELTA_STOCKS = [...ACTIVE_STOCKS, "sr"] as const;
export type DeltaFlow = (typeof DELTA_FLOWS)[number];
export type DeltaStock = (typeof DELTA_STOCKS)[number];
/** Column names: `<flow|stock>_n` (cases) and `<flow|stock>_m` (money, đồng), as in the database. */
export const DELTA_COLUMNS = [...DELTA_FLOWS, ...DELTA_STOCKS].flatMap((k) => [`${k}_n`, `${k}_m`] as const);
export type DeltaColumn = `${DeltaFlow | DeltaStock}_${"n" | "m"}`;

export type DeltaRow = { day: IsoDate } & Record<DeltaColumn, bigint>;
/** A delta row of one unit (the unit holding the case: holdingUnitOf). */
export type UnitDeltaRow = DeltaRow & { unit: string };

export const STOCK_OF: Readonly<Record<StatStanding, DeltaStock>> = {
  in_progress: "ip",
  postponed: "pp",
  suspended: "sp",
  other: "ot",
  not_yet_enforceable: "ny",
  separate_register: "sr",
};

export function zeroDelta(day: IsoDate): DeltaRow {
  const row = { day } as DeltaRow;
  for (const c of DELTA_COLUMNS) row[c as DeltaColumn] = 0n;
  return row;
}

function owed(s: CaseState | null): bigint {
  return s ? moneySummary(s).outstanding : 0n;
}

/** One delta row per event, two for a move (several rows may share a day). */
export function caseDeltas(events: readonly CaseEvent[], options: LifecycleOptions = {}): UnitDeltaRow[] {
  const rows: UnitDeltaRow[] = [];
  let state: CaseState | null = null;
  for (const { event } of sortEvents(events)) {
    const r = applyEvent(state, event, options);
    if (!r.ok) throw new RangeError(`Inconsistent ledger: ${r.error.message_en}`);
    const unit = holdingUnitOf(r.state);
    const row: UnitDeltaRow = { ...zeroDelta(event.effectiveDate), unit };
    const before = state ? standingOf(state.status) : null;
    const after = standingOf(r.state.status);
    const owedBefore = owed(state);
    // The giving unit of a move: its stock leaves there.
    const giver: UnitDeltaRow | null =
      state && holdingUnitOf(state) !== unit ? { ...zeroDelta(event.effectiveDate), unit: holdingUnitOf(state) } : null;
    if (before) {
      const from = giver ?? row;
      from[`${STOCK_OF[before]}_n`] -= 1n;
      from[`${STOCK_OF[before]}_m`] -= owedBefore;
    }
    if (giver && isActiveStanding(before)) {
      giver.mvo_n += 1n;
      giver.mvo_m += owedBefore;
      row.mvi_n += 1n;
      row.mvi_m += owedBefore;
    }
    if (after) {
      row[`${STOCK_OF[after]}_n`] += 1n;
      row[`${STOCK_OF[after]}_m`] += owed(r.state);
    }
    switch (event.kind) {
      case "acceptance":
        row.acc_n += 1n;
        break;
      case "decision":
        row.acc_m += moneySummary(r.state).due;
        break;
      case "payment":
        row.cmp_m += event.amount;
        break;
      case "completion":
        row.cmp_n += 1n;
        row.cmp_m += owedBefore;
        break;
      case "termination":
        row.ter_n += 1n;
        row.ter_m += owedBefore;
        break;
      case "transfer":
        row.trf_n += 1n;
        row.trf_m += owedBefore;
        break;
      case "register_transfer":
        row.reg_n += 1n;
        row.reg_m += owedBefore;
        break;
      case "register_reopening":
        row.reo_n += 1n;
        row.reo_m += owedBefore;
        break;
      case "request_returned":
        row.ret_n += 1n;
        row.ret_m += owedBefore;
        break;
      default:
        break;
    }
    if (giver) rows.push(giver);
    rows.push(row);
    state = r.state;
  }
  return rows;
}

/** Figures for [from, to] of each unit from unit delta rows (any number of cases). */
export function figuresByUnitFromDeltas(rows: readonly UnitDeltaRow[], from: IsoDate, to: IsoDate): Map<string, UnitStats> {
  const byUnit = new Map<string, UnitDeltaRow[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unit);
    if (list) list.push(r);
    else byUnit.set(r.unit, [r]);
  }
  return new Map([...byUnit].map(([unit, list]) => [unit, figuresFromDeltas(list, from, to)]));
}

/** Figures for [from, to] from delta rows (any number of cases): sums only. */
export function figuresFromDeltas(rows: readonly DeltaRow[], from: IsoDate, to: IsoDate): UnitStats {
  assertPeriod(from, to);
  const dayBefore = addCalendarDays(from, -1);
  const sum = (col: DeltaColumn, lo: IsoDate | null, hi: IsoDate) =>
    rows.reduce((t, r) => (r.day <= hi && (lo === null || r.day >= lo) ? t + r[col] : t), 0n);
  const side = (u: "n" | "m") =>
    withDerived({
      carried_over: ACTIVE_STOCKS.reduce((t, s) => t + sum(`${s}_${u}`, null, dayBefore), 0n),
      newly_accepted: sum(`acc_${u}`, from, to),
      reopened: sum(`reo_${u}`, from, to),
      moved_in: sum(`mvi_${u}`, from, to),
      transferred_out: sum(`trf_${u}`, from, to),
      moved_out: sum(`mvo_${u}`, from, to),
      registered: sum(`reg_${u}`, from, to),
      returned: sum(`ret_${u}`, from, to),
      completed: sum(`cmp_${u}`, from, to),
      terminated: sum(`ter_${u}`, from, to),
      in_progress: sum(`ip_${u}`, null, to),
      postponed: sum(`pp_${u}`, null, to),
      suspended: sum(`sp_${u}`, null, to),
      other: sum(`ot_${u}`, null, to),
      not_yet_enforceable: sum(`ny_${u}`, null, to),
      separate_register: sum(`sr_${u}`, null, to),
    });
  return { cases: side("n"), money: side("m") };
}
