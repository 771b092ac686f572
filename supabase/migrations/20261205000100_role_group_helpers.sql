-- Named role groups for the row-level security rules.
--
-- The policies spelled out the roles of every rule as array literals
-- ('{subunit_head,executor,clerk}', '{province_head,province_staff}', ...), the
-- same few lists well over a hundred times. This migration names those lists
-- once, in app_private.role_groups(), which packages/domain/src/roles.ts mirrors as
-- ROLE_GROUPS (packages/db/test/role-groups.test.ts compares the two), and gives
-- each group a helper that says what a rule means: "units where the user is on the
-- sub-bureau's staff", "provinces where the user heads the bureau", ...
--
-- Then it recreates every policy that held a role list, with the same name, command,
-- roles and meaning, calling the helpers instead; and the short helper functions
-- whose bodies held the lists (is_national, may_act_on_case, may_handle_request,
-- memberships_before_write). Who may read or write which row does not change.
--
-- The helpers are plpgsql, stable, with an empty search_path, like the existing ones,
-- and policies call them as (select …), once per statement. They read no table
-- themselves: each passes its group to has_role, units_for or provinces_for, the
-- security-definer helpers that read the caller's own memberships. So they run as the
-- caller, and the security-definer functions callable through the API stay the ones
-- they were.

-- ---------------------------------------------------------------------------
-- The groups.
--   national              the directorate: every case in the country, read only
--   province_staff        a province's bureau: head and staff, across their province
--   province_head         the province head: grants roles, sets targets, reads the audit trail
--   unit_staff            a sub-bureau's staff: head, executors, clerks (read their unit)
--   unit_office           a sub-bureau's head and clerks: take cases and requests in
--   executor              executors: act on the cases assigned to them
--   unit_enforcement      a sub-bureau's head and executors: report progress, run coercion
--   unit_head             the sub-bureau head: flags cases to the steering committee
--   heads                 heads of a unit (with province staff): answer a directive to it
--   enforcement_staff     everyone on a bureau's staff, province or sub-bureau
--   province_head_grants  the roles a province head may give within the province
-- ---------------------------------------------------------------------------
create function app_private.role_groups() returns table (group_name text, roles public.app_role[])
language sql immutable set search_path = ''
as $$
  values
    ('national', '{national_admin,national_viewer}'::public.app_role[]),
    ('province_staff', '{province_head,province_staff}'),
    ('province_head', '{province_head}'),
    ('unit_staff', '{subunit_head,executor,clerk}'),
    ('unit_office', '{subunit_head,clerk}'),
    ('executor', '{executor}'),
    ('unit_enforcement', '{subunit_head,executor}'),
    ('unit_head', '{subunit_head}'),
    ('heads', '{subunit_head,province_head,province_staff}'),
    ('enforcement_staff', '{subunit_head,executor,clerk,province_head,province_staff}'),
    ('province_head_grants', '{province_staff,subunit_head,executor,clerk,steering_member}')
$$;

-- The roles of one group; an unknown name is an error, never an empty group.
create function app_private.role_group(p_group text) returns public.app_role[]
language plpgsql immutable set search_path = ''
as $$
declare
  v_roles public.app_role[];
begin
  select g.roles into v_roles from app_private.role_groups() g where g.group_name = p_group;
  if v_roles is null then
    raise exception 'unknown role group %', p_group using errcode = '22023';
  end if;
  return v_roles;
end
$$;

-- ---------------------------------------------------------------------------
-- Where the signed-in user holds a role of a group: provinces, units, or anywhere.
-- ---------------------------------------------------------------------------
create function app_private.province_staff_provinces() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.provinces_for(app_private.role_group('province_staff'));
end
$$;

create function app_private.province_head_provinces() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.provinces_for(app_private.role_group('province_head'));
end
$$;

create function app_private.enforcement_staff_provinces() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.provinces_for(app_private.role_group('enforcement_staff'));
end
$$;

create function app_private.is_enforcement_staff() returns boolean
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.has_role(app_private.role_group('enforcement_staff'));
end
$$;

create function app_private.unit_staff_units() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.units_for(app_private.role_group('unit_staff'));
end
$$;

create function app_private.unit_office_units() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.units_for(app_private.role_group('unit_office'));
end
$$;

create function app_private.executor_units() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.units_for(app_private.role_group('executor'));
end
$$;

create function app_private.unit_enforcement_units() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.units_for(app_private.role_group('unit_enforcement'));
end
$$;

create function app_private.unit_head_units() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.units_for(app_private.role_group('unit_head'));
end
$$;

