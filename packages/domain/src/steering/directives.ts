/**
 * Directives (ý kiến chỉ đạo): a deadline set by the committee, an answer by
 * the addressee. A directive is overdue when its deadline has passed without
 * an answer; one answered after its deadline is "answered late".
 */
import { compareDates, daysBetween, type IsoDate } from "../cases/calendar.ts";

export type DirectiveStatus = "open" | "due_soon" | "overdue" | "answered" | "answered_late";

export interface DirectiveTiming {
  dueOn: IsoDate;
  answeredOn: IsoDate | null;
}

/** Days before the deadline from which an open directive counts as due soon. */
export const DIRECTIVE_DUE_SOON_DAYS = 3;

export function directiveStatus(d: DirectiveTiming, today: IsoDate): DirectiveStatus {
  if (d.answeredOn) return compareDates(d.answeredOn, d.dueOn) > 0 ? "answered_late" : "answered";
  if (compareDates(today, d.dueOn) > 0) return "overdue";
  if (daysBetween(today, d.dueOn) <= DIRECTIVE_DUE_SOON_DAYS) return "due_soon";
  return "open";
}

export function isDirectiveOverdue(d: DirectiveTiming, today: IsoDate): boolean {
  return directiveStatus(d, today) === "overdue";
}

/** Days past the deadline (0 when not overdue). */
export function daysOverdue(d: DirectiveTiming, today: IsoDate): number {
  return isDirectiveOverdue(d, today) ? daysBetween(d.dueOn, today) : 0;
}

/** A new directive's deadline must be today or later (and within two years). */
export function directiveDeadlineProblem(dueOn: IsoDate, today: IsoDate): string | null {
  if (compareDates(dueOn, today) < 0) return "Thời hạn thực hiện ý kiến chỉ đạo không được là ngày đã qua.";
  if (daysBetween(today, dueOn) > 730) return "Thời hạn thực hiện ý kiến chỉ đạo không được quá 2 năm kể từ hôm nay.";
  return null;
}
