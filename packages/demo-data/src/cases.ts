import { BANKS, companyName, personName } from "./names.ts";
import { rng, stableUuid, weighted } from "./prng.ts";

export const CASE_COLUMNS = [
  "id", "province_id", "unit_id", "case_number", "accepted_on", "decision_date", "decision_kind",
  "judgment_type", "is_bank_credit", "is_corruption", "executor_id", "status", "debtor_name",
  "creditor_name", "money_due", "money_collected", "closed_on",
] as const;

export type CaseRow = Record<(typeof CASE_COLUMNS)[number], string | null>;

const JUDGMENT_TYPES = [
  ["civil", 46], ["criminal", 30], ["business", 10], ["family", 8], ["labour", 2],
  ["administrative", 2], ["bankruptcy", 1], ["arbitration", 1],
] as const;

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Money due in đồng with a long tail: a few million up to hundreds of billions. */
function moneyDue(r: () => number, bankCredit: boolean, corruption: boolean): bigint {
  const minExp = bankCredit ? 8 : 6.3; // 100 million / 2 million
  const maxExp = bankCredit || corruption ? 11.7 : 10; // ~500 billion / 10 billion
  const skew = Math.pow(r(), 2.2); // most cases small, a few very large
  const value = Math.pow(10, minExp + skew * (maxExp - minExp));
  return BigInt(Math.round(value / 1000)) * 1000n;
}

export interface CaseGenOptions {
  count: number;
  seed?: number;
  /** Sub-bureaus with their province and executors. */
  units: { id: string; provinceId: string; code: string; executors: string[] }[];
  /** "Today" for the generator: cases are spread over the five statistical years before it. */
  today?: string;
}

/**
 * Generates cases one at a time (streams millions without holding them).
 * Deterministic for a given seed, count and unit list.
 */
export function* generateCases(opts: CaseGenOptions): Generator<CaseRow> {
  const r = rng(opts.seed ?? 7);
  const today = Date.parse(`${opts.today ?? "2026-11-27"}T00:00:00Z`);
  const start = today - 5 * 365 * DAY;
  const units = opts.units;
  // Larger provinces' offices carry more cases: weight by executors.
  const weights = units.map((u) => u.executors.length);
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const seqByProvince = new Map<string, number>();

  for (let i = 0; i < opts.count; i++) {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const unit = units[lo]!;
    const seq = (seqByProvince.get(unit.provinceId) ?? 0) + 1;
    seqByProvince.set(unit.provinceId, seq);

    const judgment = weighted(r, JUDGMENT_TYPES);
    const bankCredit = (judgment === "business" || judgment === "civil") && r() < 0.12;
    const corruption = judgment === "criminal" && r() < 0.06;
    const acceptedMs = start + Math.floor(Math.pow(r(), 0.7) * (today - start));
    const accepted = isoDate(acceptedMs);
    const ageDays = (today - acceptedMs) / DAY;
    const decided = ageDays > 5 || r() < 0.5;
    const decisionDate = decided ? isoDate(acceptedMs + Math.floor(r() * 5) * DAY) : null;

    let status: string;
    if (!decided) status = "accepted";
    else if (ageDays < 10) status = weighted(r, [["decided", 1], ["notified", 2]] as const);
    else if (ageDays < 30) status = weighted(r, [["notified", 1], ["verified", 1], ["enforcing", 2], ["completed", 1]] as const);
    else
      status = weighted(r, [
        ["completed", ageDays > 365 ? 62 : 40], ["terminated", 4], ["enforcing", 14], ["not_yet_enforceable", 14],
        ["postponed", 2], ["suspended", 1], ["enforceable", 3], ["transferred_out", 1],
      ] as const);

    const due = moneyDue(r, bankCredit, corruption);
    let collected = 0n;
    if (status === "completed") collected = due;
    else if (status === "enforcing" || status === "enforceable") collected = (due * BigInt(Math.floor(r() * 60))) / 100n;
    const closed = status === "completed" || status === "terminated" || status === "transferred_out";
    const closedOn = closed ? isoDate(Math.min(today, acceptedMs + Math.floor(30 + r() * Math.max(1, ageDays - 30)) * DAY)) : null;

    const debtorIsCompany = bankCredit ? r() < 0.6 : r() < 0.15;
    const executor = decided && unit.executors.length ? unit.executors[Math.floor(r() * unit.executors.length)]! : null;
    const year = accepted.slice(0, 4);

    yield {
      id: stableUuid(`case:${opts.seed ?? 7}:${i}`),
      province_id: unit.provinceId,
      unit_id: unit.id,
      case_number: `${seq}/${year}/QĐ-${unit.code.replace(/^P-/, "").split("-KV")[0]}`,
      accepted_on: accepted,
      decision_date: decisionDate,
      decision_kind: judgment === "criminal" || r() < 0.2 ? "ex_officio" : "on_request",
      judgment_type: judgment,
      is_bank_credit: bankCredit ? "t" : "f",
      is_corruption: corruption ? "t" : "f",
      executor_id: executor,
      status,
      debtor_name: debtorIsCompany ? companyName(r) : personName(r),
      creditor_name: bankCredit ? BANKS[Math.floor(r() * BANKS.length)]! : corruption ? "Nhà nước" : personName(r),
      money_due: due.toString(),
      money_collected: collected.toString(),
      closed_on: closedOn,
    };
  }
}

/** Escapes one value for COPY ... FROM STDIN (text format). */
export function copyValue(v: string | null): string {
  if (v === null) return "\\N";
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
