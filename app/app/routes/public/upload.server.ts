import { data } from "react-router";
import { assertCsrf, CsrfError } from "../../utils/csrf.server.ts";
import { readCapped, withoutUnsafeNames } from "../../utils/form.server.ts";
import { MAX_FILE_BYTES, MAX_FILES } from "./limits.ts";

export type FileType = "application/pdf" | "image/png" | "image/jpeg";

/** The type of a file from its first bytes (never from its name or the browser's claim). */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  const b = (i: number) => bytes[i];
  if (bytes.length >= 5 && b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d) return "application/pdf";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return "image/png";
  if (bytes.length >= 3 && b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "image/jpeg";
  return null;
}

export interface UploadedFile {
  name: string;
  type: FileType;
  bytes: Uint8Array;
}

type Fail = { formError: string; status: number };

/** A file's name as stored: no path, control or reserved characters, at most 200 characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/\u0000-\u001f<>:"|?*]/g, "_").slice(-200) || "tep";
}

/**
 * An uploaded file's bytes checked for size and type (by its first bytes): the file, or what is
 * wrong with it in Vietnamese, naming it under `label` ("Tệp đính kèm", "Bản sao bản án").
 */
export async function checkedUpload(
  label: string,
  upload: { name: string; size: number; bytes: () => Promise<Uint8Array> },
  maxBytes: number,
): Promise<{ ok: true; file: UploadedFile } | { ok: false; status: 400 | 413; message: string }> {
  const name = safeFileName(upload.name);
  // Refused by its size before it is read.
  if (upload.size > maxBytes) return { ok: false, status: 413, message: `${label} "${name}": lớn hơn ${maxBytes / 1024 / 1024} MB.` };
  const bytes = await upload.bytes();
  const type = sniffFileType(bytes);
  if (!type) return { ok: false, status: 400, message: `${label} "${name}": chỉ nhận tệp PDF, PNG hoặc JPEG.` };
  return { ok: true, file: { name, type, bytes } };
}

/** A form's file as checkedUpload reads it. */
export const fileUpload = (f: File) => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) });

/**
 * Reads a public form post (urlencoded or multipart): body size capped while reading (whatever
 * Content-Length claims), CSRF checked, files checked for count, size and content type.
 */
export async function readPublicForm(
  request: Request,
  opts: { maxBytes: number; files?: boolean },
): Promise<{ form: FormData; files: UploadedFile[] } | Fail> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    return { formError: "Dữ liệu gửi lên không đúng định dạng biểu mẫu.", status: 415 };
  }
  const tooLarge = {
    formError: `Dữ liệu gửi lên quá lớn: tối đa ${MAX_FILES} tệp, mỗi tệp không quá ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    status: 413,
  };
  if (Number(request.headers.get("Content-Length") ?? "0") > opts.maxBytes) return tooLarge;
  const body = await readCapped(request, opts.maxBytes);
  if (body === "too_large") return tooLarge;
  if (!body) return { formError: "Dữ liệu gửi lên không đúng định dạng biểu mẫu.", status: 400 };
  let form: FormData;
  try {
    form = await new Request(request.url, { method: "POST", headers: { "Content-Type": type }, body }).formData();
  } catch {
    return { formError: "Dữ liệu gửi lên không đúng định dạng biểu mẫu.", status: 400 };
  }
  form = withoutUnsafeNames(form);
  try {
    assertCsrf(request, form);
  } catch (e) {
    if (e instanceof CsrfError)
      return { formError: "Phiên biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.", status: 403 };
    throw e;
  }
  const files: UploadedFile[] = [];
  if (opts.files) {
    const entries = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (entries.length > MAX_FILES) return { formError: `Tệp đính kèm: tối đa ${MAX_FILES} tệp.`, status: 400 };
    for (const f of entries) {
      const c = await checkedUpload("Tệp đính kèm", fileUpload(f), MAX_FILE_BYTES);
      if (!c.ok) return { formError: c.message, status: c.status };
      files.push(c.file);
    }
  }
  return { form, files };
}

export function fail(f: Fail, extra: Record<string, unknown> = {}) {
  return data({ formError: f.formError, ...extra }, { status: f.status });
}
