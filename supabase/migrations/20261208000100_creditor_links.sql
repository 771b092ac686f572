-- Creditors' portal: a creditor account (person or organisation) linked to the
-- party records that carry its verified ID number or tax code, in every province.
--
-- A link says "this account is the holder of this ID number / tax code". It is
-- confirmed once, by desk staff on the account's first request (public.confirm_creditor_link)
-- or by a verified channel (owner path only), audited, and revocable
-- (public.revoke_creditor_link). While a link stands, the account reads:
--   * the cases where a party with that ID number is a creditor, in every province
--     (across tenants: the tenant key does not limit a party's own cases);
--   * its own party rows on those cases (no other party's row, so no other ID number);
--   * the executors' names on those cases;
--   * the requests filed with that ID number, on the public pages too, and their history;
--   * a case's timeline through public.creditor_case_timeline, which says only what
--     a party may see (kind, date, decision number, amounts; no reasons or notes).
-- Nothing else: case events, obligations, assets and the audit trail stay staff-only.

create type public.creditor_link_channel as enum ('desk', 'verified_channel');

create table public.creditor_links (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references auth.users (id),
  id_number text not null check (id_number ~ '^[0-9A-Za-z./-]{6,30}$'),
  party_kind public.party_kind not null,
  channel public.creditor_link_channel not null,
  -- Where the link was confirmed: the desk's unit and its province (null for a verified channel).
  province_id uuid references public.units (id),
  unit_id uuid references public.units (id),
  request_id uuid references public.service_requests (id),
  confirmed_by uuid references auth.users (id),
  confirmed_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id),
  revoke_reason text check (char_length(revoke_reason) <= 500),
  created_at timestamptz not null default now(),
  constraint creditor_links_desk check (channel <> 'desk' or (unit_id is not null and confirmed_by is not null)),
  constraint creditor_links_revoked check ((revoked_at is null) = (revoked_by is null))
);
-- One standing link per ID number: an ID number belongs to one account.
create unique index creditor_links_id_number_live on public.creditor_links (id_number) where revoked_at is null;
create index creditor_links_account_idx on public.creditor_links (account_id) where revoked_at is null;
create index creditor_links_account_all_idx on public.creditor_links (account_id);
create index creditor_links_province_idx on public.creditor_links (province_id);
create index creditor_links_unit_idx on public.creditor_links (unit_id);
create index creditor_links_request_idx on public.creditor_links (request_id);
create index creditor_links_confirmed_by_idx on public.creditor_links (confirmed_by);
create index creditor_links_revoked_by_idx on public.creditor_links (revoked_by);
create trigger creditor_links_tenant before insert or update of unit_id on public.creditor_links
  for each row execute function app_private.set_tenant_from_unit();
create trigger creditor_links_audit after insert or update or delete on public.creditor_links
  for each row execute function app_private.audit_row();

-- Party and request look-ups by ID number (the links' join columns).
create index if not exists case_parties_creditor_id_number_idx on public.case_parties (id_number, case_id)
  where role = 'creditor' and id_number is not null;
create index service_requests_requester_id_number_idx on public.service_requests (requester_id_number)
  where requester_id_number is not null;

alter table public.creditor_links enable row level security;
alter table public.creditor_links force row level security;

-- ---------------------------------------------------------------------------
-- Helpers: what the signed-in creditor account is linked to.
-- ---------------------------------------------------------------------------

-- The ID numbers / tax codes the signed-in account stands for (standing links only).
create function app_private.creditor_id_numbers() returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select coalesce(array_agg(l.id_number), '{}')
          from public.creditor_links l
          where l.account_id = auth.uid() and l.revoked_at is null);
end
$$;

-- The cases, in every province, where a party carrying one of those numbers is a creditor.
create function app_private.creditor_case_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.creditor_links l where l.account_id = auth.uid() and l.revoked_at is null) then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct p.case_id), '{}')
          from public.creditor_links l
          join public.case_parties p on p.id_number = l.id_number and p.role = 'creditor'
          where l.account_id = auth.uid() and l.revoked_at is null);
