import { nextDeadline, parseCaseEvent, type CaseEvent, type CaseEventKind, type DeadlineKind } from "@thads/domain";
import type { LimitationRecord } from "./intake-schema.ts";

/** A case event as stored in public.case_events. */
export interface EventRow {
  kind: CaseEventKind;
  effective_date: string;
  payload: Record<string, unknown>;
}

/** Event → row: everything but kind and date goes to the jsonb payload, money as decimal strings. */
export function toEventRow(event: CaseEvent): EventRow {
  const { kind, effectiveDate, ...rest } = event as CaseEvent & Record<string, unknown>;
  return {
    kind,
    effective_date: effectiveDate,
    payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
  };
}

/** Row → event, through the domain's schema (money back to bigint). */
export function fromEventRow(row: EventRow): CaseEvent {
  return parseCaseEvent({ ...row.payload, kind: row.kind, effectiveDate: row.effective_date });
}

type AcceptanceEvent = Extract<CaseEvent, { kind: "acceptance" }>;

/** The acceptance a case is taken in with (intake and bulk import alike): the first event of its ledger. */
export function acceptanceEvent(c: {
  acceptedOn: string;
  provinceId: string;
  unitId: string;
  source: AcceptanceEvent["source"];
  fromAgency?: string | null;
  entrustingDecisionNumber?: string | null;
  entrustingDecisionOn?: string | null;
}): AcceptanceEvent {
  return {
    kind: "acceptance",
    effectiveDate: c.acceptedOn,
    provinceId: c.provinceId,
    unitId: c.unitId,
    source: c.source,
    ...(c.source === "transfer_in" && c.fromAgency ? { fromAgency: c.fromAgency } : {}),
    ...(c.source === "transfer_in" && c.fromAgency && c.entrustingDecisionNumber && c.entrustingDecisionOn
      ? { entrustingDecisionNumber: c.entrustingDecisionNumber, entrustingDecisionOn: c.entrustingDecisionOn }
      : {}),
  };
}

/**
 * The acceptance's ledger row, with the limitation check of a case on request kept in its payload
 * (the request date, the last day, the article, and any obstacle recorded for a late request).
 */
export function acceptanceRow(event: AcceptanceEvent, limitation: LimitationRecord | null): EventRow {
  const row = toEventRow(event);
  return limitation ? { ...row, payload: { ...row.payload, limitation } } : row;
}

/**
 * The first deadline of a case just taken in (the decision's), for the case
 * row's next_deadline_on / next_deadline_kind: what the overdue and due-soon
 * lists read. Later steps recompute it from the whole ledger.
 */
export function acceptanceDeadline(event: AcceptanceEvent): { on: string; kind: DeadlineKind } | null {
  const next = nextDeadline([event], event.effectiveDate, { actors: ["agency"] });
  return next ? { on: next.dueDate, kind: next.kind } : null;
}
