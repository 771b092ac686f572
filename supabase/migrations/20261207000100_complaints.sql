-- Citizen reception, complaints and denunciations (docs/complaints.md).
--
-- reception_sessions   a day the bureau or an office receives citizens (scheduled, ad hoc, the head's own day)
-- complaint_letters    every letter received, by any channel, registered once: its subject case(s),
--                      content, classification, competent level, handler, legal clocks and resolution;
--                      duplicates and letters about the same matter point at the first one
-- complaint_senders    the sender's personal data, kept apart so that it can be read more narrowly
-- complaint_documents  documents attached to a letter (the letter itself, the forwarding letter, decisions)
--
-- Who sees what (packages/db/test/isolation-complaints.test.ts):
--   * a letter: the head and clerks of the unit that received it or handles it, the province's bureau
--     (head and staff), the directorate, the person it is assigned to; a steering committee member
--     for letters about a case flagged to the committee;
--   * the sender's personal data: the same, except steering committee members;
--   * a denunciation, and so its denouncer, is never visible to the person denounced, whatever
--     their role (L106 Art. 108(2)(b): the denouncer may ask that their identity be kept secret).

-- ---------------------------------------------------------------------------
-- Reception sessions.
-- ---------------------------------------------------------------------------
create table public.reception_sessions (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  held_on date not null,
  kind text not null check (kind in ('scheduled', 'ad_hoc', 'head_day')),
  host_id uuid references auth.users (id),
  note text check (char_length(note) <= 2000),
  created_by uuid references auth.users (id),
  created_at timestamptz not null default now()
);
create index reception_sessions_unit_day on public.reception_sessions (unit_id, held_on);
create index reception_sessions_province on public.reception_sessions (province_id, held_on);
create index reception_sessions_host on public.reception_sessions (host_id);
create index reception_sessions_created_by on public.reception_sessions (created_by);
create trigger reception_sessions_tenant before insert or update of unit_id on public.reception_sessions
  for each row execute function app_private.set_tenant_from_unit();

-- ---------------------------------------------------------------------------
-- Letters.
-- ---------------------------------------------------------------------------
create table public.complaint_letters (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references public.units (id),
  -- The unit that received the letter; routing moves it to the handler's unit.
  unit_id uuid not null references public.units (id),
  channel text not null check (channel in ('desk', 'post', 'online', 'forwarded')),
  received_on date not null,
  session_id uuid references public.reception_sessions (id),
  request_id uuid unique references public.service_requests (id),
  tracking_code text not null unique check (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{12}[0-9A-HJKMNP-TV-Z*~$=U]$'),
  idempotency_key uuid not null unique,
  forwarded_by text check (char_length(forwarded_by) <= 300),
  summary text not null check (char_length(summary) between 1 and 300),
  content text not null check (char_length(content) between 1 and 8000),
  case_ids uuid[] not null default '{}' check (cardinality(case_ids) <= 20),
  duplicate_of uuid references public.complaint_letters (id),
  same_matter_as uuid references public.complaint_letters (id),
  -- Classification.
  kind text check (kind in ('complaint', 'denunciation', 'petition', 'not_competent')),
  act_kind text check (act_kind in ('before_coercion', 'account_freeze', 'security_measure', 'coercion', 'after_coercion')),
  actor_level text check (actor_level in ('regional_executor', 'regional_head', 'province_executor', 'province_head')),
  subject_user_id uuid references auth.users (id),
  act_known_on date,
  round smallint not null default 1 check (round in (1, 2)),
  first_letter_id uuid references public.complaint_letters (id),
  first_decision_on date,
  handler_level text check (handler_level in ('regional_head', 'province_head', 'directorate')),
  handler_unit_id uuid references public.units (id),
  handler_id uuid references auth.users (id),
  forward_to text check (char_length(forward_to) <= 300),
  forwarding_letter_no text check (char_length(forwarding_letter_no) <= 100),
  -- Legal clocks, worked out by the domain rules when the letter is classified and accepted.
  limitation_last_day date,
  late boolean not null default false,
  accept_due_on date,
  accepted_on date,
  resolve_due_on date,
  citation text check (char_length(citation) <= 1000),
  -- Resolution.
  resolved_on date,
  outcome text check (outcome in ('upheld', 'partly_upheld', 'rejected', 'withdrawn')),
  decision_no text check (char_length(decision_no) <= 100),
  resolution_note text check (char_length(resolution_note) <= 4000),
  case_effect text not null default 'none' check (case_effect in ('none', 'step_annulled', 'step_redone')),
  case_effect_note text check (char_length(case_effect_note) <= 1000),
  status text not null default 'received'
    check (status in ('received', 'classified', 'accepted', 'resolved', 'forwarded', 'filed')),
  created_by uuid references auth.users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint complaint_letters_classified check ((status = 'received') = (kind is null)),
  constraint complaint_letters_forwarded check (status <> 'forwarded' or (kind = 'not_competent' and forwarding_letter_no is not null)),
  constraint complaint_letters_resolved check ((status = 'resolved') = (outcome is not null and resolved_on is not null)),
  constraint complaint_letters_complaint check (kind is distinct from 'complaint' or (act_kind is not null and actor_level is not null and act_known_on is not null)),
  constraint complaint_letters_second check (round = 1 or first_decision_on is not null),
  constraint complaint_letters_not_self check (duplicate_of is distinct from id and same_matter_as is distinct from id and first_letter_id is distinct from id)
);
create index complaint_letters_unit on public.complaint_letters (unit_id, received_on);
create index complaint_letters_province on public.complaint_letters (province_id, received_on);
create index complaint_letters_handler_unit on public.complaint_letters (handler_unit_id, status);
create index complaint_letters_handler on public.complaint_letters (handler_id);
create index complaint_letters_subject on public.complaint_letters (subject_user_id);
create index complaint_letters_kind on public.complaint_letters (kind, status);
create index complaint_letters_cases on public.complaint_letters using gin (case_ids);
create index complaint_letters_session on public.complaint_letters (session_id);
create index complaint_letters_duplicate_of on public.complaint_letters (duplicate_of);
create index complaint_letters_same_matter on public.complaint_letters (same_matter_as);
create index complaint_letters_first_letter on public.complaint_letters (first_letter_id);
create index complaint_letters_created_by on public.complaint_letters (created_by);
create trigger complaint_letters_tenant before insert or update of unit_id on public.complaint_letters
  for each row execute function app_private.set_tenant_from_unit();

create table public.complaint_senders (
  letter_id uuid primary key references public.complaint_letters (id),
  full_name text not null check (char_length(full_name) between 1 and 300),
  id_number text check (id_number ~ '^[0-9A-Za-z./-]{6,30}$'),
  phone text check (char_length(phone) <= 30),
  address text check (char_length(address) <= 500),
  -- The denouncer asked that their name, address and handwriting be kept secret (L106 Art. 108(2)(b)).
  keep_identity_secret boolean not null default false
);

create table public.complaint_documents (
  id uuid primary key default gen_random_uuid(),
  letter_id uuid not null references public.complaint_letters (id),
  title text not null check (char_length(title) between 1 and 300),
  file_name text not null check (char_length(file_name) between 1 and 255),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  content bytea not null,
  created_by uuid references auth.users (id),
  created_at timestamptz not null default now()
);
create index complaint_documents_letter on public.complaint_documents (letter_id);
create index complaint_documents_created_by on public.complaint_documents (created_by);

-- ---------------------------------------------------------------------------
-- Who reads and writes: named rules.
-- ---------------------------------------------------------------------------

-- Units whose head or clerks register and route letters (the unit's office), as ids.
-- "The handling unit and its superiors": the office of the unit that received or handles
-- the letter, the province's bureau, the directorate.
create function app_private.handles_complaints_of(p_province uuid, p_unit uuid, p_handler_unit uuid) returns boolean
language plpgsql stable set search_path = ''
as $$
begin
  return coalesce(p_unit = any(app_private.unit_office_units()), false)
      or coalesce(p_handler_unit = any(app_private.unit_office_units()), false)
      or coalesce(p_province = any(app_private.province_staff_provinces()), false);
end
$$;

-- The person denounced never reads the denunciation.
create function app_private.is_denounced(p_kind text, p_subject uuid) returns boolean
language plpgsql stable set search_path = ''
as $$
begin
  return coalesce(p_kind = 'denunciation' and p_subject = auth.uid(), false);
end
$$;

alter table public.reception_sessions enable row level security;
alter table public.reception_sessions force row level security;
alter table public.complaint_letters enable row level security;
alter table public.complaint_letters force row level security;
alter table public.complaint_senders enable row level security;
alter table public.complaint_senders force row level security;
alter table public.complaint_documents enable row level security;
alter table public.complaint_documents force row level security;

create policy reception_sessions_select on public.reception_sessions for select to authenticated
  using (unit_id = any ((select app_private.unit_staff_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[])
         or (select app_private.is_national()));
create policy reception_sessions_insert on public.reception_sessions for insert to authenticated
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));
create policy reception_sessions_update on public.reception_sessions for update to authenticated
  using (unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]))
  with check (unit_id = any ((select app_private.unit_office_units())::uuid[])
              or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

create policy complaint_letters_select on public.complaint_letters for select to authenticated
  using (not app_private.is_denounced(kind, subject_user_id)
         and (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id)
              or handler_id = (select auth.uid())
              or (select app_private.is_national())
              or case_ids && (select app_private.steering_case_ids())));
