-- Moves of both kinds (ADR 028): an assignment to a regional office and a handover on a
-- reorganisation (20261216000200). The unit a case leaves is the one a handover names
-- (payload fromUnitId), or for an assignment the bureau that recorded it, so the first unit
-- holding a case never depends on the order in which its rows were written. A reorganisation's
-- handover is the agency's maintenance: the API roles may not write it.

create or replace function app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[], p_units uuid[])
returns table (case_id uuid, unit_id uuid, day date, acc_n bigint, acc_m numeric, trf_n bigint, trf_m numeric, cmp_n bigint, cmp_m numeric, ter_n bigint, ter_m numeric, reg_n bigint, reg_m numeric, reo_n bigint, reo_m numeric, ret_n bigint, ret_m numeric, mvi_n bigint, mvi_m numeric, mvo_n bigint, mvo_m numeric, ip_n bigint, ip_m numeric, pp_n bigint, pp_m numeric, sp_n bigint, sp_m numeric, ot_n bigint, ot_m numeric, ny_n bigint, ny_m numeric, sr_n bigint, sr_m numeric)
language sql stable security definer set search_path = ''
as $$
  with keys as (
    select * from unnest(p_case_ids, p_units) as k(case_id, unit_id)
  ), ev as (
    select e.case_id, e.id, e.kind::text as kind, e.effective_date as day,
           case e.kind::text
             when 'decision' then coalesce((select sum((o ->> 'amount')::numeric) from jsonb_array_elements(e.payload -> 'obligations') o
                                            where o ->> 'kind' = 'money'), 0)
             when 'payment' then (e.payload ->> 'amount')::numeric
             else 0 end as amount,
           case when e.kind::text in ('acceptance', 'decision', 'notification') then 'ot'
                when e.kind::text = 'classification' then case when e.payload ->> 'result' = 'not_yet_enforceable' then 'ny' else 'ip' end
                when e.kind::text = 'register_transfer' then 'sr'
                when e.kind::text = 'register_reopening' then 'ny'
                when e.kind::text in ('termination', 'completion', 'transfer', 'request_returned') then 'x' end as base,
           case e.kind::text when 'postponement' then 'pp' when 'suspension' then 'sp' when 'resumption' then 'r' end as intr
    from public.case_events e
    where e.case_id = any (p_case_ids)
      and not exists (select 1 from unnest(p_except) as x(id) where x.id = e.id)
  ), mv as (
    -- The cases' moves (few cases have any): their targets in ledger order, and the unit the first
    -- one left (named by a handover; for an assignment, the bureau that recorded it).
    select m.case_id, array_agg((m.payload ->> 'unitId')::uuid order by m.effective_date, m.id) as tos,
           array_agg(m.effective_date order by m.effective_date, m.id) as ds, array_agg(m.id order by m.effective_date, m.id) as ids,
           (array_agg(case when m.kind = 'reorganisation' then (m.payload ->> 'fromUnitId')::uuid else m.unit_id end order by m.effective_date, m.id))[1] as origin
    from public.case_events m
    where m.case_id = any (p_case_ids) and m.kind in ('office_assignment', 'reorganisation')
      and not exists (select 1 from unnest(p_except) as x(id) where x.id = m.id)
    group by m.case_id
  ), s1 as (
    select ev.*,
           sum(case ev.kind when 'decision' then ev.amount when 'payment' then -ev.amount else 0 end)
             over (partition by ev.case_id order by ev.day, ev.id) as owed_after,
           count(ev.base) over (partition by ev.case_id order by ev.day, ev.id) as gb,
           count(coalesce(ev.base, ev.intr)) over (partition by ev.case_id order by ev.day, ev.id) as gi
    from ev
  ), s2 as (
    select s1.*,
           max(s1.base) over (partition by s1.case_id, s1.gb) as last_base,
           max(coalesce(s1.base, s1.intr)) over (partition by s1.case_id, s1.gi) as last_any
    from s1
  ), s3 as (
    select s2.*, case when s2.last_any in ('pp', 'sp') then s2.last_any when s2.last_base = 'x' then null else s2.last_base end as st,
           -- The unit holding the case once the event is taken: the latest move's target up to it,
           -- before any the unit the first move left, for a case never moved its unit.
           case when mv.case_id is null then k.unit_id
                else coalesce((select t.u from unnest(mv.tos, mv.ds, mv.ids) as t(u, td, tid)
                                where t.td < s2.day or (t.td = s2.day and t.tid <= s2.id)
                                order by t.td desc, t.tid desc limit 1), mv.origin) end as hu
    from s2 join keys k on k.case_id = s2.case_id left join mv on mv.case_id = s2.case_id
  ), s4 as (
    select s3.*,
           lag(s3.st) over (partition by s3.case_id order by s3.day, s3.id) as st_before,
           coalesce(lag(s3.owed_after) over (partition by s3.case_id order by s3.day, s3.id), 0) as owed_before,
           coalesce(lag(s3.hu) over (partition by s3.case_id order by s3.day, s3.id), s3.hu) as hu_before
    from s3
  ), s5 as (
    -- part 1: the holding unit after the event (everything, less the stock left at the giving unit
    -- of a move); part 2, for a move only: the giving unit (its stock leaves, mvo).
    select s4.*, p.part, s4.hu <> s4.hu_before as moved,
           s4.st_before in ('ip', 'pp', 'sp', 'ot', 'ny') as active_before
    from s4 cross join lateral (select 1 as part union all select 2 where s4.hu <> s4.hu_before) p
  )
  select s5.case_id, case s5.part when 1 then s5.hu else s5.hu_before end, s5.day,
    (s5.part = 1 and s5.kind = 'acceptance')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'decision' then s5.amount else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'transfer')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'transfer' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'completion')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'payment' then s5.amount when s5.part = 1 and s5.kind = 'completion' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'termination')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'termination' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'register_transfer')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'register_transfer' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'register_reopening')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'register_reopening' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'request_returned')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'request_returned' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.moved and coalesce(s5.active_before, false))::int::bigint,
    (case when s5.part = 1 and s5.moved and coalesce(s5.active_before, false) then s5.owed_before else 0 end)::numeric,
    (s5.part = 2 and coalesce(s5.active_before, false))::int::bigint,
    (case when s5.part = 2 and coalesce(s5.active_before, false) then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'ip')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'ip')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'ip' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'ip' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'pp')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'pp')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'pp' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'pp' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'sp')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'sp')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'sp' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'sp' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'ot')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'ot')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'ot' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'ot' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'ny')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'ny')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'ny' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'ny' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'sr')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'sr')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'sr' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'sr' then s5.owed_before else 0 end)::numeric
  from s5
