/**
 * Official enforcement statistics (docs/domain.md §4) from a case's event ledger.
 *
 * A case contributes to a unit's figures for a period [from, to] as follows (by cases and by money):
 *  - carried_over: open (accepted, not completed/terminated/transferred) at the end of the day before
 *    `from`; money: its outstanding amount (obligations decided less payments) then;
 *  - newly_accepted: accepted within the period; money: obligations decided within the period;
 *  - reopened: taken back out of the separate register within the period (new information about the
 *    debtor's means); money: outstanding when reopened;
 *  - transferred_out: transferred to another province or a military-region agency within the period; money: outstanding at transfer;
 *  - registered / returned: moved to the separate register, or the request returned to the creditor,
 *    within the period; money: outstanding then;
 *  - separate_register: on the separate register at the end of `to` (a memo figure, outside to_enforce);
 *  - completed: completion within the period; money: payments received within the period (what
 *    official forms call money "thi hành xong", partial collections included) plus anything still
 *    outstanding at a completion (nothing, under the lifecycle rules);
 *  - terminated: termination within the period; money: the outstanding amount written off;
 *  - in_progress / postponed / suspended / other / not_yet_enforceable: the case's standing at the
 *    end of `to` when still open, with its outstanding money then. `in_progress` = classified
 *    enforceable (enforceable or enforcing), `other` = not classified yet (accepted, decided,
 *    notified, verified), `not_yet_enforceable` = classified without means.
 *  - moved_in / moved_out: given to the unit by another unit of the province, or by it to another,
 *    within the period while in the active workload (a regional office's assignment); money:
 *    outstanding on that day. Every figure counts under the unit holding the case on the day that
 *    counts (the day of the event, the end of the day before the period, the end of the period):
 *    a later move does not change a past period's figures (caseStatsByUnit);
 * The rest follows from the identities, which therefore hold for every case and every sum of cases:
 *    total_accepted  = carried_over + newly_accepted + reopened
 *    to_enforce      = total_accepted + moved_in − moved_out − transferred_out − registered − returned
 *                    = enforceable + not_yet_enforceable
 * (moved_in and moved_out are equal for a province and the nation: a case is in their total accepted once).
 *    enforceable     = completed + terminated + in_progress + postponed + suspended + other
 *    completion_rate = (completed + terminated) / enforceable
 *    carried_to_next = to_enforce − (completed + terminated)
 */
import { addCalendarDays, isIsoDate, type IsoDate } from "../cases/calendar.ts";
import {
  applyEvent,
  moneySummary,
  sortEvents,
  stateAsOf,
  type CaseEvent,
  type CaseState,
  type CaseStatus,
  type LifecycleOptions,
} from "../cases/lifecycle.ts";
import { STAT_FIGURES, type DrillFigure, type StatFigure } from "./figure-labels.ts";

export {
  DRILL_FIGURE_LABELS,
  DRILL_FIGURES,
  STAT_FIGURE_LABELS,
  STAT_FIGURES,
  STAT_SIDES,
  type DrillFigure,
  type StatFigure,
  type StatSide,
} from "./figure-labels.ts";

export type StatValues = Record<StatFigure, bigint>;

export interface UnitStats {
  cases: StatValues;
  money: StatValues;
}

/**
 * Where an open case stands, for the statistics. Closed cases: null. The separate register is a
 * standing outside the active workload (not carried over, not to enforce).
 */
export type StatStanding = "in_progress" | "postponed" | "suspended" | "other" | "not_yet_enforceable" | "separate_register";
/** The standings of the active workload (carried over, carried to the next period). */
export const STAT_STANDINGS: readonly StatStanding[] = ["in_progress", "postponed", "suspended", "other", "not_yet_enforceable"];
export const isActiveStanding = (s: StatStanding | null): boolean => s !== null && s !== "separate_register";

export function standingOf(status: CaseStatus): StatStanding | null {
  switch (status) {
    case "enforceable":
    case "enforcing":
      return "in_progress";
    case "postponed":
      return "postponed";
    case "suspended":
      return "suspended";
    case "not_yet_enforceable":
      return "not_yet_enforceable";
    case "separate_register":
      return "separate_register";
    case "accepted":
    case "decided":
    case "notified":
    case "verified":
      return "other";
    case "completed":
    case "terminated":
    case "transferred_out":
    case "returned":
      return null;
  }
}

export function zeroValues(): StatValues {
  return Object.fromEntries(STAT_FIGURES.map((k) => [k, 0n])) as StatValues;
}

export function zeroStats(): UnitStats {
  return { cases: zeroValues(), money: zeroValues() };
}

