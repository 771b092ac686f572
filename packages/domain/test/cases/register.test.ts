import { describe, expect, it } from "vitest";
import {
  applyEvent,
  caseDeadlines,
  deriveStateOrThrow,
  isClosed,
  nextActions,
  registerStanding,
  registerStepOf,
  type CaseEvent,
  type CaseState,
  type Deadline,
} from "../../src/cases/index.ts";
import { assertIdentities, caseDeltas, caseStats, figuresFromDeltas } from "../../src/stats/index.ts";

const P = "province-hai-phong";

/** A case decided (mode), notified, verified and classified not yet enforceable on `nyeOn`. */
function nyeCase(o: {
  accepted: string;
  decided: string;
  notified: string;
  verified: string;
  nyeOn: string;
  mode: "ex_officio" | "on_request";
  imprisoned?: boolean;
}): CaseEvent[] {
  return [
    {
      kind: "acceptance",
      effectiveDate: o.accepted,
      provinceId: P,
      source: o.mode === "on_request" ? "creditor_request" : "court_transfer",
    },
    { kind: "decision", effectiveDate: o.decided, mode: o.mode, obligations: [{ id: "m1", kind: "money", amount: 500_000_000n }] },
    { kind: "notification", effectiveDate: o.notified },
    { kind: "verification", effectiveDate: o.verified, ...(o.imprisoned ? { debtorImprisonedOrUnknownAddress: true } : {}) },
    { kind: "classification", effectiveDate: o.nyeOn, result: "not_yet_enforceable" },
  ];
}
const reverify = (date: string): CaseEvent[] => [
  { kind: "verification", effectiveDate: date },
  { kind: "classification", effectiveDate: date, result: "not_yet_enforceable" },
];
const state = (events: CaseEvent[]): CaseState => deriveStateOrThrow(events)!;
const tryAdd = (events: CaseEvent[], e: CaseEvent) => applyEvent(state(events), e);
const openOf = (ds: Deadline[], kind: Deadline["kind"]) => ds.filter((d) => d.kind === kind && d.closedOn === null);

