import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addCalendarDays, completionRate, deriveState, samePeriodLastYear, statYearPeriod, type CaseEvent } from "@thads/domain";
import { readScopeStats, scopeOf, unitByCode } from "../src/stats/readers.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";

/**
 * Seed 001: Bà Rịa – Vũng Tàu, 1 Oct 2020 – 31 Aug 2021: 7,048 cases completed = 69.66 % of the
 * enforceable cases; 417,128,568,000 đồng = 38.28 % of the enforceable money. Cases built to those
 * figures are recorded under the former province (dissolved 1 Jul 2025, merged into TP Hồ Chí Minh)
 * and read back through the aggregates, for the former unit and rolled up into the merged city.
 */
const ctx = useTenantFixture();
const PERIOD = { from: "2020-10-01", to: "2021-08-31" };
const XONG_MONEY = 417_128_568_000n;
const ENFORCEABLE_MONEY = 1_089_677_000_000n; // 417,128,568,000 / 1,089,677,000,000 = 38.28 %

/** n amounts summing to total, as even as whole đồng allow. */
function split(total: bigint, n: number): bigint[] {
  const base = total / BigInt(n);
  const rest = Number(total - base * BigInt(n));
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1n : 0n));
}

const money = (amount: bigint) => [{ id: "m1", kind: "money" as const, amount }];

function opened(d: string, amount: bigint, provinceId: string): CaseEvent[] {
  return [
    { kind: "acceptance", effectiveDate: d, provinceId, source: "court_transfer" },
    { kind: "decision", effectiveDate: d, mode: "ex_officio", obligations: money(amount) },
    { kind: "notification", effectiveDate: addCalendarDays(d, 1) },
    { kind: "verification", effectiveDate: addCalendarDays(d, 20) },
  ];
}

function build(provinceId: string): CaseEvent[][] {
  const ledgers: CaseEvent[][] = [];
  const day = (start: string, i: number, spread: number) => addCalendarDays(start, i % spread);
  // 6,900 completed and 148 terminated in the period: 7,048 cases "thi hành xong".
  const terminatedEach = 1_000_000n;
  const completedAmounts = split(XONG_MONEY - 148n * terminatedEach, 6900);
  completedAmounts.forEach((a, i) => {
    const d = day("2020-10-01", i, 240);
    ledgers.push([
      ...opened(d, a, provinceId),
      { kind: "classification", effectiveDate: addCalendarDays(d, 21), result: "enforceable" },
      { kind: "payment", effectiveDate: addCalendarDays(d, 30), obligationId: "m1", amount: a },
      { kind: "completion", effectiveDate: addCalendarDays(d, 31) },
    ]);
  });
  for (let i = 0; i < 148; i++) {
    const d = day("2020-11-02", i, 200);
    ledgers.push([
      ...opened(d, terminatedEach, provinceId),
      { kind: "classification", effectiveDate: addCalendarDays(d, 21), result: "enforceable" },
      { kind: "termination", effectiveDate: addCalendarDays(d, 40), reason: "Người được thi hành án từ bỏ quyền (Điều 50)" },
    ]);
  }
  // 3,070 enforceable cases still in progress on 31 Aug 2021: half carried over from the previous
  // year, half new; some of them are paid and completed after the period (they do not count).
  split(ENFORCEABLE_MONEY - XONG_MONEY, 3070).forEach((a, i) => {
    const d = i % 2 === 0 ? day("2020-03-02", i, 150) : day("2020-10-10", i, 250);
    const l: CaseEvent[] = [
      ...opened(d, a, provinceId),
      { kind: "classification", effectiveDate: addCalendarDays(d, 21), result: "enforceable" },
    ];
    if (i % 10 === 0) {
      l.push({ kind: "payment", effectiveDate: "2021-09-15", obligationId: "m1", amount: a });
      l.push({ kind: "completion", effectiveDate: "2021-09-16" });
    }
    ledgers.push(l);
  });
  // 2,000 without means (not yet enforceable), 40 transferred to another province.
  for (let i = 0; i < 2000; i++) {
    const d = day("2020-07-01", i, 300);
    ledgers.push([
      ...opened(d, 50_000_000n, provinceId),
      { kind: "classification", effectiveDate: addCalendarDays(d, 21), result: "not_yet_enforceable" },
    ]);
  }
  for (let i = 0; i < 40; i++) {
    const d = day("2020-12-01", i, 100);
    ledgers.push([
      ...opened(d, 7_000_000n, provinceId),
      { kind: "transfer", effectiveDate: addCalendarDays(d, 25), toProvinceId: "another-province" },
    ]);
  }
  return ledgers;
}

