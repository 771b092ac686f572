/**
 * The catalogue of one-stop and online procedures: kinds, names, summaries and documents. Data
 * only — the time limits come from the table of legal rules through `procedureLimitOn`
 * (./procedures.ts), on the server — so the browser's bundle can take it.
 */
import type { LegalRuleCode } from "../cases/rules.ts";

/** Same values as the `public.request_kind` enum in the database. */
export const REQUEST_KINDS = [
  "enforcement_request",
  "result_confirmation",
  "executor_change",
  "fee_exemption",
  "coercion_cost_exemption",
  "complaint",
  "denunciation",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === "string" && (REQUEST_KINDS as readonly string[]).includes(value);
}

export interface RequiredDocument {
  code: string;
  vi: string;
  en: string;
  /** A request without it is incomplete (the desk returns it for completion). */
  required: boolean;
}

export interface Procedure {
  kind: RequestKind;
  /** URL segment of the form: /p/:slug/requests/new/:segment. */
  segment: string;
  name: { vi: string; en: string };
  summary: { vi: string; en: string };
  /** The rule of `LEGAL_RULE_SETS` that gives the time to answer (see `procedureLimitOn`). */
  rule: LegalRuleCode;
  /** What the time limit is for, in Vietnamese (the citation is added from the rule's sources). */
  limitSubject_vi: string;
  /** May be filed online (all of them); `desk` = also at the one-stop desk. */
  channels: readonly ("online" | "desk")[];
  documents: readonly RequiredDocument[];
  /** At least one attachment must come with an online filing. */
  attachmentRequired: boolean;
}

const ID_DOC: RequiredDocument = {
  code: "identity",
  vi: "Bản sao giấy tờ tùy thân (CCCD/hộ chiếu) hoặc giấy chứng nhận đăng ký doanh nghiệp",
  en: "Copy of an identity document or business registration",
  required: true,
};
const AUTHORIZATION: RequiredDocument = {
  code: "authorization",
  vi: "Giấy ủy quyền (nếu nộp thay)",
  en: "Power of attorney (when filing for someone else)",
  required: false,
};

