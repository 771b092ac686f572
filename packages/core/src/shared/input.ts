import { z } from "zod";
import { isIsoDate, tryParseDateVi, type IsoDate } from "@thads/domain";

/*
 * Input primitives shared by every form, query and route parameter: text without
 * control characters, ids that are real UUIDs, dates that are real calendar days
 * in a sane range. Messages in Vietnamese, naming the field.
 */

/** A UUID as RFC 9562 writes it (versions 1–8 with the RFC variant), or the nil/max UUID. */
export const UUID_PATTERN =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

/** The one id check of the app: route parameters, query parameters and form ids. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && value.length === 36 && UUID_PATTERN.test(value);
}

/** A form or query id, with the field named in the message. */
export const uuidField = (field: string) =>
  z
    .string({ message: `${field}: bắt buộc chọn.` })
    .trim()
    .refine(isUuid, { message: `${field}: mã không hợp lệ.` });

/**
 * Control characters no text field takes: NUL and the rest of C0 except tab and
 * line breaks (multi-line fields keep those), DEL and C1.
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/** The message for a field that carries a control character. */
export const controlCharsMessage = (field: string) => `${field}: chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).`;

/** Removes control characters (tab and line breaks become spaces): for search boxes, where refusing helps no one. */
export function stripControlChars(value: string): string {
  return value.replace(/[\t\n\r\u2028\u2029]/g, " ").replace(new RegExp(CONTROL_CHARS.source, "g"), "");
}

/** Required text, trimmed, min..max characters, no control characters. */
export const safeText = (field: string, max: number, min = 1) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .refine((v) => !hasControlChars(v), { message: controlCharsMessage(field), abort: true })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(min, { message: `${field}: bắt buộc nhập.` })
        .max(max, { message: `${field}: tối đa ${max} ký tự.` }),
    );

/** A search box: control characters removed, trimmed, at most max characters. */
export const searchText = (field: string, max: number) =>
  z
    .string()
    .transform((v) => stripControlChars(v).trim())
    .pipe(z.string().max(max, { message: `${field}: tối đa ${max} ký tự.` }));

/** The years a date in this system may name at all (business bounds are narrower and checked where they apply). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** dd/mm/yyyy or yyyy-mm-dd → ISO: "invalid" for no real calendar day, "year" for a year outside MIN_YEAR..MAX_YEAR. */
export function readDateInput(value: string): { ok: true; iso: IsoDate } | { ok: false; reason: "invalid" | "year" } {
  const v = value.trim();
  const iso = isIsoDate(v) ? v : tryParseDateVi(v);
  if (!iso) return { ok: false, reason: "invalid" };
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR ? { ok: true, iso } : { ok: false, reason: "year" };
}

/** The ISO date, or null for an impossible or out-of-range one. */
export function parseDateInput(value: string): IsoDate | null {
  const r = readDateInput(value);
  return r.ok ? r.iso : null;
}

/** The message for an impossible date, or for one whose year is out of range. */
export const dateMessage = (field: string, reason: "invalid" | "year" = "invalid") =>
  reason === "year"
    ? `${field}: năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`
    : `${field}: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ví dụ 05/11/2026).`;

/** An ISO date parameter (yyyy-mm-dd) of a query, real and in range. */
export const isoDateParam = (field: string) =>
  z.string({ message: `${field}: bắt buộc nhập.` }).refine((v) => isIsoDate(v) && parseDateInput(v) !== null, {
    message: `${field}: phải là ngày hợp lệ dạng YYYY-MM-DD, năm từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
  });
