/**
 * How the generated demo data compares with the published national results of the last full
 * statistical year (FY2025, 1 Oct 2024 – 30 Sep 2025: 84.25 % of enforceable cases and 56.13 % of
 * enforceable money done; National Assembly targets 83.90 % and 51.90 %), computed straight from
 * the generated ledgers with the domain's caseStats (no database):
 *
 *   npx tsx packages/demo-data/src/calibration.ts [--cases 20000] [--seed 7]
 *
 * `calibrationOf` is also what packages/demo-data/test/calibration.test.ts checks for the default demo.
 */
import { parseArgs } from "node:util";
import { fromEventRow } from "@thads/core";
import { addStats, caseStats, completionRate, statYearPeriod, zeroStats, type CaseEventKind, type UnitStats } from "@thads/domain";
import { DEFAULT_TODAY, generateCaseHistories } from "./cases.ts";
import { buildModel } from "./model.ts";
import { caseUnits, demoExecutors } from "./seed.ts";

/** The published national FY2025 results and the National Assembly's targets, in percent. */
export const FY2025 = { year: 2025, cases: 84.25, money: 56.13, targetCases: 83.9, targetMoney: 51.9 } as const;

export interface Calibration {
  nation: { cases: number; money: number };
  /** The nation's figures (what the rates come from). */
  figures: UnitStats;
  provinces: { id: string; cases: number; money: number }[];
}

export function calibrationOf(opts: { cases: number; seed?: number; year?: number }): Calibration {
  const model = buildModel();
  const { from, to } = statYearPeriod(opts.year ?? FY2025.year);
  const byProvince = new Map<string, UnitStats>();
  for (const c of generateCaseHistories({
    count: opts.cases,
    seed: opts.seed,
    units: caseUnits(model),
    today: DEFAULT_TODAY,
    focusExecutors: demoExecutors(model),
  })) {
    if (c.case.accepted_on! > to) continue;
    const events = c.events.map((e) =>
      fromEventRow({ kind: e.kind as CaseEventKind, effective_date: e.effective_date!, payload: JSON.parse(e.payload!) }),
    );
    const p = c.case.province_id!;
    byProvince.set(p, addStats(byProvince.get(p) ?? zeroStats(), caseStats(events, from, to)));
  }
  const rate = (s: UnitStats) => ({ cases: Number(completionRate(s.cases) ?? "0"), money: Number(completionRate(s.money) ?? "0") });
  const nation = [...byProvince.values()].reduce(addStats, zeroStats());
  return { nation: rate(nation), figures: nation, provinces: [...byProvince].map(([id, s]) => ({ id, ...rate(s) })) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { cases: { type: "string", default: "20000" }, seed: { type: "string", default: "7" } } });
  const t0 = Date.now();
  const c = calibrationOf({ cases: Number(values.cases), seed: Number(values.seed) });
  const above = (k: "cases" | "money", t: number) => c.provinces.filter((p) => p[k] >= t).length;
  console.log(
    `FY2025 nation: cases ${c.nation.cases.toFixed(2)} % (published ${FY2025.cases}), money ${c.nation.money.toFixed(2)} % (published ${FY2025.money})`,
  );
  const f = c.figures.cases;
  console.log(
    `cases: enforceable ${f.enforceable}, completed ${f.completed}, terminated ${f.terminated}, in progress ${f.in_progress}, other ${f.other}, postponed ${f.postponed}, suspended ${f.suspended}, not yet ${f.not_yet_enforceable}`,
  );
  console.log(
    `provinces at or above target: cases ${above("cases", FY2025.targetCases)}/${c.provinces.length}, money ${above("money", FY2025.targetMoney)}/${c.provinces.length}`,
  );
  const sorted = (k: "cases" | "money") => c.provinces.map((p) => p[k]).sort((a, b) => a - b);
  for (const k of ["cases", "money"] as const) {
    const s = sorted(k);
    console.log(
      `${k}: min ${s[0]} p25 ${s[Math.floor(s.length / 4)]} median ${s[Math.floor(s.length / 2)]} p75 ${s[Math.floor((3 * s.length) / 4)]} max ${s[s.length - 1]}`,
    );
  }
  console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
