/** An office's workload: each executor's open cases (the separate register left out), money outstanding and deadlines, and the cases nobody holds. */
import type { TxSql } from "@thads/db";
import { OUT_OF_WORKLOAD_STATUSES } from "@thads/domain";

export interface ExecutorLoad {
  id: string;
  full_name: string;
  open: number;
  outstanding: string;
  overdue: number;
  due_week: number;
}

/** The office's executors by open cases (most first), with what is overdue or due within seven days of `today`. */
export async function officeWorkload(tx: TxSql, unitId: string, today: string): Promise<{ executors: ExecutorLoad[]; unassigned: number }> {
  const inactive = OUT_OF_WORKLOAD_STATUSES as unknown as string[];
  const rows = await tx<{ id: string; full_name: string; open: number; outstanding: string | null; overdue: number; due_week: number }[]>`
      select p.id, p.full_name,
             count(c.id)::int as open,
             sum(c.money_due - c.money_collected)::text as outstanding,
             count(c.id) filter (where c.next_deadline_on < ${today})::int as overdue,
             count(c.id) filter (where c.next_deadline_on >= ${today} and c.next_deadline_on < ${today}::date + 7)::int as due_week
      from public.memberships m
      join public.profiles p on p.id = m.user_id
      left join public.cases c on c.executor_id = p.id and c.unit_id = ${unitId} and c.status <> all (${inactive}::public.case_status[])
      where m.unit_id = ${unitId} and m.role = 'executor'
      group by p.id, p.full_name
      order by open desc, p.full_name`;
  const [unassigned] = await tx<{ n: number }[]>`
      select count(*)::int as n from public.cases where unit_id = ${unitId} and executor_id is null and status <> all (${inactive}::public.case_status[])`;
  return {
    executors: rows.map((r) => ({ ...r, outstanding: r.outstanding ?? "0" })),
    unassigned: unassigned?.n ?? 0,
  };
}
