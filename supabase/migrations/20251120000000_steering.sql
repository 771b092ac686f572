-- Steering committees (Ban Chỉ đạo THADS): committees and their members, the
-- list of flagged major cases, meetings with an agenda, directives with an
-- answer, periodic progress reports and coercion operations.
--
-- Who sees what (docs/domain.md §5):
--   * a committee member sees the flagged (accepted) cases of their own
--     committees, read-only, plus those committees' meetings, directives,
--     reports and operations, and nothing of any other committee;
--   * the directorate sees every committee and its list;
--   * bureau staff see the flags, directives, reports and operations of their
--     own tenant (sub-bureau staff: of their own sub-bureau), propose cases,
--     answer directives addressed to them, post reports and plan operations.
-- Committee membership counts only for users who also hold the steering role.

create type public.steering_committee_kind as enum ('province', 'national_anticorruption', 'ad_hoc');
create type public.steering_member_role as enum ('chair', 'secretary', 'member');
create type public.steering_flag_status as enum ('proposed', 'accepted', 'declined', 'removed');
create type public.steering_report_cadence as enum ('monthly', 'quarterly');
create type public.coercion_status as enum ('planned', 'approved', 'rejected', 'done', 'cancelled');

-- ---------------------------------------------------------------------------
-- Committees. A province committee carries its province as tenant key; the
-- national anti-corruption committee and ad-hoc committees have none.
-- Suggestion thresholds and the report cadence are the committee's settings.
-- ---------------------------------------------------------------------------
create table public.steering_committees (
  id uuid primary key default gen_random_uuid(),
  kind public.steering_committee_kind not null,
  name text not null check (char_length(name) between 3 and 300),
  province_id uuid references public.units (id),
  report_cadence public.steering_report_cadence not null default 'monthly',
  min_outstanding bigint not null default 10000000000 check (min_outstanding >= 0),
  open_years integer not null default 3 check (open_years between 0 and 50),
  failed_auction_rounds integer not null default 3 check (failed_auction_rounds between 0 and 100),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint steering_committees_scope check ((kind = 'province') = (province_id is not null))
);
create index steering_committees_province_id_idx on public.steering_committees (province_id);
create unique index steering_committees_one_national on public.steering_committees (kind) where kind = 'national_anticorruption';

create table public.steering_committee_members (
  id uuid primary key default gen_random_uuid(),
  committee_id uuid not null references public.steering_committees (id) on delete cascade,
  user_id uuid not null references public.profiles (id),
  member_role public.steering_member_role not null default 'member',
  province_id uuid references public.units (id),
  created_at timestamptz not null default now(),
  constraint steering_committee_members_unique unique (committee_id, user_id)
);
create index steering_committee_members_user_id_idx on public.steering_committee_members (user_id);
create index steering_committee_members_province_id_idx on public.steering_committee_members (province_id);
create unique index steering_committee_one_chair on public.steering_committee_members (committee_id) where member_role = 'chair';
create unique index steering_committee_one_secretary on public.steering_committee_members (committee_id) where member_role = 'secretary';

-- Rows of a committee carry the committee's tenant key (null: national).
create function app_private.set_tenant_from_committee() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_found boolean;
begin
  select true, c.province_id into v_found, new.province_id from public.steering_committees c where c.id = new.committee_id;
  if v_found is null then
    raise exception 'committee % does not exist', new.committee_id using errcode = '23503';
  end if;
  return new;
end
$$;
create trigger steering_committee_members_tenant before insert or update of committee_id on public.steering_committee_members
  for each row execute function app_private.set_tenant_from_committee();

-- ---------------------------------------------------------------------------
-- RLS helpers. Cheap for everyone without the steering role: one index probe
-- on memberships, then an empty array.
-- ---------------------------------------------------------------------------
create function app_private.steering_committees_for() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'steering_member') then
    return '{}';
  end if;
  return (select coalesce(array_agg(cm.committee_id), '{}')
          from public.steering_committee_members cm where cm.user_id = auth.uid());
end
$$;

