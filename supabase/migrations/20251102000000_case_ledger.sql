-- Enforcement cases end to end: judgments, parties, obligations and the case
-- event ledger. A case's status, money collected, executor and next legal
-- deadline are a projection of its events, written in the same transaction
-- as each event (packages/case-service); the ledger is append-only.

create type public.party_role as enum ('creditor', 'debtor', 'related');
create type public.party_kind as enum ('person', 'organization');
create type public.obligation_kind as enum ('money', 'act');
create type public.case_source as enum ('court_transfer', 'creditor_request', 'transfer_in');
create type public.case_event_kind as enum (
  'acceptance', 'decision', 'notification', 'verification', 'classification', 'payment',
  'act_performed', 'enforcement_action', 'postponement', 'suspension', 'resumption',
  'termination', 'completion', 'transfer', 'executor_change'
);

-- ---------------------------------------------------------------------------
-- Judgments (from a court)
-- ---------------------------------------------------------------------------
create table public.judgments (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  court_name text not null check (char_length(court_name) between 2 and 300),
  judgment_number text not null check (char_length(judgment_number) between 1 and 100),
  judgment_date date not null,
  judgment_type public.judgment_type not null,
  created_at timestamptz not null default now(),
  constraint judgments_unique unique (province_id, court_name, judgment_number)
);
create index judgments_unit_id_idx on public.judgments (unit_id);
create trigger judgments_tenant before insert or update of unit_id on public.judgments
  for each row execute function app_private.set_tenant_from_unit();
create trigger judgments_audit after insert or update or delete on public.judgments
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- Cases: link to the judgment, the projection columns, transfers.
-- ---------------------------------------------------------------------------
alter table public.cases
  add column judgment_id uuid references public.judgments (id),
  add column source public.case_source not null default 'court_transfer',
  add column next_deadline_on date,
  add column next_deadline_kind text,
  add column last_event_on date,
  add column transferred_from_case_id uuid references public.cases (id),
  add column transferred_to_province_id uuid references public.units (id);
create index cases_judgment_id_idx on public.cases (judgment_id);
create index cases_unit_deadline_idx on public.cases (unit_id, next_deadline_on) where next_deadline_on is not null;
create index cases_transferred_from_idx on public.cases (transferred_from_case_id) where transferred_from_case_id is not null;
create index cases_case_number_idx on public.cases (case_number);

