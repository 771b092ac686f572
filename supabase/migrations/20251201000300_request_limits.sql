-- Rate limits of the public posts (filing, tracking, rating), counted in the database so that every
-- app server behind a balancer counts the same window. One row per bucket and client: a fixed
-- window and its hits, moved forward by the next hit after the window ends. Only the auth service
-- (the app's service path, as for sign-in throttling) reads or writes it: a client of the REST API
-- cannot spend someone else's allowance.

create table app_private.request_limits (
  bucket text not null check (bucket in ('submit', 'track', 'rate')),
  client text not null check (char_length(client) between 1 and 200),
  window_start timestamptz not null,
  hits integer not null check (hits >= 1),
  primary key (bucket, client)
);
create index request_limits_window_start_idx on app_private.request_limits (window_start);

alter table app_private.request_limits enable row level security;
alter table app_private.request_limits force row level security;
create policy request_limits_auth_service on app_private.request_limits for all to auth_service using (true) with check (true);
grant select, insert, update, delete on app_private.request_limits to auth_service;