create policy complaint_letters_insert on public.complaint_letters for insert to authenticated
  with check (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id));
create policy complaint_letters_update on public.complaint_letters for update to authenticated
  using (not app_private.is_denounced(kind, subject_user_id)
         and (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id) or handler_id = (select auth.uid())))
  with check (not app_private.is_denounced(kind, subject_user_id)
              and (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id) or handler_id = (select auth.uid())));

-- The sender's data: as the letter (its own policy applies inside), without the steering committees.
create policy complaint_senders_select on public.complaint_senders for select to authenticated
  using (exists (select 1 from public.complaint_letters l
                  where l.id = letter_id
                    and (app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)
                         or l.handler_id = (select auth.uid())
                         or (select app_private.is_national()))));
create policy complaint_senders_insert on public.complaint_senders for insert to authenticated
  with check (exists (select 1 from public.complaint_letters l
                       where l.id = letter_id and app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)));
create policy complaint_senders_update on public.complaint_senders for update to authenticated
  using (exists (select 1 from public.complaint_letters l
                  where l.id = letter_id and app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)))
  with check (exists (select 1 from public.complaint_letters l
                       where l.id = letter_id and app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)));

create policy complaint_documents_select on public.complaint_documents for select to authenticated
  using (exists (select 1 from public.complaint_letters l
                  where l.id = letter_id
                    and (app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)
                         or l.handler_id = (select auth.uid())
                         or (select app_private.is_national()))));
