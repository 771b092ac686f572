-- Foundation: units (tenancy), staff profiles, memberships, RLS helpers,
-- the auth service's private tables, and the hash-chained audit trail.
--
-- Tenancy: the tenant is a provincial bureau. Every tenant-owned row carries
-- province_id (the tenant key: the province unit's id) and unit_id (the
-- owning unit). National-level rows have province_id null.

create schema if not exists extensions;
create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;

-- Private schema: helper functions and tables not exposed through any API.
create schema if not exists app_private;
revoke all on schema app_private from public;
grant usage on schema app_private to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Types
-- ---------------------------------------------------------------------------
create type public.unit_kind as enum ('national', 'province', 'subunit');
create type public.app_role as enum (
  'national_admin', 'national_viewer',
  'province_head', 'province_staff',
  'subunit_head', 'executor', 'clerk',
  'steering_member',
  'creditor'
);
create type public.creditor_kind as enum ('citizen', 'company', 'bank');

-- ---------------------------------------------------------------------------
-- Units: the national directorate, 34 provincial bureaus, their sub-bureaus,
-- and the pre-2025 provinces kept for history (dissolved_on, merged_into_id).
-- ---------------------------------------------------------------------------
create table public.units (
  id uuid primary key default gen_random_uuid(),
  kind public.unit_kind not null,
  code text not null unique check (code ~ '^[A-Z0-9_-]{2,40}$'),
  name text not null check (char_length(name) between 2 and 200),
  name_en text,
  slug text unique check (slug ~ '^[a-z0-9-]{2,60}$'),
  parent_id uuid references public.units (id),
  province_id uuid references public.units (id),
  address text check (char_length(address) <= 500),
  phone text check (char_length(phone) <= 50),
  email text check (char_length(email) <= 200),
  dissolved_on date,
  merged_into_id uuid references public.units (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint units_tenant_key check ((kind = 'national') = (province_id is null)),
  constraint units_parent check ((kind = 'national') = (parent_id is null))
);
create index units_province_id_idx on public.units (province_id);
create index units_parent_id_idx on public.units (parent_id);

-- ---------------------------------------------------------------------------
-- Profiles: one per auth user (staff or creditor).
-- ---------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null check (char_length(full_name) between 1 and 200),
  email text not null check (char_length(email) <= 254),
  phone text check (char_length(phone) <= 50),
  title text check (char_length(title) <= 200),
  unit_id uuid references public.units (id),
  province_id uuid references public.units (id),
  creditor_kind public.creditor_kind,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_staff_or_creditor check ((unit_id is null) = (creditor_kind is not null))
);
create index profiles_province_id_idx on public.profiles (province_id);
create index profiles_unit_id_idx on public.profiles (unit_id);

-- ---------------------------------------------------------------------------
-- Memberships: user × unit × role. province_id is derived from the unit.
-- ---------------------------------------------------------------------------
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  unit_id uuid references public.units (id),
  province_id uuid references public.units (id),
  role public.app_role not null,
  created_at timestamptz not null default now(),
  constraint memberships_unique unique nulls not distinct (user_id, unit_id, role)
);
create index memberships_user_id_idx on public.memberships (user_id, role);
create index memberships_province_id_idx on public.memberships (province_id);
create index memberships_unit_id_idx on public.memberships (unit_id);
create index memberships_role_idx on public.memberships (role);

-- A membership's role must fit its unit's kind; its tenant key comes from the unit.
create function app_private.memberships_before_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_kind public.unit_kind;
  v_province uuid;
begin
  if new.role = 'creditor' then
    if new.unit_id is not null then
      raise exception 'creditor memberships have no unit' using errcode = '23514';
    end if;
    new.province_id := null;
    return new;
  end if;
  select u.kind, u.province_id into v_kind, v_province from public.units u where u.id = new.unit_id;
  if v_kind is null then
    raise exception 'membership unit % does not exist', new.unit_id using errcode = '23503';
  end if;
  if (new.role in ('national_admin', 'national_viewer') and v_kind <> 'national')
     or (new.role in ('province_head', 'province_staff') and v_kind <> 'province')
     or (new.role in ('subunit_head', 'executor', 'clerk') and v_kind <> 'subunit')
     or (new.role = 'steering_member' and v_kind = 'subunit') then
    raise exception 'role % does not fit a unit of kind %', new.role, v_kind using errcode = '23514';
  end if;
  new.province_id := v_province;
  return new;