end
$$;

-- The account's own party rows (creditor role, its numbers): never another party's row.
create function app_private.creditor_party_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.creditor_links l where l.account_id = auth.uid() and l.revoked_at is null) then
    return '{}';
  end if;
  return (select coalesce(array_agg(p.id), '{}')
          from public.creditor_links l
          join public.case_parties p on p.id_number = l.id_number and p.role = 'creditor'
          where l.account_id = auth.uid() and l.revoked_at is null);
end
$$;

-- The executors assigned to the account's cases (their names are shown to the party).
create function app_private.creditor_executor_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_cases uuid[] := app_private.creditor_case_ids();
begin
  if cardinality(v_cases) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct c.executor_id), '{}')
          from public.cases c where c.id = any (v_cases) and c.executor_id is not null);
end
$$;

-- The requests filed with one of the account's numbers (on the public pages too).
create function app_private.creditor_request_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_numbers text[] := app_private.creditor_id_numbers();
begin
  if cardinality(v_numbers) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(r.id), '{}')
          from public.service_requests r where r.requester_id_number = any (v_numbers));
end
$$;

-- Whether the signed-in user may confirm or revoke a link made at this desk.
create function app_private.may_manage_creditor_link(p_province uuid, p_unit uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return app_private.is_national_admin()
      or (p_unit is not null and app_private.may_handle_request(p_province, p_unit));
end
$$;

revoke all on function app_private.creditor_id_numbers(), app_private.creditor_case_ids(), app_private.creditor_party_ids(),
  app_private.creditor_executor_ids(), app_private.creditor_request_ids(), app_private.may_manage_creditor_link(uuid, uuid) from public;
grant execute on function app_private.creditor_id_numbers(), app_private.creditor_case_ids(), app_private.creditor_party_ids(),
  app_private.creditor_executor_ids(), app_private.creditor_request_ids(), app_private.may_manage_creditor_link(uuid, uuid)
  to authenticated;

-- ---------------------------------------------------------------------------
-- Policies: the creditor terms come last (staff pay nothing for them).
-- ---------------------------------------------------------------------------
create policy creditor_links_select on public.creditor_links for select to authenticated
  using (account_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national_admin()));
revoke all on public.creditor_links from anon, authenticated;
grant select on public.creditor_links to authenticated;

drop policy cases_select on public.cases;
create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
         or (select app_private.is_national())
         or id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[])
         or id = any ((select nullif(app_private.creditor_case_ids(), '{}'))::uuid[]));

drop policy case_parties_select on public.case_parties;
create policy case_parties_select on public.case_parties for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national())
         or id = any ((select nullif(app_private.creditor_party_ids(), '{}'))::uuid[]));

drop policy profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
         or (select app_private.is_national())
         or id = (select auth.uid())
         or id = any ((select nullif(app_private.creditor_executor_ids(), '{}'))::uuid[]));

drop policy service_requests_select on public.service_requests;
create policy service_requests_select on public.service_requests for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or id = any ((select nullif(app_private.creditor_request_ids(), '{}'))::uuid[]));

drop policy service_request_events_select on public.service_request_events;
create policy service_request_events_select on public.service_request_events for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or request_id = any ((select nullif(app_private.creditor_request_ids(), '{}'))::uuid[]));

-- ---------------------------------------------------------------------------
-- Confirming and revoking a link.
-- ---------------------------------------------------------------------------

-- Desk staff confirm, on a request filed from a creditor account, that the account holds
-- the ID number / tax code given on the request (after checking the papers at the desk).
-- Idempotent: confirming a standing link of the same account again returns it.
create function public.confirm_creditor_link(p_request uuid, p_party_kind public.party_kind) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_req record;
  v_link public.creditor_links;
