-- Each provincial bureau's public pages and its one-stop desk (docs/domain.md §5, §7):
-- page content and announcements edited by the province's staff, requests filed
-- online by anyone (anon may insert, never read), their status history,
-- attachments, satisfaction ratings, the public list of debtors not yet
-- enforceable (Art. 44a), and one-stop metrics per unit.
--
-- Reading a request from outside the bureau goes only through
-- public.track_service_request(code, phone or ID number): no table grant lets
-- anon read a row, so nobody can browse others' requests.

create type public.request_kind as enum (
  'enforcement_request', 'result_confirmation', 'executor_change',
  'fee_exemption', 'coercion_cost_exemption', 'complaint', 'denunciation'
);
create type public.request_status as enum ('submitted', 'received', 'processing', 'returned', 'rejected');
create type public.request_channel as enum ('online', 'desk');

-- Today in Việt Nam (legal deadlines are counted in local days).
create function app_private.today_vn() returns date
language sql stable set search_path = ''
as $$ select (now() at time zone 'Asia/Ho_Chi_Minh')::date $$;
grant execute on function app_private.today_vn() to anon, authenticated, service_role;

-- Staff who run a unit's one-stop desk: the sub-bureau head and clerks for
-- their sub-bureau, the province head and staff for the whole province.
create function app_private.may_handle_request(p_province uuid, p_unit uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return p_unit = any (app_private.units_for('{subunit_head,clerk}'))
      or p_province = any (app_private.provinces_for('{province_head,province_staff}'));
end
$$;
revoke all on function app_private.may_handle_request(uuid, uuid) from public, anon;
grant execute on function app_private.may_handle_request(uuid, uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- Public page content (one row per province) and announcements
-- ---------------------------------------------------------------------------
create table public.public_pages (
  province_id uuid primary key references public.units (id),
  unit_id uuid not null references public.units (id),
  intro text not null default '' check (char_length(intro) <= 5000),
  contacts text not null default '' check (char_length(contacts) <= 2000),
  desk_hours text not null default '' check (char_length(desk_hours) <= 500),
  procedures_note text not null default '' check (char_length(procedures_note) <= 3000),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint public_pages_province_unit check (unit_id = province_id)
);
create index public_pages_unit_id_idx on public.public_pages (unit_id);
create trigger public_pages_tenant before insert or update of unit_id on public.public_pages
  for each row execute function app_private.set_tenant_from_unit();
create trigger public_pages_touch before update on public.public_pages
  for each row execute function app_private.touch_updated_at();
create trigger public_pages_audit after insert or update or delete on public.public_pages
  for each row execute function app_private.audit_row();

create table public.public_announcements (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  title text not null check (char_length(title) between 2 and 300),
  body text not null default '' check (char_length(body) <= 10000),
  published_on date not null default app_private.today_vn(),
  created_at timestamptz not null default now(),
  created_by uuid
);
create index public_announcements_province_idx on public.public_announcements (province_id, published_on desc);
create index public_announcements_unit_id_idx on public.public_announcements (unit_id);
create trigger public_announcements_tenant before insert or update of unit_id on public.public_announcements
  for each row execute function app_private.set_tenant_from_unit();
create trigger public_announcements_audit after insert or update or delete on public.public_announcements
  for each row execute function app_private.audit_row();

alter table public.public_pages enable row level security;
alter table public.public_pages force row level security;
alter table public.public_announcements enable row level security;
alter table public.public_announcements force row level security;

-- Published for everyone; written by the province's head and staff.
create policy public_pages_select on public.public_pages for select to anon, authenticated using (true);
create policy public_pages_insert on public.public_pages for insert to authenticated
  with check (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy public_pages_update on public.public_pages for update to authenticated
  using (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))
  with check (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

create policy public_announcements_select on public.public_announcements for select to anon, authenticated using (true);
create policy public_announcements_insert on public.public_announcements for insert to authenticated
  with check (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy public_announcements_update on public.public_announcements for update to authenticated
  using (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))
  with check (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy public_announcements_delete on public.public_announcements for delete to authenticated
  using (province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

revoke all on public.public_pages, public.public_announcements from anon, authenticated;
grant select on public.public_pages, public.public_announcements to anon, authenticated;
grant insert (province_id, unit_id, intro, contacts, desk_hours, procedures_note, updated_by) on public.public_pages to authenticated;
grant update (intro, contacts, desk_hours, procedures_note, updated_by) on public.public_pages to authenticated;
grant insert (unit_id, title, body, published_on, created_by) on public.public_announcements to authenticated;
grant update (title, body, published_on) on public.public_announcements to authenticated;
grant delete on public.public_announcements to authenticated;

-- ---------------------------------------------------------------------------
-- Requests
-- ---------------------------------------------------------------------------
create table public.service_requests (
  id uuid primary key default gen_random_uuid(),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  kind public.request_kind not null,
  status public.request_status not null default 'submitted',
  channel public.request_channel not null default 'online',
  tracking_code text not null check (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{12}[0-9A-HJKMNP-TV-Z*~$=U]$'),
  idempotency_key uuid not null,
  -- A signed-in creditor's own request; null when filed anonymously.
  requester_id uuid references auth.users (id),
  requester_name text not null check (char_length(requester_name) between 1 and 300),
  requester_id_number text check (requester_id_number ~ '^[0-9A-Za-z./-]{6,30}$'),
  requester_phone text check (char_length(requester_phone) <= 30),
  requester_email text check (char_length(requester_email) <= 254),
  requester_address text check (char_length(requester_address) <= 500),
  -- The second factors that open the status page, normalized by the app (phone digits, ID number).
  factor_keys text[] not null check (cardinality(factor_keys) between 1 and 2),
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object' and pg_column_size(details) <= 16384),
  submitted_at timestamptz not null default now(),
  submitted_on date not null default app_private.today_vn(),
  received_on date,
  due_on date,
  closed_on date,
  result_note text check (char_length(result_note) <= 4000),
  case_id uuid references public.cases (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint service_requests_code_unique unique (tracking_code),
  constraint service_requests_idempotency unique (idempotency_key),
  constraint service_requests_received check (status = 'submitted' or status = 'rejected' or (received_on is not null and due_on is not null)),
  constraint service_requests_closed check ((status in ('returned', 'rejected')) = (closed_on is not null))
);
create index service_requests_province_idx on public.service_requests (province_id, status, submitted_at desc);
create index service_requests_unit_idx on public.service_requests (unit_id, status, submitted_at desc);
create index service_requests_requester_idx on public.service_requests (requester_id) where requester_id is not null;
create index service_requests_case_idx on public.service_requests (case_id) where case_id is not null;
-- Metrics over a period of filing (public.one_stop_metrics).
create index service_requests_submitted_on_idx on public.service_requests (submitted_on, province_id);

-- History of a request: one row per status change, written by trigger alone.
create table public.service_request_events (
  id bigint primary key generated always as identity,
  request_id uuid not null references public.service_requests (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  requester_id uuid,
  from_status public.request_status,
  to_status public.request_status not null,
  note text,
  actor_id uuid,
  at timestamptz not null default clock_timestamp()
);
create index service_request_events_request_idx on public.service_request_events (request_id, id);
create index service_request_events_province_idx on public.service_request_events (province_id);
create index service_request_events_unit_idx on public.service_request_events (unit_id);
create index service_request_events_requester_idx on public.service_request_events (requester_id) where requester_id is not null;

-- Attachments: PDF, PNG or JPEG, 5 MB at most, at most 5 per request. Bytes stay in the
-- database, readable only under the same scope as the request.
create table public.service_request_attachments (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.service_requests (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  requester_id uuid,
  file_name text not null check (char_length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes integer not null check (size_bytes between 1 and 5242880),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  created_at timestamptz not null default now(),
  constraint service_request_attachments_size check (octet_length(content) = size_bytes)
);
create index service_request_attachments_request_idx on public.service_request_attachments (request_id);
create index service_request_attachments_province_idx on public.service_request_attachments (province_id);
create index service_request_attachments_unit_idx on public.service_request_attachments (unit_id);
create index service_request_attachments_requester_idx on public.service_request_attachments (requester_id) where requester_id is not null;

-- Satisfaction: one rating per closed request, through public.rate_service_request only.
create table public.service_ratings (
  request_id uuid primary key references public.service_requests (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  score smallint not null check (score between 1 and 5),
  comment text check (char_length(comment) <= 1000),
  created_at timestamptz not null default now()
);
create index service_ratings_province_idx on public.service_ratings (province_id);
create index service_ratings_unit_idx on public.service_ratings (unit_id);

-- New request: the tenant key from the handling unit; whatever a client sends,
-- a request starts submitted, undated and unlinked.
create function app_private.service_requests_before_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_kind public.unit_kind;
  v_province uuid;
  v_dissolved date;
begin
  select u.kind, u.province_id, u.dissolved_on into v_kind, v_province, v_dissolved from public.units u where u.id = new.unit_id;
  if v_kind is null or v_kind = 'national' or v_dissolved is not null then
    raise exception 'requests go to a current provincial bureau or sub-bureau' using errcode = '23514';
  end if;
  new.province_id := v_province;
  new.status := 'submitted';
  new.received_on := null;
  new.due_on := null;
  new.closed_on := null;
  new.result_note := null;
  new.case_id := null;
  new.version := 1;
  new.submitted_at := now();
  new.submitted_on := app_private.today_vn();
  -- Only desk staff of the unit record a walk-in (desk) request.
  if new.channel = 'desk' and not coalesce(app_private.may_handle_request(v_province, new.unit_id), false) then
    new.channel := 'online';
  end if;
  return new;
end
$$;
create trigger service_requests_before_insert before insert on public.service_requests
  for each row execute function app_private.service_requests_before_insert();

-- Status changes follow the desk's state machine (packages/domain/src/requests/status.ts).
create function app_private.service_requests_before_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if not ((old.status = 'submitted' and new.status in ('received', 'rejected'))
         or (old.status = 'received' and new.status in ('processing', 'returned', 'rejected'))
         or (old.status = 'processing' and new.status in ('returned', 'rejected'))) then
      raise exception 'a request cannot go from % to %', old.status, new.status using errcode = '23514';
    end if;
    if new.status = 'received' then
      new.received_on := coalesce(new.received_on, app_private.today_vn());
    end if;
    if new.status in ('returned', 'rejected') then
      new.closed_on := app_private.today_vn();
      if coalesce(btrim(new.result_note), '') = '' then
        raise exception 'a closed request needs its result or reason' using errcode = '23514';
      end if;
    end if;
  elsif old.status in ('returned', 'rejected') then
    raise exception 'a closed request cannot be changed' using errcode = '23514';
  end if;
  if new.case_id is distinct from old.case_id and new.case_id is not null
     and not exists (select 1 from public.cases c where c.id = new.case_id and c.province_id = old.province_id) then
    raise exception 'the case belongs to another province' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger service_requests_before_update before update on public.service_requests
  for each row execute function app_private.service_requests_before_update();

create function app_private.service_requests_history() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.service_request_events (request_id, province_id, unit_id, requester_id, from_status, to_status, note, actor_id)
    values (new.id, new.province_id, new.unit_id, new.requester_id,
            case when tg_op = 'UPDATE' then old.status end, new.status,
            case when new.status in ('returned', 'rejected') then new.result_note end, auth.uid());
  end if;
  return null;
end
$$;
create trigger service_requests_history after insert or update on public.service_requests
  for each row execute function app_private.service_requests_history();
create trigger service_requests_audit after update or delete on public.service_requests
  for each row execute function app_private.audit_row();

create function app_private.service_request_events_immutable() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'service_request_events is append-only' using errcode = '42501';
end
$$;
create trigger service_request_events_append_only before update or delete on public.service_request_events
  for each row execute function app_private.service_request_events_immutable();

-- Attachments take the request's keys. The public (and a creditor) may attach
-- files only to a request created in the same transaction; desk staff to any
-- open request they handle. The file's first bytes must match its type.
create function app_private.service_request_attachments_before_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_req record;
  v_head bytea := substring(new.content from 1 for 8);
begin
  select r.province_id, r.unit_id, r.requester_id, r.status, (r.xmin = pg_current_xact_id()::xid) as fresh
    into v_req from public.service_requests r where r.id = new.request_id;
  if v_req.province_id is null then
    raise exception 'request % does not exist', new.request_id using errcode = '23503';
  end if;
  if not (v_req.fresh or (app_private.may_handle_request(v_req.province_id, v_req.unit_id)
                          and v_req.status not in ('returned', 'rejected'))) then
    raise exception 'files can be attached only when filing the request' using errcode = '42501';
  end if;
  if (select count(*) from public.service_request_attachments a where a.request_id = new.request_id) >= 5 then
    raise exception 'at most 5 files per request' using errcode = '23514';
  end if;
  if not ((new.content_type = 'application/pdf' and substring(v_head from 1 for 5) = '\x255044462d'::bytea)
       or (new.content_type = 'image/png' and v_head = '\x89504e470d0a1a0a'::bytea)
       or (new.content_type = 'image/jpeg' and substring(v_head from 1 for 3) = '\xffd8ff'::bytea)) then
    raise exception 'file content does not match %', new.content_type using errcode = '23514';
  end if;
  new.province_id := v_req.province_id;
  new.unit_id := v_req.unit_id;
  new.requester_id := v_req.requester_id;
  new.size_bytes := octet_length(new.content);
  new.sha256 := encode(sha256(new.content), 'hex');
  new.created_at := now();
  return new;
end
$$;
create trigger service_request_attachments_before_insert before insert on public.service_request_attachments
  for each row execute function app_private.service_request_attachments_before_insert();

alter table public.service_requests enable row level security;
alter table public.service_requests force row level security;
alter table public.service_request_events enable row level security;
alter table public.service_request_events force row level security;
alter table public.service_request_attachments enable row level security;
alter table public.service_request_attachments force row level security;
alter table public.service_ratings enable row level security;
alter table public.service_ratings force row level security;

-- Requests: the public files (never reads); a creditor files and reads its own;
-- desk staff read and move the requests of their unit or province. The
-- directorate sees the metrics (public.one_stop_metrics), not the rows.
create policy service_requests_insert_anon on public.service_requests for insert to anon
  with check (requester_id is null);
create policy service_requests_insert on public.service_requests for insert to authenticated
  with check (requester_id = (select auth.uid())
              or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy service_requests_select on public.service_requests for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
create policy service_requests_update on public.service_requests for update to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))
  with check (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

create policy service_request_events_select on public.service_request_events for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

create policy service_request_attachments_insert_anon on public.service_request_attachments for insert to anon
  with check (true);
create policy service_request_attachments_insert on public.service_request_attachments for insert to authenticated
  with check (true);
create policy service_request_attachments_select on public.service_request_attachments for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

create policy service_ratings_select on public.service_ratings for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));

revoke all on public.service_requests, public.service_request_events, public.service_request_attachments, public.service_ratings
  from anon, authenticated;
grant insert (id, unit_id, kind, channel, tracking_code, idempotency_key, requester_id, requester_name, requester_id_number,
              requester_phone, requester_email, requester_address, factor_keys, details)
  on public.service_requests to anon, authenticated;
grant select on public.service_requests to authenticated;
grant update (status, received_on, due_on, result_note, case_id, version) on public.service_requests to authenticated;
grant select on public.service_request_events to authenticated;
grant insert (id, request_id, file_name, content_type, size_bytes, sha256, content)
  on public.service_request_attachments to anon, authenticated;
grant select on public.service_request_attachments to authenticated;
grant select on public.service_ratings to authenticated;

-- ---------------------------------------------------------------------------
-- The public's window on its own request: tracking code AND the phone or ID
-- number given when filing. A wrong code and a wrong second factor give the
-- same answer (null), so the function tells nothing about which codes exist.
-- ---------------------------------------------------------------------------
create function public.track_service_request(p_code text, p_factor text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.service_requests;
begin
  if p_code is null or p_factor is null or length(p_code) <> 13 or length(p_factor) not between 1 and 40 then
    return null;
  end if;
  select * into v from public.service_requests r where r.tracking_code = p_code;
  if v.id is null or not (p_factor = any (v.factor_keys)) then
    return null;
  end if;
  return jsonb_build_object(
    'code', v.tracking_code,
    'kind', v.kind,
    'status', v.status,
    'provinceId', v.province_id,
    'unitName', (select u.name from public.units u where u.id = v.unit_id),
    'submittedOn', v.submitted_on,
    'receivedOn', v.received_on,
    'dueOn', v.due_on,
    'closedOn', v.closed_on,
    'resultNote', v.result_note,
    'rated', exists (select 1 from public.service_ratings s where s.request_id = v.id),
    'history', (select coalesce(jsonb_agg(jsonb_build_object('status', e.to_status, 'at', e.at, 'note', e.note) order by e.id), '[]')
                  from public.service_request_events e where e.request_id = v.id));
end
$$;
revoke all on function public.track_service_request(text, text) from public;
grant execute on function public.track_service_request(text, text) to anon, authenticated;

-- A retried submission (same form, same idempotency key) gets its code back,
-- but only with the same second factor.
create function public.service_request_code(p_idempotency_key uuid, p_factor text) returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select r.tracking_code from public.service_requests r
          where r.idempotency_key = p_idempotency_key and p_factor = any (r.factor_keys));
end
$$;
revoke all on function public.service_request_code(uuid, text) from public;
grant execute on function public.service_request_code(uuid, text) to anon, authenticated;

-- Rating after a request is closed: once, with the code and the second factor.
create function public.rate_service_request(p_code text, p_factor text, p_score integer, p_comment text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.service_requests;
begin
  if p_score is null or p_score not between 1 and 5 or char_length(coalesce(p_comment, '')) > 1000 then
    return 'invalid';
  end if;
  select * into v from public.service_requests r where r.tracking_code = p_code;
  if v.id is null or not (p_factor = any (v.factor_keys)) then
    return 'not_found';
  end if;
  if v.status not in ('returned', 'rejected') then
    return 'not_closed';
  end if;
  insert into public.service_ratings (request_id, province_id, unit_id, score, comment)
  values (v.id, v.province_id, v.unit_id, p_score, nullif(btrim(p_comment), ''))
  on conflict (request_id) do nothing;
  return case when found then 'ok' else 'already_rated' end;
end
$$;
revoke all on function public.rate_service_request(text, text, integer, text) from public;
grant execute on function public.rate_service_request(text, text, integer, text) to anon, authenticated;

-- ---------------------------------------------------------------------------
-- Public list of debtors not yet enforceable (Art. 44a): derived from the case
-- projection at each call, so a debtor leaves the list as soon as the case is
-- reclassified, ends or is transferred. Only what the law publishes: name,
-- address, the obligation, the deciding bureau.
-- ---------------------------------------------------------------------------
create function public.public_debtors(p_province uuid, p_query text default null, p_limit integer default 50, p_offset integer default 0)
returns table (debtor_name text, debtor_address text, money_outstanding text, acts text, bureau text, total bigint)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_q text := nullif(btrim(app_private.search_text(left(coalesce(p_query, ''), 100))), '');
  v_pattern text;
begin
  if v_q is not null then
    v_pattern := '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  return query
  select p.full_name, p.address,
         -- Whole đồng, as text: JSON clients (REST) must not round it through a float.
         (select coalesce(sum(o.amount - o.paid), 0)::text from public.case_obligations o
           where o.case_id = c.id and o.kind = 'money'),
         (select string_agg(o.description, '; ' order by o.code) from public.case_obligations o
           where o.case_id = c.id and o.kind = 'act' and o.performed_on is null),
         pu.name,
         count(*) over ()
  from public.cases c
  join public.case_parties p on p.case_id = c.id and p.role = 'debtor'
  join public.units pu on pu.id = c.province_id
  where c.province_id = p_province and c.status = 'not_yet_enforceable'
    and (v_pattern is null or app_private.search_text(p.full_name) like v_pattern)
  -- The party's stored search text starts with the folded name: name order without folding each row again.
  order by p.search_text, c.id, p.id
  limit least(greatest(coalesce(p_limit, 50), 1), 100) offset greatest(coalesce(p_offset, 0), 0);
end
$$;
revoke all on function public.public_debtors(uuid, text, integer, integer) from public;
grant execute on function public.public_debtors(uuid, text, integer, integer) to anon, authenticated;

-- ---------------------------------------------------------------------------
-- One-stop metrics per unit over [p_from, p_to] (by date of filing), for the
-- province and national dashboards and the yearly ranking: received, online
-- share, closed on time / late, still open and overdue, average rating. The
-- scope is the caller's: the directorate every unit, province staff their
-- province, sub-bureau staff their sub-bureau.
-- ---------------------------------------------------------------------------
create function public.one_stop_metrics(p_from date, p_to date)
returns table (unit_id uuid, unit_name text, province_id uuid, received bigint, online bigint,
               closed_on_time bigint, closed_late bigint, open_overdue bigint, open bigint,
               ratings bigint, average_rating numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_national boolean := app_private.is_national();
  v_provinces uuid[] := app_private.provinces_for('{province_head,province_staff}');
  v_units uuid[] := app_private.units_for('{subunit_head,executor,clerk}');
  v_today date := app_private.today_vn();
begin
  return query
  select r.unit_id, u.name, r.province_id,
         count(*),
         count(*) filter (where r.channel = 'online'),
         count(*) filter (where r.closed_on is not null and r.due_on is not null and r.closed_on <= r.due_on),
         count(*) filter (where r.closed_on is not null and r.due_on is not null and r.closed_on > r.due_on),
         count(*) filter (where r.closed_on is null and r.due_on is not null and r.due_on < v_today),
         count(*) filter (where r.closed_on is null),
         count(s.score),
         round(avg(s.score), 2)
  from public.service_requests r
  join public.units u on u.id = r.unit_id
  left join public.service_ratings s on s.request_id = r.id
  where r.submitted_on between p_from and p_to
    and (v_national or r.province_id = any (v_provinces) or r.unit_id = any (v_units))
  group by r.unit_id, u.name, r.province_id
  order by u.name;
end
$$;
revoke all on function public.one_stop_metrics(date, date) from public, anon;
grant execute on function public.one_stop_metrics(date, date) to authenticated;
