import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addStats,
  assertIdentities,
  caseDeltas,
  caseStats,
  caseStatsByUnit,
  completionRate,
  cumulativePeriod,
  cumulativePeriods,
  drillFigureValue,
  figuresByUnitFromDeltas,
  figuresFromDeltas,
  identityViolations,
  percent,
  samePeriodLastYear,
  STAT_FIGURES,
  statYearMonths,
  statYearOf,
  statYearPeriod,
  StatIdentityError,
  zeroStats,
  zeroValues,
  type CaseEvent,
  type DeltaRow,
} from "../../src/index.ts";
import { randomLedger, rng } from "@thads/test-support/random";
import { acceptance, decision, LEDGERS } from "../cases/fixtures.ts";

const FROM = "2024-10-01";
const TO = "2025-09-30";

describe("statistical year", () => {
  it("runs 1 October – 30 September, named by the year it ends in", () => {
    expect(statYearOf("2020-10-01")).toBe(2021);
    expect(statYearOf("2021-09-30")).toBe(2021);
    expect(statYearOf("2021-10-01")).toBe(2022);
    expect(statYearPeriod(2021)).toEqual({ from: "2020-10-01", to: "2021-09-30" });
  });
  it("has twelve cumulative periods from 1 October to each month's end", () => {
    expect(cumulativePeriod(2021, 11)).toEqual({ from: "2020-10-01", to: "2021-08-31" });
    expect(cumulativePeriod(2024, 5)).toEqual({ from: "2023-10-01", to: "2024-02-29" });
    const all = cumulativePeriods(2021);
    expect(all).toHaveLength(12);
    expect(all[0]).toEqual({ from: "2020-10-01", to: "2020-10-31" });
    expect(all[11]).toEqual(statYearPeriod(2021));
    expect(() => cumulativePeriod(2021, 13)).toThrow(RangeError);
  });
  it("lists single months, October first, and the same period a year earlier", () => {
    const months = statYearMonths(2025);
    expect(months[0]).toEqual({ from: "2024-10-01", to: "2024-10-31" });
    expect(months[4]).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(samePeriodLastYear({ from: "2020-10-01", to: "2021-08-31" })).toEqual({ from: "2019-10-01", to: "2020-08-31" });
    expect(samePeriodLastYear({ from: "2024-02-29", to: "2024-02-29" })).toEqual({ from: "2023-02-28", to: "2023-02-28" });
  });
});

describe("completion rate", () => {
  it("is (completed + terminated) / enforceable in percent, half up, two decimals", () => {
    expect(percent(7048n, 10118n)).toBe("69.66");
    expect(percent(1n, 3n)).toBe("33.33");
    expect(percent(2n, 3n)).toBe("66.67");
    expect(percent(1n, 8n)).toBe("12.50");
    expect(percent(1n, 80000n)).toBe("0.00"); // 0.00125 % rounds to 0.00
    expect(percent(1n, 40000n)).toBe("0.00"); // 0.0025 % is 0.00 (under half a hundredth)
    expect(percent(1n, 20000n)).toBe("0.01"); // 0.005 % rounds half up
    expect(percent(5n, 0n)).toBeNull();
    expect(completionRate({ completed: 300n, terminated: 69n, enforceable: 579n })).toBe("63.73");
  });
  it("opens on its numerator: a list of the cases done is completed + terminated, any other figure is itself", () => {
    const v = { ...zeroValues(), completed: 300n, terminated: 69n, in_progress: 210n };
    expect(drillFigureValue(v, "done")).toBe(369n);
    expect(drillFigureValue(v, "completed")).toBe(300n);
    expect(drillFigureValue(v, "in_progress")).toBe(210n);
  });
  it("stays exact beyond 2^53 đồng", () => {
    const big = 10n ** 20n;
    expect(percent(big / 3n, big)).toBe("33.33");
  });
});

describe("identities", () => {
  it("holds for the national 9-month 2017 report", () => {
    // 736,747 total; 728,227 to enforce; 579,413 enforceable; 148,814 not yet; 369,372 completed = 63.75 %; 358,855 carried.
    const v = { ...zeroStats().cases };
    v.total_accepted = 736_747n;
    v.carried_over = 736_747n - 400_000n;
    v.newly_accepted = 400_000n;
    v.transferred_out = 736_747n - 728_227n;
    v.to_enforce = 728_227n;
    v.enforceable = 579_413n;
    v.not_yet_enforceable = 148_814n;
    v.completed = 369_372n;
    v.in_progress = 579_413n - 369_372n;
    v.carried_to_next = 358_855n;
    expect(identityViolations(v)).toEqual([]);
    expect(completionRate(v)).toBe("63.75");
  });
  it("names the identity that fails", () => {
    const s = zeroStats();
    s.cases.total_accepted = 5n;
    const v = identityViolations(s.cases);
    expect(v.map((x) => x.identity)).toContain("total_accepted = carried_over + newly_accepted + reopened");
    expect(() => assertIdentities(s)).toThrow(StatIdentityError);
  });
});

