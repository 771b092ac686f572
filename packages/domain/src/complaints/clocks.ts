/**
 * The legal clocks of complaints and denunciations. Every number comes from the table of legal
 * rules (`legalRuleOn`), picked by the date the period runs from: the limitation to complain by the
 * law in force on the day of the act (or of the first decision, for a second complaint), the
 * acceptance by the day the letter was received, the resolution by the day it was accepted.
 */
import { DUE_SOON_WORKING_DAYS } from "../cases/deadlines.ts";
import {
  addCalendarDays,
  addWorkingDays,
  compareDates,
  nextWorkingDayOnOrAfter,
  type IsoDate,
  workingDaysBetween,
} from "../cases/calendar.ts";
import { formatSource, legalRuleOn, type LegalRuleCode, type LegalSource, weakestVerification, type Verification } from "../cases/rules.ts";
import type { ComplaintActKind, ComplaintRound, DenunciationComplexity } from "./kinds.ts";

/** One clock: the rule applied, its source, and the last day. */
export interface LegalClock {
  code: LegalRuleCode;
  amount: number;
  unit: "days" | "working_days";
  /** First day of the rule set applied. */
  ruleSetFrom: IsoDate;
  sources: readonly LegalSource[];
  /** "Law 106/2025/QH15, Art. 96(2)(c)". */
  citation: string;
  verified: Verification;
  /** The day the period runs from (not counted). */
  from: IsoDate;
  /** The last day of the period. */
  lastDay: IsoDate;
}

function clock(code: LegalRuleCode, from: IsoDate, ruleDate: IsoDate = from): LegalClock {
  const r = legalRuleOn(code, ruleDate);
  if (typeof r.value !== "number" || (r.unit !== "days" && r.unit !== "working_days")) {
    throw new TypeError(`Rule '${code}' is not a period in days`);
  }
  // Days: the day of the event is not counted and a period ending on a day off ends on the next
  // working day (Civil Code 2015, Arts. 147 and 148(5)); working days count working days only.
  const lastDay = r.unit === "working_days" ? addWorkingDays(from, r.value) : nextWorkingDayOnOrAfter(addCalendarDays(from, r.value));
  return {
    code,
    amount: r.value,
    unit: r.unit,
    ruleSetFrom: r.effectiveFrom,
    sources: r.sources,
    citation: r.sources.map(formatSource).join("; "),
    verified: weakestVerification(r.sources),
    from,
    lastDay,
  };
}

function hasRule(code: LegalRuleCode, date: IsoDate): boolean {
  try {
    legalRuleOn(code, date);
    return true;
  } catch {
    return false;
  }
}

/** The limitation rule for complaining about an act of this kind, under the rules in force on `actDate`. */
export function limitationRuleFor(act: ComplaintActKind, actDate: IsoDate): LegalRuleCode {
  switch (act) {
    case "before_coercion":
      return "complaintBeforeCoercionDays";
    case "account_freeze":
      // Law 106 has no separate account-freeze limit: all security measures, 10 days (Art. 96(2)(b)).
      return hasRule("complaintAccountFreezeWorkingDays", actDate) ? "complaintAccountFreezeWorkingDays" : "complaintSecurityMeasureDays";
    case "security_measure":
      return "complaintSecurityMeasureDays";
    case "coercion":
    case "after_coercion":
      return "complaintCoercionAndAfterDays";
  }
}

/**
 * Time limit to complain. A first complaint runs from the day the decision was received (validly
 * notified) or the act became known, under the law in force that day; a second complaint from the
 * day the decision on the first was received.
 */
export function complaintLimitation(input: {
  act: ComplaintActKind;
  round: ComplaintRound;
  knownOn: IsoDate;
  firstDecisionOn?: IsoDate | null;
}): LegalClock {
  if (input.round === 2) {
    if (!input.firstDecisionOn) throw new RangeError("A second complaint runs from the decision on the first one");
    return clock("secondComplaintDays", input.firstDecisionOn);
  }
  return clock(limitationRuleFor(input.act, input.knownOn), input.knownOn);
}

/** Whether a letter received on `receivedOn` came after the limitation ended. */
export function isLate(limitation: LegalClock, receivedOn: IsoDate): boolean {
  return compareDates(receivedOn, limitation.lastDay) > 0;
}

/** Time to accept (thụ lý) a complaint or denunciation, from the day the letter was received. */
export function acceptanceClock(kind: "complaint" | "denunciation", round: ComplaintRound, receivedOn: IsoDate): LegalClock {
  if (kind === "denunciation") return clock("denunciationAcceptanceWorkingDays", receivedOn);
  return clock(round === 2 ? "secondComplaintAcceptanceDays" : "complaintAcceptanceWorkingDays", receivedOn);
}

/** The resolution rule for a complaint about an act of this kind, under the rules in force on `acceptedOn`. */
export function resolutionRuleFor(act: ComplaintActKind, round: ComplaintRound, acceptedOn: IsoDate): LegalRuleCode {
  const newLaw = !hasRule("complaintAccountFreezeWorkingDays", acceptedOn);
  switch (act) {
    case "account_freeze":
    case "security_measure":
      return "complaintResolutionSecurityWorkingDays";
    case "coercion":
      return round === 2 ? "secondComplaintResolutionCoercionDays" : "complaintResolutionCoercionDays";
    case "after_coercion":
      // Old law: acts after coercion have their own point (146(4)): 15 / 30 days; new law groups them with coercion (102(3)).
      if (newLaw) return round === 2 ? "secondComplaintResolutionCoercionDays" : "complaintResolutionCoercionDays";
      return round === 2 ? "secondComplaintResolutionDays" : "complaintResolutionDays";
    case "before_coercion":
      return round === 2 ? "secondComplaintResolutionDays" : "complaintResolutionDays";
  }
}

/**
 * Time to resolve a complaint, from its acceptance; `extended` adds the extension for complex or
 * remote cases (at most 30 days from the end of the normal time).
 */
export function complaintResolutionClock(input: {
  act: ComplaintActKind;
  round: ComplaintRound;
  acceptedOn: IsoDate;
  extended?: boolean;
}): LegalClock {
  const base = clock(resolutionRuleFor(input.act, input.round, input.acceptedOn), input.acceptedOn);
  if (!input.extended) return base;
  const ext = clock("complaintResolutionExtensionDays", base.lastDay, input.acceptedOn);
  return { ...ext, from: input.acceptedOn, citation: `${base.citation}; ${ext.citation}` };
}

/** Time to resolve a denunciation, from its acceptance. The old law has one complex tier (90 days). */
export function denunciationResolutionClock(acceptedOn: IsoDate, complexity: DenunciationComplexity = "normal"): LegalClock {
  if (complexity === "normal") return clock("denunciationResolutionDays", acceptedOn);
  if (complexity === "very_complex" && hasRule("denunciationResolutionVeryComplexDays", acceptedOn)) {
    return clock("denunciationResolutionVeryComplexDays", acceptedOn);
  }
  return clock("denunciationResolutionComplexDays", acceptedOn);
}

export type ClockStatus = "overdue" | "due_soon" | "on_track";

/** Where a running clock stands on `today`: overdue after its last day, due soon within 3 working days. */
export function clockStatus(lastDay: IsoDate, today: IsoDate, dueSoonWorkingDays: number = DUE_SOON_WORKING_DAYS): ClockStatus {
  if (compareDates(today, lastDay) > 0) return "overdue";
  return workingDaysBetween(today, lastDay) <= dueSoonWorkingDays ? "due_soon" : "on_track";
}
