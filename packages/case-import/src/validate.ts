import { randomUUID } from "node:crypto";
import { IntakeSchema, LegacyIntakeSchema, intakeDateProblems, type IntakeInput } from "@thads/core";
import { todayInVietnam } from "@thads/domain";
import { CODE_HINTS, CODES, COLUMN_BY_KEY, normalizeToken, type ColumnKey } from "./columns.ts";
import type { ImportError, SourceRow } from "./types.ts";

/** A unit as the import needs it (looked up by code). */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: "national" | "province" | "subunit";
  provinceId: string | null;
}

/** Where the importing user may take cases in (the same terms as the cases_insert policy). */
export interface Scope {
  unitIds: ReadonlySet<string>;
  provinceIds: ReadonlySet<string>;
}

/** A row that passed the intake schema: the intake form's output plus its unit. */
export interface ValidRow {
  line: number;
  input: IntakeInput;
  unit: UnitRef & { provinceId: string };
}

export interface ValidateContext {
  /** Header as written in the file, by column (for the `column` of each error). */
  headers: Partial<Record<ColumnKey, string>>;
  /** Units by code (upper case). */
  units: ReadonlyMap<string, UnitRef>;
  /** When given, rows for units outside it are refused before anything is written. */
  scope?: Scope;
  /** Today in Việt Nam (default: the clock's), for the dates' bounds. */
  today?: string;
  /** Earlier records (the migration): an entrusted case may come without its entrusting decision. */
  legacy?: boolean;
}

// A well-formed placeholder, so that a bad unit code does not hide the row's other errors.
const NIL_UUID = "00000000-0000-4000-8000-000000000000";

/** The intake schema's field path → the file's column. */
const PATH_TO_COLUMN: Record<string, ColumnKey> = {
  caseNumber: "so_thu_ly",
  acceptedOn: "ngay_thu_ly",
  requestedOn: "ngay_yeu_cau",
  limitationObstacle: "ly_do_cham_yeu_cau",
  limitationObstacleKind: "loai_tro_ngai",
  limitationObstacleFrom: "tro_ngai_tu_ngay",
  limitationObstacleTo: "tro_ngai_den_ngay",
  source: "nguon",
  fromAgency: "co_quan_uy_thac",
  entrustingDecisionNumber: "so_qd_uy_thac",
  entrustingDecisionOn: "ngay_qd_uy_thac",
  decisionKind: "hinh_thuc",
  unitId: "don_vi",
  isBankCredit: "tin_dung_ngan_hang",
  isCorruption: "tham_nhung",
  "judgment.courtName": "toa_an",
  "judgment.number": "so_ban_an",
  "judgment.date": "ngay_ban_an",
  "judgment.effectiveOn": "ngay_hieu_luc",
  "judgment.type": "loai_ban_an",
  "creditor.kind": "loai_nguoi_duoc",
  "creditor.fullName": "nguoi_duoc_thi_hanh",
  "creditor.idNumber": "so_giay_to_nguoi_duoc",
  "creditor.address": "dia_chi_nguoi_duoc",
  "debtor.kind": "loai_nguoi_phai",
  "debtor.fullName": "nguoi_phai_thi_hanh",
  "debtor.idNumber": "so_giay_to_nguoi_phai",
  "debtor.address": "dia_chi_nguoi_phai",
  amount: "so_tien",
};

const CODE_LIST_OF: Partial<Record<ColumnKey, keyof typeof CODES & keyof typeof CODE_HINTS>> = {
  nguon: "nguon",
  hinh_thuc: "hinh_thuc",
  loai_ban_an: "loai_ban_an",
  loai_nguoi_duoc: "loai_nguoi",
  loai_nguoi_phai: "loai_nguoi",
  tin_dung_ngan_hang: "flag",
  tham_nhung: "flag",
  loai_tro_ngai: "loai_tro_ngai",
};

/**
 * Whole đồng, digits only or grouped by thousands with one kind of separator
 * ("12.500.000", "12,500,000", "12 500 000"), optionally followed by đ / ₫ / VND.
 * Anything else ("12,5", "1.234,50", "-5", "1.2.3đ") is refused, so that a
 * decimal is never read as a thousands separator (IntakeSchema's dongInput
 * alone would read "12,5" as 125).
 */