end
$$;
create trigger memberships_before_write before insert or update on public.memberships
  for each row execute function app_private.memberships_before_write();

-- ---------------------------------------------------------------------------
-- RLS helpers (private schema, security definer, empty search_path).
-- They read only the calling user's own memberships. Written in plpgsql
-- rather than SQL on purpose: plpgsql keeps each statement's plan for the
-- life of the connection, where a (non-inlinable, security definer) SQL
-- function is planned again on every call. Policies call them as
-- (select …), so each runs once per statement (docs/benchmarks.md).
-- ---------------------------------------------------------------------------
create function app_private.has_role(p_roles public.app_role[]) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role = any (p_roles)
  );
end
$$;

create function app_private.provinces_for(p_roles public.app_role[]) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.province_id), '{}')
    from public.memberships m
    where m.user_id = auth.uid() and m.role = any (p_roles) and m.province_id is not null
  );
end
$$;

create function app_private.units_for(p_roles public.app_role[]) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.unit_id), '{}')
    from public.memberships m
    where m.user_id = auth.uid() and m.role = any (p_roles) and m.unit_id is not null
  );
end
$$;

create function app_private.is_national() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role in ('national_admin', 'national_viewer')
  );
end
$$;

create function app_private.is_national_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role = 'national_admin'
  );
end
$$;

revoke all on all functions in schema app_private from public;
grant execute on function
  app_private.has_role(public.app_role[]),
  app_private.provinces_for(public.app_role[]),
  app_private.units_for(public.app_role[]),
  app_private.is_national(),
  app_private.is_national_admin()
to anon, authenticated, service_role;

-- Tenant key of a row owned by a unit: always the unit's province, never what the client sent.
create function app_private.set_tenant_from_unit() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.unit_id is not null then
    select u.province_id into new.province_id from public.units u where u.id = new.unit_id;
  end if;
  return new;
end
$$;

create function app_private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger profiles_tenant before insert or update of unit_id on public.profiles
  for each row execute function app_private.set_tenant_from_unit();
create trigger units_touch before update on public.units
  for each row execute function app_private.touch_updated_at();
create trigger profiles_touch before update on public.profiles
  for each row execute function app_private.touch_updated_at();

-- ---------------------------------------------------------------------------
-- RLS: units (a public directory; writes by the national admin, contacts by
-- the province head)
-- ---------------------------------------------------------------------------
alter table public.units enable row level security;
alter table public.units force row level security;

create policy units_select on public.units for select to anon, authenticated using (true);
create policy units_insert on public.units for insert to authenticated
  with check ((select app_private.is_national_admin()));
create policy units_update on public.units for update to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]))
  with check ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
create policy units_delete on public.units for delete to authenticated
  using ((select app_private.is_national_admin()));
revoke all on public.units from anon;
grant select on public.units to anon;

-- ---------------------------------------------------------------------------
-- RLS: profiles
-- ---------------------------------------------------------------------------
alter table public.profiles enable row level security;
alter table public.profiles force row level security;

