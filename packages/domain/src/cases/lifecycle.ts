/**
 * The enforcement case (`case`) as a pure state machine over its event ledger (docs/domain.md §3).
 *
 *   acceptance → accepted
 *   decision → decided → notification → notified (voluntary compliance period running, then over)
 *   verification (only after the voluntary period) → verified
 *   classification → enforceable | not_yet_enforceable
 *   not_yet_enforceable: re-verification, then classification → enforceable or stays
 *   enforcement_action (coercive measure) or payment while enforceable → enforcing
 *   completion (all obligations settled) → completed;  termination → terminated
 *   postponement → postponed, suspension → suspended; resumption → back to the state before
 *   transfer (to ANOTHER province only) → transferred_out
 *
 * The voluntary compliance period is not a separate status: a `notified` case carries
 * `voluntaryPeriodEndsOn`, and `isInVoluntaryPeriod(state, date)` tells whether it is running.
 *
 * Money is a whole number of đồng as `bigint`, never a float.
 */
import { formatDong } from "../money.ts";
import { MAX_CASE_DONG, MAX_DONG } from "../bounds.ts";
import { addCalendarDays, compareDates, formatDateVi, isIsoDate, VN_CALENDAR, type IsoDate } from "./calendar.ts";
import { LEGAL_TIME_LIMITS, periodEnd, rulesFor } from "./rules.ts";
import {
  CASE_EVENT_KINDS,
  CASE_EVENT_LABELS,
  COERCIVE_MEASURES,
  SECURITY_MEASURES,
  type AcceptanceEvent,
  type CaseEvent,
  type CaseEventKind,
  type ObligationInput,
} from "./events.ts";
import {
  CASE_STATUS_LABELS,
  CaseRuleViolation,
  type ApplyResult,
  type CaseRuleCode,
  type CaseRuleError,
  type CaseState,
  type CaseStatus,
  type LifecycleOptions,
  type ObligationState,
  type ResumableStatus,
} from "./state.ts";
import { allObligationsSettled, findObligation, isClosed, isInVoluntaryPeriod } from "./queries.ts";

export {
  CASE_EVENT_KINDS,
  CASE_EVENT_LABELS,
  COERCIVE_MEASURES,
  SECURITY_MEASURES,
  type AcceptanceEvent,
  type ActPerformedEvent,
  type CaseEvent,
  type CaseEventKind,
  type ClassificationEvent,
  type CompletionEvent,
  type DecisionEvent,
  type EnforcementActionEvent,
  type EnforcementMeasure,
  type ExecutorChangeEvent,
  type NotificationEvent,
  type ObligationInput,
  type PaymentEvent,
  type PostponementEvent,
  type ResumptionEvent,
  type SuspensionEvent,
  type TerminationEvent,
  type TransferEvent,
  type VerificationEvent,
} from "./events.ts";
export {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CLOSED_STATUSES,
  CaseRuleViolation,
  type ApplyResult,
  type CaseRuleCode,
  type CaseRuleError,
  type CaseState,
  type CaseStatus,
  type LifecycleOptions,
  type ObligationState,
  type ResumableStatus,
} from "./state.ts";
export { allObligationsSettled, isClosed, isInVoluntaryPeriod, moneySummary, outstanding, type MoneySummary } from "./queries.ts";

// ---------------------------------------------------------------------------------------------
// Obligation helpers
// ---------------------------------------------------------------------------------------------

type MoneyObligation = Extract<ObligationState, { kind: "money" }>;
type ActObligation = Extract<ObligationState, { kind: "act" }>;