-- A transferred case stays readable by the sender but can no longer be changed there.
drop policy cases_update on public.cases;
create policy cases_update on public.cases for update to authenticated
  using (status <> 'transferred_out'
         and ((executor_id = (select auth.uid()) and unit_id = any ((select app_private.units_for('{executor}'))::uuid[]))
              or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])))
  with check ((executor_id = (select auth.uid()) and unit_id = any ((select app_private.units_for('{executor}'))::uuid[]))
              or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create index cases_status_idx on public.cases (status);

-- Rows that belong to a case take its tenant key and owning unit.
create function app_private.set_tenant_from_case() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select c.province_id, c.unit_id into new.province_id, new.unit_id from public.cases c where c.id = new.case_id;
  if new.province_id is null then
    raise exception 'case % does not exist', new.case_id using errcode = '23503';
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- Parties
-- ---------------------------------------------------------------------------
create table public.case_parties (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  role public.party_role not null,
  kind public.party_kind not null,
  full_name text not null check (char_length(full_name) between 1 and 300),
  id_number text check (id_number ~ '^[0-9A-Za-z./-]{6,30}$'),
  address text check (char_length(address) <= 500),
  contact text check (char_length(contact) <= 200),
  search_text text generated always as (app_private.search_text(full_name || ' ' || coalesce(id_number, ''))) stored,
  created_at timestamptz not null default now()
);
create index case_parties_case_id_idx on public.case_parties (case_id);
create index case_parties_province_id_idx on public.case_parties (province_id);
create index case_parties_unit_id_idx on public.case_parties (unit_id);
create index case_parties_id_number_idx on public.case_parties (id_number) where id_number is not null;
create index case_parties_search_trgm_idx on public.case_parties using gin (search_text extensions.gin_trgm_ops);
create trigger case_parties_tenant before insert or update of case_id on public.case_parties
  for each row execute function app_private.set_tenant_from_case();
create trigger case_parties_audit after insert or update or delete on public.case_parties
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- Obligations: money in đồng or an act. `paid` is the projection of payments.
-- ---------------------------------------------------------------------------
create table public.case_obligations (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  code text not null check (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  kind public.obligation_kind not null,
  amount bigint check (amount > 0),
  paid bigint not null default 0 check (paid >= 0),
  description text check (char_length(description) <= 1000),
  performed_on date,
  constraint case_obligations_code_unique unique (case_id, code),
  constraint case_obligations_money check ((kind = 'money') = (amount is not null) and (kind <> 'money' or paid <= amount)),
  constraint case_obligations_act check (kind <> 'act' or char_length(description) > 0)
);
create index case_obligations_province_id_idx on public.case_obligations (province_id);
create index case_obligations_unit_id_idx on public.case_obligations (unit_id);
create trigger case_obligations_tenant before insert or update of case_id on public.case_obligations
  for each row execute function app_private.set_tenant_from_case();
create trigger case_obligations_audit after insert or update or delete on public.case_obligations
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- The case event ledger: append-only. The idempotency key makes a repeated
-- submission (double click, retry, back button) a no-op.
-- ---------------------------------------------------------------------------
create table public.case_events (
  id bigint primary key generated always as identity,
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  kind public.case_event_kind not null,
  effective_date date not null,
  payload jsonb not null default '{}' check (pg_column_size(payload) <= 8192),
  actor_id uuid,
  idempotency_key uuid,
  created_at timestamptz not null default now(),
  constraint case_events_idempotency unique (case_id, idempotency_key)
);
create index case_events_case_id_idx on public.case_events (case_id, effective_date, id);
create index case_events_province_id_idx on public.case_events (province_id);
create index case_events_unit_id_idx on public.case_events (unit_id);
create trigger case_events_tenant before insert on public.case_events
  for each row execute function app_private.set_tenant_from_case();
create trigger case_events_audit after insert on public.case_events
  for each row execute function app_private.audit_row();
create trigger case_events_append_only before update or delete on public.case_events
  for each row execute function app_private.audit_log_immutable();

-- ---------------------------------------------------------------------------
-- RLS: the same scopes as cases (narrowest first).
-- ---------------------------------------------------------------------------
alter table public.judgments enable row level security;
alter table public.judgments force row level security;
alter table public.case_parties enable row level security;
alter table public.case_parties force row level security;
alter table public.case_obligations enable row level security;
alter table public.case_obligations force row level security;
alter table public.case_events enable row level security;
alter table public.case_events force row level security;

-- Judgments are court documents shared by the offices of a province: any of
-- its staff may find one already registered (and reuse it at intake).
create policy judgments_select on public.judgments for select to authenticated
  using (province_id = any ((select app_private.provinces_for('{subunit_head,executor,clerk,province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
create policy judgments_insert on public.judgments for insert to authenticated
  with check (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

create policy case_parties_select on public.case_parties for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
create policy case_parties_insert on public.case_parties for insert to authenticated
  with check (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy case_parties_update on public.case_parties for update to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))
  with check (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

-- Obligations are written with the decision and paid down by payments: anyone who may act on the case.
create function app_private.may_act_on_case(p_case_id uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.cases c
    where c.id = p_case_id and c.status <> 'transferred_out'
      and (c.unit_id = any (app_private.units_for('{subunit_head,clerk}'))
           or (c.executor_id = auth.uid() and c.unit_id = any (app_private.units_for('{executor}')))
           or c.province_id = any (app_private.provinces_for('{province_head,province_staff}')))
  );
end
$$;
grant execute on function app_private.may_act_on_case(uuid) to authenticated;

create policy case_obligations_select on public.case_obligations for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
create policy case_obligations_insert on public.case_obligations for insert to authenticated
  with check (app_private.may_act_on_case(case_id));
create policy case_obligations_update on public.case_obligations for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy case_events_select on public.case_events for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
create policy case_events_insert on public.case_events for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

revoke all on public.judgments, public.case_parties, public.case_obligations, public.case_events from anon, authenticated;
grant select, insert on public.judgments to authenticated;
grant select, insert, update on public.case_parties to authenticated;
grant select, insert, update on public.case_obligations to authenticated;
grant select, insert on public.case_events to authenticated;

-- ---------------------------------------------------------------------------
-- Transfer (ủy thác) to another province. The sender records the transfer
-- event on its case (which becomes read-only for it); this function then
-- opens the receiving province's case, which the sender could not insert
-- itself under RLS: same judgment, parties and the obligations still
-- outstanding, starting with an acceptance event. Only someone who could act
-- on the sent case, right after recording the transfer, may call it; once.
-- ---------------------------------------------------------------------------
create function app_private.open_transferred_case(p_case_id uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_case public.cases;
  v_transfer_on date;
  v_new uuid := gen_random_uuid();
  v_judgment uuid;
begin
  select * into v_case from public.cases where id = p_case_id for update;
  if v_case.id is null or v_case.status <> 'transferred_out' or v_case.transferred_to_province_id is null then
    raise exception 'case % has no recorded transfer', p_case_id using errcode = '22023';
  end if;
  if not (v_case.unit_id = any (app_private.units_for('{subunit_head,clerk}'))
          or (v_case.executor_id = auth.uid() and v_case.unit_id = any (app_private.units_for('{executor}')))
          or v_case.province_id = any (app_private.provinces_for('{province_head,province_staff}'))) then
    raise exception 'not allowed to transfer case %', p_case_id using errcode = '42501';
  end if;
  if exists (select 1 from public.cases where transferred_from_case_id = p_case_id) then
    raise exception 'case % was already received', p_case_id using errcode = '23505';
  end if;
  select e.effective_date into v_transfer_on from public.case_events e
   where e.case_id = p_case_id and e.kind = 'transfer' order by e.id desc limit 1;

  if v_case.judgment_id is not null then
    insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
    select v_case.transferred_to_province_id, j.court_name, j.judgment_number, j.judgment_date, j.judgment_type
      from public.judgments j where j.id = v_case.judgment_id
    on conflict (province_id, court_name, judgment_number) do update set court_name = excluded.court_name
    returning id into v_judgment;
  end if;

  insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type,
                            is_bank_credit, is_corruption, debtor_name, creditor_name, money_due, status, source,
                            judgment_id, transferred_from_case_id, last_event_on)
  values (v_new, v_case.transferred_to_province_id, v_case.transferred_to_province_id,
          v_case.case_number || '/UT', v_transfer_on, v_case.decision_kind, v_case.judgment_type,
          v_case.is_bank_credit, v_case.is_corruption, v_case.debtor_name, v_case.creditor_name,
          (select coalesce(sum(o.amount - o.paid), 0) from public.case_obligations o where o.case_id = p_case_id and o.kind = 'money'),
          'accepted', 'transfer_in', v_judgment, p_case_id, v_transfer_on);

  insert into public.case_parties (case_id, province_id, unit_id, role, kind, full_name, id_number, address, contact)
  select v_new, v_case.transferred_to_province_id, v_case.transferred_to_province_id, p.role, p.kind, p.full_name, p.id_number, p.address, p.contact
    from public.case_parties p where p.case_id = p_case_id;

  insert into public.case_events (case_id, province_id, unit_id, kind, effective_date, payload, actor_id)
  values (v_new, v_case.transferred_to_province_id, v_case.transferred_to_province_id, 'acceptance', v_transfer_on,
          jsonb_build_object('source', 'transfer_in', 'provinceId', v_case.transferred_to_province_id,
                             'fromCaseId', p_case_id, 'fromProvinceId', v_case.province_id,
                             'obligations', (select coalesce(jsonb_agg(jsonb_build_object(
                                'code', o.code, 'kind', o.kind, 'outstanding', (o.amount - o.paid)::text,
                                'description', o.description) order by o.code), '[]')
                              from public.case_obligations o where o.case_id = p_case_id
                                and (o.kind = 'money' and o.amount > o.paid or o.kind = 'act' and o.performed_on is null))),
          auth.uid());
  return v_new;
end
$$;
revoke all on function app_private.open_transferred_case(uuid) from public;
grant execute on function app_private.open_transferred_case(uuid) to authenticated;
