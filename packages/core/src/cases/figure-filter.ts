/**
 * The case list's statistics-figure filter: the cases a figure of the official forms counts, for a
 * unit and a period (the list's count equals the figure by cases; definitions in
 * packages/domain/src/stats/figures.ts). Its query-string fields are StatFilterFields (./filters.ts).
 */
import type { TxSql } from "@thads/db";
import { addCalendarDays, type DrillFigure, type StatSide } from "@thads/domain";
import { moneyListAddsFlows } from "./figure-money.ts";
import { heldBy, MOVE_FROM_SQL, MOVE_KINDS_SQL } from "./holding-unit.ts";
import { bureauOwnName } from "../stats/units.ts";
import type { StatScope } from "../stats/readers.ts";

export interface StatFilter {
  stat?: DrillFigure;
  statUnit?: string;
  statFrom?: string;
  statTo?: string;
  /** The side of the form the figure is on: by cases (the default) or by money. */
  side?: StatSide;
  /** With a province: only the cases its bureau holds itself ("1"). */
  statOwn?: "1";
}

/** Ledger events whose cases a figure reads as a set (each has its partial index, migration 20251201000400). */
type IndexedEvent =
  | "completion"
  | "termination"
  | "transfer"
  | "suspension"
  | "postponement"
  | "not_yet_enforceable"
  | "register_transfer"
  | "register_reopening"
  | "request_returned"
  | "move";
const INDEXED_EVENT_SQL: Record<IndexedEvent, string> = {
  completion: "e.kind = 'completion'",
  termination: "e.kind = 'termination'",
  transfer: "e.kind = 'transfer'",
  suspension: "e.kind = 'suspension'",
  postponement: "e.kind = 'postponement'",
  not_yet_enforceable: "e.kind = 'classification' and e.payload ->> 'result' = 'not_yet_enforceable'",
  // Migration 20261205000300.
  register_transfer: "e.kind = 'register_transfer'",
  register_reopening: "e.kind = 'register_reopening'",
  request_returned: "e.kind = 'request_returned'",
  // Migrations 20261216000100, 0300: a move between the province's units (moved in at the receiving
  // unit, moved out at the giving one: narrowed below), from the active workload only.
  move: `e.kind in ${MOVE_KINDS_SQL} and public.stat_standing_at(e.case_id, e.effective_date, e.id) in ('ip', 'pp', 'sp', 'ot', 'ny')`,
};

export interface FigureWhere {
  /** The condition on cases `c` (and false for an unknown unit). */
  sql: ReturnType<TxSql>;
  /** A unit whose own cases are followed through their moves (ADR 028), or null. */
  heldBy: string | null;
  /** The figure's unit as the aggregates are read for it (undefined: the nation); null when there is no such figure. */
  statScope: StatScope | undefined | null;
}

/** The unit a figure is for, as the aggregates scope it. */
interface FigureUnit {
  id: string;
  kind: "national" | "province" | "subunit";
  provinceId: string | null;
  /** A sub-bureau, or a province merged into another: its own cases. */
  ownCasesOnly: boolean;
  /** With ownCasesOnly: a case was given to it or by it (its list then also reads the cases it gave away). */
  hasMoves: boolean;
}

/**
 * The SQL condition on cases `c` for a figure (true when no figure is asked for), and the memory
 * its sets of cases may take. The unit's scope is a range of the list's own index (its province or
 * its unit); the cases with a completion, termination, transfer, suspension, postponement or
 * not-yet-enforceable classification are read once as a set (its partial index), which the walk
 * of the list then probes, rather than one ledger look-up per case.
 */
