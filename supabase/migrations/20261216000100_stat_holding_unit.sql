-- Figures by the unit holding the case (ADR 028): every delta row of a case belongs to the unit
-- that held it once the event was taken, so a case moved later to another unit takes none of its
-- past figures with it. The only move recorded in the ledger is the assignment of a case the
-- provincial bureau holds to a regional office (office_assignment, 20261214000200): from its date
-- the stock leaves the bureau ("mvo": given to another unit of the province, money outstanding that
-- day) and joins the office ("mvi": received from another unit). The holding unit after an event is
-- the target of the latest move up to it (by date, then id); before the first move, the unit that
-- recorded that move; for a case never moved, its current unit (as before: an owner's maintenance
-- that changes a case's unit without a step in its ledger still moves its whole history).

alter table public.stat_daily add column mvi_n bigint not null default 0, add column mvi_m numeric not null default 0,
  add column mvo_n bigint not null default 0, add column mvo_m numeric not null default 0;
alter table public.stat_monthly add column mvi_n bigint not null default 0, add column mvi_m numeric not null default 0,
  add column mvo_n bigint not null default 0, add column mvo_m numeric not null default 0;
alter table public.stat_yearly add column mvi_n bigint not null default 0, add column mvi_m numeric not null default 0,
  add column mvo_n bigint not null default 0, add column mvo_m numeric not null default 0;

-- One row per event and holding unit; a move gives two rows (the giving unit's, the receiving one's).
drop function app_private.stat_case_deltas(uuid[], bigint[]);
create function app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[], p_units uuid[])
returns table (case_id uuid, unit_id uuid, day date, acc_n bigint, acc_m numeric, trf_n bigint, trf_m numeric, cmp_n bigint, cmp_m numeric, ter_n bigint, ter_m numeric, reg_n bigint, reg_m numeric, reo_n bigint, reo_m numeric, ret_n bigint, ret_m numeric, mvi_n bigint, mvi_m numeric, mvo_n bigint, mvo_m numeric, ip_n bigint, ip_m numeric, pp_n bigint, pp_m numeric, sp_n bigint, sp_m numeric, ot_n bigint, ot_m numeric, ny_n bigint, ny_m numeric, sr_n bigint, sr_m numeric)
language sql stable security definer set search_path = ''
as $$
  with keys as (
    select * from unnest(p_case_ids, p_units) as k(case_id, unit_id)
  ), ev as (
    select e.case_id, e.id, e.kind::text as kind, e.effective_date as day, e.unit_id as rec_unit,
           case when e.kind = 'office_assignment' then (e.payload ->> 'unitId')::uuid end as mv_to,
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
  ), s1 as (
    select ev.*,
           sum(case ev.kind when 'decision' then ev.amount when 'payment' then -ev.amount else 0 end)
             over (partition by ev.case_id order by ev.day, ev.id) as owed_after,
           count(ev.base) over (partition by ev.case_id order by ev.day, ev.id) as gb,
           count(coalesce(ev.base, ev.intr)) over (partition by ev.case_id order by ev.day, ev.id) as gi,
           count(ev.mv_to) over (partition by ev.case_id order by ev.day, ev.id) as gm
    from ev
  ), s2 as (
    select s1.*,
           max(s1.base) over (partition by s1.case_id, s1.gb) as last_base,
           max(coalesce(s1.base, s1.intr)) over (partition by s1.case_id, s1.gi) as last_any,
           first_value(s1.mv_to) over (partition by s1.case_id, s1.gm order by s1.day, s1.id) as moved_to,
           max(case when s1.mv_to is not null and s1.gm = 1 then s1.rec_unit::text end) over (partition by s1.case_id) as origin
    from s1
  ), s3 as (
    select s2.*, case when s2.last_any in ('pp', 'sp') then s2.last_any when s2.last_base = 'x' then null else s2.last_base end as st,
           coalesce(s2.moved_to, s2.origin::uuid, k.unit_id) as hu
    from s2 join keys k on k.case_id = s2.case_id
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

-- The aggregates: each delta row under its own (holding) unit; the province is the case's tenant
-- key (a move stays within the province).
create or replace function app_private.stat_add(p_case_ids uuid[], p_except bigint[], p_sign integer,
  p_units uuid[], p_provinces uuid[], p_types text[], p_bank boolean[], p_corruption boolean[], p_kinds text[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  with keys as (
    select * from unnest(p_case_ids, p_units, p_provinces, p_types, p_bank, p_corruption, p_kinds)
      as k(case_id, unit_id, province_id, jt, bank, corruption, dk)
  ), d as (
    select t.unit_id, k.province_id, x.dim, t.day,
           p_sign * sum(t.acc_n) as acc_n, p_sign * sum(t.acc_m) as acc_m, p_sign * sum(t.trf_n) as trf_n, p_sign * sum(t.trf_m) as trf_m, p_sign * sum(t.cmp_n) as cmp_n, p_sign * sum(t.cmp_m) as cmp_m,
           p_sign * sum(t.ter_n) as ter_n, p_sign * sum(t.ter_m) as ter_m, p_sign * sum(t.reg_n) as reg_n, p_sign * sum(t.reg_m) as reg_m, p_sign * sum(t.reo_n) as reo_n, p_sign * sum(t.reo_m) as reo_m,
           p_sign * sum(t.ret_n) as ret_n, p_sign * sum(t.ret_m) as ret_m, p_sign * sum(t.mvi_n) as mvi_n, p_sign * sum(t.mvi_m) as mvi_m, p_sign * sum(t.mvo_n) as mvo_n, p_sign * sum(t.mvo_m) as mvo_m,
           p_sign * sum(t.ip_n) as ip_n, p_sign * sum(t.ip_m) as ip_m, p_sign * sum(t.pp_n) as pp_n, p_sign * sum(t.pp_m) as pp_m, p_sign * sum(t.sp_n) as sp_n, p_sign * sum(t.sp_m) as sp_m,
           p_sign * sum(t.ot_n) as ot_n, p_sign * sum(t.ot_m) as ot_m, p_sign * sum(t.ny_n) as ny_n, p_sign * sum(t.ny_m) as ny_m, p_sign * sum(t.sr_n) as sr_n, p_sign * sum(t.sr_m) as sr_m
    from app_private.stat_case_deltas(p_case_ids, p_except, p_units) t
    join keys k on k.case_id = t.case_id
    cross join lateral unnest(array['all', 'jt:' || k.jt]
                              || case when k.bank then array['bank'] else '{}'::text[] end
                              || case when k.corruption then array['corruption'] else '{}'::text[] end
                              || case when k.dk = 'on_request' then array['dk:on_request'] else '{}'::text[] end) as x(dim)
    group by 1, 2, 3, 4
  ), daily as (
    insert into public.stat_daily as s (unit_id, province_id, dim, day,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m)
    select unit_id, province_id, dim, day,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m
    from d order by unit_id, dim, day
    on conflict (unit_id, dim, day) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, mvi_n = s.mvi_n + excluded.mvi_n, mvi_m = s.mvi_m + excluded.mvi_m,
      mvo_n = s.mvo_n + excluded.mvo_n, mvo_m = s.mvo_m + excluded.mvo_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m
    returning 1
  ), monthly as (
    insert into public.stat_monthly as s (unit_id, province_id, dim, month,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m)
    select unit_id, province_id, dim, date_trunc('month', day)::date,
        sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m), sum(ter_n), sum(ter_m), sum(reg_n), sum(reg_m),
        sum(reo_n), sum(reo_m), sum(ret_n), sum(ret_m), sum(mvi_n), sum(mvi_m), sum(mvo_n), sum(mvo_m), sum(ip_n), sum(ip_m),
        sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m), sum(sr_n), sum(sr_m)
    from d group by 1, 2, 3, 4 order by 1, 3, 4
    on conflict (unit_id, dim, month) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, mvi_n = s.mvi_n + excluded.mvi_n, mvi_m = s.mvi_m + excluded.mvi_m,
      mvo_n = s.mvo_n + excluded.mvo_n, mvo_m = s.mvo_m + excluded.mvo_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m
    returning 1
  )
  insert into public.stat_yearly as s (unit_id, province_id, dim, year,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m)
    select unit_id, province_id, dim, (date_trunc('year', day + interval '3 months') - interval '3 months')::date,
        sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m), sum(ter_n), sum(ter_m), sum(reg_n), sum(reg_m),
        sum(reo_n), sum(reo_m), sum(ret_n), sum(ret_m), sum(mvi_n), sum(mvi_m), sum(mvo_n), sum(mvo_m), sum(ip_n), sum(ip_m),
        sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m), sum(sr_n), sum(sr_m)
    from d group by 1, 2, 3, 4 order by 1, 3, 4
    on conflict (unit_id, dim, year) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, mvi_n = s.mvi_n + excluded.mvi_n, mvi_m = s.mvi_m + excluded.mvi_m,
      mvo_n = s.mvo_n + excluded.mvo_n, mvo_m = s.mvo_m + excluded.mvo_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m;
