import { parseCsv, parseXlsx, type ImportResult, type ParseResult } from "@thads/case-import";
import { assertCsrf, CsrfError } from "../../utils/csrf.server.ts";

/** Largest file accepted through the web page (the command line takes up to 50 MB). */
export const MAX_UPLOAD = 20 * 1024 * 1024;
export const IMPORT_ROLES = ["clerk", "subunit_head", "province_head", "province_staff"] as const;

export type ImportUpload =
  | { ok: true; parsed: ParseResult; allOrNothing: boolean; dryRun: boolean }
  | { ok: false; status: number; formError: string };

/** Reads and checks an import upload (type, size, CSRF, file kind) and parses the file. */
export async function readImportUpload(request: Request, vi: boolean): Promise<ImportUpload> {
  const fail = (status: number, viText: string, enText: string): ImportUpload => ({ ok: false, status, formError: vi ? viText : enText });
  const size = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return fail(415, "Dữ liệu gửi lên không đúng định dạng biểu mẫu.", "Not a file upload.");
  }
  if (!size || size > MAX_UPLOAD) {
    return fail(413, "Tệp quá lớn: tối đa 20 MB qua trang web (dùng lệnh npm run import cho tệp lớn hơn).", "File too large: 20 MB at most here.");
  }
  const form = await request.formData().catch(() => null);
  if (!form) return fail(400, "Không đọc được tệp gửi lên.", "The upload could not be read.");
  try {
    assertCsrf(request, form);
  } catch (e) {
    if (e instanceof CsrfError) return fail(403, "Phiên biểu mẫu đã hết hạn. Tải lại trang và thử lại.", "The form expired. Reload and try again.");
    throw e;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail(400, "Tệp: chọn một tệp .csv hoặc .xlsx.", "File: choose a .csv or .xlsx file.");
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = name.endsWith(".xlsx") ? await parseXlsx(bytes) : name.endsWith(".csv") ? await parseCsv(bytes) : null;
  if (!parsed) return fail(400, "Tệp: chỉ nhận .csv hoặc .xlsx.", "File: .csv or .xlsx only.");
  return { ok: true, parsed, allOrNothing: form.get("partial") !== "on", dryRun: form.get("dryRun") === "on" };
}

/** What the page shows of a result: every count, the first 500 errors. */
export function resultForPage(result: ImportResult): ImportResult {
  return { ...result, errors: result.errors.slice(0, 500) };
}
