import ExcelJS from "exceljs";
import { FLAG_REASON_LABELS, formatDateVi, CASE_STATUS_LABELS, sheetRow, type CaseStatus, type FlagReason } from "@thads/domain";
import type { BriefingItem, CommitteeRef } from "@thads/core/steering";
import { translate } from "../../i18n.ts";
import { steeringMessages } from "./messages.ts";

export type { BriefingItem };

/** The briefing pack as a workbook: the watchlist with the latest progress and the open directives; texts through the shared neutraliser. */
export async function briefingXlsx(
  committee: Pick<CommitteeRef, "name">,
  items: BriefingItem[],
  today: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "THADS";
  const ws = wb.addWorksheet("Danh sách theo dõi");
  ws.addRow(sheetRow([committee.name])).font = { bold: true, size: 14 };
  ws.addRow(sheetRow([`Tài liệu họp lập ngày ${formatDateVi(today)}: ${items.length} vụ việc, xếp theo mức độ rủi ro`]));
  ws.addRow([]);
  const head = ws.addRow(
    sheetRow([
      "STT",
      "Số việc",
      "Người phải thi hành án",
      "Tỉnh",
      "Đơn vị",
      "Lý do theo dõi",
      "Trạng thái",
      "Phải thi hành (đồng)",
      "Đã thu (đồng)",
      "Còn phải thi hành (đồng)",
      "Hạn gần nhất",
      "Thao tác gần nhất",
      "Số ngày",
      "Chỉ đạo chưa trả lời",
      "Chỉ đạo quá hạn",
      "Kỳ thiếu báo cáo",
      "Báo cáo gần nhất",
    ]),
  );
  head.font = { bold: true };
  items.forEach((i, n) => {
    const row = ws.addRow(
      sheetRow([
        n + 1,
        i.caseNumber,
        i.debtorName,
        i.provinceName,
        i.unitName,
        FLAG_REASON_LABELS[i.reason as FlagReason]?.vi ?? i.reason,
        CASE_STATUS_LABELS[i.status as CaseStatus]?.vi ?? i.status,
        // Whole đồng as numbers for sums in the sheet; beyond 2^53 they are written as text to stay exact.
        ...[i.moneyDue, i.moneyCollected, (BigInt(i.moneyDue) - BigInt(i.moneyCollected)).toString()].map((v) =>
          BigInt(v) <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v,
        ),
        i.nextDeadlineOn ? formatDateVi(i.nextDeadlineOn) : "",
        i.lastActionOn ? formatDateVi(i.lastActionOn) : "",
        i.daysSinceAction ?? "",
        i.openDirectives,
        i.overdueDirectives,
        i.missingPeriods.join(", "),
        i.lastReport ? `${i.lastReport.label}: ${i.lastReport.body}` : "",
      ]),
    );
    for (const c of [8, 9, 10]) row.getCell(c).numFmt = "#,##0";
    if (i.overdueDirectives > 0) row.getCell(15).font = { bold: true, color: { argb: "FFB91C1C" } };
  });
  ws.columns.forEach((c, idx) => {
    c.width = [6, 16, 30, 18, 24, 24, 18, 18, 18, 18, 12, 12, 8, 10, 10, 20, 50][idx] ?? 14;
  });

  const wd = wb.addWorksheet("Ý kiến chỉ đạo");
  wd.addRow(sheetRow(["Số việc", "Nội dung", "Nơi nhận", "Ngày ban hành", "Thời hạn", "Tình trạng"])).font = { bold: true };
  for (const i of items) {
    for (const d of i.directives) {
      const row = wd.addRow(
        sheetRow([
          i.caseNumber,
          d.body,
          d.addressee_name ?? "",
          formatDateVi(d.issued_on),
          formatDateVi(d.due_on),
          translate(steeringMessages, "vi", `directiveState.${d.state}`),
        ]),
      );
      if (d.state === "overdue") row.font = { color: { argb: "FFB91C1C" }, bold: true };
    }
  }
  wd.columns.forEach((c, idx) => {
    c.width = [16, 60, 30, 14, 14, 18][idx] ?? 14;
  });

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
