import { describe, expect, it } from "vitest";
import {
  caseDeadlines,
  CaseRuleViolation,
  deadlineStatus,
  LEGAL_TIME_LIMITS,
  nextDeadline,
  type CaseEvent,
  type Deadline,
  type DeadlineKind,
  type LegalTimeLimits,
} from "../../src/cases/index.ts";
import { acceptance, decision } from "./fixtures.ts";

const notification = (effectiveDate: string): CaseEvent => ({ kind: "notification", effectiveDate });
const verification = (effectiveDate: string, debtorImprisonedOrUnknownAddress?: boolean): CaseEvent =>
  debtorImprisonedOrUnknownAddress === undefined
    ? { kind: "verification", effectiveDate }
    : { kind: "verification", effectiveDate, debtorImprisonedOrUnknownAddress };
const classify = (effectiveDate: string, result: "enforceable" | "not_yet_enforceable"): CaseEvent => ({
  kind: "classification",
  effectiveDate,
  result,
});

function find(deadlines: Deadline[], kind: DeadlineKind, index = 0): Deadline {
  const found = deadlines.filter((x) => x.kind === kind)[index];
  if (!found) throw new Error(`no ${kind} deadline #${index}`);
  return found;
}

function due(events: CaseEvent[], kind: DeadlineKind, asOf = "2030-01-01"): string {
  return find(caseDeadlines(events, asOf), kind).dueDate;
}

describe("decision due: 5 working days after acceptance", () => {
  it("skips a weekend", () => {
    expect(due([acceptance("2025-03-03")], "decision")).toBe("2025-03-10");
    expect(due([acceptance("2025-10-03")], "decision")).toBe("2025-10-10");
  });

  it("skips Tết Ất Tỵ 2025 (a request received the Friday before Tết)", () => {
    // 25/1–2/2/2025 off: 3, 4, 5, 6, 7 Feb are the five working days.
    expect(due([acceptance("2025-01-24")], "decision")).toBe("2025-02-07");
  });

  it("skips Tết Bính Ngọ 2026", () => {
    // Fri 13/2 is day 1; 14–22/2 off; 23, 24, 25, 26 are days 2–5.
    expect(due([acceptance("2026-02-12")], "decision")).toBe("2026-02-26");
  });

  it("skips Tết Giáp Thìn 2024 and the 2024 National Day holidays", () => {
    // Received Wed 7/2/2024; 8–14/2 off → 15, 16, 19, 20, 21.
    expect(due([acceptance("2024-02-07")], "decision")).toBe("2024-02-21");
    // Received Thu 29/8/2024: Fri 30 is day 1; 31/8–3/9 off → 4, 5, 6, 9.
    expect(due([acceptance("2024-08-29")], "decision")).toBe("2024-09-09");
  });
});

describe("notification due: 3 working days after the decision", () => {
  it("counts from the decision date", () => {
    expect(due([acceptance("2025-03-03"), decision("2025-03-05")], "notification")).toBe("2025-03-10");
  });

  it("skips 30/4–4/5/2025 (including the swapped Friday 2/5)", () => {
    expect(due([acceptance("2025-04-28"), decision("2025-04-29")], "notification")).toBe("2025-05-07");
  });

  it("counts the make-up Saturday 26/4/2025 as a working day", () => {
    expect(due([acceptance("2025-04-22"), decision("2025-04-24")], "notification")).toBe("2025-04-28");
  });

  it("skips the Hùng Kings' substitute day 27/4/2026", () => {
    // Fri 24/4 decision: Sat/Sun, Mon 27 substitute → 28, 29, then 30/4 and 1/5 are holidays → Mon 4/5.
    expect(due([acceptance("2026-04-22"), decision("2026-04-24")], "notification")).toBe("2026-05-04");
  });
});

describe("voluntary period: 10 days after notification", () => {
  it("ends 10 calendar days later", () => {
    expect(due([acceptance("2025-03-03"), decision("2025-03-05"), notification("2025-03-07")], "voluntary_period_end")).toBe("2025-03-17");
  });

  it("runs to the next working day when it ends on a holiday", () => {
    // 21/4 + 10 = Thu 1/5 (holiday), Fri 2/5 swapped, weekend → Mon 5/5/2025.
    const events = [acceptance("2025-04-14"), decision("2025-04-16"), notification("2025-04-21")];
    const v = find(caseDeadlines(events, "2025-04-21"), "voluntary_period_end");
    expect(v.dueDate).toBe("2025-05-05");
    expect(v.actor).toBe("debtor");
  });
});

