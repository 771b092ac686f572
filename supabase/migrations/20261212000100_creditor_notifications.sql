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
-- them, staff and national administrators included. A revoked link takes the notifications it
-- brought with it. E-mails are sent from an outbox: the service role claims an account's unsent
-- notifications for ten minutes (one digest per account, rows locked and skipped by concurrent
-- workers) and marks them sent once the digest is sent; a failed send is claimed again after the
-- lease, five times at most. An account may turn the e-mails off (profiles.notify_email). The
-- background round runs in one server process at a time (app_private.take_job_lease).

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
  email_claimed_at timestamptz,
  email_attempts smallint not null default 0,
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
  -- From the open cases whose deadline passed in the window (cases_missed_deadline_idx), to their
  -- creditor parties and the accounts standing for them.
  insert into public.notifications (account_id, kind, case_id, payload, dedupe_key)
  select distinct l.account_id, 'deadline_missed'::public.notification_kind, c.id,
         jsonb_build_object('caseNumber', c.case_number, 'deadlineKind', left(c.next_deadline_kind, 60),
                            'dueOn', to_char(c.next_deadline_on, 'YYYY-MM-DD')),
         'deadline:' || c.id || ':' || to_char(c.next_deadline_on, 'YYYY-MM-DD') || ':' || left(coalesce(c.next_deadline_kind, ''), 60)
    from public.cases c
    join public.case_parties p on p.case_id = c.id and p.role = 'creditor' and p.id_number is not null
    join public.creditor_links l on l.id_number = p.id_number and l.revoked_at is null
   where c.next_deadline_on < p_today and c.next_deadline_on >= p_today - 30
     and c.status not in ('completed', 'terminated', 'transferred_out', 'separate_register', 'returned')
     and (c.last_event_on is null or c.last_event_on <= c.next_deadline_on)
  on conflict (account_id, dedupe_key) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
create index cases_missed_deadline_idx on public.cases (next_deadline_on) where next_deadline_on is not null;
revoke all on function app_private.notify_missed_deadlines(date) from public, anon, authenticated;
grant execute on function app_private.notify_missed_deadlines(date) to auth_service;

-- The e-mail outbox: up to p_accounts accounts with unsent notifications not claimed in the last ten
-- minutes, each with its address, its notifications' ids and the newest 50 of them, claimed for ten
-- minutes. Notifications of an account that turned the e-mails off, or that failed five times, are
-- marked done without a send. Concurrent workers skip each other's rows.
create function app_private.claim_notification_emails(p_accounts integer)
  returns table (account_id uuid, email text, total integer, ids uuid[], items jsonb)
  language plpgsql volatile security definer set search_path = ''
as $$
begin
  update public.notifications n set emailed_at = now()
   where n.emailed_at is null
     and (n.email_attempts >= 5 or exists (select 1 from public.profiles p where p.id = n.account_id and not p.notify_email));
  return query
    with picked as (
      select n.id
        from public.notifications n
       where n.emailed_at is null and (n.email_claimed_at is null or n.email_claimed_at < now() - interval '10 minutes')
         and n.account_id in (select distinct o.account_id from public.notifications o
                               where o.emailed_at is null
                                 and (o.email_claimed_at is null or o.email_claimed_at < now() - interval '10 minutes')
                               order by o.account_id limit greatest(1, least(p_accounts, 500)))
       for update skip locked
    ),
    claimed as (
      update public.notifications n set email_claimed_at = now(), email_attempts = n.email_attempts + 1
        from picked p where n.id = p.id
      returning n.id, n.account_id, n.kind, n.case_id, n.request_id, n.payload, n.created_at
    )
    select c.account_id, app_private.auth_user_email(c.account_id), count(*)::integer, array_agg(c.id),
           (select coalesce(jsonb_agg(x.j order by x.created_at desc), '[]')
              from (select jsonb_build_object('kind', t.kind, 'caseId', t.case_id, 'requestId', t.request_id, 'payload', t.payload) as j,
                           t.created_at
                      from claimed t where t.account_id = c.account_id order by t.created_at desc limit 50) x)
      from claimed c
     group by c.account_id;
end
$$;
revoke all on function app_private.claim_notification_emails(integer) from public, anon, authenticated;
grant execute on function app_private.claim_notification_emails(integer) to auth_service;

-- A digest sent (or an account without an address): its notifications are done.
create function app_private.mark_notifications_emailed(p_ids uuid[])
  returns integer language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.notifications set emailed_at = now() where id = any (p_ids) and emailed_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
revoke all on function app_private.mark_notifications_emailed(uuid[]) from public, anon, authenticated;
grant execute on function app_private.mark_notifications_emailed(uuid[]) to auth_service;

-- An account turns the notification e-mails off or on (its own profile row, under its row security).
alter table public.profiles add column notify_email boolean not null default true;
grant update (notify_email) on public.profiles to authenticated;

-- A revoked link takes the notifications it brought: those about cases where the number is a
-- creditor party, and about requests filed with it by someone else.
create function app_private.creditor_link_revoked_notifications() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  if old.revoked_at is null and new.revoked_at is not null then
    delete from public.notifications n
     where n.account_id = old.account_id
       and (n.case_id in (select p.case_id from public.case_parties p where p.id_number = old.id_number and p.role = 'creditor')
            or n.request_id in (select r.id from public.service_requests r
                                 where r.requester_id_number = old.id_number and r.requester_id is distinct from old.account_id));
  end if;
  return null;
end
$$;
revoke all on function app_private.creditor_link_revoked_notifications() from public, anon, authenticated;
create trigger creditor_links_revoked_notifications after update of revoked_at on public.creditor_links
  for each row execute function app_private.creditor_link_revoked_notifications();

-- Background jobs run in one server process at a time: a named lease, taken when free or expired.
create table app_private.job_leases (
  name text primary key check (name ~ '^[a-z_]{1,40}$'),
  holder text not null check (char_length(holder) <= 100),
  until timestamptz not null
);
alter table app_private.job_leases enable row level security;
alter table app_private.job_leases force row level security;

create function app_private.take_job_lease(p_name text, p_holder text, p_seconds integer)
  returns boolean language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_taken integer;
begin
  insert into app_private.job_leases as j (name, holder, until)
  values (p_name, left(p_holder, 100), now() + make_interval(secs => greatest(1, least(p_seconds, 86400))))
  on conflict (name) do update set holder = excluded.holder, until = excluded.until
   where j.until <= now();
  get diagnostics v_taken = row_count;
  return v_taken = 1;
end
$$;
revoke all on function app_private.take_job_lease(text, text, integer) from public, anon, authenticated;
grant execute on function app_private.take_job_lease(text, text, integer) to auth_service;
