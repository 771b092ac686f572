/**
 * The events of an enforcement case's ledger (docs/domain.md §3): their kinds, labels and details.
 */
import type { IsoDate } from "./calendar.ts";

export const CASE_EVENT_KINDS = [
  "acceptance",
  "decision",
  "notification",
  "verification",
  "classification",
  "payment",
  "act_performed",
  "enforcement_action",
  "postponement",
  "suspension",
  "resumption",
  "termination",
  "completion",
  "transfer",
  "executor_change",
  "register_transfer",
  "request_returned",
  "register_reopening",
  "office_assignment",
  "reorganisation",
  "intra_province_transfer",
  "new_information",
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/**
 * Steps written only by the agency's maintenance (a reorganisation of units), never offered to a
 * user nor accepted from one (the case service's steps and the database refuse them).
 */
export const MAINTENANCE_EVENT_KINDS: readonly CaseEventKind[] = ["reorganisation"];
/** The steps that move a case to another unit of its province (its figures follow from that day: ADR 028). */
export const MOVE_EVENT_KINDS: readonly CaseEventKind[] = ["office_assignment", "reorganisation"];

export const CASE_EVENT_LABELS: Readonly<Record<CaseEventKind, { vi: string; en: string }>> = {
  acceptance: { vi: "thụ lý", en: "acceptance" },
  decision: { vi: "quyết định thi hành án", en: "enforcement decision" },
  notification: { vi: "thông báo quyết định thi hành án", en: "notification" },
  verification: { vi: "xác minh điều kiện thi hành án", en: "verification" },
  classification: { vi: "phân loại điều kiện thi hành án", en: "classification" },
  payment: { vi: "nộp tiền thi hành án", en: "payment" },
  act_performed: { vi: "thực hiện nghĩa vụ (không phải tiền)", en: "performance of a non-monetary obligation" },
  enforcement_action: { vi: "biện pháp bảo đảm/cưỡng chế", en: "enforcement measure" },
  postponement: { vi: "hoãn thi hành án", en: "postponement" },
  suspension: { vi: "tạm đình chỉ thi hành án", en: "suspension" },
  resumption: { vi: "tiếp tục thi hành án", en: "resumption" },
  termination: { vi: "đình chỉ thi hành án", en: "termination" },
  completion: { vi: "thi hành xong", en: "completion" },
  transfer: { vi: "ủy thác thi hành án", en: "transfer" },
  executor_change: { vi: "thay đổi chấp hành viên", en: "executor change" },
  register_transfer: { vi: "chuyển sổ theo dõi riêng", en: "move to the separate register" },
  request_returned: { vi: "gửi lại yêu cầu thi hành án", en: "return of the request" },
  register_reopening: {
    vi: "xác minh lại khi có thông tin mới (đưa ra khỏi sổ theo dõi riêng)",
    en: "reopening from the separate register",
  },
  office_assignment: { vi: "giao phòng thi hành án dân sự khu vực", en: "assignment to a regional office" },
  reorganisation: { vi: "chuyển giao do sắp xếp tổ chức bộ máy", en: "handover on a reorganisation of units" },
  intra_province_transfer: {
    vi: "ủy thác cho cơ quan thi hành án dân sự cấp huyện khác trong tỉnh (trước 01/07/2025)",
    en: "transfer to another district agency of the province (before 01/07/2025)",
  },
  new_information: { vi: "tiếp nhận thông tin mới về điều kiện thi hành án", en: "new information about the debtor's means" },
};

/**
 * Security measures (biện pháp bảo đảm) may be applied at once, even during the voluntary period,
 * to stop assets being dispersed; they do not change the status.
 */
export const SECURITY_MEASURES = ["account_freeze", "temporary_seizure", "transaction_ban"] as const;
/** Coercive measures (biện pháp cưỡng chế): only for an enforceable case; the case becomes `enforcing`. */
export const COERCIVE_MEASURES = [
  "income_deduction",
  "account_collection",
  "seizure",
  "valuation",
  "auction",
  "price_reduction",
  "coercion_with_forces",
  "other",
] as const;
export type EnforcementMeasure = (typeof SECURITY_MEASURES)[number] | (typeof COERCIVE_MEASURES)[number];

export type ObligationInput =
  | { id: string; kind: "money"; amount: bigint; description?: string }
  | { id: string; kind: "act"; description: string };

interface EventBase {
  /** ISO date 'YYYY-MM-DD' on which the event takes legal effect. */
  effectiveDate: IsoDate;
  id?: string;
  note?: string;
}

export interface AcceptanceEvent extends EventBase {
  kind: "acceptance";
  /** Tenant key: the (current) province owning the case. */
  provinceId: string;
  unitId?: string;
  /** The court transferred the judgment, a creditor filed a request, or another province entrusted the case. */
  source: "court_transfer" | "creditor_request" | "transfer_in";
  /**
   * A case entrusted by a military-region enforcement agency (L106 Art. 32(1)(k): the provincial
   * agency enforces "bản án, quyết định do cơ quan thi hành án dân sự nơi khác ủy thác"): that
   * agency, as its transfer decision names it. A case entrusted by another province names none: it
   * opens from the sending province's case.
   */
  fromAgency?: string;
  /**
   * That agency's entrusting decision (quyết định ủy thác, L106 Art. 49(2) ¶1): its number and date,
   * on which the case is taken in (Art. 49(2) ¶2). The intake form and the import ask for them; a
   * case taken in before they did names the agency alone.
   */
  entrustingDecisionNumber?: string;
  entrustingDecisionOn?: IsoDate;
}
export interface DecisionEvent extends EventBase {
  kind: "decision";
  mode: "ex_officio" | "on_request";
  obligations: readonly ObligationInput[];
  decisionNumber?: string;
  executorId?: string;
}
export interface NotificationEvent extends EventBase {
  kind: "notification";
}
export interface VerificationEvent extends EventBase {
  kind: "verification";
  /** Debtor in prison with 2+ years left, or no known address: re-verify yearly. Omitted = unchanged. */
  debtorImprisonedOrUnknownAddress?: boolean;
  findings?: string;
}
export interface ClassificationEvent extends EventBase {
  kind: "classification";
  result: "enforceable" | "not_yet_enforceable";
}
export interface PaymentEvent extends EventBase {
  kind: "payment";
  obligationId: string;
  /** Đồng, > 0 and not more than the obligation's outstanding amount. */
  amount: bigint;
  receiptNumber?: string;
  /** Who paid (the debtor, or someone on their behalf). */
  payer?: string;
  method?: "cash" | "bank_transfer" | "auction_proceeds" | "other";
}
export interface ActPerformedEvent extends EventBase {
  kind: "act_performed";
  obligationId: string;
}
export interface EnforcementActionEvent extends EventBase {
  kind: "enforcement_action";
  measure: EnforcementMeasure;
  /** For `price_reduction`: the reduction of this round, in percent. */
  reductionPercent?: number;
}
export interface PostponementEvent extends EventBase {
  kind: "postponement";
  reason?: string;
}
export interface SuspensionEvent extends EventBase {
  kind: "suspension";
  reason?: string;
}
export interface ResumptionEvent extends EventBase {
  kind: "resumption";
}
export interface TerminationEvent extends EventBase {
  kind: "termination";
  /** The legal ground (Art. 50); required. */
  reason: string;
}
export interface CompletionEvent extends EventBase {
  kind: "completion";
}
/**
 * Transfer (ủy thác thi hành án) to the civil judgment enforcement agency of another province, or to
 * a military-region enforcement agency (cơ quan thi hành án cấp quân khu: L106 Arts. 17(2), 32(3)(đ),
 * 49): exactly one of the two is named. A military-region agency keeps its own records outside this
 * system, so it is named as its transfer decision names it.
 */
export interface TransferEvent extends EventBase {
  kind: "transfer";
  toProvinceId?: string;
  toUnitId?: string;
  /** The military-region enforcement agency receiving the case, as the transfer decision names it. */
  toMilitaryAgency?: string;
}
export interface ExecutorChangeEvent extends EventBase {
  kind: "executor_change";
  executorId: string;
  /** Why the case changes hands (required for a re-assignment, optional for the first one). */
  reason?: string;
}

/**
 * A not-yet-enforceable case moves to the separate register (sổ theo dõi riêng): old rules
 * (D62 Art. 9(5)) for every case; 2026 rules (D152 Art. 22(1)) for a case decided ex officio.
 */
export interface RegisterTransferEvent extends EventBase {
  kind: "register_transfer";
}
/**
 * 2026 rules, a case on request: the agency returns the request to the requester in writing, with
 * a notice to the procuracy (D152 Art. 22(2)); the case ends (D152 Art. 32(1)(d)).
 */
export interface RequestReturnedEvent extends EventBase {
  kind: "request_returned";
  /** Number of the written notice returning the request. */
  noticeNumber?: string;
}
/**
 * New information about the debtor's means brings a case back from the separate register: it is
 * verified (within 10 days) and enforced (D62 Art. 9(6); D152 Art. 22(1) ¶2).
 */
export interface RegisterReopeningEvent extends EventBase {
  kind: "register_reopening";
  /** The new information and who gave it (required). */
  newInformation: string;
}

/**
 * A case the provincial bureau holds itself (a case entrusted by another province opens there) is
 * given to one of the province's regional offices before its enforcement decision; the case and
 * its figures move to that office from then on.
 */
export interface OfficeAssignmentEvent extends EventBase {
  kind: "office_assignment";
  /** The regional office (a current sub-unit of the case's province). */
  unitId: string;
}

/**
 * A reorganisation of units (the 2025 merger of provinces and of district offices into regional
 * offices): the unit that held an open case hands it to its successor in the same province on the
 * reorganisation's date. The agency's maintenance records it, for every open case of the dissolved
 * unit; the case's figures count under the successor from that day (ADR 028).
 */
/**
 * Before 01/07/2025 a district agency could entrust a case to another district agency of its
 * province (L26 Art. 56(2) as amended 2022). Historical ledgers hold such transfers; the step is a
 * record of the history (the receiving unit), see ./steps/intra-province-transfer.ts.
 */
export interface IntraProvinceTransferEvent extends EventBase {
  kind: "intra_province_transfer";
  /** The receiving district agency of the same province. */
  unitId: string;
}

/**
 * New information about the means of a debtor found without them, for a case not yet enforceable
 * outside the separate register: verified within 10 days of receiving it (L26 Art. 44(2), D62
 * Art. 9(4) ¶2; L106 Art. 38(2) ¶2).
 */
export interface NewInformationEvent extends EventBase {
  kind: "new_information";
  /** The new information and who gave it (required). */
  newInformation: string;
}

export interface ReorganisationEvent extends EventBase {
  kind: "reorganisation";
  /** The successor unit (of the case's province). */
  unitId: string;
  /** The unit that held the case until then. */
  fromUnitId: string;
  /** The act behind the reorganisation, as the agency records it. */
  basis?: string;
}

export type CaseEvent =
  | AcceptanceEvent
  | DecisionEvent
  | NotificationEvent
  | VerificationEvent
  | ClassificationEvent
  | PaymentEvent
  | ActPerformedEvent
  | EnforcementActionEvent
  | PostponementEvent
  | SuspensionEvent
  | ResumptionEvent
  | TerminationEvent
  | CompletionEvent
  | TransferEvent
  | OfficeAssignmentEvent
  | ReorganisationEvent
  | IntraProvinceTransferEvent
  | NewInformationEvent
  | ExecutorChangeEvent
  | RegisterTransferEvent
  | RequestReturnedEvent
  | RegisterReopeningEvent;