export const MONEY_SHAPE = /^(?:\d+|\d{1,3}([.,\s])\d{3}(?:\1\d{3})*)\s*(?:đ|₫|vnd|vnđ)?$/i;

export function columnName(ctx: Pick<ValidateContext, "headers">, key: ColumnKey): string {
  return ctx.headers[key] ?? key;
}

/**
 * One row → the intake form (codes mapped, unit code resolved) → IntakeSchema.
 * Errors name the row's line and the column as written in the file; the
 * messages are the intake form's, with the accepted codes added where a code
 * was expected.
 */
export function validateRow(row: SourceRow, ctx: ValidateContext): { ok: true; row: ValidRow } | { ok: false; errors: ImportError[] } {
  const v = row.values;
  const errors: ImportError[] = [];
  const err = (key: ColumnKey, code: string, message: string) =>
    errors.push({ line: row.line, column: columnName(ctx, key), code, message });
  const unmapped = new Set<ColumnKey>();

  const code = <K extends "nguon" | "hinh_thuc" | "loai_ban_an" | "loai_nguoi" | "loai_tro_ngai">(key: ColumnKey, list: K): string => {
    const raw = (v[key] ?? "").trim();
    const mapped = (CODES[list] as Record<string, string>)[normalizeToken(raw)];
    if (mapped) return mapped;
    unmapped.add(key);
    return raw;
  };
  const flag = (key: ColumnKey): boolean => {
    const raw = (v[key] ?? "").trim();
    if (!raw) return false;
    const mapped = (CODES.flag as Record<string, boolean>)[normalizeToken(raw)];
    if (mapped === undefined) {
      err(key, "invalid", `${COLUMN_BY_KEY.get(key)!.label}: ghi "co" hoặc "khong" (ô đang ghi "${raw}").`);
      return false;
    }
    return mapped;
  };

  let unit: UnitRef | undefined;
  const unitCode = (v.don_vi ?? "").trim().toUpperCase();
  if (!unitCode) {
    err("don_vi", "invalid", "Đơn vị thụ lý: bắt buộc nhập mã đơn vị (ví dụ P-HAI-PHONG-KV01).");
  } else {
    unit = ctx.units.get(unitCode);
    if (!unit) {
      err("don_vi", "unknown_unit", `Đơn vị thụ lý: không có đơn vị mã "${unitCode}" trong hệ thống.`);
    } else if (unit.kind === "national" || !unit.provinceId) {
      err("don_vi", "unknown_unit", `Đơn vị thụ lý: "${unitCode}" là cơ quan cấp trung ương, không thụ lý việc thi hành án.`);
      unit = undefined;
    } else if (ctx.scope && !ctx.scope.unitIds.has(unit.id) && !ctx.scope.provinceIds.has(unit.provinceId)) {
      err("don_vi", "out_of_scope", `Đơn vị thụ lý: bạn không có quyền thụ lý việc cho đơn vị "${unitCode}" (${unit.name}).`);
      unit = undefined;
    }
  }

  // Anything but whole đồng in the accepted shapes goes to the schema as blank, so that it is refused;
  // a number with a decimal part or odd grouping gets a word on why.
  let amount = v.so_tien ?? "";
  const badMoney = amount.trim() !== "" && !MONEY_SHAPE.test(amount.trim());
  const moneyAmbiguous = badMoney && /^\d[\d.,\s]*$/.test(amount.trim());
  if (badMoney) amount = "";

  const form = {
    idempotencyKey: randomUUID(),
    unitId: unit?.id ?? NIL_UUID,
    caseNumber: v.so_thu_ly ?? "",
    acceptedOn: v.ngay_thu_ly ?? "",
    requestedOn: v.ngay_yeu_cau ?? "",
    limitationObstacle: v.ly_do_cham_yeu_cau ?? "",
    limitationObstacleKind: (v.loai_tro_ngai ?? "").trim() ? code("loai_tro_ngai", "loai_tro_ngai") : "",
    limitationObstacleFrom: v.tro_ngai_tu_ngay ?? "",
    limitationObstacleTo: v.tro_ngai_den_ngay ?? "",
    source: code("nguon", "nguon"),
    fromAgency: v.co_quan_uy_thac ?? "",
    entrustingDecisionNumber: v.so_qd_uy_thac ?? "",
    entrustingDecisionOn: v.ngay_qd_uy_thac ?? "",
    decisionKind: code("hinh_thuc", "hinh_thuc"),
    isBankCredit: flag("tin_dung_ngan_hang"),
    isCorruption: flag("tham_nhung"),
    judgment: {
      courtName: v.toa_an ?? "",
      number: v.so_ban_an ?? "",
      date: v.ngay_ban_an ?? "",
      effectiveOn: v.ngay_hieu_luc ?? "",
      type: code("loai_ban_an", "loai_ban_an"),
    },
    creditor: {
      kind: code("loai_nguoi_duoc", "loai_nguoi"),
      fullName: v.nguoi_duoc_thi_hanh ?? "",
      idNumber: v.so_giay_to_nguoi_duoc ?? "",
      address: v.dia_chi_nguoi_duoc ?? "",
    },
    debtor: {
      kind: code("loai_nguoi_phai", "loai_nguoi"),
      fullName: v.nguoi_phai_thi_hanh ?? "",
      idNumber: v.so_giay_to_nguoi_phai ?? "",
      address: v.dia_chi_nguoi_phai ?? "",
    },
    amount,
  };

  // The web form hides the entrusting agency unless the case is entrusted, and ignores it then; a
  // file that names one beside another source is asked which is meant rather than losing it.
  if (form.source !== "transfer_in" && !unmapped.has("nguon")) {
    for (const key of ["co_quan_uy_thac", "so_qd_uy_thac", "ngay_qd_uy_thac"] as const) {
      if ((v[key] ?? "").trim() === "") continue;
      const { label } = COLUMN_BY_KEY.get(key)!;
      err(key, "invalid", `${label}: chỉ ghi khi nguồn thụ lý là uy_thac_quan_khu (nhận ủy thác); để trống với nguồn khác.`);
    }
  }
  const parsed = (ctx.legacy ? LegacyIntakeSchema : IntakeSchema).safeParse(form);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = PATH_TO_COLUMN[issue.path.join(".")];
      if (key === "don_vi") continue; // reported above, with the code
      if (!key) {
        errors.push({ line: row.line, column: null, code: "invalid", message: issue.message });
        continue;
      }
      let message = issue.message;
      const list = CODE_LIST_OF[key];
      if (list && unmapped.has(key)) {
        const raw = (v[key] ?? "").trim();
        message += ` Giá trị hợp lệ: ${CODE_HINTS[list]}${raw ? ` (ô đang ghi "${raw}")` : ""}.`;
      }
      if (key === "so_tien" && moneyAmbiguous) {
        message += ` Ô đang ghi "${(v.so_tien ?? "").trim()}": không ghi phần thập phân; dấu chấm, dấu phẩy hoặc khoảng trắng chỉ để ngăn cách hàng nghìn.`;
      }
      errors.push({ line: row.line, column: columnName(ctx, key), code: "invalid", message });
    }
  }
  if (parsed.success) {
    // Not after today, not before 1990, an acceptance not before the law in force (1 July 2009), a request
    // within the limitation period (or with its delay's reason): per row and column, as intake refuses them.
    for (const p of intakeDateProblems(parsed.data, ctx.today ?? todayInVietnam())) {
      const key = PATH_TO_COLUMN[p.field];
      errors.push({ line: row.line, column: key ? columnName(ctx, key) : null, code: "invalid", message: p.message_vi });
    }
  }
  if (errors.length || !parsed.success || !unit) return { ok: false, errors };
  return { ok: true, row: { line: row.line, input: parsed.data, unit: unit as UnitRef & { provinceId: string } } };
}

/** Case numbers must be unique per province: a repeat within the file is refused at its later line. */
export function findDuplicatesInFile(
  rows: readonly ValidRow[],
  ctx: Pick<ValidateContext, "headers">,
  /** Numbers seen so far (province + number → line), for a file checked chunk by chunk. */
  seen = new Map<string, number>(),
): ImportError[] {
  const errors: ImportError[] = [];
  for (const r of rows) {
    const key = `${r.unit.provinceId}\u0000${r.input.caseNumber}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.line);
    else {
      errors.push({
        line: r.line,
        column: columnName(ctx, "so_thu_ly"),
        code: "duplicate_in_file",
        message: `Số thụ lý / số quyết định: "${r.input.caseNumber}" trùng với dòng ${first} trong tệp (số thụ lý không được trùng trong một tỉnh).`,
      });
    }
  }
  return errors;
}
