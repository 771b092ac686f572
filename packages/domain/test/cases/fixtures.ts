import { deriveState, type CaseEvent, type CaseState, type CaseStatus } from "../../src/cases/index.ts";

export const PROVINCE = "province-hai-phong";
export const OTHER_PROVINCE = "province-ha-noi";

export const acceptance = (effectiveDate = "2025-03-03"): CaseEvent => ({
  kind: "acceptance",
  effectiveDate,
  provinceId: PROVINCE,
  unitId: "unit-hp-kv01",
  source: "creditor_request",
});

export const decision = (effectiveDate = "2025-03-05", amount = 1_000_000n): CaseEvent => ({
  kind: "decision",
  effectiveDate,
  mode: "on_request",
  decisionNumber: "15/QĐ-CTHADS",
  executorId: "executor-1",
  obligations: [
    { id: "m1", kind: "money", amount, description: "Trả nợ ngân hàng" },
    { id: "a1", kind: "act", description: "Trả lại xe máy biển số 15B1-123.45" },
  ],
});

/** The ledger that brings a case to each status (voluntary period of 7 Mar 2025 ends 17 Mar 2025). */
export const LEDGERS: Record<CaseStatus, CaseEvent[]> = (() => {
  const a = acceptance();
  const dec = decision();
  const notif: CaseEvent = { kind: "notification", effectiveDate: "2025-03-07" };
  const verif: CaseEvent = { kind: "verification", effectiveDate: "2025-03-20" };
  const enf: CaseEvent = { kind: "classification", effectiveDate: "2025-03-21", result: "enforceable" };
  const upToEnforceable = [a, dec, notif, verif, enf];
  return {
    accepted: [a],
    decided: [a, dec],
    notified: [a, dec, notif],
    verified: [a, dec, notif, verif],
    enforceable: upToEnforceable,
    not_yet_enforceable: [a, dec, notif, verif, { kind: "classification", effectiveDate: "2025-03-21", result: "not_yet_enforceable" }],
    enforcing: [...upToEnforceable, { kind: "enforcement_action", effectiveDate: "2025-03-24", measure: "seizure" }],
    postponed: [...upToEnforceable, { kind: "postponement", effectiveDate: "2025-03-25", reason: "Người phải thi hành án ốm nặng" }],
    suspended: [...upToEnforceable, { kind: "suspension", effectiveDate: "2025-03-25", reason: "Kháng nghị giám đốc thẩm" }],
    completed: [
      ...upToEnforceable,
      { kind: "payment", effectiveDate: "2025-03-26", obligationId: "m1", amount: 1_000_000n },
      { kind: "act_performed", effectiveDate: "2025-03-27", obligationId: "a1" },
      { kind: "completion", effectiveDate: "2025-03-28" },
    ],
    terminated: [...upToEnforceable, { kind: "termination", effectiveDate: "2025-03-28", reason: "Người được thi hành án từ bỏ quyền" }],
    transferred_out: [...upToEnforceable, { kind: "transfer", effectiveDate: "2025-03-28", toProvinceId: OTHER_PROVINCE }],
    // Old rules: not yet enforceable on 20/03/2024, verified twice, moved a year and a day later.
    separate_register: [
      { ...a, effectiveDate: "2024-02-01" },
      { ...dec, effectiveDate: "2024-02-05" },
      { kind: "notification", effectiveDate: "2024-02-06" },
      { kind: "verification", effectiveDate: "2024-03-19" },
      { kind: "classification", effectiveDate: "2024-03-20", result: "not_yet_enforceable" },
      { kind: "verification", effectiveDate: "2024-09-16" },
      { kind: "classification", effectiveDate: "2024-09-16", result: "not_yet_enforceable" },
      { kind: "verification", effectiveDate: "2025-03-17" },
      { kind: "classification", effectiveDate: "2025-03-17", result: "not_yet_enforceable" },
      { kind: "register_transfer", effectiveDate: "2025-03-21" },
    ],
    // 2026 rules, on request: not yet enforceable on 15/07/2026, request returned once the two years (to 17/07/2028, the 15th a Saturday) are over.
    returned: [
      { ...a, effectiveDate: "2026-07-01" },
      { ...dec, effectiveDate: "2026-07-03" },
      { kind: "notification", effectiveDate: "2026-07-03" },
      { kind: "verification", effectiveDate: "2026-07-14" },
      { kind: "classification", effectiveDate: "2026-07-15", result: "not_yet_enforceable" },
      { kind: "verification", effectiveDate: "2027-01-12" },
      { kind: "classification", effectiveDate: "2027-01-12", result: "not_yet_enforceable" },
      { kind: "request_returned", effectiveDate: "2028-07-18", noticeNumber: "12/TB-THADS" },
    ],
  };
})();

export function stateOf(events: readonly CaseEvent[]): CaseState {
  const r = deriveState(events);
  if (!r.ok) throw new Error(`fixture ledger invalid: ${r.error.code} ${r.error.message_en}`);
  if (r.state === null) throw new Error("fixture ledger empty");
  return r.state;
}

export function reach(status: CaseStatus): CaseState {
  const s = stateOf(LEDGERS[status]);
  if (s.status !== status) throw new Error(`fixture for ${status} reached ${s.status}`);
  return s;
}
