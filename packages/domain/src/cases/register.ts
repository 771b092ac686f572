/**
 * The separate register (sổ theo dõi riêng) and the return of a request: what becomes of a case
 * that stays not yet enforceable (docs/law-sources.md §C rows V3, V5–V10).
 *
 *   old rules (not-yet-enforceable decision before 01/07/2026; D62 Art. 9(5)–(6)): once 1 year
 *     (2 years for a debtor in prison with 2+ years left or without a known address) has passed
 *     since the decision, and the case was verified at least twice since, it moves to the separate
 *     register within 3 working days: every case, ex officio or on request;
 *   2026 rules (decision from 01/07/2026; L106 Art. 38(4); D152 Art. 22, 32(1)(d)): after 2 years,
 *     verified, an ex officio case moves to the separate register; the request of a case on
 *     request is returned to the requester, and the case ends.
 *
 * "No new information" (the third condition): new information recorded on a not-yet-enforceable
 * case (new_information) holds the step back until a verification follows; after the move it is a
 * reopening.
 *
 * The rule set is the one in force on the day of the not-yet-enforceable decision. Decisions before
 * Decree 62/2015 read its rules (it governed every pending case from then on).
 */
import { addWorkingDays, compareDates, formatDateVi as fmt, VN_CALENDAR, type IsoDate, type WorkingCalendar } from "./calendar.ts";
import { legalRuleOn, legalValueOn, periodEnd, rulesFor, type LegalRuleCode, type LegalSource, type LegalTimeLimits } from "./rules.ts";
import type { CaseState } from "./state.ts";

/** First day of the rule set that brought the separate register (Decree 62/2015 with the amended law). */
const REGISTER_RULES_FROM: IsoDate = "2015-07-01";

/** The rule set date the separate register of a decision taken on `date` is governed by. */
function registerRulesDate(date: IsoDate): IsoDate {
  return compareDates(date, REGISTER_RULES_FROM) < 0 ? REGISTER_RULES_FROM : date;
}

export interface RegisterStep {
  /** What the case's end of the not-yet-enforceable road is: the register, or the return of the request. */
  step: "register_transfer" | "request_returned";
  /** `effectiveFrom` of the rule set governing it (that of the not-yet-enforceable decision). */
  ruleSetFrom: IsoDate;
  /** The not-yet-enforceable decision it counts from. */
  since: IsoDate;
  /** Months from the decision (12 or 24). */
  months: number;
  /** Last day of that time: the step may be taken from the day after. */
  periodEndsOn: IsoDate;
  /** Verifications since the decision required, and recorded. */
  minVerifications: number;
  verifications: number;
  /** Working days allowed once the conditions hold (0: none stated, due on the first working day). */
  workingDays: number;
  /** Whether periodic re-verification stops after this many verifications (old rules), or null. */
  reverificationStopsAfter: number | null;
  sources: readonly LegalSource[];
}

function sourcesOf(codes: readonly LegalRuleCode[], date: IsoDate): LegalSource[] {
  return codes.flatMap((c) => {
    try {
      return [...legalRuleOn(c, date).sources];
    } catch {
      return [];
    }
  });
}

function optionalValue(code: LegalRuleCode, date: IsoDate): number | null {
  try {
    return legalValueOn(code, date);
  } catch {
    return null;
  }
}

/**
 * The register step a not-yet-enforceable case is headed for, with its timing; null when the case
 * has no not-yet-enforceable decision.
 */
export function registerStepOf(
  state: CaseState,
  calendar: WorkingCalendar = VN_CALENDAR,
  ruleSets?: readonly LegalTimeLimits[],
): RegisterStep | null {
  const since = state.notYetEnforceableSince;
  if (since === null) return null;
  const at = registerRulesDate(since);
  const extended = state.debtorImprisonedOrUnknownAddress;
  const months = legalValueOn(extended ? "registerAfterMonthsExtended" : "registerAfterMonths", at);
  const returnsRequest = legalRuleOnOrNull("requestReturnOnRequest", at) !== null && state.decisionMode === "on_request";
  const rules = rulesFor(at, ruleSets);
  return {
    step: returnsRequest ? "request_returned" : "register_transfer",
    ruleSetFrom: legalRuleOn("registerAfterMonths", at).effectiveFrom,
    since,
    months,
    periodEndsOn: periodEnd(since, { unit: "months", amount: months }, rules, calendar),
    minVerifications: legalValueOn("registerMinVerifications", at),
    verifications: state.verificationsWhileNotYetEnforceable,
    workingDays: returnsRequest ? 0 : legalValueOn("registerWorkingDays", at),
    reverificationStopsAfter: optionalValue("reverificationStopsAfter", at),
    sources: sourcesOf(
      [
        extended ? "registerAfterMonthsExtended" : "registerAfterMonths",
        "registerMinVerifications",
        returnsRequest ? "requestReturnOnRequest" : "registerWorkingDays",
      ],
      at,
    ),
  };
}

