/**
 * Legal deadlines of a case, computed from its events with the rule set in force when each period
 * starts (`rules.ts`) and the working-day calendar (`calendar.ts`).
 *
 *   decision              N working days after acceptance (court transfer or creditor request)
 *   notification          N working days after the decision
 *   voluntary_period_end  N days after notification (the debtor's period, informational)
 *   verification          N days after the voluntary period ends
 *   reverification        N months after the last verification of a not-yet-enforceable case
 *                         (the extended number when the debtor is imprisoned or has no known address);
 *                         under the old rules not after the second such verification (L26 Art. 44(2))
 *   separate_register     the move of a not-yet-enforceable case to the separate register, once its
 *                         conditions hold (old rules: 3 working days; 2026: ex officio, no time
 *                         stated, due on the first working day) — ./register.ts
 *   request_return        2026 rules, a case on request: the return of the request, likewise
 *   new_information_verification  N days after new information about the debtor's means: a case reopened
 *                         from the register, or a not-yet-enforceable one told of it (new_information)
 *
 * While a case is postponed or suspended its agency deadlines are paused; on resumption a pending
 * period runs again from the later of its natural start and the resumption date. (Assumption to
 * confirm with the business owners: the law restarts the step rather than crediting elapsed days.)
 */
import {
  calendarStatusBetween,
  compareDates,
  VN_CALENDAR,
  workingDaysBetween,
  type CalendarYearStatus,
  type IsoDate,
  type WorkingCalendar,
} from "./calendar.ts";
import { DEADLINE_LABELS, type DeadlineKind } from "./deadline-kinds.ts";
import { applyEvent, CaseRuleViolation, sortEvents, type CaseEvent, type CaseState, type LifecycleOptions } from "./lifecycle.ts";
import { registerDueDate, registerStart, registerStepOf } from "./register.ts";
import {
  LEGAL_TIME_LIMITS,
  legalRuleOn,
  legalValueOn,
  periodEnd,
  rulesFor,
  type LegalPeriod,
  type LegalSource,
  type LegalTimeLimits,
  type TimeLimitField,
} from "./rules.ts";

export { DEADLINE_LABELS, type DeadlineKind } from "./deadline-kinds.ts";

/** "Due soon" threshold in working days (product setting, not a legal limit). */
export const DUE_SOON_WORKING_DAYS = 3;

export interface Deadline {
  kind: DeadlineKind;
  /** Who must act: the agency, or (voluntary period) the debtor. */
  actor: "agency" | "debtor";
  label_vi: string;
  label_en: string;
  /** The period runs from the day after this date. */
  startDate: IsoDate;
  /** Last day on which the step is on time. */
  dueDate: IsoDate;
  period: LegalPeriod;
  /** `effectiveFrom` of the rule set that gave the period. */
  ruleSetFrom: IsoDate;
  /** Where the period comes from (the rule set's sources for it). */
  sources: readonly LegalSource[];
  /** When the deadline stopped running (met, elapsed, or the case closed); null while open. */
  closedOn: IsoDate | null;
  closedBy: "met" | "elapsed" | "case_closed" | null;
  /** Met after its due date. */
  late: boolean;
  /** The case is postponed/suspended: the deadline is not running. */
  paused: boolean;
  /** Whether the holiday data for the years spanned is official, provisional or missing. */
  calendarStatus: CalendarYearStatus;
}

export type DeadlineStatus = "overdue" | "due_soon" | "ok";

export interface DeadlineOptions extends LifecycleOptions {
  /** Only deadlines of these actors (default: both). */
  actors?: readonly Deadline["actor"][];
}

/**
 * Every deadline of the case as of `asOf` (events effective after it are ignored), open or closed,
 * in the order they arose. Throws CaseRuleViolation if the ledger is inconsistent (ledgers are
 * validated when events are appended, see `appendEvent`).
 */
