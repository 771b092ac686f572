import { describe, expect, it } from "vitest";
import { CASE_EVENT_KINDS, type CaseEvent, type CaseEventKind } from "@thads/domain";
import { EVENT_FORMATTERS, describeTimeline, type TimelineEntry } from "../app/routes/cases/event-facts.ts";
import type { Lang } from "../app/i18n.ts";

type EventOf<K extends CaseEventKind> = Extract<CaseEvent, { kind: K }>;

const EXECUTOR_A = "0b6f1a52-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
const EXECUTOR_B = "1c7a2b63-4d5e-4f60-9b7c-8d9e0f1a2b3c";
const HA_NOI = "2d8b3c74-5e6f-4071-8c8d-9e0f1a2b3c4d";
const UNIT = "3e9c4d85-6f70-4182-9d9e-0f1a2b3c4d5e";
const NAMES = {
  [EXECUTOR_A]: "Nguyễn Văn An",
  [EXECUTOR_B]: "Lê Thị Bình",
  [HA_NOI]: "THADS thành phố Hà Nội",
  [UNIT]: "Phòng THADS khu vực 1",
};
const OBLIGATIONS = [
  { code: "O1", description: null },
  { code: "O2", description: "Trả lại xe máy biển số 15B1-234.56" },
];

/** The event's ledger row as the case page's loader gives it (money as decimal strings). */
function entry(event: CaseEvent): TimelineEntry {
  const { kind, effectiveDate, ...rest } = event as CaseEvent & Record<string, unknown>;
  return { kind, effectiveDate, payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) };
}

const describe1 = (event: CaseEvent, lang: Lang = "vi") =>
  describeTimeline([entry(event)], { lang, names: NAMES, obligations: OBLIGATIONS })[0]!;
const text = (d: { label: string; facts: { label: string | null; value: string }[] }) =>
  [d.label, ...d.facts.map((f) => (f.label ? `${f.label}: ${f.value}` : f.value))].join(" · ");

