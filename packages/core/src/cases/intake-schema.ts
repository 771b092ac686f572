import { z } from "zod";
import {
  ENTRUSTING_DECISION_ASKED_FROM,
  ENTRUSTING_DECISION_NUMBER_MAX,
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
import { agencyName, checkChosen, readChosen, dongInput, optionalText, optionalViDate, text, viDate } from "../shared/fields.ts";
import { JUDGMENT_TYPES } from "./judgment-types.ts";
import { OBSTACLE_KINDS, type ObstacleKind } from "./obstacle-kinds.ts";

export { OBSTACLE_KINDS, type ObstacleKind } from "./obstacle-kinds.ts";

/** A party's ID or registration number as intake accepts it (CCCD, CMND, passport, tax code). */
export const ID_NUMBER_PATTERN = /^[0-9A-Za-z./-]{6,30}$/;

export { JUDGMENT_TYPES } from "./judgment-types.ts";

const ENTRUSTING_NUMBER = text("Số quyết định ủy thác", ENTRUSTING_DECISION_NUMBER_MAX);
const ENTRUSTING_ON = viDate("Ngày quyết định ủy thác");
const FROM_AGENCY = agencyName(
  "Cơ quan thi hành án cấp quân khu ủy thác",
  "Cơ quan thi hành án cấp quân khu ủy thác: bắt buộc nhập khi nhận ủy thác.",
);

/**
 * The intake form: a case taken in from a judgment, with its parties and (optionally) the decision.
 * `decisionRequired`: an entrusted case names its entrusting decision (the form, the import); the
 * migration of earlier records takes such a case accepted before ENTRUSTING_DECISION_ASKED_FROM
 * without one, as those records may not hold it.
 */
const intakeSchema = ({ decisionRequired }: { decisionRequired: boolean }) =>
  z
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
      /** What the obstacle was in law (objective obstacle when not given) and the days it lasted: only those are not counted. */
      limitationObstacleKind: z.preprocess(
        (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
        z
          .enum(OBSTACLE_KINDS, { message: "Loại trở ngại: chọn trở ngại khách quan, sự kiện bất khả kháng hoặc tình trạng khẩn cấp." })
          .optional(),
      ),
      limitationObstacleFrom: optionalViDate("Trở ngại từ ngày"),
      limitationObstacleTo: optionalViDate("Trở ngại đến ngày"),
      source: z.enum(["court_transfer", "creditor_request", "transfer_in"], {
        message: "Nguồn thụ lý: chọn Tòa án chuyển giao, đơn yêu cầu hoặc nhận ủy thác từ cơ quan thi hành án cấp quân khu.",
      }),
      /**
       * The military-region enforcement agency that entrusted the case (source `transfer_in`; a case
       * entrusted by another province opens from that province's case instead). Read only with that
       * source: the form hides the field otherwise, and what it holds then is not read.
       */
      fromAgency: z.unknown().optional(),
      /** That agency's entrusting decision (L106 Art. 49(2)): its number and date, read likewise. */
      entrustingDecisionNumber: z.unknown().optional(),
      entrustingDecisionOn: z.unknown().optional(),
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
      const entrusted = v.source === "transfer_in";
      const decision = entrusted && (decisionRequired || asksDecision(v));
      checkChosen(ctx, entrusted, FROM_AGENCY, v.fromAgency, "fromAgency");
      checkChosen(ctx, decision, ENTRUSTING_NUMBER, v.entrustingDecisionNumber, "entrustingDecisionNumber");
      checkChosen(ctx, decision, ENTRUSTING_ON, v.entrustingDecisionOn, "entrustingDecisionOn");
      const entrustedOn = readChosen(decision, ENTRUSTING_ON, v.entrustingDecisionOn);
      // Taken in on the decision (Art. 49(2) ¶2), which follows the judgment.
      if (entrustedOn && typeof v.acceptedOn === "string" && entrustedOn > v.acceptedOn) {
        ctx.addIssue({ code: "custom", path: ["entrustingDecisionOn"], message: "Ngày quyết định ủy thác: không được sau ngày thụ lý." });
      } else if (entrustedOn && typeof v.judgment?.date === "string" && entrustedOn < v.judgment.date) {
        ctx.addIssue({ code: "custom", path: ["entrustingDecisionOn"], message: "Ngày quyết định ủy thác: không được trước ngày bản án." });
      }
      if (v.judgment.date > v.acceptedOn) {
        ctx.addIssue({ code: "custom", path: ["acceptedOn"], message: "Ngày thụ lý: không được trước ngày bản án." });
      }
      if (v.limitationObstacleFrom && v.limitationObstacleTo && v.limitationObstacleTo < v.limitationObstacleFrom) {
        ctx.addIssue({
          code: "custom",
          path: ["limitationObstacleTo"],
          message: "Trở ngại đến ngày: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
        });
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
    })
    .transform((v) => {
      const entrusted = v.source === "transfer_in";
      const decision = entrusted && (decisionRequired || asksDecision(v));
      return {
        ...v,
        fromAgency: readChosen(entrusted, FROM_AGENCY, v.fromAgency),
        entrustingDecisionNumber: readChosen(decision, ENTRUSTING_NUMBER, v.entrustingDecisionNumber),
        entrustingDecisionOn: readChosen(decision, ENTRUSTING_ON, v.entrustingDecisionOn),
      };
    });

const isGiven = (v: unknown) => typeof v === "string" && v.trim() !== "";
/** Earlier records: the decision when one is given (whole), or when the case was accepted since the intake asks for it. */
const asksDecision = (v: { entrustingDecisionNumber?: unknown; entrustingDecisionOn?: unknown; acceptedOn?: unknown }) =>
  isGiven(v.entrustingDecisionNumber) ||
  isGiven(v.entrustingDecisionOn) ||
  (typeof v.acceptedOn === "string" && v.acceptedOn >= ENTRUSTING_DECISION_ASKED_FROM);

export const IntakeSchema = intakeSchema({ decisionRequired: true });
/** The same, for the migration of earlier records: an entrusted case accepted before the intake asked for its decision may come without it. */
export const LegacyIntakeSchema = intakeSchema({ decisionRequired: false });
export type IntakeInput = z.output<typeof IntakeSchema>;
type LimitationObstacleFields = "limitationObstacle" | "limitationObstacleKind" | "limitationObstacleFrom" | "limitationObstacleTo";

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
  input: Pick<IntakeInput, "acceptedOn" | "judgment" | "decisionKind" | "requestedOn" | LimitationObstacleFields> & {
    source?: IntakeInput["source"];
  },
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
  /** The obstacle in law, its first and last day, and the days not counted (the last day is moved by them). */
  obstacleKind?: ObstacleKind;
  obstacleFrom?: IsoDate;
  obstacleTo?: IsoDate;
  excludedDays?: number;
}

