import { csvTemplate, xlsxTemplate } from "@thads/case-import";
import type { Route } from "./+types/import-template";
import { requireUser } from "../../utils/user.server.ts";

/** The import template, as .csv or .xlsx. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  if (format === "csv") {
    return new Response(csvTemplate(), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="mau-nhap-viec-thi-hanh-an.csv"' },
    });
  }
  return new Response(new Uint8Array(await xlsxTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-nhap-viec-thi-hanh-an.xlsx"',
    },
  });
}
