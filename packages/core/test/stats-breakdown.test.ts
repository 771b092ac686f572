import { describe, expect, it } from "vitest";
import { addStats, breakdownViolations, caseStats, completionRate, zeroStats, type CaseEvent } from "@thads/domain";
import { readBreakdown } from "../src/stats/readers.ts";
import { bruteForceStats, verifyStats } from "../src/stats/verify.ts";
import { toJson } from "../src/stats/figures.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";

const ctx = useTenantFixture();

function row(caseId: string, e: CaseEvent) {
  const { kind, effectiveDate, ...rest } = e as CaseEvent & Record<string, unknown>;
  return {
    case_id: caseId,
    kind,
    effective_date: effectiveDate,
    payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
  };
}

/** Accepted, decided for `amount` đồng and notified on `d` (a 1st of the month), verified and classified enforceable on the 20th, after the voluntary period. */
const opened = (d: string, mode: "ex_officio" | "on_request", amount: bigint): CaseEvent[] => [
  { kind: "acceptance", effectiveDate: d, provinceId: "p", source: mode === "ex_officio" ? "court_transfer" : "creditor_request" },
  { kind: "decision", effectiveDate: d, mode, obligations: [{ id: "m1", kind: "money", amount }] },
  { kind: "notification", effectiveDate: d },
  { kind: "verification", effectiveDate: `${d.slice(0, 8)}20` },
  { kind: "classification", effectiveDate: `${d.slice(0, 8)}20`, result: "enforceable" },
];

/**
 * Four hand-worked cases in one office, statistical year 2024 (1 Oct 2023 – 30 Sep 2024):
 *  A ex officio, criminal: accepted 1 Nov 2023 for 10 m, paid 4 m and 6 m, completed 1 Feb 2024;
 *  B on request, civil: accepted 1 Dec 2022 for 50 m, paid 5 m before the year, 15 m within it, still in progress;
 *  C on request, family: accepted 1 Apr 2024 for 8 m, postponed 1 Jun 2024;
 *  D ex officio, other: accepted 1 Dec 2023 for 2 m, terminated 1 May 2024.
 */
const CASES: { n: string; kind: "ex_officio" | "on_request"; type: string; events: CaseEvent[] }[] = [
  {
    n: "A",
    kind: "ex_officio",
    type: "criminal",
    events: [
      ...opened("2023-11-01", "ex_officio", 10_000_000n),
      { kind: "payment", effectiveDate: "2024-01-10", obligationId: "m1", amount: 4_000_000n },
      { kind: "payment", effectiveDate: "2024-02-01", obligationId: "m1", amount: 6_000_000n },
      { kind: "completion", effectiveDate: "2024-02-01" },
    ],
  },
  {
    n: "B",
    kind: "on_request",
    type: "civil",
    events: [
      ...opened("2022-12-01", "on_request", 50_000_000n),
      { kind: "payment", effectiveDate: "2023-05-01", obligationId: "m1", amount: 5_000_000n },
      { kind: "payment", effectiveDate: "2024-03-01", obligationId: "m1", amount: 15_000_000n },
    ],
  },
  {
    n: "C",
    kind: "on_request",
    type: "family",
    events: [
      ...opened("2024-04-01", "on_request", 8_000_000n),
      { kind: "postponement", effectiveDate: "2024-06-01", reason: "Đương sự đề nghị" },
    ],
  },
  {
    n: "D",
    kind: "ex_officio",
    type: "other",
    events: [
      ...opened("2023-12-01", "ex_officio", 2_000_000n),
      { kind: "termination", effectiveDate: "2024-05-01", reason: "Điều 50 khoản 1 điểm a" },
    ],
  },
];

