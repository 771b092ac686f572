-- Yearly rows beside the monthly ones: a stock at a point in time is the sum of
-- every delta before it, and a national reading summed every unit's months
-- since the first year. With one row per unit, dimension and statistical year
-- (1 October – 30 September, keyed by its first day), a stock reads the whole
-- years from stat_yearly and only the months of the last, partial year from
-- stat_monthly (packages/db/src/stats.ts); a period that starts on 1 October
-- reads no month before it at all. Kept in the same statement as the daily and
-- monthly rows, by app_private.stat_add.
create table public.stat_yearly (
  unit_id uuid not null references public.units (id),
  province_id uuid not null references public.units (id),
  dim text not null check (dim ~ '^(all|bank|corruption|jt:[a-z]+)$'),
  year date not null check (extract(month from year) = 10 and extract(day from year) = 1),
  acc_n bigint not null default 0, acc_m bigint not null default 0,
  trf_n bigint not null default 0, trf_m bigint not null default 0,
  cmp_n bigint not null default 0, cmp_m bigint not null default 0,
  ter_n bigint not null default 0, ter_m bigint not null default 0,
  ip_n bigint not null default 0, ip_m bigint not null default 0,
  pp_n bigint not null default 0, pp_m bigint not null default 0,
  sp_n bigint not null default 0, sp_m bigint not null default 0,
  ot_n bigint not null default 0, ot_m bigint not null default 0,
  ny_n bigint not null default 0, ny_m bigint not null default 0,
  primary key (unit_id, dim, year)
);
create index stat_yearly_province_idx on public.stat_yearly (province_id, dim, year);
create index stat_yearly_dim_idx on public.stat_yearly (dim, year);

alter table public.stat_yearly enable row level security;
alter table public.stat_yearly force row level security;
create policy stat_yearly_select on public.stat_yearly for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
revoke all on public.stat_yearly from anon, authenticated;
grant select on public.stat_yearly to authenticated;

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
           p_sign * sum(t.acc_n) as acc_n, p_sign * sum(t.acc_m) as acc_m, p_sign * sum(t.trf_n) as trf_n, p_sign * sum(t.trf_m) as trf_m,
           p_sign * sum(t.cmp_n) as cmp_n, p_sign * sum(t.cmp_m) as cmp_m, p_sign * sum(t.ter_n) as ter_n, p_sign * sum(t.ter_m) as ter_m,
           p_sign * sum(t.ip_n) as ip_n, p_sign * sum(t.ip_m) as ip_m, p_sign * sum(t.pp_n) as pp_n, p_sign * sum(t.pp_m) as pp_m,
           p_sign * sum(t.sp_n) as sp_n, p_sign * sum(t.sp_m) as sp_m, p_sign * sum(t.ot_n) as ot_n, p_sign * sum(t.ot_m) as ot_m,
           p_sign * sum(t.ny_n) as ny_n, p_sign * sum(t.ny_m) as ny_m
    from app_private.stat_case_deltas(p_case_ids, p_except) t
    join keys k on k.case_id = t.case_id
    cross join lateral unnest(array['all', 'jt:' || k.jt]
                              || case when k.bank then array['bank'] else '{}'::text[] end
                              || case when k.corruption then array['corruption'] else '{}'::text[] end) as x(dim)
    group by 1, 2, 3, 4
  ), daily as (
    insert into public.stat_daily as s (unit_id, province_id, dim, day, acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m,
                                        ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m)
    select unit_id, province_id, dim, day, acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m,
           ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m
    from d order by unit_id, dim, day
    on conflict (unit_id, dim, day) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m, pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m,
      sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m, ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m,
      ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m
    returning 1
  ), monthly as (
    insert into public.stat_monthly as s (unit_id, province_id, dim, month, acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m,
                                          ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m)
    select unit_id, province_id, dim, date_trunc('month', day)::date, sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m),
           sum(ter_n), sum(ter_m), sum(ip_n), sum(ip_m), sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m)
    from d group by 1, 2, 3, 4 order by 1, 3, 4
    on conflict (unit_id, dim, month) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m, pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m,
      sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m, ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m,
      ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m
    returning 1
  )
  insert into public.stat_yearly as s (unit_id, province_id, dim, year, acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m,
                                       ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m)
  select unit_id, province_id, dim, (date_trunc('year', day + interval '3 months') - interval '3 months')::date, sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m),
         sum(ter_n), sum(ter_m), sum(ip_n), sum(ip_m), sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m)
  from d group by 1, 2, 3, 4 order by 1, 3, 4
  on conflict (unit_id, dim, year) do update set
    acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
    cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
    ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m, pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m,
    sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m, ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m,
    ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m;
end
$$;

create or replace function app_private.stat_rebuild() returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_unit uuid;
  v_ids uuid[]; v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[];
  v_done bigint := 0;
begin
  truncate public.stat_daily, public.stat_monthly, public.stat_yearly;
  for v_unit in select u.id from public.units u where exists (select 1 from public.cases c where c.unit_id = u.id) order by u.id loop
    select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
           array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id)
      into v_ids, v_units, v_provinces, v_types, v_bank, v_corruption
      from public.cases c where c.unit_id = v_unit;
    perform app_private.stat_add(v_ids, '{}', 1, v_units, v_provinces, v_types, v_bank, v_corruption);
    v_done := v_done + cardinality(v_ids);
  end loop;
  return v_done;
end
$$;
revoke all on function app_private.stat_rebuild() from public;

-- The years of the rows already kept.
insert into public.stat_yearly (unit_id, province_id, dim, year, acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m,
                                ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m)
select unit_id, province_id, dim, (date_trunc('year', month + interval '3 months') - interval '3 months')::date, sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m),
       sum(ter_n), sum(ter_m), sum(ip_n), sum(ip_m), sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m)
from public.stat_monthly group by 1, 2, 3, 4;
