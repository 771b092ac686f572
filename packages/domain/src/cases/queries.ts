/**
 * Questions asked of a case state: what is owed, whether the voluntary period runs, whether it is closed.
 * Money is a whole number of đồng as `bigint`, never a float.
 */
import { compareDates, type IsoDate } from "./calendar.ts";
import { CLOSED_STATUSES, type CaseState, type ObligationState } from "./state.ts";

/** The obligation with this id, if the decision lists one. */
export function findObligation(state: CaseState, obligationId: string): ObligationState | undefined {
  return state.obligations.find((o) => o.id === obligationId);
}

/** Amount still owed on a money obligation (đồng). Throws RangeError for an unknown or non-money one. */
export function outstanding(state: CaseState, obligationId: string): bigint {
  const o = findObligation(state, obligationId);
  if (!o) throw new RangeError(`Unknown obligation ${obligationId}`);
  if (o.kind !== "money") throw new RangeError(`Obligation ${obligationId} is not a money obligation`);
  return o.amount - o.paid;
}

export interface MoneySummary {
  due: bigint;
  paid: bigint;
  outstanding: bigint;
}

/** Totals over the case's money obligations (đồng). */
export function moneySummary(state: CaseState): MoneySummary {
  let due = 0n;
  let paid = 0n;
  for (const o of state.obligations) {
    if (o.kind === "money") {
      due += o.amount;
      paid += o.paid;
    }
  }
  return { due, paid, outstanding: due - paid };
}

/** True when every money obligation is fully paid and every act performed (completion possible). */
export function allObligationsSettled(state: CaseState): boolean {
  if (state.obligations.length === 0) return false;
  return state.obligations.every((o) => (o.kind === "money" ? o.paid === o.amount : o.performedOn !== null));
}

/** Whether the voluntary compliance period of a notified case runs on `date` (both ends included). */
export function isInVoluntaryPeriod(state: CaseState, date: IsoDate): boolean {
  return (
    state.notifiedOn !== null &&
    state.voluntaryPeriodEndsOn !== null &&
    compareDates(state.notifiedOn, date) <= 0 &&
    compareDates(date, state.voluntaryPeriodEndsOn) <= 0
  );
}

/** Completed, terminated or transferred out: no further event may be recorded. */
export function isClosed(state: CaseState): boolean {
  return CLOSED_STATUSES.includes(state.status);
}