export function addStats(a: UnitStats, b: UnitStats): UnitStats {
  const add = (x: StatValues, y: StatValues) => Object.fromEntries(STAT_FIGURES.map((k) => [k, x[k] + y[k]])) as StatValues;
  return { cases: add(a.cases, b.cases), money: add(a.money, b.money) };
}

/** Fills the derived figures from the primary ones (the identities as definitions). */
/** The value of a figure a case list can be opened on: "done" is the completion rate's numerator, completed + terminated. */
export function drillFigureValue(v: StatValues, figure: DrillFigure): bigint {
  return figure === "done" ? v.completed + v.terminated : v[figure];
}

export function withDerived(v: Omit<StatValues, "total_accepted" | "to_enforce" | "enforceable" | "carried_to_next">): StatValues {
  const total_accepted = v.carried_over + v.newly_accepted + v.reopened;
  const enforceable = v.completed + v.terminated + v.in_progress + v.postponed + v.suspended + v.other;
  return {
    ...v,
    total_accepted,
    to_enforce: total_accepted + v.moved_in - v.moved_out - v.transferred_out - v.registered - v.returned,
    enforceable,
    carried_to_next: v.in_progress + v.postponed + v.suspended + v.other + v.not_yet_enforceable,
  } as StatValues;
}

export function assertPeriod(from: IsoDate, to: IsoDate): void {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError(`Not ISO dates: ${String(from)} – ${String(to)}`);
  if (from > to) throw new RangeError(`Period starts after it ends: ${from} > ${to}`);
}

function outstandingOf(state: CaseState | null): bigint {
  return state ? moneySummary(state).outstanding : 0n;
}

/** The unit holding a case in a state: its regional office, or its provincial bureau (the province's unit). */
export function holdingUnitOf(state: Pick<CaseState, "unitId" | "provinceId">): string {
  return state.unitId ?? state.provinceId;
}

/**
 * One case's contribution to the figures for [from, to], from its ledger, through the lifecycle
 * (stateAsOf for the standing at both ends, applyEvent for what happened in between), summed over
 * the units that held it. Throws on a ledger the lifecycle refuses.
 */
export function caseStats(events: readonly CaseEvent[], from: IsoDate, to: IsoDate, options: LifecycleOptions = {}): UnitStats {
  let total = zeroStats();
  for (const s of caseStatsByUnit(events, from, to, options).values()) total = addStats(total, s);
  return total;
}

/**
 * One case's contribution to the figures for [from, to] of each unit that held it in the period
 * (by holding unit: holdingUnitOf). The standing at the end of the day before the period counts
 * under the unit then holding the case, the standing at the end of the period under the unit then
 * holding it, and each event under the unit holding the case once it is taken (a move: the giving
 * unit's moved_out, the receiving unit's moved_in).
 */
export function caseStatsByUnit(
  events: readonly CaseEvent[],
  from: IsoDate,
  to: IsoDate,
  options: LifecycleOptions = {},
): Map<string, UnitStats> {
  assertPeriod(from, to);
  const before = stateAsOf(events, addCalendarDays(from, -1), options);
  const after = stateAsOf(events, to, options);
  if (!before.ok) throw new RangeError(`Inconsistent ledger: ${before.error.message_en}`);
  if (!after.ok) throw new RangeError(`Inconsistent ledger: ${after.error.message_en}`);
  const units = new Map<string, { c: Primary; m: Primary }>();
  const at = (unit: string) => {
    let u = units.get(unit);
    if (!u) units.set(unit, (u = { c: zeroPrimary(), m: zeroPrimary() }));
    return u;
  };

  if (before.state !== null && isActiveStanding(standingOf(before.state.status))) {
    const u = at(holdingUnitOf(before.state));
    u.c.carried_over += 1n;
    u.m.carried_over += outstandingOf(before.state);
  }
  const end = after.state;
  if (end !== null && standingOf(end.status) !== null) {
    const standing = standingOf(end.status)!;
    const u = at(holdingUnitOf(end));
    u.c[standing] += 1n;
    u.m[standing] += outstandingOf(end);
  }

  // Flows within the period: fold the ledger, looking at each event with the state before it.
  let state: CaseState | null = null;
  for (const { event } of sortEvents(events)) {
    const r = applyEvent(state, event, options);
    if (!r.ok) throw new RangeError(`Inconsistent ledger: ${r.error.message_en}`);
    const inPeriod = event.effectiveDate >= from && event.effectiveDate <= to;
    if (inPeriod) {
      const owed = outstandingOf(state);
      const { c, m } = at(holdingUnitOf(r.state));
      const unitBefore = state ? holdingUnitOf(state) : null;
      if (unitBefore !== null && unitBefore !== holdingUnitOf(r.state) && isActiveStanding(standingOf(state!.status))) {
        const giver = at(unitBefore);
        giver.c.moved_out += 1n;
        giver.m.moved_out += owed;
        c.moved_in += 1n;
        m.moved_in += owed;
      }
      switch (event.kind) {
        case "acceptance":
          c.newly_accepted += 1n;
          break;
        case "decision":
          m.newly_accepted += moneySummary(r.state).due;
          break;
        case "payment":
          m.completed += event.amount;
          break;
        case "completion":
          c.completed += 1n;
          m.completed += owed;
          break;
        case "termination":
          c.terminated += 1n;
          m.terminated += owed;
          break;
        case "transfer":
          c.transferred_out += 1n;
          m.transferred_out += owed;
          break;
        case "register_transfer":
          c.registered += 1n;
          m.registered += owed;
          break;
        case "register_reopening":
          c.reopened += 1n;
          m.reopened += owed;
          break;
        case "request_returned":
          c.returned += 1n;
          m.returned += owed;
          break;
        default:
          break;
      }
    }
    state = r.state;
  }
  return new Map([...units].map(([unit, { c, m }]) => [unit, { cases: withDerived(c), money: withDerived(m) }]));
}

