import { z } from "zod";
import { REQUEST_KINDS } from "@thads/domain";

/*
 * Filing a request through the API (POST /api/v1/creditor/requests, scope requests:write): the
 * procedure, the public form's fields as JSON strings (checked by that procedure's form schema,
 * REQUEST_FORM_SCHEMAS), and the attachments in base64. Parsers only: the route checks the rest.
 */

/** At most this many attachments, each at most this many bytes once decoded (the public form's limits). */
export const API_FILING_MAX_FILES = 3;
export const API_FILING_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The request body's cap: the attachments in base64 (4/3 of their size) and the fields. */
export const API_FILING_MAX_BODY_BYTES = Math.ceil((API_FILING_MAX_FILES * API_FILING_MAX_FILE_BYTES * 4) / 3) + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const ApiAttachmentSchema = z.object({
  name: z
    .string({ message: "Tệp đính kèm: thiếu tên tệp (name)." })
    .trim()
    .min(1, { message: "Tệp đính kèm: thiếu tên tệp (name)." })
    .max(200, { message: "Tệp đính kèm: tên tệp tối đa 200 ký tự." }),
  contentBase64: z
    .string({ message: "Tệp đính kèm: thiếu nội dung (contentBase64)." })
    .min(4, { message: "Tệp đính kèm: nội dung trống." })
    .max(Math.ceil((API_FILING_MAX_FILE_BYTES * 4) / 3) + 4, {
      message: `Tệp đính kèm: mỗi tệp không quá ${API_FILING_MAX_FILE_BYTES / 1024 / 1024} MB.`,
    })
    .refine((v) => v.length % 4 === 0 && BASE64.test(v), { message: "Tệp đính kèm: nội dung không phải base64." }),
});

export const ApiFilingSchema = z
  .object({
    procedure: z.enum(REQUEST_KINDS, { message: `Thủ tục (procedure): một trong ${REQUEST_KINDS.join(", ")}.` }),
    attachments: z
      .array(ApiAttachmentSchema, { message: "Tệp đính kèm (attachments): một danh sách." })
      .max(API_FILING_MAX_FILES, { message: `Tệp đính kèm: tối đa ${API_FILING_MAX_FILES} tệp.` })
      .default([]),
  })
  .catchall(z.unknown());
export type ApiFiling = z.output<typeof ApiFilingSchema>;

/** The form's fields of a filing: the string-valued keys other than the procedure and attachments. */
export function filingFields(body: ApiFiling): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(body)) {
    if (k === "procedure" || k === "attachments") continue;
    if (typeof v === "string") out[k] = v.slice(0, 5000);
    else if (typeof v === "number") out[k] = String(v);
  }
  return out;
}
