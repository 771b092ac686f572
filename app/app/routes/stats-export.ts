import ExcelJS from "exceljs";
import type { Route } from "./+types/stats-export";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../utils/user.server.ts";
import { mayReadStats, periodFrom, resolveUnit } from "./stats.server.ts";
import { FORM_COLUMNS, FORM_TITLES, viDate } from "../stats-forms.ts";
import { reportRows, type ReportRow } from "./stats-report.server.ts";
import { formsPdf } from "./stats-pdf.server.ts";

/**
 * GET /stats/export?unit=<code>&from=…&to=…&format=xlsx|csv|pdf: both official forms for the unit and
 * period, one row per office (or province) and the total; numbers stored as numbers.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const code = params.get("unit") ?? "";
  if (!/^[A-Z0-9_-]{2,40}$/.test(code)) notFound();
  const period = periodFrom(params, todayVn());
  if (period.errors.length) return new Response(period.errors.join(" "), { status: 400 });
  const { unit, rows } = await asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) notFound();
    if (!mayReadStats(user.memberships, unit)) forbidden();
    return { unit, rows: await reportRows(tx, unit, period.from, period.to) };
  });
  const name = `thong-ke-${unit.code.toLowerCase()}-${period.from}-${period.to}`;
  if (params.get("format") === "pdf") {
    const pdf = await formsPdf({ unitName: unit.name, from: period.from, to: period.to, rows });
    return new Response(pdf, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}.pdf"`,
        "Content-Length": String(pdf.byteLength),
      },
    });
  }
  if (params.get("format") === "csv") {
    const csv = new TextEncoder().encode("\uFEFF" + toCsv(rows));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Content-Length": String(csv.byteLength),
      },
    });
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "THADS";
  for (const side of ["cases", "money"] as const) {
    const ws = wb.addWorksheet(side === "cases" ? "Ve viec" : "Ve tien");
    ws.addRow([FORM_TITLES[side]]);
    ws.addRow([`Đơn vị: ${unit.name}`]);
    ws.addRow([`Kỳ báo cáo: từ ngày ${viDate(period.from)} đến ngày ${viDate(period.to)}`]);
    const head = ws.addRow(["Mã đơn vị", "Tên đơn vị", ...FORM_COLUMNS.map((c) => c.vi)]);
    head.font = { bold: true };
    for (const r of rows) {
      const v = r[side];
      const rate = side === "cases" ? r.casesRate : r.moneyRate;
      const row = ws.addRow([r.code, r.name, ...FORM_COLUMNS.map((c) => (c.key === "rate" ? (rate === null ? null : Number(rate)) : Number(v[c.key])))]);
      if (r.total) row.font = { bold: true };
    }
    ws.getColumn(2).width = 48;
    for (let i = 3; i <= FORM_COLUMNS.length + 2; i++) ws.getColumn(i).numFmt = i === FORM_COLUMNS.length + 2 ? "0.00" : "#,##0";
  }
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  return new Response(xlsx, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      // The page's download button shows how much has arrived.
      "Content-Length": String(xlsx.byteLength),
    },
  });
}

function toCsv(rows: ReportRow[]): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ["Mã đơn vị", "Tên đơn vị", ...FORM_COLUMNS.map((c) => `Việc: ${c.vi}`), ...FORM_COLUMNS.map((c) => `Tiền: ${c.vi}`)];
  const lines = [head.map(esc).join(",")];
  for (const r of rows) {
    const side = (s: "cases" | "money") => FORM_COLUMNS.map((c) => (c.key === "rate" ? ((s === "cases" ? r.casesRate : r.moneyRate) ?? "") : r[s][c.key]));
    lines.push([esc(r.code), esc(r.name), ...side("cases"), ...side("money")].join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
