import { csvTemplate, EVENTS_TEMPLATE, MIGRATION_CASES_TEMPLATE, xlsxTemplate } from "@thads/case-import";
import type { Route } from "./+types/migrate-template";
import { requireUser } from "../../utils/user.server.ts";

/** The migration's templates: ?kind=cases|events, ?format=csv|xlsx. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  const params = new URL(request.url).searchParams;
  const events = params.get("kind") === "events";
  const kind = events ? EVENTS_TEMPLATE : MIGRATION_CASES_TEMPLATE;
  const name = events ? "mau-chuyen-doi-su-kien" : "mau-chuyen-doi-viec";
  if (params.get("format") === "csv") {
    return new Response(csvTemplate(kind), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
    });
  }
  return new Response(new Uint8Array(await xlsxTemplate({ kind })), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
    },
  });
}