const cite = (sources: readonly LegalSource[]) =>
  `${sources.map(formatSource).join("; ")}${weakestVerification(sources) === "verified" ? "" : " — chưa đối chiếu văn bản"}`;

/**
 * The limitation period for requesting enforcement (`checkLimitation`: 5 years from the judgment
 * taking effect, Law 26/2008 Art. 30(1) / Law 106 Art. 34(2)) applied to a case taken in on a
 * request: the request date (the acceptance date when not given) against the judgment's effective
 * date (its date when not given). A late request is refused, naming the field, unless the official
 * records the force majeure or objective obstacle that delayed it with its first and last day: those
 * days are not counted (Law 26/2008 Art. 30(3), Law 106 Art. 34(2) ¶2), and the request must be in
 * time once they are taken out. The obstacle must be a ground under the rules in force on its
 * first day and fall between the judgment taking effect and the request. An ex officio case is the
 * agency's own duty, not a creditor's request: no limitation applies, and nothing is recorded. Requests filed before the
 * first rule set in force (01/07/2009) are not judged: the rules table has no period for them.
 */
export function intakeLimitation(
  input: Pick<IntakeInput, "acceptedOn" | "judgment" | "decisionKind" | "requestedOn" | LimitationObstacleFields> & {
    source?: IntakeInput["source"];
  },
): { ok: true; record: LimitationRecord | null } | { ok: false; error: IntakeProblem } {
  // The limitation binds the creditor's request to the agency that first took it; an entrusted case
  // was requested there (L106 Art. 34(2); the entrusting agency refuses a late request, Art. 34(4)(d)).
  if (input.decisionKind !== "on_request" || input.source === "transfer_in") return { ok: true, record: null };
  const filedOn = input.requestedOn ?? input.acceptedOn;
  const runsFrom = input.judgment.effectiveOn ?? input.judgment.date;
  if (compareDates(filedOn, LEGAL_RULE_SETS[0]!.effectiveFrom) < 0) return { ok: true, record: null };
  const r = checkLimitation({ runsFrom, filedOn });
  const article = cite(r.sources);
  const record: LimitationRecord = { requestedOn: filedOn, runsFrom, lastDay: r.lastDay ?? filedOn, late: r.late, article };
  if (!r.late) return { ok: true, record };
  const stop = legalRuleOn("limitationStopReasons", filedOn);
  const obstacleArticle = cite(stop.sources);
  const field = input.requestedOn ? "requestedOn" : "acceptedOn";
  const { limitationObstacle: obstacle, limitationObstacleFrom: oFrom, limitationObstacleTo: oTo } = input;
  if (obstacle || oFrom || oTo) {
    const problem = (code: string, key: string, vi: string, en: string): { ok: false; error: IntakeProblem } => ({
      ok: false,
      error: { code, field: key, message_vi: vi, message_en: en },
    });
    if (!obstacle) {
      return problem(
        "limitation_obstacle_reason",
        "limitationObstacle",
        "Lý do chậm yêu cầu: ghi sự kiện bất khả kháng hoặc trở ngại khách quan đã làm chậm việc yêu cầu.",
        "Reason for the delay: record the force majeure or objective obstacle that delayed the request.",
      );
    }
    if (!oFrom || !oTo) {
      return problem(
        "limitation_obstacle_period",
        oFrom ? "limitationObstacleTo" : "limitationObstacleFrom",
        `Thời gian trở ngại: nhập từ ngày và đến ngày; chỉ thời gian đó không tính vào thời hiệu (${obstacleArticle}).`,
        `Obstacle period: enter its first and last day; only that time is not counted (${obstacleArticle}).`,
      );
    }
    const kind = input.limitationObstacleKind ?? "objective_obstacle";
    // Only the days between the judgment taking effect and the request matter to it.
    const start = compareDates(oFrom, runsFrom) < 0 ? runsFrom : oFrom;
    const until = compareDates(oTo, filedOn) > 0 ? filedOn : oTo;
    const outside = problem(
      "limitation_obstacle_outside",
      "limitationObstacleFrom",
      `Thời gian trở ngại: phải nằm trong khoảng từ ${formatDateVi(runsFrom)} đến ngày yêu cầu ${formatDateVi(filedOn)}.`,
      `Obstacle period: must fall between ${runsFrom} and the request date ${filedOn}.`,
    );
    if (compareDates(oTo, runsFrom) <= 0 || compareDates(oFrom, filedOn) > 0) return outside;
    const firstRules = LEGAL_RULE_SETS[0]!.effectiveFrom;
    if (compareDates(start, firstRules) < 0) {
      return problem(
        "limitation_obstacle_before_rules",
        "limitationObstacleFrom",
        `Trở ngại từ ngày: các quy định về thời hiệu có trong hệ thống bắt đầu từ ${formatDateVi(firstRules)}; thời gian trở ngại trước ngày đó không tính được ở đây (nếu trở ngại còn kéo dài sau ngày đó, ghi từ ngày ${formatDateVi(firstRules)}).`,
        `Obstacle from: the limitation rules the system holds begin on ${firstRules}; obstacle days before then cannot be counted here (if the obstacle lasted beyond that day, enter ${firstRules}).`,
      );
    }
    let paused: ReturnType<typeof checkLimitation>;
    try {
      paused = checkLimitation({
        runsFrom,
        filedOn,
        pauses: [{ reason: kind, from: start, to: compareDates(until, start) < 0 ? start : until }],
      });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return problem(
        "limitation_obstacle_period",
        "limitationObstacleFrom",
        "Thời gian trở ngại: không tính được với các ngày đã nhập.",
        "Obstacle period: it cannot be counted with the dates given.",
      );
    }
    const why = paused.ignored[0]?.why;
    if (why === "not_a_ground") {
      return problem(
        "limitation_obstacle_ground",
        "limitationObstacleKind",
        `Loại trở ngại: không phải căn cứ không tính vào thời hiệu theo quy định áp dụng cho ngày ${formatDateVi(start)} (${cite(legalRuleOn("limitationStopReasons", start).sources)}).`,
        `Kind of obstacle: not a ground that stops the limitation clock under the rules in force on ${start}.`,
      );
    }
    if (why === "outside_period") return outside;
    const withObstacle: LimitationRecord = {
      ...record,
      lastDay: paused.lastDay ?? record.lastDay,
      obstacle,
      obstacleArticle,
      obstacleKind: kind,
      obstacleFrom: oFrom,
      obstacleTo: oTo,
      excludedDays: paused.excludedDays,
    };
    if (!paused.late) return { ok: true, record: withObstacle };
    return problem(
      "limitation_expired",
      field,
      `${input.requestedOn ? "Ngày nộp đơn yêu cầu" : "Ngày thụ lý (ngày nộp đơn yêu cầu)"}: ${formatDateVi(filedOn)} vẫn quá thời hiệu yêu cầu thi hành án sau khi không tính ${paused.excludedDays} ngày trở ngại; hạn cuối ${formatDateVi(withObstacle.lastDay)} (${article}; ${obstacleArticle}).`,
      `${input.requestedOn ? "Request date" : "Acceptance date (the request date)"}: ${filedOn} is still past the limitation period once the ${paused.excludedDays} days of the obstacle are not counted; the last day was ${withObstacle.lastDay}.`,
    );
  }
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
      message_vi: `${vi}: ${formatDateVi(filedOn)} đã quá thời hiệu yêu cầu thi hành án ${r.years} năm kể từ ${from} ${formatDateVi(runsFrom)}; hạn cuối ${formatDateVi(record.lastDay)} (${article}). Nếu chậm do sự kiện bất khả kháng hoặc trở ngại khách quan, ghi lý do vào ô "Lý do chậm yêu cầu" cùng thời gian trở ngại (thời gian đó không tính vào thời hiệu: ${obstacleArticle}).`,
      message_en: `${en}: ${filedOn} is past the ${r.years}-year limitation period for requesting enforcement from ${fromEn} (${runsFrom}); the last day was ${record.lastDay} (${article}). If force majeure or an objective obstacle delayed the request, record it under "Reason for the delay" with the days it lasted (that time is not counted: ${obstacleArticle}).`,
    },
  };
}
