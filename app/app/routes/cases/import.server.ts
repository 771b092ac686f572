import { parseCsv, parseXlsx, type ImportResult, type ParseResult } from "@thads/case-import";
import { translate, type Lang } from "../../i18n.ts";
import { assertCsrf, CsrfError } from "../../utils/csrf.server.ts";
import { casesMessages, type CasesMessageKey } from "./messages.ts";

/** Largest file accepted through the web page (the command line takes up to 50 MB). */
export const MAX_UPLOAD = 20 * 1024 * 1024;
export const IMPORT_ROLES = ["clerk", "subunit_head", "province_head", "province_staff"] as const;

export type ImportUpload =
  | { ok: true; parsed: ParseResult; allOrNothing: boolean; dryRun: boolean }
  | { ok: false; status: number; formError: string };

/** Why an upload is refused, as a message key. */
type ImportRefusal = Extract<CasesMessageKey, `import.error.${string}`>;

/** Reads and checks an import upload (type, size, CSRF, file kind) and parses the file. */
export async function readImportUpload(request: Request, lang: Lang): Promise<ImportUpload> {
  const fail = (status: number, key: ImportRefusal): ImportUpload => ({
    ok: false,
    status,
    formError: translate(casesMessages, lang, key),
  });
  const size = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return fail(415, "import.error.notUpload");
  }
  if (!size || size > MAX_UPLOAD) {
    return fail(413, "import.error.tooLarge");
  }
  const form = await request.formData().catch(() => null);
  if (!form) return fail(400, "import.error.unreadable");
  try {
    assertCsrf(request, form);
  } catch (e) {
    if (e instanceof CsrfError) return fail(403, "import.error.csrf");
    throw e;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail(400, "import.error.noFile");
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = name.endsWith(".xlsx") ? await parseXlsx(bytes) : name.endsWith(".csv") ? await parseCsv(bytes) : null;
  if (!parsed) return fail(400, "import.error.fileKind");
  return { ok: true, parsed, allOrNothing: form.get("partial") !== "on", dryRun: form.get("dryRun") === "on" };
}

/** What the page shows of a result: every count, the first 500 errors. */
export function resultForPage(result: ImportResult): ImportResult {
  return { ...result, errors: result.errors.slice(0, 500) };
}
