import { describe, expect, it } from "vitest";
import {
  AGENCY_NAME_MAX,
  AGENCY_NAME_MIN,
  caseEventSchema,
  ENTRUSTING_DECISION_NUMBER_MAX,
  isAgencyName,
  appendEvent,
  applyEvent,
  CASE_EVENT_KINDS,
  CASE_STATUSES,
  deriveState,
  deriveStateOrThrow,
  isInVoluntaryPeriod,
  nextActions,
  stateAsOf,
  CaseRuleViolation,
  type CaseEvent,
  type CaseEventKind,
  type CaseState,
  type CaseStatus,
} from "../../src/cases/index.ts";
import { acceptance, decision, LEDGERS, OTHER_PROVINCE, PROVINCE, reach, stateOf } from "./fixtures.ts";

/** A date after every fixture event (and after every voluntary period). */
const PROBE = "2025-06-02";

/** A valid-looking event of each kind, dated PROBE. */
function probe(kind: CaseEventKind, effectiveDate = PROBE): CaseEvent {
  switch (kind) {
    case "acceptance":
      return { kind, effectiveDate, provinceId: PROVINCE, source: "court_transfer" };
    case "decision":
      return { ...(decision(effectiveDate) as CaseEvent & { kind: "decision" }) };
    case "notification":
    case "resumption":
    case "completion":
      return { kind, effectiveDate };
    case "verification":
      return { kind, effectiveDate };
    case "classification":
      return { kind, effectiveDate, result: "enforceable" };
    case "payment":
      return { kind, effectiveDate, obligationId: "m1", amount: 1n };
    case "act_performed":
      return { kind, effectiveDate, obligationId: "a1" };
    case "enforcement_action":
      return { kind, effectiveDate, measure: "seizure" };
    case "postponement":
    case "suspension":
      return { kind, effectiveDate, reason: "lý do" };
    case "termination":
      return { kind, effectiveDate, reason: "Người phải thi hành án chết không để lại di sản" };
    case "transfer":
      return { kind, effectiveDate, toProvinceId: OTHER_PROVINCE };
    case "executor_change":
      return { kind, effectiveDate, executorId: "executor-2", reason: "Điều động chấp hành viên" };
    case "register_transfer":
      return { kind, effectiveDate };
    case "request_returned":
      return { kind, effectiveDate, noticeNumber: "1/TB-THADS" };
    case "register_reopening":
      return { kind, effectiveDate, newInformation: "Người phải thi hành án được nhận thừa kế" };
    case "office_assignment":
      return { kind, effectiveDate, unitId: "unit-hp-kv02" };
    case "reorganisation":
      // The fixtures' cases are held by regional office 1.
      return { kind, effectiveDate, unitId: "unit-hp-kv03", fromUnitId: "unit-hp-kv01", basis: "Sắp xếp đơn vị từ 01/07/2025" };
    case "intra_province_transfer":
      return { kind, effectiveDate, unitId: "unit-hp-kv02" };
    case "new_information":
      return { kind, effectiveDate, newInformation: "Người phải thi hành án có tài khoản mới tại ngân hàng" };
  }
}

/** The probe date of a status whose fixture ends after PROBE. */
const probeDate = (status: CaseStatus) => (status === "returned" ? "2028-08-01" : PROBE);

type Outcome = CaseStatus | `!${string}`;
const CLOSED_ROW = (): Record<CaseEventKind, Outcome> => {
  const row = {} as Record<CaseEventKind, Outcome>;
  for (const k of CASE_EVENT_KINDS) row[k] = k === "acceptance" ? "!already_accepted" : "!case_closed";
  return row;
};
const INTERRUPTED_ROW = (self: CaseStatus): Record<CaseEventKind, Outcome> => ({
  acceptance: "!already_accepted",
  decision: "!already_decided",
  notification: "!already_notified",
  verification: "!interrupted",
  classification: "!interrupted",
  payment: "!interrupted",
  act_performed: "!interrupted",
  enforcement_action: "!interrupted",
  postponement: "!interrupted",
  suspension: "!interrupted",
  resumption: "enforceable",
  termination: "terminated",
  completion: "!interrupted",
  transfer: "!interrupted",
  executor_change: self,
  register_transfer: "!interrupted",
  request_returned: "!interrupted",
  register_reopening: "!not_in_separate_register",
  office_assignment: "!already_decided",
  reorganisation: self,
  intra_province_transfer: "!interrupted",
  new_information: "!not_not_yet_enforceable",
});

/**
 * EVERY (status × event kind) pair: the resulting status, or "!code" when refused.
 * Written out by hand from docs/domain.md §3 — not derived from the implementation.
 */
