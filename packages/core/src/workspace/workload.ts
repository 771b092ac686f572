/** An office's workload: each executor's open cases (the separate register left out), money outstanding and deadlines, and the cases nobody holds. */
import type { TxSql } from "@thads/db";
import { dueWeekEnd } from "@thads/domain";
import { inActiveWorkload, stepOverdue } from "../cases/workload-scope.ts";

export interface ExecutorLoad {
  id: string;
  full_name: string;
  open: number;
  outstanding: string;
  overdue: number;
  due_week: number;
}

/**
 * The office's executors by open cases (most first), with what is overdue or due this week
 * (seven days from `today`). "Open" is the active workload as the case list's `open` filter reads
 * it, so `/cases?unit=…&executor=…&open=1` lists exactly `open` cases (and with `&overdue=1`,
 * exactly `overdue`).
 */
export async function officeWorkload(tx: TxSql, unitId: string, today: string): Promise<{ executors: ExecutorLoad[]; unassigned: number }> {
  const rows = await tx<{ id: string; full_name: string; open: number; outstanding: string | null; overdue: number; due_week: number }[]>`
      select p.id, p.full_name,
             count(c.id)::int as open,
             sum(c.money_due - c.money_collected)::text as outstanding,
             count(c.id) filter (where ${stepOverdue(tx, today)})::int as overdue,
             count(c.id) filter (where c.next_deadline_on >= ${today} and c.next_deadline_on < ${dueWeekEnd(today)})::int as due_week
      from public.memberships m
      join public.profiles p on p.id = m.user_id
      left join public.cases c on c.executor_id = p.id and c.unit_id = ${unitId} and ${inActiveWorkload(tx)}
      where m.unit_id = ${unitId} and m.role = 'executor'
      group by p.id, p.full_name
      order by open desc, p.full_name`;
  const [unassigned] = await tx<{ n: number }[]>`
      select count(*)::int as n from public.cases c where c.unit_id = ${unitId} and c.executor_id is null and ${inActiveWorkload(tx)}`;
  return {
    executors: rows.map((r) => ({ ...r, outstanding: r.outstanding ?? "0" })),
    unassigned: unassigned?.n ?? 0,
  };
}
