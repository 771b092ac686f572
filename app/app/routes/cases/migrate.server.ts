import { z } from "zod";
import { EVENT_FILE, MIGRATION_CASE_FILE, parseCsv, parseXlsx, type MigrationResult, type ParseResult } from "@thads/case-import";
import { optionalViDate } from "@thads/core/fields";
import { translate, type Lang } from "../../i18n.ts";
import { assertCsrf, CsrfError } from "../../utils/csrf.server.ts";
import { MAX_UPLOAD } from "./import.server.ts";
import { casesMessages } from "./messages.ts";
import { migrateMessages } from "./migrate-messages.ts";

const checkbox = z.preprocess((v) => v === "on", z.boolean());

/** The migration form's options (its files are read apart). */
export const MigrateFormSchema = z.object({
  snapshot: checkbox,
  cutover: optionalViDate("Ngày chuyển đổi"),
  dryRun: checkbox,
  partial: checkbox,
});

export type MigrationUpload =
  | { ok: true; cases?: ParseResult; events?: ParseResult; options: z.output<typeof MigrateFormSchema> }
  | { ok: false; status: number; formError: string };

/** Reads and checks a migration upload (type, size, CSRF, options, file kinds) and parses both files. */
export async function readMigrationUpload(request: Request, lang: Lang): Promise<MigrationUpload> {
  const fail = (status: number, formError: string): MigrationUpload => ({ ok: false, status, formError });
  const size = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return fail(415, translate(casesMessages, lang, "import.error.notUpload"));
  }
  if (!size || size > 2 * MAX_UPLOAD) return fail(413, translate(casesMessages, lang, "import.error.tooLarge"));
  const form = await request.formData().catch(() => null);
  if (!form) return fail(400, translate(casesMessages, lang, "import.error.unreadable"));
  try {
    assertCsrf(request, form);
  } catch (e) {
    if (e instanceof CsrfError) return fail(403, translate(casesMessages, lang, "import.error.csrf"));
    throw e;
  }
  const options = MigrateFormSchema.safeParse(
    Object.fromEntries(["snapshot", "cutover", "dryRun", "partial"].map((k) => [k, form.get(k) ?? undefined])),
  );
  if (!options.success) return fail(400, options.error.issues[0]?.message ?? "");
  const read = async (key: string, columns: typeof EVENT_FILE): Promise<ParseResult | null | undefined> => {
    const file = form.get(key);
    if (!(file instanceof File) || file.size === 0) return undefined;
    if (file.size > MAX_UPLOAD) return null;
    const name = file.name.toLowerCase();
    const bytes = new Uint8Array(await file.arrayBuffer());
    return name.endsWith(".xlsx") ? parseXlsx(bytes, { columns }) : name.endsWith(".csv") ? parseCsv(bytes, { columns }) : null;
  };
  const cases = await read("cases", MIGRATION_CASE_FILE);
  const events = await read("events", EVENT_FILE);
  if (cases === null || events === null) return fail(400, translate(casesMessages, lang, "import.error.fileKind"));
  if (!cases && !events) return fail(400, translate(migrateMessages, lang, "migrate.error.noFile"));
  return { ok: true, cases, events, options: options.data };
}

/** What the page shows of a result: every count, the first 500 errors. */
export function migrationForPage(result: MigrationResult): MigrationResult {
  return { ...result, errors: result.errors.slice(0, 500) };
}
