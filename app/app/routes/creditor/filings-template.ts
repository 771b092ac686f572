import { csvTemplate, FILING_TEMPLATE, xlsxTemplate } from "@thads/case-import";
import type { Route } from "./+types/filings-template";
import { requireCreditor } from "./scope.server.ts";

/** The bulk filing template, as .xlsx (with a guide sheet) or .csv. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireCreditor(request);
  if (new URL(request.url).searchParams.get("format") === "csv") {
    return new Response(csvTemplate(FILING_TEMPLATE), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="mau-nop-yeu-cau-thi-hanh-an.csv"',
      },
    });
  }
  return new Response(new Uint8Array(await xlsxTemplate({ kind: FILING_TEMPLATE, rows: 100 })), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-nop-yeu-cau-thi-hanh-an.xlsx"',
    },
  });
}
