-- What the Supabase platform sets up in a database before any of the
-- project's migrations run, for a PostgreSQL cluster started here (the
-- embedded server of `npm start`, the tests and the e2e suite).
--
-- Run by the cluster's superuser, supabase_admin, in each database (and in
-- template1, so a database created later starts the same way). Idempotent.
-- The project's migrations then run as `postgres`, which, as on a Supabase
-- project, is NOT a superuser.
--
-- Modelled on supabase/postgres (migrations/db/init-scripts and
-- migrations/db/migrations: initial-schema, auth-schema, demote-postgres,
-- update-auth-permissions, grant_auth_roles_to_postgres,
-- alter_api_roles_for_inherit, grant_predefined_roles_to_postgres) and on the
-- columns Supabase Auth's own migrations give auth.users and auth.identities.
-- Only what the project's migrations and the app can observe is reproduced:
-- no storage, realtime, pg_graphql, vault or pg_net.

do $$
begin
  if not exists (select from pg_roles where rolname = 'postgres') then
    create role postgres;
  end if;
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator;
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin;
  end if;
end
$$;

-- The project's migration owner: no superuser, but these (demote-postgres).
alter role postgres with login nosuperuser createdb createrole replication bypassrls;
-- The API roles, inheriting since alter_api_roles_for_inherit; service_role bypasses RLS.
alter role anon with nologin inherit nobypassrls;
alter role authenticated with nologin inherit nobypassrls;
alter role service_role with nologin inherit bypassrls;
-- PostgREST's login (and Supavisor's): the platform's, not the project's.
alter role authenticator with login noinherit;
grant anon, authenticated, service_role to authenticator;
-- Supabase Auth's own role, owner of schema auth.
alter role supabase_auth_admin with login noinherit createrole noreplication;

-- grant_auth_roles_to_postgres. On PostgreSQL 15 (Supabase's default major)
-- a CREATEROLE role may grant membership in any role that is not a
-- superuser; from 16 on it needs ADMIN OPTION, which Supabase's own extension
-- (supautils) stands in for on its newer images. ADMIN OPTION here gives the
-- same power on this server's major.
grant anon, authenticated, service_role to postgres with admin option;
-- grant_predefined_roles_to_postgres, grant_pg_monitor_to_postgres.
grant pg_read_all_data, pg_signal_backend, pg_monitor to postgres;
-- supautils lets postgres set session_replication_role (bulk loads, restores).
grant set on parameter session_replication_role to postgres;

do $$
begin
  execute format('grant all on database %I to postgres', current_database());
end
$$;

-- Extensions live in schema extensions (initial-schema, demote-postgres).
create schema if not exists extensions;
grant all on schema extensions to postgres;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
grant all privileges on all tables in schema extensions to postgres with grant option;
grant all privileges on all routines in schema extensions to postgres with grant option;
grant all privileges on all sequences in schema extensions to postgres with grant option;
alter default privileges in schema extensions grant all on tables to postgres with grant option;
alter default privileges in schema extensions grant all on routines to postgres with grant option;
alter default privileges in schema extensions grant all on sequences to postgres with grant option;

-- Schema public: the API roles may use it; what postgres creates there is
-- granted to them by default (RLS decides the rows).
grant all on schema public to postgres;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- Schema auth: Supabase Auth's, owned by supabase_auth_admin.
create schema if not exists auth authorization supabase_auth_admin;
alter schema auth owner to supabase_auth_admin;

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0 check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email::text));
create index if not exists users_instance_id_idx on auth.users (instance_id);
create index if not exists users_is_anonymous_idx on auth.users (is_anonymous);

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);
create index if not exists identities_email_idx on auth.identities (email text_pattern_ops);

alter table auth.users owner to supabase_auth_admin;
alter table auth.identities owner to supabase_auth_admin;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;

-- update-auth-permissions: the API roles may use the schema (auth.uid() in
-- policies); postgres may read and write Auth's rows but not grant on them
-- (no grant option), so a project's grants on schema auth do nothing.
grant usage on schema auth to anon, authenticated, service_role, postgres;
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all routines in schema auth to postgres;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;
