/**
 * Where a case's next legal deadline (the agency's, as `deadlines.ts` computes it and the case row
 * keeps it in next_deadline_on) puts it on an executor's worklist and in the workload figures:
 * overdue once the due date has passed, due this week when it falls within the next seven days
 * (today included), later otherwise; no deadline at all last. A product setting, not a legal limit.
 */
import { addCalendarDays, compareDates, type IsoDate } from "./calendar.ts";

export type DueBucket = "overdue" | "this_week" | "later" | "none";

/** Days from today (included) that count as "this week". */
export const DUE_THIS_WEEK_DAYS = 7;

/** The first day after "this week": a deadline due before it (and not before today) is due this week. */
export function dueWeekEnd(today: IsoDate): IsoDate {
  return addCalendarDays(today, DUE_THIS_WEEK_DAYS);
}

export function dueBucket(dueOn: IsoDate | null, today: IsoDate): DueBucket {
  if (dueOn === null) return "none";
  if (compareDates(dueOn, today) < 0) return "overdue";
  if (compareDates(dueOn, dueWeekEnd(today)) < 0) return "this_week";
  return "later";
}
