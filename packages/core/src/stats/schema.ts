/**
 * The statistics period, the API's query and the targets form's rates: parsers only (zod,
 * @thads/domain and the shared input primitives), so that pages may import them without pulling
 * in server code.
 */
import { z } from "zod";
import { statYearOf, statYearPeriod } from "@thads/domain";
import { viDate } from "../shared/fields.ts";
import { isoDateParam } from "../shared/input.ts";

/** A real calendar day, yyyy-mm-dd, in the years the system knows. */
const isoDate = isoDateParam;

/** ?unit=<code>&from=YYYY-MM-DD&to=YYYY-MM-DD (the API's parameters; the pages default the period). */
export const StatsQuerySchema = z
  .object({
    unit: z.string({ message: "Đơn vị: bắt buộc nhập mã đơn vị." }).regex(/^[A-Z0-9_-]{2,40}$/, { message: "Đơn vị: mã không hợp lệ." }),
    from: isoDate("Từ ngày"),
    to: isoDate("Đến ngày"),
  })
  .refine((q) => q.from <= q.to, { message: "Kỳ thống kê: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", path: ["to"] });

/** The statistical year to date: 1 October to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: statYearPeriod(statYearOf(today)).from, to: today };
}

/**
 * The period form's fields: dd/mm/yyyy as typed in the form (or yyyy-mm-dd, as links carry it).
 * The one schema of the period picker, read by every page that has one.
 */
export const PeriodFormSchema = z
  .object({ from: viDate("Từ ngày"), to: viDate("Đến ngày") })
  .refine((q) => q.from <= q.to, { message: "Kỳ thống kê: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", path: ["to"] });

/** Period from the query string, or the year to date; errors name the field. */
export function periodFrom(params: URLSearchParams, today: string): { from: string; to: string; errors: string[] } {
  const d = defaultPeriod(today);
  const r = PeriodFormSchema.safeParse({ from: params.get("from") || d.from, to: params.get("to") || d.to });
  if (!r.success) return { ...d, errors: [...new Set(r.error.issues.map((i) => i.message))] };
  return { ...r.data, errors: [] };
}

/** A target rate as typed in the targets form: a percentage with at most two decimals (comma or point), 0 to 100. */
export const targetRate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}([.,]\d{1,2})?$/, { message: `${label}: phải là tỷ lệ phần trăm, tối đa hai chữ số thập phân (ví dụ 81,5).` })
    .transform((v) => v.replace(",", "."))
    .refine((v) => Number(v) >= 0 && Number(v) <= 100, { message: `${label}: phải từ 0 đến 100.` });
