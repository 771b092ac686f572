import { z } from "zod";
import {
  LEGAL_RULE_SETS,
  checkAcceptanceDate,
  checkLimitation,
  checkPastDate,
  compareDates,
  formatDateVi,
  formatSource,
  legalRuleOn,
  weakestVerification,
  type IsoDate,
  type LegalSource,
} from "@thads/domain";
import { dongInput, optionalText, optionalViDate, text, viDate } from "../shared/fields.ts";
import { JUDGMENT_TYPES } from "./judgment-types.ts";

/** A party's ID or registration number as intake accepts it (CCCD, CMND, passport, tax code). */
export const ID_NUMBER_PATTERN = /^[0-9A-Za-z./-]{6,30}$/;

export { JUDGMENT_TYPES } from "./judgment-types.ts";

/** The intake form: a case taken in from a judgment, with its parties and (optionally) the decision. */
export const IntakeSchema = z
  .object({
    idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại biểu mẫu." }),
    unitId: z.uuid({ message: "Đơn vị thụ lý: chọn một đơn vị." }),
    caseNumber: text("Số thụ lý / số quyết định", 60),
    acceptedOn: viDate("Ngày thụ lý"),
    /** The day the request was filed (on request); the acceptance date when blank. */
    requestedOn: optionalViDate("Ngày nộp đơn yêu cầu"),
    /**
     * Filed after the limitation period: the official's record of the force majeure or objective
     * obstacle that kept the creditor from asking in time (its time is not counted).
     */
    limitationObstacle: optionalText("Lý do chậm yêu cầu (sự kiện bất khả kháng, trở ngại khách quan)", 2000),
    source: z.enum(["court_transfer", "creditor_request"], { message: "Nguồn thụ lý: chọn Tòa án chuyển giao hoặc đơn yêu cầu." }),
    decisionKind: z.enum(["ex_officio", "on_request"], { message: "Hình thức: chọn chủ động hoặc theo yêu cầu." }),
    isBankCredit: z.boolean().default(false),
    isCorruption: z.boolean().default(false),
    judgment: z.object({
      courtName: text("Tòa án", 300, 2),
      number: text("Số bản án", 100),
      date: viDate("Ngày bản án"),
      /** The day the judgment took effect (the limitation runs from it); the judgment's date when blank. */
      effectiveOn: optionalViDate("Ngày bản án có hiệu lực"),
      type: z.enum(JUDGMENT_TYPES, { message: "Loại bản án: chọn một loại." }),
    }),
    creditor: z.object({
      kind: z.enum(["person", "organization"], { message: "Người được thi hành án: chọn cá nhân hoặc tổ chức." }),
      fullName: text("Tên người được thi hành án", 300),
      idNumber: optionalText("Số giấy tờ của người được thi hành án", 30),
      address: optionalText("Địa chỉ người được thi hành án", 500),
    }),
    debtor: z.object({
      kind: z.enum(["person", "organization"], { message: "Người phải thi hành án: chọn cá nhân hoặc tổ chức." }),
      fullName: text("Tên người phải thi hành án", 300),
      idNumber: optionalText("Số giấy tờ của người phải thi hành án", 30),
      address: optionalText("Địa chỉ người phải thi hành án", 500),
    }),
    amount: dongInput("Số tiền phải thi hành"),
  })
  .superRefine((v, ctx) => {
    if (v.judgment.date > v.acceptedOn) {
      ctx.addIssue({ code: "custom", path: ["acceptedOn"], message: "Ngày thụ lý: không được trước ngày bản án." });
    }
    if (v.judgment.effectiveOn && v.judgment.effectiveOn < v.judgment.date) {
      ctx.addIssue({
        code: "custom",
        path: ["judgment", "effectiveOn"],
        message: "Ngày bản án có hiệu lực: không được trước ngày bản án.",
      });
    }

    for (const [p, label] of [
      ["creditor", "người được thi hành án"],
      ["debtor", "người phải thi hành án"],
    ] as const) {
      const id = v[p].idNumber;
      if (id && !ID_NUMBER_PATTERN.test(id)) {
        ctx.addIssue({ code: "custom", path: [p, "idNumber"], message: `Số giấy tờ của ${label}: 6–30 chữ số hoặc chữ cái.` });
      }
    }
  });
export type IntakeInput = z.output<typeof IntakeSchema>;

/** A refusal of an intake's dates or of its limitation period; the field key is the form's path. */
export interface IntakeProblem {
  code: string;
  field: string;
  message_vi: string;
  message_en: string;
}

/**
 * The dates of an intake (form or import row) against today in Việt Nam: the acceptance and the
 * judgment not after today and not before 1990, the acceptance not before the first rule set in
 * force (1 July 2009; a file accepted earlier is taken in again with the date it is taken up), and
 * a case on request within the limitation period (`intakeLimitation`).
 * Field keys are the form's paths ("acceptedOn", "judgment.date").
 */