/** One event of every kind with its facts, and what its timeline line must say. */
const SAMPLES: { readonly [K in CaseEventKind]: [EventOf<K>, string[]] } = {
  acceptance: [
    { kind: "acceptance", effectiveDate: "2026-10-05", provinceId: HA_NOI, unitId: UNIT, source: "court_transfer" },
    ["Thụ lý", "Nguồn thụ lý: Tòa án chuyển giao", "Đơn vị: Phòng THADS khu vực 1"],
  ],
  decision: [
    {
      kind: "decision",
      effectiveDate: "2026-10-07",
      mode: "on_request",
      decisionNumber: "12/QĐ-THADS",
      obligations: [
        { id: "O1", kind: "money", amount: 1_234_567n },
        { id: "O2", kind: "act", description: "Trả lại xe máy" },
      ],
    },
    [
      "Ra quyết định thi hành án",
      "Số quyết định: 12/QĐ-THADS",
      "Ngày ra quyết định: 07/10/2026",
      "Hình thức: Theo yêu cầu",
      "Phải thi hành: 1.234.567 ₫",
      "Nghĩa vụ phải làm: Trả lại xe máy",
    ],
  ],
  notification: [
    { kind: "notification", effectiveDate: "2026-10-09", note: "Giao trực tiếp" },
    ["Thông báo thi hành án", "Ghi chú: Giao trực tiếp"],
  ],
  verification: [
    { kind: "verification", effectiveDate: "2026-10-21", findings: "Có nhà đất tại Lê Chân", debtorImprisonedOrUnknownAddress: true },
    ["Xác minh điều kiện thi hành án", "Kết quả xác minh: Có nhà đất tại Lê Chân", "Người phải thi hành án đang chấp hành án phạt tù"],
  ],
  classification: [
    { kind: "classification", effectiveDate: "2026-10-22", result: "not_yet_enforceable" },
    ["Phân loại điều kiện thi hành án", "Kết quả: Chưa có điều kiện thi hành"],
  ],
  payment: [
    {
      kind: "payment",
      effectiveDate: "2026-11-01",
      obligationId: "O1",
      amount: 100_000_000n,
      receiptNumber: "BL-001",
      payer: "Trần Thị Bích",
      method: "bank_transfer",
    },
    [
      "Thu tiền",
      "Số tiền: 100.000.000 ₫",
      "Số biên lai: BL-001",
      "Người nộp: Trần Thị Bích",
      "Hình thức nộp: Chuyển khoản",
      "Khoản phải thi hành: O1",
    ],
  ],
  act_performed: [
    { kind: "act_performed", effectiveDate: "2026-11-02", obligationId: "O2" },
    ["Thực hiện nghĩa vụ", "Nghĩa vụ: Trả lại xe máy biển số 15B1-234.56"],
  ],
  enforcement_action: [
    { kind: "enforcement_action", effectiveDate: "2026-11-03", measure: "price_reduction", reductionPercent: 10 },
    ["Áp dụng biện pháp", "Biện pháp: Giảm giá tài sản", "Mức giảm: 10%"],
  ],
  postponement: [
    { kind: "postponement", effectiveDate: "2026-11-04", reason: "Người phải thi hành án ốm nặng" },
    ["Hoãn thi hành án", "Lý do: Người phải thi hành án ốm nặng"],
  ],
  suspension: [
    { kind: "suspension", effectiveDate: "2026-11-05", reason: "Tòa án thụ lý đơn phá sản" },
    ["Tạm đình chỉ thi hành án", "Lý do: Tòa án thụ lý đơn phá sản"],
  ],
  resumption: [
    { kind: "resumption", effectiveDate: "2026-11-06", note: "Hết lý do tạm đình chỉ" },
    ["Tiếp tục thi hành án", "Ghi chú: Hết lý do tạm đình chỉ"],
  ],
  termination: [
    { kind: "termination", effectiveDate: "2026-11-07", reason: "Người được thi hành án từ bỏ quyền" },
    ["Đình chỉ thi hành án", "Căn cứ đình chỉ: Người được thi hành án từ bỏ quyền"],
  ],
  completion: [{ kind: "completion", effectiveDate: "2026-11-08", note: "Đã thu đủ" }, ["Thi hành xong", "Ghi chú: Đã thu đủ"]],
  transfer: [
    { kind: "transfer", effectiveDate: "2026-11-09", toProvinceId: HA_NOI },
    ["Ủy thác thi hành án", "Tỉnh nhận ủy thác: THADS thành phố Hà Nội"],
  ],
  executor_change: [
    { kind: "executor_change", effectiveDate: "2026-11-10", executorId: EXECUTOR_A },
    ["Phân công chấp hành viên", "Chấp hành viên: Nguyễn Văn An"],
  ],
  register_transfer: [
    { kind: "register_transfer", effectiveDate: "2026-11-11", note: "Hết hạn xác minh lại" },
    ["Chuyển sổ theo dõi riêng", "Ghi chú: Hết hạn xác minh lại"],
  ],
  request_returned: [
    { kind: "request_returned", effectiveDate: "2026-11-12", noticeNumber: "45/TB-THADS" },
    ["Gửi lại yêu cầu thi hành án", "Số thông báo: 45/TB-THADS"],
  ],
  register_reopening: [
    { kind: "register_reopening", effectiveDate: "2026-11-13", newInformation: "Ngân hàng báo có tài khoản mới" },
    ["Xác minh lại khi có thông tin mới", "Thông tin mới: Ngân hàng báo có tài khoản mới"],
  ],
  office_assignment: [
    { kind: "office_assignment", effectiveDate: "2026-11-14", unitId: UNIT },
    ["Giao phòng thi hành án dân sự khu vực", "Phòng được giao: Phòng THADS khu vực 1"],
  ],
  new_information: [
    { kind: "new_information", effectiveDate: "2025-04-02", newInformation: "Người phải thi hành án có tài khoản tại Vietcombank" },
    ["Tiếp nhận thông tin mới về điều kiện thi hành án", "Thông tin mới: Người phải thi hành án có tài khoản tại Vietcombank"],
  ],
  intra_province_transfer: [
    { kind: "intra_province_transfer", effectiveDate: "2024-05-06", unitId: UNIT },
    ["Ủy thác cho cơ quan thi hành án dân sự cấp huyện khác trong tỉnh (trước 01/07/2025)", "Đơn vị nhận: Phòng THADS khu vực 1"],
  ],
  reorganisation: [
    {
      kind: "reorganisation",
      effectiveDate: "2025-07-01",
      unitId: UNIT,
      fromUnitId: HA_NOI,
      basis: "Sắp xếp đơn vị hành chính từ 01/07/2025",
    },
    [
      "Chuyển giao do sắp xếp tổ chức bộ máy",
      "Đơn vị giao: THADS thành phố Hà Nội",
      "Đơn vị nhận: Phòng THADS khu vực 1",
      "Căn cứ: Sắp xếp đơn vị hành chính từ 01/07/2025",
    ],
  ],
};

