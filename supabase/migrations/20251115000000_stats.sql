-- Official statistics kept current with the case event ledger (docs/domain.md §4,
-- packages/domain/src/stats). A case's history is a series of dated delta rows
-- (see deltas.ts): flow columns count what happened that day (acc: accepted /
-- money decided, trf: transferred out, cmp: completed / money collected, ter:
-- terminated), stock columns move when an open case enters or leaves a standing
-- (ip: in progress, pp: postponed, sp: suspended, ot: not classified yet, ny: not
-- yet enforceable), by one case and by its outstanding money. `_n` = cases,
-- `_m` = đồng. Rows are summed per unit, dimension and day, and per month, so
-- any unit and period is answered by summing a few rows.
--
-- Dimensions (`dim`): 'all'; 'jt:<judgment type>'; 'bank' (bank credit);
-- 'corruption' (corruption / economic). A case's rows go to the unit that owns it
-- (cases.unit_id); a province is the sum of its units, former provinces
-- (dissolved 1 Jul 2025, merged_into_id) included, since their tenant key is the
-- merged province.
--
-- The rows are written in the same transaction as the events, by a statement
-- trigger over the inserted rows (set-based, so bulk imports pay once per
-- statement): for the cases touched, the delta rows of all their events minus
-- those of their events before the statement. A back-dated event therefore
-- changes exactly what it changes. app_private.stat_rebuild() recomputes
-- everything from the raw events (after the demo bulk load, which runs with
-- triggers off); packages/db/src/stats-verify.ts compares both.

create table public.stat_daily (
  unit_id uuid not null references public.units (id),
  province_id uuid not null references public.units (id),
  dim text not null check (dim ~ '^(all|bank|corruption|jt:[a-z]+)$'),
  day date not null,
  acc_n bigint not null default 0, acc_m bigint not null default 0,
  trf_n bigint not null default 0, trf_m bigint not null default 0,
  cmp_n bigint not null default 0, cmp_m bigint not null default 0,
  ter_n bigint not null default 0, ter_m bigint not null default 0,
  ip_n bigint not null default 0, ip_m bigint not null default 0,
  pp_n bigint not null default 0, pp_m bigint not null default 0,
  sp_n bigint not null default 0, sp_m bigint not null default 0,
  ot_n bigint not null default 0, ot_m bigint not null default 0,
  ny_n bigint not null default 0, ny_m bigint not null default 0,
  primary key (unit_id, dim, day)
);
create index stat_daily_province_idx on public.stat_daily (province_id, dim, day);

create table public.stat_monthly (
  unit_id uuid not null references public.units (id),
  province_id uuid not null references public.units (id),
  dim text not null check (dim ~ '^(all|bank|corruption|jt:[a-z]+)$'),
  month date not null check (extract(day from month) = 1),
  acc_n bigint not null default 0, acc_m bigint not null default 0,
  trf_n bigint not null default 0, trf_m bigint not null default 0,
  cmp_n bigint not null default 0, cmp_m bigint not null default 0,
  ter_n bigint not null default 0, ter_m bigint not null default 0,
  ip_n bigint not null default 0, ip_m bigint not null default 0,
  pp_n bigint not null default 0, pp_m bigint not null default 0,
  sp_n bigint not null default 0, sp_m bigint not null default 0,
  ot_n bigint not null default 0, ot_m bigint not null default 0,
  ny_n bigint not null default 0, ny_m bigint not null default 0,
  primary key (unit_id, dim, month)
);
create index stat_monthly_province_idx on public.stat_monthly (province_id, dim, month);
create index stat_monthly_dim_idx on public.stat_monthly (dim, month);

-- ---------------------------------------------------------------------------
-- Delta rows of the events of some cases (all their events, or all but some).
-- The standing after each event: the last of acceptance/decision/notification
-- ('ot'), classification ('ip' or 'ny') and the endings ('x'), unless a
-- postponement ('pp') or suspension ('sp') came after it and no resumption
-- since. Outstanding money after each event: decided obligations less payments.
-- Mirrors caseDeltas() in packages/domain/src/stats/deltas.ts.
-- ---------------------------------------------------------------------------
create function app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[] default '{}')
returns table (case_id uuid, day date,
  acc_n bigint, acc_m bigint, trf_n bigint, trf_m bigint, cmp_n bigint, cmp_m bigint, ter_n bigint, ter_m bigint,
  ip_n bigint, ip_m bigint, pp_n bigint, pp_m bigint, sp_n bigint, sp_m bigint, ot_n bigint, ot_m bigint, ny_n bigint, ny_m bigint)
