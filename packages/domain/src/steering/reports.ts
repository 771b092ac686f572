/**
 * Progress-report cadence: the responsible bureau reports on each flagged
 * case every month or every quarter (as the committee sets). A period is
 * identified by its first day; the report for a period is due by the last
 * day of the period plus a grace of a few days. Periods start from the one
 * in which the case was accepted onto the list.
 */
import { addCalendarDays, addMonths, compareDates, type IsoDate } from "../cases/calendar.ts";

export type ReportCadence = "monthly" | "quarterly";
export const REPORT_CADENCES: readonly ReportCadence[] = ["monthly", "quarterly"];

/** Days after a period ends within which its report is still on time. */
export const REPORT_GRACE_DAYS = 5;

const monthsOf = (c: ReportCadence) => (c === "monthly" ? 1 : 3);

/** First day of the period containing `date`. Quarters are calendar quarters (Jan, Apr, Jul, Oct). */
export function reportPeriodStart(date: IsoDate, cadence: ReportCadence): IsoDate {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  const startMonth = cadence === "monthly" ? m : Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(startMonth).padStart(2, "0")}-01`;
}

export function reportPeriodEnd(start: IsoDate, cadence: ReportCadence): IsoDate {
  return addCalendarDays(addMonths(start, monthsOf(cadence)), -1);
}

export function reportDueOn(start: IsoDate, cadence: ReportCadence): IsoDate {
  return addCalendarDays(reportPeriodEnd(start, cadence), REPORT_GRACE_DAYS);
}

/** Label of a period: "Tháng 03/2026" or "Quý I/2026". */
export function reportPeriodLabel(start: IsoDate, cadence: ReportCadence): string {
  const y = start.slice(0, 4);
  const m = Number(start.slice(5, 7));
  if (cadence === "monthly") return `Tháng ${String(m).padStart(2, "0")}/${y}`;
  return `Quý ${["I", "II", "III", "IV"][Math.floor((m - 1) / 3)]}/${y}`;
}

/** Periods whose report is already due on `today`, from the period of `flaggedOn` on, oldest first. */
export function duePeriods(flaggedOn: IsoDate, cadence: ReportCadence, today: IsoDate, until?: IsoDate | null): IsoDate[] {
  const out: IsoDate[] = [];
  const last = until && compareDates(until, today) < 0 ? until : today;
  for (let start = reportPeriodStart(flaggedOn, cadence); compareDates(start, last) <= 0; start = addMonths(start, monthsOf(cadence))) {
    if (compareDates(reportDueOn(start, cadence), today) < 0) out.push(start);
    if (out.length > 600) break;
  }
  return out;
}

/** Due periods without a report (reports are keyed by their period start). */
export function missingReports(
  flaggedOn: IsoDate,
  cadence: ReportCadence,
  reportedPeriods: readonly IsoDate[],
  today: IsoDate,
  until?: IsoDate | null,
): IsoDate[] {
  const have = new Set(reportedPeriods.map((p) => reportPeriodStart(p, cadence)));
  return duePeriods(flaggedOn, cadence, today, until).filter((p) => !have.has(p));
}
