import { importCases, type ImportProgress } from "@thads/case-import";
import { describeErrorForLog } from "@thads/domain";
import { hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/import-run";
import { parseLang, translate } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { IMPORT_ROLES, readImportUpload, resultForPage } from "./import.server.ts";
import { casesMessages } from "./messages.ts";

/**
 * POST /cases/import/run: the same import as the page's form, answered as a
 * stream of JSON lines while it runs ({"progress": …} as chunks are validated
 * and written, then {"result": …} or {"formError": …}), so the page can show
 * how far it has got. The import is one transaction, as on the page.
 */
export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  const upload = await readImportUpload(request, lang);
  const headers = {
    "Content-Type": "application/x-ndjson; charset=utf-8",
    // Sent line by line as the import runs: neither compressed nor held back on the way.
    "Cache-Control": "no-store, no-transform",
    "X-Accel-Buffering": "no",
  };
  if (!upload.ok) return new Response(`${JSON.stringify({ formError: upload.formError })}\n`, { status: upload.status, headers });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = 0;
      const onProgress = (p: ImportProgress) => {
        const now = Date.now();
        if (p.phase !== "done" && now - last < 200) return;
        last = now;
        send({ progress: p });
      };
      try {
        send({
          progress: { phase: "validate", parsed: upload.parsed.rows.length, validated: 0, written: 0, total: upload.parsed.rows.length },
        });
        const result = await asUser(user, (tx) =>
          importCases(tx, upload.parsed, {
            actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
            allOrNothing: upload.allOrNothing,
            dryRun: upload.dryRun,
            onProgress,
          }),
        );
        send({ result: resultForPage(result) });
      } catch (e) {
        console.error(`case import failed: ${describeErrorForLog(e)}`);
        send({ formError: translate(casesMessages, lang, "import.error.failed") });
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers });
}
