/**
 * Fast day arithmetic for the generator: dates as day numbers (days since 1970-01-01), with the
 * ISO strings and the working-day flags of the domain's calendar cached per day.
 */
import { fromDayNumber, isWorkingDay, toDayNumber } from "@thads/domain";

const isoByDay: string[] = [];
const dayByIso = new Map<string, number>();
/** 0 = not computed yet, 1 = working day, 2 = day off (domain calendar, VN holidays). */
const workingFlags = new Uint8Array(80_000);

export function iso(day: number): string {
  let s = isoByDay[day];
  if (s === undefined) {
    s = fromDayNumber(day);
    isoByDay[day] = s;
    dayByIso.set(s, day);
  }
  return s;
}

export function dayOf(date: string): number {
  let d = dayByIso.get(date);
  if (d === undefined) {
    d = toDayNumber(date);
    dayByIso.set(date, d);
    isoByDay[d] = date;
  }
  return d;
}

export function isWorking(day: number): boolean {
  let f = workingFlags[day];
  if (!f) {
    f = isWorkingDay(iso(day)) ? 1 : 2;
    workingFlags[day] = f;
  }
  return f === 1;
}

/** `day` if it is a working day, else the next one. */
export function nextWorking(day: number): number {
  while (!isWorking(day)) day++;
  return day;
}

/** The n-th working day after `day` (n = 0: `day` itself when working, else the next working day). */
export function addWorking(day: number, n: number): number {
  if (n <= 0) return nextWorking(day);
  while (n > 0) {
    day++;
    if (isWorking(day)) n--;
  }
  return day;
}