describe("old rules: the separate register (D62 Art. 9(5))", () => {
  // Not yet enforceable on Wed 17/01/2024; re-verified twice, six months apart.
  const base = nyeCase({
    accepted: "2024-01-02",
    decided: "2024-01-03",
    notified: "2024-01-04",
    verified: "2024-01-16",
    nyeOn: "2024-01-17",
    mode: "on_request",
  });
  const twice = [...base, ...reverify("2024-07-10"), ...reverify("2025-01-08")];

  it("re-verification runs every six months until the second verification, then stops", () => {
    const once = caseDeadlines([...base, ...reverify("2024-07-10")], "2024-07-10");
    expect(openOf(once, "reverification")).toHaveLength(1);
    expect(openOf(once, "reverification")[0]!.dueDate).toBe("2025-01-10");
    const after = caseDeadlines(twice, "2025-01-08");
    expect(openOf(after, "reverification")).toEqual([]);
  });

  it("after the second verification, new information is verified within 10 days; it moves no figure (D62 Art. 9(4))", () => {
    const told = [
      ...twice,
      { kind: "new_information", effectiveDate: "2025-02-03", newInformation: "Chủ nợ báo người phải thi hành án có xe ô tô" },
    ] as CaseEvent[];
    expect(state(told).status).toBe("not_yet_enforceable");
    const [nv] = openOf(caseDeadlines(told, "2025-02-03"), "new_information_verification");
    expect(nv).toMatchObject({ startDate: "2025-02-03", dueDate: "2025-02-13", period: { unit: "days", amount: 10 } });
    expect(nv!.sources.map((x) => `${x.instrument} ${x.article}`)).toContain("Decree 62/2015/NĐ-CP 9");
    // The verification meets it; the periodic re-verification stays stopped.
    const verified = [...told, { kind: "verification", effectiveDate: "2025-02-10" } as CaseEvent];
    expect(openOf(caseDeadlines(verified, "2025-02-10"), "new_information_verification")).toEqual([]);
    expect(caseDeadlines(verified, "2025-02-10").find((x) => x.kind === "new_information_verification")).toMatchObject({
      closedBy: "met",
      late: false,
    });
    expect(caseStats(told, "2024-10-01", "2025-09-30")).toEqual(caseStats(twice, "2024-10-01", "2025-09-30"));
    // Until it is verified, the case does not move to the register ("no new information", D62 Art. 9(5)).
    const held = tryAdd(told, { kind: "register_transfer", effectiveDate: "2025-02-05" });
    expect(!held.ok && held.error.code).toBe("register_conditions_not_met");
    expect(!held.ok && held.error.message_vi).toContain("thông tin mới về điều kiện thi hành án ngày 03/02/2025 chưa được xác minh");
    expect(nextActions(state(told), "2025-02-05")).not.toContain("register_transfer");
    const classified = [...verified, { kind: "classification", effectiveDate: "2025-02-10", result: "not_yet_enforceable" } as CaseEvent];
    expect(tryAdd(classified, { kind: "register_transfer", effectiveDate: "2025-02-11" }).ok).toBe(true);
    // Not for an enforceable case, nor one in the register (which is reopened instead); never blank.
    const blank = tryAdd(twice, { kind: "new_information", effectiveDate: "2025-02-03", newInformation: "  " });
    expect(!blank.ok && blank.error.code).toBe("missing_information");
    const moved = [...twice, { kind: "register_transfer", effectiveDate: "2025-01-20" } as CaseEvent];
    const inRegister = tryAdd(moved, { kind: "new_information", effectiveDate: "2025-02-03", newInformation: "x" });
    expect(!inRegister.ok && inRegister.error.code).toBe("in_separate_register");
  });

  it("is due one year and three working days after the not-yet-enforceable decision, once verified twice", () => {
    const ds = caseDeadlines(twice, "2025-01-08");
    const [reg] = openOf(ds, "separate_register");
    expect(reg).toMatchObject({
      startDate: "2025-01-17",
      dueDate: "2025-01-22",
      period: { unit: "working_days", amount: 3 },
      ruleSetFrom: "2015-07-01",
    });
    expect(reg!.sources.map((s) => `${s.instrument} ${s.article}`)).toContain("Decree 62/2015/NĐ-CP 9");
    // Verified only once: no register deadline yet, and the move is refused.
    const once = [...base, ...reverify("2024-07-10")];
    expect(openOf(caseDeadlines(once, "2025-02-01"), "separate_register")).toEqual([]);
    const r = tryAdd(once, { kind: "register_transfer", effectiveDate: "2025-02-01" });
    expect(!r.ok && r.error.code).toBe("register_conditions_not_met");
    expect(!r.ok && r.error.message_vi).toContain("mới xác minh 1 lần");
  });

  it("may be recorded from the day after the year is over, and closes the deadline", () => {
    const early = tryAdd(twice, { kind: "register_transfer", effectiveDate: "2025-01-17" });
    expect(!early.ok && early.error.code).toBe("register_conditions_not_met");
    expect(!early.ok && early.error.message_vi).toContain("17/01/2025");
    expect(nextActions(state(twice), "2025-01-17")).not.toContain("register_transfer");
    expect(nextActions(state(twice), "2025-01-18")).toContain("register_transfer");
    // On request, but the old rules: the register, not a return.
    expect(nextActions(state(twice), "2025-01-18")).not.toContain("request_returned");
    const moved = [...twice, { kind: "register_transfer", effectiveDate: "2025-01-20" } as CaseEvent];
    const s = state(moved);
    expect(s).toMatchObject({ status: "separate_register", registeredOn: "2025-01-20" });
    expect(isClosed(s)).toBe(false);
    expect(caseDeadlines(moved, "2025-01-20").find((d) => d.kind === "separate_register")).toMatchObject({ closedBy: "met", late: false });
  });

  it("a case in the register takes only its reopening (or an executor change); new information brings it back", () => {
    const moved = [...twice, { kind: "register_transfer", effectiveDate: "2025-01-20" } as CaseEvent];
    const v = tryAdd(moved, { kind: "verification", effectiveDate: "2025-05-05" });
    expect(!v.ok && v.error.code).toBe("in_separate_register");
    expect(nextActions(state(moved), "2025-05-05")).toEqual(["executor_change", "register_reopening"]);
    const blank = tryAdd(moved, { kind: "register_reopening", effectiveDate: "2025-05-05", newInformation: " " });
    expect(!blank.ok && blank.error.code).toBe("missing_information");
    const reopened = [
      ...moved,
      { kind: "register_reopening", effectiveDate: "2025-05-05", newInformation: "Ngân hàng báo tài khoản mới" } as CaseEvent,
    ];
    expect(state(reopened)).toMatchObject({ status: "not_yet_enforceable", reopenedOn: "2025-05-05" });
    // Verified within 10 days of the new information (D62 Art. 9(4) ¶2).
    const [nv] = openOf(caseDeadlines(reopened, "2025-05-05"), "new_information_verification");
    expect(nv).toMatchObject({ startDate: "2025-05-05", dueDate: "2025-05-15" });
    const enforced = [
      ...reopened,
      { kind: "verification", effectiveDate: "2025-05-12" },
      { kind: "classification", effectiveDate: "2025-05-12", result: "enforceable" },
    ] as CaseEvent[];
    expect(state(enforced).status).toBe("enforceable");
    expect(state(enforced).notYetEnforceableSince).toBeNull();
  });

  it("an imprisoned debtor's case waits two years (yearly verifications)", () => {
    const jailed = nyeCase({
      accepted: "2024-01-02",
      decided: "2024-01-03",
      notified: "2024-01-04",
      verified: "2024-01-16",
      nyeOn: "2024-01-17",
      mode: "ex_officio",
      imprisoned: true,
    });
    const once = [...jailed, ...reverify("2025-01-10")];
    // 10/01/2026 is a Saturday made a working day (the New Year swap).
    expect(openOf(caseDeadlines(once, "2025-01-10"), "reverification")[0]!.dueDate).toBe("2026-01-10");
    const twiceJ = [...once, ...reverify("2026-01-09")];
    expect(registerStepOf(state(twiceJ))).toMatchObject({ step: "register_transfer", months: 24, periodEndsOn: "2026-01-19" });
    // 17/01/2026 is a Saturday: the two years end on Monday 19/01/2026.
    const [reg] = openOf(caseDeadlines(twiceJ, "2026-01-09"), "separate_register");
    expect(reg).toMatchObject({ startDate: "2026-01-19", dueDate: "2026-01-22" });
    expect(tryAdd(twiceJ, { kind: "register_transfer", effectiveDate: "2026-01-19" }).ok).toBe(false);
    expect(tryAdd(twiceJ, { kind: "register_transfer", effectiveDate: "2026-01-20" }).ok).toBe(true);
  });
});

