import { COLUMNS, type ColumnKey } from "../src/columns.ts";

export type RowValues = Partial<Record<ColumnKey, string>>;

let seq = 0;
/** A valid row for a unit (unique case and judgment numbers unless overridden). */
export function row(unitCode: string, overrides: RowValues = {}): RowValues {
  seq++;
  const n = `${Date.now().toString(36)}${seq}`;
  return {
    so_thu_ly: `${n}/QĐ-THADS`,
    ngay_thu_ly: "03/11/2025",
    nguon: "toa_an",
    hinh_thuc: "theo_yeu_cau",
    don_vi: unitCode,
    toa_an: "Tòa án nhân dân thành phố Hải Phòng",
    so_ban_an: `${n}/2025/DS-ST`,
    ngay_ban_an: "20/10/2025",
    loai_ban_an: "dan_su",
    tin_dung_ngan_hang: "co",
    tham_nhung: "khong",
    nguoi_duoc_thi_hanh: "Ngân hàng TMCP Á Châu",
    loai_nguoi_duoc: "to_chuc",
    so_giay_to_nguoi_duoc: "0301452948",
    dia_chi_nguoi_duoc: "Quận 3 - TP Hồ Chí Minh",
    nguoi_phai_thi_hanh: "Nguyễn Văn An",
    loai_nguoi_phai: "ca_nhan",
    so_giay_to_nguoi_phai: "031085001234",
    dia_chi_nguoi_phai: "Lê Chân, Hải Phòng",
    so_tien: "12.500.000",
    ...overrides,
  };
}

function field(v: string, sep: string): string {
  return v.includes('"') || v.includes(sep) || v.includes("\n") ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV text with the canonical header (or the given one) and the rows. */
export function csv(rows: RowValues[], opts: { sep?: string; bom?: boolean; headers?: string[] } = {}): string {
  const sep = opts.sep ?? ",";
  const keys = COLUMNS.map((c) => c.key);
  const header = (opts.headers ?? keys).map((h) => field(h, sep)).join(sep);
  const lines = rows.map((r) => keys.map((k) => field(r[k] ?? "", sep)).join(sep));
  return `${opts.bom ? "\uFEFF" : ""}${[header, ...lines].join("\r\n")}\r\n`;
}
