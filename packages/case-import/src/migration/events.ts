/*
 * One row of the events file → the case event it records (or why it cannot), and the snapshot of a
 * case at the cut-over date → the minimal history that yields it. Pure: references (executors,
 * provinces) come resolved in the context.
 */
import { createHash } from "node:crypto";
import {
  AGENCY_NAME_MAX,
  AGENCY_NAME_MIN,
  applyEvent,
  isAgencyName,
  formatDateVi,
  isIsoDate,
  tryParseDateVi,
  type CaseEvent,
  type CaseEventKind,
  type CaseState,
  type CaseStatus,
  type IsoDate,
  type ObligationInput,
} from "@thads/domain";
import { normalizeToken } from "../columns.ts";
import type { ImportError, SourceRow } from "../types.ts";
import { MONEY_SHAPE } from "../validate.ts";
import { MEASURE_CODES, METHOD_CODES, RESULT_CODES, STATUS_CODES, STEP_CODES } from "./columns.ts";

const AGENCY_LABEL = "Cơ quan thi hành án cấp quân khu nhận ủy thác";
const AGENCY_LENGTH = `${AGENCY_LABEL}: ghi tên từ ${AGENCY_NAME_MIN} đến ${AGENCY_NAME_MAX} ký tự.`;

/** A transfer names one receiving agency: a province's (tinh_nhan) or a military-region agency (quan_khu_nhan). */
const BOTH_TARGETS =
  "Nơi nhận ủy thác: ghi tỉnh nhận (tinh_nhan) hoặc cơ quan thi hành án cấp quân khu nhận (quan_khu_nhan), không ghi cả hai.";

export type Cells = Readonly<Record<string, string | undefined>>;
export const cellsOf = (row: SourceRow): Cells => row.values as Cells;

const trim = (v: string | undefined) => (v ?? "").trim();

/** A date cell: dd/mm/yyyy or yyyy-mm-dd, else null. */
export function dateCell(raw: string): IsoDate | null {
  const v = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isIsoDate(v) ? v : null;
  return tryParseDateVi(v);
}

/** A money cell in the import's shapes (whole đồng, thousands grouped by one kind of separator), else null. */
export function moneyCell(raw: string): bigint | null {
  const v = raw.trim();
  if (!MONEY_SHAPE.test(v)) return null;
  const n = BigInt(v.replace(/[^\d]/g, ""));
  return n > 0n && n <= 10n ** 16n ? n : null;
}

