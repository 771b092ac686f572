-- The assignment to a regional office, tightened:
--   * a case's unit changes only right after its assignment step, in the same transaction
--     (the event's created_at is the transaction's now()), and only to a unit of its own
--     province as the units table says (the tenant trigger recomputes province_id after this
--     check runs);
--   * a case is assigned once: a second assignment event is refused;
--   * unit ids in the assignment are compared as uuids, whatever their case;
--   * the office reads the steps taken before its assignment while it holds the case, and only
--     the rows of that time (those that keep the bureau's unit): the policies test the cheap
--     `unit_id = province_id` first and look the case up in a hashed set, so a province-wide scan
--     by an office's user does not compare every row with a list; the asset ledger and the
--     steering committee's progress reports follow the same rule.

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
    if v_unit is distinct from v_province or v_status <> 'accepted'
       or exists (select 1 from public.case_events e where e.case_id = new.case_id and e.kind = 'office_assignment') then
      raise exception 'Giao phòng thi hành án dân sự khu vực: chỉ giao được một lần, việc do cơ quan THADS tỉnh đang thụ lý và chưa ra quyết định thi hành án.'
        using errcode = '23514', constraint = 'cases_office_assignment_held_by_bureau', column = 'unitId';
    end if;
    v_ref := new.payload ->> 'unitId';
    if v_ref is null or v_ref !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.units u
                       where u.id = v_ref::uuid and u.kind = 'subunit' and u.dissolved_on is null and u.province_id = v_province) then
      raise exception 'Phòng được giao (unitId): phải là một phòng thi hành án dân sự khu vực đang hoạt động của tỉnh/thành phố đang thụ lý việc.'
        using errcode = '23514', constraint = 'cases_office_assignment_target', column = 'unitId';
    end if;
  end if;
  return new;
end
$$;

create or replace function app_private.cases_check_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  -- A case changes unit only by the assignment step recorded in its ledger in this same
  -- transaction, from its provincial bureau to that office; never out of its province (the unit's
  -- own province, as cases_tenant will set it after this trigger).
  if tg_op = 'UPDATE' and (new.unit_id is distinct from old.unit_id or new.province_id is distinct from old.province_id) then
    if new.province_id is distinct from old.province_id
       or (select u.province_id from public.units u where u.id = new.unit_id) is distinct from old.province_id
       or old.unit_id is distinct from old.province_id
       or not exists (select 1 from public.case_events e
                       where e.id = (select max(l.id) from public.case_events l where l.case_id = old.id)
                         and e.kind = 'office_assignment' and e.created_at = now()
                         and (e.payload ->> 'unitId')::uuid = new.unit_id) then
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

-- The cases assigned to one of the caller's offices that the office still holds.
create or replace function app_private.assigned_case_ids() returns uuid[]
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
            join public.cases c on c.id = e.case_id and c.unit_id = any (v_units)
           where e.kind = 'office_assignment' and (e.payload ->> 'unitId') = any (v_units::text[]));
end
$$;

drop policy case_events_select on public.case_events;
create policy case_events_select on public.case_events for select to authenticated
  using (
    unit_id = any ((select nullif(app_private.unit_staff_units(), '{}'))::uuid[])
    or province_id = any ((select nullif(app_private.province_staff_provinces(), '{}'))::uuid[])
    or (select app_private.is_national())
    or case_id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[])
    or (unit_id = province_id and case_id in (select unnest(app_private.assigned_case_ids())))
  );

drop policy asset_events_select on public.asset_events;
create policy asset_events_select on public.asset_events for select to authenticated
  using (
    unit_id = any ((select app_private.unit_staff_units())::uuid[])
    or province_id = any ((select app_private.province_staff_provinces())::uuid[])
    or (select app_private.is_national())
    or (unit_id = province_id and case_id in (select unnest(app_private.assigned_case_ids())))
  );

drop policy steering_progress_reports_select on public.steering_progress_reports;
create policy steering_progress_reports_select on public.steering_progress_reports for select to authenticated
  using (
    unit_id = any ((select app_private.unit_staff_units())::uuid[])
    or province_id = any ((select app_private.province_staff_provinces())::uuid[])
    or committee_id = any ((select app_private.steering_committees_for())::uuid[])
    or (select app_private.is_national())
    or (unit_id = province_id and case_id in (select unnest(app_private.assigned_case_ids())))
  );
