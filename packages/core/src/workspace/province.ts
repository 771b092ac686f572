/** A province's dashboard, beside its statistics: its executors' work and its offices' overdue cases. */
import type { TxSql } from "@thads/db";
import { OUT_OF_WORKLOAD_STATUSES } from "@thads/domain";

export interface ProvinceExecutorRow {
  id: string;
  full_name: string;
  unit_code: string;
  open: number;
  done: number;
  collected: string | null;
}

/** The province's executors (by office, then name): cases open now (the separate register left out), cases finished and money collected in [from, to]. */
export async function provinceExecutors(tx: TxSql, provinceId: string, from: string, to: string): Promise<ProvinceExecutorRow[]> {
  const inactive = OUT_OF_WORKLOAD_STATUSES as unknown as string[];
  const executors = await tx<{ id: string; full_name: string; unit_code: string; open: bigint; done: bigint; collected: string | null }[]>`
      with open as (
        select c.executor_id, count(*) as open from public.cases c
        where c.province_id = ${provinceId} and c.executor_id is not null and c.status <> all (${inactive}::public.case_status[])
        group by 1
      ), done as (
        select c.executor_id,
               count(*) filter (where e.kind in ('completion', 'termination')) as done,
               sum((e.payload ->> 'amount')::bigint) filter (where e.kind = 'payment') as collected
        from public.case_events e join public.cases c on c.id = e.case_id
        where c.province_id = ${provinceId} and e.effective_date between ${from} and ${to}
          and e.kind in ('completion', 'termination', 'payment') and c.executor_id is not null
        group by 1
      )
      select p.id, p.full_name, u.code as unit_code, coalesce(o.open, 0) as open, coalesce(d.done, 0) as done, d.collected::text as collected
      from public.memberships m join public.profiles p on p.id = m.user_id join public.units u on u.id = m.unit_id
      left join open o on o.executor_id = p.id left join done d on d.executor_id = p.id
      where m.role = 'executor' and m.province_id = ${provinceId}
      order by u.code, p.full_name`;
  return executors.map((e) => ({ ...e, open: Number(e.open), done: Number(e.done) }));
}

/** Open cases in the active workload past their next deadline (before `today`), per office of the province. */
export async function overdueByOffice(tx: TxSql, provinceId: string, today: string): Promise<{ code: string; name: string; n: number }[]> {
  const inactive = OUT_OF_WORKLOAD_STATUSES as unknown as string[];
  const overdue = await tx<{ code: string; name: string; n: bigint }[]>`
      select u.code, u.name, count(*) as n from public.cases c join public.units u on u.id = c.unit_id
      where c.province_id = ${provinceId} and c.next_deadline_on < ${today} and c.status <> all (${inactive}::public.case_status[])
      group by u.code, u.name order by u.code`;
  return overdue.map((o) => ({ ...o, n: Number(o.n) }));
}
