-- Notifications to creditor accounts, in the app and by e-mail.
--
-- A creditor account is told when
--   * a request it filed, or one filed with its linked ID number or tax code, changes status
--     (written by a trigger on the request's history, whoever changes it);
--   * a payment is recorded on a case where it is a linked creditor party (payments dated within
--     the last 30 days: an imported history tells nobody);
--   * a legal deadline of such a case passes with no step taken (a sweep, run by the app's
--     scheduler as the service role, for deadlines passed within the last 30 days).
-- Each event tells each account once (unique account and key), however often the sweep runs.
--
-- The account reads its own notifications and marks them read (row security); nobody else reads
-- them, staff and national administrators included. E-mails are sent from an outbox: the service
-- role claims an account's unsent notifications (one digest per account, rows locked and skipped
-- by concurrent workers), and marks them sent.

create type public.notification_kind as enum ('request_status', 'payment', 'deadline_missed');

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references auth.users (id) on delete cascade,
  kind public.notification_kind not null,
  case_id uuid references public.cases (id),
  request_id uuid references public.service_requests (id),
  payload jsonb not null default '{}' check (jsonb_typeof(payload) = 'object' and pg_column_size(payload) <= 2048),
  dedupe_key text not null check (char_length(dedupe_key) between 1 and 200),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  emailed_at timestamptz,
  constraint notifications_once unique (account_id, dedupe_key),
  constraint notifications_subject check (
    case kind when 'request_status' then request_id is not null else case_id is not null end)
);
create index notifications_account_idx on public.notifications (account_id, created_at desc);
create index notifications_unread_idx on public.notifications (account_id) where read_at is null;
create index notifications_outbox_idx on public.notifications (created_at) where emailed_at is null;
create index notifications_case_idx on public.notifications (case_id);
create index notifications_request_idx on public.notifications (request_id);

alter table public.notifications enable row level security;
alter table public.notifications force row level security;

create policy notifications_select on public.notifications for select to authenticated
  using (account_id = (select auth.uid()));
create policy notifications_mark_read on public.notifications for update to authenticated
  using (account_id = (select auth.uid()))
  with check (account_id = (select auth.uid()));

grant select (id, account_id, kind, case_id, request_id, payload, created_at, read_at) on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;

-- Read is stamped with the time it happens, whatever the client sends; it stays read.
create function app_private.notifications_guard() returns trigger
  language plpgsql set search_path = ''
as $$
begin
  if old.read_at is not null then
    new.read_at := old.read_at;
  elsif new.read_at is not null then
    new.read_at := now();
  end if;
  return new;
end
$$;
revoke all on function app_private.notifications_guard() from public, anon, authenticated;
create trigger notifications_guard before update of read_at on public.notifications
  for each row execute function app_private.notifications_guard();

-- A request's status changed: its filer (signed in) and the account linked to its requester's number.
create function app_private.notify_request_status() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.notifications (account_id, kind, request_id, payload, dedupe_key)
  select a.account_id, 'request_status', e.request_id,
         jsonb_build_object('trackingCode', r.tracking_code, 'requestKind', r.kind, 'from', e.from_status, 'to', e.to_status),
         'request:' || e.id
    from new_events e
    join public.service_requests r on r.id = e.request_id
    cross join lateral (
      select r.requester_id as account_id where r.requester_id is not null
      union
      select l.account_id from public.creditor_links l
       where l.id_number = r.requester_id_number and l.revoked_at is null
    ) a
   where e.from_status is not null and e.from_status is distinct from e.to_status
  on conflict (account_id, dedupe_key) do nothing;
  return null;
end
$$;
revoke all on function app_private.notify_request_status() from public, anon, authenticated;
create trigger service_request_events_notify after insert on public.service_request_events
  referencing new table as new_events for each statement execute function app_private.notify_request_status();

