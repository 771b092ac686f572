/**
 * What every step of the case's life shares: the shape of a step, the ledger-wide guards
 * (no case yet, case closed), and the errors and obligation look-ups several steps use.
 */
import { formatDateVi, type IsoDate, type WorkingCalendar } from "../calendar.ts";
import { CASE_EVENT_LABELS, type CaseEvent, type CaseEventKind } from "../events.ts";
import { findObligation, isClosed } from "../queries.ts";
import type { LegalTimeLimits } from "../rules.ts";
import type { ApplyResult, CaseRuleCode, CaseRuleError, CaseState, ObligationState } from "../state.ts";

/** The event of one kind. */
export type EventOf<K extends CaseEventKind> = Extract<CaseEvent, { kind: K }>;

/** What a step's effect needs besides the state and the event. */
export interface StepContext {
  /** The event's effective date (already checked to be a valid ISO date, not before the last event). */
  date: IsoDate;
  calendar: WorkingCalendar;
  ruleSets: readonly LegalTimeLimits[];
}

/** One kind of event in the case's life: when it may be recorded, and what it does to the case. */
export interface Step<K extends CaseEventKind> {
  readonly kind: K;
  /**
   * Why an event of this kind cannot be recorded on `state` now (its details aside), or null when
   * it can. `state` null: no case yet. `date`, when given, is the event's effective date.
   */
  guard(state: CaseState | null, date?: IsoDate): CaseRuleError | null;
  /** The state after `event`, or why its details are refused. Called only once the guard has passed. */
  effect(state: CaseState | null, event: EventOf<K>, context: StepContext): ApplyResult;
}

export function err(code: CaseRuleCode, message_vi: string, message_en: string): CaseRuleError {
  return { code, message_vi, message_en };
}

export const ok = (state: CaseState): ApplyResult => ({ ok: true, state });
export const no = (error: CaseRuleError): ApplyResult => ({ ok: false, error });

export const vi = (kind: CaseEventKind) => CASE_EVENT_LABELS[kind].vi;
export const en = (kind: CaseEventKind) => CASE_EVENT_LABELS[kind].en;
export const d = formatDateVi;

export const isNonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;

// ---------------------------------------------------------------------------------------------
// Steps on an accepted case
// ---------------------------------------------------------------------------------------------

export function notAcceptedError(kind: CaseEventKind): CaseRuleError {
  return err(
    "not_accepted",
    `Không thể ghi nhận ${vi(kind)}: việc thi hành án chưa được thụ lý.`,
    `Cannot record ${en(kind)}: the case has not been accepted yet.`,
  );
}

function closedError(state: CaseState, kind: CaseEventKind): CaseRuleError {
  const on = state.closedOn ?? state.lastEventDate;
  const what =
    state.status === "completed"
      ? { vi: `đã thi hành xong ngày ${d(on)}`, en: `was completed on ${on}` }
      : state.status === "terminated"
        ? { vi: `đã bị đình chỉ thi hành án ngày ${d(on)}`, en: `was terminated on ${on}` }
        : state.status === "returned"
          ? {
              vi: `đã kết thúc ngày ${d(on)} do gửi lại yêu cầu thi hành án; người được thi hành án có thể yêu cầu lại khi người phải thi hành án có điều kiện thi hành`,
              en: `ended on ${on} when the request was returned; the creditor may request again once the debtor has means`,
            }
          : state.transferredTo?.militaryAgency
            ? {
                vi: `đã được ủy thác cho ${state.transferredTo.militaryAgency} ngày ${d(on)}; cơ quan nhận ủy thác tiếp tục thi hành`,
                en: `was transferred to ${state.transferredTo.militaryAgency} on ${on}; the receiving agency carries it on`,
              }
            : {
                vi: `đã được ủy thác cho tỉnh khác ngày ${d(on)}; tỉnh nhận ủy thác tiếp tục thi hành`,
                en: `was transferred to another province on ${on}; the receiving province carries it on`,
              };
  return err(
    "case_closed",
    `Không thể ghi nhận ${vi(kind)}: việc thi hành án ${what.vi}.`,
    `Cannot record ${en(kind)}: the case ${what.en}.`,
  );
}

/**
 * A case in the separate register is out of the active workload: only its reopening on new
 * information, or a change of executor, may be recorded (anything else follows the reopening).
 */
const STEPS_IN_REGISTER: readonly CaseEventKind[] = ["register_reopening", "executor_change", "reorganisation"];

function inRegisterError(state: CaseState, kind: CaseEventKind): CaseRuleError {
  const since = state.registeredOn ?? state.lastEventDate;
  return err(
    "in_separate_register",
    `Không thể ghi nhận ${vi(kind)}: việc thi hành án đã chuyển sang sổ theo dõi riêng từ ngày ${d(since)}; khi có thông tin mới về điều kiện thi hành án, phải ghi nhận xác minh lại khi có thông tin mới trước.`,
    `Cannot record ${en(kind)}: the case has been in the separate register since ${since}; record its reopening on new information first.`,
  );
}

