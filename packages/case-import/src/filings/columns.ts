/*
 * A creditor's bulk filing file: one enforcement request per row (a judgment to enforce), with the
 * office it is sent to and the name of its judgment's copy among the files uploaded with it. The
 * requester (the organisation) is given once for the whole file, on the page. Headers are matched
 * as in the case import (normalizeToken): the Vietnamese key or the English alias.
 */
import { COLUMNS, columnSet, type ColumnDef, type ColumnSet } from "../columns.ts";
import type { TemplateKind } from "../templates.ts";

/** A column the cases file has too, as it is there. */
const fromCaseFile = (key: string): ColumnDef<string> => COLUMNS.find((c) => c.key === key)!;

export const FILING_COLUMNS: readonly ColumnDef<string>[] = [
  {
    key: "noi_nhan",
    alias: "office",
    label: "Mã cơ quan nhận yêu cầu",
    labelEn: "Office code",
    required: true,
    format: "Mã của cục hoặc phòng thi hành án dân sự khu vực, ví dụ P-HAI-PHONG hoặc P-HAI-PHONG-KV01",
    example: "P-HAI-PHONG-KV01",
    type: "text",
  },
  fromCaseFile("toa_an"),
  {
    key: "so_ban_an",
    alias: "judgment_number",
    label: "Số bản án, quyết định",
    labelEn: "Judgment number",
    required: true,
    format: "Tối đa 100 ký tự; không lặp lại trong tệp với cùng tòa án",
    example: "45/2026/KDTM-ST",
    type: "text",
  },
  {
    key: "ngay_ban_an",
    alias: "judgment_date",
    label: "Ngày bản án, quyết định",
    labelEn: "Judgment date",
    required: true,
    format: "dd/mm/yyyy",
    example: "20/10/2026",
    type: "date",
  },
  {
    key: "nguoi_phai_thi_hanh",
    alias: "debtor",
    label: "Tên người phải thi hành án",
    labelEn: "Debtor",
    required: true,
    format: "1–300 ký tự",
    example: "Công ty TNHH Thương mại Hải Âu",
    type: "text",
  },
  {
    key: "dia_chi_nguoi_phai",
    alias: "debtor_address",
    label: "Địa chỉ người phải thi hành án",
    labelEn: "Debtor's address",
    required: false,
    format: "Tối đa 500 ký tự",
    example: "Số 8 Lạch Tray, Ngô Quyền, Hải Phòng",
    type: "text",
  },
  {
    key: "noi_dung",
    alias: "content",
    label: "Nội dung yêu cầu",
    labelEn: "What is requested",
    required: true,
    format: "10–4000 ký tự",
    example: "Đề nghị ra quyết định thi hành án buộc công ty trả nợ gốc và lãi theo bản án.",
    type: "text",
  },
  {
    key: "chap_hanh_vien_de_nghi",
    alias: "preferred_executor",
    label: "Chấp hành viên đề nghị tổ chức thi hành án",
    labelEn: "Executor proposed",
    required: false,
    format: "Họ tên chấp hành viên, tối đa 200 ký tự; để trống nếu không đề nghị",
    example: "",
    type: "text",
  },
  {
    key: "tep_ban_an",
    alias: "judgment_file",
    label: "Tên tệp bản sao bản án",
    labelEn: "File name of the judgment's copy",
    required: true,
    format: "Tên một tệp PDF, PNG hoặc JPEG tải lên cùng tệp này (ví dụ ban-an-45.pdf); nhiều dòng có thể dùng chung một tệp",
    example: "ban-an-45.pdf",
    type: "text",
  },
];

export const FILING_FILE: ColumnSet = columnSet(FILING_COLUMNS);
export const FILING_TEMPLATE: TemplateKind = { columns: FILING_COLUMNS, sheet: "yeu_cau_thi_hanh_an" };
