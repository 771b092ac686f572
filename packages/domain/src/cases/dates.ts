/**
 * Plain calendar dates: arithmetic, the Vietnamese format and its parsing. No holiday table and no
 * rule: the browser's bundle takes its date formatting from here (through `@thads/domain/labels`).
 *
 * Dates are ISO 'YYYY-MM-DD' strings. All arithmetic goes through a UTC day number, so no local
 * timezone (or DST) can shift a date by one.
 */

/** An ISO calendar date 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Date.UTC without its 0–99 → 1900–1999 year quirk. */
function utcMs(y: number, m: number, d: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getTime();
}

function parts(date: IsoDate): { y: number; m: number; d: number } {
  const match = ISO_RE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Impossible date: ${date}`);
  }
  return { y, m, d };
}

/** True for a real calendar date written 'YYYY-MM-DD' ('2025-02-29' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 (UTC). Throws RangeError on a malformed or impossible date. */
export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = parts(date);
  return utcMs(y, m, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  if (!Number.isInteger(day)) throw new RangeError(`Day number must be an integer: ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Negative if a < b, 0 if equal, positive if a > b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Number of days must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Adds whole months. When the target month has no such day the result is the month's last day
 * (Civil Code 2015, Art. 148: "ngày cuối cùng của tháng đó"): addMonths('2025-08-31', 6) → '2026-02-28'.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Number of months must be an integer: ${n}`);
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, "0")}-${String(tm).padStart(2, "0")}-${String(td).padStart(2, "0")}`;
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

// ---------------------------------------------------------------------------------------------
// Vietnamese date format
// ---------------------------------------------------------------------------------------------

/** '2025-10-01' → '01/10/2025'. */
export function formatDateVi(date: IsoDate): string {
  const { y, m, d } = parts(date);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${String(y).padStart(4, "0")}`;
}

export class DateParseError extends Error {
  readonly message_vi: string;
  readonly message_en: string;
  constructor(message_vi: string, message_en: string) {
    super(message_vi);
    this.name = "DateParseError";
    this.message_vi = message_vi;
    this.message_en = message_en;
  }
}

const VI_RE = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/;

/**
 * 'DD/MM/YYYY' (one-digit day and month accepted) → ISO date. Throws DateParseError, with a
 * Vietnamese message, on a malformed or impossible date ('31/02/2025').
 */
export function parseDateVi(input: string): IsoDate {
  const match = VI_RE.exec(input);
  if (!match) {
    throw new DateParseError(
      `Ngày "${input}" không đúng định dạng ngày/tháng/năm (ví dụ 01/10/2025)`,
      `"${input}" is not a date in DD/MM/YYYY format (e.g. 01/10/2025)`,
    );
  }
  const d = Number(match[1]);
  const m = Number(match[2]);
  const y = Number(match[3]);
  if (m < 1 || m > 12) {
    throw new DateParseError(`Tháng ${m} không tồn tại (ngày "${input}")`, `Month ${m} does not exist ("${input}")`);
  }
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) {
    throw new DateParseError(
      `Ngày ${d}/${m}/${y} không tồn tại: tháng ${m} năm ${y} chỉ có ${max} ngày`,
      `${input.trim()} does not exist: month ${m} of ${y} has only ${max} days`,
    );
  }
  return `${match[3]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Like parseDateVi but returns null instead of throwing. */
export function tryParseDateVi(input: string): IsoDate | null {
  try {
    return parseDateVi(input);
  } catch {
    return null;
  }
}
