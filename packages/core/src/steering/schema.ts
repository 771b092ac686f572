import { z } from "zod";
import { FLAG_REASONS, FORCE_KINDS, MAX_DONG, formatCount } from "@thads/domain";
import { optionalText, text, viDate } from "../shared/fields.ts";

/*
 * Forms of the steering committees' work, shared by the pages and the
 * service. Messages are Vietnamese and name the field.
 */
const key = z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại biểu mẫu." });
const id = (field: string) => z.uuid({ message: `${field}: chọn một mục trong danh sách.` });
const optionalId = (field: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid({ message: `${field}: không hợp lệ.` }).optional());
const version = z.coerce.number({ message: "Phiên bản không hợp lệ: tải lại trang." }).int().min(1);

export const ProposeFlagSchema = z.object({
  idempotencyKey: key,
  committeeId: id("Ban Chỉ đạo"),
  caseId: id("Việc thi hành án"),
  reason: z.enum(FLAG_REASONS, { message: "Lý do đề xuất: chọn một lý do." }),
  note: text("Thuyết minh đề xuất", 2000, 3),
});
export type ProposeFlagInput = z.infer<typeof ProposeFlagSchema>;

export const DecideFlagSchema = z
  .object({
    flagId: id("Đề xuất"),
    expectedVersion: version,
    action: z.enum(["accept", "decline", "remove"], { message: "Quyết định: chọn tiếp nhận, không tiếp nhận hoặc đưa ra khỏi danh sách." }),
    note: optionalText("Ghi chú", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.action === "remove" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Lý do đưa ra khỏi danh sách: bắt buộc nhập (ví dụ: đã thi hành xong)." });
    if (v.action === "decline" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Lý do không tiếp nhận: bắt buộc nhập." });
  });
export type DecideFlagInput = z.infer<typeof DecideFlagSchema>;

export const DirectiveSchema = z
  .object({
    idempotencyKey: key,
    committeeId: id("Ban Chỉ đạo"),
    flagId: optionalId("Việc được chỉ đạo"),
    meetingId: optionalId("Cuộc họp"),
    addresseeUnitId: optionalId("Đơn vị nhận"),
    addresseeUserId: optionalId("Cá nhân nhận"),
    body: text("Nội dung ý kiến chỉ đạo", 4000, 3),
    dueOn: viDate("Thời hạn thực hiện"),
  })
  .superRefine((v, ctx) => {
    if (!v.addresseeUnitId && !v.addresseeUserId)
      ctx.addIssue({ code: "custom", path: ["addresseeUnitId"], message: "Nơi nhận ý kiến chỉ đạo: chọn đơn vị hoặc cá nhân nhận." });
  });
export type DirectiveInput = z.infer<typeof DirectiveSchema>;

export const AnswerDirectiveSchema = z.object({
  directiveId: id("Ý kiến chỉ đạo"),
  expectedVersion: version,
  answer: text("Nội dung trả lời", 4000, 3),
});
export type AnswerDirectiveInput = z.infer<typeof AnswerDirectiveSchema>;

/** The committee revises a directive it issued, before it is answered: text, deadline, and why. */
export const ReviseDirectiveSchema = z.object({
  directiveId: id("Ý kiến chỉ đạo"),
  expectedVersion: version,
  body: text("Nội dung ý kiến chỉ đạo", 4000, 3),
  dueOn: viDate("Thời hạn thực hiện"),
  revisionNote: text("Lý do sửa", 1000, 3),
});
export type ReviseDirectiveInput = z.infer<typeof ReviseDirectiveSchema>;

export const ProgressReportSchema = z.object({
  idempotencyKey: key,
  flagId: id("Việc được theo dõi"),
  period: viDate("Kỳ báo cáo"),
  body: text("Nội dung báo cáo tiến độ", 8000, 3),
});
export type ProgressReportInput = z.infer<typeof ProgressReportSchema>;

export const MeetingSchema = z.object({
  idempotencyKey: key,
  committeeId: id("Ban Chỉ đạo"),
  heldOn: viDate("Ngày họp"),
  title: text("Tên cuộc họp", 300, 3),
  flagIds: z
    .array(z.uuid({ message: "Chương trình họp: việc không hợp lệ." }))
    .max(200, { message: "Chương trình họp: tối đa 200 việc." })
    .default([]),
});
export type MeetingInput = z.infer<typeof MeetingSchema>;

export const MinutesSchema = z.object({
  meetingId: id("Cuộc họp"),
  expectedVersion: version,
  minutes: optionalText("Biên bản", 20000),
  decisions: optionalText("Kết luận", 20000),
});
export type MinutesInput = z.infer<typeof MinutesSchema>;

export const CoercionPlanSchema = z.object({
  idempotencyKey: key,
  caseId: id("Việc thi hành án"),
  committeeId: id("Ban Chỉ đạo"),
  plannedOn: viDate("Ngày cưỡng chế dự kiến"),
  place: text("Địa điểm cưỡng chế", 500, 3),
  plan: text("Phương án cưỡng chế", 8000, 3),
  forces: z
    .array(
      z.object({
        kind: z.enum(FORCE_KINDS, { message: "Lực lượng: chọn loại lực lượng." }),
        count: z.coerce
          .number({ message: "Số người: phải là số." })
          .int({ message: "Số người: phải là số nguyên." })
          .min(1, { message: "Số người: ít nhất 1." })
          .max(5000, { message: "Số người: tối đa 5.000." }),
      }),
    )
    .min(1, { message: "Lực lượng đề nghị huy động: nhập ít nhất một lực lượng với số người." })
    .max(10),
});
export type CoercionPlanInput = z.infer<typeof CoercionPlanSchema>;

export const CoercionDecisionSchema = z
  .object({
    opId: id("Kế hoạch cưỡng chế"),
    expectedVersion: version,
    action: z.enum(["approve", "reject", "record_result", "cancel"], { message: "Thao tác: không hợp lệ." }),
    note: optionalText("Ghi chú", 2000),
    executedOn: z.preprocess((v) => (v === "" ? undefined : v), viDate("Ngày thực hiện").optional()),
    result: optionalText("Kết quả cưỡng chế", 8000),
  })
  .superRefine((v, ctx) => {
    if (v.action === "record_result") {
      if (!v.executedOn) ctx.addIssue({ code: "custom", path: ["executedOn"], message: "Ngày thực hiện: bắt buộc nhập." });
      if (!v.result) ctx.addIssue({ code: "custom", path: ["result"], message: "Kết quả cưỡng chế: bắt buộc nhập." });
    }
    if (v.action === "reject" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Lý do không phê duyệt: bắt buộc nhập." });
  });
export type CoercionDecisionInput = z.infer<typeof CoercionDecisionSchema>;

/** The first message per field, for a form. */
export function steeringFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!out[field]) out[field] = issue.message;
  }
  return out;
}