describe("breakdowns by decision kind and judgment type", () => {
  it("hand-worked cases: each part as counted by hand, each split adds up to the line, the API carries them", async () => {
    const unit = ctx.fx.units.a1;
    for (const c of CASES) {
      const [r] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
        values (${unit}, ${unit}, ${`BD-${c.n}-${ctx.fx.tag}`}, ${c.events[0]!.effectiveDate}, ${c.kind}, ${c.type}, 'Lê Văn C')
        returning id`;
      await ctx.owner`insert into public.case_events ${ctx.owner(
        c.events.map((e) => row(r!.id, e)),
        "case_id",
        "kind",
        "effective_date",
        "payload",
      )}`;
    }
    const from = "2023-10-01";
    const to = "2024-09-30";
    const { line, parts } = await readBreakdown(ctx.owner, { scope: { unitIds: [unit] }, from, to });

    // By hand, cases.
    expect(parts.ex_officio.cases).toMatchObject({ carried_over: 0n, newly_accepted: 2n, completed: 1n, terminated: 1n, enforceable: 2n });
    expect(parts.on_request.cases).toMatchObject({ carried_over: 1n, newly_accepted: 1n, completed: 0n, in_progress: 1n, postponed: 1n });
    expect(completionRate(parts.ex_officio.cases)).toBe("100.00");
    expect(completionRate(parts.on_request.cases)).toBe("0.00");
    // By hand, money: partial payments count as money completed in the period they are collected.
    expect(parts.ex_officio.money).toMatchObject({ newly_accepted: 12_000_000n, completed: 10_000_000n, terminated: 2_000_000n });
    expect(parts.on_request.money).toMatchObject({
      carried_over: 45_000_000n,
      newly_accepted: 8_000_000n,
      completed: 15_000_000n,
      in_progress: 30_000_000n,
      postponed: 8_000_000n,
      enforceable: 53_000_000n,
    });
    expect(parts.criminal.cases.completed).toBe(1n);
    expect(parts.civil.money.completed).toBe(15_000_000n);
    expect(parts.family.cases.postponed).toBe(1n);
    expect(parts.other.money.terminated).toBe(2_000_000n);
    for (const t of ["administrative", "business", "labour", "bankruptcy", "arbitration"] as const) expect(parts[t]).toEqual(zeroStats());

    // Each part equals the domain's per-case sum and the brute force from the raw events.
    const sum = (pick: (c: (typeof CASES)[number]) => boolean) =>
      CASES.filter(pick).reduce((t, c) => addStats(t, caseStats(c.events, from, to)), zeroStats());
    expect(parts.ex_officio).toEqual(sum((c) => c.kind === "ex_officio"));
    expect(parts.on_request).toEqual(sum((c) => c.kind === "on_request"));
    expect(parts.family).toEqual(sum((c) => c.type === "family"));
    const brute = await bruteForceStats(ctx.owner, from, to, "decision_kind", { unitIds: [unit] });
    expect(parts.on_request).toEqual(brute.get("on_request"));
    expect(breakdownViolations(line, parts)).toEqual([]);

    const json = toJson("X", from, to, line, parts);
    expect(json.breakdown?.decision_kind.on_request.money.completed).toBe("15000000");
    expect(json.breakdown?.judgment_type.other.cases.terminated).toBe(1);
  }, 60_000);

  it("stats:verify checks every part against the raw events and notices a tampered on-request row", async () => {
    const clean = await verifyStats(ctx.owner, { years: [2024] });
    expect(clean.breakdownComparisons).toBeGreaterThan(0);
    expect(clean.figureMismatches.filter((m) => m.group === "breakdown")).toEqual([]);
    expect(clean.identityFailures).toEqual([]);
    const tamper = (delta: number) => ctx.owner`
      update public.stat_monthly set cmp_m = cmp_m + ${delta}
      where unit_id = ${ctx.fx.units.a1} and dim = 'dk:on_request' and month = '2024-03-01' returning 1`;
    expect(await tamper(1)).toHaveLength(1);
    try {
      const report = await verifyStats(ctx.owner, { years: [2024] });
      const bad = report.figureMismatches.filter((m) => m.group === "breakdown" && m.figure === "money.completed");
      expect(bad.some((m) => m.key.endsWith("on_request") && BigInt(m.aggregate) === BigInt(m.raw) + 1n)).toBe(true);
      expect(bad.some((m) => m.key.endsWith("ex_officio") && BigInt(m.aggregate) === BigInt(m.raw) - 1n)).toBe(true);
    } finally {
      await tamper(-1);
    }
  }, 240_000);

  it("a split that does not add up to its line is reported", () => {
    const line = zeroStats();
    line.cases.completed = 2n;
    const parts = Object.fromEntries(
      [
        "ex_officio",
        "on_request",
        "civil",
        "criminal",
        "administrative",
        "family",
        "business",
        "labour",
        "bankruptcy",
        "arbitration",
        "other",
      ].map((k) => [k, zeroStats()]),
    ) as Parameters<typeof breakdownViolations>[1];
    parts.ex_officio.cases.completed = 2n;
    parts.civil.cases.completed = 1n;
    const v = breakdownViolations(line, parts);
    expect(v).toEqual([{ group: "judgment_type", side: "cases", figure: "completed", line: 2n, parts: 1n }]);
  });
});
