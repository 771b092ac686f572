-- Statistics of the separate register and of returned requests (docs/domain.md §4;
-- packages/domain/src/stats/figures.ts, deltas.ts). New delta columns:
--   flows  reg: moved to the separate register (cases; money outstanding at the move)
--          reo: reopened from it on new information (cases; money outstanding then)
--          ret: request returned, the case ends (cases; money outstanding then)
--   stock  sr:  in the separate register; outside the active workload, so not carried over
--              (packages/db/src/stats.ts sums only ip, pp, sp, ot, ny for carried_over).
-- The identities become
--   total_accepted = carried_over + newly_accepted + reopened
--   to_enforce     = total_accepted − transferred_out − registered − returned.
-- No event of the new kinds exists before this migration, so the rows kept so far stay exact with
-- the new columns at zero: no rebuild is needed.

alter table public.stat_daily
  add column reg_n bigint not null default 0, add column reg_m numeric not null default 0,
  add column reo_n bigint not null default 0, add column reo_m numeric not null default 0,
  add column ret_n bigint not null default 0, add column ret_m numeric not null default 0,
  add column sr_n bigint not null default 0, add column sr_m numeric not null default 0;

alter table public.stat_monthly
  add column reg_n bigint not null default 0, add column reg_m numeric not null default 0,
  add column reo_n bigint not null default 0, add column reo_m numeric not null default 0,
  add column ret_n bigint not null default 0, add column ret_m numeric not null default 0,
  add column sr_n bigint not null default 0, add column sr_m numeric not null default 0;

alter table public.stat_yearly
  add column reg_n bigint not null default 0, add column reg_m numeric not null default 0,
  add column reo_n bigint not null default 0, add column reo_m numeric not null default 0,
  add column ret_n bigint not null default 0, add column ret_m numeric not null default 0,
  add column sr_n bigint not null default 0, add column sr_m numeric not null default 0;

-- A case's delta rows (mirrors caseDeltas() in packages/domain/src/stats/deltas.ts): the
-- standing after each event is the last of acceptance/decision/notification ('ot'),
-- classification ('ip' or 'ny'), register_transfer ('sr'), register_reopening ('ny') and the
-- endings ('x': termination, completion, transfer, request_returned), unless a postponement ('pp')
-- or suspension ('sp') came after it and no resumption since.
drop function app_private.stat_case_deltas(uuid[], bigint[]);
create function app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[] default '{}')
returns table (case_id uuid, day date,
  acc_n bigint, acc_m numeric, trf_n bigint, trf_m numeric, cmp_n bigint, cmp_m numeric, ter_n bigint, ter_m numeric, reg_n bigint, reg_m numeric, reo_n bigint, reo_m numeric, ret_n bigint, ret_m numeric,
  ip_n bigint, ip_m numeric, pp_n bigint, pp_m numeric, sp_n bigint, sp_m numeric, ot_n bigint, ot_m numeric, ny_n bigint, ny_m numeric, sr_n bigint, sr_m numeric)
