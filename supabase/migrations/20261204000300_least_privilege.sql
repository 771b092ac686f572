-- Least privilege for every role the API or the app switches to, and for PUBLIC.
--
-- Until now the grants were whatever the migrations added on top of Supabase's default
-- privileges, which give anon, authenticated and service_role ALL on every new table, function
-- and sequence of schema public. So a signed-in user talking to the database directly could
-- rename or dissolve units, add triggers to them, truncate them, call setval on the audit and
-- ledger sequences, and call every function created after the first explicit revoke.
--
-- This migration revokes everything in the app's schemas (public, app_private), then grants back
-- exactly what the app uses, which packages/db/test/privileges.allow.json lists and
-- packages/db/test/privileges.test.ts compares with the catalog. Row-level security still decides
-- which rows; these grants decide which tables, columns and functions at all.
--
-- Only commands the owner of the objects may run (no superuser): on a Supabase project the
-- migration role is postgres, which owns the app's objects and its own default privileges.

-- ---------------------------------------------------------------------------
-- Default privileges: objects the migration role creates from now on grant nothing, to no one,
-- until a migration grants it. (Supabase, and packages/db/sql/supabase-compat.sql on plain
-- PostgreSQL, grant ALL on new tables, functions and sequences of public to the API roles;
-- PostgreSQL itself gives PUBLIC EXECUTE on every new function.)
-- ---------------------------------------------------------------------------
alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;
alter default privileges in schema public revoke all on functions from anon, authenticated, service_role;
alter default privileges in schema app_private revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema app_private revoke all on sequences from anon, authenticated, service_role;
alter default privileges in schema app_private revoke all on functions from anon, authenticated, service_role;
alter default privileges revoke execute on functions from public;

-- ---------------------------------------------------------------------------
-- Revoke everything in the app's schemas.
-- ---------------------------------------------------------------------------
revoke all on all tables in schema public, app_private
  from public, anon, authenticated, service_role, case_writer, auth_service, authenticator;
revoke all on all sequences in schema public, app_private
  from public, anon, authenticated, service_role, case_writer, auth_service, authenticator;
revoke all on all functions in schema public, app_private
  from public, anon, authenticated, service_role, case_writer, auth_service, authenticator;
revoke create on schema public, app_private
  from public, anon, authenticated, service_role, case_writer, auth_service, authenticator;

-- Units are reference data maintained by migrations and the owner's tools, never through the API.
drop policy if exists units_insert on public.units;
drop policy if exists units_update on public.units;
drop policy if exists units_delete on public.units;

-- ---------------------------------------------------------------------------
-- Schemas. (Policies and column defaults call app_private helpers as the signed-in role;
-- app_private.search_text calls extensions.unaccent.)
-- ---------------------------------------------------------------------------
grant usage on schema public to anon, authenticated, service_role;
grant usage on schema app_private to anon, authenticated, service_role, auth_service;
grant usage on schema extensions to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Tables and columns. Identity columns need no sequence grant, so none is given.
-- ---------------------------------------------------------------------------

-- The public directory and pages.
grant select on public.units, public.public_pages, public.public_announcements to anon, authenticated;

-- People and their roles.
grant select, insert on public.profiles to authenticated;
grant update (full_name, phone, title) on public.profiles to authenticated;
grant select, insert, update, delete on public.memberships to authenticated;

-- The audit trail: read only, written by triggers.
grant select on public.audit_log to authenticated, service_role;

-- Cases and their ledger: read by users, written only as case_writer (ADR 007).
grant select on public.cases, public.judgments, public.case_parties, public.case_obligations, public.case_events
  to authenticated;
grant insert, update on public.cases, public.case_parties, public.case_obligations to case_writer;
grant insert on public.judgments, public.case_events to case_writer;

-- Assets and auctions: the same split.
grant select on public.assets, public.asset_events, public.asset_seizures, public.asset_valuations,
  public.auction_rounds, public.auction_deposits, public.auction_contracts, public.asset_proceeds to authenticated;
grant insert, update on public.assets, public.asset_seizures, public.asset_valuations,
  public.auction_rounds, public.auction_deposits, public.auction_contracts, public.asset_proceeds to case_writer;
grant insert on public.asset_events to case_writer;