language sql stable security definer set search_path = ''
as $$
  with ev as (
    select e.case_id, e.id, e.kind, e.effective_date as day,
           case e.kind
             when 'decision' then coalesce((select sum((o ->> 'amount')::bigint) from jsonb_array_elements(e.payload -> 'obligations') o
                                            where o ->> 'kind' = 'money'), 0)
             when 'payment' then (e.payload ->> 'amount')::bigint
             else 0 end as amount,
           case when e.kind in ('acceptance', 'decision', 'notification') then 'ot'
                when e.kind = 'classification' then case when e.payload ->> 'result' = 'not_yet_enforceable' then 'ny' else 'ip' end
                when e.kind in ('termination', 'completion', 'transfer') then 'x' end as base,
           case e.kind when 'postponement' then 'pp' when 'suspension' then 'sp' when 'resumption' then 'r' end as intr
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
    (case when s4.kind = 'decision' then s4.amount else 0 end)::bigint,
    (s4.kind = 'transfer')::int::bigint,
    (case when s4.kind = 'transfer' then s4.owed_before else 0 end)::bigint,
    (s4.kind = 'completion')::int::bigint,
    (case when s4.kind = 'payment' then s4.amount when s4.kind = 'completion' then s4.owed_before else 0 end)::bigint,
    (s4.kind = 'termination')::int::bigint,
    (case when s4.kind = 'termination' then s4.owed_before else 0 end)::bigint,
    ((s4.st is not distinct from 'ip')::int - (s4.st_before is not distinct from 'ip')::int)::bigint,
    (case when s4.st is not distinct from 'ip' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ip' then s4.owed_before else 0 end)::bigint,
    ((s4.st is not distinct from 'pp')::int - (s4.st_before is not distinct from 'pp')::int)::bigint,
    (case when s4.st is not distinct from 'pp' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'pp' then s4.owed_before else 0 end)::bigint,
    ((s4.st is not distinct from 'sp')::int - (s4.st_before is not distinct from 'sp')::int)::bigint,
    (case when s4.st is not distinct from 'sp' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'sp' then s4.owed_before else 0 end)::bigint,
    ((s4.st is not distinct from 'ot')::int - (s4.st_before is not distinct from 'ot')::int)::bigint,
    (case when s4.st is not distinct from 'ot' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ot' then s4.owed_before else 0 end)::bigint,
    ((s4.st is not distinct from 'ny')::int - (s4.st_before is not distinct from 'ny')::int)::bigint,
    (case when s4.st is not distinct from 'ny' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ny' then s4.owed_before else 0 end)::bigint
  from s4
$$;

-- Adds p_sign × the delta rows of the given cases' events (all but p_except) to
-- the aggregates, under the keys given for each case (unit, tenant key,
-- judgment type, bank credit, corruption), in key order (fewer lock waits).
create function app_private.stat_add(p_case_ids uuid[], p_except bigint[], p_sign integer,
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
  )
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
    ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m;
end
$$;

-- New events: the touched cases' delta rows now, less their rows before the statement.
create function app_private.stat_on_case_events() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ids uuid[]; v_new bigint[]; v_old uuid[];
  v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[];
begin
  select array_agg(distinct n.case_id), array_agg(n.id) into v_ids, v_new from new_rows n;
  if v_ids is null then return null; end if;
  select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
         array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id)
    into v_ids, v_units, v_provinces, v_types, v_bank, v_corruption
    from public.cases c where c.id = any (v_ids);
  perform app_private.stat_add(v_ids, '{}', 1, v_units, v_provinces, v_types, v_bank, v_corruption);
  -- Only cases that had events before this statement had rows to take back.
  select array_agg(distinct e.case_id) into v_old from public.case_events e
   where e.case_id = any (v_ids) and not exists (select 1 from new_rows n where n.id = e.id);
  if v_old is not null then
    select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
           array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id)
      into v_old, v_units, v_provinces, v_types, v_bank, v_corruption
      from public.cases c where c.id = any (v_old);
    perform app_private.stat_add(v_old, v_new, -1, v_units, v_provinces, v_types, v_bank, v_corruption);
  end if;
  return null;
end
$$;
create trigger case_events_stats after insert on public.case_events
  referencing new table as new_rows for each statement execute function app_private.stat_on_case_events();

-- A case moved to another unit, or re-typed: its rows move with it.
create function app_private.stat_on_cases_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ids uuid[];
  v_o record; v_n record;
begin
  select array_agg(o.id order by o.id) into v_ids
    from old_rows o join new_rows n on n.id = o.id
   where (o.unit_id, o.province_id, o.judgment_type, o.is_bank_credit, o.is_corruption)
         is distinct from (n.unit_id, n.province_id, n.judgment_type, n.is_bank_credit, n.is_corruption);
  if v_ids is null then return null; end if;
  select array_agg(o.unit_id order by o.id) as u, array_agg(o.province_id order by o.id) as p, array_agg(o.judgment_type::text order by o.id) as t,
         array_agg(o.is_bank_credit order by o.id) as b, array_agg(o.is_corruption order by o.id) as c
    into v_o from old_rows o where o.id = any (v_ids);
  select array_agg(n.unit_id order by n.id) as u, array_agg(n.province_id order by n.id) as p, array_agg(n.judgment_type::text order by n.id) as t,
         array_agg(n.is_bank_credit order by n.id) as b, array_agg(n.is_corruption order by n.id) as c
    into v_n from new_rows n where n.id = any (v_ids);
  perform app_private.stat_add(v_ids, '{}', -1, v_o.u, v_o.p, v_o.t, v_o.b, v_o.c);
  perform app_private.stat_add(v_ids, '{}', 1, v_n.u, v_n.p, v_n.t, v_n.b, v_n.c);
  return null;
end
$$;
create trigger cases_stats after update on public.cases
  referencing old table as old_rows new table as new_rows for each statement execute function app_private.stat_on_cases_update();

-- Everything again from the raw events (after a bulk load with triggers off),
-- one unit at a time: each unit's rows are its own, so every chunk only inserts
-- (no row is written twice), and a chunk's events are read through the
-- (case_id, effective_date, id) index.
create function app_private.stat_rebuild() returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_unit uuid;
  v_ids uuid[]; v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[];
  v_done bigint := 0;
begin
  truncate public.stat_daily, public.stat_monthly;
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

revoke all on function app_private.stat_case_deltas(uuid[], bigint[]) from public;
revoke all on function app_private.stat_add(uuid[], bigint[], integer, uuid[], uuid[], text[], boolean[], boolean[]) from public;
revoke all on function app_private.stat_on_case_events() from public;
revoke all on function app_private.stat_on_cases_update() from public;
revoke all on function app_private.stat_rebuild() from public;

-- ---------------------------------------------------------------------------
-- Targets (chỉ tiêu): the directorate sets each province's yearly rates, a
-- province sets its sub-bureaus'. Percent with two decimals.
-- ---------------------------------------------------------------------------
create table public.stat_targets (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references public.units (id),
  province_id uuid not null references public.units (id),
  stat_year integer not null check (stat_year between 2000 and 2100),
  cases_rate numeric(5, 2) not null check (cases_rate between 0 and 100),
  money_rate numeric(5, 2) not null check (money_rate between 0 and 100),
  set_by uuid,
  updated_at timestamptz not null default now(),
  constraint stat_targets_unique unique (unit_id, stat_year)
);
create index stat_targets_province_idx on public.stat_targets (province_id);
create trigger stat_targets_tenant before insert or update of unit_id on public.stat_targets
  for each row execute function app_private.set_tenant_from_unit();
create trigger stat_targets_touch before update on public.stat_targets
  for each row execute function app_private.touch_updated_at();
create trigger stat_targets_audit after insert or update or delete on public.stat_targets
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- RLS: the aggregates are read like the cases they count (sub-bureau staff
-- their sub-bureau, province staff their province, the directorate all);
-- only the triggers above write them.
-- ---------------------------------------------------------------------------
alter table public.stat_daily enable row level security;
alter table public.stat_daily force row level security;
alter table public.stat_monthly enable row level security;
alter table public.stat_monthly force row level security;
alter table public.stat_targets enable row level security;
alter table public.stat_targets force row level security;

create policy stat_daily_select on public.stat_daily for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
create policy stat_monthly_select on public.stat_monthly for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));

create policy stat_targets_select on public.stat_targets for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
-- The directorate's admins set provinces' targets (unit = its own tenant key);
-- a province head sets its sub-bureaus' (any other unit of the province).
create policy stat_targets_insert on public.stat_targets for insert to authenticated
  with check ((unit_id = province_id and (select app_private.is_national_admin()))
              or (unit_id <> province_id and province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])));
create policy stat_targets_update on public.stat_targets for update to authenticated
  using ((unit_id = province_id and (select app_private.is_national_admin()))
         or (unit_id <> province_id and province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])))
  with check ((unit_id = province_id and (select app_private.is_national_admin()))
              or (unit_id <> province_id and province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])));

revoke all on public.stat_daily, public.stat_monthly, public.stat_targets from anon, authenticated;
grant select on public.stat_daily, public.stat_monthly to authenticated;
grant select, insert, update on public.stat_targets to authenticated;

-- Existing ledgers: their aggregates from the raw events.
select app_private.stat_rebuild();