describe("one case's contribution", () => {
  it("counts a case accepted in the period as newly accepted, and its decided money", () => {
    const s = caseStats(LEDGERS.decided, FROM, TO);
    expect(s.cases.newly_accepted).toBe(1n);
    expect(s.cases.carried_over).toBe(0n);
    expect(s.cases.other).toBe(1n);
    expect(s.cases.enforceable).toBe(1n);
    expect(s.money.newly_accepted).toBe(1_000_000n);
    expect(s.money.other).toBe(1_000_000n);
    assertIdentities(s);
  });
  it("carries over a case open before the period with its outstanding money", () => {
    const s = caseStats(LEDGERS.not_yet_enforceable, "2025-10-01", "2026-09-30");
    expect(s.cases.carried_over).toBe(1n);
    expect(s.cases.newly_accepted).toBe(0n);
    expect(s.cases.not_yet_enforceable).toBe(1n);
    expect(s.cases.enforceable).toBe(0n);
    expect(s.money.carried_over).toBe(1_000_000n);
    expect(s.money.carried_to_next).toBe(1_000_000n);
    expect(completionRate(s.cases)).toBeNull();
    assertIdentities(s);
  });
  it("counts payments as money completed, and the case when it completes", () => {
    const events: CaseEvent[] = [
      ...LEDGERS.enforceable,
      { kind: "payment", effectiveDate: "2025-04-01", obligationId: "m1", amount: 400_000n },
      { kind: "payment", effectiveDate: "2025-11-01", obligationId: "m1", amount: 600_000n },
      { kind: "act_performed", effectiveDate: "2025-11-02", obligationId: "a1" },
      { kind: "completion", effectiveDate: "2025-11-03" },
    ];
    const y2025 = caseStats(events, FROM, TO);
    expect(y2025.cases.completed).toBe(0n);
    expect(y2025.cases.in_progress).toBe(1n);
    expect(y2025.money.completed).toBe(400_000n);
    expect(y2025.money.in_progress).toBe(600_000n);
    expect(completionRate(y2025.money)).toBe("40.00");
    const y2026 = caseStats(events, "2025-10-01", "2026-09-30");
    expect(y2026.cases.carried_over).toBe(1n);
    expect(y2026.cases.completed).toBe(1n);
    expect(y2026.cases.carried_to_next).toBe(0n);
    expect(y2026.money.carried_over).toBe(600_000n);
    expect(y2026.money.completed).toBe(600_000n);
    expect(completionRate(y2026.cases)).toBe("100.00");
    assertIdentities(y2025);
    assertIdentities(y2026);
  });
  it("writes off the outstanding money at a termination and at a transfer", () => {
    const term = caseStats([...LEDGERS.enforceable, { kind: "termination", effectiveDate: "2025-05-05", reason: "Điều 50" }], FROM, TO);
    expect(term.cases.terminated).toBe(1n);
    expect(term.money.terminated).toBe(1_000_000n);
    const tr = caseStats(
      [...LEDGERS.enforceable, { kind: "transfer", effectiveDate: "2025-05-05", toProvinceId: "province-ha-noi" }],
      FROM,
      TO,
    );
    expect(tr.cases.transferred_out).toBe(1n);
    expect(tr.cases.to_enforce).toBe(0n);
    expect(tr.money.transferred_out).toBe(1_000_000n);
    expect(tr.money.to_enforce).toBe(0n);
    // A transfer to a military-region agency is a transfer on the same line.
    const mil = caseStats(
      [...LEDGERS.enforceable, { kind: "transfer", effectiveDate: "2025-05-05", toMilitaryAgency: "Phòng Thi hành án Quân khu 7" }],
      FROM,
      TO,
    );
    expect(mil.cases).toEqual(tr.cases);
    expect(mil.money).toEqual(tr.money);
    assertIdentities(term);
    assertIdentities(tr);
    assertIdentities(mil);
  });
  it("counts a transfer within the province before 01/07/2025 nowhere: the history stays with the unit holding the case", () => {
    const moved = [
      ...LEDGERS.enforceable,
      { kind: "intra_province_transfer", effectiveDate: "2025-05-05", unitId: "unit-hp-kv02" } as CaseEvent,
    ];
    expect(caseStats(moved, FROM, TO)).toEqual(caseStats(LEDGERS.enforceable, FROM, TO));
    expect([...caseStatsByUnit(moved, FROM, TO).keys()]).toEqual([...caseStatsByUnit(LEDGERS.enforceable, FROM, TO).keys()]);
  });
  it("puts postponed and suspended cases in their own figures, and back where they were on resumption", () => {
    const p = [...LEDGERS.enforceable, { kind: "postponement", effectiveDate: "2025-06-01", reason: "x" } as CaseEvent];
    expect(caseStats(p, FROM, TO).cases.postponed).toBe(1n);
    const back = [...p, { kind: "resumption", effectiveDate: "2025-06-10" } as CaseEvent];
    expect(caseStats(back, FROM, TO).cases.in_progress).toBe(1n);
    const s = [...LEDGERS.not_yet_enforceable, { kind: "suspension", effectiveDate: "2025-06-01", reason: "x" } as CaseEvent];
    expect(caseStats(s, FROM, TO).cases.suspended).toBe(1n);
  });
  it("does not count a case before its acceptance", () => {
    const s = caseStats([acceptance("2025-03-03"), decision("2025-03-05")], "2024-10-01", "2025-03-02");
    expect(STAT_FIGURES.every((k) => s.cases[k] === 0n && s.money[k] === 0n)).toBe(true);
  });
});

