import { randomUUID } from "node:crypto";
import type { TxSql } from "@thads/db";
import {
  byUnitName,
  caseDeadlines,
  deadlineStatus,
  deriveState,
  formatSource,
  formatSourceVi,
  mayRecordStep,
  nextActions,
  registerStanding,
  type CaseEvent,
  type Role,
} from "@thads/domain";
import { isUuid } from "../shared/input.ts";
import { loadEvents } from "./service.ts";
import { STEP_KINDS, type StepKind } from "./steps-schema.ts";

const money = (v: bigint | null | undefined) => (v ?? 0n).toString();

/** Everything the case page shows, read as the user (RLS), as plain JSON-safe values. */
export async function loadCasePage(tx: TxSql, caseId: string, roles: readonly Role[], today: string) {
  const [c] = await tx<
    {
      id: string;
      case_number: string;
      status: string;
      version: number;
      accepted_on: string;
      decision_date: string | null;
      decision_kind: string;
      judgment_type: string;
      is_bank_credit: boolean;
      is_corruption: boolean;
      money_due: bigint;
      money_collected: bigint;
      closed_on: string | null;
      unit_id: string;
      unit_name: string;
      unit_code: string;
      province_id: string;
      province_name: string;
      executor_id: string | null;
      executor_name: string | null;
      transferred_from_case_id: string | null;
      transferred_to_name: string | null;
      /** The military-region agency that entrusted the case, as its acceptance names it. */
      transferred_from_agency: string | null;
      entrusting_decision_number: string | null;
      entrusting_decision_on: string | null;
      source: string;
      court_name: string | null;
      judgment_number: string | null;
      judgment_date: string | null;
      proposed_executor: string | null;
    }[]
  >`
    select c.id, c.case_number, c.status, c.version, c.accepted_on::text as accepted_on, c.decision_date::text as decision_date,
           c.decision_kind, c.judgment_type, c.is_bank_credit, c.is_corruption, c.money_due, c.money_collected,
           c.closed_on::text as closed_on, c.unit_id, u.name as unit_name, u.code as unit_code,
           c.province_id, pr.name as province_name, c.executor_id, ex.full_name as executor_name,
           c.transferred_from_case_id, coalesce(tp.name, c.transferred_to_agency) as transferred_to_name, c.source,
           acc.payload ->> 'fromAgency' as transferred_from_agency,
           acc.payload ->> 'entrustingDecisionNumber' as entrusting_decision_number,
           acc.payload ->> 'entrustingDecisionOn' as entrusting_decision_on,
           j.court_name, j.judgment_number, j.judgment_date::text as judgment_date,
           -- The executor the creditor proposed on its enforcement request, when the reader may read the request.
           (select nullif(r.details ->> 'preferredExecutor', '') from public.service_requests r
             where r.case_id = c.id and r.kind = 'enforcement_request' order by r.submitted_at desc, r.id limit 1) as proposed_executor
    from public.cases c
    join public.units u on u.id = c.unit_id
    join public.units pr on pr.id = c.province_id
    left join public.units tp on tp.id = c.transferred_to_province_id
    left join lateral (select a.payload from public.case_events a
                        where a.case_id = c.id and a.kind = 'acceptance' order by a.id limit 1) acc on true
    left join public.profiles ex on ex.id = c.executor_id
    left join public.judgments j on j.id = c.judgment_id
    where c.id = ${caseId}`;
  if (!c) return null;

  const parties = await tx<
    {
      id: string;
      role: string;
      kind: string;
      full_name: string;
      id_number: string | null;
      address: string | null;
      contact: string | null;
    }[]
  >`
    select id, role, kind, full_name, id_number, address, contact from public.case_parties where case_id = ${caseId} order by role, full_name`;
  const obligations = await tx<
    { code: string; kind: string; amount: bigint | null; paid: bigint; description: string | null; performed_on: string | null }[]
  >`
    select code, kind, amount, paid, description, performed_on::text as performed_on from public.case_obligations where case_id = ${caseId} order by code`;
  const eventRows = await tx<
    { id: bigint; kind: string; effective_date: string; payload: Record<string, unknown>; actor_name: string | null; created_at: Date }[]
  >`
    select e.id, e.kind, e.effective_date::text as effective_date, e.payload, p.full_name as actor_name, e.created_at
    from public.case_events e left join public.profiles p on p.id = e.actor_id
    where e.case_id = ${caseId} order by e.effective_date, e.id`;
  const [{ may_act } = { may_act: false }] = await tx<{ may_act: boolean }[]>`select app_private.may_act_on_case(${caseId}) as may_act`;

  let events: CaseEvent[] = [];
  let ledgerError: string | null = null;
  try {
    events = await loadEvents(tx, caseId);
  } catch {
    ledgerError = "Sổ sự kiện của việc này không đọc được.";
  }
  const derived = deriveState(events);
  const state = derived.ok ? derived.state : null;
  const deadlines = state
    ? caseDeadlines(events, today).map((dl) => ({
        kind: dl.kind,
        actor: dl.actor,
        label_vi: dl.label_vi,
        label_en: dl.label_en,
        dueDate: dl.dueDate,
        closedOn: dl.closedOn,
        closedBy: dl.closedBy,
        late: dl.late,
        paused: dl.paused,
        status: dl.closedOn === null ? deadlineStatus(dl, today) : null,
      }))
    : [];
  const actions: StepKind[] =
    may_act && state
      ? nextActions(state, today).filter((k): k is StepKind => (STEP_KINDS as string[]).includes(k) && mayRecordStep(roles, k))
      : [];

  const executors =
    actions.includes("executor_change") || actions.includes("decision")
      ? await tx<{ id: string; full_name: string }[]>`
        select p.id, p.full_name from public.memberships m join public.profiles p on p.id = m.user_id
        where m.unit_id = ${c.unit_id} and m.role = 'executor' order by p.full_name`
      : [];
  const provinces = actions.includes("transfer")
    ? byUnitName(
        await tx<{ id: string; name: string }[]>`
        select id, name from public.units where kind = 'province' and dissolved_on is null and id <> ${c.province_id}`,
      )
    : [];

  // The province's current regional offices, for the bureau's assignment of a case it holds.
  const offices = actions.includes("office_assignment")
    ? byUnitName(
        await tx<{ id: string; name: string }[]>`
        select id, name from public.units where kind = 'subunit' and dissolved_on is null and province_id = ${c.province_id}`,
      )
    : [];

  const names = await referencedNames(tx, eventRows);
  const standing = state ? registerStanding(state) : null;

  return {
    case: {
      ...c,
      money_due: money(c.money_due),
      money_collected: money(c.money_collected),
      outstanding: money(c.money_due - c.money_collected),
    },
    parties,
    obligations: obligations.map((o) => ({
      ...o,
      amount: o.amount === null ? null : money(o.amount),
      paid: money(o.paid),
      outstanding: o.amount === null ? null : money(o.amount - o.paid),
    })),
    timeline: eventRows.map((e) => ({
      id: String(e.id),
      kind: e.kind,
      effectiveDate: e.effective_date,
      payload: e.payload,
      actor: e.actor_name,
      recordedAt: e.created_at.toISOString(),
    })),
    payments: eventRows
      .filter((e) => e.kind === "payment")
      .map((e) => {
        const p = e.payload as { amount?: string; receiptNumber?: string; payer?: string; method?: string; obligationId?: string };
        return {
          id: String(e.id),
          date: e.effective_date,
          amount: p.amount ?? "0",
          receiptNumber: p.receiptNumber ?? null,
          payer: p.payer ?? null,
          method: p.method ?? null,
          obligationId: p.obligationId ?? null,
        };
      }),
    names,
    deadlines,
    // Why and when a not-yet-enforceable case goes (or went) to the separate register, or its request back.
    register: standing && {
      standing: standing.standing,
      step: standing.step,
      since: standing.since,
      months: standing.months,
      periodEndsOn: standing.periodEndsOn,
      verifications: standing.verifications,
      minVerifications: standing.minVerifications,
      registeredOn: standing.registeredOn,
      reopenedOn: standing.reopenedOn,
      returnedOn: standing.returnedOn,
      sources: standing.sources.map((x) => ({ vi: formatSourceVi(x), en: formatSource(x), verified: x.verified })),
    },
    actions,
    readOnly: !may_act,
    ledgerError: ledgerError ?? (derived.ok ? null : derived.error.message_vi),
    executors,
    provinces,
    offices,
    today,
    // One key per form render: a resubmission of the same form is recorded once.
    keys: Object.fromEntries(actions.map((a) => [a, randomUUID()])) as Record<string, string>,
  };
}

/** The payload fields of a ledger event that name a person or a unit. */
const PERSON_FIELDS = ["executorId"] as const;
const UNIT_FIELDS = ["provinceId", "unitId", "toProvinceId", "toUnitId", "fromUnitId"] as const;

/**
 * The names of the people (executors) and units (units, receiving provinces) the case's events
 * refer to by id, so that the timeline can say who and where. Ids the reader may not see (RLS) are
 * left out.
 */
async function referencedNames(tx: TxSql, events: readonly { payload: Record<string, unknown> }[]): Promise<Record<string, string>> {
  const ids = (fields: readonly string[]) => [
    ...new Set(events.flatMap((e) => fields.map((f) => e.payload?.[f]).filter((v): v is string => isUuid(v)))),
  ];
  const people = ids(PERSON_FIELDS);
  const units = ids(UNIT_FIELDS);
  const rows = [
    ...(people.length > 0
      ? await tx<{ id: string; name: string }[]>`select id, full_name as name from public.profiles where id = any(${people}::uuid[])`
      : []),
    ...(units.length > 0
      ? await tx<{ id: string; name: string }[]>`select id, name from public.units where id = any(${units}::uuid[])`
      : []),
  ];
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