describe("press report: Bà Rịa – Vũng Tàu, 1 Oct 2020 – 31 Aug 2021", () => {
  it("gives 69.66 % of cases and 38.28 % of money, for the former province and within TP Hồ Chí Minh", async () => {
    const sql = ctx.owner;
    const tag = ctx.fx.tag;
    const hcm = randomUUID();
    const brvt = randomUUID();
    await sql`insert into public.units (id, kind, code, name, parent_id, province_id)
              values (${hcm}, 'province', ${`P-HO-CHI-MINH-${tag}`}, 'Thi hành án dân sự Thành phố Hồ Chí Minh', ${ctx.fx.units.national}, ${hcm})`;
    await sql`insert into public.units (id, kind, code, name, parent_id, province_id, dissolved_on, merged_into_id)
              values (${brvt}, 'province', ${`L-BA-RIA-VUNG-TAU-${tag}`}, 'Cục Thi hành án dân sự tỉnh Bà Rịa – Vũng Tàu',
                      ${ctx.fx.units.national}, ${hcm}, '2025-07-01', ${hcm})`;
    const hcmKv = randomUUID();
    await sql`insert into public.units (id, kind, code, name, parent_id, province_id)
              values (${hcmKv}, 'subunit', ${`P-HO-CHI-MINH-${tag}-KV01`}, 'Phòng THADS khu vực 1', ${hcm}, ${hcm})`;

    const ledgers = build(brvt);
    // Cases recorded in TP Hồ Chí Minh after the merger: they must not change the 2021 figures.
    const after = Array.from({ length: 25 }, (_, i) => [
      ...opened(addCalendarDays("2025-08-01", i), 9_000_000n, hcm),
      { kind: "classification", effectiveDate: addCalendarDays("2025-08-01", i + 21), result: "enforceable" } as CaseEvent,
    ]);
    for (const l of [...ledgers, ...after]) expect(deriveState(l).ok).toBe(true);

    const write = async (unit: string, ls: CaseEvent[][], prefix: string) => {
      const cases = ls.map((l, i) => ({
        id: randomUUID(),
        unit_id: unit,
        province_id: hcm,
        case_number: `${prefix}${i}/${tag}`,
        accepted_on: l[0]!.effectiveDate,
        decision_kind: "ex_officio",
        judgment_type: i % 5 === 0 ? "business" : "civil",
        debtor_name: "Công ty TNHH X",
        is_bank_credit: i % 4 === 0,
      }));
      for (let i = 0; i < cases.length; i += 2000) await sql`insert into public.cases ${sql(cases.slice(i, i + 2000))}`;
      const events = ls.flatMap((l, i) =>
        l.map((e) => {
          const { kind, effectiveDate, ...rest } = e as CaseEvent & Record<string, unknown>;
          return {
            case_id: cases[i]!.id,
            kind,
            effective_date: effectiveDate,
            payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
          };
        }),
      );
      // Statement by statement, as a bulk import writes them (the aggregates follow each statement).
      for (let i = 0; i < events.length; i += 5000) {
        await sql`insert into public.case_events ${sql(events.slice(i, i + 5000), "case_id", "kind", "effective_date", "payload")}`;
      }
    };
    await write(brvt, ledgers, "BRVT-");
    await write(hcmKv, after, "HCM-");

    const former = await unitByCode(sql, `L-BA-RIA-VUNG-TAU-${tag}`);
    expect(former?.merged_into_id).toBe(hcm);
    const s = await readScopeStats(sql, { scope: scopeOf(former!), ...PERIOD });
    expect(s.cases.completed + s.cases.terminated).toBe(7048n);
    expect(s.cases.enforceable).toBe(10_118n);
    expect(completionRate(s.cases)).toBe("69.66");
    expect(s.money.completed + s.money.terminated).toBe(XONG_MONEY);
    expect(s.money.enforceable).toBe(ENFORCEABLE_MONEY);
    expect(completionRate(s.money)).toBe("38.28");
    expect(s.cases.carried_over).toBeGreaterThan(0n);
    expect(s.cases.not_yet_enforceable).toBe(2000n);
    expect(s.cases.transferred_out).toBe(40n);

    // Rolled up into TP Hồ Chí Minh: the same figures for 2021, the new office's cases from 2025 on.
    const city = await unitByCode(sql, `P-HO-CHI-MINH-${tag}`);
    const c2021 = await readScopeStats(sql, { scope: scopeOf(city!), ...PERIOD });
    expect(c2021).toEqual(s);
    const c2026 = await readScopeStats(sql, { scope: scopeOf(city!), from: "2025-10-01", to: "2026-08-31" });
    const f2026 = await readScopeStats(sql, { scope: scopeOf(former!), from: "2025-10-01", to: "2026-08-31" });
    expect(c2026.cases.carried_over).toBe(f2026.cases.carried_over + 25n);

    // Year over year across the merger: the same period a year earlier is answered the same way.
    const prev = samePeriodLastYear(PERIOD);
    expect(prev).toEqual({ from: "2019-10-01", to: "2020-08-31" });
    const p2020 = await readScopeStats(sql, { scope: scopeOf(city!), ...prev });
    expect(p2020).toEqual(await readScopeStats(sql, { scope: scopeOf(former!), ...prev }));
    expect(p2020.cases.newly_accepted).toBeGreaterThan(0n);
    const y2020 = await readScopeStats(sql, { scope: scopeOf(city!), ...statYearPeriod(2020) });
    expect(y2020.cases.carried_to_next).toBe(s.cases.carried_over);
    expect(y2020.money.carried_to_next).toBe(s.money.carried_over);

    // Bank-credit breakdown is part of the whole.
    const bank = await readScopeStats(sql, { scope: scopeOf(former!), dim: "bank", ...PERIOD });
    expect(bank.cases.enforceable).toBeGreaterThan(0n);
    expect(bank.cases.enforceable).toBeLessThan(s.cases.enforceable);
  }, 120_000);
});
