/**
 * The statistical year runs 1 October – 30 September and is named by the calendar year it ends in
 * (statistical year 2021 = 1 Oct 2020 – 30 Sep 2021). Reports are cumulative from 1 October to the
 * end of each month (1 to 12 months) and compared with the same period of the previous year.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from "../cases/calendar.ts";

function check(date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
}

/** The statistical year a date falls in. */
export function statYearOf(date: IsoDate): number {
  check(date);
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 10 ? y + 1 : y;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export function statYearPeriod(year: number): Period {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`Not a statistical year: ${year}`);
  return { from: `${year - 1}-10-01`, to: `${year}-09-30` };
}

/** Last day of a calendar month (month 1–12). */
export function monthEnd(year: number, month: number): IsoDate {
  const first = `${String(month === 12 ? year + 1 : year).padStart(4, "0")}-${String(month === 12 ? 1 : month + 1).padStart(2, "0")}-01`;
  return addCalendarDays(first, -1);
}

/** Cumulative period of the statistical year: 1 October to the end of its `months`-th month (1–12). */
export function cumulativePeriod(year: number, months: number): Period {
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new RangeError(`Months must be 1–12, got ${months}`);
  const { from } = statYearPeriod(year);
  const m0 = 10 + months - 1; // 10..21
  const y = m0 > 12 ? year : year - 1;
  const m = m0 > 12 ? m0 - 12 : m0;
  return { from, to: monthEnd(y, m) };
}

/** The twelve cumulative periods of a statistical year (Oct, Oct–Nov, …, Oct–Sep). */
export function cumulativePeriods(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => cumulativePeriod(year, i + 1));
}

/** The single months of a statistical year, October first (for month-by-month trends). */
export function statYearMonths(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m0 = 10 + i;
    const y = m0 > 12 ? year : year - 1;
    const m = m0 > 12 ? m0 - 12 : m0;
    return { from: `${y}-${String(m).padStart(2, "0")}-01`, to: monthEnd(y, m) };
  });
}

/** The same period one year earlier (29 February maps to 28 February). */
export function samePeriodLastYear(p: Period): Period {
  const back = (d: IsoDate): IsoDate => {
    check(d);
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5);
    const candidate = `${String(y).padStart(4, "0")}-${md}`;
    return isIsoDate(candidate) ? candidate : `${String(y).padStart(4, "0")}-02-28`;
  };
  return { from: back(p.from), to: back(p.to) };
}
