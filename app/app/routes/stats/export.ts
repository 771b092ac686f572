import type { Route } from "./+types/export";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { breakdownRows, mayReadStats, periodFrom, reportIssuer, reportRows, resolveUnit } from "@thads/core/stats";
import { statsCsv, statsXlsx } from "./export.server.ts";
import { formsPdf } from "./pdf.server.ts";

/**
 * GET /stats/export?unit=<code>&from=…&to=…&format=xlsx|csv|pdf: both official forms for the unit and
 * period, one row per office (or province) and the total, then (.xlsx, .pdf) the breakdown of every
 * line by decision kind and judgment type and the notes on how each line is defined; `&table=breakdown`
 * with .csv gives the breakdown table instead of the forms. In the .xlsx, amounts of more than 15
 * digits are text so they stay exact (see export.server.ts).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const code = params.get("unit") ?? "";
  if (!/^[A-Z0-9_-]{2,40}$/.test(code)) notFound();
  const period = periodFrom(params, todayVn());
  if (period.errors.length) return new Response(period.errors.join(" "), { status: 400 });
  const pdf = params.get("format") === "pdf";
  const csvBreakdown = params.get("format") === "csv" && params.get("table") === "breakdown";
  const { unit, rows, breakdown, issuer } = await asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) notFound();
    if (!mayReadStats(user.memberships, unit)) forbidden();
    return {
      unit,
      rows: csvBreakdown ? [] : await reportRows(tx, unit, period.from, period.to),
      breakdown: params.get("format") === "csv" && !csvBreakdown ? [] : await breakdownRows(tx, unit, period.from, period.to),
      issuer: pdf ? await reportIssuer(tx, unit) : null,
    };
  });
  const name = `thong-ke-${csvBreakdown ? "phan-tich-" : ""}${unit.code.toLowerCase()}-${period.from}-${period.to}`;
  if (pdf && issuer) {
    const file = await formsPdf({ unitName: unit.name, from: period.from, to: period.to, rows, breakdown, issuer, today: todayVn() });
    return new Response(file, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}.pdf"`,
        "Content-Length": String(file.byteLength),
      },
    });
  }
  if (params.get("format") === "csv") {
    const csv = new TextEncoder().encode(`\uFEFF${statsCsv(csvBreakdown ? breakdown : rows, csvBreakdown ? "Phân tích" : "Tên đơn vị")}`);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Content-Length": String(csv.byteLength),
      },
    });
  }
  const xlsx = await statsXlsx({ unitName: unit.name, from: period.from, to: period.to, rows, breakdown });
  return new Response(xlsx, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      // The page's download button shows how much has arrived.
      "Content-Length": String(xlsx.byteLength),
    },
  });
}