-- Statistics: aggregates written by triggers; targets set by users.
grant select on public.stat_daily, public.stat_monthly, public.stat_yearly to authenticated;
grant select, insert, update on public.stat_targets to authenticated;

-- Steering committees.
grant select, insert, delete on public.steering_committees to authenticated;
grant update (name, report_cadence, min_outstanding, open_years, failed_auction_rounds, version)
  on public.steering_committees to authenticated;
grant select, insert, update, delete on public.steering_committee_members to authenticated;
grant select, insert on public.steering_flags to authenticated;
grant update (status, decided_by, decided_on, decision_note, removed_on, removed_reason, version)
  on public.steering_flags to authenticated;
grant select, insert on public.steering_meetings to authenticated;
grant update (held_on, title, minutes, decisions, version) on public.steering_meetings to authenticated;
grant select, insert, update, delete on public.steering_meeting_items to authenticated;
grant select, insert on public.steering_directives to authenticated;
grant update (body, due_on, addressee_unit_id, addressee_user_id, answer, answered_on, answered_by, version,
  revised_on, revision_note) on public.steering_directives to authenticated;
grant select, insert on public.steering_progress_reports to authenticated;
grant select, insert on public.steering_coercion_ops to authenticated;
grant update (planned_on, place, plan, forces, status, decided_by, decided_on, decision_note, executed_on, result, version)
  on public.steering_coercion_ops to authenticated;

-- Public pages and online requests.
grant insert (province_id, unit_id, intro, contacts, desk_hours, procedures_note, updated_by)
  on public.public_pages to authenticated;
grant update (intro, contacts, desk_hours, procedures_note, updated_by) on public.public_pages to authenticated;
grant insert (unit_id, title, body, published_on, created_by) on public.public_announcements to authenticated;
grant update (title, body, published_on) on public.public_announcements to authenticated;
grant delete on public.public_announcements to authenticated;
grant insert (id, unit_id, kind, channel, tracking_code, idempotency_key, requester_id, requester_name,
  requester_id_number, requester_phone, requester_email, requester_address, factor_keys, details)
  on public.service_requests to anon, authenticated;
grant select on public.service_requests to authenticated;
grant update (status, received_on, due_on, result_note, case_id, version) on public.service_requests to authenticated;
grant select on public.service_request_events to authenticated;
grant insert (id, request_id, file_name, content_type, size_bytes, sha256, content)
  on public.service_request_attachments to anon, authenticated;
grant select on public.service_request_attachments to authenticated;
grant select on public.service_ratings to authenticated;

-- Sign-in, sessions and rate limits: the auth service alone.
grant select, insert, update on app_private.sessions to auth_service;
grant select, insert, delete on app_private.login_attempts to auth_service;
grant select, insert, update, delete on app_private.request_limits to auth_service;

-- ---------------------------------------------------------------------------
-- Functions. Trigger functions need no grant (EXECUTE is checked when the trigger is created),
-- nor do functions called only from security-definer functions or by the owner's tools
-- (stat_rebuild, audit_verify, audit_hash).
-- ---------------------------------------------------------------------------

-- RLS helpers called by policies, by queries of the app and by column defaults (today_vn,
-- search_text), as the signed-in user.
grant execute on function
  app_private.has_role(public.app_role[]),
  app_private.is_national(),
  app_private.is_national_admin(),
  app_private.provinces_for(public.app_role[]),
  app_private.units_for(public.app_role[]),
  app_private.steering_committees_for(),
  app_private.steering_case_ids(),
  app_private.search_text(text),
  app_private.today_vn()
to authenticated, service_role;
grant execute on function
  app_private.may_act_on_case(uuid),
  app_private.may_handle_request(uuid, uuid),
  app_private.failed_auction_rounds(uuid),
  app_private.open_transferred_case(uuid)
to authenticated;

-- The day of a request filed by the public (service_requests.received_on's default).
grant execute on function app_private.today_vn() to anon;

-- The API's functions.
grant execute on function
  public.auction_notices(text),
  public.public_debtors(uuid, text, integer, integer),
  public.track_service_request(text, text),
  public.service_request_code(uuid, text),
  public.rate_service_request(text, text, integer, text)
to anon, authenticated;
grant execute on function
  public.one_stop_metrics(date, date),
  public.stat_standing_at(uuid, date)
to authenticated;