-- ---------------------------------------------------------------------------
-- Flags: a case on a committee's list.
-- ---------------------------------------------------------------------------
create table public.steering_flags (
  id uuid primary key default gen_random_uuid(),
  committee_id uuid not null references public.steering_committees (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  reason text not null check (reason in ('high_value', 'prolonged', 'complex', 'corruption_economic', 'security_order', 'failed_auctions', 'bankruptcy')),
  note text not null check (char_length(note) between 3 and 2000),
  -- What the committee decides on, copied from the case when proposed: a
  -- member does not see the case itself until it is accepted.
  case_number text not null default '',
  debtor_name text not null default '',
  money_due bigint not null default 0,
  status public.steering_flag_status not null default 'proposed',
  proposed_by uuid references public.profiles (id),
  proposed_on date not null default current_date,
  decided_by uuid references public.profiles (id),
  decided_on date,
  decision_note text check (char_length(decision_note) <= 2000),
  removed_on date,
  removed_reason text check (char_length(removed_reason) <= 2000),
  version integer not null default 1,
  idempotency_key uuid unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint steering_flags_removed check ((status = 'removed') = (removed_on is not null and removed_reason is not null))
);
create index steering_flags_committee_id_idx on public.steering_flags (committee_id, status);
create index steering_flags_case_id_idx on public.steering_flags (case_id);
create index steering_flags_province_id_idx on public.steering_flags (province_id);
create index steering_flags_unit_id_idx on public.steering_flags (unit_id);
create unique index steering_flags_one_open on public.steering_flags (committee_id, case_id) where status in ('proposed', 'accepted');
create trigger steering_flags_tenant before insert or update of case_id on public.steering_flags
  for each row execute function app_private.set_tenant_from_case();

-- A committee takes only cases in its scope; the snapshot comes from the case.
create function app_private.steering_flags_scope() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_kind public.steering_committee_kind;
  v_province uuid;
  v_case public.cases;
begin
  select c.kind, c.province_id into v_kind, v_province from public.steering_committees c where c.id = new.committee_id;
  select * into v_case from public.cases c where c.id = new.case_id;
  -- Through the API a flag starts as a proposal; the committee decides.
  if new.status <> 'proposed' and auth.uid() is not null then
    raise exception 'Đề xuất mới phải ở trạng thái chờ Ban Chỉ đạo xem xét.' using errcode = '42501';
  end if;
  if v_kind = 'province' and v_province is distinct from v_case.province_id then
    raise exception 'Việc thi hành án không thuộc địa bàn của Ban Chỉ đạo này.' using errcode = '23514';
  end if;
  if v_kind = 'national_anticorruption' and not v_case.is_corruption then
    raise exception 'Danh sách của Ban Chỉ đạo Trung ương chỉ nhận việc thu hồi tài sản trong án tham nhũng, kinh tế.' using errcode = '23514';
  end if;
  new.case_number := v_case.case_number;
  new.debtor_name := v_case.debtor_name;
  new.money_due := v_case.money_due;
  return new;
end
$$;
create trigger steering_flags_scope before insert on public.steering_flags
  for each row execute function app_private.steering_flags_scope();
create trigger steering_flags_touch before update on public.steering_flags
  for each row execute function app_private.touch_updated_at();

-- Case ids on the accepted lists of the caller's committees.
create function app_private.steering_case_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'steering_member') then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct f.case_id), '{}')
          from public.steering_committee_members cm
          join public.steering_flags f on f.committee_id = cm.committee_id and f.status = 'accepted'
          where cm.user_id = auth.uid());
end
$$;

