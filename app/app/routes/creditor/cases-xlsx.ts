import ExcelJS from "exceljs";
import { myCases } from "@thads/core/creditors";
import { CASE_STATUS_LABELS, formatDateVi, sheetRow } from "@thads/domain";
import type { Route } from "./+types/cases-xlsx";
import { todayVn } from "../../utils/today.ts";
import { asUser } from "../../utils/user.server.ts";
import { filterOf, requireCreditor } from "./scope.server.ts";

/** Whole đồng as numbers for sums in the sheet; beyond 2^53 as text, to stay exact. */
const dong = (v: string) => (BigInt(v) <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);

/** My cases as a workbook: the same rows and filters as the page and the CSV, amounts summable. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  const rows = await asUser(user, (tx) => myCases(tx, filterOf(request), 10_000));
  const today = todayVn();
  const wb = new ExcelJS.Workbook();
  wb.creator = "THADS";
  const ws = wb.addWorksheet("Vụ việc của tôi");
  ws.addRow(sheetRow([`Vụ việc của tôi · lập ngày ${formatDateVi(today)} · ${rows.length} việc`])).font = { bold: true, size: 13 };
  ws.addRow([]);
  ws.addRow(
    sheetRow([
      "Số việc",
      "Tỉnh, thành phố",
      "Đơn vị",
      "Người phải thi hành án",
      "Trạng thái",
      "Phải thi hành (đồng)",
      "Đã thu (đồng)",
      "Còn phải thi hành (đồng)",
      "Hạn gần nhất",
      "Bước gần nhất",
      "Chấp hành viên",
      "Tài sản đang đấu giá",
    ]),
  ).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(
      sheetRow([
        r.case_number,
        r.province_name,
        r.unit_name,
        r.debtor_name,
        CASE_STATUS_LABELS[r.status]?.vi ?? r.status,
        dong(r.money_due),
        dong(r.money_collected),
        dong(r.money_outstanding),
        r.next_deadline_on ? formatDateVi(r.next_deadline_on) : "",
        r.last_event_on ? formatDateVi(r.last_event_on) : "",
        r.executor_name ?? "",
        r.assets_at_auction,
      ]),
    );
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = "#,##0";
  }
  ws.columns.forEach((c, i) => {
    c.width = [18, 20, 32, 30, 22, 18, 18, 18, 12, 12, 24, 10][i] ?? 14;
  });
  const buffer = await wb.xlsx.writeBuffer();
  return new Response(buffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="vu-viec-cua-toi-${today}.xlsx"`,
    },
  });
}
