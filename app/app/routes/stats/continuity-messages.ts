import { defineMessages } from "../../i18n.ts";

/** The continuity check's messages: the imported figures against the last official report. */
export const continuityMessages = defineMessages(
  {
    "continuity.title": "Đối chiếu số liệu sau chuyển đổi",
    "continuity.subtitle": "Số liệu của {unit} từ dữ liệu đã chuyển đổi, so với báo cáo chính thức gần nhất, từng chỉ tiêu",
    "continuity.hint":
      "Nhập các số của báo cáo chính thức gần nhất cho cùng kỳ (để trống chỉ tiêu không đối chiếu). Mỗi chênh lệch mở danh sách các việc được tính trong chỉ tiêu.",
    "continuity.col.figure": "Chỉ tiêu",
    "continuity.col.cases": "Về việc",
    "continuity.col.money": "Về tiền (đồng)",
    "continuity.col.side": "Tính theo",
    "continuity.col.official": "Báo cáo chính thức",
    "continuity.col.imported": "Từ dữ liệu chuyển đổi",
    "continuity.col.difference": "Chênh lệch",
    "continuity.col.cases.link": "Các việc",
    "continuity.side.cases": "việc",
    "continuity.side.money": "tiền",
    "continuity.submit": "Đối chiếu",
    "continuity.none": "Không có chênh lệch ở {count} chỉ tiêu đã nhập.",
    "continuity.found": "{count} chỉ tiêu chênh lệch",
    "continuity.open": "Xem các việc",
  },
  {
    "continuity.title": "Continuity check after moving in",
    "continuity.subtitle": "{unit}'s figures from the migrated data against the last official report, line by line",
    "continuity.hint":
      "Enter the last official report's figures for the same period (leave a line blank to skip it). Each difference opens the list of the cases the figure counts.",
    "continuity.col.figure": "Figure",
    "continuity.col.cases": "Cases",
    "continuity.col.money": "Money (đồng)",
    "continuity.col.side": "By",
    "continuity.col.official": "Official report",
    "continuity.col.imported": "Migrated data",
    "continuity.col.difference": "Difference",
    "continuity.col.cases.link": "Cases",
    "continuity.side.cases": "cases",
    "continuity.side.money": "money",
    "continuity.submit": "Compare",
    "continuity.none": "No difference in the {count} lines entered.",
    "continuity.found": "{count} lines differ",
    "continuity.open": "Open the cases",
  },
);