const MATRIX: Record<CaseStatus, Record<CaseEventKind, Outcome>> = {
  accepted: {
    acceptance: "!already_accepted",
    decision: "decided",
    notification: "!no_decision",
    verification: "!no_decision",
    classification: "!no_decision",
    payment: "!no_decision",
    act_performed: "!no_decision",
    enforcement_action: "!no_decision",
    postponement: "!no_decision",
    suspension: "!no_decision",
    resumption: "!not_interrupted",
    termination: "!no_decision",
    completion: "!no_decision",
    transfer: "!no_decision",
    executor_change: "accepted",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!register_conditions_not_met",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!not_held_by_bureau",
    reorganisation: "accepted",
    intra_province_transfer: "!no_decision",
    new_information: "!not_not_yet_enforceable",
  },
  decided: {
    acceptance: "!already_accepted",
    decision: "!already_decided",
    notification: "notified",
    verification: "!not_notified",
    classification: "!not_notified",
    payment: "!not_notified",
    act_performed: "!not_notified",
    enforcement_action: "!not_enforceable",
    postponement: "postponed",
    suspension: "suspended",
    resumption: "!not_interrupted",
    termination: "terminated",
    completion: "!not_notified",
    transfer: "transferred_out",
    executor_change: "decided",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!register_conditions_not_met",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!already_decided",
    reorganisation: "decided",
    intra_province_transfer: "decided",
    new_information: "!not_not_yet_enforceable",
  },
  notified: {
    acceptance: "!already_accepted",
    decision: "!already_decided",
    notification: "!already_notified",
    verification: "verified",
    classification: "!not_verified",
    payment: "notified",
    act_performed: "notified",
    enforcement_action: "!not_enforceable",
    postponement: "postponed",
    suspension: "suspended",
    resumption: "!not_interrupted",
    termination: "terminated",
    completion: "!obligations_not_settled",
    transfer: "transferred_out",
    executor_change: "notified",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!register_conditions_not_met",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!already_decided",
    reorganisation: "notified",
    intra_province_transfer: "notified",
    new_information: "!not_not_yet_enforceable",
  },
  verified: {
    acceptance: "!already_accepted",
    decision: "!already_decided",
    notification: "!already_notified",
    verification: "!awaiting_classification",
    classification: "enforceable",
    payment: "verified",
    act_performed: "verified",
    enforcement_action: "!not_enforceable",
    postponement: "postponed",
    suspension: "suspended",
    resumption: "!not_interrupted",
    termination: "terminated",
    completion: "!obligations_not_settled",
    transfer: "transferred_out",
    executor_change: "verified",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!register_conditions_not_met",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!already_decided",
    reorganisation: "verified",
    intra_province_transfer: "verified",
    new_information: "!not_not_yet_enforceable",
  },
  enforceable: {
    acceptance: "!already_accepted",
    decision: "!already_decided",
    notification: "!already_notified",
    verification: "enforceable",
    classification: "!not_verified",
    payment: "enforcing",
    act_performed: "enforcing",
    enforcement_action: "enforcing",
    postponement: "postponed",
    suspension: "suspended",
    resumption: "!not_interrupted",
    termination: "terminated",
    completion: "!obligations_not_settled",
    transfer: "transferred_out",
    executor_change: "enforceable",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!register_conditions_not_met",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!already_decided",
    reorganisation: "enforceable",
    intra_province_transfer: "enforceable",
    new_information: "!not_not_yet_enforceable",
  },
  not_yet_enforceable: {
    acceptance: "!already_accepted",
    decision: "!already_decided",
    notification: "!already_notified",
    verification: "not_yet_enforceable",
    classification: "!not_verified",
    payment: "not_yet_enforceable",
    act_performed: "not_yet_enforceable",
    enforcement_action: "!not_enforceable",
    postponement: "postponed",
    suspension: "suspended",
    resumption: "!not_interrupted",
    termination: "terminated",
    completion: "!obligations_not_settled",
    transfer: "transferred_out",
    executor_change: "not_yet_enforceable",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!wrong_decision_mode",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!already_decided",
    reorganisation: "not_yet_enforceable",
    intra_province_transfer: "not_yet_enforceable",
    new_information: "not_yet_enforceable",
  },
  enforcing: {
    acceptance: "!already_accepted",
    decision: "!already_decided",
    notification: "!already_notified",
    verification: "enforcing",
    classification: "!not_verified",
    payment: "enforcing",
    act_performed: "enforcing",
    enforcement_action: "enforcing",
    postponement: "postponed",
    suspension: "suspended",
    resumption: "!not_interrupted",
    termination: "terminated",
    completion: "!obligations_not_settled",
    transfer: "transferred_out",
    executor_change: "enforcing",
    register_transfer: "!register_conditions_not_met",
    request_returned: "!register_conditions_not_met",
    register_reopening: "!not_in_separate_register",
    office_assignment: "!already_decided",
    reorganisation: "enforcing",
    intra_province_transfer: "enforcing",
    new_information: "!not_not_yet_enforceable",
  },
  postponed: INTERRUPTED_ROW("postponed"),
  suspended: INTERRUPTED_ROW("suspended"),
  completed: CLOSED_ROW(),
  terminated: CLOSED_ROW(),
  transferred_out: CLOSED_ROW(),
  separate_register: {
    acceptance: "!already_accepted",
    decision: "!in_separate_register",
    notification: "!in_separate_register",
    verification: "!in_separate_register",
    classification: "!in_separate_register",
    payment: "!in_separate_register",
    act_performed: "!in_separate_register",
    enforcement_action: "!in_separate_register",
    postponement: "!in_separate_register",
    suspension: "!in_separate_register",
    resumption: "!in_separate_register",
    termination: "!in_separate_register",
    completion: "!in_separate_register",
    transfer: "!in_separate_register",
    executor_change: "separate_register",
    register_transfer: "!in_separate_register",
    request_returned: "!in_separate_register",
    register_reopening: "not_yet_enforceable",
    office_assignment: "!in_separate_register",
    reorganisation: "separate_register",
    intra_province_transfer: "!in_separate_register",
    new_information: "!in_separate_register",
  },
  returned: CLOSED_ROW(),
};

/** nextActions(state, PROBE) for each fixture state, by hand. */
const NEXT_ACTIONS: Record<CaseStatus, CaseEventKind[]> = {
  accepted: ["decision", "executor_change"],
  decided: [
    "notification",
    "enforcement_action",
    "postponement",
    "suspension",
    "termination",
    "transfer",
    "executor_change",
    "intra_province_transfer",
  ],
  notified: [
    "verification",
    "payment",
    "act_performed",
    "enforcement_action",
    "postponement",
    "suspension",
    "termination",
    "transfer",
    "executor_change",
    "intra_province_transfer",
  ],
  verified: [
    "classification",
    "payment",
    "act_performed",
    "enforcement_action",
    "postponement",
    "suspension",
    "termination",
    "transfer",
    "executor_change",
    "intra_province_transfer",
  ],
  enforceable: [
    "verification",
    "payment",
    "act_performed",
    "enforcement_action",
    "postponement",
    "suspension",
    "termination",
    "transfer",
    "executor_change",
    "intra_province_transfer",
  ],
  not_yet_enforceable: [
    "verification",
    "payment",
    "act_performed",
    "enforcement_action",
    "postponement",
    "suspension",
    "termination",
    "transfer",
    "executor_change",
    "intra_province_transfer",
    "new_information",
  ],
  enforcing: [
    "verification",
    "payment",
    "act_performed",
    "enforcement_action",
    "postponement",
    "suspension",
    "termination",
    "transfer",
    "executor_change",
    "intra_province_transfer",
  ],
  postponed: ["resumption", "termination", "executor_change"],
  suspended: ["resumption", "termination", "executor_change"],
  completed: [],
  terminated: [],
  transferred_out: [],
  separate_register: ["executor_change", "register_reopening"],
  returned: [],
};