describe("verification due: 10 days after the voluntary period", () => {
  it("counts from the end of the voluntary period", () => {
    expect(due([acceptance("2025-03-03"), decision("2025-03-05"), notification("2025-03-07")], "verification")).toBe("2025-03-27");
    expect(due([acceptance("2025-04-14"), decision("2025-04-16"), notification("2025-04-21")], "verification")).toBe("2025-05-15");
  });

  it("rolls past a weekend", () => {
    // Notified Mon 22/9/2025 → voluntary end Thu 2/10 → +10 = Sun 12/10 → Mon 13/10.
    expect(due([acceptance("2025-09-15"), decision("2025-09-17"), notification("2025-09-22")], "verification")).toBe("2025-10-13");
  });

  it("rolls past Tết 2026", () => {
    // Notified Fri 30/1/2026 → voluntary end Mon 9/2 → +10 = Thu 19/2 (Tết) → Mon 23/2.
    expect(due([acceptance("2026-01-26"), decision("2026-01-28"), notification("2026-01-30")], "verification")).toBe("2026-02-23");
  });
});

describe("re-verification due for not-yet-enforceable cases", () => {
  const base = [acceptance("2025-03-03"), decision("2025-03-05"), notification("2025-03-07")];

  it("6 months after the last verification (rolled past a weekend)", () => {
    const events = [...base, verification("2025-03-20"), classify("2025-03-21", "not_yet_enforceable")];
    const r = find(caseDeadlines(events, "2025-04-01"), "reverification");
    expect(r.startDate).toBe("2025-03-20");
    expect(r.period).toEqual({ unit: "months", amount: 6 });
    expect(r.dueDate).toBe("2025-09-22"); // 20/9/2025 is a Saturday
  });

  it("12 months when the debtor is imprisoned or has no known address", () => {
    const events = [...base, verification("2025-03-20", true), classify("2025-03-21", "not_yet_enforceable")];
    const r = find(caseDeadlines(events, "2025-04-01"), "reverification");
    expect(r.period).toEqual({ unit: "months", amount: 12 });
    expect(r.dueDate).toBe("2026-03-20");
  });

  it("end-of-month: 31 Aug + 6 months → 28 Feb 2026 (Saturday) → Monday 2 Mar", () => {
    const events = [
      ...base,
      verification("2025-03-20"),
      classify("2025-03-21", "not_yet_enforceable"),
      verification("2025-08-31"),
      classify("2025-09-01", "not_yet_enforceable"),
    ];
    const all = caseDeadlines(events, "2025-09-02");
    const first = find(all, "reverification", 0);
    expect(first.closedBy).toBe("met");
    expect(first.closedOn).toBe("2025-08-31");
    expect(first.late).toBe(false);
    expect(find(all, "reverification", 1).dueDate).toBe("2026-03-02");
  });

  it("a re-verification done late is flagged late; none is due once the case is enforceable", () => {
    const events = [
      ...base,
      verification("2025-03-20"),
      classify("2025-03-21", "not_yet_enforceable"),
      verification("2025-10-15"),
      classify("2025-10-16", "enforceable"),
    ];
    const all = caseDeadlines(events, "2025-11-01");
    expect(find(all, "reverification").late).toBe(true);
    expect(all.filter((x) => x.kind === "reverification")).toHaveLength(1);
    expect(nextDeadline(events, "2025-11-01")).toBeNull();
  });
});

