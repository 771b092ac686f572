/**
 * The state of an enforcement case, folded from its ledger, and the errors of its rules.
 */
import type { IsoDate, WorkingCalendar } from "./calendar.ts";
import type { LegalTimeLimits } from "./rules.ts";
import type { AcceptanceEvent, ClassificationEvent, DecisionEvent } from "./events.ts";

/** Same values as the `public.case_status` enum in the database. */
export const CASE_STATUSES = [
  "accepted",
  "decided",
  "notified",
  "verified",
  "enforceable",
  "not_yet_enforceable",
  "enforcing",
  "postponed",
  "suspended",
  "completed",
  "terminated",
  "transferred_out",
  "separate_register",
  "returned",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses a postponed or suspended case can return to. */
export type ResumableStatus = "decided" | "notified" | "verified" | "enforceable" | "not_yet_enforceable" | "enforcing";

export const CLOSED_STATUSES: readonly CaseStatus[] = ["completed", "terminated", "transferred_out", "returned"];

/**
 * Statuses out of the active workload: the closed ones and the separate register, whose cases stay
 * open but are followed on their own line until new information reopens them (D62 Art. 9(6)).
 */
export const OUT_OF_WORKLOAD_STATUSES: readonly CaseStatus[] = [...CLOSED_STATUSES, "separate_register"];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, { vi: string; en: string }>> = {
  accepted: { vi: "Đã thụ lý", en: "Accepted" },
  decided: { vi: "Đã ra quyết định thi hành án", en: "Enforcement decision issued" },
  notified: { vi: "Đã thông báo quyết định thi hành án", en: "Parties notified" },
  verified: { vi: "Đã xác minh điều kiện thi hành án", en: "Debtor's means verified" },
  enforceable: { vi: "Có điều kiện thi hành", en: "Enforceable" },
  not_yet_enforceable: { vi: "Chưa có điều kiện thi hành", en: "Not yet enforceable" },
  enforcing: { vi: "Đang tổ chức thi hành", en: "Being enforced" },
  postponed: { vi: "Hoãn thi hành án", en: "Postponed" },
  suspended: { vi: "Tạm đình chỉ thi hành án", en: "Suspended" },
  completed: { vi: "Thi hành xong", en: "Completed" },
  terminated: { vi: "Đình chỉ thi hành án", en: "Terminated" },
  transferred_out: { vi: "Đã ủy thác thi hành án", en: "Transferred to another agency" },
  separate_register: { vi: "Sổ theo dõi riêng", en: "Separate register" },
  returned: { vi: "Đã gửi lại yêu cầu thi hành án", en: "Request returned" },
};

export type ObligationState =
  | { id: string; kind: "money"; amount: bigint; paid: bigint; description?: string }
  | { id: string; kind: "act"; description: string; performedOn: IsoDate | null };

export interface CaseState {
  status: CaseStatus;
  provinceId: string;
  unitId: string | null;
  source: AcceptanceEvent["source"];
  acceptedOn: IsoDate;
  decisionMode: DecisionEvent["mode"] | null;
  decisionNumber: string | null;
  decidedOn: IsoDate | null;
  notifiedOn: IsoDate | null;
  /** Last day of the voluntary compliance period (set by the notification). */
  voluntaryPeriodEndsOn: IsoDate | null;
  firstVerifiedOn: IsoDate | null;
  lastVerifiedOn: IsoDate | null;
  /** A (re-)verification was recorded and the classification that must follow it is pending. */
  awaitingClassification: boolean;
  /** Last explicit classification; kept through enforcing/postponed/suspended/closed. */
  classification: ClassificationEvent["result"] | null;
  classifiedOn: IsoDate | null;
  debtorImprisonedOrUnknownAddress: boolean;
  /**
   * Date of the decision that the case is not yet enforceable (the first not-yet-enforceable
   * classification since the case was last classified enforceable); null otherwise. The separate
   * register and the return of a request count from it (D62 Art. 9(5)(a); L106 Art. 38(4)).
   */
  notYetEnforceableSince: IsoDate | null;
  /** Verifications recorded while the case was not yet enforceable, since that decision (D62 Art. 9(5)(b)). */
  verificationsWhileNotYetEnforceable: number;
  /** Date the case moved to the separate register (kept after a reopening); null if never. */
  registeredOn: IsoDate | null;
  /** Date of the last reopening from the separate register on new information; null if none. */
  reopenedOn: IsoDate | null;
  /**
   * The day new information about the debtor's means came in (new_information) while no
   * verification has followed yet: until it is verified the case may not move to the separate
   * register nor have its request returned (D62 Art. 9(5); L106 Art. 38(4): "không có thông tin mới").
   */
  newInformationOn: IsoDate | null;
  enforcementStartedOn: IsoDate | null;
  executorId: string | null;
  obligations: readonly ObligationState[];
  /** While postponed/suspended: the status to return to on resumption. */
  interruptedFrom: ResumableStatus | null;
  interruptedOn: IsoDate | null;
  lastResumedOn: IsoDate | null;
  /** Where the case was transferred: another province's agency, or a military-region agency named in words. */
  transferredTo: { provinceId: string | null; unitId: string | null; militaryAgency: string | null } | null;
  closedOn: IsoDate | null;
  closingReason: string | null;
  lastEventDate: IsoDate;
  eventCount: number;
}

export type CaseRuleCode =
  | "invalid_event"
  | "invalid_date"
  | "out_of_order"
  | "not_accepted"
  | "already_accepted"
  | "case_closed"
  | "no_decision"
  | "already_decided"
  | "not_notified"
  | "already_notified"
  | "voluntary_period_running"
  | "not_verified"
  | "awaiting_classification"
  | "not_enforceable"
  | "interrupted"
  | "not_interrupted"
  | "invalid_obligations"
  | "unknown_obligation"
  | "wrong_obligation_kind"
  | "obligation_settled"
  | "nothing_outstanding"
  | "invalid_amount"
  | "overpayment"
  | "price_reduction_too_large"
  | "obligations_not_settled"
  | "missing_reason"
  | "transfer_same_province"
  | "same_executor"
  | "in_separate_register"
  | "not_in_separate_register"
  | "not_not_yet_enforceable"
  | "register_conditions_not_met"
  | "wrong_decision_mode"
  | "missing_information"
  | "not_held_by_bureau"
  | "not_holding_unit";

export interface CaseRuleError {
  code: CaseRuleCode;
  message_vi: string;
  message_en: string;
}

export type ApplyResult = { ok: true; state: CaseState } | { ok: false; error: CaseRuleError };

export interface LifecycleOptions {
  calendar?: WorkingCalendar;
  ruleSets?: readonly LegalTimeLimits[];
}

/** Thrown where a result cannot be returned (e.g. deadlines over an inconsistent ledger). */
export class CaseRuleViolation extends Error {
  readonly code: CaseRuleCode;
  readonly message_vi: string;
  readonly message_en: string;
  constructor(error: CaseRuleError) {
    super(`${error.code}: ${error.message_vi}`);
    this.name = "CaseRuleViolation";
    this.code = error.code;
    this.message_vi = error.message_vi;
    this.message_en = error.message_en;
  }
}