-- The units a head answers for: a sub-bureau head's sub-bureau, a province head's or staff's
-- province unit (units_for reads a membership's own unit).
create function app_private.head_units() returns uuid[]
language plpgsql stable set search_path = ''
as $$
begin
  return app_private.units_for(app_private.role_group('heads'));
end
$$;

-- ---------------------------------------------------------------------------
-- Helper functions whose bodies held the lists.
-- ---------------------------------------------------------------------------
create or replace function app_private.is_national() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role = any (app_private.role_group('national'))
  );
end
$$;

create or replace function app_private.may_act_on_case(p_case_id uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.cases c
    where c.id = p_case_id and c.status <> 'transferred_out'
      and (c.unit_id = any (app_private.unit_office_units())
           or (c.executor_id = auth.uid() and c.unit_id = any (app_private.executor_units()))
           or c.province_id = any (app_private.province_staff_provinces()))
  );
end
$$;

create or replace function app_private.may_handle_request(p_province uuid, p_unit uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return p_unit = any (app_private.unit_office_units())
      or p_province = any (app_private.province_staff_provinces());
end
$$;

-- A membership's role must fit its unit's kind; its tenant key comes from the unit.
create or replace function app_private.memberships_before_write() returns trigger
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
  if (new.role = any (app_private.role_group('national')) and v_kind <> 'national')
     or (new.role = any (app_private.role_group('province_staff')) and v_kind <> 'province')
     or (new.role = any (app_private.role_group('unit_staff')) and v_kind <> 'subunit')
     or (new.role = 'steering_member' and v_kind = 'subunit') then
    raise exception 'role % does not fit a unit of kind %', new.role, v_kind using errcode = '23514';
  end if;
  new.province_id := v_province;
  return new;
end
$$;

-- Policies and the app call the helpers as the signed-in user (service_role as the
-- existing helpers); role_group also from the memberships policies.
grant execute on function
  app_private.role_groups(),
  app_private.role_group(text),
  app_private.province_staff_provinces(),
  app_private.province_head_provinces(),
  app_private.enforcement_staff_provinces(),
  app_private.is_enforcement_staff(),
  app_private.unit_staff_units(),
  app_private.unit_office_units(),
  app_private.executor_units(),
  app_private.unit_enforcement_units(),
  app_private.unit_head_units(),
  app_private.head_units()
to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- The policies, recreated with the helpers.
-- ---------------------------------------------------------------------------

-- Assets and auctions: read like the case (20251110000000_assets.sql).
do $$
declare t text;
begin
  foreach t in array array['assets', 'asset_events', 'asset_seizures', 'asset_valuations', 'auction_contracts',
                           'auction_rounds', 'auction_deposits', 'asset_proceeds'] loop
    execute format('drop policy if exists %1$s_select on public.%1$s', t);
    execute format($p$create policy %1$s_select on public.%1$s for select to authenticated
      using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
             or province_id = any ((select app_private.province_staff_provinces())::uuid[])
             or (select app_private.is_national()))$p$, t);
  end loop;
end
$$;

drop policy if exists audit_log_select on public.audit_log;
create policy audit_log_select on public.audit_log for select to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists case_events_insert on public.case_events;
create policy case_events_insert on public.case_events for insert to authenticated
  with check (exists (
    select 1 from public.cases c
    where c.id = case_id and c.status <> 'transferred_out'
      and (c.unit_id = any ((select app_private.unit_office_units())::uuid[])
           or (c.executor_id = (select auth.uid()) and c.unit_id = any ((select app_private.executor_units())::uuid[]))
           or c.province_id = any ((select app_private.province_staff_provinces())::uuid[]))));

drop policy if exists case_events_select on public.case_events;
create policy case_events_select on public.case_events for select to authenticated
  using (unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
         or (select app_private.is_national())
         or case_id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[]));

drop policy if exists case_obligations_insert on public.case_obligations;
create policy case_obligations_insert on public.case_obligations for insert to authenticated
  with check (exists (
    select 1 from public.cases c
    where c.id = case_id and c.status <> 'transferred_out'
      and (c.unit_id = any ((select app_private.unit_office_units())::uuid[])
           or (c.executor_id = (select auth.uid()) and c.unit_id = any ((select app_private.executor_units())::uuid[]))
           or c.province_id = any ((select app_private.province_staff_provinces())::uuid[]))));