describe("transition matrix: every status × every event kind", () => {
  it("covers all 14 statuses and 22 event kinds", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...CASE_STATUSES].sort());
    expect(CASE_EVENT_KINDS).toHaveLength(22);
  });

  it("a handover on reorganisation moves the case to the successor, names the unit that held it, and is never offered", () => {
    const state = reach("enforcing");
    const r = applyEvent(state, probe("reorganisation"));
    expect(r.ok && r.state.unitId).toBe("unit-hp-kv03");
    const wrong = applyEvent(state, { kind: "reorganisation", effectiveDate: PROBE, unitId: "unit-hp-kv03", fromUnitId: "unit-hp-kv02" });
    expect(wrong.ok ? null : wrong.error.code).toBe("not_holding_unit");
    const same = applyEvent(state, { kind: "reorganisation", effectiveDate: PROBE, unitId: "unit-hp-kv01", fromUnitId: "unit-hp-kv01" });
    expect(same.ok).toBe(false);
    for (const status of CASE_STATUSES) expect(nextActions(reach(status), probeDate(status))).not.toContain("reorganisation");
  });

  for (const status of CASE_STATUSES) {
    describe(`from ${status}`, () => {
      for (const kind of CASE_EVENT_KINDS) {
        const expected = MATRIX[status][kind];
        const label = expected.startsWith("!") ? `refuses ${kind} (${expected.slice(1)})` : `${kind} → ${expected}`;
        it(label, () => {
          const before = reach(status);
          const snapshot = structuredClone(before);
          const r = applyEvent(before, probe(kind, probeDate(status)));
          if (expected.startsWith("!")) {
            expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(r.error.code).toBe(expected.slice(1));
              expect(r.error.message_vi.length).toBeGreaterThan(20);
              expect(r.error.message_en.length).toBeGreaterThan(20);
            }
          } else {
            expect(r.ok).toBe(true);
            if (r.ok) {
              expect(r.state.status).toBe(expected);
              expect(r.state.lastEventDate).toBe(probeDate(status));
              expect(r.state.eventCount).toBe(before.eventCount + 1);
            }
          }
          // applyEvent is pure: the input state is never mutated.
          expect(before).toEqual(snapshot);
        });
      }

      it("nextActions lists exactly the kinds possible now", () => {
        expect(nextActions(reach(status), probeDate(status))).toEqual(NEXT_ACTIONS[status]);
      });
    });
  }

  it("before acceptance only an acceptance is possible", () => {
    expect(nextActions(null)).toEqual(["acceptance"]);
    for (const kind of CASE_EVENT_KINDS.filter((k) => k !== "acceptance")) {
      const r = applyEvent(null, probe(kind));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("not_accepted");
        expect(r.error.message_vi).toContain("chưa được thụ lý");
      }
    }
    const r = applyEvent(null, probe("acceptance"));
    expect(r.ok && r.state.status).toBe("accepted");
    expect(r.ok && r.state.provinceId).toBe(PROVINCE);
  });
});

describe("voluntary compliance period and verification", () => {
  it("refuses verification until the voluntary period is over, saying why (Vietnamese first)", () => {
    const notified = reach("notified");
    expect(notified.voluntaryPeriodEndsOn).toBe("2025-03-17"); // 7 Mar + 10 days = Mon 17 Mar
    for (const date of ["2025-03-07", "2025-03-10", "2025-03-17"]) {
      const r = applyEvent(notified, { kind: "verification", effectiveDate: date });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("voluntary_period_running");
        expect(r.error.message_vi).toContain("Không thể ghi nhận xác minh khi chưa hết thời hạn tự nguyện thi hành án");
        expect(r.error.message_vi).toContain("17/03/2025");
        expect(r.error.message_vi).toContain("18/03/2025");
        expect(r.error.message_en).toContain("voluntary compliance period");
      }
    }
    const r = applyEvent(notified, { kind: "verification", effectiveDate: "2025-03-18" });
    expect(r.ok && r.state.status).toBe("verified");
    expect(r.ok && r.state.firstVerifiedOn).toBe("2025-03-18");
  });

  it("nextActions hides verification while the period runs and shows it after", () => {
    const notified = reach("notified");
    expect(nextActions(notified, "2025-03-12")).not.toContain("verification");
    expect(nextActions(notified, "2025-03-18")).toContain("verification");
  });

  it("isInVoluntaryPeriod is true from notification to the end date inclusive", () => {
    const s = reach("notified");
    expect(isInVoluntaryPeriod(s, "2025-03-06")).toBe(false);
    expect(isInVoluntaryPeriod(s, "2025-03-07")).toBe(true);
    expect(isInVoluntaryPeriod(s, "2025-03-17")).toBe(true);
    expect(isInVoluntaryPeriod(s, "2025-03-18")).toBe(false);
    expect(isInVoluntaryPeriod(reach("decided"), "2025-03-10")).toBe(false);
  });

  it("a voluntary period ending on a holiday runs to the next working day (30/4–4/5/2025)", () => {
    const s = stateOf([acceptance("2025-04-14"), decision("2025-04-16"), { kind: "notification", effectiveDate: "2025-04-20" }]);
    // 20 Apr + 10 = Wed 30 Apr (holiday); 1 May holiday, 2 May swapped, 3–4 May weekend → Mon 5 May.
    expect(s.voluntaryPeriodEndsOn).toBe("2025-05-05");
  });

  it("security measures are allowed during the voluntary period; coercion is not", () => {
    const s = reach("notified");
    const freeze = applyEvent(s, { kind: "enforcement_action", effectiveDate: "2025-03-10", measure: "account_freeze" });
    expect(freeze.ok && freeze.state.status).toBe("notified");
    const seize = applyEvent(s, { kind: "enforcement_action", effectiveDate: "2025-03-10", measure: "seizure" });
    expect(seize.ok).toBe(false);
    if (!seize.ok) expect(seize.error.message_vi).toContain("đang trong thời hạn tự nguyện thi hành án");
    const nye = applyEvent(reach("not_yet_enforceable"), { kind: "enforcement_action", effectiveDate: PROBE, measure: "auction" });
    expect(!nye.ok && nye.error.message_vi).toContain("chưa có điều kiện thi hành");
  });
});