export function caseDeadlines(events: readonly CaseEvent[], asOf: IsoDate, options: LifecycleOptions = {}): Deadline[] {
  const calendar = options.calendar ?? VN_CALENDAR;
  const ruleSets = options.ruleSets ?? LEGAL_TIME_LIMITS;
  const deadlines: Deadline[] = [];

  const open = (kind: DeadlineKind, actor: Deadline["actor"], startDate: IsoDate, period: (r: LegalTimeLimits) => LegalPeriod) => {
    const rules = rulesFor(startDate, ruleSets);
    const p = period(rules);
    const sources = sourcesOf(kind, rules, state);
    const dueDate = periodEnd(startDate, p, rules, calendar);
    deadlines.push({
      kind,
      actor,
      label_vi: DEADLINE_LABELS[kind].vi,
      label_en: DEADLINE_LABELS[kind].en,
      startDate,
      dueDate,
      period: p,
      ruleSetFrom: rules.effectiveFrom,
      sources,
      closedOn: null,
      closedBy: null,
      late: false,
      paused: false,
      calendarStatus: calendarStatusBetween(startDate, dueDate, calendar),
    });
  };
  /** The register step of a not-yet-enforceable case, once verified often enough (./register.ts). */
  const openRegister = (date: IsoDate) => {
    if (state === null) return;
    const r = registerStepOf(state, calendar, ruleSets);
    if (r === null || r.verifications < r.minVerifications) return;
    const kind: DeadlineKind = r.step === "register_transfer" ? "separate_register" : "request_return";
    if (deadlines.some((x) => isOpen(x) && x.kind === kind)) return;
    const startDate = registerStart(r, date);
    const dueDate = registerDueDate(r, startDate, calendar);
    deadlines.push({
      kind,
      actor: "agency",
      label_vi: DEADLINE_LABELS[kind].vi,
      label_en: DEADLINE_LABELS[kind].en,
      startDate,
      dueDate,
      period: { unit: "working_days", amount: r.workingDays === 0 ? 1 : r.workingDays },
      ruleSetFrom: r.ruleSetFrom,
      sources: r.sources,
      closedOn: null,
      closedBy: null,
      late: false,
      paused: false,
      calendarStatus: calendarStatusBetween(startDate, dueDate, calendar),
    });
  };
  const isOpen = (x: Deadline) => x.closedOn === null;
  const close = (kinds: readonly DeadlineKind[], on: IsoDate, by: "met" | "case_closed") => {
    for (const x of deadlines) {
      if (isOpen(x) && kinds.includes(x.kind)) {
        x.closedOn = on;
        x.closedBy = by;
        x.late = by === "met" && compareDates(on, x.dueDate) > 0;
        x.paused = false;
      }
    }
  };
  /** The debtor's voluntary period closes by itself once its last day has passed. */
  const elapse = (before: IsoDate) => {
    for (const x of deadlines) {
      if (isOpen(x) && x.actor === "debtor" && compareDates(x.dueDate, before) < 0) {
        x.closedOn = x.dueDate;
        x.closedBy = "elapsed";
      }
    }
  };

  let state: CaseState | null = null;
  for (const { event } of sortEvents(events)) {
    if (event.effectiveDate > asOf) break;
    const r = applyEvent(state, event, options);
    if (!r.ok) throw new CaseRuleViolation(r.error);
    state = r.state;
    const date = event.effectiveDate;
    elapse(date);

    switch (event.kind) {
      case "acceptance":
        open("decision", "agency", date, (x) => ({ unit: "working_days", amount: x.decisionWorkingDays }));
        break;
      case "decision":
        close(["decision"], date, "met");
        open("notification", "agency", date, (x) => ({ unit: "working_days", amount: x.notificationWorkingDays }));
        break;
      case "notification": {
        close(["notification"], date, "met");
        open("voluntary_period_end", "debtor", date, (x) => ({ unit: "days", amount: x.voluntaryDays }));
        const end = state.voluntaryPeriodEndsOn ?? date;
        open("verification", "agency", end, (x) => ({ unit: "days", amount: x.verificationDays }));
        break;
      }
      case "verification":
        close(["verification", "reverification", "new_information_verification"], date, "met");
        break;
      case "classification":
        if (event.result === "not_yet_enforceable") {
          const last = state.lastVerifiedOn ?? date;
          const extended = state.debtorImprisonedOrUnknownAddress;
          // Old rules: after the second verification, only on new information (L26 Art. 44(2)).
          const stopsAfter = registerStepOf(state, calendar, ruleSets)?.reverificationStopsAfter ?? null;
          if (stopsAfter === null || state.verificationsWhileNotYetEnforceable < stopsAfter) {
            open("reverification", "agency", last, (x) => ({
              unit: "months",
              amount: extended ? x.reverificationMonthsExtended : x.reverificationMonths,
            }));
          }
          openRegister(date);
        } else {
          // Enforceable: the register step no longer arises.
          for (let i = deadlines.length - 1; i >= 0; i--) {
            const x = deadlines[i]!;
            if (isOpen(x) && (x.kind === "separate_register" || x.kind === "request_return")) deadlines.splice(i, 1);
          }
        }
        break;
      case "register_transfer":
        close(["separate_register"], date, "met");
        close(["reverification", "new_information_verification"], date, "case_closed");
        break;
      case "request_returned":
        close(["request_return"], date, "met");
        close(ALL_KINDS, date, "case_closed");
        break;
      case "register_reopening":
      case "new_information":
        open("new_information_verification", "agency", date, () => ({
          unit: "days",
          amount: legalValueOn("newInformationVerificationDays", date),
        }));
        break;
      case "postponement":
      case "suspension":
        for (const x of deadlines) if (isOpen(x) && x.actor === "agency") x.paused = true;
        break;
      case "resumption":
        for (let i = 0; i < deadlines.length; i++) {
          const x = deadlines[i]!;
          if (!isOpen(x) || !x.paused) continue;
          x.paused = false;
          if (compareDates(x.startDate, date) < 0) {
            // Runs again from the resumption date, with the rule set in force then.
            const rules = rulesFor(date, ruleSets);
            const p: LegalPeriod = { unit: x.period.unit, amount: periodAmount(x.kind, rules, state, x.period) };
            const dueDate = periodEnd(date, p, rules, calendar);
            deadlines[i] = {
              ...x,
              startDate: date,
              period: p,
              dueDate,
              ruleSetFrom: rules.effectiveFrom,
              sources: sourcesOf(x.kind, rules, state),
              calendarStatus: calendarStatusBetween(date, dueDate, calendar),
            };
          }
        }
        break;
      case "completion":
      case "termination":
      case "transfer":
        close(ALL_KINDS, date, "case_closed");
        break;
      default:
        break;
    }
  }
  // As of `asOf`, a period whose last day is `asOf` is still running.
  elapse(asOf);
  return deadlines;
}

