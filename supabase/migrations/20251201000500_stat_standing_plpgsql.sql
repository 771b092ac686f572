-- public.stat_standing_at(case, date), the same answer in half the time: the case's events up to the
-- date are read newest first (its ledger index, backwards) and the walk stops at the first event
-- that sets the base standing, instead of gathering them all. A drill-down to a figure "at a date"
-- asks this of every candidate case. Checked against the aggregates for every figure by
-- app/test/drilldown.test.ts.

create or replace function public.stat_standing_at(p_case_id uuid, p_on date) returns text
language plpgsql stable set search_path = ''
as $$
declare
  r record;
  v_code text;
  v_newest text;
begin
  for r in select e.kind, e.payload ->> 'result' as result
             from public.case_events e
            where e.case_id = p_case_id and e.effective_date <= p_on
            order by e.effective_date desc, e.id desc loop
    v_code := case when r.kind in ('acceptance', 'decision', 'notification') then 'ot'
                   when r.kind = 'classification' then case when r.result = 'not_yet_enforceable' then 'ny' else 'ip' end
                   when r.kind in ('termination', 'completion', 'transfer') then 'x'
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
