import { parseCaseEvent, type CaseEvent, type CaseEventKind } from "@thads/domain";

/** A case event as stored in public.case_events. */
export interface EventRow {
  kind: CaseEventKind;
  effective_date: string;
  payload: Record<string, unknown>;
}

/** Event → row: everything but kind and date goes to the jsonb payload, money as decimal strings. */
export function toEventRow(event: CaseEvent): EventRow {
  const { kind, effectiveDate, ...rest } = event as CaseEvent & Record<string, unknown>;
  return { kind, effective_date: effectiveDate, payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) };
}

/** Row → event, through the domain's schema (money back to bigint). */
export function fromEventRow(row: EventRow): CaseEvent {
  return parseCaseEvent({ ...row.payload, kind: row.kind, effectiveDate: row.effective_date });
}
