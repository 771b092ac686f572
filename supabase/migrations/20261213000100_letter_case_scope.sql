-- A letter names only cases its writer works on (ADR 014). The reference check kept a named case
-- within the receiving province; a regional office's clerk, talking to the database directly,
-- could still name a case of another office of the same province (one he cannot read). Now a case
-- newly named on a letter must also be visible to the caller as staff: his own office's cases,
-- the province's for province staff, any for the directorate. A NULL among the named cases is
-- refused (it let a whole list through the province check), by the trigger and by a constraint.

create or replace function app_private.complaint_letters_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  -- Triggers run in name order: the tenant key is copied from the unit after this one, so read it here.
  select u.province_id into new.province_id from public.units u where u.id = new.unit_id;
  -- Every case named is one of the receiving province (a NULL element names none and is refused:
  -- it must not let the others through).
  if exists (select 1 from unnest(new.case_ids) c
              where c is null or not exists (select 1 from public.cases k where k.id = c and k.province_id = new.province_id))
     -- A case newly named must also be one the caller works on: a regional office names its own
     -- cases, the province's staff any of the province, the directorate any. Cases already on the
     -- letter stay when it is routed to a unit that does not hold them.
     or exists (select 1 from unnest(new.case_ids) c
                 where (tg_op = 'INSERT' or not c = any (old.case_ids))
                   and not exists (select 1 from public.cases k
                                    where k.id = c
                                      and (k.unit_id = any (app_private.unit_staff_units())
                                           or k.province_id = any (app_private.province_staff_provinces())
                                           or app_private.is_national()))) then
    raise exception 'Việc thi hành án (case_ids): phải là việc của tỉnh/thành phố nhận đơn mà bạn được giao theo dõi.'
      using errcode = '23514', constraint = 'complaint_letters_case_scope', column = 'case_ids';
  end if;
  if new.request_id is not null and not exists (
       select 1 from public.service_requests r where r.id = new.request_id and r.province_id = new.province_id and r.kind = 'complaint') then
    raise exception 'Yêu cầu trực tuyến (request_id): phải là đơn khiếu nại gửi cho tỉnh/thành phố này.'
      using errcode = '23514', constraint = 'complaint_letters_request_scope', column = 'request_id';
  end if;
  if new.session_id is not null and not exists (
       select 1 from public.reception_sessions s where s.id = new.session_id and s.province_id = new.province_id) then
    raise exception 'Buổi tiếp công dân (session_id): phải là buổi tiếp của tỉnh/thành phố này.'
      using errcode = '23514', constraint = 'complaint_letters_session_scope', column = 'session_id';
  end if;
  if exists (select 1 from unnest(array[new.duplicate_of, new.same_matter_as, new.first_letter_id]) x
              where x is not null and not exists (
                select 1 from public.complaint_letters l where l.id = x and l.province_id = new.province_id)) then
    raise exception 'Đơn liên quan (duplicate_of, same_matter_as, first_letter_id): phải là đơn của tỉnh/thành phố này.'
      using errcode = '23514', constraint = 'complaint_letters_link_scope';
  end if;
  if new.handler_unit_id is not null and not exists (
       select 1 from public.units u
        where u.id = new.handler_unit_id and (u.province_id = new.province_id or u.kind = 'national')) then
    raise exception 'Đơn vị giải quyết (handler_unit_id): phải thuộc tỉnh/thành phố nhận đơn hoặc là Cục.'
      using errcode = '23514', constraint = 'complaint_letters_handler_unit_scope', column = 'handler_unit_id';
  end if;
  if new.handler_id is not null and not exists (
       select 1 from public.memberships m where m.user_id = new.handler_id and m.unit_id = new.handler_unit_id
          and m.role in ('subunit_head', 'executor', 'clerk', 'province_head', 'province_staff', 'national_admin')) then
    raise exception 'Người giải quyết (handler_id): phải là cán bộ của đơn vị giải quyết.'
      using errcode = '23514', constraint = 'complaint_letters_handler_scope', column = 'handler_id';
  end if;
  if new.subject_user_id is not null and not exists (
       select 1 from public.memberships m join public.units u on u.id = m.unit_id
        where m.user_id = new.subject_user_id and u.province_id = new.province_id
          and m.role in ('subunit_head', 'executor', 'clerk', 'province_head', 'province_staff')) then
    raise exception 'Người bị khiếu nại, tố cáo (subject_user_id): phải là cán bộ của tỉnh/thành phố nhận đơn.'
      using errcode = '23514', constraint = 'complaint_letters_subject_scope', column = 'subject_user_id';
  end if;
  return new;
end
$$;

revoke all on function app_private.complaint_letters_references() from public, anon, authenticated;

-- No NULL among a letter's cases. Added NOT VALID and validated where no earlier letter has one.
alter table public.complaint_letters
  add constraint complaint_letters_case_ids_not_null check (array_position(case_ids, null) is null) not valid;
do $$
begin
  alter table public.complaint_letters validate constraint complaint_letters_case_ids_not_null;
exception when check_violation then
  raise notice 'complaint_letters_case_ids_not_null stays NOT VALID: earlier letters name a NULL case';
end
$$;