describe("the timeline's facts of each step", () => {
  it("has a formatter for every kind of the ledger", () => {
    expect(Object.keys(EVENT_FORMATTERS).sort()).toEqual([...CASE_EVENT_KINDS].sort());
  });

  it.each(CASE_EVENT_KINDS.map((k) => [k, ...SAMPLES[k]] as const))("%s: its name and its own facts", (_kind, event, expected) => {
    const line = text(describe1(event as CaseEvent));
    for (const part of expected) expect(line).toContain(part);
  });

  it("speaks English with the same facts", () => {
    expect(text(describe1(SAMPLES.decision[0], "en"))).toBe(
      "Enforcement decision · Decision no.: 12/QĐ-THADS · Decision date: 07/10/2026 · Mode: On request · Due: 1.234.567 ₫ · Act to perform: Trả lại xe máy",
    );
    expect(text(describe1(SAMPLES.payment[0], "en"))).toContain("Payment collected · Amount: 100.000.000 ₫ · Receipt no.: BL-001");
  });

  it("leaves out facts the step does not carry", () => {
    const d = describe1({ kind: "postponement", effectiveDate: "2026-11-04" });
    expect(d).toEqual({ label: "Hoãn thi hành án", facts: [] });
    expect(describe1({ kind: "verification", effectiveDate: "2026-10-21", debtorImprisonedOrUnknownAddress: false }).facts).toEqual([]);
  });

  it("says 'unknown' for a person the reader may not see, and reads a row the schema refuses as its kind alone", () => {
    const hidden = "4fad5e96-7081-4293-8eaf-1a2b3c4d5e6f";
    expect(text(describe1({ kind: "executor_change", effectiveDate: "2026-11-10", executorId: hidden }))).toBe(
      "Phân công chấp hành viên · Chấp hành viên: không rõ",
    );
    const broken = describeTimeline([{ kind: "payment", effectiveDate: "2026-11-01", payload: { amount: "abc" } }], {
      lang: "vi",
      names: NAMES,
      obligations: OBLIGATIONS,
    });
    expect(broken).toEqual([{ label: "payment", facts: [] }]);
  });

  it("says when a step was moved in from the former software, from its history or made from a snapshot", () => {
    const rows = describeTimeline(
      [
        { kind: "notification", effectiveDate: "2025-11-06", payload: { migrated: "history" } },
        { kind: "notification", effectiveDate: "2025-11-06", payload: { migrated: "snapshot" } },
        { kind: "notification", effectiveDate: "2025-11-06", payload: {} },
      ],
      { lang: "vi", names: NAMES, obligations: OBLIGATIONS },
    );
    expect(rows.map((r) => r.facts.map((f) => f.value))).toEqual([
      ["Chuyển đổi từ phần mềm cũ"],
      ["Chuyển đổi từ phần mềm cũ (tạo từ trạng thái tại ngày chuyển đổi)"],
      [],
    ]);
  });
});

describe("assignment and change of executor", () => {
  const accepted: CaseEvent = SAMPLES.acceptance[0];
  const assign = (executorId: string, reason?: string): CaseEvent => ({
    kind: "executor_change",
    effectiveDate: "2026-10-08",
    executorId,
    ...(reason ? { reason } : {}),
  });
  const labels = (events: CaseEvent[], lang: Lang = "vi") =>
    describeTimeline(events.map(entry), { lang, names: NAMES, obligations: OBLIGATIONS }).map((d) => d.label);

  it("labels the first executor an assignment and a later one a change, with its reason", () => {
    const events = [accepted, assign(EXECUTOR_A), assign(EXECUTOR_B, "Chấp hành viên nghỉ phép dài ngày")];
    expect(labels(events)).toEqual(["Thụ lý", "Phân công chấp hành viên", "Thay đổi chấp hành viên"]);
    expect(labels(events, "en")).toEqual(["Case accepted", "Executor assigned", "Executor changed"]);
    const change = describeTimeline(events.map(entry), { lang: "vi", names: NAMES, obligations: OBLIGATIONS })[2]!;
    expect(text(change)).toBe("Thay đổi chấp hành viên · Chấp hành viên: Lê Thị Bình · Lý do thay đổi: Chấp hành viên nghỉ phép dài ngày");
  });

  it("counts an executor named on the decision as the first assignment", () => {
    const decided: CaseEvent = { ...SAMPLES.decision[0], executorId: EXECUTOR_A };
    expect(text(describe1(decided))).toContain("Chấp hành viên: Nguyễn Văn An");
    expect(labels([accepted, decided, assign(EXECUTOR_B, "Điều động")])[2]).toBe("Thay đổi chấp hành viên");
  });
});
