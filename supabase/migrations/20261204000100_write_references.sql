-- Every id a write names is checked here as well as in the case service, so a
-- client talking to the database directly (as `authenticated`, or as
-- `case_writer`) cannot point a row at another tenant's unit or person:
--   * a case's executor is an executor (membership role executor) of the
--     case's own unit, on the case row and in the ledger events that name one;
--   * a transfer (ủy thác) goes to a current provincial bureau other than the
--     case's own province, never to an office, a dissolved province or the
--     directorate;
--   * a steering directive is addressed within its committee's scope (a
--     province committee: units and staff of its province; the central and
--     ad-hoc committees: any current bureau or office and their staff), and
--     only the addressee's side answers it, in its own name;
--   * a request is filed in no one's name or in the caller's own;
--   * the security-definer functions the API roles may call are a known list
--     (packages/db/test/isolation-references.test.ts), each answering only
--     within its caller's scope; the others are executable by no API role.

-- ---------------------------------------------------------------------------
-- Cases: executor and transfer target.
-- ---------------------------------------------------------------------------
create function app_private.cases_check_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
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
create trigger cases_check_references
  before insert or update of executor_id, unit_id, transferred_to_province_id, province_id on public.cases
  for each row execute function app_private.cases_check_references();

-- The ledger events that name an executor (decision, executor_change) or a
-- transfer target: the same rules, against the case the event belongs to.
create function app_private.case_events_check_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_unit uuid;
  v_province uuid;
  v_ref text;
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  if new.kind not in ('decision', 'executor_change', 'transfer') then
    return new;
  end if;
  select c.unit_id, c.province_id into v_unit, v_province from public.cases c where c.id = new.case_id;
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
  else
    v_ref := new.payload ->> 'toProvinceId';
    if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.units u
                       where u.id = v_ref::uuid and u.kind = 'province' and u.dissolved_on is null and u.id <> v_province) then
      raise exception 'Nơi nhận ủy thác (toProvinceId): phải là cơ quan THADS của một tỉnh/thành phố khác đang hoạt động.'
        using errcode = '23514', constraint = 'cases_transfer_target', column = 'toProvinceId';
    end if;
  end if;
  return new;