$$;
revoke all on function app_private.stat_case_deltas(uuid[], bigint[], uuid[]) from public;

create or replace function public.stat_unit_at(p_case_id uuid, p_on date, p_after_event bigint default null) returns uuid
language sql stable set search_path = ''
as $$
  select coalesce(
    (select (m.payload ->> 'unitId')::uuid from public.case_events m
      where m.case_id = p_case_id and m.kind in ('office_assignment', 'reorganisation')
        and (m.effective_date < p_on or (m.effective_date = p_on and (p_after_event is null or m.id <= p_after_event)))
      order by m.effective_date desc, m.id desc limit 1),
    (select case when m.kind = 'reorganisation' then (m.payload ->> 'fromUnitId')::uuid else m.unit_id end from public.case_events m
      where m.case_id = p_case_id and m.kind in ('office_assignment', 'reorganisation')
      order by m.effective_date, m.id limit 1),
    (select c.unit_id from public.cases c where c.id = p_case_id))
$$;

-- A case's standing just before one of its events (a move counts as moved in / out only from the
-- active workload): public.stat_standing_at, with the events before that one.
create function public.stat_standing_before(p_case_id uuid, p_on date, p_event bigint) returns text
language plpgsql stable set search_path = ''
as $$
declare
  r record;
  v_code text;
  v_newest text;
