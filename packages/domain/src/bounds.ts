/**
 * Bounds on the dates and amounts of money a record may carry.
 *
 * Dates. A step already taken (a step of a case's ledger, of an asset, a steering record) cannot be
 * dated after today in Việt Nam, nor before the case's acceptance date (ngày thụ lý), nor before
 * 1990 (the civil judgment enforcement system in its present form; older files are re-accepted
 * when taken up again). A planned date (a directive's deadline, a meeting, an auction round, a
 * planned coercion) may lie ahead, but not more than ten years. The database enforces the same
 * bounds (migration 20261204000200_bounds.sql), with the same constants.
 *
 * Money. One obligation, one payment, one price, valuation, deposit, distribution line or threshold
 * is at most MAX_DONG đồng; the money obligations of one case at most MAX_CASE_DONG. Sums over
 * many cases (the statistics) are kept as numeric in the database, never as bigint.
 */
import { addMonths, compareDates, formatDateVi, isIsoDate, type IsoDate } from "./cases/calendar.ts";
import { LEGAL_TIME_LIMITS } from "./cases/rules.ts";

/**
 * The largest amount of one obligation, payment, price or valuation: 10^16 đồng (ten million
 * billion). The largest judgments ever enforced in Việt Nam are below 10^15 đồng, so this leaves
 * a factor of ten; it keeps every single amount far below bigint's 9.2 × 10^18.
 */
export const MAX_DONG = 10n ** 16n;

/**
 * The largest total of the money obligations of one case: 10^18 đồng (a hundred times MAX_DONG).
 * A case's projection (money due, collected) and each of its statistics delta rows are a bigint;
 * bounding the case keeps them below 9.2 × 10^18. Sums over cases are numeric.
 */
export const MAX_CASE_DONG = 10n ** 18n;

/** No record is dated before 1 January 1990. */
export const EARLIEST_DATE: IsoDate = "1990-01-01";
export const EARLIEST_YEAR = 1990;

/** A planned date (deadline, meeting, auction round, planned operation) at most ten years ahead. */
export const PLANNED_YEARS_AHEAD = 10;

// Built once: making a formatter costs far more than using one, and every page asks for today.
const VN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

let simulatedDay: IsoDate | null = null;

/**
 * A rehearsal server's fixed "today" (THADS_SIMULATED_TODAY; null: the real day). Every
 * todayInVietnam() without an explicit clock answers it, and the database is told the same day
 * with each transaction (packages/db, rls.ts), where the owner allows it.
 */
export function setSimulatedToday(day: IsoDate | null): void {
  if (day !== null && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`simulated today: ${day} is not YYYY-MM-DD`);
  simulatedDay = day;
}

/** The simulated day, if this process runs on one. */
export function simulatedToday(): IsoDate | null {
  return simulatedDay;
}

/**
 * Today's date in Việt Nam (Asia/Ho_Chi_Minh, UTC+7) as YYYY-MM-DD. The one source of "today" for
 * every bound: pass `now` to fix the clock in tests (a simulated day, when set, answers otherwise).
 */
export function todayInVietnam(now?: Date): IsoDate {
  if (now === undefined && simulatedDay !== null) return simulatedDay;
  return VN_DAY.format(now ?? new Date());
}

/** The latest planned date allowed on `today`: ten years ahead. */
export function latestPlannedDate(today: IsoDate): IsoDate {
  return addMonths(today, 12 * PLANNED_YEARS_AHEAD);
}

/** A form field as named to the user. */
export interface BoundField {
  /** The input's name (form key), for the error to point at. */
  key: string;
  vi: string;
  en: string;
}

export type BoundCode =
  | "invalid_date"
  | "date_too_early"
  | "date_in_future"
  | "date_before_acceptance"
  | "date_too_far_ahead"
  | "date_before_rules"
  | "amount_not_positive"
  | "amount_negative"
  | "amount_too_large"
  | "year_out_of_range";

export interface BoundError {
  code: BoundCode;
  field: string;
  message_vi: string;
  message_en: string;
}

const fail = (f: BoundField, code: BoundCode, vi: string, en: string): BoundError => ({
  code,
  field: f.key,
  message_vi: `${f.vi}: ${vi}`,
  message_en: `${f.en}: ${en}`,
});