const wholeNumber = (field: string, max: number) =>
  z.coerce
    .number({ message: `${field}: phải là số nguyên.` })
    .int({ message: `${field}: phải là số nguyên.` })
    .min(0, { message: `${field}: không được âm.` })
    .max(max, { message: `${field}: tối đa ${max}.` });

export const CommitteeSettingsSchema = z.object({
  committeeId: id("Ban Chỉ đạo"),
  expectedVersion: version,
  reportCadence: z.enum(["monthly", "quarterly"], { message: "Kỳ báo cáo tiến độ: chọn hằng tháng hoặc hằng quý." }),
  minOutstanding: z
    .string({ message: "Ngưỡng giá trị còn phải thi hành: bắt buộc nhập." })
    .trim()
    .transform((v, ctx) => {
      const digits = v.replace(/[.\s,]/g, "");
      if (!/^\d{1,18}$/.test(digits)) {
        ctx.addIssue({
          code: "custom",
          message: "Ngưỡng giá trị còn phải thi hành: phải là số tiền nguyên tính bằng đồng (0 để bỏ tiêu chí này).",
        });
        return z.NEVER;
      }
      if (BigInt(digits) > MAX_DONG) {
        ctx.addIssue({ code: "custom", message: `Ngưỡng giá trị còn phải thi hành: tối đa ${formatCount(MAX_DONG)} đồng.` });
        return z.NEVER;
      }
      return BigInt(digits);
    }),
  openYears: wholeNumber("Số năm kéo dài", 50),
  failedAuctionRounds: wholeNumber("Số lần bán đấu giá không thành", 100),
});
export type CommitteeSettingsInput = z.infer<typeof CommitteeSettingsSchema>;
