-- The rules of the assignment to a regional office, in the database as in the case service
-- (packages/core/src/cases/service.ts) and the lifecycle (packages/domain/src/cases/steps/office-assignment.ts):
--   * the ledger event names a current regional office (kind subunit, not dissolved) of the
--     case's own province, and the case is still held by the provincial bureau, not yet decided;
--   * through the API roles a case's unit changes only by such an event, recorded just before
--     the change: no one moves a case between units, or out of its province, without a step in
--     its ledger (the owner's maintenance paths, a reorganisation, stay trusted);
--   * the rows that carry the case's unit (parties, obligations, assets and their auction rows,
--     steering flags and coercion operations) follow it. The ledger keeps the unit that held the
--     case when each step was taken (case_events is append-only).

create or replace function app_private.case_events_check_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_unit uuid;
  v_province uuid;
  v_status public.case_status;
  v_ref text;
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  if new.kind not in ('decision', 'executor_change', 'transfer', 'office_assignment') then
    return new;
  end if;
  select c.unit_id, c.province_id, c.status into v_unit, v_province, v_status from public.cases c where c.id = new.case_id;
  if new.kind in ('decision', 'executor_change') then
    v_ref := new.payload ->> 'executorId';
    if v_ref is null and new.kind = 'decision' then
      return new;
    end if;
    if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.memberships m
                       where m.user_id = v_ref::uuid and m.unit_id = v_unit and m.role = 'executor') then
      raise exception 'Chấp hành viên (executorId): phải là chấp hành viên của đơn vị đang thụ lý việc thi hành án.'
        using errcode = '23514', constraint = 'cases_executor_of_unit', column = 'executorId';
    end if;
  elsif new.kind = 'transfer' then
    v_ref := new.payload ->> 'toProvinceId';
    if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.units u
                       where u.id = v_ref::uuid and u.kind = 'province' and u.dissolved_on is null and u.id <> v_province) then
      raise exception 'Nơi nhận ủy thác (toProvinceId): phải là cơ quan THADS của một tỉnh/thành phố khác đang hoạt động.'
        using errcode = '23514', constraint = 'cases_transfer_target', column = 'toProvinceId';
    end if;
  else
    if v_unit is distinct from v_province or v_status <> 'accepted' then
      raise exception 'Giao phòng thi hành án dân sự khu vực: chỉ giao được việc do cơ quan THADS tỉnh đang thụ lý và chưa ra quyết định thi hành án.'
        using errcode = '23514', constraint = 'cases_office_assignment_held_by_bureau', column = 'unitId';
    end if;
    v_ref := new.payload ->> 'unitId';
    if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.units u
                       where u.id = v_ref::uuid and u.kind = 'subunit' and u.dissolved_on is null and u.province_id = v_province) then
      raise exception 'Phòng được giao (unitId): phải là một phòng thi hành án dân sự khu vực đang hoạt động của tỉnh/thành phố đang thụ lý việc.'
        using errcode = '23514', constraint = 'cases_office_assignment_target', column = 'unitId';
    end if;
  end if;
  return new;
end
$$;
drop trigger case_events_check_references on public.case_events;
create trigger case_events_check_references before insert on public.case_events
  for each row when (new.kind in ('decision', 'executor_change', 'transfer', 'office_assignment'))
  execute function app_private.case_events_check_references();

create or replace function app_private.cases_check_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  -- A case changes unit only by the assignment step just recorded in its ledger, from its
  -- provincial bureau to that office; never out of its province.
  if tg_op = 'UPDATE' and (new.unit_id is distinct from old.unit_id or new.province_id is distinct from old.province_id) then
    if new.province_id is distinct from old.province_id
       or old.unit_id is distinct from old.province_id
       or not exists (select 1 from public.case_events e
                       where e.id = (select max(l.id) from public.case_events l where l.case_id = old.id)
                         and e.kind = 'office_assignment' and e.payload ->> 'unitId' = new.unit_id::text) then
      raise exception 'Đơn vị thụ lý (unit_id): chỉ thay đổi bằng bước giao phòng thi hành án dân sự khu vực ghi vào sổ việc thi hành án.'
        using errcode = '23514', constraint = 'cases_unit_by_ledger', column = 'unit_id';
    end if;
  end if;
  if new.executor_id is not null
     and (tg_op = 'INSERT' or new.executor_id is distinct from old.executor_id or new.unit_id is distinct from old.unit_id)
     and not exists (select 1 from public.memberships m
                      where m.user_id = new.executor_id and m.unit_id = new.unit_id and m.role = 'executor') then
    raise exception 'Chấp hành viên (executor_id): phải là chấp hành viên của đơn vị đang thụ lý việc thi hành án.'
      using errcode = '23514', constraint = 'cases_executor_of_unit', column = 'executor_id';
  end if;
  if new.transferred_to_province_id is not null
     and (tg_op = 'INSERT' or new.transferred_to_province_id is distinct from old.transferred_to_province_id
          or new.province_id is distinct from old.province_id)
     and not exists (select 1 from public.units u
                      where u.id = new.transferred_to_province_id and u.kind = 'province'
                        and u.dissolved_on is null and u.id <> new.province_id) then
    raise exception 'Nơi nhận ủy thác (transferred_to_province_id): phải là cơ quan THADS của một tỉnh/thành phố khác đang hoạt động.'
      using errcode = '23514', constraint = 'cases_transfer_target', column = 'transferred_to_province_id';
  end if;
  return new;
end
$$;

-- The rows that carry a case's unit follow the case (whoever moved it: the assignment step or
-- the owner's reorganisation). The ledger rows do not: they keep the unit of their time.
create function app_private.case_rows_follow_unit() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.case_parties set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.case_obligations set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.assets set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.asset_seizures set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.asset_valuations set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.asset_proceeds set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.auction_contracts set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.auction_rounds set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.auction_deposits set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.steering_flags set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.steering_coercion_ops set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  return null;
end
$$;
create trigger cases_rows_follow_unit after update of unit_id on public.cases
  for each row when (old.unit_id is distinct from new.unit_id)
  execute function app_private.case_rows_follow_unit();

revoke all on function app_private.case_rows_follow_unit(), app_private.cases_check_references(),
  app_private.case_events_check_references()
from public, anon, authenticated;

-- The office a case was assigned to reads the steps the bureau took before (they keep the
-- bureau's unit): the cases assigned to one of the caller's offices, found by the assignment's
-- own index (refined in 20261214000300: only while the office holds the case).
create index case_events_office_assignment_idx on public.case_events ((payload ->> 'unitId')) include (case_id)
  where kind = 'office_assignment';

create function app_private.assigned_case_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_units uuid[] := app_private.unit_staff_units();
begin
  if cardinality(v_units) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct e.case_id), '{}')
            from public.case_events e
           where e.kind = 'office_assignment' and (e.payload ->> 'unitId') = any (v_units::text[]));
end
$$;
revoke all on function app_private.assigned_case_ids() from public, anon;
grant execute on function app_private.assigned_case_ids() to authenticated, service_role;

drop policy case_events_select on public.case_events;
create policy case_events_select on public.case_events for select to authenticated
  using (
    unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
    or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
    or (select app_private.is_national())
    or case_id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[])
    or case_id = any ((select nullif(app_private.assigned_case_ids(), '{}'))::uuid[])
  );