describe("property: random histories", () => {
  const r = rng(20251115);
  const ledgers = [
    ...Array.from({ length: 300 }, () =>
      randomLedger(r, { provinceId: "p1", otherProvinceId: "p2", start: "2022-06-01", spreadDays: 900, steps: 16 }),
    ),
    // Cases under the 2026 rules: the separate register for ex officio cases, returned requests.
    ...Array.from({ length: 300 }, () =>
      randomLedger(r, { provinceId: "p1", otherProvinceId: "p2", start: "2026-01-01", spreadDays: 300, steps: 16 }),
    ),
  ];
  const periods = [
    { from: "2022-10-01", to: "2023-09-30" },
    { from: "2023-10-01", to: "2024-08-31" },
    { from: "2024-10-01", to: "2025-09-30" },
    { from: "2023-02-14", to: "2023-02-14" },
    { from: "2021-01-01", to: "2026-12-31" },
    ...cumulativePeriods(2024),
    { from: "2026-10-01", to: "2027-09-30" },
    { from: "2027-10-01", to: "2028-09-30" },
    { from: "2028-10-01", to: "2029-09-30" },
  ];

  it("generates varied histories (every ending and standing occurs)", () => {
    const statuses = new Set(
      ledgers.map((l) => caseStats(l, "2000-01-01", "2030-12-31")).flatMap((s) => STAT_FIGURES.filter((k) => s.cases[k] > 0n)),
    );
    for (const k of [
      "completed",
      "terminated",
      "transferred_out",
      "in_progress",
      "postponed",
      "suspended",
      "other",
      "not_yet_enforceable",
      "registered",
      "reopened",
      "returned",
      "separate_register",
    ] as const) {
      expect(statuses.has(k), k).toBe(true);
    }
  });

  it("the per-case sum equals the delta-row aggregate, and the identities hold, for every period", () => {
    const allRows: DeltaRow[] = ledgers.flatMap((l) => caseDeltas(l));
    for (const p of periods) {
      let sum = zeroStats();
      for (const l of ledgers) {
        const s = caseStats(l, p.from, p.to);
        assertIdentities(s);
        expect(figuresFromDeltas(caseDeltas(l), p.from, p.to)).toEqual(s);
        sum = addStats(sum, s);
      }
      const agg = figuresFromDeltas(allRows, p.from, p.to);
      expect(agg).toEqual(sum);
      assertIdentities(agg);
    }
    // Thousands of histories over every period: seconds on a busy machine, not the default five.
  }, 60_000);

  it("next period's carried over is this period's carried to next", () => {
    for (const l of ledgers.slice(0, 100)) {
      const a = caseStats(l, "2023-10-01", "2024-09-30");
      const b = caseStats(l, "2024-10-01", "2025-09-30");
      expect(b.cases.carried_over).toBe(a.cases.carried_to_next);
      expect(b.money.carried_over).toBe(a.money.carried_to_next);
    }
  });
});