create policy profiles_select on public.profiles for select to authenticated
  using (id = (select auth.uid())
         or (select app_private.is_national())
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[]));
create policy profiles_insert on public.profiles for insert to authenticated
  with check ((select app_private.is_national_admin())
              or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid())
         or (select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]))
  with check (id = (select auth.uid())
         or (select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
revoke all on public.profiles from anon, authenticated;
grant select, insert on public.profiles to authenticated;
grant update (full_name, phone, title) on public.profiles to authenticated;

-- ---------------------------------------------------------------------------
-- RLS: memberships
-- ---------------------------------------------------------------------------
alter table public.memberships enable row level security;
alter table public.memberships force row level security;

create policy memberships_select on public.memberships for select to authenticated
  using (user_id = (select auth.uid())
         or (select app_private.is_national())
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or unit_id = any ((select app_private.units_for('{subunit_head}'))::uuid[]));
create policy memberships_insert on public.memberships for insert to authenticated
  with check ((select app_private.is_national_admin())
              or (province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
                  and role in ('province_staff', 'subunit_head', 'executor', 'clerk', 'steering_member')));
create policy memberships_update on public.memberships for update to authenticated
  using ((select app_private.is_national_admin())
         or (province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
             and role in ('province_staff', 'subunit_head', 'executor', 'clerk', 'steering_member')))
  with check ((select app_private.is_national_admin())
         or (province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
             and role in ('province_staff', 'subunit_head', 'executor', 'clerk', 'steering_member')));
create policy memberships_delete on public.memberships for delete to authenticated
  using ((select app_private.is_national_admin())
         or (province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
             and role in ('province_staff', 'subunit_head', 'executor', 'clerk', 'steering_member')));
revoke all on public.memberships from anon, authenticated;
grant select, insert, update, delete on public.memberships to authenticated;

-- ---------------------------------------------------------------------------
-- Audit trail: append-only, hash-chained per tenant (chain_key = province id,
-- or 'national' for national-level rows). Written by triggers in the same
-- transaction as the change.
-- ---------------------------------------------------------------------------
create table public.audit_log (
  id bigint primary key generated always as identity,
  chain_key text not null,
  province_id uuid,
  unit_id uuid,
  actor_id uuid,
  table_name text not null,
  op text not null check (op in ('INSERT', 'UPDATE', 'DELETE')),
  row_id text,
  before jsonb,
  after jsonb,
  at timestamptz not null,
  prev_hash text not null,
  hash text not null
);
create index audit_log_province_id_idx on public.audit_log (province_id, id);
create index audit_log_chain_idx on public.audit_log (chain_key, id);

create table app_private.audit_chain_heads (
  chain_key text primary key,
  last_id bigint,
  last_hash text not null default ''
);
-- Only the audit trigger (security definer, as the owner) touches chain heads.
alter table app_private.audit_chain_heads enable row level security;

create function app_private.audit_hash(
  p_prev text, p_id bigint, p_chain text, p_actor uuid, p_table text, p_op text,
  p_row text, p_before jsonb, p_after jsonb, p_at timestamptz
) returns text
language sql immutable set search_path = ''
as $$
  select encode(sha256(convert_to(concat_ws('|',
    p_prev, p_id::text, p_chain, coalesce(p_actor::text, ''), p_table, p_op,
    coalesce(p_row, ''), coalesce(p_before::text, ''), coalesce(p_after::text, ''),
    (extract(epoch from p_at) * 1000000)::bigint::text), 'UTF8')), 'hex')
$$;

create function app_private.audit_row() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_before jsonb;
  v_after jsonb;
  v_row jsonb;
  v_chain text;
  v_prev text;
  v_id bigint;
  v_hash text;
  v_actor uuid := auth.uid();
  v_at timestamptz := clock_timestamp();
begin
  if tg_op in ('UPDATE', 'DELETE') then v_before := to_jsonb(old); end if;
  if tg_op in ('INSERT', 'UPDATE') then v_after := to_jsonb(new); end if;
  v_row := coalesce(v_after, v_before);
  v_chain := coalesce(v_row ->> 'province_id', 'national');

  insert into app_private.audit_chain_heads (chain_key) values (v_chain) on conflict do nothing;
  select h.last_hash into v_prev from app_private.audit_chain_heads h where h.chain_key = v_chain for update;

  v_id := nextval(pg_get_serial_sequence('public.audit_log', 'id'));
  v_hash := app_private.audit_hash(v_prev, v_id, v_chain, v_actor, tg_table_name, tg_op,
                                   v_row ->> 'id', v_before, v_after, v_at);
  insert into public.audit_log (id, chain_key, province_id, unit_id, actor_id, table_name, op, row_id,
                                before, after, at, prev_hash, hash)
  overriding system value
  values (v_id, v_chain, (v_row ->> 'province_id')::uuid, (v_row ->> 'unit_id')::uuid, v_actor,
          tg_table_name, tg_op, v_row ->> 'id', v_before, v_after, v_at, v_prev, v_hash);
  update app_private.audit_chain_heads set last_hash = v_hash, last_id = v_id where chain_key = v_chain;
  return null;
end
$$;

create function app_private.audit_log_immutable() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
end
$$;
create trigger audit_log_no_update before update or delete on public.audit_log
  for each row execute function app_private.audit_log_immutable();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app_private.audit_log_immutable();

-- Verification: every chain, in id order; reports the first broken link per chain.
create function app_private.audit_verify()
returns table (chain_key text, rows_checked bigint, first_broken_id bigint, problem text)
language sql stable set search_path = ''
as $$
  with ordered as (
    select a.*,
           coalesce(lag(a.hash) over (partition by a.chain_key order by a.id), '') as expected_prev,
           app_private.audit_hash(a.prev_hash, a.id, a.chain_key, a.actor_id, a.table_name, a.op,
                                  a.row_id, a.before, a.after, a.at) as recomputed
    from public.audit_log a
  ),
  broken as (
    select o.chain_key, o.id,
           case when o.prev_hash <> o.expected_prev then 'prev_hash does not match the previous row (row removed or reordered)'
                else 'hash does not match the row content (row altered)' end as problem,
           row_number() over (partition by o.chain_key order by o.id) as rn
    from ordered o
    where o.prev_hash <> o.expected_prev or o.hash <> o.recomputed
  ),
  last_rows as (
    select distinct on (a.chain_key) a.chain_key, a.id, a.hash
    from public.audit_log a order by a.chain_key, a.id desc
  ),
  counts as (select a.chain_key, count(*) as n from public.audit_log a group by a.chain_key)
  select h.chain_key,
         coalesce(c.n, 0),
         coalesce(b.id, case when coalesce(l.hash, '') <> h.last_hash then coalesce(l.id, 0) end),
         coalesce(b.problem, case when coalesce(l.hash, '') <> h.last_hash then 'the newest rows of the chain are missing' end)
  from app_private.audit_chain_heads h
  left join counts c on c.chain_key = h.chain_key
  left join broken b on b.chain_key = h.chain_key and b.rn = 1
  left join last_rows l on l.chain_key = h.chain_key
  order by h.chain_key
$$;

alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;
create policy audit_log_select on public.audit_log for select to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

create trigger units_audit after insert or update or delete on public.units
  for each row execute function app_private.audit_row();
create trigger profiles_audit after insert or update or delete on public.profiles
  for each row execute function app_private.audit_row();
create trigger memberships_audit after insert or update or delete on public.memberships
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- Auth service: server-side sessions and sign-in throttling. Reached only by
-- the role auth_service, which the app's login switches to for sign-in,
-- session checks and sign-out.
-- ---------------------------------------------------------------------------
do $$
begin
  if not exists (select from pg_roles where rolname = 'auth_service') then
    create role auth_service nologin noinherit;
  end if;
end
$$;
grant auth_service to authenticator;

create table app_private.sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_user_id_idx on app_private.sessions (user_id);

create table app_private.login_attempts (
  id bigint primary key generated always as identity,
  key text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_key_at_idx on app_private.login_attempts (key, at desc);

grant usage on schema auth to auth_service;
grant usage on schema app_private to auth_service;
-- On a Supabase project auth.users belongs to Supabase Auth (sign-in goes
-- through it there); these grants only matter for the embedded password check.
do $$
begin
  grant select (id, email, encrypted_password, banned_until, deleted_at) on auth.users to auth_service;
  grant update (last_sign_in_at) on auth.users to auth_service;
exception when insufficient_privilege then
  raise notice 'auth.users is managed by Supabase Auth: password checks go through it';
end
$$;
grant select, insert, update on app_private.sessions to auth_service;
grant select, insert, delete on app_private.login_attempts to auth_service;

-- Private tables too: RLS on and forced, open only to the auth service.
alter table app_private.sessions enable row level security;
alter table app_private.sessions force row level security;
create policy sessions_auth_service on app_private.sessions for all to auth_service using (true) with check (true);
alter table app_private.login_attempts enable row level security;
alter table app_private.login_attempts force row level security;
create policy login_attempts_auth_service on app_private.login_attempts for all to auth_service using (true) with check (true);
