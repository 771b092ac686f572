import { z } from "zod";
import { PROCEDURES, REQUEST_KINDS, type RequestKind } from "@thads/domain";
import { viDate } from "../shared/fields.ts";
import { controlCharsMessage, hasControlChars } from "../shared/input.ts";
import type { EXTRA_FIELDS } from "./form-fields.ts";

export { EXTRA_FIELD_LABELS, extraFields } from "./form-fields.ts";

/*
 * The public request forms: one schema per kind (a shared part plus the kind's own fields), used
 * by the server action and by the page that renders the fields. Messages are Vietnamese and name
 * the field. Text that looks like markup is refused outright (it is escaped on output anyway).
 */

const MARKUP = /<\s*[a-z!/?]|javascript:|on\w+\s*=/i;

const text = (field: string, max: number, min = 1) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .refine((v) => !hasControlChars(v), { message: controlCharsMessage(field), abort: true })
    .trim()
    .min(1, { message: `${field}: bắt buộc nhập.` })
    .min(min, { message: `${field}: ít nhất ${min} ký tự.` })
    .max(max, { message: `${field}: tối đa ${max} ký tự.` })
    .refine((v) => !MARKUP.test(v), { message: `${field}: không được chứa mã HTML hoặc mã lệnh (ký tự "<", "javascript:"…).` });

const optional = (field: string, max: number) =>
  z
    .string()
    .refine((v) => !hasControlChars(v), { message: controlCharsMessage(field), abort: true })
    .trim()
    .max(max, { message: `${field}: tối đa ${max} ký tự.` })
    .refine((v) => !MARKUP.test(v), { message: `${field}: không được chứa mã HTML hoặc mã lệnh (ký tự "<", "javascript:"…).` })
    .optional()
    .transform((v) => (v ? v : null));

const PHONE_RE = /^\+?[0-9 .()-]{8,20}$/;
const ID_RE = /^[0-9A-Za-z./-]{6,30}$/;

const base = {
  idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại biểu mẫu." }),
  unitId: z.uuid({ message: "Nơi nhận yêu cầu: chọn một đơn vị." }),
  requesterName: text("Họ tên người yêu cầu", 300),
  requesterIdNumber: optional("Số CCCD / mã số doanh nghiệp", 30).refine((v) => v === null || ID_RE.test(v), {
    message: "Số CCCD / mã số doanh nghiệp: 6–30 chữ số hoặc chữ cái.",
  }),
  requesterPhone: optional("Số điện thoại", 20).refine((v) => v === null || PHONE_RE.test(v), {
    message: "Số điện thoại: chỉ gồm chữ số (ví dụ 0912 345 678).",
  }),
  requesterEmail: z
    .string()
    .refine((v) => !hasControlChars(v), { message: controlCharsMessage("Thư điện tử"), abort: true })
    .trim()
    .max(254, { message: "Thư điện tử: tối đa 254 ký tự." })
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, { message: "Thư điện tử: định dạng không hợp lệ (ví dụ ten@mien.vn)." }),
  requesterAddress: text("Địa chỉ người yêu cầu", 500),
  content: text("Nội dung yêu cầu", 4000, 10),
};

const caseReference = optional("Số quyết định thi hành án / số thụ lý (nếu có)", 100);

export const REQUEST_FORM_EXTRA = {
  enforcement_request: {
    judgmentCourt: text("Tòa án đã xét xử", 300, 2),
    judgmentNumber: text("Số bản án, quyết định", 100),
    judgmentDate: viDate("Ngày bản án, quyết định"),
    debtorName: text("Tên người phải thi hành án", 300),
    debtorAddress: optional("Địa chỉ người phải thi hành án", 500),
    preferredExecutor: optional("Chấp hành viên đề nghị tổ chức thi hành án", 200),
  },
  result_confirmation: { caseReference },
  executor_change: { caseReference, executorName: text("Chấp hành viên đề nghị thay đổi", 200) },
  fee_exemption: { caseReference },
  coercion_cost_exemption: { caseReference },
  complaint: { caseReference, subject: text("Quyết định, hành vi bị khiếu nại", 500) },
  denunciation: { subject: text("Người bị tố cáo và hành vi vi phạm", 500) },
} as const satisfies { [K in RequestKind]: Record<(typeof EXTRA_FIELDS)[K][number], z.ZodType> };