describe("nextDeadline through the lifecycle", () => {
  const events: CaseEvent[] = [
    acceptance("2025-03-03"),
    decision("2025-03-05"),
    notification("2025-03-07"),
    verification("2025-03-20"),
    classify("2025-03-21", "not_yet_enforceable"),
  ];

  it("moves from step to step", () => {
    const next = (today: string, agencyOnly = false) => {
      const d = nextDeadline(events, today, agencyOnly ? { actors: ["agency"] } : {});
      return d && [d.kind, d.dueDate];
    };
    expect(next("2025-03-01")).toBeNull(); // not accepted yet
    expect(next("2025-03-03")).toEqual(["decision", "2025-03-10"]);
    expect(next("2025-03-05")).toEqual(["notification", "2025-03-10"]);
    expect(next("2025-03-07")).toEqual(["voluntary_period_end", "2025-03-17"]);
    expect(next("2025-03-07", true)).toEqual(["verification", "2025-03-27"]);
    expect(next("2025-03-17")).toEqual(["voluntary_period_end", "2025-03-17"]); // last day still running
    expect(next("2025-03-18")).toEqual(["verification", "2025-03-27"]);
    expect(next("2025-03-20")).toBeNull(); // verified, classification pending: no legal time limit
    expect(next("2025-03-21")).toEqual(["reverification", "2025-09-22"]);
  });

  it("closes the voluntary period as elapsed, and met deadlines with their date", () => {
    const all = caseDeadlines(events, "2025-04-01");
    expect(find(all, "decision")).toMatchObject({ closedBy: "met", closedOn: "2025-03-05", late: false });
    expect(find(all, "notification")).toMatchObject({ closedBy: "met", closedOn: "2025-03-07", late: false });
    expect(find(all, "voluntary_period_end")).toMatchObject({ closedBy: "elapsed", closedOn: "2025-03-17" });
    expect(find(all, "verification")).toMatchObject({ closedBy: "met", closedOn: "2025-03-20", late: false });
    expect(find(all, "reverification")).toMatchObject({ closedBy: null, closedOn: null });
    for (const d of all) {
      expect(d.ruleSetFrom).toBe("2015-07-01");
      expect(d.calendarStatus).toBe("official");
      expect(d.label_vi.length).toBeGreaterThan(5);
    }
  });

  it("ignores events after the as-of date", () => {
    const all = caseDeadlines(events, "2025-03-06");
    expect(all.map((x) => x.kind)).toEqual(["decision", "notification"]);
    expect(find(all, "notification").closedOn).toBeNull();
  });

  it("flags a decision made late", () => {
    const late = [acceptance("2025-03-03"), decision("2025-03-12")];
    const d = find(caseDeadlines(late, "2025-03-12"), "decision");
    expect(d).toMatchObject({ dueDate: "2025-03-10", closedOn: "2025-03-12", closedBy: "met", late: true });
    expect(deadlineStatus(d, "2025-03-11")).toBe("overdue"); // on 11 Mar it was still open and overdue
    expect(deadlineStatus(d, "2025-03-12")).toBe("ok");
  });

  it("no deadline once the case is closed", () => {
    const closed = [
      ...events.slice(0, 3),
      { kind: "termination", effectiveDate: "2025-03-12", reason: "Người được thi hành án rút đơn" } as CaseEvent,
    ];
    expect(nextDeadline(closed, "2025-03-12")).toBeNull();
    const all = caseDeadlines(closed, "2025-04-01");
    expect(find(all, "verification")).toMatchObject({ closedBy: "case_closed", closedOn: "2025-03-12" });
    expect(find(all, "voluntary_period_end")).toMatchObject({ closedBy: "case_closed" });
  });

  it("throws on an inconsistent ledger", () => {
    expect(() => caseDeadlines([acceptance("2025-03-03"), notification("2025-03-04")], "2025-04-01")).toThrow(CaseRuleViolation);
  });
});

