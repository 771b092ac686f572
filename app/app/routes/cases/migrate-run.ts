import { importMigration, type MigrationProgress } from "@thads/case-import";
import { describeErrorForLog } from "@thads/domain";
import { hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/migrate-run";
import { parseLang, translate } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { IMPORT_ROLES } from "./import.server.ts";
import { casesMessages } from "./messages.ts";
import { migrationForPage, readMigrationUpload } from "./migrate.server.ts";

/**
 * POST /cases/migrate/run: the migration of the page's form, answered as JSON lines while it runs
 * ({"progress": …}, then {"result": …} or {"formError": …}). One transaction, as on the page.
 */
export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  const upload = await readMigrationUpload(request, lang);
  const headers = {
    "Content-Type": "application/x-ndjson; charset=utf-8",
    "Cache-Control": "no-store, no-transform",
    "X-Accel-Buffering": "no",
  };
  if (!upload.ok) return new Response(`${JSON.stringify({ formError: upload.formError })}\n`, { status: upload.status, headers });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = 0;
      const onProgress = (p: MigrationProgress) => {
        const now = Date.now();
        if (p.phase !== "done" && now - last < 200) return;
        last = now;
        send({ progress: p });
      };
      try {
        const total = (upload.cases?.rows.length ?? 0) + (upload.events?.rows.length ?? 0);
        send({ progress: { phase: "validate", checked: 0, written: 0, total } });
        const result = await asUser(user, (tx) =>
          importMigration(
            tx,
            { cases: upload.cases, events: upload.events },
            {
              actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
              allOrNothing: !upload.options.partial,
              dryRun: upload.options.dryRun,
              snapshot: upload.options.snapshot,
              cutover: upload.options.cutover,
              onProgress,
            },
          ),
        );
        send({ result: migrationForPage(result) });
      } catch (e) {
        console.error(`migration failed: ${describeErrorForLog(e)}`);
        send({ formError: translate(casesMessages, lang, "import.error.failed") });
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers });
}
