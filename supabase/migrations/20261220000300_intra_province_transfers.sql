-- A transfer to another district agency of the same province (ADR 032), as the API roles may write
-- it (a province's ledger brought in by its staff): dated before 01/07/2025, naming in `unitId` a
-- district agency or regional office of the case's province that still existed on that day. The
-- step is history: it changes neither the case's unit nor any figure.

create function app_private.case_events_check_intra_province_transfer() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ref text := new.payload ->> 'unitId';
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  if new.effective_date >= date '2025-07-01' then
    raise exception 'Ủy thác trong tỉnh (effective_date): chỉ ghi nhận được trước ngày 01/07/2025.'
      using errcode = '23514', constraint = 'case_events_intra_province_transfer_date', column = 'effective_date';
  end if;
  if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     or not exists (select 1 from public.units u join public.cases c on c.province_id = u.province_id
                     where c.id = new.case_id and u.id = v_ref::uuid and u.kind = 'subunit'
                       and (u.dissolved_on is null or u.dissolved_on > new.effective_date)) then
    raise exception 'Đơn vị nhận ủy thác trong tỉnh (unitId): phải là cơ quan thi hành án dân sự cấp huyện của tỉnh đang thụ lý việc, còn hoạt động vào ngày ủy thác.'
      using errcode = '23514', constraint = 'case_events_intra_province_transfer_target', column = 'unitId';
  end if;
  return new;
end
$$;
revoke all on function app_private.case_events_check_intra_province_transfer() from public;

create trigger case_events_check_intra_province_transfer before insert on public.case_events
  for each row when (new.kind = 'intra_province_transfer')
  execute function app_private.case_events_check_intra_province_transfer();