describe("postponed and suspended cases", () => {
  const notified = [acceptance("2025-03-03"), decision("2025-03-05"), notification("2025-03-07")];

  it("pauses agency deadlines while postponed", () => {
    const events = [...notified, { kind: "postponement", effectiveDate: "2025-03-10" } as CaseEvent];
    expect(nextDeadline(events, "2025-03-20", { actors: ["agency"] })).toBeNull();
    const v = find(caseDeadlines(events, "2025-03-20"), "verification");
    expect(v.paused).toBe(true);
    expect(deadlineStatus(v, "2025-04-30")).toBe("ok");
  });

  it("restarts a pending step from the resumption date", () => {
    const events = [
      ...notified,
      { kind: "postponement", effectiveDate: "2025-03-10" } as CaseEvent,
      { kind: "resumption", effectiveDate: "2025-04-01" } as CaseEvent,
    ];
    const v = nextDeadline(events, "2025-04-01");
    expect(v).toMatchObject({ kind: "verification", startDate: "2025-04-01", dueDate: "2025-04-11", paused: false });
  });

  it("keeps the natural deadline when resumed before the period would start", () => {
    const events = [
      ...notified,
      { kind: "postponement", effectiveDate: "2025-03-10" } as CaseEvent,
      { kind: "resumption", effectiveDate: "2025-03-12" } as CaseEvent,
    ];
    expect(nextDeadline(events, "2025-03-12", { actors: ["agency"] })).toMatchObject({ kind: "verification", dueDate: "2025-03-27" });
  });

  it("re-verification after a long suspension runs 6 months from the resumption", () => {
    const events = [
      ...notified,
      verification("2025-03-20"),
      classify("2025-03-21", "not_yet_enforceable"),
      { kind: "suspension", effectiveDate: "2025-05-02" } as CaseEvent,
      { kind: "resumption", effectiveDate: "2025-12-01" } as CaseEvent,
    ];
    expect(nextDeadline(events, "2025-12-01")).toMatchObject({ kind: "reverification", startDate: "2025-12-01", dueDate: "2026-06-01" });
  });
});

describe("deadlineStatus", () => {
  const d = find(caseDeadlines([acceptance("2025-03-03")], "2025-03-03"), "decision"); // due Mon 10/3/2025

  it("ok with more than 3 working days left, due_soon with 3 or fewer (today included), overdue after", () => {
    expect(d.dueDate).toBe("2025-03-10");
    expect(deadlineStatus(d, "2025-03-03")).toBe("ok"); // 5 working days left
    expect(deadlineStatus(d, "2025-03-04")).toBe("ok"); // 4
    expect(deadlineStatus(d, "2025-03-05")).toBe("due_soon"); // 3
    expect(deadlineStatus(d, "2025-03-08")).toBe("due_soon"); // Saturday: 1
    expect(deadlineStatus(d, "2025-03-10")).toBe("due_soon"); // due today
    expect(deadlineStatus(d, "2025-03-11")).toBe("overdue");
  });

  it("counts working days, not calendar days, across Tết", () => {
    const tet = find(caseDeadlines([acceptance("2025-01-24")], "2025-01-24"), "decision");
    expect(tet.dueDate).toBe("2025-02-07");
    expect(deadlineStatus(tet, "2025-01-24")).toBe("ok");
    expect(deadlineStatus(tet, "2025-01-31")).toBe("ok"); // a week later, still 5 working days
    expect(deadlineStatus(tet, "2025-02-04")).toBe("due_soon");
  });

  it("accepts a custom threshold", () => {
    expect(deadlineStatus(d, "2025-03-04", undefined, 4)).toBe("due_soon");
    expect(deadlineStatus(d, "2025-03-05", undefined, 2)).toBe("ok");
  });
});