end
$$;
-- Only the kinds that name one (a bulk import's acceptances never reach the function).
create trigger case_events_check_references before insert on public.case_events
  for each row when (new.kind in ('decision', 'executor_change', 'transfer'))
  execute function app_private.case_events_check_references();

-- For the case service's own check before it writes: is this user an executor
-- of the unit of a case the caller may act on? Nothing (null) for any other case.
create function app_private.is_case_unit_executor(p_case_id uuid, p_user_id uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not app_private.may_act_on_case(p_case_id) then
    return null;
  end if;
  return exists (select 1 from public.cases c join public.memberships m on m.unit_id = c.unit_id
                  where c.id = p_case_id and m.user_id = p_user_id and m.role = 'executor');
end
$$;
revoke all on function app_private.is_case_unit_executor(uuid, uuid) from public, anon;
grant execute on function app_private.is_case_unit_executor(uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Steering directives: addressee within the committee's scope, meeting of the
-- same committee; answers by the addressee's side only, in the answerer's own name.
-- ---------------------------------------------------------------------------
create function app_private.steering_directives_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_province uuid;
  v_actor uuid := auth.uid();
begin
  select c.province_id into v_province from public.steering_committees c where c.id = new.committee_id;
  if new.addressee_unit_id is not null
     and (tg_op = 'INSERT' or new.addressee_unit_id is distinct from old.addressee_unit_id or new.committee_id is distinct from old.committee_id)
     and not exists (select 1 from public.units u
                      where u.id = new.addressee_unit_id and u.kind <> 'national' and u.dissolved_on is null
                        and (v_province is null or u.province_id = v_province)) then
    raise exception 'Đơn vị nhận (addresseeUnitId): phải là cơ quan THADS đang hoạt động thuộc phạm vi của Ban Chỉ đạo.'
      using errcode = '23514', constraint = 'steering_directives_addressee_scope', column = 'addressee_unit_id';
  end if;
  if new.addressee_user_id is not null
     and (tg_op = 'INSERT' or new.addressee_user_id is distinct from old.addressee_user_id or new.committee_id is distinct from old.committee_id)
     and not exists (select 1 from public.memberships m join public.units u on u.id = m.unit_id
                      where m.user_id = new.addressee_user_id and u.dissolved_on is null
                        and m.role in ('province_head', 'province_staff', 'subunit_head', 'executor', 'clerk')
                        and (v_province is null or m.province_id = v_province)) then
    raise exception 'Người nhận (addresseeUserId): phải là cán bộ THADS thuộc phạm vi của Ban Chỉ đạo.'
      using errcode = '23514', constraint = 'steering_directives_addressee_scope', column = 'addressee_user_id';
  end if;
  if new.meeting_id is not null
     and (tg_op = 'INSERT' or new.meeting_id is distinct from old.meeting_id or new.committee_id is distinct from old.committee_id)
     and not exists (select 1 from public.steering_meetings mt where mt.id = new.meeting_id and mt.committee_id = new.committee_id) then
    raise exception 'Cuộc họp (meetingId): không phải cuộc họp của Ban Chỉ đạo này.'
      using errcode = '23514', constraint = 'steering_directives_meeting_of_committee', column = 'meeting_id';
  end if;
  if v_actor is not null then
    if tg_op = 'INSERT' and (new.answer is not null or new.answered_on is not null or new.answered_by is not null) then
      raise exception 'Ý kiến chỉ đạo mới chưa có trả lời: chỉ đơn vị hoặc cá nhân nhận được trả lời.' using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and (new.answer is distinct from old.answer or new.answered_on is distinct from old.answered_on
                             or new.answered_by is distinct from old.answered_by) then
      if not coalesce(old.addressee_user_id = v_actor
                      or old.addressee_unit_id = any (app_private.units_for('{subunit_head,province_head,province_staff}')), false) then
        raise exception 'Chỉ đơn vị hoặc cá nhân nhận ý kiến chỉ đạo được trả lời; Ban Chỉ đạo không tự trả lời ý kiến của mình.'
          using errcode = '42501';
      end if;
      if new.answered_by is distinct from v_actor then
        raise exception 'Người trả lời (answered_by): phải là chính người đang trả lời.' using errcode = '42501';
      end if;
    end if;
  end if;
  return new;
end
$$;
create trigger steering_directives_references before insert or update on public.steering_directives
  for each row execute function app_private.steering_directives_references();

-- ---------------------------------------------------------------------------
-- Requests: desk staff file walk-in requests in no one's name; a signed-in
-- user files in their own name only.
-- ---------------------------------------------------------------------------
drop policy service_requests_insert on public.service_requests;
create policy service_requests_insert on public.service_requests for insert to authenticated
  with check (requester_id = (select auth.uid())
              or (requester_id is null
                  and (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
                       or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))));

-- ---------------------------------------------------------------------------
-- Functions callable through the API.
-- ---------------------------------------------------------------------------
-- Failed auction rounds read as the caller (RLS on assets): nothing about a
-- case outside the caller's scope.
create or replace function app_private.failed_auction_rounds(p_case_id uuid) returns integer
language plpgsql stable security invoker set search_path = ''
as $$
begin
  return coalesce((select max(a.failed_rounds) from public.assets a where a.case_id = p_case_id), 0);
end
$$;

-- Trigger functions are never called directly: no API role executes them.
revoke all on function
  app_private.audit_row(), app_private.set_tenant_from_unit(), app_private.set_tenant_from_case(),
  app_private.set_tenant_from_asset(), app_private.service_requests_before_insert(),
  app_private.service_requests_before_update(), app_private.service_requests_history(),
  app_private.service_request_attachments_before_insert(), app_private.cases_check_references(),
  app_private.case_events_check_references(), app_private.steering_directives_references()
from public, anon, authenticated;
revoke all on function app_private.may_act_on_case(uuid) from public, anon;
grant execute on function app_private.may_act_on_case(uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Steering committee members: staff (never a requester's account), of the
-- committee's province for a province committee.
-- ---------------------------------------------------------------------------
create function app_private.steering_members_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_province uuid;
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  select c.province_id into v_province from public.steering_committees c where c.id = new.committee_id;
  if not exists (select 1 from public.profiles p join public.units u on u.id = p.unit_id
                  where p.id = new.user_id and (v_province is null or u.province_id = v_province)) then
    raise exception 'Thành viên (user_id): phải là cán bộ thuộc phạm vi của Ban Chỉ đạo (Ban Chỉ đạo tỉnh: cán bộ của tỉnh).'
      using errcode = '23514', constraint = 'steering_members_scope', column = 'user_id';
  end if;
  return new;
end
$$;
create trigger steering_committee_members_references before insert or update of committee_id, user_id
  on public.steering_committee_members
  for each row execute function app_private.steering_members_references();

-- ---------------------------------------------------------------------------
-- The person a row names as the one who acted (proposed, decided, issued,
-- answered, reported, set, recorded) is the caller, never someone else.
-- The columns are the trigger's arguments; an unchanged value is left alone.
-- ---------------------------------------------------------------------------
create function app_private.actor_is_caller() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_col text;
  v_new text;
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  foreach v_col in array tg_argv loop
    v_new := to_jsonb(new) ->> v_col;
    if v_new is not null and v_new is distinct from auth.uid()::text
       and (tg_op = 'INSERT' or v_new is distinct from to_jsonb(old) ->> v_col) then
      raise exception 'Người thực hiện (%): phải là chính người đang đăng nhập.', v_col
        using errcode = '42501', column = v_col;
    end if;
  end loop;
  return new;
end
$$;
create trigger case_events_actor before insert on public.case_events
  for each row when (new.actor_id is distinct from auth.uid())
  execute function app_private.actor_is_caller('actor_id');
create trigger asset_events_actor before insert on public.asset_events
  for each row execute function app_private.actor_is_caller('actor_id');
create trigger assets_actor before insert or update on public.assets
  for each row execute function app_private.actor_is_caller('created_by');
create trigger stat_targets_actor before insert or update on public.stat_targets
  for each row execute function app_private.actor_is_caller('set_by');
create trigger steering_flags_actor before insert or update on public.steering_flags
  for each row execute function app_private.actor_is_caller('proposed_by', 'decided_by');
create trigger steering_meetings_actor before insert or update on public.steering_meetings
  for each row execute function app_private.actor_is_caller('created_by');
create trigger steering_directives_actor before insert or update on public.steering_directives
  for each row execute function app_private.actor_is_caller('issued_by', 'answered_by');
create trigger steering_progress_reports_actor before insert on public.steering_progress_reports
  for each row execute function app_private.actor_is_caller('reported_by');
create trigger steering_coercion_ops_actor before insert or update on public.steering_coercion_ops
  for each row execute function app_private.actor_is_caller('created_by', 'decided_by');
create trigger public_pages_actor before insert or update on public.public_pages
  for each row execute function app_private.actor_is_caller('updated_by');
create trigger public_announcements_actor before insert or update on public.public_announcements
  for each row execute function app_private.actor_is_caller('created_by');

revoke all on function app_private.steering_members_references(), app_private.actor_is_caller()
from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- An asset's rows point only at rows of the same asset (a round's auction
-- contract, a deposit's round) or of the same case (a proceeds line's
-- payment event in the ledger). Checked against the asset the row names.
-- ---------------------------------------------------------------------------
create function app_private.asset_rows_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ref uuid;
begin
  if tg_table_name = 'auction_rounds' then
    if new.contract_id is not null and not exists (
         select 1 from public.auction_contracts c where c.id = new.contract_id and c.asset_id = new.asset_id) then
      raise exception 'Hợp đồng đấu giá (contract_id): không thuộc tài sản này.'
        using errcode = '23514', constraint = 'auction_rounds_contract_of_asset', column = 'contract_id';
    end if;
  elsif tg_table_name = 'auction_deposits' then
    if not exists (select 1 from public.auction_rounds r where r.id = new.round_id and r.asset_id = new.asset_id) then
      raise exception 'Phiên đấu giá (round_id): không thuộc tài sản này.'
        using errcode = '23514', constraint = 'auction_deposits_round_of_asset', column = 'round_id';
    end if;
  elsif tg_table_name = 'asset_proceeds' then
    if new.case_event_id is not null and not exists (
         select 1 from public.case_events e join public.assets a on a.case_id = e.case_id
          where e.id = new.case_event_id and a.id = new.asset_id) then
      raise exception 'Bút toán thanh toán (case_event_id): không thuộc việc thi hành án của tài sản này.'
        using errcode = '23514', constraint = 'asset_proceeds_event_of_case', column = 'case_event_id';
    end if;
  end if;
  return new;
end
$$;
create trigger auction_rounds_references before insert or update of asset_id, contract_id on public.auction_rounds
  for each row execute function app_private.asset_rows_references();
create trigger auction_deposits_references before insert or update of asset_id, round_id on public.auction_deposits
  for each row execute function app_private.asset_rows_references();
create trigger asset_proceeds_references before insert or update of asset_id, case_event_id on public.asset_proceeds
  for each row execute function app_private.asset_rows_references();
revoke all on function app_private.asset_rows_references() from public, anon, authenticated;