begin
  select r.id, r.province_id, r.unit_id, r.requester_id, r.requester_id_number into v_req
    from public.service_requests r where r.id = p_request;
  if v_req.id is null or not app_private.may_manage_creditor_link(v_req.province_id, v_req.unit_id) then
    raise exception 'request % is not handled here', p_request using errcode = '42501';
  end if;
  if v_req.requester_id is null then
    raise exception 'the request was not filed from an account' using errcode = '23514';
  end if;
  if v_req.requester_id_number is null then
    raise exception 'the request carries no ID number or tax code' using errcode = '23514';
  end if;
  if not exists (select 1 from public.memberships m where m.user_id = v_req.requester_id and m.role = 'creditor') then
    raise exception 'the requester is not a creditor account' using errcode = '23514';
  end if;
  select * into v_link from public.creditor_links l where l.id_number = v_req.requester_id_number and l.revoked_at is null;
  if v_link.id is not null then
    if v_link.account_id = v_req.requester_id then
      return v_link.id;
    end if;
    raise exception 'the ID number is linked to another account' using errcode = '23505';
  end if;
  insert into public.creditor_links (account_id, id_number, party_kind, channel, unit_id, request_id, confirmed_by)
  values (v_req.requester_id, v_req.requester_id_number, p_party_kind, 'desk', v_req.unit_id, v_req.id, auth.uid())
  returning * into v_link;
  return v_link.id;
end
$$;

-- The account itself, desk staff of the confirming unit or province, or a national
-- administrator revoke a standing link; the reason is kept.
create function public.revoke_creditor_link(p_link uuid, p_reason text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_link public.creditor_links;
begin
  select * into v_link from public.creditor_links l where l.id = p_link;
  if v_link.id is null or not (v_link.account_id = auth.uid()
                               or app_private.may_manage_creditor_link(v_link.province_id, v_link.unit_id)) then
    raise exception 'link % cannot be revoked here', p_link using errcode = '42501';
  end if;
  if coalesce(btrim(p_reason), '') = '' or char_length(p_reason) > 500 then
    raise exception 'a revocation needs its reason (at most 500 characters)' using errcode = '23514';
  end if;
  if v_link.revoked_at is not null then
    return v_link.id;
  end if;
  update public.creditor_links set revoked_at = now(), revoked_by = auth.uid(), revoke_reason = btrim(p_reason)
   where id = p_link;
  return v_link.id;
end
$$;

-- ---------------------------------------------------------------------------
-- What a party may see of a case's timeline: the step, its date, and the facts
-- that concern the party (decision number, amounts collected, the result of an
-- auction round); never the staff's reasons, findings, notes or other parties' data.
-- ---------------------------------------------------------------------------
create function public.creditor_case_timeline(p_case uuid)
returns table (kind public.case_event_kind, effective_date date, decision_number text, amount bigint)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (p_case = any (app_private.creditor_case_ids())) then
    return;
  end if;
  return query
    select e.kind, e.effective_date,
           case when e.kind = 'decision' then left(e.payload ->> 'decisionNumber', 60) end,
           case when e.kind = 'payment' and (e.payload ->> 'amount') ~ '^[0-9]{1,18}$' then (e.payload ->> 'amount')::bigint end
      from public.case_events e
     where e.case_id = p_case
     order by e.effective_date, e.id;
end
$$;

-- Assets of the account's cases now at auction, with the next scheduled round.
create function public.creditor_case_auctions()
returns table (case_id uuid, assets_at_auction integer, next_round_on date)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_cases uuid[] := app_private.creditor_case_ids();
begin
  if cardinality(v_cases) = 0 then
    return;
  end if;
  return query
    select a.case_id, count(distinct a.id)::integer,
           min(r.held_on) filter (where r.result = 'scheduled' and r.held_on >= app_private.today_vn())
      from public.assets a
      left join public.auction_rounds r on r.asset_id = a.id
     where a.case_id = any (v_cases) and a.status = 'at_auction'
     group by a.case_id;
end
$$;

revoke all on function public.confirm_creditor_link(uuid, public.party_kind), public.revoke_creditor_link(uuid, text),
  public.creditor_case_timeline(uuid), public.creditor_case_auctions() from public;
grant execute on function public.confirm_creditor_link(uuid, public.party_kind), public.revoke_creditor_link(uuid, text),
  public.creditor_case_timeline(uuid), public.creditor_case_auctions() to authenticated;