/** A step's own guard and effect, for a case that exists and is not closed. */
export interface OpenCaseStep<K extends CaseEventKind> {
  guard(state: CaseState, date?: IsoDate): CaseRuleError | null;
  /** `base` is `state` with the ledger's last date and count moved on by this event. */
  effect(state: CaseState, event: EventOf<K>, context: StepContext & { base: CaseState }): ApplyResult;
}

/**
 * A step recorded on an accepted case: refused before the acceptance (not_accepted) and once
 * the case is closed (case_closed), otherwise as its own guard says.
 */
export function onOpenCase<K extends Exclude<CaseEventKind, "acceptance">>(kind: K, step: OpenCaseStep<K>): Step<K> {
  return {
    kind,
    guard(state, date) {
      if (state === null) return notAcceptedError(kind);
      if (isClosed(state)) return closedError(state, kind);
      if (state.status === "separate_register" && !STEPS_IN_REGISTER.includes(kind)) return inRegisterError(state, kind);
      return step.guard(state, date);
    },
    effect(state, event, context) {
      if (state === null) return no(notAcceptedError(kind));
      const base: CaseState = { ...state, lastEventDate: context.date, eventCount: state.eventCount + 1 };
      return step.effect(state, event, { ...context, base });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Errors several steps share
// ---------------------------------------------------------------------------------------------

/** The case is postponed or suspended (a resumption, a termination or an executor change may still follow). */
export function interruptedError(state: CaseState, kind: CaseEventKind): CaseRuleError {
  const postponed = state.status === "postponed";
  const since = state.interruptedOn ?? state.lastEventDate;
  return err(
    "interrupted",
    `Không thể ghi nhận ${vi(kind)}: việc thi hành án đang ${postponed ? "bị hoãn" : "bị tạm đình chỉ"} từ ngày ${d(since)}; phải ghi nhận tiếp tục thi hành án trước.`,
    `Cannot record ${en(kind)}: the case has been ${postponed ? "postponed" : "suspended"} since ${since}; record a resumption first.`,
  );
}

export function noDecisionError(kind: CaseEventKind): CaseRuleError {
  return err(
    "no_decision",
    `Không thể ghi nhận ${vi(kind)}: chưa có quyết định thi hành án.`,
    `Cannot record ${en(kind)}: no enforcement decision has been issued yet.`,
  );
}

export function notNotifiedError(kind: CaseEventKind): CaseRuleError {
  return err(
    "not_notified",
    `Không thể ghi nhận ${vi(kind)}: quyết định thi hành án chưa được thông báo cho đương sự.`,
    `Cannot record ${en(kind)}: the parties have not been notified of the enforcement decision yet.`,
  );
}

export const isInterrupted = (state: CaseState): boolean => state.status === "postponed" || state.status === "suspended";

// ---------------------------------------------------------------------------------------------
// Obligations (payment, act_performed)
// ---------------------------------------------------------------------------------------------

type MoneyObligation = Extract<ObligationState, { kind: "money" }>;
type ActObligation = Extract<ObligationState, { kind: "act" }>;

/** The obligation a payment or a performed act is for, or why there is none of that kind. */
export function obligationOfKind<K extends ObligationState["kind"]>(
  state: CaseState,
  obligationId: string,
  kind: K,
): { ok: true; obligation: K extends "money" ? MoneyObligation : ActObligation } | { ok: false; error: CaseRuleError } {
  const o = findObligation(state, obligationId);
  if (!o) {
    return {
      ok: false,
      error: err(
        "unknown_obligation",
        `Không có khoản phải thi hành mã "${obligationId}" trong quyết định thi hành án.`,
        `The enforcement decision has no obligation "${obligationId}".`,
      ),
    };
  }
  if (o.kind !== kind) {
    return {
      ok: false,
      error:
        o.kind === "act"
          ? err(
              "wrong_obligation_kind",
              `Khoản "${o.id}" là nghĩa vụ phải làm (${o.description}), không phải khoản tiền; ghi nhận bằng sự kiện thực hiện nghĩa vụ.`,
              `Obligation "${o.id}" is an act (${o.description}), not money; record it with act_performed.`,
            )
          : err(
              "wrong_obligation_kind",
              `Khoản "${o.id}" là khoản tiền; ghi nhận bằng sự kiện nộp tiền.`,
              `Obligation "${o.id}" is money; record it with a payment.`,
            ),
    };
  }
  return { ok: true, obligation: o as K extends "money" ? MoneyObligation : ActObligation };
}

/** A payment or a performed act on an enforceable case starts its enforcement. */
export function withEnforcementStarted(state: CaseState, date: IsoDate): Pick<CaseState, "status" | "enforcementStartedOn"> {
  const starts = state.status === "enforceable";
  return {
    status: starts ? "enforcing" : state.status,
    enforcementStartedOn: starts ? (state.enforcementStartedOn ?? date) : state.enforcementStartedOn,
  };
}