describe("classification and re-verification", () => {
  it("verified → not_yet_enforceable, and re-verification keeps it until reclassified", () => {
    const nye = reach("not_yet_enforceable");
    expect(nye.classification).toBe("not_yet_enforceable");
    const reverified = applyEvent(nye, { kind: "verification", effectiveDate: "2025-09-15", debtorImprisonedOrUnknownAddress: true });
    expect(reverified.ok).toBe(true);
    if (!reverified.ok) return;
    expect(reverified.state.status).toBe("not_yet_enforceable");
    expect(reverified.state.awaitingClassification).toBe(true);
    expect(reverified.state.lastVerifiedOn).toBe("2025-09-15");
    expect(reverified.state.firstVerifiedOn).toBe("2025-03-20");
    expect(reverified.state.debtorImprisonedOrUnknownAddress).toBe(true);
    expect(nextActions(reverified.state)).toContain("classification");
    expect(nextActions(reverified.state)).not.toContain("verification");

    const keep = applyEvent(reverified.state, { kind: "classification", effectiveDate: "2025-09-16", result: "not_yet_enforceable" });
    expect(keep.ok && keep.state.status).toBe("not_yet_enforceable");
    expect(keep.ok && keep.state.awaitingClassification).toBe(false);
    expect(keep.ok && keep.state.classifiedOn).toBe("2025-09-16");

    const move = applyEvent(reverified.state, { kind: "classification", effectiveDate: "2025-09-16", result: "enforceable" });
    expect(move.ok && move.state.status).toBe("enforceable");
    expect(move.ok && move.state.classification).toBe("enforceable");
  });

  it("refuses reclassifying a not-yet-enforceable case without a new verification", () => {
    const r = applyEvent(reach("not_yet_enforceable"), { kind: "classification", effectiveDate: PROBE, result: "enforceable" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("not_verified");
      expect(r.error.message_vi).toContain("phải xác minh lại");
    }
  });

  it("refuses a second verification while a classification is pending", () => {
    const s = stateOf([...LEDGERS.not_yet_enforceable, { kind: "verification", effectiveDate: "2025-09-15" }]);
    const r = applyEvent(s, { kind: "verification", effectiveDate: "2025-09-20" });
    expect(!r.ok && r.error.code).toBe("awaiting_classification");
  });

  it("an enforcing case found without means becomes not_yet_enforceable; found with means stays enforcing", () => {
    const s = stateOf([...LEDGERS.enforcing, { kind: "verification", effectiveDate: "2025-05-02" }]);
    expect(s.status).toBe("enforcing");
    const down = applyEvent(s, { kind: "classification", effectiveDate: "2025-05-05", result: "not_yet_enforceable" });
    expect(down.ok && down.state.status).toBe("not_yet_enforceable");
    const stay = applyEvent(s, { kind: "classification", effectiveDate: "2025-05-05", result: "enforceable" });
    expect(stay.ok && stay.state.status).toBe("enforcing");
  });

  it("rejects an unknown classification result", () => {
    const r = applyEvent(reach("verified"), { kind: "classification", effectiveDate: PROBE, result: "maybe" as "enforceable" });
    expect(!r.ok && r.error.code).toBe("invalid_event");
  });
});

describe("enforcement", () => {
  it("a coercive measure on an enforceable case starts enforcement", () => {
    const r = applyEvent(reach("enforceable"), { kind: "enforcement_action", effectiveDate: "2025-04-01", measure: "account_collection" });
    expect(r.ok && r.state.status).toBe("enforcing");
    expect(r.ok && r.state.enforcementStartedOn).toBe("2025-04-01");
  });

  it("a price reduction is at most 10% per round", () => {
    const s = reach("enforcing");
    const ok10 = applyEvent(s, { kind: "enforcement_action", effectiveDate: PROBE, measure: "price_reduction", reductionPercent: 10 });
    expect(ok10.ok).toBe(true);
    for (const p of [10.5, 15, 0, -5, undefined]) {
      const r = applyEvent(s, { kind: "enforcement_action", effectiveDate: PROBE, measure: "price_reduction", reductionPercent: p });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("price_reduction_too_large");
        expect(r.error.message_vi).toContain("không quá 10%");
      }
    }
  });

  it("rejects an unknown measure", () => {
    const r = applyEvent(reach("enforcing"), { kind: "enforcement_action", effectiveDate: PROBE, measure: "torture" as "seizure" });
    expect(!r.ok && r.error.code).toBe("invalid_event");
  });
});