describe("rules switch on 1 Jul 2026", () => {
  it("periods starting on or after 1 Jul 2026 use the Law 106/2025/QH15 rule set", () => {
    const before = find(caseDeadlines([acceptance("2026-06-30")], "2026-06-30"), "decision");
    const after = find(caseDeadlines([acceptance("2026-07-01")], "2026-07-01"), "decision");
    expect(before.ruleSetFrom).toBe("2015-07-01");
    expect(after.ruleSetFrom).toBe("2026-07-01");
    expect(before.dueDate).toBe("2026-07-07");
    expect(after.dueDate).toBe("2026-07-08");
  });

  it("verification: 10 days when the voluntary period ends before 1 Jul 2026, 9 days from then on (Law 106 Art. 37(1))", () => {
    const n1 = [acceptance("2026-06-15"), decision("2026-06-17"), notification("2026-06-19")];
    const n2 = [acceptance("2026-06-15"), decision("2026-06-17"), notification("2026-06-22")];
    const v1 = find(caseDeadlines(n1, "2026-06-30"), "verification");
    const v2 = find(caseDeadlines(n2, "2026-07-02"), "verification");
    expect(v1).toMatchObject({
      startDate: "2026-06-29",
      period: { unit: "days", amount: 10 },
      dueDate: "2026-07-09",
      ruleSetFrom: "2015-07-01",
    });
    expect(v1.sources).toEqual([{ instrument: "Law 26/2008 (amended)", article: "44", clause: "1", verified: "verified", row: "V1" }]);
    // Voluntary period ends Thursday 2 Jul → 9 days → Saturday 11 Jul → Monday 13 Jul.
    expect(v2).toMatchObject({
      startDate: "2026-07-02",
      period: { unit: "days", amount: 9 },
      dueDate: "2026-07-13",
      ruleSetFrom: "2026-07-01",
    });
    expect(v2.sources).toEqual([{ instrument: "Law 106/2025/QH15", article: "37", clause: "1", verified: "verified", row: "V1n" }]);
  });

  it("each deadline carries the sources of its period", () => {
    const d = find(caseDeadlines([acceptance("2026-07-01")], "2026-07-01"), "decision");
    expect(d.sources.map((x) => `${x.instrument} ${x.article}`)).toEqual(["Law 106/2025/QH15 34", "Law 106/2025/QH15 33"]);
  });

  it("counts the make-up Saturday 22/08/2026 and skips Monday 31/08/2026", () => {
    // Accepted Wednesday 19 Aug 2026: 20, 21, Sat 22 (make-up), 24, 25 → due Tuesday 25 Aug.
    expect(find(caseDeadlines([acceptance("2026-08-19")], "2026-08-19"), "decision").dueDate).toBe("2026-08-25");
    // Accepted Thursday 27 Aug: 28, then 29/8–2/9 off (31/8 swapped) → 3, 4, 7, 8 Sep.
    expect(find(caseDeadlines([acceptance("2026-08-27")], "2026-08-27"), "decision").dueDate).toBe("2026-09-08");
  });

  it("a changed limit in the table changes the deadlines — nothing is hard-coded", () => {
    const hypothetical: LegalTimeLimits[] = LEGAL_TIME_LIMITS.map((r) =>
      r.effectiveFrom === "2026-07-01" ? { ...r, decisionWorkingDays: 7, voluntaryDays: 15 } : r,
    );
    const opts = { ruleSets: hypothetical };
    expect(find(caseDeadlines([acceptance("2026-06-30")], "2026-06-30", opts), "decision").dueDate).toBe("2026-07-07");
    expect(find(caseDeadlines([acceptance("2026-07-01")], "2026-07-01", opts), "decision").dueDate).toBe("2026-07-10");
    // The period is governed by the rules in force when it starts: notified 30/6 → 10 days; 1/7 → 15 days.
    const n1 = [acceptance("2026-06-24"), decision("2026-06-26"), notification("2026-06-30")];
    const n2 = [acceptance("2026-06-24"), decision("2026-06-26"), notification("2026-07-01")];
    expect(find(caseDeadlines(n1, "2026-07-01", opts), "voluntary_period_end").dueDate).toBe("2026-07-10");
    expect(find(caseDeadlines(n2, "2026-07-01", opts), "voluntary_period_end").dueDate).toBe("2026-07-16");
  });

  it("old cases keep the 15-day voluntary period of the unamended 2008 law, flagged as uncovered by holiday data", () => {
    const old = [acceptance("2015-06-22"), decision("2015-06-24"), notification("2015-06-26")];
    const v = find(caseDeadlines(old, "2015-06-26"), "voluntary_period_end");
    expect(v.ruleSetFrom).toBe("2009-07-01");
    expect(v.period.amount).toBe(15);
    expect(v.dueDate).toBe("2015-07-13"); // 26/6 + 15 = Sat 11/7 → Mon 13/7
    expect(v.calendarStatus).toBe("missing");
  });

  it("flags deadlines computed on provisional holiday data (2027)", () => {
    const d = find(caseDeadlines([acceptance("2027-02-03")], "2027-02-03"), "decision");
    expect(d.calendarStatus).toBe("provisional");
    expect(d.dueDate).toBe("2027-02-17"); // provisional Tết break 4–10/2/2027: 11, 12, 15, 16, 17
  });
});