end
$$;

-- The unit holding a case at the end of a day, or just after one of its events (p_after_event, an
-- event of that day): the drill-down's counterpart of the holding unit above, read under the
-- caller's RLS like public.stat_standing_at.
create function public.stat_unit_at(p_case_id uuid, p_on date, p_after_event bigint default null) returns uuid
language sql stable set search_path = ''
as $$
  select coalesce(
    (select (m.payload ->> 'unitId')::uuid from public.case_events m
      where m.case_id = p_case_id and m.kind = 'office_assignment'
        and (m.effective_date < p_on or (m.effective_date = p_on and (p_after_event is null or m.id <= p_after_event)))
      order by m.effective_date desc, m.id desc limit 1),
    (select m.unit_id from public.case_events m
      where m.case_id = p_case_id and m.kind = 'office_assignment'
      order by m.effective_date, m.id limit 1),
    (select c.unit_id from public.cases c where c.id = p_case_id))
$$;
revoke all on function public.stat_unit_at(uuid, date, bigint) from public;
grant execute on function public.stat_unit_at(uuid, date, bigint) to authenticated;

-- A case's moves, by case (the holding unit) and by giving unit (a unit's moved_out).
create index case_events_moves_idx on public.case_events (case_id, effective_date, id) include (unit_id)
  where kind = 'office_assignment';
create index case_events_move_giver_idx on public.case_events (unit_id, effective_date) include (case_id)
  where kind = 'office_assignment';

-- The rows kept so far counted an assigned case's whole history under its office.
select app_private.stat_rebuild() where exists (select 1 from public.case_events where kind = 'office_assignment');
