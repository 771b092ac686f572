-- Citizen reception sessions recorded from the pages: how many citizens were received, a retried
-- form records once, and the host is one of the receiving province's staff.
alter table public.reception_sessions
  add column citizens integer not null default 0 check (citizens between 0 and 10000),
  add column idempotency_key uuid unique;

-- The host of a session is staff of the session's province (its offices included).
create function app_private.reception_sessions_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_province uuid;
begin
  select u.province_id into v_province from public.units u where u.id = new.unit_id;
  if new.host_id is not null and not exists (
       select 1 from public.memberships m join public.units u on u.id = m.unit_id
        where m.user_id = new.host_id and u.province_id = v_province
          and m.role in ('subunit_head', 'executor', 'clerk', 'province_head', 'province_staff')) then
    raise exception 'Người chủ trì (host_id): phải là cán bộ của tỉnh/thành phố tổ chức buổi tiếp.'
      using errcode = '23514', constraint = 'reception_sessions_host_scope', column = 'host_id';
  end if;
  return new;
end
$$;
revoke all on function app_private.reception_sessions_references() from public, anon, authenticated;
create trigger reception_sessions_references before insert or update of unit_id, host_id on public.reception_sessions
  for each row execute function app_private.reception_sessions_references();

