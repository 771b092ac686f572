import type { TxSql } from "@thads/db";

/** Directorate view: every committee's list size and its directives, overdue ones per province. */
export async function loadNationalSteering(tx: TxSql, today: string) {
  const committees = await tx<
    {
      id: string;
      name: string;
      kind: string;
      province_name: string | null;
      flagged: bigint;
      proposed: bigint;
      open_directives: bigint;
      overdue: bigint;
    }[]
  >`
    select c.id, c.name, c.kind, p.name as province_name,
           (select count(*) from public.steering_flags f where f.committee_id = c.id and f.status = 'accepted') as flagged,
           (select count(*) from public.steering_flags f where f.committee_id = c.id and f.status = 'proposed') as proposed,
           (select count(*) from public.steering_directives d where d.committee_id = c.id and d.answered_on is null) as open_directives,
           (select count(*) from public.steering_directives d where d.committee_id = c.id and d.answered_on is null and d.due_on < ${today}) as overdue
    from public.steering_committees c left join public.units p on p.id = c.province_id
    order by c.kind desc, p.name nulls first, c.name`;
  const provinces = await tx<{ province_id: string; province_name: string; open: bigint; overdue: bigint }[]>`
    select d.province_id, p.name as province_name,
           count(*) filter (where d.answered_on is null) as open,
           count(*) filter (where d.answered_on is null and d.due_on < ${today}) as overdue
    from public.steering_directives d join public.units p on p.id = d.province_id
    group by d.province_id, p.name order by overdue desc, p.name`;
  return {
    committees: committees.map((c) => ({
      ...c,
      flagged: Number(c.flagged),
      proposed: Number(c.proposed),
      open_directives: Number(c.open_directives),
      overdue: Number(c.overdue),
    })),
    provinces: provinces.map((p) => ({ ...p, open: Number(p.open), overdue: Number(p.overdue) })),
  };
}
