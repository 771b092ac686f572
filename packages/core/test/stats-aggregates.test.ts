import { describe, expect, it } from "vitest";
import {
  addStats,
  caseStats,
  caseStatsByUnit,
  completionRate,
  cumulativePeriods,
  stateAsOf,
  standingOf,
  zeroStats,
  type CaseEvent,
  type UnitStats,
} from "@thads/domain";
import { randomLedger, rng } from "@thads/test-support/random";
import { readCumulativeSeries, readScopeStats, readStats, STOCK_COLS, sumStats } from "../src/stats/readers.ts";
import { bruteForceStats, verifyStats } from "../src/stats/verify.ts";
import { nationalDashboardStats, type AsUser } from "../src/stats/dashboard.ts";
import { toFigures } from "../src/stats/figures.ts";
import { nationUnit } from "../src/stats/units.ts";
import { trend } from "../src/stats/trend.ts";
import type { TxSql } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";

const ctx = useTenantFixture();

/** Event → row as the case service stores it: everything but kind and date in the payload, money as strings. */
function row(caseId: string, e: CaseEvent) {
  const { kind, effectiveDate, ...rest } = e as CaseEvent & Record<string, unknown>;
  return {
    case_id: caseId,
    kind,
    effective_date: effectiveDate,
    payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
  };
}

async function insertCase(unit: string, n: string, flags: { bank?: boolean; corruption?: boolean; type?: string } = {}) {
  const [c] = await ctx.owner<{ id: string }[]>`
    insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name,
                              is_bank_credit, is_corruption)
    values (${unit}, ${unit}, ${`ST-${n}-${ctx.fx.tag}`}, '2022-01-01', 'ex_officio', ${flags.type ?? "civil"}, 'Trần Văn B',
            ${flags.bank ?? false}, ${flags.corruption ?? false})
    returning id`;
  return c!.id;
}

const PERIODS = [
  ...cumulativePeriods(2023),
  ...cumulativePeriods(2024).filter((_, i) => i % 3 === 2),
  { from: "2023-03-17", to: "2024-02-09" },
  { from: "2024-07-31", to: "2024-08-01" },
  { from: "2022-01-01", to: "2026-09-30" }, // the fixture's own cases are accepted on 1 Oct 2026
];

/** A case without means moved to the separate register under the old rules (two verifications, then the register on 26/02/2024). */
const toRegister = (d: string, provinceId: string): CaseEvent[] => [
  { kind: "acceptance", effectiveDate: d, provinceId, source: "court_transfer" },
  { kind: "decision", effectiveDate: d, mode: "ex_officio", obligations: [{ id: "m1", kind: "money", amount: 70_000_000n }] },
  { kind: "notification", effectiveDate: "2023-02-01" },
  { kind: "verification", effectiveDate: "2023-02-20" },
  { kind: "classification", effectiveDate: "2023-02-21", result: "not_yet_enforceable" },
  { kind: "verification", effectiveDate: "2023-08-15" },
  { kind: "classification", effectiveDate: "2023-08-15", result: "not_yet_enforceable" },
  { kind: "verification", effectiveDate: "2024-02-15" },
  { kind: "classification", effectiveDate: "2024-02-15", result: "not_yet_enforceable" },
  { kind: "register_transfer", effectiveDate: "2024-02-26" },
];

/** The database refuses events after today; random ledgers stop before the fixture's own date. */
const UNTIL = "2026-09-30";