const baseSchema = z.object(base);
type BaseOutput = z.output<typeof baseSchema>;

function schemaFor(kind: RequestKind) {
  const shape = { ...base, ...(REQUEST_FORM_EXTRA[kind] as Record<string, z.ZodType>) };
  return z.object(shape).superRefine((v, ctx) => {
    const o = v as unknown as BaseOutput;
    if (!o.requesterPhone && !o.requesterIdNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["requesterPhone"],
        message: "Số điện thoại hoặc số CCCD: nhập ít nhất một (dùng để tra cứu kết quả).",
      });
    }
  }) as unknown as z.ZodType<BaseOutput & Record<string, string | null>>;
}

export const REQUEST_FORM_SCHEMAS = Object.fromEntries(REQUEST_KINDS.map((k) => [k, schemaFor(k)])) as Record<
  RequestKind,
  ReturnType<typeof schemaFor>
>;

export type RequestFormInput = BaseOutput & Record<string, string | null>;

/** The requester alone (a bulk filing gives it once for every row), with the same rule: a phone or an ID number. */
export const RequesterSchema = z
  .object({
    requesterName: base.requesterName,
    requesterIdNumber: base.requesterIdNumber,
    requesterPhone: base.requesterPhone,
    requesterEmail: base.requesterEmail,
    requesterAddress: base.requesterAddress,
  })
  .superRefine((v, ctx) => {
    if (!v.requesterPhone && !v.requesterIdNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["requesterPhone"],
        message: "Số điện thoại hoặc số CCCD: nhập ít nhất một (dùng để tra cứu kết quả).",
      });
    }
  });
export type Requester = z.output<typeof RequesterSchema>;

export function procedureName(kind: RequestKind, lang: "vi" | "en"): string {
  return PROCEDURES[kind].name[lang];
}

/** Status page: tracking code plus phone or ID number. */
export const TrackSchema = z.object({
  code: z
    .string({ message: "Mã tra cứu: bắt buộc nhập." })
    .trim()
    .min(1, { message: "Mã tra cứu: bắt buộc nhập." })
    .max(40, { message: "Mã tra cứu: tối đa 40 ký tự." }),
  factor: z
    .string({ message: "Số điện thoại hoặc số CCCD: bắt buộc nhập." })
    .trim()
    .min(1, { message: "Số điện thoại hoặc số CCCD: bắt buộc nhập." })
    .max(30, { message: "Số điện thoại hoặc số CCCD: tối đa 30 ký tự." }),
});

export const RatingSchema = TrackSchema.extend({
  score: z.coerce
    .number({ message: "Mức độ hài lòng: chọn từ 1 đến 5." })
    .int()
    .min(1, { message: "Mức độ hài lòng: chọn từ 1 đến 5." })
    .max(5, { message: "Mức độ hài lòng: chọn từ 1 đến 5." }),
  comment: optional("Góp ý", 1000),
});

/** Staff editing of the province's public page. */
export const PublicPageSchema = z.object({
  intro: z.string().trim().max(5000, { message: "Giới thiệu: tối đa 5000 ký tự." }),
  contacts: z.string().trim().max(2000, { message: "Liên hệ: tối đa 2000 ký tự." }),
  deskHours: z.string().trim().max(500, { message: "Giờ làm việc bộ phận một cửa: tối đa 500 ký tự." }),
  proceduresNote: z.string().trim().max(3000, { message: "Ghi chú thủ tục: tối đa 3000 ký tự." }),
});

export const AnnouncementSchema = z.object({
  title: text("Tiêu đề thông báo", 300, 2),
  body: z.string().trim().max(10000, { message: "Nội dung thông báo: tối đa 10000 ký tự." }),
});

/** A desk action on a request. */
export const DeskActionSchema = z.object({
  action: z.enum(["receive", "process", "return", "reject"], { message: "Thao tác không hợp lệ." }),
  version: z.coerce.number({ message: "Phiên bản không hợp lệ: tải lại trang." }).int().min(1),
  note: optional("Kết quả / lý do", 4000),
});
