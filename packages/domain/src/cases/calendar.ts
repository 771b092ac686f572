/**
 * The working-day calendar (Vietnamese holidays and make-up working Saturdays), and the plain
 * dates of ./dates.ts, re-exported.
 */
import { VN_HOLIDAYS, type HolidayYear } from "./holidays-vn.ts";
import { dayOfWeek, fromDayNumber, type IsoDate, toDayNumber } from "./dates.ts";

export * from "./dates.ts";

// ---------------------------------------------------------------------------------------------
// Working-day calendar
// ---------------------------------------------------------------------------------------------

export type CalendarYearStatus = "official" | "provisional" | "missing";

export interface WorkingCalendar {
  readonly name: string;
  /** Weekday dates that are days off (holidays, substitute and swapped days). */
  readonly daysOff: ReadonlySet<IsoDate>;
  /** Weekend dates that are working days (make-up days, làm bù: e.g. Saturday 22/08/2026). */
  readonly workingWeekendDays: ReadonlySet<IsoDate>;
  /** Which years have data, and how firm it is. */
  readonly years: ReadonlyMap<number, "official" | "provisional">;
  /**
   * Fixed solar-calendar holidays ('MM-DD') assumed as days off in years without data, so a
   * deadline in an uncovered year is still close; check `calendarYearStatus` to flag it.
   */
  readonly fallbackFixedHolidays: readonly string[];
}

/** Builds a working calendar from per-year holiday data (weekends are Saturday and Sunday). */
export function createCalendar(name: string, data: readonly HolidayYear[]): WorkingCalendar {
  const daysOff = new Set<IsoDate>();
  const workingWeekendDays = new Set<IsoDate>();
  const years = new Map<number, "official" | "provisional">();
  for (const year of data) {
    if (years.has(year.year)) throw new RangeError(`Holiday data lists year ${year.year} twice`);
    years.set(year.year, year.status);
    const cited = new Set(year.citations.map((c) => c.id));
    for (const entry of [...year.daysOff, ...year.extraWorkingDays]) {
      if (!cited.has(entry.cite))
        throw new RangeError(`Holiday data for ${entry.date} cites '${entry.cite}', not among year ${year.year}'s citations`);
    }
    for (const entry of year.daysOff) {
      if (Number(entry.date.slice(0, 4)) !== year.year) {
        throw new RangeError(`Holiday ${entry.date} is listed under year ${year.year}`);
      }
      const dow = dayOfWeek(entry.date);
      if (dow !== 0 && dow !== 6) daysOff.add(entry.date);
    }
    for (const entry of year.extraWorkingDays) {
      const dow = dayOfWeek(entry.date);
      if (dow !== 0 && dow !== 6) {
        throw new RangeError(`Make-up working day ${entry.date} is not a weekend day`);
      }
      workingWeekendDays.add(entry.date);
    }
  }
  return { name, daysOff, workingWeekendDays, years, fallbackFixedHolidays: ["01-01", "04-30", "05-01", "09-02"] };
}

/** Vietnam's calendar for state agencies, from `holidays-vn.ts`. */
export const VN_CALENDAR: WorkingCalendar = createCalendar("VN", VN_HOLIDAYS);

export function calendarYearStatus(year: number, calendar: WorkingCalendar = VN_CALENDAR): CalendarYearStatus {
  return calendar.years.get(year) ?? "missing";
}

/** Worst data status over the years spanned by [from, to]: missing > provisional > official. */
export function calendarStatusBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): CalendarYearStatus {
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  let worst: CalendarYearStatus = "official";
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) {
    const s = calendarYearStatus(y, calendar);
    if (s === "missing") return "missing";
    if (s === "provisional") worst = "provisional";
  }
  return worst;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): boolean {
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return calendar.workingWeekendDays.has(date);
  if (calendar.daysOff.has(date)) return false;
  if (!calendar.years.has(Number(date.slice(0, 4)))) {
    return !calendar.fallbackFixedHolidays.includes(date.slice(5));
  }
  return true;
}

/**
 * The n-th working day after `date` (n > 0), before it (n < 0), or for n = 0 the date itself when
 * it is a working day, else the next working day. addWorkingDays('2025-01-24', 1) → '2025-02-03'
 * (Friday before Tết → first Monday after it).
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar = VN_CALENDAR): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Number of working days must be an integer: ${n}`);
  let day = toDayNumber(date);
  if (n === 0) return nextWorkingDayOnOrAfter(date, calendar);
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), calendar)) left--;
  }
  return fromDayNumber(day);
}

/** `date` if it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): IsoDate {
  let day = toDayNumber(date);
  while (!isWorkingDay(fromDayNumber(day), calendar)) day++;
  return fromDayNumber(day);
}

/** Working days in the interval (from, to]; negative when `to` is before `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDay(fromDayNumber(day), calendar)) count++;
  return count;
}
