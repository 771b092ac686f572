/**
 * One-stop and online procedures of a provincial bureau (docs/domain.md §7): what a
 * citizen, company or bank may ask for, the documents each needs, and the legal time the bureau
 * has to answer, in working days counted from the day the request reaches it.
 *
 * The time limits are not kept here: each procedure names its rule in the table of legal rules
 * (`LEGAL_RULE_SETS`, ../cases/rules.ts), and `procedureLimitOn(kind, date)` reads the rule set in
 * force on the day the request was received — the limits change on 01/07/2026 (Decree 152/2026).
 * A limit whose source is not verified is flagged `toConfirm`.
 */
import { addWorkingDays, compareDates, VN_CALENDAR, workingDaysBetween, type IsoDate, type WorkingCalendar } from "../cases/calendar.ts";
import {
  legalRuleOn,
  weakestVerification,
  type LegalInstrument,
  type LegalRuleCode,
  type LegalSource,
  type Verification,
} from "../cases/rules.ts";

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

/** A procedure's time limit as in force on a date, with its citation. */
export interface ProcedureLimit {
  kind: RequestKind;
  /** Working days from receipt. */
  workingDays: number;
  /** First day of the rule set the limit comes from. */
  effectiveFrom: IsoDate;
  sources: readonly LegalSource[];
  /** Weakest verification mark among the sources. */
  verified: Verification;
  /** The reading of the law needs the directorate's confirmation (a source is not verified). */
  toConfirm: boolean;
  /** Vietnamese basis as shown to the public: the citation and what the limit is for. */
  basis: string;
}

const INSTRUMENT_VI: Readonly<Record<LegalInstrument, string>> = {
  "Law 26/2008/QH12 (2008 wording)": "Luật Thi hành án dân sự số 26/2008/QH12",
  "Law 26/2008 (amended)": "Luật Thi hành án dân sự 2008 (sửa đổi, bổ sung)",
  "Decree 62/2015/NĐ-CP": "Nghị định 62/2015/NĐ-CP",
  "Law 106/2025/QH15": "Luật Thi hành án dân sự số 106/2025/QH15",
  "Decree 152/2026/NĐ-CP": "Nghị định 152/2026/NĐ-CP",
  "Law on Property Auction 01/2016/QH14": "Luật Đấu giá tài sản 01/2016/QH14",
  "Circular 216/2016/TT-BTC": "Thông tư 216/2016/TT-BTC",
  "Law on Denunciations 25/2018/QH14": "Luật Tố cáo 25/2018/QH14",
};

/** "Nghị định 152/2026/NĐ-CP, Điều 87 khoản 2". */
export function formatSourceVi(s: LegalSource): string {
  const article = s.article === "—" ? "" : `, Điều ${s.article}`;
  const clause = s.clause ? ` khoản ${s.clause.replace(/ ¶(\d+)/, " đoạn $1")}` : "";
  const point = s.point ? ` điểm ${s.point}` : "";
  return `${INSTRUMENT_VI[s.instrument]}${article}${clause}${point}`;
}

/**
 * The time limit of a procedure for a request received on `date`: read from the rule set in force
 * that day (before 01/07/2026 Law 26/2008 as amended and Decree 62/2015; from then on Law 106/2025
 * and Decree 152/2026). Throws RangeError for a malformed date or one before the rules.
 */
export function procedureLimitOn(kind: RequestKind, date: IsoDate): ProcedureLimit {
  const p = PROCEDURES[kind];
  const r = legalRuleOn(p.rule, date);
  if (typeof r.value !== "number" || r.unit !== "working_days") throw new TypeError(`Rule '${p.rule}' is not a number of working days`);
  const verified = weakestVerification(r.sources);
  const cites = r.sources.map(formatSourceVi).join("; ");
  return {
    kind,
    workingDays: r.value,
    effectiveFrom: r.effectiveFrom,
    sources: r.sources,
    verified,
    toConfirm: verified !== "verified",
    basis: `${cites}: ${p.limitSubject_vi} trong ${String(r.value).padStart(2, "0")} ngày làm việc${verified === "verified" ? "" : " (chưa đối chiếu được văn bản)"}`,
  };
}

/**
 * Legal due date of a request: the N-th working day after it reached the bureau, N from the rule
 * set in force on that day. A request filed online on a day off reaches the bureau on the next
 * working day, so counting starts from there.
 */
export function requestDueOn(kind: RequestKind, receivedOn: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): IsoDate {
  return addWorkingDays(receivedOn, procedureLimitOn(kind, receivedOn).workingDays, calendar);
}

export type Timeliness =
  | { state: "open"; dueOn: IsoDate; workingDaysLeft: number }
  | { state: "overdue"; dueOn: IsoDate; workingDaysLate: number }
  | { state: "on_time"; dueOn: IsoDate; closedOn: IsoDate }
  | { state: "late"; dueOn: IsoDate; closedOn: IsoDate; workingDaysLate: number };

/** On time or late: closed on or before the due date is on time; open past it is overdue. */
export function timeliness(dueOn: IsoDate, closedOn: IsoDate | null, today: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): Timeliness {
  if (closedOn) {
    return compareDates(closedOn, dueOn) <= 0
      ? { state: "on_time", dueOn, closedOn }
      : { state: "late", dueOn, closedOn, workingDaysLate: workingDaysBetween(dueOn, closedOn, calendar) };
  }
  return compareDates(today, dueOn) <= 0
    ? { state: "open", dueOn, workingDaysLeft: workingDaysBetween(today, dueOn, calendar) }
    : { state: "overdue", dueOn, workingDaysLate: workingDaysBetween(dueOn, today, calendar) };
}