-- A payment on a case: every account linked to one of its creditor parties.
create function app_private.notify_payment() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.notifications (account_id, kind, case_id, payload, dedupe_key)
  select distinct l.account_id, 'payment'::public.notification_kind, e.case_id,
         jsonb_build_object('caseNumber', c.case_number, 'amount', e.payload ->> 'amount',
                            'paidOn', to_char(e.effective_date, 'YYYY-MM-DD')),
         'payment:' || e.id
    from new_events e
    join public.cases c on c.id = e.case_id
    join public.case_parties p on p.case_id = e.case_id and p.role = 'creditor' and p.id_number is not null
    join public.creditor_links l on l.id_number = p.id_number and l.revoked_at is null
   where e.kind = 'payment' and e.effective_date >= app_private.today_vn() - 30
  on conflict (account_id, dedupe_key) do nothing;
  return null;
end
$$;
revoke all on function app_private.notify_payment() from public, anon, authenticated;
create trigger case_events_notify after insert on public.case_events
  referencing new table as new_events for each statement execute function app_private.notify_payment();

-- The sweep: deadlines of linked creditors' open cases that passed (before p_today, within 30 days)
-- with no step since. Returns how many notifications it wrote; running it again writes none.
create function app_private.notify_missed_deadlines(p_today date)
  returns integer language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  insert into public.notifications (account_id, kind, case_id, payload, dedupe_key)
  select distinct l.account_id, 'deadline_missed'::public.notification_kind, c.id,
         jsonb_build_object('caseNumber', c.case_number, 'deadlineKind', c.next_deadline_kind,
                            'dueOn', to_char(c.next_deadline_on, 'YYYY-MM-DD')),
         'deadline:' || c.id || ':' || to_char(c.next_deadline_on, 'YYYY-MM-DD') || ':' || coalesce(c.next_deadline_kind, '')
    from public.creditor_links l
    join public.case_parties p on p.id_number = l.id_number and p.role = 'creditor'
    join public.cases c on c.id = p.case_id
   where l.revoked_at is null
     and c.next_deadline_on < p_today and c.next_deadline_on >= p_today - 30
     and c.status not in ('completed', 'terminated', 'transferred_out', 'separate_register', 'returned')
     and (c.last_event_on is null or c.last_event_on <= c.next_deadline_on)
  on conflict (account_id, dedupe_key) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
revoke all on function app_private.notify_missed_deadlines(date) from public, anon, authenticated;
grant execute on function app_private.notify_missed_deadlines(date) to auth_service;

-- The e-mail outbox: up to p_accounts accounts with unsent notifications, each with its address
-- and its unsent notifications (newest first, at most 50 listed, all counted), marked sent.
-- Concurrent workers skip each other's rows.
create function app_private.claim_notification_emails(p_accounts integer)
  returns table (account_id uuid, email text, total integer, items jsonb)
  language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
    with picked as (
      select n.id, n.account_id
        from public.notifications n
       where n.emailed_at is null
         and n.account_id in (select distinct o.account_id from public.notifications o
                               where o.emailed_at is null order by o.account_id limit greatest(1, least(p_accounts, 500)))
       for update skip locked
    ),
    sent as (
      update public.notifications n set emailed_at = now()
        from picked p where n.id = p.id
      returning n.account_id, n.kind, n.case_id, n.request_id, n.payload, n.created_at
    )
    select s.account_id, app_private.auth_user_email(s.account_id), count(*)::integer,
           (select coalesce(jsonb_agg(x.j order by x.created_at desc), '[]')
              from (select jsonb_build_object('kind', t.kind, 'caseId', t.case_id, 'requestId', t.request_id, 'payload', t.payload) as j,
                           t.created_at
                      from sent t where t.account_id = s.account_id order by t.created_at desc limit 50) x)
      from sent s
     group by s.account_id;
end
$$;
revoke all on function app_private.claim_notification_emails(integer) from public, anon, authenticated;
grant execute on function app_private.claim_notification_emails(integer) to auth_service;