/** The obligation a payment or a performed act is for, or why there is none of that kind. */
function obligationOfKind<K extends ObligationState["kind"]>(
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
function withEnforcementStarted(state: CaseState, date: IsoDate): Pick<CaseState, "status" | "enforcementStartedOn"> {
  const starts = state.status === "enforceable";
  return {
    status: starts ? "enforcing" : state.status,
    enforcementStartedOn: starts ? (state.enforcementStartedOn ?? date) : state.enforcementStartedOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Guards: whether an event KIND is possible now (shared by applyEvent and nextActions)
// ---------------------------------------------------------------------------------------------


function err(code: CaseRuleCode, message_vi: string, message_en: string): CaseRuleError {
  return { code, message_vi, message_en };
}

const vi = (kind: CaseEventKind) => CASE_EVENT_LABELS[kind].vi;
const en = (kind: CaseEventKind) => CASE_EVENT_LABELS[kind].en;
const d = formatDateVi;

function closedError(state: CaseState, kind: CaseEventKind): CaseRuleError {
  const on = state.closedOn ?? state.lastEventDate;
  const what =
    state.status === "completed"
      ? { vi: `đã thi hành xong ngày ${d(on)}`, en: `was completed on ${on}` }
      : state.status === "terminated"
        ? { vi: `đã bị đình chỉ thi hành án ngày ${d(on)}`, en: `was terminated on ${on}` }
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

function interruptedError(state: CaseState, kind: CaseEventKind): CaseRuleError {
  const postponed = state.status === "postponed";
  const since = state.interruptedOn ?? state.lastEventDate;
  return err(
    "interrupted",
    `Không thể ghi nhận ${vi(kind)}: việc thi hành án đang ${postponed ? "bị hoãn" : "bị tạm đình chỉ"} từ ngày ${d(since)}; phải ghi nhận tiếp tục thi hành án trước.`,
    `Cannot record ${en(kind)}: the case has been ${postponed ? "postponed" : "suspended"} since ${since}; record a resumption first.`,
  );
}

function noDecisionError(kind: CaseEventKind): CaseRuleError {
  return err(
    "no_decision",
    `Không thể ghi nhận ${vi(kind)}: chưa có quyết định thi hành án.`,
    `Cannot record ${en(kind)}: no enforcement decision has been issued yet.`,
  );
}

function notNotifiedError(kind: CaseEventKind): CaseRuleError {
  return err(
    "not_notified",
    `Không thể ghi nhận ${vi(kind)}: quyết định thi hành án chưa được thông báo cho đương sự.`,
    `Cannot record ${en(kind)}: the parties have not been notified of the enforcement decision yet.`,
  );
}

function hasOutstandingMoney(state: CaseState): boolean {
  return state.obligations.some((o) => o.kind === "money" && o.paid < o.amount);
}

function hasPendingAct(state: CaseState): boolean {
  return state.obligations.some((o) => o.kind === "act" && o.performedOn === null);
}

function unsettledSummary(state: CaseState): { vi: string; en: string } {
  const vis: string[] = [];
  const ens: string[] = [];
  for (const o of state.obligations) {
    if (o.kind === "money" && o.paid < o.amount) {
      vis.push(`khoản ${o.id} còn ${formatDong(o.amount - o.paid)}`);
      ens.push(`obligation ${o.id} has ${(o.amount - o.paid).toString()} VND outstanding`);
    } else if (o.kind === "act" && o.performedOn === null) {
      vis.push(`khoản ${o.id} (${o.description}) chưa thực hiện`);
      ens.push(`obligation ${o.id} (${o.description}) not performed`);
    }
  }
  return { vi: vis.join("; "), en: ens.join("; ") };
}

/**
 * Why `kind` cannot be recorded on `state` now, or null when it can (payload aside).
 * `date`, when given, is the event's effective date (used for the voluntary period).
 */
function kindGuard(state: CaseState | null, kind: CaseEventKind, date?: IsoDate): CaseRuleError | null {
  if (state === null) {
    if (kind === "acceptance") return null;
    return err(
      "not_accepted",
      `Không thể ghi nhận ${vi(kind)}: việc thi hành án chưa được thụ lý.`,
      `Cannot record ${en(kind)}: the case has not been accepted yet.`,
    );
  }
  if (kind === "acceptance") {
    return err(
      "already_accepted",
      `Việc thi hành án đã được thụ lý ngày ${d(state.acceptedOn)}; không thể thụ lý lần nữa.`,
      `The case was already accepted on ${state.acceptedOn}.`,
    );
  }
  if (isClosed(state)) return closedError(state, kind);
  const s = state.status;
  const interrupted = s === "postponed" || s === "suspended";

  switch (kind) {
    case "decision":
      if (s === "accepted") return null;
      return err(
        "already_decided",
        `Đã có quyết định thi hành án ngày ${d(state.decidedOn ?? state.acceptedOn)}; mỗi quyết định thi hành án là một việc riêng, không thể ra quyết định lần nữa cho việc này.`,
        `An enforcement decision was already issued on ${state.decidedOn ?? state.acceptedOn}; each decision is a separate case.`,
      );

    case "notification":
      if (s === "decided") return null;
      if (s === "accepted") return noDecisionError(kind);
      if (interrupted && state.notifiedOn === null) return interruptedError(state, kind);
      return err(
        "already_notified",
        `Quyết định thi hành án đã được thông báo ngày ${d(state.notifiedOn ?? state.lastEventDate)}.`,
        `The parties were already notified on ${state.notifiedOn ?? state.lastEventDate}.`,
      );

    case "verification":
      if (s === "accepted") return noDecisionError(kind);
      if (s === "decided") return notNotifiedError(kind);
      if (interrupted) return interruptedError(state, kind);
      if (s === "verified" || state.awaitingClassification) {
        return err(
          "awaiting_classification",
          `Đã xác minh ngày ${d(state.lastVerifiedOn ?? state.lastEventDate)}; phải phân loại có/chưa có điều kiện thi hành trước khi xác minh lại.`,
          `The debtor's means were verified on ${state.lastVerifiedOn ?? state.lastEventDate}; record the classification before verifying again.`,
        );
      }
      if (s === "notified" && date !== undefined && state.voluntaryPeriodEndsOn !== null) {
        if (compareDates(date, state.voluntaryPeriodEndsOn) <= 0) {
          return err(
            "voluntary_period_running",
            `Không thể ghi nhận xác minh khi chưa hết thời hạn tự nguyện thi hành án: thời hạn tự nguyện kéo dài đến hết ngày ${d(state.voluntaryPeriodEndsOn)}, xác minh sớm nhất từ ngày ${d(addCalendarDays(state.voluntaryPeriodEndsOn, 1))}.`,
            `Cannot record a verification before the voluntary compliance period is over: it runs until the end of ${state.voluntaryPeriodEndsOn}.`,
          );
        }
      }
      return null;

    case "classification":
      if (s === "verified" || (state.awaitingClassification && !interrupted)) return null;
      if (s === "accepted") return noDecisionError(kind);
      if (s === "decided") return notNotifiedError(kind);
      if (interrupted) return interruptedError(state, kind);
      if (s === "notified") {
        return err(
          "not_verified",
          `Không thể phân loại điều kiện thi hành án khi chưa xác minh điều kiện thi hành án của người phải thi hành án.`,
          `Cannot classify the case before the debtor's means have been verified.`,
        );
      }
      return err(
        "not_verified",
        `Việc thi hành án đã được phân loại “${CASE_STATUS_LABELS[state.classification ?? "enforceable"].vi}” ngày ${d(state.classifiedOn ?? state.lastEventDate)}; phải xác minh lại điều kiện thi hành án trước khi phân loại lại.`,
        `The case was classified ${state.classification ?? "enforceable"} on ${state.classifiedOn ?? state.lastEventDate}; re-verify the debtor's means before classifying it again.`,
      );

    case "payment":
    case "act_performed": {
      if (s === "accepted") return noDecisionError(kind);
      if (s === "decided") return notNotifiedError(kind);
      if (interrupted) return interruptedError(state, kind);
      if (kind === "payment" && !hasOutstandingMoney(state)) {
        return err(
          "nothing_outstanding",
          `Không thể ghi nhận nộp tiền: việc thi hành án không còn khoản tiền nào phải thi hành.`,
          `Cannot record a payment: no money obligation is outstanding.`,
        );
      }
      if (kind === "act_performed" && !hasPendingAct(state)) {
        return err(
          "nothing_outstanding",
          `Không thể ghi nhận thực hiện nghĩa vụ: không còn nghĩa vụ (không phải tiền) nào chưa thực hiện.`,
          `Cannot record a performed act: no non-monetary obligation is pending.`,
        );
      }
      return null;
    }

    case "enforcement_action":
      // Kind-level: security measures are possible from the decision on; coercive ones are checked
      // with the payload in applyEvent.
      if (s === "accepted") return noDecisionError(kind);
      if (interrupted) return interruptedError(state, kind);
      return null;

    case "postponement":
    case "suspension":
      if (s === "accepted") return noDecisionError(kind);
      if (interrupted) {
        return err(
          "interrupted",
          `Không thể ghi nhận ${vi(kind)}: việc thi hành án đang ${s === "postponed" ? "bị hoãn" : "bị tạm đình chỉ"} từ ngày ${d(state.interruptedOn ?? state.lastEventDate)}; phải ghi nhận tiếp tục thi hành án trước.`,
          `Cannot record ${en(kind)}: the case has been ${s} since ${state.interruptedOn ?? state.lastEventDate}; record a resumption first.`,
        );
      }
      return null;

    case "resumption":
      if (interrupted) return null;
      return err(
        "not_interrupted",
        `Không thể ghi nhận tiếp tục thi hành án: việc thi hành án không bị hoãn hoặc tạm đình chỉ (trạng thái hiện tại: ${CASE_STATUS_LABELS[s].vi}).`,
        `Cannot record a resumption: the case is neither postponed nor suspended (current status: ${s}).`,
      );

    case "termination":
      if (s === "accepted") return noDecisionError(kind);
      return null;

    case "completion":
      if (s === "accepted") return noDecisionError(kind);
      if (s === "decided") return notNotifiedError(kind);
      if (interrupted) return interruptedError(state, kind);
      if (!allObligationsSettled(state)) {
        const left = unsettledSummary(state);
        return err(
          "obligations_not_settled",
          `Không thể ghi nhận thi hành xong khi còn khoản phải thi hành chưa xong: ${left.vi}.`,
          `Cannot record completion while obligations are unsettled: ${left.en}.`,
        );
      }
      return null;

    case "transfer":
      if (s === "accepted") return noDecisionError(kind);
      if (interrupted) return interruptedError(state, kind);
      return null;

    case "executor_change":
      return null;
  }
}

/**
 * Event kinds that can be recorded on `state` now. With `asOf`, date-dependent rules are applied
 * too (verification only after the voluntary period). `null` (no case yet) → ['acceptance'].
 */
export function nextActions(state: CaseState | null, asOf?: IsoDate): CaseEventKind[] {
  return CASE_EVENT_KINDS.filter((kind) => kindGuard(state, kind, asOf) === null);
}

// ---------------------------------------------------------------------------------------------
// applyEvent
// ---------------------------------------------------------------------------------------------

const isNonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;

function validateObligations(list: unknown): CaseRuleError | null {
  const bad = validateObligationShapes(list);
  if (bad) return bad;
  let total = 0n;
  for (const o of list as ObligationInput[]) {
    if (o.kind !== "money") continue;
    if (o.amount > MAX_DONG) {
      return err(
        "invalid_amount",
        `Khoản tiền "${o.id}": vượt quá mức tối đa 10.000.000.000.000.000 đồng (10^16) cho một khoản.`,
        `Money obligation "${o.id}": exceeds the maximum of 10^16 đồng for one obligation.`,
      );
    }
    total += o.amount;
  }
  if (total > MAX_CASE_DONG) {
    return err(
      "invalid_amount",
      `Tổng các khoản tiền phải thi hành vượt quá mức tối đa 10^18 đồng cho một việc thi hành án.`,
      `The money obligations of one case total more than the maximum of 10^18 đồng.`,
    );
  }
  return null;
}

function validateObligationShapes(list: unknown): CaseRuleError | null {
  if (!Array.isArray(list) || list.length === 0) {
    return err(
      "invalid_obligations",
      `Quyết định thi hành án phải có ít nhất một khoản phải thi hành.`,
      `An enforcement decision must list at least one obligation.`,
    );
  }
  const ids = new Set<string>();
  for (const o of list as ObligationInput[]) {
    if (!o || !isNonEmpty(o.id)) {
      return err("invalid_obligations", `Mỗi khoản phải thi hành phải có mã.`, `Every obligation needs an id.`);
    }
    if (ids.has(o.id)) {
      return err(
        "invalid_obligations",
        `Mã khoản phải thi hành "${o.id}" bị trùng.`,
        `Obligation id "${o.id}" is used twice.`,
      );
    }
    ids.add(o.id);
    if (o.kind === "money") {
      if (typeof o.amount !== "bigint" || o.amount <= 0n) {
        return err(
          "invalid_obligations",
          `Khoản tiền "${o.id}" phải là số đồng nguyên dương (bigint).`,
          `Money obligation "${o.id}" must be a positive whole number of đồng (bigint).`,
        );
      }
    } else if (o.kind === "act") {
      if (!isNonEmpty(o.description)) {
        return err(
          "invalid_obligations",
          `Nghĩa vụ "${o.id}" (không phải tiền) phải mô tả việc phải làm.`,
          `Non-monetary obligation "${o.id}" needs a description of the act.`,
        );
      }
    } else {
      const id = (o as { id: string }).id;
      return err(
        "invalid_obligations",
        `Khoản phải thi hành "${id}" phải là tiền (money) hoặc một việc phải làm (act).`,
        `Obligation "${id}" must be of kind money or act.`,
      );
    }
  }
  return null;
}

const ok = (state: CaseState): ApplyResult => ({ ok: true, state });
const no = (error: CaseRuleError): ApplyResult => ({ ok: false, error });

/**
 * Applies one event to a case state (null: no case yet, only an acceptance is possible).
 * Pure: returns a new state or the reason the step is invalid.
 */
export function applyEvent(state: CaseState | null, event: CaseEvent, options: LifecycleOptions = {}): ApplyResult {
  const calendar = options.calendar ?? VN_CALENDAR;
  const ruleSets = options.ruleSets ?? LEGAL_TIME_LIMITS;

  if (!event || typeof event !== "object" || !(CASE_EVENT_KINDS as readonly string[]).includes((event as { kind?: string }).kind ?? "")) {
    return no(err("invalid_event", `Loại sự kiện không hợp lệ.`, `Unknown event kind.`));
  }
  const date = event.effectiveDate;
  if (!isIsoDate(date)) {
    return no(
      err(
        "invalid_date",
        `Ngày hiệu lực "${String(date)}" không phải ngày hợp lệ dạng YYYY-MM-DD.`,
        `Effective date "${String(date)}" is not a valid 'YYYY-MM-DD' date.`,
      ),
    );
  }
  if (state !== null && compareDates(date, state.lastEventDate) < 0) {
    return no(
      err(
        "out_of_order",
        `Ngày hiệu lực ${d(date)} sớm hơn sự kiện đã ghi nhận trước đó (${d(state.lastEventDate)}); các sự kiện phải được xét theo thứ tự ngày.`,
        `Effective date ${date} is before the previous event (${state.lastEventDate}); events apply in date order.`,
      ),
    );
  }
  const guard = kindGuard(state, event.kind, date);
  if (guard) return no(guard);

  if (state === null) {
    // kindGuard guarantees an acceptance here.
    const e = event as AcceptanceEvent;
    if (!isNonEmpty(e.provinceId)) {
      return no(err("invalid_event", `Phải ghi rõ tỉnh/thành phố thụ lý việc thi hành án.`, `The accepting province is required.`));
    }
    if (e.source !== "court_transfer" && e.source !== "creditor_request" && e.source !== "transfer_in") {
      return no(
        err(
          "invalid_event",
          `Nguồn thụ lý phải là Tòa án chuyển giao (court_transfer), đơn yêu cầu (creditor_request) hoặc ủy thác từ tỉnh khác (transfer_in).`,
          `The source must be court_transfer, creditor_request or transfer_in.`,
        ),
      );
    }
    return ok({
      status: "accepted",
      provinceId: e.provinceId,
      unitId: e.unitId ?? null,
      source: e.source,
      acceptedOn: date,
      decisionMode: null,
      decisionNumber: null,
      decidedOn: null,
      notifiedOn: null,
      voluntaryPeriodEndsOn: null,
      firstVerifiedOn: null,
      lastVerifiedOn: null,
      awaitingClassification: false,
      classification: null,
      classifiedOn: null,
      debtorImprisonedOrUnknownAddress: false,
      enforcementStartedOn: null,
      executorId: null,
      obligations: [],
      interruptedFrom: null,
      interruptedOn: null,
      lastResumedOn: null,
      transferredTo: null,
      closedOn: null,
      closingReason: null,
      lastEventDate: date,
      eventCount: 1,
    });
  }

  const base: CaseState = { ...state, lastEventDate: date, eventCount: state.eventCount + 1 };

  switch (event.kind) {
    case "acceptance":
      return no(kindGuard(state, "acceptance") as CaseRuleError);

    case "decision": {
      if (event.mode !== "ex_officio" && event.mode !== "on_request") {
        return no(
          err(
            "invalid_event",
            `Quyết định thi hành án phải là chủ động (ex_officio) hoặc theo yêu cầu (on_request).`,
            `The decision mode must be ex_officio or on_request.`,
          ),
        );
      }
      const bad = validateObligations(event.obligations);
      if (bad) return no(bad);
      return ok({
        ...base,
        status: "decided",
        decisionMode: event.mode,
        decisionNumber: event.decisionNumber ?? null,
        decidedOn: date,
        executorId: event.executorId ?? state.executorId,
        obligations: event.obligations.map((o): ObligationState =>
          o.kind === "money"
            ? { id: o.id, kind: "money", amount: o.amount, paid: 0n, ...(o.description !== undefined ? { description: o.description } : {}) }
            : { id: o.id, kind: "act", description: o.description, performedOn: null },
        ),
      });
    }

    case "notification": {
      const rules = rulesFor(date, ruleSets);
      return ok({
        ...base,
        status: "notified",
        notifiedOn: date,
        voluntaryPeriodEndsOn: periodEnd(date, { unit: "days", amount: rules.voluntaryDays }, rules, calendar),
      });
    }

    case "verification": {
      const flag = event.debtorImprisonedOrUnknownAddress;
      const next: CaseState = {
        ...base,
        firstVerifiedOn: state.firstVerifiedOn ?? date,
        lastVerifiedOn: date,
        debtorImprisonedOrUnknownAddress: typeof flag === "boolean" ? flag : state.debtorImprisonedOrUnknownAddress,
      };
      if (state.status === "notified") return ok({ ...next, status: "verified", awaitingClassification: false });
      // Re-verification of a classified case: its status stands until the classification that follows.
      return ok({ ...next, awaitingClassification: true });
    }

    case "classification": {
      if (event.result !== "enforceable" && event.result !== "not_yet_enforceable") {
        return no(
          err(
            "invalid_event",
            `Kết quả phân loại phải là có điều kiện (enforceable) hoặc chưa có điều kiện thi hành (not_yet_enforceable).`,
            `The classification must be enforceable or not_yet_enforceable.`,
          ),
        );
      }
      const status: CaseStatus =
        event.result === "not_yet_enforceable" ? "not_yet_enforceable" : state.status === "enforcing" ? "enforcing" : "enforceable";
      return ok({ ...base, status, classification: event.result, classifiedOn: date, awaitingClassification: false });
    }

    case "payment": {
      const found = obligationOfKind(state, event.obligationId, "money");
      if (!found.ok) return no(found.error);
      const o = found.obligation;
      if (typeof event.amount !== "bigint" || event.amount <= 0n) {
        return no(
          err(
            "invalid_amount",
            `Số tiền nộp phải là số đồng nguyên dương (bigint), nhận được: ${String(event.amount)}.`,
            `The payment must be a positive whole number of đồng (bigint), got ${String(event.amount)}.`,
          ),
        );
      }
      const left = o.amount - o.paid;
      if (left === 0n) {
        return no(
          err(
            "obligation_settled",
            `Khoản "${o.id}" đã được nộp đủ ${formatDong(o.amount)}; không thể nộp thêm.`,
            `Obligation "${o.id}" is already fully paid (${o.amount.toString()} VND).`,
          ),
        );
      }
      if (event.amount > left) {
        return no(
          err(
            "overpayment",
            `Số tiền nộp ${formatDong(event.amount)} vượt quá số còn phải thi hành của khoản "${o.id}" (${formatDong(left)}).`,
            `The payment of ${event.amount.toString()} VND exceeds the ${left.toString()} VND outstanding on obligation "${o.id}".`,
          ),
        );
      }
      const obligations = state.obligations.map((x) => (x.id === o.id && x.kind === "money" ? { ...x, paid: x.paid + event.amount } : x));
      return ok({ ...base, obligations, ...withEnforcementStarted(state, date) });
    }

    case "act_performed": {
      const found = obligationOfKind(state, event.obligationId, "act");
      if (!found.ok) return no(found.error);
      const o = found.obligation;
      if (o.performedOn !== null) {
        return no(
          err(
            "obligation_settled",
            `Nghĩa vụ "${o.id}" đã được thực hiện ngày ${d(o.performedOn)}.`,
            `Obligation "${o.id}" was already performed on ${o.performedOn}.`,
          ),
        );
      }
      const obligations = state.obligations.map((x) => (x.id === o.id && x.kind === "act" ? { ...x, performedOn: date } : x));
      return ok({ ...base, obligations, ...withEnforcementStarted(state, date) });
    }

    case "enforcement_action": {
      const measure = event.measure;
      const security = (SECURITY_MEASURES as readonly string[]).includes(measure);
      const coercive = (COERCIVE_MEASURES as readonly string[]).includes(measure);
      if (!security && !coercive) {
        return no(err("invalid_event", `Biện pháp "${String(measure)}" không hợp lệ.`, `Unknown measure "${String(measure)}".`));
      }
      if (security) return ok(base);
      if (state.status !== "enforceable" && state.status !== "enforcing") {
        const why =
          state.status === "not_yet_enforceable"
            ? { vi: "việc thi hành án đang được phân loại chưa có điều kiện thi hành", en: "the case is classified not yet enforceable" }
            : state.status === "notified" && isInVoluntaryPeriod(state, date)
              ? { vi: "đang trong thời hạn tự nguyện thi hành án", en: "the voluntary compliance period is running" }
              : { vi: "việc thi hành án chưa được xác minh và phân loại có điều kiện thi hành", en: "the case has not been verified and classified enforceable" };
        return no(
          err(
            "not_enforceable",
            `Không thể áp dụng biện pháp cưỡng chế: ${why.vi}.`,
            `Cannot apply a coercive measure: ${why.en}.`,
          ),
        );
      }
      if (measure === "price_reduction") {
        const max = rulesFor(date, ruleSets).maxPriceReductionPercent;
        const p = event.reductionPercent;
        if (typeof p !== "number" || !Number.isFinite(p) || p <= 0 || p > max) {
          return no(
            err(
              "price_reduction_too_large",
              `Mỗi lần giảm giá tài sản không quá ${max}% giá khởi điểm của lần bán trước (nhận được: ${String(p)}%).`,
              `Each price reduction must be more than 0 and at most ${max}% (got ${String(p)}%).`,
            ),
          );
        }
      }
      return ok({ ...base, status: "enforcing", enforcementStartedOn: state.enforcementStartedOn ?? date });
    }

    case "postponement":
    case "suspension":
      return ok({
        ...base,
        status: event.kind === "postponement" ? "postponed" : "suspended",
        interruptedFrom: state.status as ResumableStatus,
        interruptedOn: date,
      });

    case "resumption":
      return ok({
        ...base,
        status: state.interruptedFrom ?? "decided",
        interruptedFrom: null,
        interruptedOn: null,
        lastResumedOn: date,
      });

    case "termination":
      if (!isNonEmpty(event.reason)) {
        return no(
          err(
            "missing_reason",
            `Phải ghi rõ căn cứ đình chỉ thi hành án (Điều 50 Luật Thi hành án dân sự).`,
            `A termination needs its legal ground (Art. 50).`,
          ),
        );
      }
      return ok({
        ...base,
        status: "terminated",
        interruptedFrom: null,
        interruptedOn: null,
        closedOn: date,
        closingReason: event.reason,
      });

    case "completion":
      return ok({ ...base, status: "completed", closedOn: date, closingReason: null });

    case "transfer": {
      if (!isNonEmpty(event.toProvinceId)) {
        return no(err("invalid_event", `Phải ghi rõ tỉnh/thành phố nhận ủy thác.`, `The receiving province is required.`));
      }
      if (event.toProvinceId === state.provinceId) {
        return no(
          err(
            "transfer_same_province",
            `Không thể ủy thác thi hành án trong cùng một tỉnh/thành phố: nơi nhận ủy thác trùng với tỉnh đang thụ lý (${state.provinceId}). Ủy thác chỉ thực hiện cho cơ quan thi hành án dân sự tỉnh/thành phố khác; việc chuyển giữa các phòng khu vực của cùng tỉnh không phải là ủy thác.`,
            `Cannot transfer a case within its own province (${state.provinceId}): a transfer goes to another province only; moving it between offices of the same province is not a transfer.`,
          ),
        );
      }
      return ok({
        ...base,
        status: "transferred_out",
        transferredTo: { provinceId: event.toProvinceId, unitId: event.toUnitId ?? null },
        closedOn: date,
        closingReason: null,
      });
    }

    case "executor_change":
      if (!isNonEmpty(event.executorId)) {
        return no(err("invalid_event", `Phải ghi rõ chấp hành viên mới.`, `The new executor is required.`));
      }
      if (event.executorId === state.executorId) {
        return no(
          err(
            "same_executor",
            `Chấp hành viên mới trùng với chấp hành viên đang được phân công.`,
            `The new executor is the one already assigned.`,
          ),
        );
      }
      if (state.executorId !== null && !isNonEmpty(event.reason)) {
        return no(
          err(
            "missing_reason",
            `Thay đổi chấp hành viên phải ghi rõ lý do.`,
            `A change of executor must record its reason.`,
          ),
        );
      }
      return ok({ ...base, executorId: event.executorId });
  }
}

// ---------------------------------------------------------------------------------------------
// Folding the ledger
// ---------------------------------------------------------------------------------------------

export type DeriveResult =
  | { ok: true; state: CaseState | null }
  | { ok: false; error: CaseRuleError; event: CaseEvent; index: number };

/** Events sorted by effective date; equal dates keep their ledger order. Indices are the input positions. */
export function sortEvents(events: readonly CaseEvent[]): { event: CaseEvent; index: number }[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      const c = a.event.effectiveDate < b.event.effectiveDate ? -1 : a.event.effectiveDate > b.event.effectiveDate ? 1 : 0;
      return c !== 0 ? c : a.index - b.index;
    });
}

/**
 * Folds a case's events (sorted by effective date, stable for equal dates) into its state.
 * `state: null` when there are no events. Fails on the first event that is not valid at its place.
 */
export function deriveState(events: readonly CaseEvent[], options: LifecycleOptions = {}): DeriveResult {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!isIsoDate(e?.effectiveDate)) {
      return {
        ok: false,
        index: i,
        event: e,
        error: err(
          "invalid_date",
          `Ngày hiệu lực "${String(e?.effectiveDate)}" không phải ngày hợp lệ dạng YYYY-MM-DD.`,
          `Effective date "${String(e?.effectiveDate)}" is not a valid 'YYYY-MM-DD' date.`,
        ),
      };
    }
  }
  let state: CaseState | null = null;
  for (const { event, index } of sortEvents(events)) {
    const r = applyEvent(state, event, options);
    if (!r.ok) return { ok: false, error: r.error, event, index };
    state = r.state;
  }
  return { ok: true, state };
}

/** The case's state at the end of `date` (events effective on or before it). */
export function stateAsOf(events: readonly CaseEvent[], date: IsoDate, options: LifecycleOptions = {}): DeriveResult {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return deriveState(
    events.filter((e) => !isIsoDate(e?.effectiveDate) || e.effectiveDate <= date),
    options,
  );
}

/** deriveState, throwing CaseRuleViolation on an inconsistent ledger. */
export function deriveStateOrThrow(events: readonly CaseEvent[], options: LifecycleOptions = {}): CaseState | null {
  const r = deriveState(events, options);
  if (!r.ok) throw new CaseRuleViolation(r.error);
  return r.state;
}

/**
 * Adds an event to a ledger, re-checking the whole ledger in date order (a back-dated event must
 * not invalidate a later one). Returns the new ledger and state, or why it is refused.
 */
export function appendEvent(
  events: readonly CaseEvent[],
  event: CaseEvent,
  options: LifecycleOptions = {},
): { ok: true; events: CaseEvent[]; state: CaseState } | { ok: false; error: CaseRuleError; event: CaseEvent; index: number } {
  const next = [...events, event];
  const r = deriveState(next, options);
  if (!r.ok) return r;
  return { ok: true, events: next, state: r.state as CaseState };
}