describe("2026 rules: two years, then the register (ex officio) or the return of the request (L106 Art. 38(4))", () => {
  const july = (mode: "ex_officio" | "on_request") => [
    ...nyeCase({
      accepted: "2026-07-01",
      decided: "2026-07-02",
      notified: "2026-07-03",
      verified: "2026-07-14",
      nyeOn: "2026-07-15",
      mode,
    }),
    ...reverify("2027-01-12"),
    ...reverify("2027-07-12"),
    ...reverify("2028-01-10"),
  ];

  it("periodic verification does not stop after two", () => {
    expect(openOf(caseDeadlines(july("on_request"), "2028-01-10"), "reverification")[0]!.dueDate).toBe("2028-07-10");
  });

  it("a case on request is returned once the two years are over, and ends", () => {
    const events = july("on_request");
    const [ret] = openOf(caseDeadlines(events, "2028-01-10"), "request_return");
    // 15/07/2028 is a Saturday: the two years end on Monday 17/07; due the next working day.
    expect(ret).toMatchObject({ startDate: "2028-07-17", dueDate: "2028-07-18", ruleSetFrom: "2026-07-01" });
    expect(openOf(caseDeadlines(events, "2028-01-10"), "separate_register")).toEqual([]);
    expect(nextActions(state(events), "2028-07-17")).not.toContain("request_returned");
    expect(nextActions(state(events), "2028-07-18")).toContain("request_returned");
    const reg = tryAdd(events, { kind: "register_transfer", effectiveDate: "2028-07-18" });
    expect(!reg.ok && reg.error.code).toBe("wrong_decision_mode");
    const returned = [...events, { kind: "request_returned", effectiveDate: "2028-07-18", noticeNumber: "25/TB-THADS" } as CaseEvent];
    const s = state(returned);
    expect(s).toMatchObject({ status: "returned", closedOn: "2028-07-18" });
    expect(s.closingReason).toContain("25/TB-THADS");
    expect(isClosed(s)).toBe(true);
    expect(nextActions(s, "2028-08-01")).toEqual([]);
    const after = caseDeadlines(returned, "2028-08-01");
    expect(after.filter((d) => d.closedOn === null)).toEqual([]);
    expect(after.find((d) => d.kind === "request_return")).toMatchObject({ closedBy: "met", late: false });
  });

  it("the returned case leaves the active lists: counted as returned, not carried to the next period", () => {
    const returned = [...july("on_request"), { kind: "request_returned", effectiveDate: "2028-07-18" } as CaseEvent];
    const y = caseStats(returned, "2027-10-01", "2028-09-30");
    assertIdentities(y);
    expect(y.cases).toMatchObject({
      carried_over: 1n,
      returned: 1n,
      to_enforce: 0n,
      not_yet_enforceable: 0n,
      carried_to_next: 0n,
      terminated: 0n,
      enforceable: 0n,
    });
    expect(y.money.returned).toBe(500_000_000n);
    expect(figuresFromDeltas(caseDeltas(returned), "2027-10-01", "2028-09-30")).toEqual(y);
    const next = caseStats(returned, "2028-10-01", "2029-09-30");
    expect(next.cases.carried_over).toBe(0n);
  });

  it("an ex officio case goes to the separate register instead, counted on its own line", () => {
    const events = july("ex_officio");
    expect(openOf(caseDeadlines(events, "2028-01-10"), "separate_register")[0]).toMatchObject({
      startDate: "2028-07-17",
      dueDate: "2028-07-18",
    });
    const ret = tryAdd(events, { kind: "request_returned", effectiveDate: "2028-07-18" });
    expect(!ret.ok && ret.error.code).toBe("wrong_decision_mode");
    const moved = [...events, { kind: "register_transfer", effectiveDate: "2028-07-18" } as CaseEvent];
    expect(state(moved).status).toBe("separate_register");
    const y = caseStats(moved, "2027-10-01", "2028-09-30");
    assertIdentities(y);
    expect(y.cases).toMatchObject({ carried_over: 1n, registered: 1n, to_enforce: 0n, separate_register: 1n, carried_to_next: 0n });
    const next = caseStats(moved, "2028-10-01", "2029-09-30");
    expect(next.cases).toMatchObject({ carried_over: 0n, to_enforce: 0n, separate_register: 1n });
    // Reopened on new information: back in the workload.
    const reopened = [
      ...moved,
      { kind: "register_reopening", effectiveDate: "2029-03-02", newInformation: "Được hưởng thừa kế" } as CaseEvent,
    ];
    const z = caseStats(reopened, "2028-10-01", "2029-09-30");
    assertIdentities(z);
    expect(z.cases).toMatchObject({
      reopened: 1n,
      total_accepted: 1n,
      to_enforce: 1n,
      not_yet_enforceable: 1n,
      separate_register: 0n,
      carried_to_next: 1n,
    });
  });
});

