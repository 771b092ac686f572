/**
 * The case list's filters as the query string gives them, with the statistics-figure drill-down's
 * fields. Only zod and the shared parsers: the page may import it without pulling server code.
 */
import { z } from "zod";
import { CASE_STATUSES, DRILL_FIGURES, STAT_SIDES } from "@thads/domain";
import { dongInput, viDate } from "../shared/fields.ts";
import { isoDateParam, searchText } from "../shared/input.ts";
import { JUDGMENT_TYPES } from "./intake-schema.ts";

const isoDate = isoDateParam;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/**
 * Added to the case list's filters: ?stat=<figure>&statUnit=<unit code>&statFrom=YYYY-MM-DD&statTo=YYYY-MM-DD,
 * and &side=money for a figure of the form by money (the list then sums the figure's money);
 * &statOwn=1 with a province's code: the cases its bureau holds itself (not given to an office).
 */
export const StatFilterFields = {
  stat: optional(z.enum(DRILL_FIGURES, { message: "Chỉ tiêu thống kê: không hợp lệ." })),
  statUnit: optional(z.string().regex(/^[A-Z0-9_-]{2,40}$/, { message: "Đơn vị thống kê: mã không hợp lệ." })),
  statFrom: optional(isoDate("Kỳ thống kê từ ngày")),
  statTo: optional(isoDate("Kỳ thống kê đến ngày")),
  side: optional(z.enum(STAT_SIDES, { message: "Biểu thống kê: phải là «cases» (tính bằng việc) hoặc «money» (tính bằng tiền)." })),
  statOwn: optional(z.literal("1", { message: "Việc do cơ quan tỉnh trực tiếp thụ lý: chỉ nhận giá trị 1." })),
};

/** The case list's filters, from the query string (bad values get a message naming the filter). */
export const CaseFilterSchema = z
  .object({
    q: optional(searchText("Tìm kiếm", 100)),
    status: optional(z.enum(CASE_STATUSES, { message: "Trạng thái: không hợp lệ." })),
    category: optional(z.enum(["bank_credit", "corruption"], { message: "Loại việc: không hợp lệ." })),
    judgmentType: optional(z.enum(JUDGMENT_TYPES, { message: "Loại bản án: không hợp lệ." })),
    executor: optional(z.uuid({ message: "Chấp hành viên: không hợp lệ." })),
    unit: optional(z.string().regex(/^[A-Z0-9_-]{2,40}$/, { message: "Đơn vị: mã không hợp lệ." })),
    province: optional(z.string().regex(/^[A-Z0-9_-]{2,40}$/, { message: "Tỉnh, thành phố: mã không hợp lệ." })),
    overdue: optional(z.enum(["1"], { message: "Quá hạn: không hợp lệ." })),
    /** Only the cases in the active workload (the workload figures' definition, ./workload-scope.ts). */
    open: optional(z.enum(["1"], { message: "Đang giải quyết: không hợp lệ." })),
    moneyMin: optional(dongInput("Số tiền từ")),
    moneyMax: optional(dongInput("Số tiền đến")),
    from: optional(viDate("Thụ lý từ ngày")),
    to: optional(viDate("Thụ lý đến ngày")),
    sort: optional(z.enum(["accepted_desc", "money_desc", "deadline_asc"])).default("accepted_desc"),
    page: optional(z.coerce.number().int().min(1).max(10_000)).default(1),
    ...StatFilterFields,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "Thụ lý từ ngày: phải trước hoặc bằng ngày kết thúc.", path: ["to"] })
  .refine((f) => !f.statFrom || !f.statTo || f.statFrom <= f.statTo, {
    message: "Kỳ thống kê: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
    path: ["statTo"],
  });
export type CaseFilters = z.output<typeof CaseFilterSchema>;

/** Rows per page of the case list. */
export const CASE_PAGE_SIZE = 50;
