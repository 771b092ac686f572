/** The migration's templates: the cases file (today's example, with the migration's columns) and the events file (one case's history). */
import { COLUMNS } from "../columns.ts";
import type { TemplateKind } from "../templates.ts";
import { EVENT_COLUMNS, MIGRATION_CASE_COLUMNS } from "./columns.ts";

const caseExample = Object.fromEntries(COLUMNS.map((c) => [c.key, c.example]));

export const MIGRATION_CASES_TEMPLATE: TemplateKind = {
  columns: [...COLUMNS, ...MIGRATION_CASE_COLUMNS],
  examples: [{ ...caseExample, chap_hanh_vien: "hai-phong.kv01.executor@demo.thads.vn" }],
};

/** The example case's history: decision, notification, verification, classification, a payment, completion. */
export const EVENTS_TEMPLATE: TemplateKind = {
  columns: EVENT_COLUMNS,
  sheet: "su_kien",
  examples: [
    { so_thu_ly: "125/QĐ-THADS", loai_su_kien: "decision", ngay_thuc_hien: "05/11/2025", so_quyet_dinh: "125/QĐ-CTHADS" },
    { so_thu_ly: "125/QĐ-THADS", loai_su_kien: "notification", ngay_thuc_hien: "06/11/2025" },
    {
      so_thu_ly: "125/QĐ-THADS",
      loai_su_kien: "verification",
      ngay_thuc_hien: "01/12/2025",
      ket_qua_xac_minh: "Có tài khoản tại ngân hàng",
    },
    { so_thu_ly: "125/QĐ-THADS", loai_su_kien: "phân loại điều kiện thi hành án", ngay_thuc_hien: "02/12/2025", ket_qua: "co_dieu_kien" },
    {
      so_thu_ly: "125/QĐ-THADS",
      loai_su_kien: "payment",
      ngay_thuc_hien: "10/12/2025",
      so_tien: "150.000.000",
      so_bien_lai: "BL-0001",
      nguoi_nop: "Nguyễn Văn An",
      hinh_thuc_nop: "chuyen_khoan",
    },
    { so_thu_ly: "125/QĐ-THADS", loai_su_kien: "thi hành xong", ngay_thuc_hien: "15/12/2025" },
  ],
};