export const PROCEDURES: Readonly<Record<RequestKind, Procedure>> = {
  enforcement_request: {
    kind: "enforcement_request",
    segment: "yeu-cau-thi-hanh-an",
    name: { vi: "Yêu cầu thi hành án", en: "Enforcement request" },
    summary: {
      vi: "Người được thi hành án hoặc người phải thi hành án yêu cầu cơ quan THADS ra quyết định thi hành án theo yêu cầu.",
      en: "A creditor or debtor asks the bureau to issue an enforcement decision on request.",
    },
    rule: "decisionWorkingDays",
    limitSubject_vi: "ra quyết định thi hành án kể từ ngày nhận được yêu cầu",
    channels: ["online", "desk"],
    documents: [
      {
        code: "request_form",
        vi: "Đơn yêu cầu thi hành án (theo mẫu trên trang)",
        en: "Enforcement request form (this page)",
        required: true,
      },
      { code: "judgment", vi: "Bản án, quyết định của Tòa án (bản sao)", en: "Copy of the judgment or court decision", required: true },
      ID_DOC,
      {
        code: "debtor_assets",
        vi: "Tài liệu về tài sản, thu nhập của người phải thi hành án (nếu có)",
        en: "Evidence of the debtor's assets or income (if any)",
        required: false,
      },
      AUTHORIZATION,
    ],
    attachmentRequired: true,
  },
  result_confirmation: {
    kind: "result_confirmation",
    segment: "xac-nhan-ket-qua",
    name: { vi: "Xác nhận kết quả thi hành án", en: "Confirmation of enforcement results" },
    summary: {
      vi: "Đương sự đề nghị cơ quan THADS xác nhận kết quả thi hành án đã đạt được.",
      en: "A party asks the bureau to confirm what has been enforced.",
    },
    rule: "resultConfirmationWorkingDays",
    limitSubject_vi: "cấp giấy xác nhận kết quả thi hành án kể từ ngày nhận được yêu cầu",
    channels: ["online", "desk"],
    documents: [
      { code: "request_form", vi: "Đơn đề nghị xác nhận kết quả thi hành án", en: "Request form", required: true },
      ID_DOC,
      {
        code: "decision",
        vi: "Quyết định thi hành án liên quan (nếu có)",
        en: "The related enforcement decision (if any)",
        required: false,
      },
    ],
    attachmentRequired: false,
  },
  executor_change: {
    kind: "executor_change",
    segment: "thay-doi-chap-hanh-vien",
    name: { vi: "Đề nghị thay đổi chấp hành viên", en: "Request to change the executor" },
    summary: {
      vi: "Đương sự đề nghị thay đổi chấp hành viên khi có căn cứ cho rằng chấp hành viên không khách quan.",
      en: "A party asks for another executor where the assigned one may not be impartial.",
    },
    rule: "executorChangeWorkingDays",
    limitSubject_vi: "xem xét, quyết định thay đổi chấp hành viên kể từ ngày nhận được yêu cầu",
    channels: ["online", "desk"],
    documents: [
      { code: "request_form", vi: "Đơn đề nghị thay đổi chấp hành viên, nêu rõ lý do", en: "Request stating the grounds", required: true },
      ID_DOC,
      { code: "evidence", vi: "Tài liệu chứng minh (nếu có)", en: "Supporting evidence (if any)", required: false },
    ],
    attachmentRequired: false,
  },
  fee_exemption: {
    kind: "fee_exemption",
    segment: "mien-giam-phi",
    name: { vi: "Miễn, giảm phí thi hành án", en: "Exemption or reduction of enforcement fees" },
    summary: {
      vi: "Người được thi hành án thuộc diện được miễn, giảm phí thi hành án đề nghị xét miễn, giảm.",
      en: "A creditor entitled to it asks for an exemption or reduction of the enforcement fee.",
    },
    rule: "feeExemptionWorkingDays",
    limitSubject_vi: "xét miễn, giảm phí thi hành án",
    channels: ["online", "desk"],
    documents: [
      { code: "request_form", vi: "Đơn đề nghị miễn, giảm phí thi hành án", en: "Request form", required: true },
      {
        code: "hardship",
        vi: "Giấy tờ chứng minh thuộc diện được miễn, giảm (xác nhận hoàn cảnh khó khăn…)",
        en: "Evidence of entitlement (hardship certificate…)",
        required: true,
      },
      ID_DOC,
    ],
    attachmentRequired: true,
  },
  coercion_cost_exemption: {
    kind: "coercion_cost_exemption",
    segment: "mien-giam-chi-phi-cuong-che",
    name: { vi: "Miễn, giảm chi phí cưỡng chế thi hành án", en: "Exemption or reduction of coercion costs" },
    summary: {
      vi: "Người phải thi hành án có hoàn cảnh đặc biệt khó khăn đề nghị miễn, giảm chi phí cưỡng chế.",
      en: "A debtor in particular hardship asks for an exemption or reduction of coercion costs.",
    },
    rule: "coercionCostExemptionWorkingDays",
    limitSubject_vi: "xem xét, quyết định miễn, giảm chi phí cưỡng chế kể từ ngày nhận được đơn và tài liệu kèm theo",
    channels: ["online", "desk"],
    documents: [
      { code: "request_form", vi: "Đơn đề nghị miễn, giảm chi phí cưỡng chế", en: "Request form", required: true },
      {
        code: "hardship",
        vi: "Xác nhận của UBND cấp xã hoặc cơ quan, tổ chức về hoàn cảnh khó khăn",
        en: "Certificate of hardship",
        required: true,
      },
      ID_DOC,
    ],
    attachmentRequired: true,
  },
  complaint: {
    kind: "complaint",
    segment: "khieu-nai",
    name: { vi: "Khiếu nại về thi hành án", en: "Complaint about enforcement" },
    summary: {
      vi: "Khiếu nại quyết định, hành vi của Thủ trưởng cơ quan THADS hoặc chấp hành viên. Lưu ý thời hiệu khiếu nại (15 ngày, 10 ngày hoặc 30 ngày tùy quyết định, hành vi; trước 01/07/2026 riêng phong tỏa tài khoản là 3 ngày làm việc).",
      en: "A complaint about a decision or act of the head of the bureau or an executor. Mind the limitation periods (15, 10 or 30 days depending on the act; before 1 Jul 2026 an account freeze had 3 working days).",
    },
    rule: "complaintAcceptanceWorkingDays",
    limitSubject_vi: "thụ lý khiếu nại (lần đầu) và thông báo cho người khiếu nại kể từ ngày nhận được đơn",
    channels: ["online", "desk"],
    documents: [
      {
        code: "complaint_form",
        vi: "Đơn khiếu nại ghi rõ quyết định, hành vi bị khiếu nại và lý do",
        en: "Complaint naming the decision or act and the grounds",
        required: true,
      },
      ID_DOC,
      { code: "evidence", vi: "Tài liệu, chứng cứ liên quan (nếu có)", en: "Related documents (if any)", required: false },
    ],
    attachmentRequired: false,
  },
  denunciation: {
    kind: "denunciation",
    segment: "to-cao",
    name: { vi: "Tố cáo về thi hành án", en: "Denunciation" },
    summary: {
      vi: "Tố cáo hành vi vi phạm pháp luật của công chức thi hành án dân sự.",
      en: "Report of an unlawful act by an enforcement official.",
    },
    rule: "denunciationAcceptanceWorkingDays",
    limitSubject_vi: "thụ lý tố cáo",
    channels: ["online", "desk"],
    documents: [
      {
        code: "denunciation_form",
        vi: "Đơn tố cáo ghi rõ người bị tố cáo và hành vi vi phạm",
        en: "Denunciation naming the person and the act",
        required: true,
      },
      ID_DOC,
      { code: "evidence", vi: "Tài liệu, chứng cứ (nếu có)", en: "Evidence (if any)", required: false },
    ],
    attachmentRequired: false,
  },
};

export function procedureFor(kind: RequestKind): Procedure {
  return PROCEDURES[kind];
}

export function procedureBySegment(segment: string): Procedure | null {
  return Object.values(PROCEDURES).find((p) => p.segment === segment) ?? null;
}