describe("the boundary: the rules of the not-yet-enforceable decision's date", () => {
  const at = (nyeOn: string) => [
    ...nyeCase({
      accepted: "2026-06-01",
      decided: "2026-06-02",
      notified: "2026-06-03",
      verified: "2026-06-29",
      nyeOn,
      mode: "on_request",
    }),
    ...reverify("2026-12-28"),
    ...reverify("2027-06-28"),
  ];
  it("decided on 30/06/2026: old rules, the register after a year and two verifications", () => {
    const s = state(at("2026-06-30"));
    expect(registerStepOf(s)).toMatchObject({
      step: "register_transfer",
      months: 12,
      ruleSetFrom: "2015-07-01",
      minVerifications: 2,
      workingDays: 3,
    });
    expect(openOf(caseDeadlines(at("2026-06-30"), "2027-06-28"), "reverification")).toEqual([]);
    expect(nextActions(s, "2027-07-01")).toContain("register_transfer");
  });
  it("decided on 01/07/2026: 2026 rules, the request returned after two years", () => {
    const s = state(at("2026-07-01"));
    expect(registerStepOf(s)).toMatchObject({ step: "request_returned", months: 24, ruleSetFrom: "2026-07-01", minVerifications: 1 });
    expect(nextActions(s, "2027-07-02")).not.toContain("register_transfer");
    expect(nextActions(s, "2027-07-02")).not.toContain("request_returned");
    expect(openOf(caseDeadlines(at("2026-07-01"), "2027-06-28"), "reverification")).toHaveLength(1);
  });
});