function legalRuleOnOrNull(code: LegalRuleCode, date: IsoDate) {
  try {
    return legalRuleOn(code, date);
  } catch {
    return null;
  }
}

/**
 * The day the period for the step runs from (not counted): the register period's last day, or the
 * later day (`verifiedEnoughOn`) on which the required verifications were complete.
 */
export function registerStart(r: RegisterStep, verifiedEnoughOn: IsoDate): IsoDate {
  return compareDates(verifiedEnoughOn, r.periodEndsOn) > 0 ? verifiedEnoughOn : r.periodEndsOn;
}

/**
 * Last day on time for the step: N working days after `start`; with no time stated (0), the first
 * working day after it.
 */
export function registerDueDate(r: RegisterStep, start: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): IsoDate {
  return addWorkingDays(start, r.workingDays === 0 ? 1 : r.workingDays, calendar);
}

/** Why the step cannot be taken on `date` (conditions of time and verification), or null. */
export function registerConditionsUnmet(r: RegisterStep, date: IsoDate | undefined): { vi: string; en: string } | null {
  if (r.verifications < r.minVerifications) {
    return {
      vi: `mới xác minh ${r.verifications} lần kể từ quyết định về việc chưa có điều kiện thi hành án ngày ${fmt(r.since)}; cần ít nhất ${r.minVerifications} lần`,
      en: `verified ${r.verifications} time(s) since the not-yet-enforceable decision of ${r.since}; at least ${r.minVerifications} required`,
    };
  }
  if (date !== undefined && compareDates(date, r.periodEndsOn) <= 0) {
    return {
      vi: `chưa hết thời hạn ${r.months / 12} năm kể từ quyết định về việc chưa có điều kiện thi hành án ngày ${fmt(r.since)} (hết ngày ${fmt(r.periodEndsOn)})`,
      en: `the ${r.months / 12}-year period from the not-yet-enforceable decision of ${r.since} runs until ${r.periodEndsOn}`,
    };
  }
  return null;
}

/** Where a not-yet-enforceable case stands on its road to the separate register, as the case page says it. */
export interface RegisterStanding extends RegisterStep {
  /**
   * `pending`: not yet enforceable, headed for the step; `registered`: in the separate register;
   * `returned`: its request was returned and the case ended; `reopened`: brought back from the
   * register on new information, not yet enforceable again.
   */
  standing: "pending" | "registered" | "returned" | "reopened";
  registeredOn: IsoDate | null;
  reopenedOn: IsoDate | null;
  /** The day the request was returned (the case's closing day), for `returned`. */
  returnedOn: IsoDate | null;
}

/**
 * The separate register's reason and timing for a case that is not yet enforceable, in the
 * register, or whose request was returned: the decision it counts from, the time and the
 * verifications the rules ask, and their sources. Null for any other case.
 */
export function registerStanding(
  state: CaseState,
  calendar: WorkingCalendar = VN_CALENDAR,
  ruleSets?: readonly LegalTimeLimits[],
): RegisterStanding | null {
  if (state.status !== "not_yet_enforceable" && state.status !== "separate_register" && state.status !== "returned") return null;
  const step = registerStepOf(state, calendar, ruleSets);
  if (step === null) return null;
  const standing =
    state.status === "separate_register"
      ? "registered"
      : state.status === "returned"
        ? "returned"
        : state.reopenedOn !== null
          ? "reopened"
          : "pending";
  return {
    ...step,
    standing,
    registeredOn: state.registeredOn,
    reopenedOn: state.reopenedOn,
    returnedOn: state.status === "returned" ? state.closedOn : null,
  };
}
