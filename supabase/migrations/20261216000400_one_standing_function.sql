-- One function for a case's standing (20261216000300 wrote a second one for the standing just
-- before an event): public.stat_standing_at takes an optional event of that day, and reads the
-- events before it only. The range on the ledger's index stays "effective_date <= p_on".
drop function public.stat_standing_before(uuid, date, bigint);
drop function public.stat_standing_at(uuid, date);

create function public.stat_standing_at(p_case_id uuid, p_on date, p_before_event bigint default null) returns text
language plpgsql stable set search_path = ''
as $$
declare
  r record;
  v_code text;
  v_newest text;
begin
  for r in select e.kind::text as kind, e.payload ->> 'result' as result
             from public.case_events e
            where e.case_id = p_case_id and e.effective_date <= p_on
              and (p_before_event is null or e.effective_date < p_on or e.id < p_before_event)
            order by e.effective_date desc, e.id desc loop
    v_code := case when r.kind in ('acceptance', 'decision', 'notification') then 'ot'
                   when r.kind = 'classification' then case when r.result = 'not_yet_enforceable' then 'ny' else 'ip' end
                   when r.kind = 'register_transfer' then 'sr'
                   when r.kind = 'register_reopening' then 'ny'
                   when r.kind in ('termination', 'completion', 'transfer', 'request_returned') then 'x'
                   when r.kind = 'postponement' then 'pp'
                   when r.kind = 'suspension' then 'sp'
                   when r.kind = 'resumption' then 'r' end;
    continue when v_code is null;
    -- The newest event that sets or interrupts the standing: postponed and suspended win.
    v_newest := coalesce(v_newest, v_code);
    if v_code not in ('pp', 'sp', 'r') then
      -- The newest event that sets the base standing.
      if v_newest in ('pp', 'sp') then return v_newest; end if;
      return case when v_code = 'x' then null else v_code end;
    end if;
  end loop;
  -- No event sets a base standing (none is dated before its acceptance, so this is only a guard).
  return case when v_newest in ('pp', 'sp') then v_newest end;
end
$$;
revoke all on function public.stat_standing_at(uuid, date, bigint) from public;
grant execute on function public.stat_standing_at(uuid, date, bigint) to authenticated;
