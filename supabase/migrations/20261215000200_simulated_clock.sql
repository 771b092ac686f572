-- A simulated "today", for rehearsals and end-to-end tests only.
--
-- The law's longest time limits run for years (a request returned after two years of
-- re-verification with nothing new: Law 106/2025 Art. 38(4)). To rehearse what happens at their end,
-- an app server started with a simulated day (THADS_SIMULATED_TODAY) sends that day with every
-- transaction (the setting thads.today), and app_private.today_vn() — the database's "today" for
-- date bounds, defaults and deadlines — answers with it.
--
-- Honoured only where the database's owner has allowed it (app_private.clock.simulation_allowed,
-- false unless set; no API role may write it). Elsewhere, a client that sets thads.today itself
-- changes nothing: the day is the real day in Việt Nam.
create table app_private.clock (
  id boolean primary key default true check (id),
  simulation_allowed boolean not null default false
);
insert into app_private.clock (id, simulation_allowed) values (true, false);

-- Only the owner reads or writes it (today_vn() reads it as the owner), like the audit chain heads.
alter table app_private.clock enable row level security;
revoke all on app_private.clock from anon, authenticated, service_role;

-- Security definer now (it reads the owner's flag); still granted to anon, authenticated and
-- service_role as before, and it reveals nothing but the day.
create or replace function app_private.today_vn() returns date
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select nullif(current_setting('thads.today', true), '')::date
     from app_private.clock c where c.simulation_allowed),
    (now() at time zone 'Asia/Ho_Chi_Minh')::date)
$$;
