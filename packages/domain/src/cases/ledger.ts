/**
 * Applying events to a case state, and folding a case's ledger into its state. Each event kind's
 * own rule lives in its step (./steps/); the checks here hold for every event.
 */
import { compareDates, formatDateVi as d, isIsoDate, VN_CALENDAR, type IsoDate } from "./calendar.ts";
import { CASE_EVENT_KINDS, MAINTENANCE_EVENT_KINDS, type CaseEvent, type CaseEventKind } from "./events.ts";
import { LEGAL_TIME_LIMITS } from "./rules.ts";
import { CaseRuleViolation, type ApplyResult, type CaseRuleError, type CaseState, type LifecycleOptions } from "./state.ts";
import { err, no } from "./steps/shared.ts";
import { STEPS, type EventOf, type StepContext } from "./steps/index.ts";

/**
 * Event kinds a user can record on `state` now (not the agency's maintenance steps). With `asOf`, date-dependent rules are applied
 * too (verification only after the voluntary period). `null` (no case yet) → ['acceptance'].
 */
export function nextActions(state: CaseState | null, asOf?: IsoDate): CaseEventKind[] {
  return CASE_EVENT_KINDS.filter((kind) => !MAINTENANCE_EVENT_KINDS.includes(kind) && STEPS[kind].guard(state, asOf) === null);
}

/**
 * Applies one event to a case state (null: no case yet, only an acceptance is possible).
 * Pure: returns a new state or the reason the step is invalid.
 */
export function applyEvent(state: CaseState | null, event: CaseEvent, options: LifecycleOptions = {}): ApplyResult {
  const calendar = options.calendar ?? VN_CALENDAR;
  const ruleSets = options.ruleSets ?? LEGAL_TIME_LIMITS;

  if (!event || typeof event !== "object" || !(CASE_EVENT_KINDS as readonly string[]).includes((event as { kind?: string }).kind ?? "")) {
    return no(err("invalid_event", `Loại sự kiện không hợp lệ.`, `Unknown event kind.`));
  }
  const date = event.effectiveDate;
  if (!isIsoDate(date)) {
    return no(
      err(
        "invalid_date",
        `Ngày hiệu lực "${String(date)}" không phải ngày hợp lệ dạng YYYY-MM-DD.`,
        `Effective date "${String(date)}" is not a valid 'YYYY-MM-DD' date.`,
      ),
    );
  }
  if (state !== null && compareDates(date, state.lastEventDate) < 0) {
    return no(
      err(
        "out_of_order",
        `Ngày hiệu lực ${d(date)} sớm hơn sự kiện đã ghi nhận trước đó (${d(state.lastEventDate)}); các sự kiện phải được xét theo thứ tự ngày.`,
        `Effective date ${date} is before the previous event (${state.lastEventDate}); events apply in date order.`,
      ),
    );
  }
  return applyStep(state, event, { date, calendar, ruleSets });
}

/** The event's own step: its guard, then its effect. */
function applyStep<K extends CaseEventKind>(state: CaseState | null, event: EventOf<K> & { kind: K }, context: StepContext): ApplyResult {
  const step = STEPS[event.kind];
  const refused = step.guard(state, context.date);
  if (refused) return no(refused);
  return step.effect(state, event, context);
}

export type DeriveResult = { ok: true; state: CaseState | null } | { ok: false; error: CaseRuleError; event: CaseEvent; index: number };

/** Events sorted by effective date; equal dates keep their ledger order. Indices are the input positions. */
export function sortEvents(events: readonly CaseEvent[]): { event: CaseEvent; index: number }[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => {
      const c = a.event.effectiveDate < b.event.effectiveDate ? -1 : a.event.effectiveDate > b.event.effectiveDate ? 1 : 0;
      return c !== 0 ? c : a.index - b.index;
    });
}

/**
 * Folds a case's events (sorted by effective date, stable for equal dates) into its state.
 * `state: null` when there are no events. Fails on the first event that is not valid at its place.
 */
export function deriveState(events: readonly CaseEvent[], options: LifecycleOptions = {}): DeriveResult {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!isIsoDate(e?.effectiveDate)) {
      return {
        ok: false,
        index: i,
        event: e,
        error: err(
          "invalid_date",
          `Ngày hiệu lực "${String(e?.effectiveDate)}" không phải ngày hợp lệ dạng YYYY-MM-DD.`,
          `Effective date "${String(e?.effectiveDate)}" is not a valid 'YYYY-MM-DD' date.`,
        ),
      };
    }
  }
  let state: CaseState | null = null;
  for (const { event, index } of sortEvents(events)) {
    const r = applyEvent(state, event, options);
    if (!r.ok) return { ok: false, error: r.error, event, index };
    state = r.state;
  }
  return { ok: true, state };
}

/** The case's state at the end of `date` (events effective on or before it). */
export function stateAsOf(events: readonly CaseEvent[], date: IsoDate, options: LifecycleOptions = {}): DeriveResult {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return deriveState(
    events.filter((e) => !isIsoDate(e?.effectiveDate) || e.effectiveDate <= date),
    options,
  );
}

/** deriveState, throwing CaseRuleViolation on an inconsistent ledger. */
export function deriveStateOrThrow(events: readonly CaseEvent[], options: LifecycleOptions = {}): CaseState | null {
  const r = deriveState(events, options);
  if (!r.ok) throw new CaseRuleViolation(r.error);
  return r.state;
}

/**
 * Adds an event to a ledger, re-checking the whole ledger in date order (a back-dated event must
 * not invalidate a later one). Returns the new ledger and state, or why it is refused.
 */
export function appendEvent(
  events: readonly CaseEvent[],
  event: CaseEvent,
  options: LifecycleOptions = {},
): { ok: true; events: CaseEvent[]; state: CaseState } | { ok: false; error: CaseRuleError; event: CaseEvent; index: number } {
  const next = [...events, event];
  const r = deriveState(next, options);
  if (!r.ok) return r;
  return { ok: true, events: next, state: r.state as CaseState };
}
