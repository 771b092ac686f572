-- Drill-down from a statistics figure to the cases it counts: a case's
-- standing at the end of a day, from its events (the same rules as
-- app_private.stat_case_deltas): 'ip' in progress, 'pp' postponed, 'sp'
-- suspended, 'ot' not classified yet, 'ny' not yet enforceable; null when not
-- accepted yet or closed. Security invoker: the caller's RLS applies.
create function public.stat_standing_at(p_case_id uuid, p_on date) returns text
language sql stable set search_path = ''
as $$
  select case when s.li in ('pp', 'sp') then s.li when s.lb = 'x' then null else s.lb end
  from (
    select (array_agg(ev.base order by ev.effective_date desc, ev.id desc) filter (where ev.base is not null))[1] as lb,
           (array_agg(coalesce(ev.base, ev.intr) order by ev.effective_date desc, ev.id desc)
              filter (where coalesce(ev.base, ev.intr) is not null))[1] as li
    from (
      select e.id, e.effective_date,
             case when e.kind in ('acceptance', 'decision', 'notification') then 'ot'
                  when e.kind = 'classification' then case when e.payload ->> 'result' = 'not_yet_enforceable' then 'ny' else 'ip' end
                  when e.kind in ('termination', 'completion', 'transfer') then 'x' end as base,
             case e.kind when 'postponement' then 'pp' when 'suspension' then 'sp' when 'resumption' then 'r' end as intr
      from public.case_events e
      where e.case_id = p_case_id and e.effective_date <= p_on
    ) ev
  ) s
$$;
revoke all on function public.stat_standing_at(uuid, date) from public;
grant execute on function public.stat_standing_at(uuid, date) to authenticated;
