import { z } from "zod";
import {
  COMPLAINT_ACT_KINDS,
  LETTER_CHANNELS,
  LETTER_KINDS,
  RESOLUTION_OUTCOMES,
  CASE_EFFECTS,
  DENUNCIATION_COMPLEXITIES,
  SESSION_KINDS,
} from "@thads/domain";
import { optionalText, optionalViDate, text, viDate } from "../shared/fields.ts";
import { isUuid } from "../shared/input.ts";

/*
 * The complaint forms, one schema per form, shared by the page and its action. Messages are
 * Vietnamese and name the field.
 */

const ID_RE = /^[0-9A-Za-z./-]{6,30}$/;
const PHONE_RE = /^\+?[0-9 .()-]{8,20}$/;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalUuid = (field: string) =>
  z.preprocess(blankToUndefined, z.uuid({ message: `${field}: lựa chọn không hợp lệ.` }).optional()).transform((v) => v ?? null);

export const RegisterLetterSchema = z
  .object({
    idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại biểu mẫu." }),
    unitId: z.uuid({ message: "Đơn vị nhận đơn: chọn một đơn vị." }),
    channel: z.enum(LETTER_CHANNELS, { message: "Kênh tiếp nhận: chọn tại quầy, bưu điện, trực tuyến hoặc chuyển đến." }),
    receivedOn: viDate("Ngày nhận đơn"),
    forwardedBy: optionalText("Cơ quan chuyển đơn", 300),
    senderName: text("Họ tên người gửi đơn", 300),
    senderIdNumber: optionalText("Số CCCD người gửi", 30).refine((v) => v === null || ID_RE.test(v), {
      message: "Số CCCD người gửi: 6–30 chữ số hoặc chữ cái.",
    }),
    senderPhone: optionalText("Số điện thoại người gửi", 20).refine((v) => v === null || PHONE_RE.test(v), {
      message: "Số điện thoại người gửi: chỉ gồm chữ số (ví dụ 0912 345 678).",
    }),
    senderAddress: optionalText("Địa chỉ người gửi", 500),
    keepIdentitySecret: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    summary: text("Trích yếu", 300),
    content: text("Nội dung đơn", 8000),
    caseNumbers: optionalText("Số việc thi hành án liên quan", 500),
    duplicateOfCode: optionalText("Trùng với đơn (mã theo dõi)", 20),
    sameMatterCode: optionalText("Cùng nội dung với đơn (mã theo dõi)", 20),
    sessionId: optionalUuid("Buổi tiếp công dân"),
  })
  .superRefine((v, ctx) => {
    if (v.channel === "forwarded" && !v.forwardedBy) {
      ctx.addIssue({ code: "custom", path: ["forwardedBy"], message: "Cơ quan chuyển đơn: bắt buộc khi đơn do cơ quan khác chuyển đến." });
    }
    if (!v.senderIdNumber && !v.senderPhone) {
      ctx.addIssue({
        code: "custom",
        path: ["senderPhone"],
        message: "Số điện thoại người gửi: nhập số điện thoại hoặc số CCCD để người gửi theo dõi đơn.",
      });
    }
  });
export type RegisterLetterInput = z.infer<typeof RegisterLetterSchema>;

export const ACTOR_ROLES = ["executor", "head"] as const;

export const ClassifyLetterSchema = z
  .object({
    version: z.coerce.number({ message: "Phiên bản: tải lại trang." }).int(),
    kind: z.enum(LETTER_KINDS, { message: "Loại đơn: chọn khiếu nại, tố cáo, kiến nghị hoặc không thuộc thẩm quyền." }),
    actorUnitId: optionalUuid("Đơn vị có quyết định, hành vi bị khiếu nại, tố cáo"),
    actorRole: z.preprocess(
      blankToUndefined,
      z.enum(ACTOR_ROLES, { message: "Người có quyết định, hành vi: chọn Chấp hành viên hoặc Thủ trưởng." }).optional(),
    ),
    subjectUserId: optionalUuid("Người bị khiếu nại, tố cáo"),
    actKind: z.preprocess(
      blankToUndefined,
      z.enum(COMPLAINT_ACT_KINDS, { message: "Loại quyết định, hành vi: chọn một loại." }).optional(),
    ),
    actKnownOn: optionalViDate("Ngày nhận quyết định / biết hành vi"),
    round: z.preprocess((v) => (v === "2" || v === 2 ? 2 : 1), z.union([z.literal(1), z.literal(2)])),
    firstDecisionOn: optionalViDate("Ngày nhận quyết định giải quyết lần đầu"),
    forwardTo: optionalText("Chuyển đến cơ quan", 300),
    forwardingLetterNo: optionalText("Số công văn chuyển đơn", 100),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "complaint" || v.kind === "denunciation") {
      if (!v.actorUnitId) need("actorUnitId", "Đơn vị có quyết định, hành vi bị khiếu nại, tố cáo: bắt buộc chọn.");
      if (!v.actorRole) need("actorRole", "Người có quyết định, hành vi: chọn Chấp hành viên hoặc Thủ trưởng.");
    }
    if (v.kind === "complaint") {
      if (!v.actKind) need("actKind", "Loại quyết định, hành vi: bắt buộc chọn (thời hiệu khiếu nại tùy loại).");
      if (!v.actKnownOn) need("actKnownOn", "Ngày nhận quyết định / biết hành vi: bắt buộc nhập (dd/mm/yyyy).");
      if (v.round === 2 && !v.firstDecisionOn)
        need("firstDecisionOn", "Ngày nhận quyết định giải quyết lần đầu: bắt buộc với khiếu nại lần hai.");
    }
    if (v.kind === "not_competent") {
      if (!v.forwardTo) need("forwardTo", "Chuyển đến cơ quan: bắt buộc khi đơn không thuộc thẩm quyền.");
      if (!v.forwardingLetterNo) need("forwardingLetterNo", "Số công văn chuyển đơn: bắt buộc khi chuyển đơn.");
    }
  });