-- Failed auction rounds of a case. The auction history lives with the assets
-- and auctions module; until it is wired in, no case has any failed round.
create function app_private.failed_auction_rounds(p_case_id uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
begin
  return 0;
end
$$;

-- ---------------------------------------------------------------------------
-- Meetings and their agenda.
-- ---------------------------------------------------------------------------
create table public.steering_meetings (
  id uuid primary key default gen_random_uuid(),
  committee_id uuid not null references public.steering_committees (id),
  province_id uuid references public.units (id),
  held_on date not null,
  title text not null check (char_length(title) between 3 and 300),
  minutes text check (char_length(minutes) <= 20000),
  decisions text check (char_length(decisions) <= 20000),
  created_by uuid references public.profiles (id),
  version integer not null default 1,
  idempotency_key uuid unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index steering_meetings_committee_id_idx on public.steering_meetings (committee_id, held_on desc);
create trigger steering_meetings_tenant before insert or update of committee_id on public.steering_meetings
  for each row execute function app_private.set_tenant_from_committee();
create trigger steering_meetings_touch before update on public.steering_meetings
  for each row execute function app_private.touch_updated_at();

create table public.steering_meeting_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references public.steering_meetings (id) on delete cascade,
  committee_id uuid not null references public.steering_committees (id),
  province_id uuid references public.units (id),
  flag_id uuid not null references public.steering_flags (id),
  position integer not null default 1 check (position between 1 and 500),
  note text check (char_length(note) <= 4000),
  constraint steering_meeting_items_unique unique (meeting_id, flag_id)
);
create index steering_meeting_items_committee_id_idx on public.steering_meeting_items (committee_id);
create index steering_meeting_items_flag_id_idx on public.steering_meeting_items (flag_id);

-- An agenda item belongs to its meeting's committee, and only flags of that committee go on it.
create function app_private.steering_meeting_items_before() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select m.committee_id, m.province_id into new.committee_id, new.province_id from public.steering_meetings m where m.id = new.meeting_id;
  if not exists (select 1 from public.steering_flags f where f.id = new.flag_id and f.committee_id = new.committee_id) then
    raise exception 'Việc đưa vào chương trình họp không thuộc danh sách của Ban Chỉ đạo này.' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger steering_meeting_items_before before insert or update on public.steering_meeting_items
  for each row execute function app_private.steering_meeting_items_before();

-- ---------------------------------------------------------------------------
-- Directives (ý kiến chỉ đạo): to a unit or a person, with a deadline.
-- The tenant key is the addressee's province.
-- ---------------------------------------------------------------------------
create table public.steering_directives (
  id uuid primary key default gen_random_uuid(),
  committee_id uuid not null references public.steering_committees (id),
  meeting_id uuid references public.steering_meetings (id),
  flag_id uuid references public.steering_flags (id),
  case_id uuid references public.cases (id),
  province_id uuid references public.units (id),
  addressee_unit_id uuid references public.units (id),
  addressee_user_id uuid references public.profiles (id),
  body text not null check (char_length(body) between 3 and 4000),
  issued_on date not null,
  due_on date not null,
  issued_by uuid references public.profiles (id),
  answer text check (char_length(answer) <= 4000),
  answered_on date,
  answered_by uuid references public.profiles (id),
  version integer not null default 1,
  idempotency_key uuid unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint steering_directives_addressee check (addressee_unit_id is not null or addressee_user_id is not null),
  constraint steering_directives_deadline check (due_on >= issued_on),
  constraint steering_directives_answer check ((answer is null) = (answered_on is null))
);
create index steering_directives_committee_id_idx on public.steering_directives (committee_id, due_on);
create index steering_directives_province_id_idx on public.steering_directives (province_id);
create index steering_directives_addressee_unit_idx on public.steering_directives (addressee_unit_id, due_on);
create index steering_directives_addressee_user_idx on public.steering_directives (addressee_user_id);
create index steering_directives_flag_id_idx on public.steering_directives (flag_id);
create index steering_directives_case_id_idx on public.steering_directives (case_id);

create function app_private.steering_directives_before() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_member boolean;
begin
  v_member := new.committee_id = any (app_private.steering_committees_for()) or app_private.is_national_admin();
  if tg_op = 'INSERT' then
    if new.flag_id is not null then
      select f.case_id into new.case_id from public.steering_flags f
       where f.id = new.flag_id and f.committee_id = new.committee_id and f.status = 'accepted';
      if new.case_id is null then
        raise exception 'Ý kiến chỉ đạo chỉ gắn được với việc đang trong danh sách theo dõi của Ban Chỉ đạo này.' using errcode = '23514';
      end if;
    end if;
  else
    -- The addressee answers; only the committee changes what was directed.
    if not v_member and (new.body is distinct from old.body or new.due_on is distinct from old.due_on
        or new.issued_on is distinct from old.issued_on or new.addressee_unit_id is distinct from old.addressee_unit_id
        or new.addressee_user_id is distinct from old.addressee_user_id or new.committee_id is distinct from old.committee_id
        or new.flag_id is distinct from old.flag_id or new.meeting_id is distinct from old.meeting_id) then
      raise exception 'Chỉ Ban Chỉ đạo được sửa nội dung, người nhận hoặc thời hạn của ý kiến chỉ đạo.' using errcode = '42501';
    end if;
    new.case_id := old.case_id;
    new.updated_at := now();
  end if;
  if new.addressee_unit_id is not null then
    select u.province_id into new.province_id from public.units u where u.id = new.addressee_unit_id;
  else
    select p.province_id into new.province_id from public.profiles p where p.id = new.addressee_user_id;
  end if;
  return new;
end
$$;
create trigger steering_directives_before before insert or update on public.steering_directives
  for each row execute function app_private.steering_directives_before();

-- ---------------------------------------------------------------------------
-- Progress reports on a flagged case, one per period (its first day).
-- ---------------------------------------------------------------------------
create table public.steering_progress_reports (
  id uuid primary key default gen_random_uuid(),
  flag_id uuid not null references public.steering_flags (id),
  committee_id uuid not null references public.steering_committees (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  period_start date not null check (extract(day from period_start) = 1),
  body text not null check (char_length(body) between 3 and 8000),
  money_collected bigint not null default 0 check (money_collected >= 0),
  reported_by uuid references public.profiles (id),
  reported_on date not null default current_date,
  idempotency_key uuid unique,
  created_at timestamptz not null default now(),
  constraint steering_progress_reports_period unique (flag_id, period_start)
);
create index steering_progress_reports_committee_id_idx on public.steering_progress_reports (committee_id);
create index steering_progress_reports_province_id_idx on public.steering_progress_reports (province_id);
create index steering_progress_reports_unit_id_idx on public.steering_progress_reports (unit_id);
create index steering_progress_reports_case_id_idx on public.steering_progress_reports (case_id);

create function app_private.steering_reports_before() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select f.committee_id, f.case_id, c.province_id, c.unit_id, c.money_collected
    into new.committee_id, new.case_id, new.province_id, new.unit_id, new.money_collected
    from public.steering_flags f join public.cases c on c.id = f.case_id
   where f.id = new.flag_id and f.status = 'accepted';
  if new.case_id is null then
    raise exception 'Chỉ báo cáo tiến độ được cho việc đang trong danh sách theo dõi.' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger steering_progress_reports_before before insert on public.steering_progress_reports
  for each row execute function app_private.steering_reports_before();
create trigger steering_progress_reports_append_only before update or delete on public.steering_progress_reports
  for each row execute function app_private.audit_log_immutable();

-- ---------------------------------------------------------------------------
-- Coercion operations: planned by the bureau, approved by the committee,
-- result recorded by the bureau.
-- ---------------------------------------------------------------------------
create table public.steering_coercion_ops (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references public.cases (id),
  committee_id uuid not null references public.steering_committees (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  planned_on date not null,
  place text not null check (char_length(place) between 3 and 500),
  plan text not null check (char_length(plan) between 3 and 8000),
  forces jsonb not null default '[]' check (jsonb_typeof(forces) = 'array' and pg_column_size(forces) <= 4096),
  status public.coercion_status not null default 'planned',
  decided_by uuid references public.profiles (id),
  decided_on date,
  decision_note text check (char_length(decision_note) <= 2000),
  executed_on date,
  result text check (char_length(result) <= 8000),
  created_by uuid references public.profiles (id),
  version integer not null default 1,
  idempotency_key uuid unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint steering_coercion_ops_result check ((status = 'done') = (executed_on is not null and result is not null))
);
create index steering_coercion_ops_case_id_idx on public.steering_coercion_ops (case_id, planned_on);
create index steering_coercion_ops_committee_id_idx on public.steering_coercion_ops (committee_id);
create index steering_coercion_ops_province_id_idx on public.steering_coercion_ops (province_id);
create index steering_coercion_ops_unit_id_idx on public.steering_coercion_ops (unit_id);
create index steering_coercion_ops_status_idx on public.steering_coercion_ops (status);
create trigger steering_coercion_ops_tenant before insert or update of case_id on public.steering_coercion_ops
  for each row execute function app_private.set_tenant_from_case();

-- The committee approves or rejects; the bureau plans, cancels and records the result.
create function app_private.steering_coercion_before() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_member boolean := new.committee_id = any (app_private.steering_committees_for());
begin
  if tg_op = 'INSERT' then
    if new.status <> 'planned' then
      raise exception 'Kế hoạch cưỡng chế mới phải ở trạng thái dự kiến.' using errcode = '23514';
    end if;
    if not exists (select 1 from public.steering_flags f
                    where f.committee_id = new.committee_id and f.case_id = new.case_id and f.status = 'accepted') then
      raise exception 'Kế hoạch cưỡng chế chỉ trình được Ban Chỉ đạo đang theo dõi việc này.' using errcode = '23514';
    end if;
    return new;
  end if;
  if new.committee_id is distinct from old.committee_id or new.case_id is distinct from old.case_id then
    raise exception 'Không được chuyển kế hoạch cưỡng chế sang việc hoặc Ban Chỉ đạo khác.' using errcode = '42501';
  end if;
  if (new.status in ('approved', 'rejected') and new.status is distinct from old.status
      or new.decided_by is distinct from old.decided_by or new.decision_note is distinct from old.decision_note) and not v_member then
    raise exception 'Chỉ Ban Chỉ đạo được phê duyệt kế hoạch cưỡng chế.' using errcode = '42501';
  end if;
  if v_member and (new.plan is distinct from old.plan or new.place is distinct from old.place
      or new.planned_on is distinct from old.planned_on or new.forces is distinct from old.forces
      or new.result is distinct from old.result or new.executed_on is distinct from old.executed_on) then
    raise exception 'Ban Chỉ đạo không sửa kế hoạch hoặc kết quả cưỡng chế do cơ quan THADS lập.' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger steering_coercion_before before insert or update on public.steering_coercion_ops
  for each row execute function app_private.steering_coercion_before();

-- ---------------------------------------------------------------------------
-- Audit trail on every table.
-- ---------------------------------------------------------------------------
create trigger steering_committees_audit after insert or update or delete on public.steering_committees
  for each row execute function app_private.audit_row();
create trigger steering_committee_members_audit after insert or update or delete on public.steering_committee_members
  for each row execute function app_private.audit_row();
create trigger steering_flags_audit after insert or update or delete on public.steering_flags
  for each row execute function app_private.audit_row();
create trigger steering_meetings_audit after insert or update or delete on public.steering_meetings
  for each row execute function app_private.audit_row();
create trigger steering_meeting_items_audit after insert or update or delete on public.steering_meeting_items
  for each row execute function app_private.audit_row();
create trigger steering_directives_audit after insert or update or delete on public.steering_directives
  for each row execute function app_private.audit_row();
create trigger steering_progress_reports_audit after insert on public.steering_progress_reports
  for each row execute function app_private.audit_row();
create trigger steering_coercion_ops_audit after insert or update or delete on public.steering_coercion_ops
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- RLS
-- ---------------------------------------------------------------------------
alter table public.steering_committees enable row level security;
alter table public.steering_committees force row level security;
alter table public.steering_committee_members enable row level security;
alter table public.steering_committee_members force row level security;
alter table public.steering_flags enable row level security;
alter table public.steering_flags force row level security;
alter table public.steering_meetings enable row level security;
alter table public.steering_meetings force row level security;
alter table public.steering_meeting_items enable row level security;
alter table public.steering_meeting_items force row level security;
alter table public.steering_directives enable row level security;
alter table public.steering_directives force row level security;
alter table public.steering_progress_reports enable row level security;
alter table public.steering_progress_reports force row level security;
alter table public.steering_coercion_ops enable row level security;
alter table public.steering_coercion_ops force row level security;

-- Committees: the province committee is seen by that province's staff (who
-- propose cases to it); the national and ad-hoc committees by all staff;
-- every committee by its members and the directorate.
create policy steering_committees_select on public.steering_committees for select to authenticated
  using (province_id = any ((select app_private.provinces_for('{subunit_head,executor,clerk,province_head,province_staff}'))::uuid[])
         or (province_id is null and (select app_private.has_role('{subunit_head,executor,clerk,province_head,province_staff}')))
         or id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_committees_insert on public.steering_committees for insert to authenticated
  with check ((select app_private.is_national_admin())
              or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
create policy steering_committees_update on public.steering_committees for update to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
         or id = any ((select app_private.steering_committees_for())::uuid[]))
  with check ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[])
         or id = any ((select app_private.steering_committees_for())::uuid[]));
create policy steering_committees_delete on public.steering_committees for delete to authenticated
  using ((select app_private.is_national_admin()));

create policy steering_committee_members_select on public.steering_committee_members for select to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()));
create policy steering_committee_members_insert on public.steering_committee_members for insert to authenticated
  with check ((select app_private.is_national_admin())
              or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
create policy steering_committee_members_update on public.steering_committee_members for update to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]))
  with check ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));