describe("statistics aggregates against the domain definitions", () => {
  it("random histories, written in bulk, event by event and back-dated: aggregates equal the per-case sum", async () => {
    const r = rng(7331);
    const units = [ctx.fx.units.a1, ctx.fx.units.a9, ctx.fx.units.b1];
    const ledgers: { unit: string; caseId: string; events: CaseEvent[]; bank: boolean; type: string }[] = [];
    for (let i = 0; i < 90; i++) {
      const unit = units[i % 3]!;
      const bank = r() < 0.3;
      const type = r() < 0.5 ? "civil" : "business";
      const events = randomLedger(r, {
        provinceId: "p",
        otherProvinceId: "q",
        start: "2022-08-01",
        spreadDays: 600,
        steps: 14,
        until: UNTIL,
      });
      ledgers.push({ unit, caseId: await insertCase(unit, String(i), { bank, type }), events, bank, type });
    }
    // Two cases through the separate register (old rules): one moved and reopened on new
    // information, then partly paid; one moved and still there.
    const nye = (d: string) => toRegister(d, "p");
    const registerLedgers: CaseEvent[][] = [
      [
        ...nye("2023-01-16"),
        { kind: "register_reopening", effectiveDate: "2024-06-03", newInformation: "Người phải thi hành án có tài khoản mới" },
        { kind: "verification", effectiveDate: "2024-06-10" },
        { kind: "classification", effectiveDate: "2024-06-10", result: "enforceable" },
        { kind: "payment", effectiveDate: "2024-07-01", obligationId: "m1", amount: 20_000_000n },
      ],
      nye("2023-01-17"),
    ];
    for (const [i, events] of registerLedgers.entries()) {
      ledgers.push({
        unit: ctx.fx.units.a1,
        caseId: await insertCase(ctx.fx.units.a1, `register-${i}`, { bank: false, type: "civil" }),
        events,
        bank: false,
        type: "civil",
      });
    }
    const kinds = new Set(ledgers.flatMap((l) => l.events.map((e) => e.kind)));
    expect(kinds.has("register_transfer") && kinds.has("register_reopening")).toBe(true);
    // Thirty cases in one statement (a bulk import), thirty event by event in ledger order,
    // thirty with their events arriving in a shuffled order (back-dated entries).
    const bulk = ledgers.slice(0, 30).flatMap((l) => l.events.map((e) => row(l.caseId, e)));
    await ctx.owner`insert into public.case_events ${ctx.owner(bulk, "case_id", "kind", "effective_date", "payload")}`;
    for (const l of ledgers.slice(30, 60)) {
      for (const e of l.events)
        await ctx.owner`insert into public.case_events ${ctx.owner(row(l.caseId, e), "case_id", "kind", "effective_date", "payload")}`;
    }
    for (const l of ledgers.slice(60)) {
      const shuffled = [...l.events].sort(() => r() - 0.5);
      for (let i = 0; i < shuffled.length; i += 2) {
        const part = shuffled.slice(i, i + 2).map((e) => row(l.caseId, e));
        await ctx.owner`insert into public.case_events ${ctx.owner(part, "case_id", "kind", "effective_date", "payload")}`;
      }
    }

    const ids = ledgers.map((l) => l.caseId);
    for (const p of PERIODS) {
      for (const unit of units) {
        let expected = zeroStats();
        for (const l of ledgers.filter((x) => x.unit === unit)) expected = addStats(expected, caseStats(l.events, p.from, p.to));
        expect(
          await readScopeStats(ctx.owner, { scope: { unitIds: [unit] }, from: p.from, to: p.to }),
          `${unit} ${p.from}–${p.to}`,
        ).toEqual(expected);
        const brute = (await bruteForceStats(ctx.owner, p.from, p.to, "none", { unitIds: [unit] })).get("all") ?? zeroStats();
        expect(brute, `brute ${unit} ${p.from}–${p.to}`).toEqual(expected);
      }
      // Province A = a1 + a9; breakdowns by category and judgment type.
      let provA = zeroStats();
      let bankA = zeroStats();
      let businessA = zeroStats();
      for (const l of ledgers.filter((x) => x.unit !== ctx.fx.units.b1)) {
        const s = caseStats(l.events, p.from, p.to);
        provA = addStats(provA, s);
        if (l.bank) bankA = addStats(bankA, s);
        if (l.type === "business") businessA = addStats(businessA, s);
      }
      const scopeA = { unitIds: [ctx.fx.units.a1, ctx.fx.units.a9] };
      expect(await readScopeStats(ctx.owner, { scope: scopeA, from: p.from, to: p.to })).toEqual(provA);
      expect(await readScopeStats(ctx.owner, { scope: scopeA, dim: "bank", from: p.from, to: p.to })).toEqual(bankA);
      expect(await readScopeStats(ctx.owner, { scope: scopeA, dim: "jt:business", from: p.from, to: p.to })).toEqual(businessA);
    }
    expect(ids).toHaveLength(92);
  }, 120_000);

  it("the cumulative series of a statistical year equals each cumulative period read on its own", async () => {
    for (const [year, to] of [
      [2023, "2023-09-30"],
      [2024, "2024-05-17"],
      [2024, "2024-06-30"],
    ] as const) {
      for (const scope of [{ unitIds: [ctx.fx.units.a1] }, { unitIds: [ctx.fx.units.a1, ctx.fx.units.a9] }, undefined]) {
        const series = await readCumulativeSeries(ctx.owner, { scope, year, to });
        const expected = cumulativePeriods(year).filter((p) => p.to <= to || p.to.slice(0, 7) === to.slice(0, 7));
        expect(series.map((s) => s.to)).toEqual(expected.map((p) => (p.to > to ? to : p.to)));
        for (const s of series) expect(s.stats).toEqual(await readScopeStats(ctx.owner, { scope, from: `${year - 1}-10-01`, to: s.to }));
        // The year to date handed in by a caller that reads it anyway: the same series.
        const yearToDate = readScopeStats(ctx.owner, { scope, from: `${year - 1}-10-01`, to });
        expect(await readCumulativeSeries(ctx.owner, { scope, year, to, yearToDate })).toEqual(series);
        // Not the year to date (another period's figures handed in by mistake): not taken.
        const unit = { id: "x", kind: "national" as const, merged_into_id: null } as never;
        const other = { from: `${year - 1}-11-01`, stats: readScopeStats(ctx.owner, { scope, from: `${year - 1}-11-01`, to }) };
        if (scope === undefined)
          expect(await trend(ctx.owner as unknown as TxSql, unit, to, other)).toEqual(await trend(ctx.owner as unknown as TxSql, unit, to));
      }
    }
  });

  it("reads the whole years' stock levels from the index alone: it carries every stock column and the tenant keys", async () => {
    const [ix] = await ctx.owner<{ def: string }[]>`select pg_get_indexdef('public.stat_yearly_dim_idx'::regclass) as def`;
    expect(ix!.def).toMatch(/\(dim, year\) INCLUDE \(/);
    for (const c of ["unit_id", "province_id", ...STOCK_COLS]) expect(ix!.def).toMatch(new RegExp(`[(, ]${c}[,)]`));
  });

  it("a bureau's cases given to regional offices: a later assignment never changes a past period's figures, at any unit", async () => {
    const r = rng(1216);
    // A province of its own here (the other tests' cases are at a1, a9 and b1).
    const bureau = ctx.fx.units.b;
    const offices: string[] = [];
    for (const n of [5, 6]) {
      const [u] = await ctx.owner<{ id: string }[]>`
        insert into public.units (kind, code, name, parent_id, province_id)
        values ('subunit', ${`P-B-${ctx.fx.tag}-KV0${n}`}, ${`Phòng khu vực ${n}`}, ${bureau}, ${bureau}) returning id`;
      offices.push(u!.id);
    }
    const units = [bureau, ...offices];
    const cutoff = "2024-12-31";
    const cases: { id: string; events: CaseEvent[] }[] = [];
    for (let i = 0; i < 70; i++) {
      // Most cases have their whole history; the last twenty were only accepted before the cutoff
      // (the bureau holds them, undecided) and are given to an office after it.
      const late = i >= 50;
      let events = randomLedger(r, {
        provinceId: bureau,
        otherProvinceId: "q",
        start: late ? "2024-11-01" : "2023-03-01",
        spreadDays: late ? 50 : 600,
        steps: late ? 0 : 14,
        until: UNTIL,
        officeIds: offices,
      });
      if (late) {
        const acceptedOn = events[0]!.effectiveDate;
        const movedOn = acceptedOn > "2025-01-15" ? acceptedOn : "2025-01-15";
        const office = offices[i % 2]!;
        events = [
          ...events,
          { kind: "office_assignment", effectiveDate: movedOn, unitId: office },
          {
            kind: "decision",
            effectiveDate: "2025-02-03",
            mode: "ex_officio",
            obligations: [{ id: "m1", kind: "money", amount: 12_345_000n }],
          },
          { kind: "notification", effectiveDate: "2025-02-04" },
          { kind: "payment", effectiveDate: "2025-03-10", obligationId: "m1", amount: 2_345_000n },
        ];
      }
      const [c] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
        values (${bureau}, ${bureau}, ${`GIAO-${i}-${ctx.fx.tag}`}, ${events[0]!.effectiveDate}, 'ex_officio', 'civil', 'Lê Văn C')
        returning id`;
      cases.push({ id: c!.id, events });
    }
    // Events are written in ledger order, as the case service writes them: an assignment first, then
    // the case's unit (the database's rule for the API roles).
    const write = async (c: { id: string; events: CaseEvent[] }, keep: (e: CaseEvent) => boolean) => {
      for (const e of c.events.filter(keep)) {
        await ctx.owner`insert into public.case_events ${ctx.owner(row(c.id, e), "case_id", "kind", "effective_date", "payload")}`;
        if (e.kind === "office_assignment") await ctx.owner`update public.cases set unit_id = ${e.unitId} where id = ${c.id}`;
      }
    };
    for (const c of cases) await write(c, (e) => e.effectiveDate <= cutoff);
    const past = [
      { from: "2023-10-01", to: "2024-09-30" },
      { from: "2024-10-01", to: "2024-12-31" },
      { from: "2024-12-01", to: "2024-12-31" },
    ];
    const read = async (p: { from: string; to: string }) => readStats(ctx.owner, { ...p, groupBy: "unit", scope: { unitIds: units } });
    const before = await Promise.all(past.map(read));
    for (const c of cases) await write(c, (e) => e.effectiveDate > cutoff);
    const moved = cases.filter((c) => c.events.some((e) => e.kind === "office_assignment" && e.effectiveDate > cutoff));
    expect(moved.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.events.some((e) => e.kind === "office_assignment" && e.effectiveDate <= cutoff)).length).toBeGreaterThan(
      5,
    );
    for (const [i, p] of past.entries()) expect(await read(p), `${p.from}–${p.to}`).toEqual(before[i]);

    // Every period, every unit: the aggregates equal the domain's per-unit figures and the brute force.
    for (const p of [
      ...past,
      { from: "2024-10-01", to: "2025-09-30" },
      { from: "2025-01-15", to: "2025-01-15" },
      ...cumulativePeriods(2025),
    ]) {
      const expected = new Map<string, UnitStats>();
      for (const c of cases)
        for (const [unit, s] of caseStatsByUnit(c.events, p.from, p.to)) expected.set(unit, addStats(expected.get(unit) ?? zeroStats(), s));
      const agg = await read(p);
      const brute = await bruteForceStats(ctx.owner, p.from, p.to, "unit", { unitIds: units });
      for (const unit of units) {
        expect(agg.get(unit) ?? zeroStats(), `aggregates ${unit} ${p.from}–${p.to}`).toEqual(expected.get(unit) ?? zeroStats());
        expect(brute.get(unit) ?? zeroStats(), `brute force ${unit} ${p.from}–${p.to}`).toEqual(expected.get(unit) ?? zeroStats());
      }
      // The province: moved in = moved out, and its cases to enforce are the cases' own.
      const province = sumStats(units.map((u) => agg.get(u) ?? zeroStats()));
      expect(province.cases.moved_in).toBe(province.cases.moved_out);
      expect(province.money.moved_in).toBe(province.money.moved_out);
    }
    const fy = await read({ from: "2024-10-01", to: "2025-09-30" });
    expect(fy.get(bureau)!.cases.moved_out).toBeGreaterThanOrEqual(20n);
  }, 180_000);

  it("a handover on reorganisation: the former unit counts a case until the day, its successor from it; from the separate register without moved lines", async () => {
    const r = rng(20250701);
    const province = ctx.fx.units.b;
    const [former, successor] = (await Promise.all(
      [7, 8].map(async (n) => {
        const [u] = await ctx.owner<{ id: string }[]>`
          insert into public.units (kind, code, name, parent_id, province_id)
          values ('subunit', ${`P-B-${ctx.fx.tag}-KV0${n}`}, ${`Phòng khu vực ${n}`}, ${province}, ${province}) returning id`;
        return u!.id;
      }),
    )) as [string, string];
    const day = "2025-07-01";
    const cases: CaseEvent[][] = [];
    let handedOver = 0;
    let fromRegister = 0;
    // Three cases in the separate register on the day (old rules: two verifications without means,
    // then the register), one of them reopened on new information after it.
    const registered = (d: string, reopen: boolean): CaseEvent[] => [
      ...toRegister(d, province),
      ...(reopen
        ? [
            {
              kind: "register_reopening",
              effectiveDate: "2025-11-03",
              newInformation: "Người phải thi hành án có thu nhập mới",
            } as CaseEvent,
          ]
        : []),
    ];
    for (let i = 0; i < 83; i++) {
      let events =
        i >= 80
          ? registered(`2023-01-1${i - 80}`, i === 82)
          : randomLedger(r, { provinceId: province, otherProvinceId: "q", start: "2022-10-01", spreadDays: 900, steps: 16, until: UNTIL });
      events = events.map((e) => (e.kind === "acceptance" ? { ...e, unitId: former } : e));
      const at = stateAsOf(events, day);
      if (at.ok && at.state && standingOf(at.state.status) !== null && events[0]!.effectiveDate < day) {
        const handover: CaseEvent = {
          kind: "reorganisation",
          effectiveDate: day,
          unitId: successor,
          fromUnitId: former,
          basis: "Sắp xếp đơn vị",
        };
        const cut = events.findIndex((e) => e.effectiveDate > day);
        events = cut < 0 ? [...events, handover] : [...events.slice(0, cut), handover, ...events.slice(cut)];
        handedOver++;
        if (at.state.status === "separate_register") fromRegister++;
      }
      // The former unit's case, its whole ledger in one statement (the handover checked against the
      // unit holding the case that day), then the case's unit as the maintenance sets it.
      const [c] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
        values (${former}, ${province}, ${`SX-${i}-${ctx.fx.tag}`}, ${events[0]!.effectiveDate}, 'ex_officio', 'civil', 'Đỗ Văn E') returning id`;
      await ctx.owner`insert into public.case_events ${ctx.owner(
        events.map((e) => row(c!.id, e)),
        "case_id",
        "kind",
        "effective_date",
        "payload",
      )}`;
      if (events.some((e) => e.kind === "reorganisation"))
        await ctx.owner`update public.cases set unit_id = ${successor} where id = ${c!.id}`;
      cases.push(events);
    }
    expect(handedOver).toBeGreaterThan(15);
    expect(fromRegister).toBeGreaterThan(0);
    const units = [former, successor];
    for (const p of [
      { from: "2024-10-01", to: "2025-09-30" },
      { from: "2024-10-01", to: "2025-06-30" },
      { from: "2025-07-01", to: "2025-07-01" },
      ...cumulativePeriods(2026),
    ]) {
      const expected = new Map<string, UnitStats>();
      for (const events of cases)
        for (const [unit, st] of caseStatsByUnit(events, p.from, p.to)) expected.set(unit, addStats(expected.get(unit) ?? zeroStats(), st));
      const agg = await readStats(ctx.owner, { ...p, groupBy: "unit", scope: { unitIds: units } });
      const brute = await bruteForceStats(ctx.owner, p.from, p.to, "unit", { unitIds: units });
      for (const unit of units) {
        expect(agg.get(unit) ?? zeroStats(), `aggregates ${unit} ${p.from}–${p.to}`).toEqual(expected.get(unit) ?? zeroStats());
        expect(brute.get(unit) ?? zeroStats(), `brute force ${unit} ${p.from}–${p.to}`).toEqual(expected.get(unit) ?? zeroStats());
      }
    }
    // Up to 30 June 2025 the successor has nothing; the handover's day moves the active cases, and
    // those in the separate register only as a memo figure.
    const before = await readStats(ctx.owner, { from: "2024-10-01", to: "2025-06-30", groupBy: "unit", scope: { unitIds: units } });
    expect(before.get(successor)).toBeUndefined();
    const onDay = (await readStats(ctx.owner, { from: day, to: day, groupBy: "unit", scope: { unitIds: units } })).get(successor)!;
    expect(onDay.cases.moved_in).toBe(BigInt(handedOver - fromRegister));
    expect(onDay.cases.separate_register).toBeGreaterThanOrEqual(BigInt(fromRegister));
  }, 180_000);

  it("an owner's change of a case's unit without a step in its ledger moves its whole history (maintenance only)", async () => {
    const events = randomLedger(rng(99), {
      provinceId: "p",
      otherProvinceId: "q",
      start: "2023-01-01",
      spreadDays: 10,
      steps: 10,
      until: UNTIL,
    });
    const caseId = await insertCase(ctx.fx.units.a1, "move");
    await ctx.owner`insert into public.case_events ${ctx.owner(
      events.map((e) => row(caseId, e)),
      "case_id",
      "kind",
      "effective_date",
      "payload",
    )}`;
    const p = { from: "2022-10-01", to: "2026-09-30" };
    const before9 = await readScopeStats(ctx.owner, { scope: { unitIds: [ctx.fx.units.a9] }, ...p });
    await ctx.owner`update public.cases set unit_id = ${ctx.fx.units.a9} where id = ${caseId}`;
    const after9 = await readScopeStats(ctx.owner, { scope: { unitIds: [ctx.fx.units.a9] }, ...p });
    expect(after9).toEqual(addStats(before9, caseStats(events, p.from, p.to)));
  });

  it("a province user reads its own province's aggregates only, under RLS", async () => {
    const { withClaims } = await import("@thads/db");
    const p = { from: "2022-10-01", to: "2026-09-30" };
    const seen = await withClaims(ctx.app, { sub: ctx.fx.users.province_head!, role: "authenticated" }, (tx) =>
      readStats(tx, { ...p, groupBy: "province" }),
    );
    expect([...seen.keys()]).toEqual([ctx.fx.units.a]);
  });

  it("stats:verify finds the aggregates equal to the raw events, to the đồng", async () => {
    const report = await verifyStats(ctx.owner, { years: [2023, 2024] });
    expect(report.rowMismatches).toEqual([]);
    expect(report.figureMismatches).toEqual([]);
    expect(report.identityFailures).toEqual([]);
    expect(report.comparisons).toBeGreaterThan(50);
  }, 180_000);

  it("verification notices a tampered aggregate", async () => {
    const tamper = (delta: number) => ctx.owner`
      update public.stat_monthly set cmp_m = cmp_m + ${delta}
      where (unit_id, dim, month) = (select unit_id, dim, month from public.stat_monthly
                                     where unit_id = ${ctx.fx.units.a1} and dim = 'all' and month between '2022-10-01' and '2023-08-01'
                                     order by month limit 1)`;
    await tamper(1);
    try {
      const report = await verifyStats(ctx.owner, { years: [2023] });
      expect(report.rowMismatches.length).toBe(1);
      expect(report.figureMismatches.some((m) => m.figure === "money.completed" && BigInt(m.aggregate) === BigInt(m.raw) + 1n)).toBe(true);
    } finally {
      await tamper(-1);
    }
  }, 180_000);

  it("the groups' figures add up to the whole scope's", async () => {
    for (const period of [
      { from: "2023-10-01", to: "2024-09-30" },
      { from: "2024-02-10", to: "2024-06-20" },
    ]) {
      for (const dim of ["all", "bank"] as const) {
        const byProvince = await readStats(ctx.owner, { ...period, dim, groupBy: "province" });
        expect(byProvince.size).toBeGreaterThan(0);
        expect(sumStats(byProvince.values())).toEqual(await readScopeStats(ctx.owner, { ...period, dim }));
      }
    }
  }, 60_000);

  it("the national dashboard's figures are the nation's own reads: totals, both panels and the trend's year to date", async () => {
    const nation = await nationUnit(ctx.owner as unknown as TxSql);
    expect(nation).not.toBeNull();
    const run: AsUser = (fn) => ctx.owner.begin((tx) => fn(tx)) as never;
    // From the year's start (the trend's last point is handed the period's figures) and from another day.
    for (const period of [
      { from: "2023-10-01", to: "2024-06-20" },
      { from: "2024-02-10", to: "2024-06-20" },
    ]) {
      const d = await nationalDashboardStats(run, nation!, period.from, period.to);
      expect(d.totals).toEqual(toFigures(await readScopeStats(ctx.owner, period)));
      expect(d.bank).toEqual(toFigures(await readScopeStats(ctx.owner, { ...period, dim: "bank" })));
      expect(BigInt(d.bank.cases.newly_accepted) + BigInt(d.bank.cases.carried_over)).toBeGreaterThan(0n);
      expect(d.corruption).toEqual(toFigures(await readScopeStats(ctx.owner, { ...period, dim: "corruption" })));
      const last = d.trend.current.at(-1)!;
      expect(last.to).toBe(period.to);
      const yearToDate = await readScopeStats(ctx.owner, { from: "2023-10-01", to: period.to });
      expect(last).toMatchObject({ casesRate: completionRate(yearToDate.cases), moneyRate: completionRate(yearToDate.money) });
    }
  }, 60_000);

  it("the national dashboard fails as one error when a read fails, leaving no rejection unhandled", async () => {
    const nation = await nationUnit(ctx.owner as unknown as TxSql);
    const unhandled: unknown[] = [];
    const note = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", note);
    try {
      // The first read (the period by province, which the others use) fails; the others run.
      let calls = 0;
      const failing: AsUser = (fn) =>
        calls++ === 0 ? Promise.reject(new Error("connection lost")) : (ctx.owner.begin((tx) => fn(tx)) as never);
      // A period that does not start the year: the trend never asks for the period's figures.
      await expect(nationalDashboardStats(failing, nation!, "2024-02-10", "2024-06-20")).rejects.toThrow("connection lost");
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", note);
    }
  });

  it("a stock read across calendar years uses the yearly rows, and verification notices a tampered one", async () => {
    // In-progress cases at the end of the statistical year 2024 include every statistical year before it.
    const read = () => readScopeStats(ctx.owner, { scope: { unitIds: [ctx.fx.units.a1] }, from: "2023-10-01", to: "2024-09-30" });
    const before = await read();
    const tamper = (delta: number) => ctx.owner`
      update public.stat_yearly set ip_n = ip_n + ${delta}
      where (unit_id, dim, year) = (select unit_id, dim, year from public.stat_yearly
                                    where unit_id = ${ctx.fx.units.a1} and dim = 'all' and year < '2023-10-01' order by year desc limit 1)
      returning year`;
    const touched = await tamper(1);
    expect(touched).toHaveLength(1);
    try {
      expect((await read()).cases.in_progress).toBe(before.cases.in_progress + 1n);
      const report = await verifyStats(ctx.owner, { years: [2024] });
      expect(report.rowMismatches.filter((m) => m.table === "stat_yearly")).toHaveLength(1);
    } finally {
      await tamper(-1);
    }
  }, 180_000);
});
