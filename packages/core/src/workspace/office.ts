/** An office's (sub-bureau's) dashboard, beside its statistics: its cases now, its executors and its latest cases. */
import type { TxSql } from "@thads/db";
import { CLOSED_STATUSES } from "@thads/domain";
import { inActiveWorkload } from "../cases/workload-scope.ts";

/**
 * The office's cases now: how many, how many closed, how many in the separate register, how many
 * open in the active workload (neither), money due and collected (sums as text).
 */
export async function officeTotals(tx: TxSql, unitId: string) {
  const closed = CLOSED_STATUSES as unknown as string[];
  const [totals] = await tx<
    { cases: bigint; closed: bigint; register: bigint; money_due: string | null; money_collected: string | null }[]
  >`
      select count(*) as cases, count(*) filter (where status = any (${closed}::public.case_status[])) as closed,
             count(*) filter (where status = 'separate_register') as register,
             sum(money_due)::text as money_due, sum(money_collected)::text as money_collected
      from public.cases where unit_id = ${unitId}`;
  const cases = Number(totals?.cases ?? 0n);
  const closedCount = Number(totals?.closed ?? 0n);
  const register = Number(totals?.register ?? 0n);
  return {
    cases,
    closed: closedCount,
    register,
    open: cases - closedCount - register,
    moneyDue: totals?.money_due ?? "0",
    moneyCollected: totals?.money_collected ?? "0",
  };
}

/** The office's executors by name, with their open cases (the separate register left out) and the money still outstanding on them. */
export async function officeExecutors(
  tx: TxSql,
  unitId: string,
): Promise<{ id: string; name: string; open: number; outstanding: string }[]> {
  const executors = await tx<{ id: string; full_name: string; open: bigint; outstanding: string | null }[]>`
      select p.id, p.full_name,
             count(c.id) filter (where ${inActiveWorkload(tx)}) as open,
             sum(c.money_due - c.money_collected) filter (where ${inActiveWorkload(tx)})::text as outstanding
      from public.memberships m
      join public.profiles p on p.id = m.user_id
      left join public.cases c on c.executor_id = p.id and c.unit_id = ${unitId}
      where m.unit_id = ${unitId} and m.role = 'executor'
      group by p.id, p.full_name order by p.full_name`;
  return executors.map((e) => ({ id: e.id, name: e.full_name, open: Number(e.open), outstanding: e.outstanding ?? "0" }));
}

/** The office's twenty latest cases by acceptance date. */
export async function recentCases(tx: TxSql, unitId: string) {
  const recent = await tx<
    { id: string; case_number: string; debtor_name: string; status: string; accepted_on: string; money_due: bigint }[]
  >`
      select id, case_number, debtor_name, status, accepted_on::text as accepted_on, money_due
      from public.cases where unit_id = ${unitId}
      order by accepted_on desc, id limit 20`;
  return recent.map((c) => ({ ...c, money_due: String(c.money_due) }));
}