create policy steering_committee_members_delete on public.steering_committee_members for delete to authenticated
  using ((select app_private.is_national_admin())
         or province_id = any ((select app_private.provinces_for('{province_head}'))::uuid[]));

create policy steering_flags_select on public.steering_flags for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_flags_insert on public.steering_flags for insert to authenticated
  with check (unit_id = any ((select app_private.units_for('{subunit_head}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy steering_flags_update on public.steering_flags for update to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national_admin()))
  with check (committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national_admin()));

create policy steering_meetings_select on public.steering_meetings for select to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_meetings_insert on public.steering_meetings for insert to authenticated
  with check (committee_id = any ((select app_private.steering_committees_for())::uuid[]));
create policy steering_meetings_update on public.steering_meetings for update to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[]))
  with check (committee_id = any ((select app_private.steering_committees_for())::uuid[]));

create policy steering_meeting_items_select on public.steering_meeting_items for select to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_meeting_items_insert on public.steering_meeting_items for insert to authenticated
  with check (committee_id = any ((select app_private.steering_committees_for())::uuid[]));
create policy steering_meeting_items_update on public.steering_meeting_items for update to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[]))
  with check (committee_id = any ((select app_private.steering_committees_for())::uuid[]));
create policy steering_meeting_items_delete on public.steering_meeting_items for delete to authenticated
  using (committee_id = any ((select app_private.steering_committees_for())::uuid[]));

