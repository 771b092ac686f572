/**
 * Limitation period for requesting enforcement (thời hiệu yêu cầu thi hành án): 5 years from the
 * day the judgment takes effect, or from the day the obligation falls due (Law 26/2008 Art. 30(1);
 * Law 106/2025/QH15 Art. 34(2) and Decree 152/2026 Art. 10(1)). A pure check of whether a request
 * filed on a date is late; every intake of a case on request applies it (`intakeLimitation` in
 * @thads/core: the form, the bulk import and the one-stop desk).
 *
 * Time that stops the clock (not counted):
 *   - until 30/06/2026 (Law 26/2008 Art. 30(2)–(3)): postponement or suspension — except a
 *     postponement the creditor agreed to — objective obstacles and force majeure;
 *   - from 01/07/2026 (Law 106 Art. 34(2) ¶2): a state of emergency, objective obstacles and force
 *     majeure only.
 * Each recorded period is judged by the rules in force on the day it began (steps taken under the
 * old law stand: Law 106 Art. 116(4)); the length of the period and the article cited are those in
 * force on the filing date. A request renewed after the agency returned it (Law 106 Art. 38(4)) is
 * not subject to limitation (Art. 34(2) ¶3).
 */
import {
  addCalendarDays,
  addMonths,
  compareDates,
  daysBetween,
  isIsoDate,
  nextWorkingDayOnOrAfter,
  VN_CALENDAR,
  type IsoDate,
  type WorkingCalendar,
} from "./calendar.ts";
import {
  formatSource,
  legalRuleOn,
  type LegalRuleSet,
  LEGAL_RULE_SETS,
  type LegalSource,
  type LimitationStopReason,
  limitationStopReasonsOn,
} from "./rules.ts";

export interface LimitationPause {
  reason: LimitationStopReason;
  /** First and last day of the period (inclusive). */
  from: IsoDate;
  to: IsoDate;
  /** For a postponement: the creditor agreed to it (then it is counted, under the old law). */
  creditorAgreed?: boolean;
}

export interface LimitationInput {
  /** The day the judgment took effect, or the day the obligation fell due. */
  runsFrom: IsoDate;
  /** The day the request was filed. */
  filedOn: IsoDate;
  /** Recorded periods that may stop the clock. */
  pauses?: readonly LimitationPause[];
  /** The request is renewed after the agency returned it under Law 106 Art. 38(4). */
  renewedAfterReturn?: boolean;
}

export interface LimitationResult {
  late: boolean;
  /** Last day on which the request is in time (null when no limitation applies). */
  lastDay: IsoDate | null;
  years: number;
  /** Calendar days not counted. */
  excludedDays: number;
  /** Pauses that stopped the clock, and those that did not, with the reason. */
  counted: readonly LimitationPause[];
  ignored: readonly { pause: LimitationPause; why: "not_a_ground" | "creditor_agreed" | "outside_period" }[];
  /** The article relied on, e.g. "Law 106/2025/QH15, Art. 34(2 ¶1)". */
  article: string;
  sources: readonly LegalSource[];
  ruleSetFrom: IsoDate;
}

/** Whether a request filed on `filedOn` is out of time. Throws RangeError on a bad date or input. */
export function checkLimitation(
  input: LimitationInput,
  calendar: WorkingCalendar = VN_CALENDAR,
  sets: readonly LegalRuleSet[] = LEGAL_RULE_SETS,
): LimitationResult {
  const { runsFrom, filedOn } = input;
  for (const d of [runsFrom, filedOn]) if (!isIsoDate(d)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(d)}`);
  const rule = legalRuleOn("limitationYears", filedOn, sets);
  if (typeof rule.value !== "number") throw new TypeError("limitationYears is not a number");
  const years = rule.value;
  const article = rule.sources.map(formatSource).join("; ");

  if (input.renewedAfterReturn && compareDates(filedOn, "2026-07-01") >= 0) {
    return {
      late: false,
      lastDay: null,
      years,
      excludedDays: 0,
      counted: [],
      ignored: [],
      article: "Law 106/2025/QH15, Art. 34(2 ¶3)",
      sources: [{ instrument: "Law 106/2025/QH15", article: "34", clause: "2 ¶3", verified: "verified", row: "A4" }],
      ruleSetFrom: rule.effectiveFrom,
    };
  }

  const counted: LimitationPause[] = [];
  const ignored: { pause: LimitationPause; why: "not_a_ground" | "creditor_agreed" | "outside_period" }[] = [];
  for (const p of input.pauses ?? []) {
    if (!isIsoDate(p.from) || !isIsoDate(p.to) || compareDates(p.to, p.from) < 0) {
      throw new RangeError(`Bad period ${JSON.stringify(p.from)}–${JSON.stringify(p.to)}`);
    }
    const reasons = limitationStopReasonsOn(p.from, sets);
    if (!reasons.includes(p.reason)) ignored.push({ pause: p, why: "not_a_ground" });
    else if (p.reason === "postponement" && p.creditorAgreed) ignored.push({ pause: p, why: "creditor_agreed" });
    else if (compareDates(p.to, runsFrom) <= 0 || compareDates(p.from, filedOn) > 0) ignored.push({ pause: p, why: "outside_period" });
    else counted.push(p);
  }

  // Merge the counted periods (clipped to start after `runsFrom`), then extend the end by each
  // period that begins on or before the end reached so far.
  const intervals = counted
    .map((p) => ({ from: compareDates(p.from, runsFrom) > 0 ? p.from : addCalendarDays(runsFrom, 1), to: p.to }))
    .sort((a, b) => compareDates(a.from, b.from));
  const merged: { from: IsoDate; to: IsoDate }[] = [];
  for (const i of intervals) {
    const last = merged[merged.length - 1];
    if (last && compareDates(i.from, addCalendarDays(last.to, 1)) <= 0) {
      if (compareDates(i.to, last.to) > 0) last.to = i.to;
    } else merged.push({ ...i });
  }
  let end = addMonths(runsFrom, 12 * years);
  let excludedDays = 0;
  for (const i of merged) {
    if (compareDates(i.from, end) > 0) break;
    const days = daysBetween(i.from, i.to) + 1;
    excludedDays += days;
    end = addCalendarDays(end, days);
  }
  // Civil Code 2015, Art. 148(5): a period ending on a day off ends on the next working day.
  const lastDay = nextWorkingDayOnOrAfter(end, calendar);
  return {
    late: compareDates(filedOn, lastDay) > 0,
    lastDay,
    years,
    excludedDays,
    counted,
    ignored,
    article,
    sources: rule.sources,
    ruleSetFrom: rule.effectiveFrom,
  };
}
