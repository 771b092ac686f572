/**
 * Legal time limits of civil judgment enforcement, keyed by the date they take effect.
 *
 * This is the ONE place limits live: callers ask `rulesFor(date)` and never hard-code a number.
 * A period is governed by the rule set in force on the day the period starts (the date of the
 * event it runs from).
 */
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  compareDates,
  isIsoDate,
  nextWorkingDayOnOrAfter,
  VN_CALENDAR,
  type IsoDate,
  type WorkingCalendar,
} from "./calendar.ts";

export interface ComplaintTimeLimits {
  /** Decisions and acts before coercion: days from receiving the decision or learning of the act. */
  beforeCoercionDays: number;
  /** Account freeze (phong tỏa tài khoản): working days. */
  accountFreezeWorkingDays: number;
  /** Other security measures (biện pháp bảo đảm): days. */
  securityMeasureDays: number;
  /** Coercion (cưỡng chế) and everything after it: days. */
  coercionAndAfterDays: number;
}

export interface LegalTimeLimits {
  /** First day this set is in force (ISO date). */
  effectiveFrom: IsoDate;
  legalBasis_vi: string;
  legalBasis_en: string;
  /** `confirmed` values were checked against the law's text; `to_confirm` must still be. */
  status: "confirmed" | "to_confirm";
  note?: string;

  /** The court transfers the judgment within this many days of it taking effect. */
  courtTransferDays: number;
  /** Enforcement decision: working days after acceptance (transfer from the court or a request). */
  decisionWorkingDays: number;
  /** Notification of the decision to the parties: working days after the decision. */
  notificationWorkingDays: number;
  /** Voluntary compliance period: days from notification. */
  voluntaryDays: number;
  /** Verification of the debtor's means: days after the voluntary period ends. */
  verificationDays: number;
  /** Re-verification of a not-yet-enforceable case: at least every N months. */
  reverificationMonths: number;
  /** …every N months when the debtor is in prison (2+ years left) or has no known address. */
  reverificationMonthsExtended: number;
  /** A failed auction's price may be reduced by at most this percentage per round. */
  maxPriceReductionPercent: number;
  /** Confirmation of enforcement results (one-stop / online): working days. */
  resultConfirmationWorkingDays: number;
  complaints: ComplaintTimeLimits;
  /**
   * Civil Code 2015, Art. 148(5): when the last day of a period counted in days or months is a
   * weekend or public holiday, the period ends at the end of the next working day.
   */
  rollPeriodEndToWorkingDay: boolean;
}

const COMPLAINTS_2014: ComplaintTimeLimits = {
  beforeCoercionDays: 15,
  accountFreezeWorkingDays: 3,
  securityMeasureDays: 10,
  coercionAndAfterDays: 30,
};

/** Every rule set, in effective-date order. */
export const LEGAL_TIME_LIMITS: readonly LegalTimeLimits[] = [
  {
    effectiveFrom: "2009-07-01",
    legalBasis_vi: "Luật Thi hành án dân sự số 26/2008/QH12 (trước khi sửa đổi năm 2014)",
    legalBasis_en: "Law on Civil Judgment Enforcement 26/2008/QH12 (before the 2014 amendment)",
    status: "to_confirm",
    note:
      "Only for periods that started before 1 Jul 2015. The voluntary period was 15 days before the 2014 " +
      "amendment shortened it to 10, and the yearly re-verification for imprisoned / address-unknown " +
      "debtors came with that amendment. Other values copied from the amended law: confirm against the 2008 text.",
    courtTransferDays: 30,
    decisionWorkingDays: 5,
    notificationWorkingDays: 3,
    voluntaryDays: 15,
    verificationDays: 10,
    reverificationMonths: 6,
    reverificationMonthsExtended: 6,
    maxPriceReductionPercent: 10,
    resultConfirmationWorkingDays: 5,
    complaints: COMPLAINTS_2014,
    rollPeriodEndToWorkingDay: true,
  },
  {
    effectiveFrom: "2015-07-01",
    legalBasis_vi: "Luật Thi hành án dân sự 2008, sửa đổi, bổ sung bởi Luật số 64/2014/QH13",
    legalBasis_en: "Law on Civil Judgment Enforcement 2008 as amended by Law 64/2014/QH13",
    status: "confirmed",
    courtTransferDays: 30,
    decisionWorkingDays: 5,
    notificationWorkingDays: 3,
    voluntaryDays: 10,
    verificationDays: 10,
    reverificationMonths: 6,
    reverificationMonthsExtended: 12,
    maxPriceReductionPercent: 10,
    resultConfirmationWorkingDays: 5,
    complaints: COMPLAINTS_2014,
    rollPeriodEndToWorkingDay: true,
  },
  {
    effectiveFrom: "2026-07-01",
    legalBasis_vi: "Luật Thi hành án dân sự số 106/2025/QH15",
    legalBasis_en: "Law on Civil Judgment Enforcement 106/2025/QH15",
    // PLACEHOLDER: same values as the amended 2008 law. Every value MUST be confirmed against the
    // text of Law 106/2025/QH15 (and its implementing decree) before 1 Jul 2026.
    status: "to_confirm",
    note: "Placeholder carrying the 2014 values; confirm each limit against the text of Law 106/2025/QH15.",
    courtTransferDays: 30,
    decisionWorkingDays: 5,
    notificationWorkingDays: 3,
    voluntaryDays: 10,
    verificationDays: 10,
    reverificationMonths: 6,
    reverificationMonthsExtended: 12,
    maxPriceReductionPercent: 10,
    resultConfirmationWorkingDays: 5,
    complaints: COMPLAINTS_2014,
    rollPeriodEndToWorkingDay: true,
  },
];

/**
 * The rule set in force on `date`. Throws RangeError for a malformed date or a date before the
 * first set (1 Jul 2009, when the 2008 law took effect).
 */
export function rulesFor(date: IsoDate, ruleSets: readonly LegalTimeLimits[] = LEGAL_TIME_LIMITS): LegalTimeLimits {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  let found: LegalTimeLimits | undefined;
  for (const set of ruleSets) {
    if (compareDates(set.effectiveFrom, date) <= 0 && (!found || compareDates(set.effectiveFrom, found.effectiveFrom) > 0)) {
      found = set;
    }
  }
  if (!found) {
    throw new RangeError(`No enforcement time limits are defined for ${date} (rules start on ${ruleSets[0]?.effectiveFrom ?? "—"})`);
  }
  return found;
}

/** A legal period: N working days, N (calendar) days or N months. */
export interface LegalPeriod {
  unit: "working_days" | "days" | "months";
  amount: number;
}

/**
 * Last day of a period starting on `start` (the day of the triggering event is not counted:
 * Civil Code 2015, Art. 147). Working-day periods end on the N-th working day after `start`; day
 * and month periods are rolled to the next working day when they end on a day off and the rule set
 * says so (Art. 148(5)).
 */
export function periodEnd(
  start: IsoDate,
  period: LegalPeriod,
  rules: LegalTimeLimits,
  calendar: WorkingCalendar = VN_CALENDAR,
): IsoDate {
  if (!Number.isInteger(period.amount) || period.amount < 0) {
    throw new RangeError(`A legal period must be a whole, non-negative number: ${period.amount}`);
  }
  if (period.unit === "working_days") return addWorkingDays(start, period.amount, calendar);
  const end = period.unit === "days" ? addCalendarDays(start, period.amount) : addMonths(start, period.amount);
  return rules.rollPeriodEndToWorkingDay ? nextWorkingDayOnOrAfter(end, calendar) : end;
}