export async function statFigureWhere(tx: TxSql, f: StatFilter): Promise<FigureWhere> {
  // (Wrapped: a fragment is a thenable, and an async function would run it.)
  if (!f.stat || !f.statFrom || !f.statTo) return { sql: tx``, heldBy: null, statScope: null };
  let unit: FigureUnit | null = null;
  if (f.statUnit) {
    const [u] = await tx<{ id: string; kind: FigureUnit["kind"]; province_id: string | null; merged_into_id: string | null }[]>`
      select id, kind, province_id, merged_into_id from public.units where code = ${f.statUnit}`;
    if (!u) return { sql: tx`and false`, heldBy: null, statScope: null };
    const ownCasesOnly = u.kind === "subunit" || u.merged_into_id !== null || (u.kind === "province" && f.statOwn === "1");
    const [m] = ownCasesOnly
      ? await tx<{ moves: boolean }[]>`
          select exists (select 1 from public.case_events e where e.kind in ${tx.unsafe(MOVE_KINDS_SQL)}
                           and ${tx.unsafe(MOVE_FROM_SQL)} = ${u.id})
              or exists (select 1 from public.case_events e where e.kind in ${tx.unsafe(MOVE_KINDS_SQL)}
                           and e.payload ->> 'unitId' = ${u.id}) as moves`
      : [{ moves: false }];
    unit = { id: u.id, kind: u.kind, provinceId: u.province_id, ownCasesOnly, hasMoves: m?.moves ?? false };
  }
  const from = f.statFrom;
  const to = f.statTo;
  const before = addCalendarDays(from, -1);
  // Events live in their case's tenant: a province's events are the ones to read for its cases.
  const eventScope = unit && unit.kind !== "national" && unit.provinceId ? tx`and e.province_id = ${unit.provinceId}` : tx``;
  // A unit's own cases (a sub-bureau, a former province, the bureau's own row) count under the unit
  // holding each on the day that counts (ADR 028): a moved case's moves decide (public.stat_unit_at),
  // a case never moved is its unit's.
  const follows = unit?.ownCasesOnly ? unit.id : null;
  const { heldOn, heldAtEvent } = heldBy(tx, follows);
  let usesSets = false;
  const caseIdsWith = (kinds: IndexedEvent[], on: { from?: string; to: string }, atEvent = heldAtEvent) => {
    usesSets = true;
    const parts = kinds.map(
      (k) => tx`
      select e.case_id from public.case_events e
      where ${tx.unsafe(INDEXED_EVENT_SQL[k])} and e.effective_date <= ${on.to} ${on.from ? tx`and e.effective_date >= ${on.from}` : tx``} ${eventScope} ${atEvent}`,
    );
    const union = parts.slice(1).reduce((q, part) => tx`${q} union all ${part}`, parts[0]!);
    // Inside CASE the subquery is not turned into a join: it is read once and hashed.
    return tx`(case when true then c.id in (${union}) end)`;
  };
  const event = (kinds: IndexedEvent[]) => caseIdsWith(kinds, { from, to });
  // Open at the end of the day before, in the active workload (the separate register is not carried over).
  // (Only a case accepted before the period can be: the list's walk starts at the period's start.)
  const carried = tx`(c.accepted_on < ${from} and coalesce(public.stat_standing_at(c.id, ${before}) <> 'sr', false) ${heldOn(before)})`;
  // A case's acceptance is its first event, dated its accepted_on (intake, import, transfer in);
  // events apply in date order: no case counts in a period before it was accepted, and the list's
  // walk in acceptance order starts at the period's end.
  // Checked case by case as the walk meets them (a scalar look-up: an EXISTS would be turned into a
  // join or a hash over every event of the period).
  const accepted = tx`(c.accepted_on between ${from} and ${to} and coalesce((
    select true from public.case_events e where e.case_id = c.id and e.kind = 'acceptance' and e.effective_date between ${from} and ${to}
    ${heldAtEvent} limit 1), false))`;
  const standingTo = tx`public.stat_standing_at(c.id, ${to})`;
  // The unit's scope as in the aggregates: the nation all, a current province its tenant key, a
  // sub-bureau or a former province its own cases, and for a unit cases were given to or by, also
  // those cases, wherever they are now.
  const scope =
    !unit || unit.kind === "national"
      ? tx``
      : follows && unit.hasMoves
        ? tx`and (c.unit_id = ${unit.id} or c.id in (
            select e.case_id from public.case_events e
            where e.kind in ${tx.unsafe(MOVE_KINDS_SQL)} and ${tx.unsafe(MOVE_FROM_SQL)} = ${unit.id}
            union all
            select e.case_id from public.case_events e
            where e.kind in ${tx.unsafe(MOVE_KINDS_SQL)} and e.payload ->> 'unitId' = ${unit.id}))`
        : unit.ownCasesOnly
          ? tx`and c.unit_id = ${unit.id}`
          : tx`and c.province_id = ${unit.id}`;
  const open = (codes: string[]) => tx`(${standingTo} = any (${codes}::text[]) ${heldOn(to)})`;
  // Moves between the province's units from the active workload: at a unit, those given to it
  // (moved in) or by it (moved out); a province or the nation has both.
  const moves = (side: string) =>
    follows ? caseIdsWith(["move"], { from, to }, tx`and ${tx.unsafe(side)} = ${follows}`) : event(["move"]);
  const movedIn = () => moves("e.payload ->> 'unitId'");
  const movedOut = () => moves(MOVE_FROM_SQL);
  // Standing that only a suspension, a postponement, a not-yet-enforceable classification or a move to
  // the separate register can make. (The event is a filter only: the unit is the one holding the case
  // at the end.)
  const openAfter = (code: string, kind: IndexedEvent) => tx`${caseIdsWith([kind], { to }, tx``)} and ${open([code])}`;
  // Postponed, suspended: few cases stand so at a date, so the cases with such an
  // event drive the list (looked up by id, then sorted) rather than a walk of every case accepted
  // before the date probing them; each case's row is read anyway, so one closed by then is left at
  // once, before its ledger. (The separate register is not few: walked as the others, where reading
  // each case's row would cost more than the ledger look-up it spares.)
  const fewOpenAfter = (code: string, kind: IndexedEvent) =>
    tx`c.id = any (array(select e.case_id from public.case_events e
      where ${tx.unsafe(INDEXED_EVENT_SQL[kind])} and e.effective_date <= ${to} ${eventScope}))
      and (c.closed_on is null or c.closed_on > ${to}) and ${open([code])}`;
  // In progress: only a case classified enforceable by then can stand so; that classification is
  // probed in its own index (migration 20261218000100) before the case's ledger is read (the newest
  // cases of a period's end are mostly not classified yet).
  // (A scalar look-up, as for the acceptance: an EXISTS would be hashed over every such classification.)
  const inProgress = tx`(case when coalesce((select true from public.case_events e
      where e.case_id = c.id and e.kind = 'classification' and (e.payload ->> 'result') is distinct from 'not_yet_enforceable'
        and e.effective_date <= ${to} limit 1), false) then ${open(["ip"])} else false end)`;
  const cond = (() => {
    switch (f.stat) {
      case "carried_over":
        return carried;
      case "newly_accepted":
        return accepted;
      case "reopened":
        return event(["register_reopening"]);
      case "moved_in":
        return movedIn();
      case "total_accepted":
        return tx`(${carried} or ${accepted} or ${event(["register_reopening"])})`;
      case "transferred_out":
        return event(["transfer"]);
      case "moved_out":
        return movedOut();
      case "registered":
        return event(["register_transfer"]);
      case "returned":
        return event(["request_returned"]);
      // = enforceable + not yet enforceable (docs/domain.md §4): ended in the period, or open in the
      // active workload at its end (a case carried over, moved to the register and reopened counts once).
      case "to_enforce":
        return tx`(${event(["completion", "termination"])} or ${open(["ip", "pp", "sp", "ot", "ny"])})`;
      case "enforceable":
        return tx`(${event(["completion", "termination"])} or ${open(["ip", "pp", "sp", "ot"])})`;
      case "completed":
        return event(["completion"]);
      case "done":
        return event(["completion", "termination"]);
      case "terminated":
        return event(["termination"]);
      case "in_progress":
        return inProgress;
      case "postponed":
        return fewOpenAfter("pp", "postponement");
      case "suspended":
        return fewOpenAfter("sp", "suspension");
      case "other":
        return open(["ot"]);
      case "not_yet_enforceable":
        return openAfter("ny", "not_yet_enforceable");
      case "carried_to_next":
        return tx`(coalesce(${standingTo} <> 'sr', false) ${heldOn(to)})`;
      case "separate_register":
        return openAfter("sr", "register_transfer");
    }
  })();
  // The money side lists every case whose money makes up the figure (./figure-money.ts): the cases
  // the figure counts and, for the figures with money flows, the cases decided or paid in the period.
  // Money decided or paid in the period is looked up case by case as the walk meets them (a scalar
  // look-up in the case's ledger): the nation's flows of a year are millions of events to hash. It
  // is asked first: most cases of a period have such a flow, and the figure's own condition may
  // read the whole ledger.
  const flowed = tx`coalesce((select true from public.case_events e
      where e.case_id = c.id and e.kind in ('decision', 'payment') and e.effective_date between ${from} and ${to}
      ${heldAtEvent} limit 1), false)`;
  const listed = f.side === "money" && moneyListAddsFlows(f.stat) ? tx`(${flowed} or ${cond})` : cond;
  // A set of case ids is hashed once for the statement: memory for a national year's set.
  if (usesSets) await tx`select set_config('work_mem', '256MB', true)`;
  // The same unit as the aggregates read it (packages/core/src/stats/readers.ts, scopeOf).
  const statScope: StatScope | undefined =
    !unit || unit.kind === "national" ? undefined : unit.ownCasesOnly ? { unitIds: [unit.id] } : { provinceIds: [unit.id] };
  return { sql: tx`and c.accepted_on <= ${to} and ${listed} ${scope}`, heldBy: follows, statScope };
}

/** What a figure's case list says it lists: the figure and its side, the unit (its name) and the period; null without a figure. */
export async function statFilterCaption(
  tx: TxSql,
  f: StatFilter,
): Promise<{ figure: DrillFigure; side: StatSide; unitCode: string | null; unitName: string | null; from: string; to: string } | null> {
  if (!f.stat || !f.statFrom || !f.statTo) return null;
  let unitName: string | null = null;
  if (f.statUnit) {
    const [u] = await tx<{ name: string; kind: string }[]>`select name, kind from public.units where code = ${f.statUnit}`;
    unitName = u ? (u.kind === "province" && f.statOwn === "1" ? bureauOwnName(u.name) : u.name) : null;
  }
  return { figure: f.stat, side: f.side ?? "cases", unitCode: f.statUnit ?? null, unitName, from: f.statFrom, to: f.statTo };
}