describe("postponement, suspension and resumption", () => {
  const resumable: CaseStatus[] = ["decided", "notified", "verified", "enforceable", "not_yet_enforceable", "enforcing"];
  for (const from of resumable) {
    for (const kind of ["postponement", "suspension"] as const) {
      it(`${kind} from ${from}, then resumption returns to ${from}`, () => {
        const s = reach(from);
        const paused = applyEvent(s, { kind, effectiveDate: PROBE, reason: "lý do" });
        expect(paused.ok).toBe(true);
        if (!paused.ok) return;
        expect(paused.state.status).toBe(kind === "postponement" ? "postponed" : "suspended");
        expect(paused.state.interruptedFrom).toBe(from);
        expect(paused.state.interruptedOn).toBe(PROBE);
        const back = applyEvent(paused.state, { kind: "resumption", effectiveDate: "2025-07-01" });
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.state.status).toBe(from);
        expect(back.state.interruptedFrom).toBeNull();
        expect(back.state.lastResumedOn).toBe("2025-07-01");
        // Everything else is as before the interruption.
        expect(back.state.obligations).toEqual(s.obligations);
        expect(back.state.classification).toBe(s.classification);
      });
    }
  }

  it("a postponed case cannot be suspended (or postponed again) before it resumes", () => {
    const s = reach("postponed");
    const r = applyEvent(s, { kind: "suspension", effectiveDate: PROBE });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("interrupted");
      expect(r.error.message_vi).toContain("đang bị hoãn từ ngày 25/03/2025");
      expect(r.error.message_vi).toContain("tiếp tục thi hành án");
    }
  });

  it("a postponed case can still be terminated and its executor changed", () => {
    const s = reach("suspended");
    const t = applyEvent(s, { kind: "termination", effectiveDate: PROBE, reason: "Tòa án hủy bản án" });
    expect(t.ok && t.state.status).toBe("terminated");
    expect(t.ok && t.state.interruptedFrom).toBeNull();
    const e = applyEvent(s, { kind: "executor_change", effectiveDate: PROBE, executorId: "executor-9", reason: "Điều động" });
    expect(e.ok && e.state.executorId).toBe("executor-9");
    expect(e.ok && e.state.status).toBe("suspended");
  });
});

describe("endings", () => {
  it("termination needs its legal ground", () => {
    for (const reason of ["", "   "]) {
      const r = applyEvent(reach("enforcing"), { kind: "termination", effectiveDate: PROBE, reason });
      expect(!r.ok && r.error.code).toBe("missing_reason");
    }
    const ok = applyEvent(reach("enforcing"), { kind: "termination", effectiveDate: PROBE, reason: "Điều 50 khoản 1 điểm c" });
    expect(ok.ok && ok.state.closedOn).toBe(PROBE);
    expect(ok.ok && ok.state.closingReason).toBe("Điều 50 khoản 1 điểm c");
  });

  it("a closed case refuses everything and says when it closed", () => {
    const r = applyEvent(reach("completed"), { kind: "payment", effectiveDate: PROBE, obligationId: "m1", amount: 1n });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("case_closed");
      expect(r.error.message_vi).toContain("đã thi hành xong ngày 28/03/2025");
    }
    const t = applyEvent(reach("terminated"), { kind: "resumption", effectiveDate: PROBE });
    expect(!t.ok && t.error.message_vi).toContain("đình chỉ");
  });

  it("completion is possible after voluntary full compliance (no verification needed)", () => {
    const s = stateOf([
      ...LEDGERS.notified,
      { kind: "payment", effectiveDate: "2025-03-10", obligationId: "m1", amount: 1_000_000n },
      { kind: "act_performed", effectiveDate: "2025-03-11", obligationId: "a1" },
    ]);
    expect(s.status).toBe("notified");
    expect(nextActions(s, "2025-03-12")).toContain("completion");
    const r = applyEvent(s, { kind: "completion", effectiveDate: "2025-03-12" });
    expect(r.ok && r.state.status).toBe("completed");
  });

  it("completion is refused with the list of what is still owed", () => {
    const s = stateOf([...LEDGERS.enforcing, { kind: "payment", effectiveDate: "2025-04-01", obligationId: "m1", amount: 400_000n }]);
    const r = applyEvent(s, { kind: "completion", effectiveDate: "2025-04-02" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("obligations_not_settled");
      expect(r.error.message_vi).toContain("600.000 ₫");
      expect(r.error.message_vi).toContain("Trả lại xe máy");
      expect(r.error.message_en).toContain("600000");
    }
  });
});