describe("figures by the unit holding the case (a bureau's case given to a regional office)", () => {
  const r = rng(20261216);
  const offices = ["office-1", "office-2"];
  const ledgers = Array.from({ length: 400 }, () =>
    randomLedger(r, { provinceId: "p1", otherProvinceId: "p2", start: "2023-06-01", spreadDays: 700, steps: 14, officeIds: offices }),
  );
  const moved = ledgers.filter((l) => l.some((e) => e.kind === "office_assignment"));
  const periods = [
    { from: "2023-10-01", to: "2024-09-30" },
    { from: "2024-10-01", to: "2025-09-30" },
    ...cumulativePeriods(2025),
    { from: "2024-03-05", to: "2024-03-05" },
  ];

  it("generates cases given to an office, and some kept by the bureau", () => {
    expect(moved.length).toBeGreaterThan(50);
    expect(ledgers.length - moved.length).toBeGreaterThan(50);
  });

  it("a given case counts at the bureau until the assignment and at the office from it: moved out, moved in", () => {
    const events: CaseEvent[] = [
      { kind: "acceptance", effectiveDate: "2024-09-20", provinceId: "p1", source: "creditor_request" },
      { kind: "office_assignment", effectiveDate: "2024-10-03", unitId: "office-1" },
      { kind: "decision", effectiveDate: "2024-10-07", mode: "on_request", obligations: [{ id: "m1", kind: "money", amount: 9_000_000n }] },
      { kind: "notification", effectiveDate: "2024-10-08" },
      { kind: "payment", effectiveDate: "2024-11-02", obligationId: "m1", amount: 4_000_000n },
    ];
    const fy2024 = caseStatsByUnit(events, "2023-10-01", "2024-09-30");
    expect([...fy2024.keys()]).toEqual(["p1"]);
    expect(fy2024.get("p1")!.cases).toMatchObject({ newly_accepted: 1n, other: 1n, carried_to_next: 1n });
    const fy2025 = caseStatsByUnit(events, "2024-10-01", "2025-09-30");
    expect(fy2025.get("p1")!.cases).toMatchObject({ carried_over: 1n, moved_out: 1n, total_accepted: 1n, to_enforce: 0n, other: 0n });
    expect(fy2025.get("office-1")!.cases).toMatchObject({ moved_in: 1n, total_accepted: 0n, to_enforce: 1n, other: 1n, carried_over: 0n });
    expect(fy2025.get("office-1")!.money).toMatchObject({ newly_accepted: 9_000_000n, completed: 4_000_000n, other: 5_000_000n });
    // The whole case: the two lines are equal, the case is accepted and to enforce once.
    const whole = caseStats(events, "2024-10-01", "2025-09-30");
    expect(whole.cases.moved_in).toBe(whole.cases.moved_out);
    expect(whole.cases).toMatchObject({ total_accepted: 1n, to_enforce: 1n });
  });

  it("per unit, the per-case figures equal the delta rows, and the identities hold at every unit", () => {
    const rows = ledgers.flatMap((l) => caseDeltas(l));
    for (const p of periods) {
      const expected = new Map<string, ReturnType<typeof zeroStats>>();
      for (const l of ledgers)
        for (const [unit, s] of caseStatsByUnit(l, p.from, p.to)) {
          assertIdentities(s);
          expected.set(unit, addStats(expected.get(unit) ?? zeroStats(), s));
        }
      const agg = figuresByUnitFromDeltas(rows, p.from, p.to);
      for (const unit of new Set([...expected.keys(), ...agg.keys()]))
        expect(agg.get(unit) ?? zeroStats(), `${unit} ${p.from}–${p.to}`).toEqual(expected.get(unit) ?? zeroStats());
    }
  }, 60_000);

  it("a move never changes the figures of a period that ended before it, at any unit", () => {
    let compared = 0;
    for (const l of moved) {
      const move = l.find((e) => e.kind === "office_assignment")!;
      const without = l.filter((e) => e !== move);
      for (const p of [...periods, { from: "2023-01-01", to: addCalendarDays(move.effectiveDate, -1) }]) {
        if (p.to >= move.effectiveDate || p.from > p.to) continue;
        expect(caseStatsByUnit(l, p.from, p.to)).toEqual(caseStatsByUnit(without, p.from, p.to));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