describe("the register's standing, as the case page says it", () => {
  const base = nyeCase({
    accepted: "2024-01-02",
    decided: "2024-01-03",
    notified: "2024-01-04",
    verified: "2024-01-16",
    nyeOn: "2024-01-17",
    mode: "on_request",
  });
  const twice = [...base, ...reverify("2024-07-10"), ...reverify("2025-01-08")];
  const moved = [...twice, { kind: "register_transfer", effectiveDate: "2025-01-20" } as CaseEvent];

  it("pending, then registered, then reopened: the decision it counts from, the time, the verifications and the sources", () => {
    expect(registerStanding(state(base))).toMatchObject({
      standing: "pending",
      step: "register_transfer",
      since: "2024-01-17",
      months: 12,
      minVerifications: 2,
      verifications: 0,
      registeredOn: null,
    });
    const inRegister = registerStanding(state(moved))!;
    expect(inRegister).toMatchObject({ standing: "registered", registeredOn: "2025-01-20", verifications: 2, ruleSetFrom: "2015-07-01" });
    expect(inRegister.sources.map((x) => x.instrument)).toContain("Decree 62/2015/NĐ-CP");
    const reopened = [...moved, { kind: "register_reopening", effectiveDate: "2025-05-05", newInformation: "Tài khoản mới" } as CaseEvent];
    expect(registerStanding(state(reopened))).toMatchObject({ standing: "reopened", registeredOn: "2025-01-20", reopenedOn: "2025-05-05" });
  });

  it("returned under the 2026 rules, with the day; nothing for an enforceable case", () => {
    const july = nyeCase({
      accepted: "2026-07-01",
      decided: "2026-07-02",
      notified: "2026-07-03",
      verified: "2026-07-14",
      nyeOn: "2026-07-15",
      mode: "on_request",
    });
    const returned = [
      ...july,
      ...reverify("2027-01-12"),
      ...reverify("2027-07-12"),
      ...reverify("2028-01-10"),
      { kind: "request_returned", effectiveDate: "2028-07-18" } as CaseEvent,
    ];
    expect(registerStanding(state(returned))).toMatchObject({
      standing: "returned",
      step: "request_returned",
      months: 24,
      returnedOn: "2028-07-18",
    });
    const enforceable = [...base.slice(0, 4), { kind: "classification", effectiveDate: "2024-01-17", result: "enforceable" } as CaseEvent];
    expect(registerStanding(state(enforceable))).toBeNull();
  });
});
