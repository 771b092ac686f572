-- Transfers to a military-region enforcement agency (cơ quan thi hành án cấp quân khu), a part of
-- the enforcement system (Law 106/2025/QH15 Art. 17(2)) that enforces the judgments "do cơ quan thi
-- hành án dân sự nơi khác ủy thác" (Art. 32(3)(đ)). Such an agency keeps its records outside this
-- system: the transfer names it in words and the case closes here, as a transfer to another
-- province does; no receiving case is opened.
--   * public.cases.transferred_to_agency: the agency's name, 2–300 characters; a case names one
--     receiving agency at most (a province or a military-region agency);
--   * an acceptance may name the military-region agency that entrusted the case (`fromAgency`);
--   * the ledger's reference check takes a transfer naming `toMilitaryAgency` (a string of 2–300
--     characters, and then no `toProvinceId`); a transfer naming a province is checked as before.

alter table public.cases
  add column transferred_to_agency text,
  add constraint cases_transferred_to_agency_name
    check (transferred_to_agency is null or char_length(btrim(transferred_to_agency)) between 2 and 300),
  add constraint cases_transfer_one_target
    check (transferred_to_agency is null or transferred_to_province_id is null);

-- A case closed as transferred names where it went. Added not valid, then validated: the check of
-- the rows already written takes a lock that lets reads and writes go on.
alter table public.cases
  add constraint cases_transferred_names_target
    check (status <> 'transferred_out' or transferred_to_province_id is not null or transferred_to_agency is not null) not valid;
alter table public.cases validate constraint cases_transferred_names_target;

-- A case entrusted by a military-region agency is taken in at the desk (source transfer_in; a case
-- entrusted by another province opens from that province's case): the acceptance names the agency
-- in `fromAgency`, 2–300 characters, and only with that source. The ledger is append-only and large:
-- added not valid, then validated under a lock that lets reads and writes go on.
alter table public.case_events
  add constraint case_events_from_agency_name check (
    kind <> 'acceptance' or not (payload ? 'fromAgency')
    or (jsonb_typeof(payload -> 'fromAgency') = 'string'
        and char_length(btrim(payload ->> 'fromAgency')) between 2 and 300
        and payload ->> 'source' = 'transfer_in')) not valid;
alter table public.case_events validate constraint case_events_from_agency_name;

comment on column public.cases.transferred_to_agency is
  'The military-region enforcement agency a case was transferred to, as its transfer decision names it (L106 Arts. 17(2), 32(3)(đ), 49).';

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
  elsif new.kind = 'transfer' and new.payload ? 'toMilitaryAgency' then
    -- A military-region enforcement agency keeps its records outside this system: it is named in
    -- words, 2 to 300 characters, and is then the only receiving agency the transfer names.
    v_ref := btrim(new.payload ->> 'toMilitaryAgency');
    if jsonb_typeof(new.payload -> 'toMilitaryAgency') <> 'string' or new.payload ? 'toProvinceId'
       or char_length(v_ref) not between 2 and 300 then
      raise exception 'Cơ quan thi hành án cấp quân khu nhận ủy thác (toMilitaryAgency): ghi tên từ 2 đến 300 ký tự; một việc chỉ ủy thác cho một nơi.'
        using errcode = '23514', constraint = 'cases_transfer_military_agency', column = 'toMilitaryAgency';
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
