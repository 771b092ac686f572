-- Breakdowns of every statistics line (docs/domain.md §4, ADR 025): by judgment type (the
-- dimensions 'jt:<type>', kept since 20251115000000_stats.sql, now with the type 'other') and by how
-- the case was opened: ex officio or on request. Only 'dk:on_request' is kept; the ex officio part
-- is the line less it (every figure is a sum of delta rows, so the difference is exact), which
-- spares a dimension on every case's rows.
alter type public.judgment_type add value if not exists 'other';

alter table public.stat_daily drop constraint stat_daily_dim_check,
  add constraint stat_daily_dim_check check (dim ~ '^(all|bank|corruption|jt:[a-z]+|dk:on_request)$');
alter table public.stat_monthly drop constraint stat_monthly_dim_check,
  add constraint stat_monthly_dim_check check (dim ~ '^(all|bank|corruption|jt:[a-z]+|dk:on_request)$');
alter table public.stat_yearly drop constraint stat_yearly_dim_check,
  add constraint stat_yearly_dim_check check (dim ~ '^(all|bank|corruption|jt:[a-z]+|dk:on_request)$');

drop function app_private.stat_add(uuid[], bigint[], integer, uuid[], uuid[], text[], boolean[], boolean[]);

create function app_private.stat_add(p_case_ids uuid[], p_except bigint[], p_sign integer,
  p_units uuid[], p_provinces uuid[], p_types text[], p_bank boolean[], p_corruption boolean[], p_kinds text[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  with keys as (
    select * from unnest(p_case_ids, p_units, p_provinces, p_types, p_bank, p_corruption, p_kinds)
      as k(case_id, unit_id, province_id, jt, bank, corruption, dk)
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
                              || case when k.corruption then array['corruption'] else '{}'::text[] end
                              || case when k.dk = 'on_request' then array['dk:on_request'] else '{}'::text[] end) as x(dim)
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

revoke all on function app_private.stat_add(uuid[], bigint[], integer, uuid[], uuid[], text[], boolean[], boolean[], text[]) from public;

-- The callers pass each case's decision kind with its other keys.
create or replace function app_private.stat_on_case_events() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ids uuid[]; v_new bigint[]; v_old uuid[];
  v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[]; v_kinds text[];
begin
  select array_agg(distinct n.case_id), array_agg(n.id) into v_ids, v_new from new_rows n;
  if v_ids is null then return null; end if;
  select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
         array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id),
         array_agg(c.decision_kind::text order by c.id)
    into v_ids, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds
    from public.cases c where c.id = any (v_ids);
  perform app_private.stat_add(v_ids, '{}', 1, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds);
  -- Only cases that had events before this statement had rows to take back.
  select array_agg(distinct e.case_id) into v_old from public.case_events e
   where e.case_id = any (v_ids) and not exists (select 1 from new_rows n where n.id = e.id);
  if v_old is not null then
    select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
           array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id),
           array_agg(c.decision_kind::text order by c.id)
      into v_old, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds
      from public.cases c where c.id = any (v_old);
    perform app_private.stat_add(v_old, v_new, -1, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds);
  end if;
  return null;
end
$$;

create or replace function app_private.stat_on_cases_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ids uuid[];
  v_o record; v_n record;
begin
  select array_agg(o.id order by o.id) into v_ids
    from old_rows o join new_rows n on n.id = o.id
   where (o.unit_id, o.province_id, o.judgment_type, o.is_bank_credit, o.is_corruption, o.decision_kind)
         is distinct from (n.unit_id, n.province_id, n.judgment_type, n.is_bank_credit, n.is_corruption, n.decision_kind);
  if v_ids is null then return null; end if;
  select array_agg(o.unit_id order by o.id) as u, array_agg(o.province_id order by o.id) as p, array_agg(o.judgment_type::text order by o.id) as t,
         array_agg(o.is_bank_credit order by o.id) as b, array_agg(o.is_corruption order by o.id) as c, array_agg(o.decision_kind::text order by o.id) as k
    into v_o from old_rows o where o.id = any (v_ids);
  select array_agg(n.unit_id order by n.id) as u, array_agg(n.province_id order by n.id) as p, array_agg(n.judgment_type::text order by n.id) as t,
         array_agg(n.is_bank_credit order by n.id) as b, array_agg(n.is_corruption order by n.id) as c, array_agg(n.decision_kind::text order by n.id) as k
    into v_n from new_rows n where n.id = any (v_ids);
  perform app_private.stat_add(v_ids, '{}', -1, v_o.u, v_o.p, v_o.t, v_o.b, v_o.c, v_o.k);
  perform app_private.stat_add(v_ids, '{}', 1, v_n.u, v_n.p, v_n.t, v_n.b, v_n.c, v_n.k);
  return null;
end
$$;

create or replace function app_private.stat_rebuild() returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_unit uuid;
  v_ids uuid[]; v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[]; v_kinds text[];
  v_done bigint := 0;
begin
  truncate public.stat_daily, public.stat_monthly, public.stat_yearly;
  for v_unit in select u.id from public.units u where exists (select 1 from public.cases c where c.unit_id = u.id) order by u.id loop
    select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
           array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id),
           array_agg(c.decision_kind::text order by c.id)
      into v_ids, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds
      from public.cases c where c.unit_id = v_unit;
    perform app_private.stat_add(v_ids, '{}', 1, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds);
    v_done := v_done + cardinality(v_ids);
  end loop;
  return v_done;
end
$$;

-- The rows kept so far have no 'dk:on_request' dimension: build them once where cases exist.
select app_private.stat_rebuild() where exists (select 1 from public.cases where decision_kind = 'on_request');
