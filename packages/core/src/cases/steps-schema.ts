import { z } from "zod";
import { agencyName, checkChosen, readChosen, dongInput, optionalText, text, viDate } from "../shared/fields.ts";
import { COERCIVE_MEASURES, SECURITY_MEASURES, type CaseEvent, type CaseEventKind } from "@thads/domain";

/**
 * One schema per lifecycle step form, shared by the case page and its action.
 * Each turns form fields into a CaseEvent; the lifecycle then checks the law.
 */
const common = {
  version: z.coerce.number({ message: "Phiên bản hồ sơ không hợp lệ: tải lại trang." }).int().min(1),
  idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại trang." }),
  effectiveDate: viDate("Ngày thực hiện"),
};
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** Where a transfer goes: another province's agency, or a military-region enforcement agency. */
export const TRANSFER_TARGETS = ["province", "military_region"] as const;
const TO_PROVINCE = z.uuid({ message: "Tỉnh nhận ủy thác: chọn một tỉnh." });
const TO_MILITARY_AGENCY = agencyName("Cơ quan thi hành án cấp quân khu nhận ủy thác");

export const STEP_SCHEMAS = {
  decision: z.object({
    ...common,
    decisionNumber: text("Số quyết định thi hành án", 60),
    mode: z.enum(["ex_officio", "on_request"], { message: "Hình thức: chọn chủ động hoặc theo yêu cầu." }),
    amount: dongInput("Số tiền phải thi hành"),
    actDescription: optionalText("Nghĩa vụ phải làm", 1000),
  }),
  notification: z.object(common),
  verification: z.object({
    ...common,
    findings: optionalText("Kết quả xác minh", 2000),
    debtorImprisonedOrUnknownAddress: checkbox,
  }),
  classification: z.object({
    ...common,
    result: z.enum(["enforceable", "not_yet_enforceable"], { message: "Kết quả phân loại: chọn một kết quả." }),
  }),
  payment: z.object({
    ...common,
    obligationId: text("Khoản phải thi hành", 20),
    amount: dongInput("Số tiền thu"),
    receiptNumber: text("Số biên lai", 40),
    payer: text("Người nộp", 200),
    method: z.enum(["cash", "bank_transfer", "auction_proceeds", "other"], { message: "Hình thức nộp: chọn một hình thức." }),
  }),
  act_performed: z.object({ ...common, obligationId: text("Nghĩa vụ", 20) }),
  enforcement_action: z.object({
    ...common,
    measure: z.enum([...SECURITY_MEASURES, ...COERCIVE_MEASURES], { message: "Biện pháp: chọn một biện pháp." }),
  }),
  postponement: z.object({ ...common, reason: text("Lý do hoãn", 1000) }),
  suspension: z.object({ ...common, reason: text("Lý do tạm đình chỉ", 1000) }),
  resumption: z.object(common),
  termination: z.object({ ...common, reason: text("Căn cứ đình chỉ", 1000) }),
  completion: z.object(common),
  /** To another province's agency, or to a military-region enforcement agency named in words (L106 Arts. 32(3)(đ), 49). */
  transfer: z
    .object({
      ...common,
      target: z
        .enum(TRANSFER_TARGETS, { message: "Nơi nhận ủy thác: chọn tỉnh/thành phố khác hoặc cơ quan thi hành án cấp quân khu." })
        .default("province"),
      // Both are on the form (the one not chosen hidden): only the chosen target's field is read.
      toProvinceId: z.unknown().optional(),
      toMilitaryAgency: z.unknown().optional(),
    })
    .superRefine((v, ctx) => {
      checkChosen(ctx, v.target === "province", TO_PROVINCE, v.toProvinceId, "toProvinceId");
      checkChosen(ctx, v.target === "military_region", TO_MILITARY_AGENCY, v.toMilitaryAgency, "toMilitaryAgency");
    })
    .transform((v) => ({
      ...v,
      toProvinceId: readChosen(v.target === "province", TO_PROVINCE, v.toProvinceId),
      toMilitaryAgency: readChosen(v.target === "military_region", TO_MILITARY_AGENCY, v.toMilitaryAgency),
    })),
  office_assignment: z.object({ ...common, unitId: z.uuid({ message: "Phòng được giao: chọn một phòng thi hành án dân sự khu vực." }) }),
  executor_change: z.object({
    ...common,
    executorId: z.uuid({ message: "Chấp hành viên: chọn một người." }),
    reason: optionalText("Lý do thay đổi", 500),
  }),
  register_transfer: z.object(common),
  request_returned: z.object({
    ...common,
    noticeNumber: text("Số thông báo gửi lại yêu cầu thi hành án", 60),
    procuracyNotified: checkbox.refine((v) => v, {
      message: "Thông báo cho Viện kiểm sát: phải gửi thông báo gửi lại yêu cầu thi hành án cho Viện kiểm sát nhân dân có thẩm quyền.",
    }),
  }),
  register_reopening: z.object({ ...common, newInformation: text("Thông tin mới về điều kiện thi hành án", 2000) }),
  new_information: z.object({ ...common, newInformation: text("Thông tin mới về điều kiện thi hành án", 2000) }),
} satisfies Partial<Record<CaseEventKind, z.ZodType>>;

export type StepKind = keyof typeof STEP_SCHEMAS;
export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

export type StepParse =
  | { ok: true; event: CaseEvent; version: number; idempotencyKey: string }
  | { ok: false; fieldErrors: Record<string, string> };

/** Form fields → the step's event, or the messages per field. */
export function parseStep(kind: StepKind, fields: Record<string, unknown>): StepParse {
  const r = STEP_SCHEMAS[kind].safeParse(fields);
  if (!r.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const { version, idempotencyKey, ...v } = r.data as { version: number; idempotencyKey: string; effectiveDate: string } & Record<
    string,
    unknown
  >;
  let event: CaseEvent;
  if (kind === "decision") {
    const d = v as unknown as z.output<(typeof STEP_SCHEMAS)["decision"]>;
    event = {
      kind,
      effectiveDate: d.effectiveDate,
      mode: d.mode,
      decisionNumber: d.decisionNumber,
      obligations: [
        { id: "O1", kind: "money", amount: d.amount },
        ...(d.actDescription ? [{ id: "O2", kind: "act" as const, description: d.actDescription }] : []),
      ],
    };
  } else if (kind === "transfer") {
    // Only the agency the official chose is named; the other field is left behind.
    const t = v as unknown as z.output<(typeof STEP_SCHEMAS)["transfer"]>;
    event =
      t.target === "military_region"
        ? { kind, effectiveDate: t.effectiveDate, toMilitaryAgency: t.toMilitaryAgency ?? "" }
        : { kind, effectiveDate: t.effectiveDate, toProvinceId: t.toProvinceId ?? "" };
  } else {
    // The procuracy's notice is confirmed on the form (D152 Art. 22(2)); the event keeps the notice number.
    const { procuracyNotified: _confirmed, ...fields } = v as Record<string, unknown>;
    const clean = Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== null && x !== undefined));
    event = { kind, ...clean } as unknown as CaseEvent;
  }
  return { ok: true, event, version, idempotencyKey };
}