/** Stable event identity → the ledger row's idempotency key (a UUID shaped from a SHA-256). */
export function eventKey(provinceId: string, caseNumber: string, identity: string): string {
  const h = createHash("sha256").update(`migration\u0000${provinceId}\u0000${caseNumber}\u0000${identity}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** "O1: 100.000.000; O2: trả lại xe" → obligations (a money amount or an act), or the message. */
export function parseObligations(raw: string): { ok: true; obligations: ObligationInput[] } | { ok: false; message: string } {
  const parts = raw
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean);
  const out: ObligationInput[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z0-9_-]{1,20})\s*:\s*(.+)$/.exec(part);
    if (!m) return { ok: false, message: `Các khoản phải thi hành: "${part}" phải có dạng "mã: số tiền" hoặc "mã: việc phải làm".` };
    const [, id, value] = m as unknown as [string, string, string];
    if (out.some((o) => o.id === id)) return { ok: false, message: `Các khoản phải thi hành: mã khoản "${id}" bị lặp.` };
    const amount = /^[\d.,\s]+(?:đ|₫|vnd|vnđ)?$/i.test(value.trim()) ? moneyCell(value) : undefined;
    if (amount === null) return { ok: false, message: `Các khoản phải thi hành: số tiền của khoản "${id}" không hợp lệ ("${value}").` };
    if (amount !== undefined) out.push({ id, kind: "money", amount });
    else if (value.length > 1000) return { ok: false, message: `Các khoản phải thi hành: việc phải làm của khoản "${id}" quá 1000 ký tự.` };
    else out.push({ id, kind: "act", description: value.trim() });
  }
  if (!out.length) return { ok: false, message: "Các khoản phải thi hành: không có khoản nào." };
  return { ok: true, obligations: out };
}

/** What converting a row needs about its case and the references in the file. */
export interface RowContext {
  decisionKind: "ex_officio" | "on_request";
  /** The decision's obligations when the row has no amount of its own. */
  obligations: readonly ObligationInput[];
  /** The executor named in the cases file (used by a decision without one). */
  defaultExecutorId?: string;
  /** Executor e-mail (lower case) → profile id, for executors of the case's unit. */
  executorIn(email: string): string | null;
  /** Province unit code → id (current provinces only). */
  provinceByCode(code: string): string | null;
  /** A district agency or regional office of the case's province by its code (dissolved ones too). */
  unitOfProvince(code: string): { id: string; dissolvedOn: string | null } | null;
}

export type RowEvent = { ok: true; event: CaseEvent; identity: string } | { ok: false; errors: ImportError[] };

/** The step of a row, by code name or Vietnamese label. */
export function stepOf(raw: string): CaseEventKind | undefined {
  return STEP_CODES.get(normalizeToken(raw));
}

/** One row of the events file → its event. `col(key)` is the header as written. */
export function rowEvent(row: SourceRow, ctx: RowContext, col: (key: string) => string): RowEvent {
  const v = cellsOf(row);
  const errors: ImportError[] = [];
  const bad = (key: string, message: string, code = "invalid") => errors.push({ line: row.line, column: col(key), code, message });
  const kind = stepOf(trim(v.loai_su_kien));
  if (!kind)
    bad("loai_su_kien", `Bước: "${trim(v.loai_su_kien)}" không phải một bước của việc thi hành án (mã hoặc tên tiếng Việt, xem mẫu).`);
  const date = dateCell(trim(v.ngay_thuc_hien));
  if (!date)
    bad("ngay_thuc_hien", `Ngày thực hiện: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ô đang ghi "${trim(v.ngay_thuc_hien)}").`);
  const eventId = trim(v.ma_su_kien);
  if (eventId.length > 100) bad("ma_su_kien", "Mã sự kiện: tối đa 100 ký tự.");
  const note = trim(v.ghi_chu);
  if (note.length > 1000) bad("ghi_chu", "Ghi chú: tối đa 1000 ký tự.");
  if (!kind || !date) return { ok: false, errors };

  const text = (key: string, label: string, max: number, required: boolean): string | undefined => {
    const t = trim(v[key]);
    if (!t) {
      if (required) bad(key, `${label}: bắt buộc với bước này.`);
      return undefined;
    }
    if (t.length > max) bad(key, `${label}: tối đa ${max} ký tự.`);
    return t;
  };
  const base = { effectiveDate: date, ...(note ? { note } : {}) };
  let event: CaseEvent | null = null;
  switch (kind) {
    case "acceptance":
      // The acceptance comes from the cases file; a row for it is checked against the case (see migrate.ts).
      event = { kind, ...base, provinceId: "", source: "court_transfer" };
      break;
    case "decision": {
      const decisionNumber = text("so_quyet_dinh", "Số quyết định thi hành án", 60, false);
      const modeRaw = trim(v.hinh_thuc);
      const mode = modeRaw
        ? ({ chu_dong: "ex_officio", ex_officio: "ex_officio", theo_yeu_cau: "on_request", on_request: "on_request" } as const)[
            normalizeToken(modeRaw) as "chu_dong"
          ]
        : ctx.decisionKind;
      if (!mode) bad("hinh_thuc", `Hình thức: chọn chu_dong hoặc theo_yeu_cau (ô đang ghi "${modeRaw}").`);
      const amountRaw = trim(v.so_tien);
      let obligations = ctx.obligations;
      if (amountRaw) {
        const amount = moneyCell(amountRaw);
        if (amount === null) bad("so_tien", `Số tiền: phải là số tiền nguyên dương tính bằng đồng (ô đang ghi "${amountRaw}").`);
        else obligations = [{ id: "O1", kind: "money", amount }];
      }
      const executorId = executorOf(v, ctx, bad) ?? ctx.defaultExecutorId;
      event = {
        kind,
        ...base,
        mode: mode ?? ctx.decisionKind,
        obligations,
        ...(decisionNumber ? { decisionNumber } : {}),
        ...(executorId ? { executorId } : {}),
      };
      break;
    }
    case "notification":
    case "resumption":
    case "completion":
    case "register_transfer":
      event = { kind, ...base };
      break;
    case "verification": {
      const findings = text("ket_qua_xac_minh", "Kết quả xác minh", 2000, false);
      event = { kind, ...base, ...(findings ? { findings } : {}) };
      break;
    }
    case "classification": {
      const result = RESULT_CODES[normalizeToken(trim(v.ket_qua))];
      if (!result) bad("ket_qua", `Kết quả phân loại: ghi co_dieu_kien hoặc chua_co_dieu_kien (ô đang ghi "${trim(v.ket_qua)}").`);
      event = { kind, ...base, result: result ?? "enforceable" };
      break;
    }
    case "payment": {
      const amount = moneyCell(trim(v.so_tien));
      if (amount === null) bad("so_tien", `Số tiền: bắt buộc, số tiền nguyên dương tính bằng đồng (ô đang ghi "${trim(v.so_tien)}").`);
      const receiptNumber = text("so_bien_lai", "Số biên lai", 40, false);
      const payer = text("nguoi_nop", "Người nộp", 200, false);
      const methodRaw = trim(v.hinh_thuc_nop);
      const method = methodRaw ? METHOD_CODES[normalizeToken(methodRaw)] : undefined;
      if (methodRaw && !method)
        bad("hinh_thuc_nop", `Hình thức nộp: tien_mat, chuyen_khoan, tien_ban_dau_gia hoặc khac (ô đang ghi "${methodRaw}").`);
      event = {
        kind,
        ...base,
        obligationId: trim(v.khoan) || "O1",
        amount: amount ?? 1n,
        ...(receiptNumber ? { receiptNumber } : {}),
        ...(payer ? { payer } : {}),
        ...(method ? { method } : {}),
      };
      break;
    }
    case "act_performed":
      event = { kind, ...base, obligationId: trim(v.khoan) || "O2" };
      break;
    case "enforcement_action": {
      const measure = MEASURE_CODES.get(normalizeToken(trim(v.bien_phap)));
      if (!measure) bad("bien_phap", `Biện pháp: không có biện pháp "${trim(v.bien_phap)}" (xem mẫu).`);
      event = { kind, ...base, measure: measure ?? "other" };
      break;
    }
    case "postponement":
    case "suspension": {
      const reason = text("ly_do", kind === "postponement" ? "Lý do hoãn" : "Lý do tạm đình chỉ", 1000, true);
      event = { kind, ...base, ...(reason ? { reason } : {}) };
      break;
    }
    case "termination": {
      const reason = text("ly_do", "Căn cứ đình chỉ", 1000, true);
      event = { kind, ...base, reason: reason ?? "" };
      break;
    }
    case "transfer": {
      const code = trim(v.tinh_nhan).toUpperCase();
      // To a military-region enforcement agency (L106 Art. 32(3)(đ)): named in words, instead of a province.
      // Bounded in characters by isAgencyName below (a character may take two UTF-16 units).
      const agency = text("quan_khu_nhan", AGENCY_LABEL, 2 * AGENCY_NAME_MAX, false);
      if (agency) {
        if (code) bad("quan_khu_nhan", BOTH_TARGETS);
        else if (!isAgencyName(agency)) bad("quan_khu_nhan", AGENCY_LENGTH);
        event = { kind, ...base, toMilitaryAgency: agency };
        break;
      }
      const to = code ? ctx.provinceByCode(code) : null;
      if (!to) bad("tinh_nhan", `Tỉnh nhận ủy thác: "${code}" không phải mã của một cục THADS tỉnh đang hoạt động.`);
      event = { kind, ...base, toProvinceId: to ?? "" };
      break;
    }
    case "intra_province_transfer": {
      // Before 01/07/2025, to another district agency of the province (the lifecycle checks the date).
      const code = trim(v.don_vi_nhan).toUpperCase();
      const unit = code ? ctx.unitOfProvince(code) : null;
      if (!unit) {
        bad(
          "don_vi_nhan",
          code
            ? `Đơn vị nhận ủy thác trong tỉnh: "${code}" không phải mã của một cơ quan thi hành án dân sự cấp huyện (phòng khu vực) của tỉnh đang thụ lý việc.`
            : "Đơn vị nhận ủy thác trong tỉnh: bắt buộc với bước này (mã đơn vị của cơ quan thi hành án dân sự cấp huyện nhận).",
        );
      } else if (date && unit.dissolvedOn !== null && unit.dissolvedOn <= date) {
        bad("don_vi_nhan", `Đơn vị nhận ủy thác trong tỉnh: "${code}" đã thôi hoạt động từ ngày ${formatDateVi(unit.dissolvedOn)}.`);
      }
      event = { kind, ...base, unitId: unit?.id ?? "" };
      break;
    }
    case "executor_change": {
      const executorId = executorOf(v, ctx, bad);
      if (!trim(v.chap_hanh_vien)) bad("chap_hanh_vien", "Chấp hành viên: bắt buộc với bước thay đổi chấp hành viên.");
      const reason = text("ly_do", "Lý do thay đổi", 500, false);
      event = { kind, ...base, executorId: executorId ?? "", ...(reason ? { reason } : {}) };
      break;
    }
    case "request_returned": {
      const noticeNumber = text("so_thong_bao", "Số thông báo gửi lại yêu cầu thi hành án", 60, false);
      event = { kind, ...base, ...(noticeNumber ? { noticeNumber } : {}) };
      break;
    }
    case "office_assignment":
      // A migrated case comes in at the office that holds it (the cases file's don_vi column).
      bad(
        "loai_su_kien",
        "Bước giao phòng thi hành án dân sự khu vực: không nhập qua tệp sự kiện; ghi phòng khu vực đang thụ lý việc ở cột don_vi của tệp hồ sơ.",
        "unsupported_step",
      );
      break;
    case "reorganisation":
      // A handover on reorganisation is the agency's maintenance, not a step a province brings in.
      bad(
        "loai_su_kien",
        "Bước chuyển giao do sắp xếp tổ chức bộ máy: không nhập qua tệp sự kiện; ghi đơn vị đang thụ lý việc ở cột don_vi của tệp hồ sơ.",
        "unsupported_step",
      );
      break;
    case "register_reopening":
    case "new_information": {
      const newInformation = text("thong_tin_moi", "Thông tin mới về điều kiện thi hành án", 2000, true);
      event = { kind, ...base, newInformation: newInformation ?? "" };
      break;
    }
  }
  if (errors.length || !event) return { ok: false, errors };
  return { ok: true, event, identity: eventId ? `id:${eventId}` : `${kind}|${date}` };
}

function executorOf(v: Cells, ctx: RowContext, bad: (key: string, message: string) => void): string | undefined {
  const email = trim(v.chap_hanh_vien).toLowerCase();
  if (!email) return undefined;
  const id = ctx.executorIn(email);
  if (!id) {
    bad("chap_hanh_vien", `Chấp hành viên: "${email}" không phải chấp hành viên của đơn vị thụ lý việc này.`);
    return undefined;
  }
  return id;
}

/** The rule error's column in the events file. */
export function columnOfRule(code: string, kind: CaseEventKind): string {
  switch (code) {
    case "invalid_date":
    case "out_of_order":
    case "voluntary_period_running":
    case "register_conditions_not_met":
      return "ngay_thuc_hien";
    case "unknown_obligation":
    case "wrong_obligation_kind":
    case "obligation_settled":
      return "khoan";
    case "invalid_amount":
    case "overpayment":
    case "nothing_outstanding":
    case "invalid_obligations":
      return "so_tien";
    case "missing_reason":
      return "ly_do";
    case "transfer_same_province":
      // A transfer within the province after its end date: the date is what is wrong.
      return kind === "intra_province_transfer" ? "ngay_thuc_hien" : "tinh_nhan";
    case "same_executor":
      return "chap_hanh_vien";
    case "wrong_decision_mode":
      return "hinh_thuc";
    case "missing_information":
      return "thong_tin_moi";
    default:
      return kind === "classification" && code === "invalid_event" ? "ket_qua" : "loai_su_kien";
  }
}

// ---------------------------------------------------------------------------------------------
// Snapshot mode
// ---------------------------------------------------------------------------------------------

/** A synthetic step of a snapshot, with the cases-file column its date or amount came from. */
export interface SnapshotStep {
  event: CaseEvent;
  column: string;
  identity: string;
}

const SNAPSHOT_STATUSES: readonly CaseStatus[] = [
  "accepted",
  "decided",
  "notified",
  "verified",
  "enforceable",
  "not_yet_enforceable",
  "enforcing",
  "postponed",
  "suspended",
  "completed",
  "terminated",
  "separate_register",
  "transferred_out",
];

/**
 * A case's state at the cut-over date → the minimal history that yields it: decision and its
 * notification (on the decision date), verification and classification (on the classification
 * date), the money collected so far as one payment, then the step that put the case in its status.
 * Each step is checked by the lifecycle as it is built (the voluntary period must be over before the
 * verification, the money not more than due…); the first refusal is returned with its column.
 */
export function snapshotHistory(
  v: Cells,
  c: {
    acceptance: CaseEvent;
    decisionKind: "ex_officio" | "on_request";
    caseNumber: string;
    obligations: readonly ObligationInput[];
    executorId?: string;
    cutover: IsoDate;
    /** A province bureau in operation, by its code (the receiving province of a transfer). */
    provinceByCode: (code: string) => string | null;
  },
): { ok: true; steps: SnapshotStep[]; status: CaseStatus } | { ok: false; column: string; message: string } {
  const statusRaw = trim(v.trang_thai);
  const status = STATUS_CODES.get(normalizeToken(statusRaw));
  if (!status || !SNAPSHOT_STATUSES.includes(status)) {
    return {
      ok: false,
      column: "trang_thai",
      message: `Trạng thái: "${statusRaw}" không dùng được ở chế độ ảnh chụp (${SNAPSHOT_STATUSES.join(", ")}; việc đã gửi lại yêu cầu thi hành án: dùng tệp sự kiện).`,
    };
  }
  const date = (key: string, fallback: IsoDate): { ok: true; on: IsoDate } | { ok: false; column: string; message: string } => {
    const raw = trim(v[key]);
    if (!raw) return { ok: true, on: fallback };
    const on = dateCell(raw);
    return on
      ? { ok: true, on }
      : { ok: false, column: key, message: `${key}: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ô đang ghi "${raw}").` };
  };
  const steps: SnapshotStep[] = [];
  let state: CaseState | null = null;
  const fail = (column: string, message: string) => ({ ok: false as const, column, message });
  const push = (event: CaseEvent, column: string): string | null => {
    const r = applyEvent(state, event);
    if (!r.ok) return r.error.message_vi;
    state = r.state;
    steps.push({ event, column, identity: `snapshot:${event.kind}:${steps.filter((s) => s.event.kind === event.kind).length}` });
    return null;
  };
  {
    const r = applyEvent(null, c.acceptance);
    if (!r.ok) return fail("ngay_thu_ly", r.error.message_vi);
    state = r.state;
  }
  if (status === "accepted") return { ok: true, steps, status };
  const decided = date("ngay_quyet_dinh", c.acceptance.effectiveDate);
  if (!decided.ok) return decided;
  const decisionNumber = trim(v.so_quyet_dinh) || c.caseNumber;
  let m = push(
    {
      kind: "decision",
      effectiveDate: decided.on,
      mode: c.decisionKind,
      obligations: c.obligations,
      decisionNumber: decisionNumber.slice(0, 60),
      ...(c.executorId ? { executorId: c.executorId } : {}),
    },
    "ngay_quyet_dinh",
  );
  if (m) return fail("ngay_quyet_dinh", m);
  if (status === "decided") return { ok: true, steps, status };
  m = push({ kind: "notification", effectiveDate: decided.on }, "ngay_quyet_dinh");
  if (m) return fail("ngay_quyet_dinh", m);
  const statusOn = date("ngay_trang_thai", c.cutover);
  if (!statusOn.ok) return statusOn;
  const reason = trim(v.ly_do);
  const interrupted = status === "postponed" || status === "suspended";
  const resultRaw = trim(v.ket_qua_phan_loai);
  const result = resultRaw
    ? RESULT_CODES[normalizeToken(resultRaw)]
    : status === "not_yet_enforceable" || status === "separate_register"
      ? "not_yet_enforceable"
      : "enforceable";
  if (!result) return fail("ket_qua_phan_loai", `Kết quả phân loại: ghi co_dieu_kien hoặc chua_co_dieu_kien (ô đang ghi "${resultRaw}").`);
  const classifiedRaw = trim(v.ngay_phan_loai);
  // A postponed, suspended or transferred case may never have been classified: only when its date is given.
  const classifies = status !== "notified" && (!(interrupted || status === "transferred_out") || classifiedRaw !== "");
  if (classifies) {
    const on = date("ngay_phan_loai", status === "verified" || status === "enforceable" ? statusOn.on : c.cutover);
    if (!on.ok) return on;
    m = push({ kind: "verification", effectiveDate: on.on }, "ngay_phan_loai");
    if (m) return fail("ngay_phan_loai", m);
    if (status !== "verified") {
      m = push({ kind: "classification", effectiveDate: on.on, result }, "ngay_phan_loai");
      if (m) return fail("ngay_phan_loai", m);
    }
  }
  const collectedRaw = trim(v.da_thu);
  if (collectedRaw) {
    const collected = moneyCell(collectedRaw);
    if (collected === null)
      return fail("da_thu", `Số tiền đã thu: phải là số tiền nguyên dương tính bằng đồng (ô đang ghi "${collectedRaw}").`);
    const on = date("ngay_thu", (state as CaseState | null)?.lastEventDate ?? c.cutover);
    if (!on.ok) return on;
    let left = collected;
    for (const o of c.obligations) {
      if (o.kind !== "money" || left === 0n) continue;
      const amount = left < o.amount ? left : o.amount;
      m = push({ kind: "payment", effectiveDate: on.on, obligationId: o.id, amount }, "da_thu");
      if (m) return fail("da_thu", m);
      left -= amount;
    }
    if (left > 0n) return fail("da_thu", "Số tiền đã thu: lớn hơn tổng các khoản tiền phải thi hành.");
  }
  const needsDate = !["notified", "verified", "enforceable", "not_yet_enforceable"].includes(status);
  if (needsDate && !trim(v.ngay_trang_thai) && status !== "enforcing") {
    return fail("ngay_trang_thai", `Ngày có trạng thái: bắt buộc với trạng thái "${statusRaw}".`);
  }
  const end = (event: CaseEvent) => {
    const e = push(event, "ngay_trang_thai");
    return e ? fail("ngay_trang_thai", e) : null;
  };
  let r: ReturnType<typeof end> = null;
  switch (status) {
    case "enforcing":
      if ((state as CaseState | null)?.status !== "enforcing")
        r = end({ kind: "enforcement_action", effectiveDate: statusOn.on, measure: "other" });
      break;
    case "completed":
      for (const o of c.obligations) {
        if (o.kind === "act" && !r) r = end({ kind: "act_performed", effectiveDate: statusOn.on, obligationId: o.id });
      }
      if (!r) r = end({ kind: "completion", effectiveDate: statusOn.on });
      break;
    case "terminated":
      if (!reason) return fail("ly_do", "Lý do / căn cứ: bắt buộc khi đình chỉ thi hành án.");
      r = end({ kind: "termination", effectiveDate: statusOn.on, reason });
      break;
    case "postponed":
    case "suspended":
      if (!reason) return fail("ly_do", "Lý do / căn cứ: bắt buộc khi hoãn hoặc tạm đình chỉ.");
      r = end({ kind: status === "postponed" ? "postponement" : "suspension", effectiveDate: statusOn.on, reason });
      break;
    case "separate_register":
      r = end({ kind: "register_transfer", effectiveDate: statusOn.on });
      break;
    case "transferred_out": {
      const code = trim(v.tinh_nhan).toUpperCase();
      const agency = trim(v.quan_khu_nhan);
      if (agency) {
        if (code) return fail("quan_khu_nhan", BOTH_TARGETS);
        if (!isAgencyName(agency)) return fail("quan_khu_nhan", AGENCY_LENGTH);
        r = end({ kind: "transfer", effectiveDate: statusOn.on, toMilitaryAgency: agency });
        break;
      }
      const to = code ? c.provinceByCode(code) : null;
      if (!to) {
        return fail(
          "tinh_nhan",
          code
            ? `Tỉnh nhận ủy thác: "${code}" không phải mã của một cục THADS tỉnh đang hoạt động.`
            : "Tỉnh nhận ủy thác: bắt buộc với trạng thái đã ủy thác (mã đơn vị của cục THADS tỉnh nhận), hoặc ghi cơ quan thi hành án cấp quân khu nhận ở cột quan_khu_nhan.",
        );
      }
      r = end({ kind: "transfer", effectiveDate: statusOn.on, toProvinceId: to });
      break;
    }
  }
  if (r) return r;
  const reached = (state as CaseState | null)?.status;
  if (reached !== status) {
    return fail("trang_thai", `Trạng thái: các ngày và số tiền trên dòng dẫn tới trạng thái "${reached}", không phải "${status}".`);
  }
  return { ok: true, steps, status };
}