export type ClassifyLetterInput = z.infer<typeof ClassifyLetterSchema>;

export const AcceptLetterSchema = z.object({
  version: z.coerce.number({ message: "Phiên bản: tải lại trang." }).int(),
  acceptedOn: viDate("Ngày thụ lý"),
  extended: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  complexity: z.preprocess(blankToUndefined, z.enum(DENUNCIATION_COMPLEXITIES).optional()).transform((v) => v ?? "normal"),
});
export type AcceptLetterInput = z.infer<typeof AcceptLetterSchema>;

export const ResolveLetterSchema = z
  .object({
    version: z.coerce.number({ message: "Phiên bản: tải lại trang." }).int(),
    resolvedOn: viDate("Ngày giải quyết"),
    outcome: z.enum(RESOLUTION_OUTCOMES, { message: "Kết quả giải quyết: chọn đúng, đúng một phần, sai toàn bộ hoặc rút đơn." }),
    decisionNo: optionalText("Số quyết định giải quyết", 100),
    note: optionalText("Nội dung giải quyết", 4000),
    caseEffect: z.preprocess(blankToUndefined, z.enum(CASE_EFFECTS).optional()).transform((v) => v ?? "none"),
    caseEffectNote: optionalText("Bước thi hành án bị hủy / làm lại", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "withdrawn" && !v.decisionNo) {
      ctx.addIssue({ code: "custom", path: ["decisionNo"], message: "Số quyết định giải quyết: bắt buộc trừ khi người gửi rút đơn." });
    }
    if (v.caseEffect !== "none" && !v.caseEffectNote) {
      ctx.addIssue({ code: "custom", path: ["caseEffectNote"], message: "Bước thi hành án bị hủy / làm lại: ghi rõ bước nào." });
    }
    if (v.caseEffect !== "none" && v.outcome !== "upheld" && v.outcome !== "partly_upheld") {
      ctx.addIssue({
        code: "custom",
        path: ["caseEffect"],
        message: "Ảnh hưởng đến việc thi hành án: chỉ khi khiếu nại đúng hoặc đúng một phần.",
      });
    }
  });
export type ResolveLetterInput = z.infer<typeof ResolveLetterSchema>;

export const LetterFilterSchema = z.object({
  due: z.preprocess(blankToUndefined, z.enum(["overdue", "due_soon"]).optional()),
  status: z.preprocess(blankToUndefined, z.enum(["open", "resolved", "all"]).optional()).transform((v) => v ?? "open"),
  unit: z.preprocess(blankToUndefined, z.string().refine(isUuid).optional()),
  province: z.preprocess(blankToUndefined, z.string().refine(isUuid).optional()),
  handler: z.preprocess(blankToUndefined, z.string().refine(isUuid).optional()),
  case: z.preprocess(blankToUndefined, z.string().refine(isUuid).optional()),
  /** A tracking code (with or without dashes) or words of the summary. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  /** The period, dd/mm/yyyy as typed in the period form or yyyy-mm-dd as links carry it. */
  from: optionalViDate("Từ ngày"),
  to: optionalViDate("Đến ngày"),
  figure: z.preprocess(
    blankToUndefined,
    z.enum(["received", "competent", "resolved", "on_time", "upheld", "partly_upheld", "late"]).optional(),
  ),
});
export type LetterFilter = z.infer<typeof LetterFilterSchema>;

/** How a letter relates to another one: a copy of it (not counted again), or about the same matter. */
export const LETTER_LINKS = ["duplicate", "same_matter"] as const;
export type LetterLink = (typeof LETTER_LINKS)[number];

/** Links a letter to another by its tracking code; a blank code removes the link. */
export const LinkLetterSchema = z.object({
  version: z.coerce.number({ message: "Phiên bản: tải lại trang." }).int(),
  relation: z.enum(LETTER_LINKS, { message: "Quan hệ với đơn khác: chọn một loại." }),
  code: optionalText("Mã theo dõi của đơn liên quan", 20),
});
export type LinkLetterInput = z.infer<typeof LinkLetterSchema>;

/** A citizen reception session as recorded. */
export const RecordSessionSchema = z.object({
  idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại biểu mẫu." }),
  unitId: z.uuid({ message: "Đơn vị tổ chức: chọn một đơn vị." }),
  heldOn: viDate("Ngày tiếp"),
  kind: z.enum(SESSION_KINDS, { message: "Hình thức tiếp: chọn một loại." }),
  hostId: optionalUuid("Người chủ trì"),
  citizens: z.coerce
    .number({ message: "Số lượt công dân được tiếp: phải là số nguyên." })
    .int({ message: "Số lượt công dân được tiếp: phải là số nguyên." })
    .min(0, { message: "Số lượt công dân được tiếp: ít nhất 0." })
    .max(10_000, { message: "Số lượt công dân được tiếp: tối đa 10.000." }),
  note: optionalText("Ghi chú", 2000),
});
export type RecordSessionInput = z.infer<typeof RecordSessionSchema>;