export function intakeDateProblems(
  input: Pick<IntakeInput, "acceptedOn" | "judgment" | "decisionKind" | "requestedOn" | "limitationObstacle">,
  today: IsoDate,
): IntakeProblem[] {
  const out: IntakeProblem[] = [];
  const accepted = checkAcceptanceDate(input.acceptedOn, { field: { key: "acceptedOn", vi: "Ngày thụ lý", en: "Acceptance date" }, today });
  if (accepted) out.push(accepted);
  const judgment = checkPastDate(input.judgment.date, { field: { key: "judgment.date", vi: "Ngày bản án", en: "Judgment date" }, today });
  if (judgment) out.push(judgment);
  for (const [date, key, vi, en] of [
    [input.judgment.effectiveOn, "judgment.effectiveOn", "Ngày bản án có hiệu lực", "Judgment effective date"],
    [input.requestedOn, "requestedOn", "Ngày nộp đơn yêu cầu", "Request date"],
  ] as const) {
    const bad = date ? checkPastDate(date, { field: { key, vi, en }, today }) : null;
    if (bad) out.push(bad);
  }
  if (out.length) return out;
  const r = input.requestedOn;
  if (r && compareDates(r, input.acceptedOn) > 0) {
    out.push({
      code: "request_after_acceptance",
      field: "requestedOn",
      message_vi: `Ngày nộp đơn yêu cầu: không được sau ngày thụ lý (${formatDateVi(input.acceptedOn)}).`,
      message_en: `Request date: cannot be after the acceptance date (${input.acceptedOn}).`,
    });
  } else if (r && compareDates(r, input.judgment.effectiveOn ?? input.judgment.date) < 0) {
    out.push({
      code: "request_before_judgment",
      field: "requestedOn",
      message_vi: "Ngày nộp đơn yêu cầu: không được trước ngày bản án có hiệu lực.",
      message_en: "Request date: cannot be before the judgment took effect.",
    });
  }
  if (out.length) return out;
  const limitation = intakeLimitation(input);
  if (!limitation.ok) out.push(limitation.error);
  return out;
}

/** What the acceptance event keeps of the limitation check of a case on request. */
export interface LimitationRecord {
  requestedOn: IsoDate;
  runsFrom: IsoDate;
  lastDay: IsoDate;
  late: boolean;
  /** The article of the limitation period in force on the request date (rules table). */
  article: string;
  /** Late: the force majeure or objective obstacle recorded, and the article that lets its time out. */
  obstacle?: string;
  obstacleArticle?: string;
}

const cite = (sources: readonly LegalSource[]) =>
  `${sources.map(formatSource).join("; ")}${weakestVerification(sources) === "verified" ? "" : " — chưa đối chiếu văn bản"}`;

/**
 * The limitation period for requesting enforcement (`checkLimitation`: 5 years from the judgment
 * taking effect, Law 26/2008 Art. 30(1) / Law 106 Art. 34(2)) applied to a case taken in on a
 * request: the request date (the acceptance date when not given) against the judgment's effective
 * date (its date when not given). A late request is refused, naming the field, unless the official
 * records the force majeure or objective obstacle that delayed it (its time is not counted: Law
 * 26/2008 Art. 30(3), Law 106 Art. 34(2) ¶2). An ex officio case is the agency's own duty, not a
 * creditor's request: no limitation applies, and nothing is recorded. Requests filed before the
 * first rule set in force (01/07/2009) are not judged: the rules table has no period for them.
 */
export function intakeLimitation(
  input: Pick<IntakeInput, "acceptedOn" | "judgment" | "decisionKind" | "requestedOn" | "limitationObstacle">,
): { ok: true; record: LimitationRecord | null } | { ok: false; error: IntakeProblem } {
  if (input.decisionKind !== "on_request") return { ok: true, record: null };
  const filedOn = input.requestedOn ?? input.acceptedOn;
  const runsFrom = input.judgment.effectiveOn ?? input.judgment.date;
  if (compareDates(filedOn, LEGAL_RULE_SETS[0]!.effectiveFrom) < 0) return { ok: true, record: null };
  const r = checkLimitation({ runsFrom, filedOn });
  const article = cite(r.sources);
  const record: LimitationRecord = { requestedOn: filedOn, runsFrom, lastDay: r.lastDay ?? filedOn, late: r.late, article };
  if (!r.late) return { ok: true, record };
  const stop = legalRuleOn("limitationStopReasons", filedOn);
  const obstacleArticle = cite(stop.sources);
  if (input.limitationObstacle) return { ok: true, record: { ...record, obstacle: input.limitationObstacle, obstacleArticle } };
  const field = input.requestedOn ? "requestedOn" : "acceptedOn";
  const [vi, en] = input.requestedOn
    ? ["Ngày nộp đơn yêu cầu", "Request date"]
    : ["Ngày thụ lý (ngày nộp đơn yêu cầu)", "Acceptance date (the request date)"];
  const from = input.judgment.effectiveOn ? "ngày bản án có hiệu lực" : "ngày bản án (chưa ghi ngày bản án có hiệu lực)";
  const fromEn = input.judgment.effectiveOn ? "the judgment took effect" : "the judgment date (no effective date given)";
  return {
    ok: false,
    error: {
      code: "limitation_expired",
      field,
      message_vi: `${vi}: ${formatDateVi(filedOn)} đã quá thời hiệu yêu cầu thi hành án ${r.years} năm kể từ ${from} ${formatDateVi(runsFrom)}; hạn cuối ${formatDateVi(record.lastDay)} (${article}). Nếu chậm do sự kiện bất khả kháng hoặc trở ngại khách quan, ghi lý do vào ô "Lý do chậm yêu cầu" (thời gian đó không tính vào thời hiệu: ${obstacleArticle}).`,
      message_en: `${en}: ${filedOn} is past the ${r.years}-year limitation period for requesting enforcement from ${fromEn} (${runsFrom}); the last day was ${record.lastDay} (${article}). If force majeure or an objective obstacle delayed the request, record it under "Reason for the delay" (that time is not counted: ${obstacleArticle}).`,
    },
  };
}
