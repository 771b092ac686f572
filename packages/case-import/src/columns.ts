/*
 * The import file's columns: Vietnamese header (canonical), English alias,
 * what the column means, its format, whether it is required, and the code
 * lists of the columns that take a code. The documentation (docs/import.md)
 * and the templates are written from this one table.
 */
import {
  AGENCY_NAME_MAX,
  AGENCY_NAME_MIN,
  ENTRUSTING_DECISION_ASKED_FROM,
  ENTRUSTING_DECISION_NUMBER_MAX,
  formatDateVi,
} from "@thads/domain";

export const COLUMN_KEYS = [
  "so_thu_ly",
  "ngay_thu_ly",
  "nguon",
  "hinh_thuc",
  "don_vi",
  "toa_an",
  "so_ban_an",
  "ngay_ban_an",
  "loai_ban_an",
  "tin_dung_ngan_hang",
  "tham_nhung",
  "nguoi_duoc_thi_hanh",
  "loai_nguoi_duoc",
  "so_giay_to_nguoi_duoc",
  "dia_chi_nguoi_duoc",
  "nguoi_phai_thi_hanh",
  "loai_nguoi_phai",
  "so_giay_to_nguoi_phai",
  "dia_chi_nguoi_phai",
  "so_tien",
  "ngay_hieu_luc",
  "ngay_yeu_cau",
  "ly_do_cham_yeu_cau",
  "loai_tro_ngai",
  "tro_ngai_tu_ngay",
  "tro_ngai_den_ngay",
  "co_quan_uy_thac",
  "so_qd_uy_thac",
  "ngay_qd_uy_thac",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnDef<K extends string = ColumnKey> {
  /** Canonical (Vietnamese, diacritics-free) header. */
  key: K;
  /** English alias accepted in the header row. */
  alias: string;
  /** What the column holds (Vietnamese). */
  label: string;
  /** The same in English (docs). */
  labelEn: string;
  /** The column must be in the header row, and its cells must not be empty. */
  required: boolean;
  /** Format, for the documentation and the template's guide sheet. */
  format: string;
  /** The template's example value. */
  example: string;
  /** Kind of cell: drives the .xlsx conversion of numbers and dates. */
  type: "text" | "date" | "code" | "flag" | "money";
}

/** Code lists: accepted cell values (after normalisation) → the intake form's value. */
export const CODES = {
  nguon: {
    toa_an: "court_transfer",
    don_yeu_cau: "creditor_request",
    uy_thac_quan_khu: "transfer_in",
    court_transfer: "court_transfer",
    creditor_request: "creditor_request",
    transfer_in: "transfer_in",
  },
  hinh_thuc: { chu_dong: "ex_officio", theo_yeu_cau: "on_request", ex_officio: "ex_officio", on_request: "on_request" },
  loai_ban_an: {
    dan_su: "civil",
    hinh_su: "criminal",
    hanh_chinh: "administrative",
    hon_nhan_gia_dinh: "family",
    kinh_doanh_thuong_mai: "business",
    lao_dong: "labour",
    pha_san: "bankruptcy",
    trong_tai: "arbitration",
    khac: "other",
    civil: "civil",
    criminal: "criminal",
    administrative: "administrative",
    family: "family",
    business: "business",
    labour: "labour",
    labor: "labour",
    bankruptcy: "bankruptcy",
    arbitration: "arbitration",
    other: "other",
  },
  loai_nguoi: { ca_nhan: "person", to_chuc: "organization", person: "person", organization: "organization", organisation: "organization" },
  flag: { co: true, khong: false, x: true, yes: true, no: false, true: true, false: false, "1": true, "0": false },
  loai_tro_ngai: {
    tro_ngai_khach_quan: "objective_obstacle",
    bat_kha_khang: "force_majeure",
    su_kien_bat_kha_khang: "force_majeure",
    tinh_trang_khan_cap: "emergency",
    khan_cap: "emergency",
    objective_obstacle: "objective_obstacle",
    force_majeure: "force_majeure",
    emergency: "emergency",
  },
} as const;

/** The Vietnamese codes shown in messages (the English ones are accepted too). */
export const CODE_HINTS = {
  nguon: "toa_an, don_yeu_cau, uy_thac_quan_khu",
  hinh_thuc: "chu_dong, theo_yeu_cau",
  loai_ban_an: "dan_su, hinh_su, hanh_chinh, hon_nhan_gia_dinh, kinh_doanh_thuong_mai, lao_dong, pha_san, trong_tai",
  loai_nguoi: "ca_nhan, to_chuc",
  flag: "co, khong",
  loai_tro_ngai: "tro_ngai_khach_quan, bat_kha_khang, tinh_trang_khan_cap",
} as const;

export const COLUMNS: readonly ColumnDef[] = [
  {
    key: "so_thu_ly",
    alias: "case_number",
    label: "Số thụ lý / số quyết định thi hành án",
    labelEn: "Case (acceptance) number",
    required: true,
    format: "Chữ, số, / và -; tối đa 60 ký tự; không trùng trong tỉnh",
    example: "125/QĐ-THADS",
    type: "text",
  },
  {
    key: "ngay_thu_ly",
    alias: "accepted_on",
    label: "Ngày thụ lý",
    labelEn: "Date accepted",
    required: true,
    format: "dd/mm/yyyy; không trước ngày bản án",
    example: "03/11/2025",
    type: "date",
  },
  {
    key: "nguon",
    alias: "source",
    label: "Nguồn thụ lý",
    labelEn: "Source",
    required: true,
    format: "toa_an (Tòa án chuyển giao) | don_yeu_cau (đơn yêu cầu) | uy_thac_quan_khu (nhận ủy thác từ cơ quan thi hành án cấp quân khu)",
    example: "toa_an",
    type: "code",
  },
  {
    key: "hinh_thuc",
    alias: "decision_kind",
    label: "Hình thức ra quyết định",
    labelEn: "Decision kind",
    required: true,
    format: "chu_dong | theo_yeu_cau",
    example: "theo_yeu_cau",
    type: "code",
  },
  {
    key: "don_vi",
    alias: "unit_code",
    label: "Mã đơn vị thụ lý",
    labelEn: "Unit code",
    required: true,
    format: "Mã đơn vị trong hệ thống, ví dụ P-HAI-PHONG-KV01",
    example: "P-HAI-PHONG-KV01",
    type: "text",
  },
  {
    key: "toa_an",
    alias: "court",
    label: "Tòa án ra bản án",
    labelEn: "Court",
    required: true,
    format: "2–300 ký tự",
    example: "Tòa án nhân dân thành phố Hải Phòng",
    type: "text",
  },
  {
    key: "so_ban_an",
    alias: "judgment_number",
    label: "Số bản án, quyết định",
    labelEn: "Judgment number",
    required: true,
    format: "Tối đa 100 ký tự; cùng tòa án + số bản án trong tỉnh thì dùng chung một bản án",
    example: "45/2025/DS-ST",
    type: "text",
  },
  {
    key: "ngay_ban_an",
    alias: "judgment_date",
    label: "Ngày bản án",
    labelEn: "Judgment date",
    required: true,
    format: "dd/mm/yyyy",
    example: "20/10/2025",
    type: "date",
  },
  {
    key: "loai_ban_an",
    alias: "judgment_type",
    label: "Loại bản án",
    labelEn: "Judgment type",
    required: true,
    format: CODE_HINTS.loai_ban_an.replace(/, /g, " | "),
    example: "dan_su",
    type: "code",
  },
  {
    key: "tin_dung_ngan_hang",
    alias: "bank_credit",
    label: "Án tín dụng, ngân hàng",
    labelEn: "Bank-credit case",
    required: false,
    format: "co | khong (trống = khong)",
    example: "co",
    type: "flag",
  },
  {
    key: "tham_nhung",
    alias: "corruption",
    label: "Án tham nhũng, kinh tế",
    labelEn: "Corruption / economic case",
    required: false,
    format: "co | khong (trống = khong)",
    example: "khong",
    type: "flag",
  },
  {
    key: "nguoi_duoc_thi_hanh",
    alias: "creditor_name",
    label: "Tên người được thi hành án",
    labelEn: "Creditor name",
    required: true,
    format: "Tối đa 300 ký tự",
    example: "Ngân hàng TMCP Á Châu",
    type: "text",
  },
  {
    key: "loai_nguoi_duoc",
    alias: "creditor_kind",
    label: "Người được thi hành án là",
    labelEn: "Creditor kind",
    required: true,
    format: "ca_nhan | to_chuc",
    example: "to_chuc",
    type: "code",
  },
  {
    key: "so_giay_to_nguoi_duoc",
    alias: "creditor_id_number",
    label: "Số giấy tờ của người được thi hành án",
    labelEn: "Creditor ID / registration number",
    required: false,
    format: "6–30 chữ số, chữ cái, . / -",
    example: "0301452948",
    type: "text",
  },
  {
    key: "dia_chi_nguoi_duoc",
    alias: "creditor_address",
    label: "Địa chỉ người được thi hành án",
    labelEn: "Creditor address",
    required: false,
    format: "Tối đa 500 ký tự",
    example: "Quận 3, TP Hồ Chí Minh",
    type: "text",
  },
  {
    key: "nguoi_phai_thi_hanh",
    alias: "debtor_name",
    label: "Tên người phải thi hành án",
    labelEn: "Debtor name",
    required: true,
    format: "Tối đa 300 ký tự",
    example: "Nguyễn Văn An",
    type: "text",
  },
  {
    key: "loai_nguoi_phai",
    alias: "debtor_kind",
    label: "Người phải thi hành án là",
    labelEn: "Debtor kind",
    required: true,
    format: "ca_nhan | to_chuc",
    example: "ca_nhan",
    type: "code",
  },
  {
    key: "so_giay_to_nguoi_phai",
    alias: "debtor_id_number",
    label: "Số giấy tờ của người phải thi hành án",
    labelEn: "Debtor ID number",
    required: false,
    format: "6–30 chữ số, chữ cái, . / -",
    example: "031085001234",
    type: "text",
  },
  {
    key: "dia_chi_nguoi_phai",
    alias: "debtor_address",
    label: "Địa chỉ người phải thi hành án",
    labelEn: "Debtor address",
    required: false,
    format: "Tối đa 500 ký tự",
    example: "Lê Chân, Hải Phòng",
    type: "text",
  },
  {
    key: "so_tien",
    alias: "amount",
    label: "Số tiền phải thi hành (đồng)",
    labelEn: "Amount due (whole VND)",
    required: true,
    format: "Số nguyên dương, đồng; dấu chấm ngăn cách hàng nghìn được chấp nhận (12.500.000)",
    example: "150.000.000",
    type: "money",
  },
  {
    key: "ngay_hieu_luc",
    alias: "judgment_effective_on",
    label: "Ngày bản án có hiệu lực",
    labelEn: "Judgment effective date",
    required: false,
    format: "dd/mm/yyyy; không trước ngày bản án; để trống: ngày bản án (thời hiệu yêu cầu thi hành án tính từ ngày này)",
    example: "20/10/2025",
    type: "date",
  },
  {
    key: "ngay_yeu_cau",
    alias: "requested_on",
    label: "Ngày nộp đơn yêu cầu",
    labelEn: "Request date",
    required: false,
    format:
      "dd/mm/yyyy; không sau ngày thụ lý; để trống: ngày thụ lý. Việc theo yêu cầu: trong thời hiệu 5 năm kể từ ngày bản án có hiệu lực",
    example: "01/11/2025",
    type: "date",
  },
  {
    key: "ly_do_cham_yeu_cau",
    alias: "delay_reason",
    label: "Lý do chậm yêu cầu (bất khả kháng, trở ngại khách quan)",
    labelEn: "Reason for a late request (force majeure, objective obstacle)",
    required: false,
    format:
      "Tối đa 2000 ký tự; chỉ khi đơn yêu cầu quá thời hiệu, cùng thời gian trở ngại: việc quá thời hiệu không có lý do và thời gian trở ngại bị từ chối",
    example: "",
    type: "text",
  },
  {
    key: "loai_tro_ngai",
    alias: "obstacle_kind",
    label: "Loại trở ngại",
    labelEn: "Kind of obstacle",
    required: false,
    format: "tro_ngai_khach_quan, bat_kha_khang hoặc tinh_trang_khan_cap; để trống: trở ngại khách quan",
    example: "",
    type: "code",
  },
  {
    key: "tro_ngai_tu_ngay",
    alias: "obstacle_from",
    label: "Trở ngại từ ngày",
    labelEn: "Obstacle from",
    required: false,
    format: "dd/mm/yyyy; bắt buộc khi có lý do chậm yêu cầu",
    example: "",
    type: "date",
  },
  {
    key: "tro_ngai_den_ngay",
    alias: "obstacle_to",
    label: "Trở ngại đến ngày",
    labelEn: "Obstacle until",
    required: false,
    format: "dd/mm/yyyy; không trước ngày bắt đầu; chỉ những ngày này không tính vào thời hiệu",
    example: "",
    type: "date",
  },
  {
    key: "co_quan_uy_thac",
    alias: "from_agency",
    label: "Cơ quan thi hành án cấp quân khu ủy thác",
    labelEn: "Entrusting military-region agency",
    required: false,
    format: `Bắt buộc khi nguồn thụ lý là uy_thac_quan_khu (không ghi với nguồn khác): tên như trong quyết định ủy thác, ${AGENCY_NAME_MIN}–${AGENCY_NAME_MAX} ký tự`,
    example: "",
    type: "text",
  },
  {
    key: "so_qd_uy_thac",
    alias: "entrusting_decision_number",
    label: "Số quyết định ủy thác",
    labelEn: "Entrusting decision number",
    required: false,
    format: `Bắt buộc khi nguồn thụ lý là uy_thac_quan_khu (không ghi với nguồn khác; dữ liệu cũ chuyển sang được để trống với việc thụ lý trước ${formatDateVi(ENTRUSTING_DECISION_ASKED_FROM)}): số quyết định ủy thác của cơ quan thi hành án cấp quân khu, tối đa ${ENTRUSTING_DECISION_NUMBER_MAX} ký tự`,
    example: "",
    type: "text",
  },
  {
    key: "ngay_qd_uy_thac",
    alias: "entrusting_decision_date",
    label: "Ngày quyết định ủy thác",
    labelEn: "Entrusting decision date",
    required: false,
    format: "Bắt buộc cùng số quyết định ủy thác (xem so_qd_uy_thac): dd/mm/yyyy; không trước ngày bản án, không sau ngày thụ lý",
    example: "",
    type: "date",
  },
];

export const COLUMN_BY_KEY: ReadonlyMap<ColumnKey, ColumnDef> = new Map(COLUMNS.map((c) => [c.key, c]));

/**
 * Lower-case, diacritics-free, words joined by "_": "Số thụ lý" → "so_thu_ly",
 * "Tòa án" → "toa_an", "Case number" → "case_number". Used for headers and codes.
 */
export function normalizeToken(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Header (as written in the file) → column, by the Vietnamese name or the English alias. */
const HEADER_LOOKUP: ReadonlyMap<string, ColumnKey> = new Map(
  COLUMNS.flatMap((c) => [[c.key, c.key] as const, [normalizeToken(c.alias), c.key] as const]),
);

export function columnForHeader(header: string): ColumnKey | undefined {
  return HEADER_LOOKUP.get(normalizeToken(header));
}

/**
 * The columns one kind of file may have: the cases file (COLUMNS, the default), the migration's
 * cases file (COLUMNS and the migration's own) or the events file (./migration/columns.ts).
 */
export interface ColumnSet {
  columns: readonly ColumnDef<string>[];
  byKey: ReadonlyMap<string, ColumnDef<string>>;
  forHeader(header: string): string | undefined;
}

export function columnSet(columns: readonly ColumnDef<string>[]): ColumnSet {
  const lookup = new Map(columns.flatMap((c) => [[c.key, c.key] as const, [normalizeToken(c.alias), c.key] as const]));
  return { columns, byKey: new Map(columns.map((c) => [c.key, c])), forHeader: (h) => lookup.get(normalizeToken(h)) };
}

/** The cases file of today's import. */
export const CASE_FILE: ColumnSet = columnSet(COLUMNS);
