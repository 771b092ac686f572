/**
 * An executor's worklist: the cases assigned to him in the active workload, each with its next
 * legal step and deadline (the case row's next_deadline_on / next_deadline_kind, which the case
 * service computes with the domain's nextDeadline on every step), overdue first, then due this
 * week, then the rest; and the steering directives addressed to him or on his cases still
 * unanswered. Read in the caller's RLS transaction: another unit's or tenant's rows never appear.
 */
import type { TxSql } from "@thads/db";
import { directiveStatus, dueBucket, type DueBucket } from "@thads/domain";
import { inActiveWorkload, stepOverdue } from "../cases/workload-scope.ts";

export interface WorklistCase {
  id: string;
  case_number: string;
  debtor_name: string;
  status: string;
  money_due: string;
  money_collected: string;
  next_deadline_on: string | null;
  next_deadline_kind: string | null;
  bucket: DueBucket;
}

export interface WorklistDirective {
  id: string;
  committee_name: string;
  body: string;
  issued_on: string;
  due_on: string;
  case_id: string | null;
  case_number: string | null;
  /** Addressed to the executor himself (else to his unit, on one of his cases). */
  to_me: boolean;
  state: ReturnType<typeof directiveStatus>;
}

/** Rows of "the rest" (not overdue, not due this week) the worklist shows; the case list has them all. */
export const WORKLIST_LATER_ROWS = 50;

/**
 * The executor's open cases in deadline order (overdue, this week, later, none), with the count of
 * each group; "later" and "none" are cut to WORKLIST_LATER_ROWS rows. Reads the executor's cases
 * through cases_executor_id_idx (every case he ever held: 1,368 rows, 567 open, in 9 ms under RLS
 * for the demo executor of a 300,000-case database), then sorts the open ones.
 */
export async function executorWorklist(tx: TxSql, executorId: string, today: string) {
  const rows = await tx<Omit<WorklistCase, "bucket">[]>`
    select c.id, c.case_number, c.debtor_name, c.status, c.money_due::text as money_due, c.money_collected::text as money_collected,
           c.next_deadline_on::text as next_deadline_on, c.next_deadline_kind
    from public.cases c
    where c.executor_id = ${executorId} and ${inActiveWorkload(tx)}
    order by c.next_deadline_on asc nulls last, c.id`;
  const cases = rows.map((r) => ({ ...r, bucket: dueBucket(r.next_deadline_on, today) }));
  const count = (b: DueBucket[]) => cases.filter((c) => b.includes(c.bucket)).length;
  const counts = { open: cases.length, overdue: count(["overdue"]), thisWeek: count(["this_week"]), later: count(["later", "none"]) };
  const urgent = counts.overdue + counts.thisWeek;
  return { counts, cases: cases.slice(0, urgent + WORKLIST_LATER_ROWS) };
}

/** Unanswered directives addressed to the executor or on a case assigned to him, nearest deadline first. */
export async function executorDirectives(tx: TxSql, executorId: string, today: string): Promise<WorklistDirective[]> {
  const rows = await tx<Omit<WorklistDirective, "state">[]>`
    select d.id, sc.name as committee_name, d.body, d.issued_on::text as issued_on, d.due_on::text as due_on,
           d.case_id, c.case_number, coalesce(d.addressee_user_id = ${executorId}, false) as to_me
    from public.steering_directives d
    join public.steering_committees sc on sc.id = d.committee_id
    left join public.cases c on c.id = d.case_id
    where d.answered_on is null
      and (d.addressee_user_id = ${executorId} or d.case_id in (select x.id from public.cases x where x.executor_id = ${executorId}))
    order by d.due_on, d.issued_on, d.id`;
  return rows.map((r) => ({ ...r, state: directiveStatus({ dueOn: r.due_on, answeredOn: null }, today) }));
}

export interface OverdueByExecutor {
  id: string;
  full_name: string;
  overdue: number;
  /** The deadline passed longest ago, and its case. */
  oldest_on: string;
  oldest_case_id: string;
  oldest_case_number: string;
}

/**
 * A unit's overdue steps grouped by executor (most overdue first): cases in the active workload
 * whose next deadline has passed, as the case list's `executor`, `open` and `overdue` filters read
 * them. Walks the unit's range of cases_unit_deadline_idx up to `today`.
 */
export async function overdueByExecutor(tx: TxSql, unitId: string, today: string): Promise<OverdueByExecutor[]> {
  return tx<OverdueByExecutor[]>`
    select p.id, p.full_name, o.overdue, o.oldest_on::text as oldest_on, o.oldest_case_id, x.case_number as oldest_case_number
    from (
      select c.executor_id, count(*)::int as overdue, min(c.next_deadline_on) as oldest_on,
             (array_agg(c.id order by c.next_deadline_on, c.id))[1] as oldest_case_id
      from public.cases c
      where c.unit_id = ${unitId} and c.executor_id is not null and ${stepOverdue(tx, today)} and ${inActiveWorkload(tx)}
      group by c.executor_id
    ) o
    join public.profiles p on p.id = o.executor_id
    join public.cases x on x.id = o.oldest_case_id
    order by o.overdue desc, o.oldest_on, p.full_name`;
}
