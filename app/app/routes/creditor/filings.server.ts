import {
  FILING_FILE,
  FILING_MAX_FILE_BYTES,
  FILING_MAX_FILES,
  FILING_MAX_ROWS,
  parseCsv,
  parseXlsx,
  planFilings,
} from "@thads/case-import";
import type { ImportError } from "@thads/case-import";
import { fileBulk, linkedNumbers, type BulkFiled } from "@thads/core/creditors";
import { requestOffices } from "@thads/core/requests";
import { submitConflict } from "@thads/core/requests";
import { RequesterSchema } from "@thads/core/requests/schema";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { assertCsrf, CsrfError } from "../../utils/csrf.server.ts";
import { readCapped, withoutUnsafeNames } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { appSql } from "../../utils/db.server.ts";
import { asUser, type CurrentUser } from "../../utils/user.server.ts";
import { hit } from "../public/rate-limit.server.ts";
import { checkedUpload, fileUpload, type UploadedFile } from "../public/upload.server.ts";

/** The upload's cap: the sheet (5 MB) and the judgment copies (50 MB together). */
export const FILING_MAX_BODY = 55 * 1024 * 1024;
const MAX_SHEET_BYTES = 5 * 1024 * 1024;
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** What one upload may store: every row's copy counted (a copy shared by rows is stored for each). */
const MAX_STORED_BYTES = 100 * 1024 * 1024;

export type BulkOutcome =
  | { kind: "refused"; status: number; formError: string }
  | { kind: "invalid"; status: number; fieldErrors: Record<string, string> }
  | { kind: "errors"; status: number; errors: ImportError[]; rows: number }
  | { kind: "filed"; filed: (BulkFiled & { unitCode: string; judgmentNumber: string })[] };

/**
 * Reads a bulk filing upload (multipart: the requester's fields, the sheet as `file`, the judgment
 * copies as `attachments`), checks every row, and files all of them or none.
 */