create policy complaint_documents_insert on public.complaint_documents for insert to authenticated
  with check (exists (select 1 from public.complaint_letters l
                       where l.id = letter_id
                         and (app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)
                              or l.handler_id = (select auth.uid()))));

-- ---------------------------------------------------------------------------
-- References a write names (ADR 014): all within the letter's province.
-- ---------------------------------------------------------------------------
create function app_private.complaint_letters_references() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_bad uuid;
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  -- Triggers run in name order: the tenant key is copied from the unit after this one, so read it here.
  select u.province_id into new.province_id from public.units u where u.id = new.unit_id;
  select c into v_bad from unnest(new.case_ids) c
   where not exists (select 1 from public.cases k where k.id = c and k.province_id = new.province_id) limit 1;
  if v_bad is not null then
    raise exception 'Việc thi hành án (case_ids): phải là việc của tỉnh/thành phố nhận đơn.'
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
create trigger complaint_letters_references
  before insert or update of unit_id, province_id, case_ids, request_id, session_id, duplicate_of, same_matter_as, first_letter_id,
                             handler_unit_id, handler_id, subject_user_id
  on public.complaint_letters
  for each row execute function app_private.complaint_letters_references();

create trigger complaint_letters_actor before insert or update on public.complaint_letters
  for each row execute function app_private.actor_is_caller('created_by');
create trigger reception_sessions_actor before insert or update on public.reception_sessions
  for each row execute function app_private.actor_is_caller('created_by');
create trigger complaint_documents_actor before insert on public.complaint_documents
  for each row execute function app_private.actor_is_caller('created_by');

revoke all on function app_private.complaint_letters_references() from public, anon, authenticated;
revoke all on function app_private.handles_complaints_of(uuid, uuid, uuid), app_private.is_denounced(text, uuid) from public, anon;
grant execute on function app_private.handles_complaints_of(uuid, uuid, uuid), app_private.is_denounced(text, uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Grants: read and write through the policies above; nothing is deleted.
-- ---------------------------------------------------------------------------
grant select, insert, update on public.reception_sessions, public.complaint_letters, public.complaint_senders to authenticated;
grant select, insert on public.complaint_documents to authenticated;