const ALL_KINDS: readonly DeadlineKind[] = [
  "decision",
  "notification",
  "voluntary_period_end",
  "verification",
  "reverification",
  "separate_register",
  "request_return",
  "new_information_verification",
];

/** The rule of each deadline kind (null: not a case time limit, see sourcesOf). */
function fieldOf(kind: DeadlineKind, state: CaseState | null): TimeLimitField | null {
  switch (kind) {
    case "decision":
      return "decisionWorkingDays";
    case "notification":
      return "notificationWorkingDays";
    case "voluntary_period_end":
      return "voluntaryDays";
    case "verification":
      return "verificationDays";
    case "reverification":
      return state?.debtorImprisonedOrUnknownAddress ? "reverificationMonthsExtended" : "reverificationMonths";
    case "separate_register":
    case "request_return":
    case "new_information_verification":
      return null;
  }
}

function sourcesOf(kind: DeadlineKind, rules: LegalTimeLimits, state: CaseState | null): readonly LegalSource[] {
  const field = fieldOf(kind, state);
  if (field !== null) return rules.sources?.[field] ?? [];
  if (kind === "new_information_verification") return legalRuleOn("newInformationVerificationDays", rules.effectiveFrom).sources;
  return (state && registerStepOf(state)?.sources) ?? [];
}

/** The length of a restarted period, from the rule set in force at the restart. */
function periodAmount(kind: DeadlineKind, rules: LegalTimeLimits, state: CaseState, fallback: LegalPeriod): number {
  switch (kind) {
    case "decision":
      return rules.decisionWorkingDays;
    case "notification":
      return rules.notificationWorkingDays;
    case "verification":
      return rules.verificationDays;
    case "reverification":
      return state.debtorImprisonedOrUnknownAddress ? rules.reverificationMonthsExtended : rules.reverificationMonths;
    case "new_information_verification":
      return legalValueOn("newInformationVerificationDays", rules.effectiveFrom);
    case "voluntary_period_end":
    case "separate_register":
    case "request_return":
      return fallback.amount;
  }
}

/**
 * The open, running deadline that falls first, as of `today`; null when none (e.g. the case is
 * closed, postponed or waiting on nothing with a legal time limit).
 */
export function nextDeadline(events: readonly CaseEvent[], today: IsoDate, options: DeadlineOptions = {}): Deadline | null {
  const actors = options.actors ?? ["agency", "debtor"];
  let best: Deadline | null = null;
  for (const x of caseDeadlines(events, today, options)) {
    if (x.closedOn !== null || x.paused || !actors.includes(x.actor)) continue;
    if (best === null || compareDates(x.dueDate, best.dueDate) < 0) best = x;
  }
  return best;
}

/**
 * 'overdue' once the due date has passed with the step not done; 'due_soon' when at most
 * `dueSoonWorkingDays` (default 3) working days are left (due today included); else 'ok'.
 * A deadline closed on or before `today`, or paused, is 'ok'.
 */
export function deadlineStatus(
  deadline: Deadline,
  today: IsoDate,
  calendar: WorkingCalendar = VN_CALENDAR,
  dueSoonWorkingDays: number = DUE_SOON_WORKING_DAYS,
): DeadlineStatus {
  if (deadline.closedOn !== null && compareDates(deadline.closedOn, today) <= 0) return "ok";
  if (deadline.paused) return "ok";
  if (compareDates(today, deadline.dueDate) > 0) return "overdue";
  return workingDaysBetween(today, deadline.dueDate, calendar) <= dueSoonWorkingDays ? "due_soon" : "ok";
}