begin
  for r in select e.kind::text as kind, e.payload ->> 'result' as result
             from public.case_events e
            where e.case_id = p_case_id and (e.effective_date < p_on or (e.effective_date = p_on and e.id < p_event))
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
    v_newest := coalesce(v_newest, v_code);
    if v_code not in ('pp', 'sp', 'r') then
      if v_newest in ('pp', 'sp') then return v_newest; end if;
      return case when v_code = 'x' then null else v_code end;
    end if;
  end loop;
  return case when v_newest in ('pp', 'sp') then v_newest end;
end
$$;
revoke all on function public.stat_standing_before(uuid, date, bigint) from public;
grant execute on function public.stat_standing_before(uuid, date, bigint) to authenticated;

drop index public.case_events_moves_idx;
drop index public.case_events_move_giver_idx;
create index case_events_moves_idx on public.case_events (case_id, effective_date, id) include (unit_id)
  where kind in ('office_assignment', 'reorganisation');
create index case_events_move_giver_idx on public.case_events ((case when kind = 'reorganisation' then payload ->> 'fromUnitId' else unit_id::text end), effective_date) include (case_id)
  where kind in ('office_assignment', 'reorganisation');
create index case_events_move_target_idx on public.case_events ((payload ->> 'unitId'), effective_date) include (case_id)
  where kind in ('office_assignment', 'reorganisation');

create function app_private.case_events_maintenance_only() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_province uuid;
  v_holding uuid;
  v_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
begin
  if coalesce(current_setting('role', true), 'none') in ('anon', 'authenticated', 'case_writer') then
    raise exception 'Chuyển giao do sắp xếp tổ chức bộ máy: chỉ được ghi khi sắp xếp đơn vị, không phải một bước của người dùng.'
      using errcode = '42501', constraint = 'case_events_maintenance_only', column = 'kind';
  end if;
  -- The maintenance's own rows are checked too: both units named as the database writes ids, of the
  -- case's province, the one handing over holding the case on that day, the successor another.
  select c.province_id into v_province from public.cases c where c.id = new.case_id;
  if coalesce(new.payload ->> 'unitId', '') !~ v_uuid or coalesce(new.payload ->> 'fromUnitId', '') !~ v_uuid
     or not exists (select 1 from public.units u where u.id = (new.payload ->> 'unitId')::uuid and u.province_id = v_province)
     or not exists (select 1 from public.units u where u.id = (new.payload ->> 'fromUnitId')::uuid and u.province_id = v_province) then
    raise exception 'Chuyển giao do sắp xếp tổ chức bộ máy: đơn vị giao và đơn vị tiếp nhận (fromUnitId, unitId) phải là đơn vị của tỉnh đang thụ lý việc.'
      using errcode = '23514', constraint = 'case_events_reorganisation_units', column = 'unitId';
  end if;
  v_holding := public.stat_unit_at(new.case_id, new.effective_date);
  if v_holding is distinct from (new.payload ->> 'fromUnitId')::uuid or v_holding = (new.payload ->> 'unitId')::uuid then
    raise exception 'Chuyển giao do sắp xếp tổ chức bộ máy: đơn vị giao phải là đơn vị đang thụ lý việc vào ngày đó, đơn vị tiếp nhận là đơn vị khác.'
      using errcode = '23514', constraint = 'case_events_reorganisation_holder', column = 'fromUnitId';
  end if;
  return new;
end
$$;
revoke all on function app_private.case_events_maintenance_only() from public;
create trigger case_events_maintenance_only before insert on public.case_events
  for each row when (new.kind = 'reorganisation') execute function app_private.case_events_maintenance_only();

-- The unit holding a case reads its whole ledger: the steps taken before it was given the case (by
-- an assignment or a handover) were recorded by the unit that held it then.
create or replace function app_private.assigned_case_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_units uuid[] := app_private.unit_staff_units();
begin
  if cardinality(v_units) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct e.case_id), '{}')
            from public.case_events e
            join public.cases c on c.id = e.case_id and c.unit_id = any (v_units)
           where e.kind in ('office_assignment', 'reorganisation') and (e.payload ->> 'unitId') = any (v_units::text[]));
end
$$;

drop policy case_events_select on public.case_events;
create policy case_events_select on public.case_events for select to authenticated
  using (
    unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
    or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
    or (select app_private.is_national())
    or case_id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[])
    or case_id in (select unnest(app_private.assigned_case_ids()))
  );
