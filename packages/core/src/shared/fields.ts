import { z } from "zod";
import { AGENCY_NAME_MAX, AGENCY_NAME_MIN, MAX_DONG, formatCount } from "@thads/domain";
import { controlCharsMessage, dateMessage, hasControlChars, readDateInput } from "./input.ts";

/*
 * Form field parsers shared by every form and import: Vietnamese messages that
 * name the field, dates as dd/mm/yyyy, money as whole đồng.
 */

/** dd/mm/yyyy (or yyyy-mm-dd) → ISO, a real calendar day in a sane year range, with the field named in the message. */
export const viDate = (field: string) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .trim()
    .min(1, { message: `${field}: bắt buộc nhập.` })
    .transform((v, ctx) => {
      const r = readDateInput(v);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: dateMessage(field, r.reason) });
        return z.NEVER;
      }
      return r.iso;
    });

/** An optional dd/mm/yyyy date: blank (or absent) is undefined, anything else is read as `viDate`. */
export const optionalViDate = (field: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), viDate(field).optional());

/** Whole đồng, at most MAX_DONG, from "12.500.000", "12 500 000", "12,500,000" or "12500000"; "12,5" or "12.5" is refused. */
export const dongInput = (field: string) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .trim()
    .transform((v, ctx) => {
      const raw = v.replace(/\s*(₫|đ|vnd|đồng)$/i, "").replace(/\s+/g, " ");
      const grouped = /^\d{1,3}([. ,]\d{3})+$/.test(raw) && new Set(raw.replace(/\d/g, "")).size === 1;
      const plain = /^\d{1,18}$/.test(raw);
      const digits = raw.replace(/[. ,]/g, "");
      if ((!grouped && !plain) || digits.length > 18 || BigInt(digits) <= 0n) {
        ctx.addIssue({ code: "custom", message: `${field}: phải là số tiền nguyên dương tính bằng đồng (ví dụ 12.500.000).` });
        return z.NEVER;
      }
      if (BigInt(digits) > MAX_DONG) {
        ctx.addIssue({ code: "custom", message: `${field}: vượt quá mức tối đa ${formatCount(MAX_DONG)} đồng.` });
        return z.NEVER;
      }
      return BigInt(digits);
    });

/** Text with no control character (NUL included): refused with the field named. */
const noControl = (_field: string) => (v: string) => !hasControlChars(v);

export const text = (field: string, max: number, min = 1) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .refine(noControl(field), { message: controlCharsMessage(field), abort: true })
    .trim()
    .min(min, { message: `${field}: bắt buộc nhập.` })
    .max(max, { message: `${field}: tối đa ${max} ký tự.` });
export const optionalText = (field: string, max: number) =>
  z
    .string()
    .refine(noControl(field), { message: controlCharsMessage(field), abort: true })
    .trim()
    .max(max, { message: `${field}: tối đa ${max} ký tự.` })
    .optional()
    .transform((v) => (v ? v : null));

/**
 * A military-region enforcement agency named in words, as its decision names it: AGENCY_NAME_MIN to
 * AGENCY_NAME_MAX characters once trimmed (the domain's bounds, which the database holds too).
 */
export const agencyName = (field: string, required = `${field}: bắt buộc nhập.`) =>
  z
    .string({ message: required })
    .refine(noControl(field), { message: controlCharsMessage(field), abort: true })
    .trim()
    .refine((v) => v.length > 0, { message: required, abort: true })
    // Counted in characters, as the domain and the database count them (not in UTF-16 units).
    .refine((v) => [...v].length >= AGENCY_NAME_MIN, { message: `${field}: ít nhất ${AGENCY_NAME_MIN} ký tự.` })
    .refine((v) => [...v].length <= AGENCY_NAME_MAX, { message: `${field}: tối đa ${AGENCY_NAME_MAX} ký tự.` });

/**
 * A field a form sends whatever the choice beside it (both choices' fields are on the page; the one
 * not chosen is hidden): checked with `schema` only when `chosen`, its problems reported at `path`
 * (in the form's superRefine, beside the other fields' problems).
 */
export function checkChosen(ctx: z.RefinementCtx, chosen: boolean, schema: z.ZodType, value: unknown, path: string): void {
  if (!chosen) return;
  const r = schema.safeParse(value ?? "");
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: [path], message: issue.message });
}

/** Its value once checked (checkChosen): parsed when chosen, null when not, whatever it holds. */
export function readChosen<T>(chosen: boolean, schema: z.ZodType<T>, value: unknown): T | null {
  if (!chosen) return null;
  const r = schema.safeParse(value ?? "");
  return r.success ? r.data : null;
}
