-- Enforcement cases: the core row every screen and statistic starts from.
-- One case per enforcement decision (docs/domain.md §2). Tenant key province_id is
-- always derived from the owning unit.

create type public.case_status as enum (
  'accepted', 'decided', 'notified', 'verified',
  'enforceable', 'not_yet_enforceable', 'enforcing',
  'postponed', 'suspended', 'completed', 'terminated', 'transferred_out'
);
create type public.judgment_type as enum (
  'civil', 'criminal', 'administrative', 'family', 'business', 'labour', 'bankruptcy', 'arbitration'
);
create type public.decision_kind as enum ('ex_officio', 'on_request');

-- Lower-case, diacritics-free text for search ("nguyen van a" finds "Nguyễn Văn Á").
create function app_private.search_text(p text) returns text
language sql immutable parallel safe set search_path = ''
as $$ select lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(p, ''))) $$;
grant execute on function app_private.search_text(text) to anon, authenticated, service_role;

create table public.cases (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  case_number text not null check (char_length(case_number) between 1 and 60),
  accepted_on date not null,
  decision_date date,
  decision_kind public.decision_kind not null,
  judgment_type public.judgment_type not null,
  is_bank_credit boolean not null default false,
  is_corruption boolean not null default false,
  executor_id uuid references public.profiles (id),
  status public.case_status not null default 'accepted',
  debtor_name text not null check (char_length(debtor_name) between 1 and 300),
  creditor_name text check (char_length(creditor_name) <= 300),
  money_due bigint not null default 0 check (money_due >= 0),
  money_collected bigint not null default 0 check (money_collected >= 0 and money_collected <= money_due),
  closed_on date,
  version integer not null default 1,
  search_text text generated always as (app_private.search_text(debtor_name || ' ' || case_number)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cases_number_unique unique (province_id, case_number)
);
create index cases_province_id_idx on public.cases (province_id, status);
create index cases_unit_list_idx on public.cases (unit_id, accepted_on desc, id);
create index cases_executor_id_idx on public.cases (executor_id) where executor_id is not null;
create index cases_search_trgm_idx on public.cases using gin (search_text extensions.gin_trgm_ops);

create trigger cases_tenant before insert or update of unit_id on public.cases
  for each row execute function app_private.set_tenant_from_unit();
create trigger cases_touch before update on public.cases
  for each row execute function app_private.touch_updated_at();
create trigger cases_audit after insert or update or delete on public.cases
  for each row execute function app_private.audit_row();

alter table public.cases enable row level security;
alter table public.cases force row level security;

-- Terms are ordered from the narrowest scope (most users) to the widest: an
-- OR stops at the first true term, and each helper (an initPlan) runs only
-- when its term is reached, so a sub-bureau officer pays for one look-up.
--
-- Read: sub-bureau staff their own sub-bureau; province staff their province;
-- the directorate everything.
create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
-- Intake: sub-bureau heads and clerks in their unit; province staff anywhere in their province.
create policy cases_insert on public.cases for insert to authenticated
  with check (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
-- Changes: the executor assigned to the case, the sub-bureau head, province staff.
create policy cases_update on public.cases for update to authenticated
  using ((executor_id = (select auth.uid()) and unit_id = any ((select app_private.units_for('{executor}'))::uuid[]))
         or unit_id = any ((select app_private.units_for('{subunit_head}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))
  with check ((executor_id = (select auth.uid()) and unit_id = any ((select app_private.units_for('{executor}'))::uuid[]))
         or unit_id = any ((select app_private.units_for('{subunit_head}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
-- Cases are never deleted: they end as completed, terminated or transferred.
revoke all on public.cases from anon, authenticated;
grant select, insert, update on public.cases to authenticated;