language sql stable security definer set search_path = ''
as $$
  with ev as (
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
    select s2.*, case when s2.last_any in ('pp', 'sp') then s2.last_any when s2.last_base = 'x' then null else s2.last_base end as st
    from s2
  ), s4 as (
    select s3.*,
           lag(s3.st) over (partition by s3.case_id order by s3.day, s3.id) as st_before,
           coalesce(lag(s3.owed_after) over (partition by s3.case_id order by s3.day, s3.id), 0) as owed_before
    from s3
  )
  select s4.case_id, s4.day,
    (s4.kind = 'acceptance')::int::bigint,
    (case when s4.kind = 'decision' then s4.amount else 0 end)::numeric,
    (s4.kind = 'transfer')::int::bigint,
    (case when s4.kind = 'transfer' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'completion')::int::bigint,
    (case when s4.kind = 'payment' then s4.amount when s4.kind = 'completion' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'termination')::int::bigint,
    (case when s4.kind = 'termination' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'register_transfer')::int::bigint,
    (case when s4.kind = 'register_transfer' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'register_reopening')::int::bigint,
    (case when s4.kind = 'register_reopening' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'request_returned')::int::bigint,
    (case when s4.kind = 'request_returned' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'ip')::int - (s4.st_before is not distinct from 'ip')::int)::bigint,
    (case when s4.st is not distinct from 'ip' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ip' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'pp')::int - (s4.st_before is not distinct from 'pp')::int)::bigint,
    (case when s4.st is not distinct from 'pp' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'pp' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'sp')::int - (s4.st_before is not distinct from 'sp')::int)::bigint,
    (case when s4.st is not distinct from 'sp' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'sp' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'ot')::int - (s4.st_before is not distinct from 'ot')::int)::bigint,
    (case when s4.st is not distinct from 'ot' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ot' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'ny')::int - (s4.st_before is not distinct from 'ny')::int)::bigint,
    (case when s4.st is not distinct from 'ny' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ny' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'sr')::int - (s4.st_before is not distinct from 'sr')::int)::bigint,
    (case when s4.st is not distinct from 'sr' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'sr' then s4.owed_before else 0 end)::numeric
  from s4
$$;
revoke all on function app_private.stat_case_deltas(uuid[], bigint[]) from public;

-- The aggregates, with the new columns (as in 20251128000000_stat_yearly.sql otherwise).
create or replace function app_private.stat_add(p_case_ids uuid[], p_except bigint[], p_sign integer,
  p_units uuid[], p_provinces uuid[], p_types text[], p_bank boolean[], p_corruption boolean[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  with keys as (
    select * from unnest(p_case_ids, p_units, p_provinces, p_types, p_bank, p_corruption)
      as k(case_id, unit_id, province_id, jt, bank, corruption)
  ), d as (
    select k.unit_id, k.province_id, x.dim, t.day,
           p_sign * sum(t.acc_n) as acc_n, p_sign * sum(t.acc_m) as acc_m, p_sign * sum(t.trf_n) as trf_n, p_sign * sum(t.trf_m) as trf_m, p_sign * sum(t.cmp_n) as cmp_n, p_sign * sum(t.cmp_m) as cmp_m,
           p_sign * sum(t.ter_n) as ter_n, p_sign * sum(t.ter_m) as ter_m, p_sign * sum(t.reg_n) as reg_n, p_sign * sum(t.reg_m) as reg_m, p_sign * sum(t.reo_n) as reo_n, p_sign * sum(t.reo_m) as reo_m,
           p_sign * sum(t.ret_n) as ret_n, p_sign * sum(t.ret_m) as ret_m, p_sign * sum(t.ip_n) as ip_n, p_sign * sum(t.ip_m) as ip_m, p_sign * sum(t.pp_n) as pp_n, p_sign * sum(t.pp_m) as pp_m,
           p_sign * sum(t.sp_n) as sp_n, p_sign * sum(t.sp_m) as sp_m, p_sign * sum(t.ot_n) as ot_n, p_sign * sum(t.ot_m) as ot_m, p_sign * sum(t.ny_n) as ny_n, p_sign * sum(t.ny_m) as ny_m,
           p_sign * sum(t.sr_n) as sr_n, p_sign * sum(t.sr_m) as sr_m
    from app_private.stat_case_deltas(p_case_ids, p_except) t
    join keys k on k.case_id = t.case_id
    cross join lateral unnest(array['all', 'jt:' || k.jt]
                              || case when k.bank then array['bank'] else '{}'::text[] end
                              || case when k.corruption then array['corruption'] else '{}'::text[] end) as x(dim)
    group by 1, 2, 3, 4
  ), daily as (
    insert into public.stat_daily as s (unit_id, province_id, dim, day,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m, reo_n, reo_m,
        ret_n, ret_m, ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m,
        sr_n, sr_m)
    select unit_id, province_id, dim, day,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m, reo_n, reo_m,
        ret_n, ret_m, ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m,
        sr_n, sr_m
    from d order by unit_id, dim, day
    on conflict (unit_id, dim, day) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m
    returning 1
  ), monthly as (
    insert into public.stat_monthly as s (unit_id, province_id, dim, month,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m, reo_n, reo_m,
        ret_n, ret_m, ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m,
        sr_n, sr_m)
    select unit_id, province_id, dim, date_trunc('month', day)::date,
         sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m), sum(ter_n), sum(ter_m), sum(reg_n), sum(reg_m),
         sum(reo_n), sum(reo_m), sum(ret_n), sum(ret_m), sum(ip_n), sum(ip_m), sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m),
         sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m), sum(sr_n), sum(sr_m)
    from d group by 1, 2, 3, 4 order by 1, 3, 4
    on conflict (unit_id, dim, month) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m
    returning 1
  )
  insert into public.stat_yearly as s (unit_id, province_id, dim, year,
      acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m, reo_n, reo_m,
        ret_n, ret_m, ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m,
        sr_n, sr_m)
  select unit_id, province_id, dim, (date_trunc('year', day + interval '3 months') - interval '3 months')::date,
         sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m), sum(ter_n), sum(ter_m), sum(reg_n), sum(reg_m),
         sum(reo_n), sum(reo_m), sum(ret_n), sum(ret_m), sum(ip_n), sum(ip_m), sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m),
         sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m), sum(sr_n), sum(sr_m)
  from d group by 1, 2, 3, 4 order by 1, 3, 4
  on conflict (unit_id, dim, year) do update set
    acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
    cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
    reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
    ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
    pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
    ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
    sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m;
end
$$;

-- A case's standing at a date (the drill-down), with the register ('sr') and the return ('x').
create or replace function public.stat_standing_at(p_case_id uuid, p_on date) returns text
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

-- The drill-down reads the cases with each new kind of event as a set, like the other flows
-- (20251201000400_figure_drilldown.sql).
create index case_events_register_transfer_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'register_transfer';
create index case_events_register_reopening_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'register_reopening';
create index case_events_request_returned_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'request_returned';