type Primary = Omit<StatValues, "total_accepted" | "to_enforce" | "enforceable" | "carried_to_next">;
function zeroPrimary(): Primary {
  return {
    carried_over: 0n,
    newly_accepted: 0n,
    reopened: 0n,
    moved_in: 0n,
    transferred_out: 0n,
    moved_out: 0n,
    registered: 0n,
    returned: 0n,
    completed: 0n,
    terminated: 0n,
    in_progress: 0n,
    postponed: 0n,
    suspended: 0n,
    other: 0n,
    not_yet_enforceable: 0n,
    separate_register: 0n,
  };
}

// ---------------------------------------------------------------------------------------------
// Completion rate and identities
// ---------------------------------------------------------------------------------------------

/**
 * (completed + terminated) / enforceable in percent, rounded half up to two decimals, as a
 * decimal string ("69.66"); null when nothing is enforceable. Exact integer arithmetic.
 */
export function completionRate(v: Pick<StatValues, "completed" | "terminated" | "enforceable">): string | null {
  return percent(v.completed + v.terminated, v.enforceable);
}

/** num / den in percent, half up, two decimals; null when den is 0. */
export function percent(num: bigint, den: bigint): string | null {
  if (den === 0n) return null;
  const negative = num < 0n !== den < 0n && num !== 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const hundredths = (n * 10000n * 2n + d) / (2n * d);
  const s = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`;
  return negative ? `-${s}` : s;
}

export interface IdentityViolation {
  identity: string;
  left: bigint;
  right: bigint;
}

/** The identities of docs/domain.md §4 that fail on `v` (empty when all hold). */
export function identityViolations(v: StatValues): IdentityViolation[] {
  const checks: [string, bigint, bigint][] = [
    ["total_accepted = carried_over + newly_accepted + reopened", v.total_accepted, v.carried_over + v.newly_accepted + v.reopened],
    [
      "to_enforce = total_accepted + moved_in − moved_out − transferred_out − registered − returned",
      v.to_enforce,
      v.total_accepted + v.moved_in - v.moved_out - v.transferred_out - v.registered - v.returned,
    ],
    ["to_enforce = enforceable + not_yet_enforceable", v.to_enforce, v.enforceable + v.not_yet_enforceable],
    [
      "enforceable = completed + terminated + in_progress + postponed + suspended + other",
      v.enforceable,
      v.completed + v.terminated + v.in_progress + v.postponed + v.suspended + v.other,
    ],
    ["carried_to_next = to_enforce − (completed + terminated)", v.carried_to_next, v.to_enforce - (v.completed + v.terminated)],
  ];
  const out: IdentityViolation[] = [];
  for (const [identity, left, right] of checks) if (left !== right) out.push({ identity, left, right });
  for (const k of STAT_FIGURES) if (v[k] < 0n) out.push({ identity: `${k} ≥ 0`, left: v[k], right: 0n });
  return out;
}

export class StatIdentityError extends Error {
  readonly violations: IdentityViolation[];
  constructor(violations: IdentityViolation[]) {
    super(`Statistics identities violated: ${violations.map((x) => `${x.identity} (${x.left} ≠ ${x.right})`).join("; ")}`);
    this.name = "StatIdentityError";
    this.violations = violations;
  }
}

/** Throws StatIdentityError unless every identity holds, by cases and by money. */
export function assertIdentities(s: UnitStats): UnitStats {
  const v = [...identityViolations(s.cases), ...identityViolations(s.money)];
  if (v.length) throw new StatIdentityError(v);
  return s;
}