function checkFloor(date: IsoDate, field: BoundField, acceptedOn?: IsoDate | null): BoundError | null {
  if (compareDates(date, EARLIEST_DATE) < 0) {
    return fail(
      field,
      "date_too_early",
      `không được trước năm ${EARLIEST_YEAR} (${formatDateVi(date)}).`,
      `cannot be before ${EARLIEST_YEAR} (${date}).`,
    );
  }
  if (acceptedOn && compareDates(date, acceptedOn) < 0) {
    return fail(
      field,
      "date_before_acceptance",
      `không được trước ngày thụ lý việc thi hành án (${formatDateVi(acceptedOn)}).`,
      `cannot be before the case's acceptance date (${acceptedOn}).`,
    );
  }
  return null;
}

/**
 * A step already taken: a real date, not before 1990, not before the case's acceptance date (when
 * the step belongs to a case), not after today in Việt Nam.
 */
export function checkPastDate(date: string, opts: { field: BoundField; today: IsoDate; acceptedOn?: IsoDate | null }): BoundError | null {
  if (!isIsoDate(date)) return fail(opts.field, "invalid_date", "ngày không hợp lệ.", "not a valid date.");
  const floor = checkFloor(date, opts.field, opts.acceptedOn);
  if (floor) return floor;
  if (compareDates(date, opts.today) > 0) {
    return fail(
      opts.field,
      "date_in_future",
      `không được sau ngày hôm nay (${formatDateVi(opts.today)}).`,
      `cannot be after today (${opts.today}).`,
    );
  }
  return null;
}

/**
 * A planned date: a real date, not before 1990 (nor the case's acceptance date when given), not
 * more than ten years after today. Whether it may lie in the past is the caller's rule.
 */
export function checkPlannedDate(
  date: string,
  opts: { field: BoundField; today: IsoDate; acceptedOn?: IsoDate | null },
): BoundError | null {
  if (!isIsoDate(date)) return fail(opts.field, "invalid_date", "ngày không hợp lệ.", "not a valid date.");
  const floor = checkFloor(date, opts.field, opts.acceptedOn);
  if (floor) return floor;
  const latest = latestPlannedDate(opts.today);
  if (compareDates(date, latest) > 0) {
    return fail(
      opts.field,
      "date_too_far_ahead",
      `không được quá ${PLANNED_YEARS_AHEAD} năm kể từ hôm nay (muộn nhất ${formatDateVi(latest)}).`,
      `cannot be more than ${PLANNED_YEARS_AHEAD} years ahead (${latest} at the latest).`,
    );
  }
  return null;
}

/**
 * A case's acceptance date: a step taken (not after today, not before 1990), and not before the
 * first rule set in force (1 July 2009): the lifecycle and its deadlines are defined from then on.
 * A file accepted earlier and still open is taken in with the date it is taken up again.
 */
export function checkAcceptanceDate(date: string, opts: { field: BoundField; today: IsoDate }): BoundError | null {
  const past = checkPastDate(date, opts);
  if (past) return past;
  const first = LEGAL_TIME_LIMITS[0]!;
  if (compareDates(date, first.effectiveFrom) < 0) {
    return fail(
      opts.field,
      "date_before_rules",
      `không được trước ngày ${formatDateVi(first.effectiveFrom)} (${first.legalBasis_vi} có hiệu lực); việc thụ lý trước đó được nhập với ngày thụ lý lại.`,
      `cannot be before ${first.effectiveFrom} (${first.legalBasis_en} in force); a file accepted earlier is entered with the date it was taken up again.`,
    );
  }
  return null;
}

/** An amount of đồng: > 0 (or ≥ 0 with allowZero), at most MAX_DONG. */
export function checkDong(amount: bigint, opts: { field: BoundField; allowZero?: boolean }): BoundError | null {
  if (amount < 0n || (amount === 0n && !opts.allowZero)) {
    return opts.allowZero
      ? fail(opts.field, "amount_negative", "không được âm.", "cannot be negative.")
      : fail(opts.field, "amount_not_positive", "phải lớn hơn 0.", "must be greater than 0.");
  }
  if (amount > MAX_DONG) {
    return fail(
      opts.field,
      "amount_too_large",
      "vượt quá mức tối đa 10.000.000.000.000.000 đồng (10^16).",
      "exceeds the maximum of 10^16 đồng.",
    );
  }
  return null;
}

/** A statistical year (of targets): from 1990 to ten years after the current one. */
export function checkStatYear(year: number, opts: { field: BoundField; today: IsoDate }): BoundError | null {
  const last = Number(opts.today.slice(0, 4)) + PLANNED_YEARS_AHEAD;
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > last) {
    return fail(
      opts.field,
      "year_out_of_range",
      `phải từ năm ${EARLIEST_YEAR} đến năm ${last}.`,
      `must be between ${EARLIEST_YEAR} and ${last}.`,
    );
  }
  return null;
}