describe("transfer (ủy thác) to another province or a military-region agency", () => {
  it("refuses a transfer to the same province with a clear message", () => {
    const r = applyEvent(reach("enforcing"), { kind: "transfer", effectiveDate: PROBE, toProvinceId: PROVINCE, toUnitId: "unit-hp-kv02" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("transfer_same_province");
      expect(r.error.message_vi).toContain("Không thể ủy thác thi hành án trong cùng một tỉnh/thành phố");
      expect(r.error.message_vi).toContain("tỉnh/thành phố khác");
      expect(r.error.message_en).toContain("goes to another province's agency or a military-region agency");
    }
  });

  it("records the receiving province and closes the case for the sender", () => {
    const r = applyEvent(reach("not_yet_enforceable"), {
      kind: "transfer",
      effectiveDate: PROBE,
      toProvinceId: OTHER_PROVINCE,
      toUnitId: "unit-hn-kv03",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.status).toBe("transferred_out");
    expect(r.state.transferredTo).toEqual({ provinceId: OTHER_PROVINCE, unitId: "unit-hn-kv03", militaryAgency: null });
    expect(r.state.provinceId).toBe(PROVINCE);
    expect(r.state.closedOn).toBe(PROBE);
    expect(nextActions(r.state)).toEqual([]);
  });

  it("requires a destination", () => {
    const r = applyEvent(reach("enforcing"), { kind: "transfer", effectiveDate: PROBE, toProvinceId: "" });
    expect(!r.ok && r.error.code).toBe("invalid_event");
    const blank = applyEvent(reach("enforcing"), { kind: "transfer", effectiveDate: PROBE, toMilitaryAgency: "   " });
    expect(!blank.ok && blank.error.message_vi).toContain("Phải ghi rõ nơi nhận ủy thác");
  });

  it("records a transfer to a military-region enforcement agency by its name and closes the case (L106 Art. 32(3)(đ))", () => {
    const r = applyEvent(reach("enforceable"), {
      kind: "transfer",
      effectiveDate: PROBE,
      toMilitaryAgency: "  Phòng Thi hành án Quân khu 7  ",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.status).toBe("transferred_out");
    expect(r.state.transferredTo).toEqual({ provinceId: null, unitId: null, militaryAgency: "Phòng Thi hành án Quân khu 7" });
    expect(r.state.provinceId).toBe(PROVINCE);
    expect(r.state.closedOn).toBe(PROBE);
    expect(nextActions(r.state)).toEqual([]);
  });

  it("names one receiving agency only, with a name a person can read back", () => {
    const both = applyEvent(reach("enforcing"), {
      kind: "transfer",
      effectiveDate: PROBE,
      toProvinceId: OTHER_PROVINCE,
      toMilitaryAgency: "Phòng Thi hành án Quân khu 1",
    });
    expect(!both.ok && both.error.code).toBe("invalid_event");
    expect(!both.ok && both.error.message_vi).toContain("chỉ ghi một nơi");
    for (const name of ["X", "Q".repeat(301)]) {
      const r = applyEvent(reach("enforcing"), { kind: "transfer", effectiveDate: PROBE, toMilitaryAgency: name });
      expect(!r.ok && r.error.message_vi).toContain("ghi tên từ 2 đến 300 ký tự");
    }
    const longest = applyEvent(reach("enforcing"), { kind: "transfer", effectiveDate: PROBE, toMilitaryAgency: "Q".repeat(300) });
    expect(longest.ok).toBe(true);
  });

  it("refuses a transfer to a military-region agency before the enforcement decision, as any transfer", () => {
    const r = applyEvent(reach("accepted"), { kind: "transfer", effectiveDate: PROBE, toMilitaryAgency: "Phòng Thi hành án Quân khu 7" });
    expect(r.ok).toBe(false);
  });
});

describe("transfer to another district agency of the province, before 01/07/2025 only", () => {
  const on = (effectiveDate: string, unitId = "unit-hp-kv02"): CaseEvent => ({ kind: "intra_province_transfer", effectiveDate, unitId });

  it("is recorded on 30/06/2025 as history: the case keeps its unit, status and money", () => {
    const before = stateOf(LEDGERS.enforcing);
    const r = applyEvent(before, on("2025-06-30"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect({ ...r.state, lastEventDate: before.lastEventDate, eventCount: before.eventCount }).toEqual(before);
    expect(r.state.lastEventDate).toBe("2025-06-30");
  });

  it("is refused from 01/07/2025, naming the date and the article, and never offered as a next step", () => {
    const r = applyEvent(stateOf(LEDGERS.enforcing), on("2025-07-01"));
    expect(!r.ok && r.error.code).toBe("transfer_same_province");
    expect(!r.ok && r.error.message_vi).toContain("trước ngày 01/07/2025");
    expect(!r.ok && r.error.message_vi).toContain("khoản 2 Điều 56");
    expect(nextActions(stateOf(LEDGERS.enforcing))).not.toContain("intra_province_transfer");
    expect(nextActions(stateOf(LEDGERS.enforcing), "2025-07-01")).not.toContain("intra_province_transfer");
    expect(nextActions(stateOf(LEDGERS.enforcing), "2025-06-30")).toContain("intra_province_transfer");
  });

  it("needs the enforcement decision and a receiving district agency, not the provincial bureau", () => {
    expect(applyEvent(reach("accepted"), on("2025-03-03")).ok).toBe(false);
    const blank = applyEvent(stateOf(LEDGERS.enforcing), on("2025-06-30", " "));
    expect(!blank.ok && blank.error.code).toBe("invalid_event");
    const bureau = applyEvent(stateOf(LEDGERS.enforcing), on("2025-06-30", PROVINCE));
    expect(!bureau.ok && bureau.error.message_vi).toContain("không phải chính cơ quan thi hành án dân sự tỉnh");
  });
});

describe("event validation", () => {
  it("refuses an impossible or malformed effective date", () => {
    for (const effectiveDate of ["2025-02-29", "2025-13-01", "01/03/2025", ""]) {
      const r = applyEvent(reach("decided"), { kind: "notification", effectiveDate });
      expect(!r.ok && r.error.code).toBe("invalid_date");
    }
  });

  it("refuses an event dated before the previous one", () => {
    const r = applyEvent(reach("decided"), { kind: "notification", effectiveDate: "2025-03-04" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("out_of_order");
      expect(r.error.message_vi).toContain("04/03/2025");
      expect(r.error.message_vi).toContain("05/03/2025");
    }
  });

  it("refuses an unknown event kind", () => {
    const r = applyEvent(reach("decided"), { kind: "bribe", effectiveDate: PROBE } as unknown as CaseEvent);
    expect(!r.ok && r.error.code).toBe("invalid_event");
  });

  it("an acceptance needs a province and a known source", () => {
    const noProvince = applyEvent(null, { kind: "acceptance", effectiveDate: PROBE, provinceId: " ", source: "court_transfer" });
    expect(!noProvince.ok && noProvince.error.code).toBe("invalid_event");
    const badSource = applyEvent(null, { kind: "acceptance", effectiveDate: PROBE, provinceId: "p", source: "rumour" as "court_transfer" });
    expect(!badSource.ok && badSource.error.code).toBe("invalid_event");
  });

  it("an acceptance names the military-region agency that entrusted the case, and only for such a case", () => {
    const entrusted = applyEvent(null, {
      kind: "acceptance",
      effectiveDate: PROBE,
      provinceId: "p",
      source: "transfer_in",
      fromAgency: "Phòng Thi hành án Quân khu 3",
    });
    expect(entrusted.ok && entrusted.state.source).toBe("transfer_in");
    const wrongSource = applyEvent(null, {
      kind: "acceptance",
      effectiveDate: PROBE,
      provinceId: "p",
      source: "court_transfer",
      fromAgency: "Phòng Thi hành án Quân khu 3",
    });
    expect(!wrongSource.ok && wrongSource.error.message_vi).toContain("Cơ quan ủy thác");
    const blank = applyEvent(null, { kind: "acceptance", effectiveDate: PROBE, provinceId: "p", source: "transfer_in", fromAgency: " " });
    expect(!blank.ok && blank.error.code).toBe("invalid_event");
    // The name's bounds are the transfer's (AGENCY_NAME_MIN to AGENCY_NAME_MAX characters, as the database's check).
    const named = (fromAgency: string) =>
      applyEvent(null, { kind: "acceptance", effectiveDate: PROBE, provinceId: "p", source: "transfer_in", fromAgency }).ok;
    expect([named("Q"), named("QK"), named("Q".repeat(AGENCY_NAME_MAX)), named("Q".repeat(AGENCY_NAME_MAX + 1))]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it("an entrusted case's acceptance may name the entrusting decision: number and date both, beside the agency, not after the acceptance", () => {
    const accept = (more: Record<string, unknown>) =>
      applyEvent(null, { kind: "acceptance", effectiveDate: PROBE, provinceId: "p", source: "transfer_in", ...more } as CaseEvent);
    const agency = { fromAgency: "Phòng Thi hành án Quân khu 3" };
    expect(accept({ ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: PROBE }).ok).toBe(true);
    const refused = (more: Record<string, unknown>) => {
      const r = accept(more);
      return !r.ok && r.error.message_vi;
    };
    expect(refused({ entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: PROBE })).toContain("ghi cả tên cơ quan");
    expect(refused({ ...agency, entrustingDecisionNumber: "05/QĐ-THA" })).toContain("ghi cả số");
    expect(refused({ ...agency, entrustingDecisionOn: PROBE })).toContain("ghi cả số");
    expect(refused({ ...agency, entrustingDecisionNumber: " ", entrustingDecisionOn: PROBE })).toContain("ghi cả số");
    expect(
      refused({ ...agency, entrustingDecisionNumber: "Q".repeat(ENTRUSTING_DECISION_NUMBER_MAX + 1), entrustingDecisionOn: PROBE }),
    ).toContain("ghi cả số");
    expect(refused({ ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "2026-02-31" })).toContain("ghi cả số");
    expect(refused({ ...agency, entrustingDecisionNumber: "05/QĐ-THA", entrustingDecisionOn: "2025-06-03" })).toContain(
      "không được sau ngày thụ lý",
    );
  });

  it("counts an agency's name in characters, as the database does", () => {
    expect(AGENCY_NAME_MIN).toBe(2);
    expect(isAgencyName("  Q ")).toBe(false);
    expect(isAgencyName(" QK ")).toBe(true);
    // A character outside the Basic Multilingual Plane is one character (two UTF-16 units).
    expect(isAgencyName("𝐐")).toBe(false);
    expect(isAgencyName("𝐐".repeat(AGENCY_NAME_MAX))).toBe(true);
    expect(isAgencyName("𝐐".repeat(AGENCY_NAME_MAX + 1))).toBe(false);
    // The event schema (a ledger row read back) counts alike: a name the database took is readable.
    const row = { kind: "transfer", effectiveDate: PROBE, toMilitaryAgency: "𝐐".repeat(200) };
    expect(caseEventSchema.safeParse(row).success).toBe(true);
    expect(caseEventSchema.safeParse({ ...row, toMilitaryAgency: "𝐐".repeat(AGENCY_NAME_MAX + 1) }).success).toBe(false);
  });

  it("a decision must list valid obligations", () => {
    const s = reach("accepted");
    const cases: [unknown, string][] = [
      [[], "ít nhất một khoản"],
      [[{ id: "x", kind: "money", amount: 0n }], "nguyên dương"],
      [[{ id: "x", kind: "money", amount: 5 }], "nguyên dương"],
      [[{ id: "x", kind: "act", description: "" }], "mô tả"],
      [
        [
          { id: "x", kind: "money", amount: 5n },
          { id: "x", kind: "act", description: "d" },
        ],
        "bị trùng",
      ],
      [[{ id: "", kind: "money", amount: 5n }], "phải có mã"],
      [[{ id: "x", kind: "land" }], "tiền (money) hoặc"],
    ];
    for (const [obligations, text] of cases) {
      const r = applyEvent(s, { kind: "decision", effectiveDate: PROBE, mode: "ex_officio", obligations: obligations as never });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("invalid_obligations");
        expect(r.error.message_vi).toContain(text);
      }
    }
    const badMode = applyEvent(s, { ...(decision(PROBE) as CaseEvent & { kind: "decision" }), mode: "whim" as "ex_officio" });
    expect(!badMode.ok && badMode.error.code).toBe("invalid_event");
  });

  it("a decision records mode, number, executor and obligations", () => {
    const s = reach("decided");
    expect(s.decisionMode).toBe("on_request");
    expect(s.decisionNumber).toBe("15/QĐ-CTHADS");
    expect(s.executorId).toBe("executor-1");
    expect(s.decidedOn).toBe("2025-03-05");
    expect(s.obligations).toEqual([
      { id: "m1", kind: "money", amount: 1_000_000n, paid: 0n, description: "Trả nợ ngân hàng" },
      { id: "a1", kind: "act", description: "Trả lại xe máy biển số 15B1-123.45", performedOn: null },
    ]);
  });

  it("an executor change must name a different executor", () => {
    const s = reach("enforcing");
    const r = applyEvent(s, { kind: "executor_change", effectiveDate: PROBE, executorId: "" });
    expect(!r.ok && r.error.code).toBe("invalid_event");
    const same = applyEvent(s, { kind: "executor_change", effectiveDate: PROBE, executorId: "executor-1" });
    expect(!same.ok && same.error.code).toBe("same_executor");
  });

  it("a verification without the flag keeps the previous flag", () => {
    const s = stateOf([
      ...LEDGERS.notified,
      { kind: "verification", effectiveDate: "2025-03-20", debtorImprisonedOrUnknownAddress: true },
      { kind: "classification", effectiveDate: "2025-03-21", result: "not_yet_enforceable" },
      { kind: "verification", effectiveDate: "2026-03-20" },
    ]);
    expect(s.debtorImprisonedOrUnknownAddress).toBe(true);
  });
});

describe("deriveState / stateAsOf", () => {
  const ledger: CaseEvent[] = [
    acceptance("2025-03-03"),
    decision("2025-03-05"),
    { kind: "notification", effectiveDate: "2025-03-07" },
    { kind: "verification", effectiveDate: "2025-03-20" },
    { kind: "classification", effectiveDate: "2025-03-21", result: "enforceable" },
    { kind: "payment", effectiveDate: "2025-04-10", obligationId: "m1", amount: 300_000n },
    { kind: "postponement", effectiveDate: "2025-05-02", reason: "Đương sự đồng ý hoãn" },
    { kind: "resumption", effectiveDate: "2025-06-02" },
    { kind: "payment", effectiveDate: "2025-07-01", obligationId: "m1", amount: 700_000n },
    { kind: "act_performed", effectiveDate: "2025-07-15", obligationId: "a1" },
    { kind: "completion", effectiveDate: "2025-07-16" },
  ];

  it("folds the whole ledger", () => {
    const r = deriveState(ledger);
    expect(r.ok && r.state?.status).toBe("completed");
    expect(r.ok && r.state?.eventCount).toBe(ledger.length);
  });

  it("gives the state on past dates (the statistics depend on it)", () => {
    const at = (date: string) => {
      const r = stateAsOf(ledger, date);
      if (!r.ok) throw new Error(r.error.message_en);
      return r.state;
    };
    expect(at("2025-03-02")).toBeNull(); // not yet accepted
    expect(at("2025-03-03")?.status).toBe("accepted");
    expect(at("2025-03-04")?.status).toBe("accepted");
    expect(at("2025-03-05")?.status).toBe("decided");
    expect(at("2025-03-12")?.status).toBe("notified");
    expect(at("2025-03-20")?.status).toBe("verified");
    expect(at("2025-03-31")?.status).toBe("enforceable");
    expect(at("2025-04-10")?.status).toBe("enforcing");
    expect(at("2025-04-30")?.obligations[0]).toMatchObject({ paid: 300_000n });
    expect(at("2025-05-02")?.status).toBe("postponed");
    expect(at("2025-06-01")?.status).toBe("postponed");
    expect(at("2025-06-02")?.status).toBe("enforcing");
    expect(at("2025-07-15")?.status).toBe("enforcing");
    expect(at("2025-07-16")?.status).toBe("completed");
    expect(at("2025-09-30")?.status).toBe("completed");
    // Statistical year 2024–2025 ended 30 Sep 2025: completed; on 31 Mar 2025 it was enforceable, not completed.
    expect(at("2025-03-31")?.classification).toBe("enforceable");
  });

  it("rejects a malformed as-of date", () => {
    expect(() => stateAsOf(ledger, "31/03/2025")).toThrow(RangeError);
  });

  it("sorts events by effective date regardless of ledger order", () => {
    const shuffled = [ledger[5]!, ledger[0]!, ledger[10]!, ledger[2]!, ledger[1]!, ...ledger.slice(3, 5), ...ledger.slice(6, 10)];
    const r = deriveState(shuffled);
    expect(r.ok && r.state?.status).toBe("completed");
  });

  it("is stable for equal dates: the ledger order decides", () => {
    const sameDay: CaseEvent[] = [acceptance("2025-03-03"), decision("2025-03-03"), { kind: "notification", effectiveDate: "2025-03-03" }];
    const r = deriveState(sameDay);
    expect(r.ok && r.state?.status).toBe("notified");
    const reversed = deriveState([sameDay[0]!, sameDay[2]!, sameDay[1]!]);
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) {
      expect(reversed.index).toBe(1);
      expect(reversed.error.code).toBe("no_decision");
    }
  });

  it("reports the first invalid event with its ledger index", () => {
    const bad = [
      ...ledger.slice(0, 5),
      { kind: "payment", effectiveDate: "2025-04-10", obligationId: "m1", amount: 2_000_000n } as CaseEvent,
    ];
    const r = deriveState(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.index).toBe(5);
      expect(r.error.code).toBe("overpayment");
    }
    const badDate = deriveState([acceptance("2025-03-03"), { kind: "notification", effectiveDate: "2025-02-30" }]);
    expect(!badDate.ok && badDate.error.code).toBe("invalid_date");
    expect(() => deriveStateOrThrow(bad)).toThrow(CaseRuleViolation);
    expect(deriveState([])).toEqual({ ok: true, state: null });
  });

  it("appendEvent re-checks the ledger: a back-dated payment may not overpay a later one", () => {
    const base = ledger.slice(0, 6); // 300,000 paid on 10 Apr
    const later: CaseEvent = { kind: "payment", effectiveDate: "2025-05-01", obligationId: "m1", amount: 700_000n };
    const step1 = appendEvent(base, later);
    expect(step1.ok).toBe(true);
    if (!step1.ok) return;
    expect(step1.state.obligations[0]).toMatchObject({ paid: 1_000_000n });
    const backdated: CaseEvent = { kind: "payment", effectiveDate: "2025-04-01", obligationId: "m1", amount: 500_000n };
    const step2 = appendEvent(step1.events, backdated);
    expect(step2.ok).toBe(false);
    if (!step2.ok) {
      expect(step2.error.code).toBe("overpayment");
      expect(step2.event).toBe(later); // the later payment no longer fits
    }
  });
});

describe("state invariants", () => {
  it("every fixture state's stateAsOf at its last date equals deriveState", () => {
    for (const status of CASE_STATUSES) {
      const events = LEDGERS[status];
      const last = events[events.length - 1]!.effectiveDate;
      const a = stateAsOf(events, last);
      const b = deriveState(events);
      expect(a).toEqual(b);
      expect(a.ok && (a.state as CaseState).status).toBe(status);
    }
  });
});

describe("executor change reasons", () => {
  it("a re-assignment must give its reason; the first assignment need not", async () => {
    const { applyEvent } = await import("../../src/cases/lifecycle.ts");
    const accepted = applyEvent(null, { kind: "acceptance", effectiveDate: "2025-11-03", provinceId: "P", source: "court_transfer" });
    if (!accepted.ok) throw new Error("acceptance refused");
    const first = applyEvent(accepted.state, { kind: "executor_change", effectiveDate: "2025-11-04", executorId: "E1" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const noReason = applyEvent(first.state, { kind: "executor_change", effectiveDate: "2025-11-05", executorId: "E2" });
    expect(noReason).toMatchObject({ ok: false, error: { code: "missing_reason" } });
    const withReason = applyEvent(first.state, {
      kind: "executor_change",
      effectiveDate: "2025-11-05",
      executorId: "E2",
      reason: "Chấp hành viên nghỉ phép dài ngày",
    });
    expect(withReason.ok).toBe(true);
  });
});