drop policy if exists case_obligations_select on public.case_obligations;
create policy case_obligations_select on public.case_obligations for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists case_parties_insert on public.case_parties;
create policy case_parties_insert on public.case_parties for insert to authenticated
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists case_parties_select on public.case_parties;
create policy case_parties_select on public.case_parties for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists case_parties_update on public.case_parties;
create policy case_parties_update on public.case_parties for update to authenticated
  using (unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]))
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists cases_insert on public.cases;
create policy cases_insert on public.cases for insert to authenticated
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists cases_select on public.cases;
create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
         or (select app_private.is_national())
         or id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[]));

drop policy if exists cases_update on public.cases;
create policy cases_update on public.cases for update to authenticated
  using (status <> 'transferred_out'
         and ((executor_id = (select auth.uid()) and unit_id = any ((select app_private.executor_units())::uuid[]))
              or unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[])))
  with check ((executor_id = (select auth.uid()) and unit_id = any ((select app_private.executor_units())::uuid[]))
              or unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists judgments_insert on public.judgments;
create policy judgments_insert on public.judgments for insert to authenticated
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists judgments_select on public.judgments;
create policy judgments_select on public.judgments for select to authenticated
  using (province_id = any ((select app_private.enforcement_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists memberships_delete on public.memberships;
create policy memberships_delete on public.memberships for delete to authenticated
  using ((select app_private.is_national_admin())
         or (province_id = any ((select app_private.province_head_provinces())::uuid[])
             and role = any (app_private.role_group('province_head_grants'))));

drop policy if exists memberships_insert on public.memberships;
create policy memberships_insert on public.memberships for insert to authenticated
  with check ((select app_private.is_national_admin())
              or (province_id = any ((select app_private.province_head_provinces())::uuid[])
                  and role = any (app_private.role_group('province_head_grants'))));

drop policy if exists memberships_select on public.memberships;
create policy memberships_select on public.memberships for select to authenticated
  using (user_id = (select auth.uid())
         or (select app_private.is_national())
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or unit_id = any ((select app_private.unit_head_units())::uuid[]));

drop policy if exists memberships_update on public.memberships;
create policy memberships_update on public.memberships for update to authenticated
  using ((select app_private.is_national_admin())
         or (province_id = any ((select app_private.province_head_provinces())::uuid[])
             and role = any (app_private.role_group('province_head_grants'))))
  with check ((select app_private.is_national_admin())
         or (province_id = any ((select app_private.province_head_provinces())::uuid[])
             and role = any (app_private.role_group('province_head_grants'))));

drop policy if exists profiles_insert on public.profiles;
create policy profiles_insert on public.profiles for insert to authenticated
  with check ((select app_private.is_national_admin())
              or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
         or (select app_private.is_national())
         or id = (select auth.uid()));

drop policy if exists profiles_update on public.profiles;
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid())
         or (select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[]))
  with check (id = (select auth.uid())
         or (select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists public_announcements_delete on public.public_announcements;
create policy public_announcements_delete on public.public_announcements for delete to authenticated
  using (province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists public_announcements_insert on public.public_announcements;
create policy public_announcements_insert on public.public_announcements for insert to authenticated
  with check (province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists public_announcements_update on public.public_announcements;
create policy public_announcements_update on public.public_announcements for update to authenticated
  using (province_id = any ((select app_private.province_staff_provinces())::uuid[]))
  with check (province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists public_pages_insert on public.public_pages;
create policy public_pages_insert on public.public_pages for insert to authenticated
  with check (province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists public_pages_update on public.public_pages;
create policy public_pages_update on public.public_pages for update to authenticated
  using (province_id = any ((select app_private.province_staff_provinces())::uuid[]))
  with check (province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists service_ratings_select on public.service_ratings;
create policy service_ratings_select on public.service_ratings for select to authenticated
  using (unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists service_request_attachments_insert on public.service_request_attachments;
create policy service_request_attachments_insert on public.service_request_attachments for insert to authenticated
  with check (requester_id = (select auth.uid())
              or unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists service_request_attachments_select on public.service_request_attachments;
create policy service_request_attachments_select on public.service_request_attachments for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists service_request_events_select on public.service_request_events;
create policy service_request_events_select on public.service_request_events for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists service_requests_insert on public.service_requests;
create policy service_requests_insert on public.service_requests for insert to authenticated
  with check (requester_id = (select auth.uid())
              or (requester_id is null
                  and (unit_id = any ((select app_private.unit_office_units())::uuid[])
                       or province_id = any ((select app_private.province_staff_provinces())::uuid[]))));

drop policy if exists service_requests_select on public.service_requests;
create policy service_requests_select on public.service_requests for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists service_requests_update on public.service_requests;
create policy service_requests_update on public.service_requests for update to authenticated
  using (unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]))
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists stat_daily_select on public.stat_daily;
create policy stat_daily_select on public.stat_daily for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists stat_monthly_select on public.stat_monthly;
create policy stat_monthly_select on public.stat_monthly for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists stat_targets_insert on public.stat_targets;
create policy stat_targets_insert on public.stat_targets for insert to authenticated
  with check ((unit_id = province_id and (select app_private.is_national_admin()))
              or (unit_id <> province_id and province_id = any ((select app_private.province_head_provinces())::uuid[])));

drop policy if exists stat_targets_select on public.stat_targets;
create policy stat_targets_select on public.stat_targets for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists stat_targets_update on public.stat_targets;
create policy stat_targets_update on public.stat_targets for update to authenticated
  using ((unit_id = province_id and (select app_private.is_national_admin()))
         or (unit_id <> province_id and province_id = any ((select app_private.province_head_provinces())::uuid[])))
  with check ((unit_id = province_id and (select app_private.is_national_admin()))
              or (unit_id <> province_id and province_id = any ((select app_private.province_head_provinces())::uuid[])));

drop policy if exists stat_yearly_select on public.stat_yearly;
create policy stat_yearly_select on public.stat_yearly for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists steering_coercion_ops_insert on public.steering_coercion_ops;
create policy steering_coercion_ops_insert on public.steering_coercion_ops for insert to authenticated
  with check (unit_id = any ((select app_private.unit_enforcement_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists steering_coercion_ops_select on public.steering_coercion_ops;
create policy steering_coercion_ops_select on public.steering_coercion_ops for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));

drop policy if exists steering_coercion_ops_update on public.steering_coercion_ops;
create policy steering_coercion_ops_update on public.steering_coercion_ops for update to authenticated
  using (unit_id = any ((select app_private.unit_enforcement_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]))
  with check (unit_id = any ((select app_private.unit_enforcement_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]));

drop policy if exists steering_committee_members_delete on public.steering_committee_members;
create policy steering_committee_members_delete on public.steering_committee_members for delete to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists steering_committee_members_insert on public.steering_committee_members;
create policy steering_committee_members_insert on public.steering_committee_members for insert to authenticated
  with check ((select app_private.is_national_admin())
              or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists steering_committee_members_select on public.steering_committee_members;
create policy steering_committee_members_select on public.steering_committee_members for select to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));

drop policy if exists steering_committee_members_update on public.steering_committee_members;
create policy steering_committee_members_update on public.steering_committee_members for update to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[]))
  with check ((select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists steering_committees_insert on public.steering_committees;
create policy steering_committees_insert on public.steering_committees for insert to authenticated
  with check ((select app_private.is_national_admin())
              or province_id = any ((select app_private.province_head_provinces())::uuid[]));

drop policy if exists steering_committees_select on public.steering_committees;
create policy steering_committees_select on public.steering_committees for select to authenticated
  using (province_id = any ((select app_private.enforcement_staff_provinces())::uuid[])
         or (province_id is null and (select app_private.is_enforcement_staff()))
         or id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));

drop policy if exists steering_committees_update on public.steering_committees;
create policy steering_committees_update on public.steering_committees for update to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[])
         or id = any ((select app_private.steering_committees_for())::uuid[]))
  with check ((select app_private.is_national_admin())
         or province_id = any ((select app_private.province_head_provinces())::uuid[])
         or id = any ((select app_private.steering_committees_for())::uuid[]));

drop policy if exists steering_directives_select on public.steering_directives;
create policy steering_directives_select on public.steering_directives for select to authenticated
  using (addressee_unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or addressee_user_id = (select auth.uid())
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));

drop policy if exists steering_directives_update on public.steering_directives;
create policy steering_directives_update on public.steering_directives for update to authenticated
  using (addressee_unit_id = any ((select app_private.head_units())::uuid[])
         or addressee_user_id = (select auth.uid())
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]))
  with check (addressee_unit_id = any ((select app_private.head_units())::uuid[])
         or addressee_user_id = (select auth.uid())
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]));

drop policy if exists steering_flags_insert on public.steering_flags;
create policy steering_flags_insert on public.steering_flags for insert to authenticated
  with check (unit_id = any ((select app_private.unit_head_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists steering_flags_select on public.steering_flags;
create policy steering_flags_select on public.steering_flags for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));

drop policy if exists steering_progress_reports_insert on public.steering_progress_reports;
create policy steering_progress_reports_insert on public.steering_progress_reports for insert to authenticated
  with check (unit_id = any ((select app_private.unit_enforcement_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy if exists steering_progress_reports_select on public.steering_progress_reports;
create policy steering_progress_reports_select on public.steering_progress_reports for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