create policy steering_directives_select on public.steering_directives for select to authenticated
  using (addressee_unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or addressee_user_id = (select auth.uid())
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_directives_insert on public.steering_directives for insert to authenticated
  with check (committee_id = any ((select app_private.steering_committees_for())::uuid[]));
create policy steering_directives_update on public.steering_directives for update to authenticated
  using (addressee_unit_id = any ((select app_private.units_for('{subunit_head,province_head,province_staff}'))::uuid[])
         or addressee_user_id = (select auth.uid())
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]))
  with check (addressee_unit_id = any ((select app_private.units_for('{subunit_head,province_head,province_staff}'))::uuid[])
         or addressee_user_id = (select auth.uid())
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]));

create policy steering_progress_reports_select on public.steering_progress_reports for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_progress_reports_insert on public.steering_progress_reports for insert to authenticated
  with check (unit_id = any ((select app_private.units_for('{subunit_head,executor}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

create policy steering_coercion_ops_select on public.steering_coercion_ops for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[])
         or (select app_private.is_national()));
create policy steering_coercion_ops_insert on public.steering_coercion_ops for insert to authenticated
  with check (unit_id = any ((select app_private.units_for('{subunit_head,executor}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy steering_coercion_ops_update on public.steering_coercion_ops for update to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]))
  with check (unit_id = any ((select app_private.units_for('{subunit_head,executor}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or committee_id = any ((select app_private.steering_committees_for())::uuid[]));

-- Committee members read the cases on their lists (and those cases' events,
-- for the timeline): one more term, last in each chain, so that everyone else
-- decides before reaching it, and cheap for anyone without the steering role.
drop policy cases_select on public.cases;
create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national())
         or id = any ((select app_private.steering_case_ids())::uuid[]));
drop policy case_events_select on public.case_events;
create policy case_events_select on public.case_events for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national())
         or case_id = any ((select app_private.steering_case_ids())::uuid[]));

-- ---------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------
revoke all on function app_private.set_tenant_from_committee(), app_private.steering_flags_scope(),
  app_private.steering_meeting_items_before(), app_private.steering_directives_before(),
  app_private.steering_reports_before(), app_private.steering_coercion_before() from public;
revoke all on function app_private.steering_committees_for(), app_private.steering_case_ids(),
  app_private.failed_auction_rounds(uuid) from public;
grant execute on function app_private.steering_committees_for(), app_private.steering_case_ids(),
  app_private.failed_auction_rounds(uuid) to authenticated, service_role;

revoke all on public.steering_committees, public.steering_committee_members, public.steering_flags,
  public.steering_meetings, public.steering_meeting_items, public.steering_directives,
  public.steering_progress_reports, public.steering_coercion_ops from anon, authenticated;
grant select, insert, delete on public.steering_committees to authenticated;
grant update (name, report_cadence, min_outstanding, open_years, failed_auction_rounds, version) on public.steering_committees to authenticated;
grant select, insert, update, delete on public.steering_committee_members to authenticated;
grant select, insert on public.steering_flags to authenticated;
grant update (status, decided_by, decided_on, decision_note, removed_on, removed_reason, version) on public.steering_flags to authenticated;
grant select, insert on public.steering_meetings to authenticated;
grant update (held_on, title, minutes, decisions, version) on public.steering_meetings to authenticated;
grant select, insert, update, delete on public.steering_meeting_items to authenticated;
grant select, insert on public.steering_directives to authenticated;
grant update (body, due_on, addressee_unit_id, addressee_user_id, answer, answered_on, answered_by, version) on public.steering_directives to authenticated;
grant select, insert on public.steering_progress_reports to authenticated;
grant select, insert on public.steering_coercion_ops to authenticated;
grant update (planned_on, place, plan, forces, status, decided_by, decided_on, decision_note, executed_on, result, version)
  on public.steering_coercion_ops to authenticated;