export async function runBulkFiling(request: Request, user: CurrentUser): Promise<BulkOutcome> {
  const refuse = (status: number, formError: string): BulkOutcome => ({ kind: "refused", status, formError });
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return refuse(415, "Dữ liệu gửi lên không phải biểu mẫu tải tệp.");
  }
  // Ten uploads an hour for an account (each files up to 50 requests).
  const limited = await hit(appSql(), "submit", `bulk:${user.id}`, { max: 10, windowMs: 3_600_000 });
  if (!limited.ok) {
    return refuse(429, `Tài khoản đã tải lên quá nhiều tệp trong một giờ; thử lại sau ${Math.ceil(limited.retryAfterSeconds / 60)} phút.`);
  }
  const tooLarge = refuse(413, "Dữ liệu gửi lên quá lớn: tệp danh sách tối đa 5 MB, các bản sao bản án tối đa 50 MB cộng lại.");
  if (Number(request.headers.get("Content-Length") ?? "0") > FILING_MAX_BODY) return tooLarge;
  const body = await readCapped(request, FILING_MAX_BODY);
  if (body === "too_large") return tooLarge;
  if (!body) return refuse(400, "Dữ liệu gửi lên không đúng định dạng biểu mẫu.");
  let form: FormData;
  try {
    form = withoutUnsafeNames(
      await new Request(request.url, {
        method: "POST",
        headers: { "Content-Type": request.headers.get("Content-Type")! },
        body,
      }).formData(),
    );
    assertCsrf(request, form);
  } catch (e) {
    if (e instanceof CsrfError) return refuse(403, "Phiên biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.");
    return refuse(400, "Dữ liệu gửi lên không đúng định dạng biểu mẫu.");
  }

  const requester = RequesterSchema.safeParse(formFields(form));
  const fieldErrors: Record<string, string> = requester.success ? {} : fieldErrorsOf(requester.error);
  const numbers = await asUser(user, linkedNumbers);
  if (requester.success && (!requester.data.requesterIdNumber || !numbers.includes(requester.data.requesterIdNumber))) {
    fieldErrors.requesterIdNumber = "Số CCCD / mã số doanh nghiệp: chọn một số đã được liên kết với tài khoản.";
  }
  const sheet = form.get("file");
  if (!(sheet instanceof File) || sheet.size === 0) fieldErrors.file = "Tệp danh sách: chọn một tệp .xlsx hoặc .csv.";
  else if (!/\.(xlsx|csv)$/i.test(sheet.name)) fieldErrors.file = "Tệp danh sách: chỉ nhận tệp .xlsx hoặc .csv.";
  else if (sheet.size > MAX_SHEET_BYTES) fieldErrors.file = "Tệp danh sách: tối đa 5 MB.";

  const attachments: UploadedFile[] = [];
  const entries = form.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
  if (entries.length === 0) fieldErrors.attachments = "Bản sao bản án: chọn ít nhất một tệp.";
  else if (entries.length > FILING_MAX_FILES) fieldErrors.attachments = `Bản sao bản án: tối đa ${FILING_MAX_FILES} tệp.`;
  else if (entries.reduce((n, f) => n + f.size, 0) > MAX_ATTACHMENT_BYTES)
    fieldErrors.attachments = "Bản sao bản án: tối đa 50 MB cộng lại.";
  else {
    for (const f of entries) {
      const c = await checkedUpload("Bản sao bản án", fileUpload(f), FILING_MAX_FILE_BYTES);
      if (!c.ok) {
        fieldErrors.attachments = c.message;
        break;
      }
      attachments.push(c.file);
    }
  }
  if (!requester.success || Object.keys(fieldErrors).length || !(sheet instanceof File)) {
    return { kind: "invalid", status: 400, fieldErrors };
  }

  const bytes = new Uint8Array(await sheet.arrayBuffer());
  const opts = { columns: FILING_FILE, maxRows: FILING_MAX_ROWS, maxBytes: MAX_SHEET_BYTES, maxInflatedBytes: 50 * 1024 * 1024 };
  const parsed = /\.xlsx$/i.test(sheet.name) ? await parseXlsx(bytes, opts) : await parseCsv(bytes, opts);
  if (parsed.fatal || parsed.errors.length)
    return { kind: "errors", status: 400, errors: parsed.errors.slice(0, 500), rows: parsed.records };
  if (parsed.rows.length === 0) {
    return {
      kind: "errors",
      status: 400,
      rows: 0,
      errors: [{ line: 0, column: null, code: "empty", message: "Tệp danh sách không có dòng nào." }],
    };
  }
  const byName = new Map(attachments.map((a) => [a.name, a]));
  const offices = await asUser(user, (tx) =>
    requestOffices(tx, { codes: parsed.rows.map((r) => (r.values as Record<string, string>).noi_nhan ?? "") }),
  );
  const units = new Map(offices.map((o) => [o.code.toUpperCase(), o.id]));
  const plan = planFilings(parsed.rows, parsed.headers, {
    requester: requester.data,
    units,
    files: new Set(byName.keys()),
  });
  if (plan.errors.length) return { kind: "errors", status: 400, errors: plan.errors.slice(0, 500), rows: parsed.rows.length };

  const rows = plan.planned.map((p) => ({ line: p.line, input: p.input, files: [byName.get(p.fileName)!] }));
  // Each request keeps its own copy of its judgment: a copy shared by many rows is stored as many times.
  if (rows.reduce((n, r) => n + r.files[0]!.bytes.byteLength, 0) > MAX_STORED_BYTES) {
    return refuse(413, "Các bản sao bản án dùng chung cho nhiều dòng vượt quá 100 MB lưu trữ: chia tệp danh sách thành nhiều lần nộp.");
  }
  let filed: BulkFiled[];
  try {
    filed = await asUser(user, (tx) => fileBulk(tx, user.id, rows));
  } catch (e) {
    // The same file sent twice at once is not a conflict: the account's filings run one after the other.
    if (submitConflict(e) !== "code_taken") throw e;
    // 60 random bits colliding: file again with new codes (the transaction wrote nothing).
    filed = await asUser(user, (tx) => fileBulk(tx, user.id, rows));
  }
  const byLine = new Map(plan.planned.map((p) => [p.line, p]));
  return {
    kind: "filed",
    filed: filed.map((f) => ({
      ...f,
      unitCode: byLine.get(f.line)!.unitCode,
      judgmentNumber: byLine.get(f.line)!.input.judgmentNumber ?? "",
    })),
  };
}
