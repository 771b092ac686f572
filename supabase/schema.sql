-- The schema after all migrations, generated from the catalog by packages/db/src/schema-dump.ts.
-- Do not edit: change a migration in supabase/migrations, then run `npm run db:schema`.
-- (packages/db/test/schema-snapshot.test.ts fails when this file is out of date.)
-- Not meant to be run: the migrations are the way to build a database; this is where
-- the newest definition of each object can be read in one place.

-- ============================================================================
-- Extensions (every one in the database, by name and schema)
-- ============================================================================
create extension if not exists pg_trgm with schema extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists unaccent with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- ============================================================================
-- Schemas
-- ============================================================================
create schema if not exists app_private; -- owner postgres
grant usage on schema app_private to anon;
grant usage on schema app_private to auth_service;
grant usage on schema app_private to authenticated;
grant usage on schema app_private to service_role;
create schema if not exists public; -- owner pg_database_owner
grant usage on schema public to anon;
grant usage on schema public to authenticated;
grant usage, create on schema public to postgres;
grant usage on schema public to public;
grant usage on schema public to service_role;

-- ============================================================================
-- Default privileges of the migration owner (objects it creates from now on)
-- ============================================================================
-- for role postgres: functions grant nothing to anyone but their owner

-- ============================================================================
-- Types
-- ============================================================================
create type public.app_role as enum ('national_admin', 'national_viewer', 'province_head', 'province_staff', 'subunit_head', 'executor', 'clerk', 'steering_member', 'creditor');
create type public.asset_kind as enum ('land_use_right', 'house', 'vehicle', 'machinery', 'shares', 'bank_account', 'other');
create type public.asset_status as enum ('identified', 'seized', 'valued', 'at_auction', 'sold', 'delivered', 'returned', 'handed_to_creditor');
create type public.asset_step_kind as enum ('identification', 'seizure', 'valuation', 'contract', 'round', 'round_result', 'deposit', 'deposit_settlement', 'sale', 'delivery', 'return', 'hand_to_creditor');
create type public.auction_round_result as enum ('scheduled', 'sold', 'no_bidder', 'cancelled', 'buyer_withdrew');
create type public.case_event_kind as enum ('acceptance', 'decision', 'notification', 'verification', 'classification', 'payment', 'act_performed', 'enforcement_action', 'postponement', 'suspension', 'resumption', 'termination', 'completion', 'transfer', 'executor_change', 'register_transfer', 'request_returned', 'register_reopening', 'office_assignment', 'reorganisation', 'intra_province_transfer', 'new_information');
create type public.case_source as enum ('court_transfer', 'creditor_request', 'transfer_in');
create type public.case_status as enum ('accepted', 'decided', 'notified', 'verified', 'enforceable', 'not_yet_enforceable', 'enforcing', 'postponed', 'suspended', 'completed', 'terminated', 'transferred_out', 'separate_register', 'returned');
create type public.coercion_status as enum ('planned', 'approved', 'rejected', 'done', 'cancelled');
create type public.creditor_kind as enum ('citizen', 'company', 'bank');
create type public.creditor_link_channel as enum ('desk', 'verified_channel');
create type public.decision_kind as enum ('ex_officio', 'on_request');
create type public.deposit_outcome as enum ('held', 'refunded', 'forfeited', 'applied');
create type public.judgment_type as enum ('civil', 'criminal', 'administrative', 'family', 'business', 'labour', 'bankruptcy', 'arbitration', 'other');
create type public.notification_kind as enum ('request_status', 'payment', 'deadline_missed');
create type public.obligation_kind as enum ('money', 'act');
create type public.party_kind as enum ('person', 'organization');
create type public.party_role as enum ('creditor', 'debtor', 'related');
create type public.proceeds_rank as enum ('costs', 'secured', 'priority', 'court_fee', 'fine_state', 'insurance', 'other', 'debtor');
create type public.request_channel as enum ('online', 'desk');
create type public.request_kind as enum ('enforcement_request', 'result_confirmation', 'executor_change', 'fee_exemption', 'coercion_cost_exemption', 'complaint', 'denunciation');
create type public.request_status as enum ('submitted', 'received', 'processing', 'returned', 'rejected');
create type public.seizure_kind as enum ('seizure', 'account_freeze');
create type public.steering_committee_kind as enum ('province', 'national_anticorruption', 'ad_hoc');
create type public.steering_flag_status as enum ('proposed', 'accepted', 'declined', 'removed');
create type public.steering_member_role as enum ('chair', 'secretary', 'member');
create type public.steering_report_cadence as enum ('monthly', 'quarterly');
create type public.unit_kind as enum ('national', 'province', 'subunit');

-- ============================================================================
-- Tables
-- ============================================================================

create table app_private.audit_chain_heads (
  chain_key text not null,
  last_id bigint,
  last_hash text default ''::text not null,
  constraint audit_chain_heads_pkey PRIMARY KEY (chain_key)
);
alter table app_private.audit_chain_heads enable row level security;

create table app_private.clock (
  id boolean default true not null,
  simulated_day date,
  constraint clock_pkey PRIMARY KEY (id),
  constraint clock_id_check CHECK (id)
);
alter table app_private.clock enable row level security;

create table app_private.job_leases (
  name text not null,
  holder text not null,
  until timestamp with time zone not null,
  constraint job_leases_pkey PRIMARY KEY (name),
  constraint job_leases_holder_check CHECK ((char_length(holder) <= 100)),
  constraint job_leases_name_check CHECK ((name ~ '^[a-z_]{1,40}$'::text))
);
alter table app_private.job_leases enable row level security;
alter table app_private.job_leases force row level security;

create table app_private.login_attempts (
  id bigint generated always as identity not null,
  key text not null,
  succeeded boolean not null,
  at timestamp with time zone default now() not null,
  constraint login_attempts_pkey PRIMARY KEY (id)
);
alter table app_private.login_attempts enable row level security;
alter table app_private.login_attempts force row level security;
grant select, insert, delete on table app_private.login_attempts to auth_service;

create table app_private.request_limits (
  bucket text not null,
  client text not null,
  window_start timestamp with time zone not null,
  hits integer not null,
  constraint request_limits_pkey PRIMARY KEY (bucket, client),
  constraint request_limits_bucket_check CHECK ((bucket = ANY (ARRAY['submit'::text, 'track'::text, 'rate'::text]))),
  constraint request_limits_client_check CHECK (((char_length(client) >= 1) AND (char_length(client) <= 200))),
  constraint request_limits_hits_check CHECK ((hits >= 1))
);
alter table app_private.request_limits enable row level security;
alter table app_private.request_limits force row level security;
grant select, insert, update, delete on table app_private.request_limits to auth_service;

create table app_private.sessions (
  id uuid default gen_random_uuid() not null,
  token_hash text not null,
  user_id uuid not null,
  created_at timestamp with time zone default now() not null,
  last_seen_at timestamp with time zone default now() not null,
  expires_at timestamp with time zone not null,
  revoked_at timestamp with time zone,
  ip text,
  user_agent text,
  constraint sessions_pkey PRIMARY KEY (id),
  constraint sessions_token_hash_key UNIQUE (token_hash),
  constraint sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
alter table app_private.sessions enable row level security;
alter table app_private.sessions force row level security;
grant select, insert, update on table app_private.sessions to auth_service;

create table public.api_tokens (
  id uuid default gen_random_uuid() not null,
  account_id uuid default auth.uid() not null,
  name text not null,
  token_hash text not null,
  prefix text not null,
  scopes text[] not null,
  created_at timestamp with time zone default now() not null,
  expires_at timestamp with time zone not null,
  revoked_at timestamp with time zone,
  last_used_at timestamp with time zone,
  window_started_at timestamp with time zone,
  window_count integer default 0 not null,
  constraint api_tokens_pkey PRIMARY KEY (id),
  constraint api_tokens_token_hash_key UNIQUE (token_hash),
  constraint api_tokens_expiry CHECK (((expires_at > created_at) AND (expires_at <= (created_at + '366 days'::interval)))),
  constraint api_tokens_name_check CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 100))),
  constraint api_tokens_prefix_check CHECK ((prefix ~ '^[A-Za-z0-9_]{8,20}$'::text)),
  constraint api_tokens_scopes_check CHECK ((((cardinality(scopes) >= 1) AND (cardinality(scopes) <= 3)) AND (scopes <@ ARRAY['cases:read'::text, 'requests:read'::text, 'requests:write'::text]))),
  constraint api_tokens_token_hash_check CHECK ((token_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint api_tokens_account_id_fkey FOREIGN KEY (account_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
alter table public.api_tokens enable row level security;
alter table public.api_tokens force row level security;
grant select (id) on table public.api_tokens to authenticated;
grant select (account_id) on table public.api_tokens to authenticated;
grant select (name), insert (name) on table public.api_tokens to authenticated;
grant insert (token_hash) on table public.api_tokens to authenticated;
grant select (prefix), insert (prefix) on table public.api_tokens to authenticated;
grant select (scopes), insert (scopes) on table public.api_tokens to authenticated;
grant select (created_at) on table public.api_tokens to authenticated;
grant select (expires_at), insert (expires_at) on table public.api_tokens to authenticated;
grant select (revoked_at), update (revoked_at) on table public.api_tokens to authenticated;
grant select (last_used_at) on table public.api_tokens to authenticated;

create table public.asset_events (
  id bigint generated always as identity not null,
  asset_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  kind public.asset_step_kind not null,
  effective_date date not null,
  payload jsonb default '{}'::jsonb not null,
  actor_id uuid,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  constraint asset_events_pkey PRIMARY KEY (id),
  constraint asset_events_idempotency UNIQUE (asset_id, idempotency_key),
  constraint asset_events_effective_date_from_1990 CHECK ((effective_date >= '1990-01-01'::date)),
  constraint asset_events_payload_check CHECK ((pg_column_size(payload) <= 8192)),
  constraint asset_events_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint asset_events_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint asset_events_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint asset_events_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.asset_events enable row level security;
alter table public.asset_events force row level security;
grant select on table public.asset_events to authenticated;
grant insert on table public.asset_events to case_writer;

create table public.asset_proceeds (
  id uuid default gen_random_uuid() not null,
  asset_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  line_no integer not null,
  rank public.proceeds_rank not null,
  obligation_code text,
  claimed bigint,
  amount bigint not null,
  paid_on date not null,
  case_event_id bigint,
  created_at timestamp with time zone default now() not null,
  constraint asset_proceeds_pkey PRIMARY KEY (id),
  constraint asset_proceeds_line UNIQUE (asset_id, line_no),
  constraint asset_proceeds_amount_cap CHECK ((amount <= '10000000000000000'::bigint)),
  constraint asset_proceeds_amount_check CHECK ((amount >= 0)),
  constraint asset_proceeds_claimed_cap CHECK ((claimed <= '1000000000000000000'::bigint)),
  constraint asset_proceeds_claimed_check CHECK ((claimed >= 0)),
  constraint asset_proceeds_line_no_check CHECK ((line_no > 0)),
  constraint asset_proceeds_obligation_code_check CHECK ((obligation_code ~ '^[A-Za-z0-9_-]{1,20}$'::text)),
  constraint asset_proceeds_paid_on_from_1990 CHECK ((paid_on >= '1990-01-01'::date)),
  constraint asset_proceeds_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint asset_proceeds_case_event_id_fkey FOREIGN KEY (case_event_id) REFERENCES public.case_events(id),
  constraint asset_proceeds_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint asset_proceeds_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint asset_proceeds_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.asset_proceeds enable row level security;
alter table public.asset_proceeds force row level security;
grant select on table public.asset_proceeds to authenticated;
grant insert, update on table public.asset_proceeds to case_writer;

create table public.asset_seizures (
  id uuid default gen_random_uuid() not null,
  asset_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  kind public.seizure_kind not null,
  seized_on date not null,
  executor_name text not null,
  minutes_number text,
  bank_name text,
  account_number text,
  frozen_amount bigint,
  note text,
  created_at timestamp with time zone default now() not null,
  constraint asset_seizures_pkey PRIMARY KEY (id),
  constraint asset_seizures_account_number_check CHECK ((account_number ~ '^[0-9A-Za-z-]{4,40}$'::text)),
  constraint asset_seizures_bank_name_check CHECK ((char_length(bank_name) <= 300)),
  constraint asset_seizures_executor_name_check CHECK (((char_length(executor_name) >= 1) AND (char_length(executor_name) <= 200))),
  constraint asset_seizures_freeze CHECK (((kind <> 'account_freeze'::public.seizure_kind) OR ((bank_name IS NOT NULL) AND (account_number IS NOT NULL)))),
  constraint asset_seizures_frozen_amount_cap CHECK ((frozen_amount <= '10000000000000000'::bigint)),
  constraint asset_seizures_frozen_amount_check CHECK ((frozen_amount > 0)),
  constraint asset_seizures_minutes_number_check CHECK ((char_length(minutes_number) <= 100)),
  constraint asset_seizures_note_check CHECK ((char_length(note) <= 1000)),
  constraint asset_seizures_seized_on_from_1990 CHECK ((seized_on >= '1990-01-01'::date)),
  constraint asset_seizures_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint asset_seizures_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint asset_seizures_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint asset_seizures_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.asset_seizures enable row level security;
alter table public.asset_seizures force row level security;
grant select on table public.asset_seizures to authenticated;
grant insert, update on table public.asset_seizures to case_writer;

create table public.asset_valuations (
  id uuid default gen_random_uuid() not null,
  asset_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  appraiser text not null,
  value bigint not null,
  valued_on date not null,
  is_revaluation boolean default false not null,
  note text,
  created_at timestamp with time zone default now() not null,
  constraint asset_valuations_pkey PRIMARY KEY (id),
  constraint asset_valuations_appraiser_check CHECK (((char_length(appraiser) >= 2) AND (char_length(appraiser) <= 300))),
  constraint asset_valuations_note_check CHECK ((char_length(note) <= 1000)),
  constraint asset_valuations_value_cap CHECK ((value <= '10000000000000000'::bigint)),
  constraint asset_valuations_value_check CHECK ((value > 0)),
  constraint asset_valuations_valued_on_from_1990 CHECK ((valued_on >= '1990-01-01'::date)),
  constraint asset_valuations_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint asset_valuations_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint asset_valuations_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint asset_valuations_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.asset_valuations enable row level security;
alter table public.asset_valuations force row level security;
grant select on table public.asset_valuations to authenticated;
grant insert, update on table public.asset_valuations to case_writer;

create table public.assets (
  id uuid default gen_random_uuid() not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  kind public.asset_kind not null,
  description text not null,
  location text,
  ownership_docs text,
  encumbrance_bank text,
  encumbrance_note text,
  status public.asset_status default 'identified'::public.asset_status not null,
  enforcement_costs bigint default 0 not null,
  latest_value bigint,
  current_price bigint,
  rounds_held integer default 0 not null,
  failed_rounds integer default 0 not null,
  next_round_on date,
  sold_price bigint,
  buyer_name text,
  proceeds_paid_on date,
  delivered_on date,
  version integer default 1 not null,
  idempotency_key uuid,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint assets_pkey PRIMARY KEY (id),
  constraint assets_idempotency UNIQUE (case_id, idempotency_key),
  constraint assets_buyer_name_check CHECK ((char_length(buyer_name) <= 300)),
  constraint assets_current_price_cap CHECK ((current_price <= '10000000000000000'::bigint)),
  constraint assets_current_price_check CHECK ((current_price > 0)),
  constraint assets_delivered_on_from_1990 CHECK ((delivered_on >= '1990-01-01'::date)),
  constraint assets_description_check CHECK (((char_length(description) >= 3) AND (char_length(description) <= 1000))),
  constraint assets_encumbrance_bank_check CHECK ((char_length(encumbrance_bank) <= 300)),
  constraint assets_encumbrance_note_check CHECK ((char_length(encumbrance_note) <= 1000)),
  constraint assets_enforcement_costs_cap CHECK ((enforcement_costs <= '10000000000000000'::bigint)),
  constraint assets_enforcement_costs_check CHECK ((enforcement_costs >= 0)),
  constraint assets_failed_rounds_check CHECK ((failed_rounds >= 0)),
  constraint assets_latest_value_cap CHECK ((latest_value <= '10000000000000000'::bigint)),
  constraint assets_latest_value_check CHECK ((latest_value > 0)),
  constraint assets_location_check CHECK ((char_length(location) <= 500)),
  constraint assets_next_round_on_from_1990 CHECK ((next_round_on >= '1990-01-01'::date)),
  constraint assets_ownership_docs_check CHECK ((char_length(ownership_docs) <= 1000)),
  constraint assets_proceeds_paid_on_from_1990 CHECK ((proceeds_paid_on >= '1990-01-01'::date)),
  constraint assets_rounds_held_check CHECK ((rounds_held >= 0)),
  constraint assets_sold_price_cap CHECK ((sold_price <= '10000000000000000'::bigint)),
  constraint assets_sold_price_check CHECK ((sold_price > 0)),
  constraint assets_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint assets_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint assets_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.assets enable row level security;
alter table public.assets force row level security;
grant select on table public.assets to authenticated;
grant insert, update on table public.assets to case_writer;

create table public.auction_contracts (
  id uuid default gen_random_uuid() not null,
  asset_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  organisation text not null,
  contract_number text not null,
  signed_on date not null,
  fee bigint,
  created_at timestamp with time zone default now() not null,
  constraint auction_contracts_pkey PRIMARY KEY (id),
  constraint auction_contracts_contract_number_check CHECK (((char_length(contract_number) >= 1) AND (char_length(contract_number) <= 100))),
  constraint auction_contracts_fee_cap CHECK ((fee <= '10000000000000000'::bigint)),
  constraint auction_contracts_fee_check CHECK ((fee >= 0)),
  constraint auction_contracts_organisation_check CHECK (((char_length(organisation) >= 2) AND (char_length(organisation) <= 300))),
  constraint auction_contracts_signed_on_from_1990 CHECK ((signed_on >= '1990-01-01'::date)),
  constraint auction_contracts_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint auction_contracts_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint auction_contracts_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint auction_contracts_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.auction_contracts enable row level security;
alter table public.auction_contracts force row level security;
grant select on table public.auction_contracts to authenticated;
grant insert, update on table public.auction_contracts to case_writer;

create table public.auction_deposits (
  id uuid default gen_random_uuid() not null,
  asset_id uuid not null,
  round_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  bidder_name text not null,
  amount bigint not null,
  received_on date not null,
  outcome public.deposit_outcome default 'held'::public.deposit_outcome not null,
  situation text,
  settled_on date,
  created_at timestamp with time zone default now() not null,
  constraint auction_deposits_pkey PRIMARY KEY (id),
  constraint auction_deposits_amount_cap CHECK ((amount <= '10000000000000000'::bigint)),
  constraint auction_deposits_amount_check CHECK ((amount > 0)),
  constraint auction_deposits_bidder_name_check CHECK (((char_length(bidder_name) >= 1) AND (char_length(bidder_name) <= 300))),
  constraint auction_deposits_received_on_from_1990 CHECK ((received_on >= '1990-01-01'::date)),
  constraint auction_deposits_settled CHECK (((outcome = 'held'::public.deposit_outcome) = (settled_on IS NULL))),
  constraint auction_deposits_settled_on_from_1990 CHECK ((settled_on >= '1990-01-01'::date)),
  constraint auction_deposits_situation_check CHECK ((char_length(situation) <= 60)),
  constraint auction_deposits_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint auction_deposits_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint auction_deposits_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint auction_deposits_round_id_fkey FOREIGN KEY (round_id) REFERENCES public.auction_rounds(id),
  constraint auction_deposits_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.auction_deposits enable row level security;
alter table public.auction_deposits force row level security;
grant select on table public.auction_deposits to authenticated;
grant insert, update on table public.auction_deposits to case_writer;

create table public.auction_rounds (
  id uuid default gen_random_uuid() not null,
  asset_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  contract_id uuid,
  round_no integer not null,
  announced_on date not null,
  held_on date not null,
  venue text,
  starting_price bigint not null,
  reduction_bp integer default 0 not null,
  result public.auction_round_result default 'scheduled'::public.auction_round_result not null,
  result_on date,
  winning_bid bigint,
  winner_name text,
  created_at timestamp with time zone default now() not null,
  constraint auction_rounds_pkey PRIMARY KEY (id),
  constraint auction_rounds_no UNIQUE (asset_id, round_no),
  constraint auction_rounds_announced_on_from_1990 CHECK ((announced_on >= '1990-01-01'::date)),
  constraint auction_rounds_check CHECK ((winning_bid >= starting_price)),
  constraint auction_rounds_dates CHECK ((held_on >= announced_on)),
  constraint auction_rounds_held_on_from_1990 CHECK ((held_on >= '1990-01-01'::date)),
  constraint auction_rounds_reduction_bp_check CHECK (((reduction_bp >= 0) AND (reduction_bp <= 10000))),
  constraint auction_rounds_result_on_from_1990 CHECK ((result_on >= '1990-01-01'::date)),
  constraint auction_rounds_round_no_check CHECK ((round_no > 0)),
  constraint auction_rounds_sold CHECK ((((result = 'sold'::public.auction_round_result) = (winning_bid IS NOT NULL)) OR (result = 'buyer_withdrew'::public.auction_round_result))),
  constraint auction_rounds_starting_price_cap CHECK ((starting_price <= '10000000000000000'::bigint)),
  constraint auction_rounds_starting_price_check CHECK ((starting_price > 0)),
  constraint auction_rounds_venue_check CHECK ((char_length(venue) <= 500)),
  constraint auction_rounds_winner_name_check CHECK ((char_length(winner_name) <= 300)),
  constraint auction_rounds_winning_bid_cap CHECK ((winning_bid <= '10000000000000000'::bigint)),
  constraint auction_rounds_asset_id_fkey FOREIGN KEY (asset_id) REFERENCES public.assets(id),
  constraint auction_rounds_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint auction_rounds_contract_id_fkey FOREIGN KEY (contract_id) REFERENCES public.auction_contracts(id),
  constraint auction_rounds_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint auction_rounds_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.auction_rounds enable row level security;
alter table public.auction_rounds force row level security;
grant select on table public.auction_rounds to authenticated;
grant insert, update on table public.auction_rounds to case_writer;

create table public.audit_log (
  id bigint generated always as identity not null,
  chain_key text not null,
  province_id uuid,
  unit_id uuid,
  actor_id uuid,
  table_name text not null,
  op text not null,
  row_id text,
  before jsonb,
  after jsonb,
  at timestamp with time zone not null,
  prev_hash text not null,
  hash text not null,
  constraint audit_log_pkey PRIMARY KEY (id),
  constraint audit_log_op_check CHECK ((op = ANY (ARRAY['INSERT'::text, 'UPDATE'::text, 'DELETE'::text])))
);
alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;
grant select on table public.audit_log to authenticated;
grant select on table public.audit_log to service_role;

create table public.case_events (
  id bigint generated always as identity not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  kind public.case_event_kind not null,
  effective_date date not null,
  payload jsonb default '{}'::jsonb not null,
  actor_id uuid,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  constraint case_events_pkey PRIMARY KEY (id),
  constraint case_events_idempotency UNIQUE (case_id, idempotency_key),
  constraint case_events_effective_date_from_1990 CHECK ((effective_date >= '1990-01-01'::date)),
  constraint case_events_entrusting_decision CHECK (((kind <> 'acceptance'::public.case_event_kind) OR (NOT ((payload ? 'entrustingDecisionNumber'::text) OR (payload ? 'entrustingDecisionOn'::text))) OR COALESCE(((payload ? 'fromAgency'::text) AND (jsonb_typeof((payload -> 'entrustingDecisionNumber'::text)) = 'string'::text) AND ((char_length(btrim((payload ->> 'entrustingDecisionNumber'::text))) >= 1) AND (char_length(btrim((payload ->> 'entrustingDecisionNumber'::text))) <= 60)) AND (jsonb_typeof((payload -> 'entrustingDecisionOn'::text)) = 'string'::text) AND
CASE
    WHEN app_private.is_iso_date((payload ->> 'entrustingDecisionOn'::text)) THEN (((payload ->> 'entrustingDecisionOn'::text))::date <= effective_date)
    ELSE false
END), false))),
  constraint case_events_from_agency_name CHECK (((kind <> 'acceptance'::public.case_event_kind) OR (NOT (payload ? 'fromAgency'::text)) OR COALESCE(((jsonb_typeof((payload -> 'fromAgency'::text)) = 'string'::text) AND ((char_length(btrim((payload ->> 'fromAgency'::text))) >= 2) AND (char_length(btrim((payload ->> 'fromAgency'::text))) <= 300)) AND ((payload ->> 'source'::text) = 'transfer_in'::text)), false))),
  constraint case_events_payload_check CHECK ((pg_column_size(payload) <= 8192)),
  constraint case_events_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id)
);
alter table public.case_events enable row level security;
alter table public.case_events force row level security;
grant select on table public.case_events to authenticated;
grant insert (case_id) on table public.case_events to case_writer;
grant insert (kind) on table public.case_events to case_writer;
grant insert (effective_date) on table public.case_events to case_writer;
grant insert (payload) on table public.case_events to case_writer;
grant insert (actor_id) on table public.case_events to case_writer;
grant insert (idempotency_key) on table public.case_events to case_writer;

create table public.case_obligations (
  id uuid default gen_random_uuid() not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  code text not null,
  kind public.obligation_kind not null,
  amount bigint,
  paid bigint default 0 not null,
  description text,
  performed_on date,
  constraint case_obligations_pkey PRIMARY KEY (id),
  constraint case_obligations_code_unique UNIQUE (case_id, code),
  constraint case_obligations_act CHECK (((kind <> 'act'::public.obligation_kind) OR (char_length(description) > 0))),
  constraint case_obligations_amount_cap CHECK ((amount <= '10000000000000000'::bigint)),
  constraint case_obligations_amount_check CHECK ((amount > 0)),
  constraint case_obligations_code_check CHECK ((code ~ '^[A-Za-z0-9_-]{1,20}$'::text)),
  constraint case_obligations_description_check CHECK ((char_length(description) <= 1000)),
  constraint case_obligations_money CHECK ((((kind = 'money'::public.obligation_kind) = (amount IS NOT NULL)) AND ((kind <> 'money'::public.obligation_kind) OR (paid <= amount)))),
  constraint case_obligations_paid_cap CHECK ((paid <= '10000000000000000'::bigint)),
  constraint case_obligations_paid_check CHECK ((paid >= 0)),
  constraint case_obligations_performed_on_from_1990 CHECK ((performed_on >= '1990-01-01'::date)),
  constraint case_obligations_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id)
);
alter table public.case_obligations enable row level security;
alter table public.case_obligations force row level security;
grant select on table public.case_obligations to authenticated;
grant insert, update on table public.case_obligations to case_writer;

create table public.case_parties (
  id uuid default gen_random_uuid() not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  role public.party_role not null,
  kind public.party_kind not null,
  full_name text not null,
  id_number text,
  address text,
  contact text,
  search_text text generated always as (app_private.search_text(((full_name || ' '::text) || COALESCE(id_number, ''::text)))) stored,
  created_at timestamp with time zone default now() not null,
  constraint case_parties_pkey PRIMARY KEY (id),
  constraint case_parties_address_check CHECK ((char_length(address) <= 500)),
  constraint case_parties_contact_check CHECK ((char_length(contact) <= 200)),
  constraint case_parties_full_name_check CHECK (((char_length(full_name) >= 1) AND (char_length(full_name) <= 300))),
  constraint case_parties_id_number_check CHECK ((id_number ~ '^[0-9A-Za-z./-]{6,30}$'::text)),
  constraint case_parties_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id)
);
alter table public.case_parties enable row level security;
alter table public.case_parties force row level security;
grant select on table public.case_parties to authenticated;
grant insert, update on table public.case_parties to case_writer;

create table public.cases (
  id uuid default gen_random_uuid() not null,
  province_id uuid not null,
  unit_id uuid not null,
  case_number text not null,
  accepted_on date not null,
  decision_date date,
  decision_kind public.decision_kind not null,
  judgment_type public.judgment_type not null,
  is_bank_credit boolean default false not null,
  is_corruption boolean default false not null,
  executor_id uuid,
  status public.case_status default 'accepted'::public.case_status not null,
  debtor_name text not null,
  creditor_name text,
  money_due bigint default 0 not null,
  money_collected bigint default 0 not null,
  closed_on date,
  version integer default 1 not null,
  search_text text generated always as (app_private.search_text(((debtor_name || ' '::text) || case_number))) stored,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  judgment_id uuid,
  source public.case_source default 'court_transfer'::public.case_source not null,
  next_deadline_on date,
  next_deadline_kind text,
  last_event_on date,
  transferred_from_case_id uuid,
  transferred_to_province_id uuid,
  transferred_to_agency text,
  constraint cases_pkey PRIMARY KEY (id),
  constraint cases_number_unique UNIQUE (province_id, case_number),
  constraint cases_accepted_on_from_1990 CHECK ((accepted_on >= '1990-01-01'::date)),
  constraint cases_case_number_check CHECK (((char_length(case_number) >= 1) AND (char_length(case_number) <= 60))),
  constraint cases_check CHECK (((money_collected >= 0) AND (money_collected <= money_due))),
  constraint cases_closed_on_from_1990 CHECK ((closed_on >= '1990-01-01'::date)),
  constraint cases_creditor_name_check CHECK ((char_length(creditor_name) <= 300)),
  constraint cases_debtor_name_check CHECK (((char_length(debtor_name) >= 1) AND (char_length(debtor_name) <= 300))),
  constraint cases_decision_date_from_1990 CHECK ((decision_date >= '1990-01-01'::date)),
  constraint cases_last_event_on_from_1990 CHECK ((last_event_on >= '1990-01-01'::date)),
  constraint cases_money_collected_cap CHECK ((money_collected <= '1000000000000000000'::bigint)),
  constraint cases_money_due_cap CHECK ((money_due <= '1000000000000000000'::bigint)),
  constraint cases_money_due_check CHECK ((money_due >= 0)),
  constraint cases_transfer_one_target CHECK (((transferred_to_agency IS NULL) OR (transferred_to_province_id IS NULL))),
  constraint cases_transferred_names_target CHECK (((status <> 'transferred_out'::public.case_status) OR (transferred_to_province_id IS NOT NULL) OR (transferred_to_agency IS NOT NULL))),
  constraint cases_transferred_to_agency_name CHECK (((transferred_to_agency IS NULL) OR ((char_length(btrim(transferred_to_agency)) >= 2) AND (char_length(btrim(transferred_to_agency)) <= 300)))),
  constraint cases_executor_id_fkey FOREIGN KEY (executor_id) REFERENCES public.profiles(id),
  constraint cases_judgment_id_fkey FOREIGN KEY (judgment_id) REFERENCES public.judgments(id),
  constraint cases_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint cases_transferred_from_case_id_fkey FOREIGN KEY (transferred_from_case_id) REFERENCES public.cases(id),
  constraint cases_transferred_to_province_id_fkey FOREIGN KEY (transferred_to_province_id) REFERENCES public.units(id),
  constraint cases_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.cases enable row level security;
alter table public.cases force row level security;
comment on column public.cases.transferred_to_agency is 'The military-region enforcement agency a case was transferred to, as its transfer decision names it (L106 Arts. 17(2), 32(3)(đ), 49).';
grant select on table public.cases to authenticated;
grant insert, update on table public.cases to case_writer;

create table public.complaint_documents (
  id uuid default gen_random_uuid() not null,
  letter_id uuid not null,
  title text not null,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  content bytea not null,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  constraint complaint_documents_pkey PRIMARY KEY (id),
  constraint complaint_documents_content_type_check CHECK ((content_type = ANY (ARRAY['application/pdf'::text, 'image/png'::text, 'image/jpeg'::text]))),
  constraint complaint_documents_file_name_check CHECK (((char_length(file_name) >= 1) AND (char_length(file_name) <= 255))),
  constraint complaint_documents_size_bytes_check CHECK (((size_bytes >= 1) AND (size_bytes <= 10485760))),
  constraint complaint_documents_size_is_content CHECK ((octet_length(content) = size_bytes)),
  constraint complaint_documents_title_check CHECK (((char_length(title) >= 1) AND (char_length(title) <= 300))),
  constraint complaint_documents_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users(id),
  constraint complaint_documents_letter_id_fkey FOREIGN KEY (letter_id) REFERENCES public.complaint_letters(id)
);
alter table public.complaint_documents enable row level security;
alter table public.complaint_documents force row level security;
grant select, insert on table public.complaint_documents to authenticated;

create table public.complaint_letters (
  id uuid default gen_random_uuid() not null,
  province_id uuid not null,
  unit_id uuid not null,
  channel text not null,
  received_on date not null,
  session_id uuid,
  request_id uuid,
  tracking_code text not null,
  idempotency_key uuid not null,
  forwarded_by text,
  summary text not null,
  content text not null,
  case_ids uuid[] default '{}'::uuid[] not null,
  duplicate_of uuid,
  same_matter_as uuid,
  kind text,
  act_kind text,
  actor_level text,
  subject_user_id uuid,
  act_known_on date,
  round smallint default 1 not null,
  first_letter_id uuid,
  first_decision_on date,
  handler_level text,
  handler_unit_id uuid,
  handler_id uuid,
  forward_to text,
  forwarding_letter_no text,
  limitation_last_day date,
  late boolean default false not null,
  accept_due_on date,
  accepted_on date,
  resolve_due_on date,
  citation text,
  resolved_on date,
  outcome text,
  decision_no text,
  resolution_note text,
  case_effect text default 'none'::text not null,
  case_effect_note text,
  status text default 'received'::text not null,
  created_by uuid,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint complaint_letters_pkey PRIMARY KEY (id),
  constraint complaint_letters_idempotency_key_key UNIQUE (idempotency_key),
  constraint complaint_letters_request_id_key UNIQUE (request_id),
  constraint complaint_letters_tracking_code_key UNIQUE (tracking_code),
  constraint complaint_letters_act_kind_check CHECK ((act_kind = ANY (ARRAY['before_coercion'::text, 'account_freeze'::text, 'security_measure'::text, 'coercion'::text, 'after_coercion'::text]))),
  constraint complaint_letters_actor_level_check CHECK ((actor_level = ANY (ARRAY['regional_executor'::text, 'regional_head'::text, 'province_executor'::text, 'province_head'::text]))),
  constraint complaint_letters_case_effect_check CHECK ((case_effect = ANY (ARRAY['none'::text, 'step_annulled'::text, 'step_redone'::text]))),
  constraint complaint_letters_case_effect_note_check CHECK ((char_length(case_effect_note) <= 1000)),
  constraint complaint_letters_case_ids_check CHECK ((cardinality(case_ids) <= 20)),
  constraint complaint_letters_case_ids_not_null CHECK ((array_position(case_ids, NULL::uuid) IS NULL)),
  constraint complaint_letters_channel_check CHECK ((channel = ANY (ARRAY['desk'::text, 'post'::text, 'online'::text, 'forwarded'::text]))),
  constraint complaint_letters_citation_check CHECK ((char_length(citation) <= 1000)),
  constraint complaint_letters_classified CHECK (((status = 'received'::text) = (kind IS NULL))),
  constraint complaint_letters_complaint CHECK (((kind IS DISTINCT FROM 'complaint'::text) OR ((act_kind IS NOT NULL) AND (actor_level IS NOT NULL) AND (act_known_on IS NOT NULL)))),
  constraint complaint_letters_content_check CHECK (((char_length(content) >= 1) AND (char_length(content) <= 8000))),
  constraint complaint_letters_decision_no_check CHECK ((char_length(decision_no) <= 100)),
  constraint complaint_letters_forward_to_check CHECK ((char_length(forward_to) <= 300)),
  constraint complaint_letters_forwarded CHECK (((status <> 'forwarded'::text) OR ((kind = 'not_competent'::text) AND (forwarding_letter_no IS NOT NULL)))),
  constraint complaint_letters_forwarded_by_check CHECK ((char_length(forwarded_by) <= 300)),
  constraint complaint_letters_forwarding_letter_no_check CHECK ((char_length(forwarding_letter_no) <= 100)),
  constraint complaint_letters_handler_level_check CHECK ((handler_level = ANY (ARRAY['regional_head'::text, 'province_head'::text, 'directorate'::text]))),
  constraint complaint_letters_kind_check CHECK ((kind = ANY (ARRAY['complaint'::text, 'denunciation'::text, 'petition'::text, 'not_competent'::text]))),
  constraint complaint_letters_not_self CHECK (((duplicate_of IS DISTINCT FROM id) AND (same_matter_as IS DISTINCT FROM id) AND (first_letter_id IS DISTINCT FROM id))),
  constraint complaint_letters_outcome_check CHECK ((outcome = ANY (ARRAY['upheld'::text, 'partly_upheld'::text, 'rejected'::text, 'withdrawn'::text]))),
  constraint complaint_letters_resolution_note_check CHECK ((char_length(resolution_note) <= 4000)),
  constraint complaint_letters_resolved CHECK (((status = 'resolved'::text) = ((outcome IS NOT NULL) AND (resolved_on IS NOT NULL)))),
  constraint complaint_letters_round_check CHECK ((round = ANY (ARRAY[1, 2]))),
  constraint complaint_letters_second CHECK (((round = 1) OR (first_decision_on IS NOT NULL))),
  constraint complaint_letters_status_check CHECK ((status = ANY (ARRAY['received'::text, 'classified'::text, 'accepted'::text, 'resolved'::text, 'forwarded'::text, 'filed'::text]))),
  constraint complaint_letters_summary_check CHECK (((char_length(summary) >= 1) AND (char_length(summary) <= 300))),
  constraint complaint_letters_tracking_code_check CHECK ((tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{12}[0-9A-HJKMNP-TV-Z*~$=U]$'::text)),
  constraint complaint_letters_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users(id),
  constraint complaint_letters_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES public.complaint_letters(id),
  constraint complaint_letters_first_letter_id_fkey FOREIGN KEY (first_letter_id) REFERENCES public.complaint_letters(id),
  constraint complaint_letters_handler_id_fkey FOREIGN KEY (handler_id) REFERENCES auth.users(id),
  constraint complaint_letters_handler_unit_id_fkey FOREIGN KEY (handler_unit_id) REFERENCES public.units(id),
  constraint complaint_letters_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint complaint_letters_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.service_requests(id),
  constraint complaint_letters_same_matter_as_fkey FOREIGN KEY (same_matter_as) REFERENCES public.complaint_letters(id),
  constraint complaint_letters_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.reception_sessions(id),
  constraint complaint_letters_subject_user_id_fkey FOREIGN KEY (subject_user_id) REFERENCES auth.users(id),
  constraint complaint_letters_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.complaint_letters enable row level security;
alter table public.complaint_letters force row level security;
grant select, insert, update on table public.complaint_letters to authenticated;

create table public.complaint_senders (
  letter_id uuid not null,
  full_name text not null,
  id_number text,
  phone text,
  address text,
  keep_identity_secret boolean default false not null,
  constraint complaint_senders_pkey PRIMARY KEY (letter_id),
  constraint complaint_senders_address_check CHECK ((char_length(address) <= 500)),
  constraint complaint_senders_full_name_check CHECK (((char_length(full_name) >= 1) AND (char_length(full_name) <= 300))),
  constraint complaint_senders_id_number_check CHECK ((id_number ~ '^[0-9A-Za-z./-]{6,30}$'::text)),
  constraint complaint_senders_phone_check CHECK ((char_length(phone) <= 30)),
  constraint complaint_senders_letter_id_fkey FOREIGN KEY (letter_id) REFERENCES public.complaint_letters(id)
);
alter table public.complaint_senders enable row level security;
alter table public.complaint_senders force row level security;
grant select, insert, update on table public.complaint_senders to authenticated;

create table public.creditor_links (
  id uuid default gen_random_uuid() not null,
  account_id uuid not null,
  id_number text not null,
  party_kind public.party_kind not null,
  channel public.creditor_link_channel not null,
  province_id uuid,
  unit_id uuid,
  request_id uuid,
  confirmed_by uuid,
  confirmed_at timestamp with time zone default now() not null,
  revoked_at timestamp with time zone,
  revoked_by uuid,
  revoke_reason text,
  created_at timestamp with time zone default now() not null,
  constraint creditor_links_pkey PRIMARY KEY (id),
  constraint creditor_links_desk CHECK (((channel <> 'desk'::public.creditor_link_channel) OR ((unit_id IS NOT NULL) AND (confirmed_by IS NOT NULL)))),
  constraint creditor_links_id_number_check CHECK ((id_number ~ '^[0-9A-Za-z./-]{6,30}$'::text)),
  constraint creditor_links_revoke_reason_check CHECK ((char_length(revoke_reason) <= 500)),
  constraint creditor_links_revoked CHECK (((revoked_at IS NULL) = (revoked_by IS NULL))),
  constraint creditor_links_account_id_fkey FOREIGN KEY (account_id) REFERENCES auth.users(id),
  constraint creditor_links_confirmed_by_fkey FOREIGN KEY (confirmed_by) REFERENCES auth.users(id),
  constraint creditor_links_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint creditor_links_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.service_requests(id),
  constraint creditor_links_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES auth.users(id),
  constraint creditor_links_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.creditor_links enable row level security;
alter table public.creditor_links force row level security;
grant select on table public.creditor_links to authenticated;

create table public.judgments (
  id uuid default gen_random_uuid() not null,
  province_id uuid not null,
  unit_id uuid not null,
  court_name text not null,
  judgment_number text not null,
  judgment_date date not null,
  judgment_type public.judgment_type not null,
  created_at timestamp with time zone default now() not null,
  constraint judgments_pkey PRIMARY KEY (id),
  constraint judgments_unique UNIQUE (province_id, court_name, judgment_number),
  constraint judgments_court_name_check CHECK (((char_length(court_name) >= 2) AND (char_length(court_name) <= 300))),
  constraint judgments_judgment_date_from_1990 CHECK ((judgment_date >= '1990-01-01'::date)),
  constraint judgments_judgment_number_check CHECK (((char_length(judgment_number) >= 1) AND (char_length(judgment_number) <= 100))),
  constraint judgments_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint judgments_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.judgments enable row level security;
alter table public.judgments force row level security;
grant select on table public.judgments to authenticated;
grant insert on table public.judgments to case_writer;

create table public.memberships (
  id uuid default gen_random_uuid() not null,
  user_id uuid not null,
  unit_id uuid,
  province_id uuid,
  role public.app_role not null,
  created_at timestamp with time zone default now() not null,
  constraint memberships_pkey PRIMARY KEY (id),
  constraint memberships_unique UNIQUE NULLS NOT DISTINCT (user_id, unit_id, role),
  constraint memberships_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint memberships_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id),
  constraint memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
alter table public.memberships enable row level security;
alter table public.memberships force row level security;
grant select, insert, update, delete on table public.memberships to authenticated;

create table public.notifications (
  id uuid default gen_random_uuid() not null,
  account_id uuid not null,
  kind public.notification_kind not null,
  case_id uuid,
  request_id uuid,
  payload jsonb default '{}'::jsonb not null,
  dedupe_key text not null,
  created_at timestamp with time zone default now() not null,
  read_at timestamp with time zone,
  emailed_at timestamp with time zone,
  email_claimed_at timestamp with time zone,
  email_attempts smallint default 0 not null,
  constraint notifications_pkey PRIMARY KEY (id),
  constraint notifications_once UNIQUE (account_id, dedupe_key),
  constraint notifications_dedupe_key_check CHECK (((char_length(dedupe_key) >= 1) AND (char_length(dedupe_key) <= 200))),
  constraint notifications_payload_check CHECK (((jsonb_typeof(payload) = 'object'::text) AND (pg_column_size(payload) <= 2048))),
  constraint notifications_subject CHECK (
CASE kind
    WHEN 'request_status'::public.notification_kind THEN (request_id IS NOT NULL)
    ELSE (case_id IS NOT NULL)
END),
  constraint notifications_account_id_fkey FOREIGN KEY (account_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint notifications_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint notifications_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.service_requests(id)
);
alter table public.notifications enable row level security;
alter table public.notifications force row level security;
grant select (id) on table public.notifications to authenticated;
grant select (account_id) on table public.notifications to authenticated;
grant select (kind) on table public.notifications to authenticated;
grant select (case_id) on table public.notifications to authenticated;
grant select (request_id) on table public.notifications to authenticated;
grant select (payload) on table public.notifications to authenticated;
grant select (created_at) on table public.notifications to authenticated;
grant select (read_at), update (read_at) on table public.notifications to authenticated;

create table public.profiles (
  id uuid not null,
  full_name text not null,
  email text not null,
  phone text,
  title text,
  unit_id uuid,
  province_id uuid,
  creditor_kind public.creditor_kind,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  notify_email boolean default true not null,
  constraint profiles_pkey PRIMARY KEY (id),
  constraint profiles_email_check CHECK ((char_length(email) <= 254)),
  constraint profiles_full_name_check CHECK (((char_length(full_name) >= 1) AND (char_length(full_name) <= 200))),
  constraint profiles_phone_check CHECK ((char_length(phone) <= 50)),
  constraint profiles_staff_or_creditor CHECK (((unit_id IS NULL) = (creditor_kind IS NOT NULL))),
  constraint profiles_title_check CHECK ((char_length(title) <= 200)),
  constraint profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint profiles_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint profiles_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.profiles enable row level security;
alter table public.profiles force row level security;
grant select, insert on table public.profiles to authenticated;
grant update (full_name) on table public.profiles to authenticated;
grant update (phone) on table public.profiles to authenticated;
grant update (title) on table public.profiles to authenticated;
grant update (notify_email) on table public.profiles to authenticated;

create table public.public_announcements (
  id uuid default gen_random_uuid() not null,
  province_id uuid not null,
  unit_id uuid not null,
  title text not null,
  body text default ''::text not null,
  published_on date default app_private.today_vn() not null,
  created_at timestamp with time zone default now() not null,
  created_by uuid,
  constraint public_announcements_pkey PRIMARY KEY (id),
  constraint public_announcements_body_check CHECK ((char_length(body) <= 10000)),
  constraint public_announcements_title_check CHECK (((char_length(title) >= 2) AND (char_length(title) <= 300))),
  constraint public_announcements_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint public_announcements_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.public_announcements enable row level security;
alter table public.public_announcements force row level security;
grant select on table public.public_announcements to anon;
grant select, delete on table public.public_announcements to authenticated;
grant insert (unit_id) on table public.public_announcements to authenticated;
grant insert (title), update (title) on table public.public_announcements to authenticated;
grant insert (body), update (body) on table public.public_announcements to authenticated;
grant insert (published_on), update (published_on) on table public.public_announcements to authenticated;
grant insert (created_by) on table public.public_announcements to authenticated;

create table public.public_pages (
  province_id uuid not null,
  unit_id uuid not null,
  intro text default ''::text not null,
  contacts text default ''::text not null,
  desk_hours text default ''::text not null,
  procedures_note text default ''::text not null,
  updated_at timestamp with time zone default now() not null,
  updated_by uuid,
  constraint public_pages_pkey PRIMARY KEY (province_id),
  constraint public_pages_contacts_check CHECK ((char_length(contacts) <= 2000)),
  constraint public_pages_desk_hours_check CHECK ((char_length(desk_hours) <= 500)),
  constraint public_pages_intro_check CHECK ((char_length(intro) <= 5000)),
  constraint public_pages_procedures_note_check CHECK ((char_length(procedures_note) <= 3000)),
  constraint public_pages_province_unit CHECK ((unit_id = province_id)),
  constraint public_pages_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint public_pages_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.public_pages enable row level security;
alter table public.public_pages force row level security;
grant select on table public.public_pages to anon;
grant select on table public.public_pages to authenticated;
grant insert (province_id) on table public.public_pages to authenticated;
grant insert (unit_id) on table public.public_pages to authenticated;
grant insert (intro), update (intro) on table public.public_pages to authenticated;
grant insert (contacts), update (contacts) on table public.public_pages to authenticated;
grant insert (desk_hours), update (desk_hours) on table public.public_pages to authenticated;
grant insert (procedures_note), update (procedures_note) on table public.public_pages to authenticated;
grant insert (updated_by), update (updated_by) on table public.public_pages to authenticated;

create table public.reception_sessions (
  id uuid default gen_random_uuid() not null,
  province_id uuid not null,
  unit_id uuid not null,
  held_on date not null,
  kind text not null,
  host_id uuid,
  note text,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  citizens integer default 0 not null,
  idempotency_key uuid,
  constraint reception_sessions_pkey PRIMARY KEY (id),
  constraint reception_sessions_idempotency_key_key UNIQUE (idempotency_key),
  constraint reception_sessions_citizens_check CHECK (((citizens >= 0) AND (citizens <= 10000))),
  constraint reception_sessions_kind_check CHECK ((kind = ANY (ARRAY['scheduled'::text, 'ad_hoc'::text, 'head_day'::text]))),
  constraint reception_sessions_note_check CHECK ((char_length(note) <= 2000)),
  constraint reception_sessions_created_by_fkey FOREIGN KEY (created_by) REFERENCES auth.users(id),
  constraint reception_sessions_host_id_fkey FOREIGN KEY (host_id) REFERENCES auth.users(id),
  constraint reception_sessions_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint reception_sessions_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.reception_sessions enable row level security;
alter table public.reception_sessions force row level security;
grant select, insert, update on table public.reception_sessions to authenticated;

create table public.service_ratings (
  request_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  score smallint not null,
  comment text,
  created_at timestamp with time zone default now() not null,
  constraint service_ratings_pkey PRIMARY KEY (request_id),
  constraint service_ratings_comment_check CHECK ((char_length(comment) <= 1000)),
  constraint service_ratings_score_check CHECK (((score >= 1) AND (score <= 5))),
  constraint service_ratings_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint service_ratings_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.service_requests(id),
  constraint service_ratings_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.service_ratings enable row level security;
alter table public.service_ratings force row level security;
grant select on table public.service_ratings to authenticated;

create table public.service_request_attachments (
  id uuid default gen_random_uuid() not null,
  request_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  requester_id uuid,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamp with time zone default now() not null,
  constraint service_request_attachments_pkey PRIMARY KEY (id),
  constraint service_request_attachments_content_type_check CHECK ((content_type = ANY (ARRAY['application/pdf'::text, 'image/png'::text, 'image/jpeg'::text]))),
  constraint service_request_attachments_file_name_check CHECK (((char_length(file_name) >= 1) AND (char_length(file_name) <= 200))),
  constraint service_request_attachments_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint service_request_attachments_size CHECK ((octet_length(content) = size_bytes)),
  constraint service_request_attachments_size_bytes_check CHECK (((size_bytes >= 1) AND (size_bytes <= 5242880))),
  constraint service_request_attachments_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint service_request_attachments_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.service_requests(id),
  constraint service_request_attachments_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.service_request_attachments enable row level security;
alter table public.service_request_attachments force row level security;
grant select on table public.service_request_attachments to authenticated;
grant insert (id) on table public.service_request_attachments to anon;
grant insert (id) on table public.service_request_attachments to authenticated;
grant insert (request_id) on table public.service_request_attachments to anon;
grant insert (request_id) on table public.service_request_attachments to authenticated;
grant insert (file_name) on table public.service_request_attachments to anon;
grant insert (file_name) on table public.service_request_attachments to authenticated;
grant insert (content_type) on table public.service_request_attachments to anon;
grant insert (content_type) on table public.service_request_attachments to authenticated;
grant insert (size_bytes) on table public.service_request_attachments to anon;
grant insert (size_bytes) on table public.service_request_attachments to authenticated;
grant insert (sha256) on table public.service_request_attachments to anon;
grant insert (sha256) on table public.service_request_attachments to authenticated;
grant insert (content) on table public.service_request_attachments to anon;
grant insert (content) on table public.service_request_attachments to authenticated;

create table public.service_request_events (
  id bigint generated always as identity not null,
  request_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  requester_id uuid,
  from_status public.request_status,
  to_status public.request_status not null,
  note text,
  actor_id uuid,
  at timestamp with time zone default clock_timestamp() not null,
  constraint service_request_events_pkey PRIMARY KEY (id),
  constraint service_request_events_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint service_request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.service_requests(id),
  constraint service_request_events_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.service_request_events enable row level security;
alter table public.service_request_events force row level security;
grant select on table public.service_request_events to authenticated;

create table public.service_requests (
  id uuid default gen_random_uuid() not null,
  province_id uuid not null,
  unit_id uuid not null,
  kind public.request_kind not null,
  status public.request_status default 'submitted'::public.request_status not null,
  channel public.request_channel default 'online'::public.request_channel not null,
  tracking_code text not null,
  idempotency_key uuid not null,
  requester_id uuid,
  requester_name text not null,
  requester_id_number text,
  requester_phone text,
  requester_email text,
  requester_address text,
  factor_keys text[] not null,
  details jsonb default '{}'::jsonb not null,
  submitted_at timestamp with time zone default now() not null,
  submitted_on date default app_private.today_vn() not null,
  received_on date,
  due_on date,
  closed_on date,
  result_note text,
  case_id uuid,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint service_requests_pkey PRIMARY KEY (id),
  constraint service_requests_code_unique UNIQUE (tracking_code),
  constraint service_requests_idempotency UNIQUE (idempotency_key),
  constraint service_requests_closed CHECK (((status = ANY (ARRAY['returned'::public.request_status, 'rejected'::public.request_status])) = (closed_on IS NOT NULL))),
  constraint service_requests_details_check CHECK (((jsonb_typeof(details) = 'object'::text) AND (pg_column_size(details) <= 16384))),
  constraint service_requests_factor_keys_check CHECK (((cardinality(factor_keys) >= 1) AND (cardinality(factor_keys) <= 2))),
  constraint service_requests_received CHECK (((status = 'submitted'::public.request_status) OR (status = 'rejected'::public.request_status) OR ((received_on IS NOT NULL) AND (due_on IS NOT NULL)))),
  constraint service_requests_requester_address_check CHECK ((char_length(requester_address) <= 500)),
  constraint service_requests_requester_email_check CHECK ((char_length(requester_email) <= 254)),
  constraint service_requests_requester_id_number_check CHECK ((requester_id_number ~ '^[0-9A-Za-z./-]{6,30}$'::text)),
  constraint service_requests_requester_name_check CHECK (((char_length(requester_name) >= 1) AND (char_length(requester_name) <= 300))),
  constraint service_requests_requester_phone_check CHECK ((char_length(requester_phone) <= 30)),
  constraint service_requests_result_note_check CHECK ((char_length(result_note) <= 4000)),
  constraint service_requests_tracking_code_check CHECK ((tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{12}[0-9A-HJKMNP-TV-Z*~$=U]$'::text)),
  constraint service_requests_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint service_requests_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint service_requests_requester_id_fkey FOREIGN KEY (requester_id) REFERENCES auth.users(id),
  constraint service_requests_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.service_requests enable row level security;
alter table public.service_requests force row level security;
grant select on table public.service_requests to authenticated;
grant insert (id) on table public.service_requests to anon;
grant insert (id) on table public.service_requests to authenticated;
grant insert (unit_id) on table public.service_requests to anon;
grant insert (unit_id) on table public.service_requests to authenticated;
grant insert (kind) on table public.service_requests to anon;
grant insert (kind) on table public.service_requests to authenticated;
grant update (status) on table public.service_requests to authenticated;
grant insert (channel) on table public.service_requests to anon;
grant insert (channel) on table public.service_requests to authenticated;
grant insert (tracking_code) on table public.service_requests to anon;
grant insert (tracking_code) on table public.service_requests to authenticated;
grant insert (idempotency_key) on table public.service_requests to anon;
grant insert (idempotency_key) on table public.service_requests to authenticated;
grant insert (requester_id) on table public.service_requests to anon;
grant insert (requester_id) on table public.service_requests to authenticated;
grant insert (requester_name) on table public.service_requests to anon;
grant insert (requester_name) on table public.service_requests to authenticated;
grant insert (requester_id_number) on table public.service_requests to anon;
grant insert (requester_id_number) on table public.service_requests to authenticated;
grant insert (requester_phone) on table public.service_requests to anon;
grant insert (requester_phone) on table public.service_requests to authenticated;
grant insert (requester_email) on table public.service_requests to anon;
grant insert (requester_email) on table public.service_requests to authenticated;
grant insert (requester_address) on table public.service_requests to anon;
grant insert (requester_address) on table public.service_requests to authenticated;
grant insert (factor_keys) on table public.service_requests to anon;
grant insert (factor_keys) on table public.service_requests to authenticated;
grant insert (details) on table public.service_requests to anon;
grant insert (details) on table public.service_requests to authenticated;
grant update (received_on) on table public.service_requests to authenticated;
grant update (due_on) on table public.service_requests to authenticated;
grant update (result_note) on table public.service_requests to authenticated;
grant update (case_id) on table public.service_requests to authenticated;
grant update (version) on table public.service_requests to authenticated;

create table public.stat_daily (
  unit_id uuid not null,
  province_id uuid not null,
  dim text not null,
  day date not null,
  acc_n bigint default 0 not null,
  acc_m numeric default 0 not null,
  trf_n bigint default 0 not null,
  trf_m numeric default 0 not null,
  cmp_n bigint default 0 not null,
  cmp_m numeric default 0 not null,
  ter_n bigint default 0 not null,
  ter_m numeric default 0 not null,
  ip_n bigint default 0 not null,
  ip_m numeric default 0 not null,
  pp_n bigint default 0 not null,
  pp_m numeric default 0 not null,
  sp_n bigint default 0 not null,
  sp_m numeric default 0 not null,
  ot_n bigint default 0 not null,
  ot_m numeric default 0 not null,
  ny_n bigint default 0 not null,
  ny_m numeric default 0 not null,
  reg_n bigint default 0 not null,
  reg_m numeric default 0 not null,
  reo_n bigint default 0 not null,
  reo_m numeric default 0 not null,
  ret_n bigint default 0 not null,
  ret_m numeric default 0 not null,
  sr_n bigint default 0 not null,
  sr_m numeric default 0 not null,
  mvi_n bigint default 0 not null,
  mvi_m numeric default 0 not null,
  mvo_n bigint default 0 not null,
  mvo_m numeric default 0 not null,
  constraint stat_daily_pkey PRIMARY KEY (unit_id, dim, day),
  constraint stat_daily_dim_check CHECK ((dim ~ '^(all|bank|corruption|jt:[a-z]+|dk:on_request)$'::text)),
  constraint stat_daily_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint stat_daily_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.stat_daily enable row level security;
alter table public.stat_daily force row level security;
grant select on table public.stat_daily to authenticated;

create table public.stat_monthly (
  unit_id uuid not null,
  province_id uuid not null,
  dim text not null,
  month date not null,
  acc_n bigint default 0 not null,
  acc_m numeric default 0 not null,
  trf_n bigint default 0 not null,
  trf_m numeric default 0 not null,
  cmp_n bigint default 0 not null,
  cmp_m numeric default 0 not null,
  ter_n bigint default 0 not null,
  ter_m numeric default 0 not null,
  ip_n bigint default 0 not null,
  ip_m numeric default 0 not null,
  pp_n bigint default 0 not null,
  pp_m numeric default 0 not null,
  sp_n bigint default 0 not null,
  sp_m numeric default 0 not null,
  ot_n bigint default 0 not null,
  ot_m numeric default 0 not null,
  ny_n bigint default 0 not null,
  ny_m numeric default 0 not null,
  reg_n bigint default 0 not null,
  reg_m numeric default 0 not null,
  reo_n bigint default 0 not null,
  reo_m numeric default 0 not null,
  ret_n bigint default 0 not null,
  ret_m numeric default 0 not null,
  sr_n bigint default 0 not null,
  sr_m numeric default 0 not null,
  mvi_n bigint default 0 not null,
  mvi_m numeric default 0 not null,
  mvo_n bigint default 0 not null,
  mvo_m numeric default 0 not null,
  constraint stat_monthly_pkey PRIMARY KEY (unit_id, dim, month),
  constraint stat_monthly_dim_check CHECK ((dim ~ '^(all|bank|corruption|jt:[a-z]+|dk:on_request)$'::text)),
  constraint stat_monthly_month_check CHECK ((EXTRACT(day FROM month) = (1)::numeric)),
  constraint stat_monthly_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint stat_monthly_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.stat_monthly enable row level security;
alter table public.stat_monthly force row level security;
grant select on table public.stat_monthly to authenticated;

create table public.stat_targets (
  id uuid default gen_random_uuid() not null,
  unit_id uuid not null,
  province_id uuid not null,
  stat_year integer not null,
  cases_rate numeric(5,2) not null,
  money_rate numeric(5,2) not null,
  set_by uuid,
  updated_at timestamp with time zone default now() not null,
  version integer default 1 not null,
  constraint stat_targets_pkey PRIMARY KEY (id),
  constraint stat_targets_unique UNIQUE (unit_id, stat_year),
  constraint stat_targets_cases_rate_check CHECK (((cases_rate >= (0)::numeric) AND (cases_rate <= (100)::numeric))),
  constraint stat_targets_money_rate_check CHECK (((money_rate >= (0)::numeric) AND (money_rate <= (100)::numeric))),
  constraint stat_targets_stat_year_check CHECK (((stat_year >= 1990) AND (stat_year <= 2100))),
  constraint stat_targets_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint stat_targets_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.stat_targets enable row level security;
alter table public.stat_targets force row level security;
grant select, insert, update on table public.stat_targets to authenticated;

create table public.stat_yearly (
  unit_id uuid not null,
  province_id uuid not null,
  dim text not null,
  year date not null,
  acc_n bigint default 0 not null,
  acc_m numeric default 0 not null,
  trf_n bigint default 0 not null,
  trf_m numeric default 0 not null,
  cmp_n bigint default 0 not null,
  cmp_m numeric default 0 not null,
  ter_n bigint default 0 not null,
  ter_m numeric default 0 not null,
  ip_n bigint default 0 not null,
  ip_m numeric default 0 not null,
  pp_n bigint default 0 not null,
  pp_m numeric default 0 not null,
  sp_n bigint default 0 not null,
  sp_m numeric default 0 not null,
  ot_n bigint default 0 not null,
  ot_m numeric default 0 not null,
  ny_n bigint default 0 not null,
  ny_m numeric default 0 not null,
  reg_n bigint default 0 not null,
  reg_m numeric default 0 not null,
  reo_n bigint default 0 not null,
  reo_m numeric default 0 not null,
  ret_n bigint default 0 not null,
  ret_m numeric default 0 not null,
  sr_n bigint default 0 not null,
  sr_m numeric default 0 not null,
  mvi_n bigint default 0 not null,
  mvi_m numeric default 0 not null,
  mvo_n bigint default 0 not null,
  mvo_m numeric default 0 not null,
  constraint stat_yearly_pkey PRIMARY KEY (unit_id, dim, year),
  constraint stat_yearly_dim_check CHECK ((dim ~ '^(all|bank|corruption|jt:[a-z]+|dk:on_request)$'::text)),
  constraint stat_yearly_year_check CHECK (((EXTRACT(month FROM year) = (10)::numeric) AND (EXTRACT(day FROM year) = (1)::numeric))),
  constraint stat_yearly_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint stat_yearly_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.stat_yearly enable row level security;
alter table public.stat_yearly force row level security;
grant select on table public.stat_yearly to authenticated;

create table public.steering_coercion_ops (
  id uuid default gen_random_uuid() not null,
  case_id uuid not null,
  committee_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  planned_on date not null,
  place text not null,
  plan text not null,
  forces jsonb default '[]'::jsonb not null,
  status public.coercion_status default 'planned'::public.coercion_status not null,
  decided_by uuid,
  decided_on date,
  decision_note text,
  executed_on date,
  result text,
  created_by uuid,
  version integer default 1 not null,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint steering_coercion_ops_pkey PRIMARY KEY (id),
  constraint steering_coercion_ops_idempotency_key_key UNIQUE (idempotency_key),
  constraint steering_coercion_ops_decided_on_from_1990 CHECK ((decided_on >= '1990-01-01'::date)),
  constraint steering_coercion_ops_decision_note_check CHECK ((char_length(decision_note) <= 2000)),
  constraint steering_coercion_ops_executed_on_from_1990 CHECK ((executed_on >= '1990-01-01'::date)),
  constraint steering_coercion_ops_forces_check CHECK (((jsonb_typeof(forces) = 'array'::text) AND (pg_column_size(forces) <= 4096))),
  constraint steering_coercion_ops_place_check CHECK (((char_length(place) >= 3) AND (char_length(place) <= 500))),
  constraint steering_coercion_ops_plan_check CHECK (((char_length(plan) >= 3) AND (char_length(plan) <= 8000))),
  constraint steering_coercion_ops_planned_on_from_1990 CHECK ((planned_on >= '1990-01-01'::date)),
  constraint steering_coercion_ops_result CHECK (((status = 'done'::public.coercion_status) = ((executed_on IS NOT NULL) AND (result IS NOT NULL)))),
  constraint steering_coercion_ops_result_check CHECK ((char_length(result) <= 8000)),
  constraint steering_coercion_ops_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint steering_coercion_ops_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id),
  constraint steering_coercion_ops_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.profiles(id),
  constraint steering_coercion_ops_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.profiles(id),
  constraint steering_coercion_ops_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint steering_coercion_ops_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.steering_coercion_ops enable row level security;
alter table public.steering_coercion_ops force row level security;
grant select, insert on table public.steering_coercion_ops to authenticated;
grant update (planned_on) on table public.steering_coercion_ops to authenticated;
grant update (place) on table public.steering_coercion_ops to authenticated;
grant update (plan) on table public.steering_coercion_ops to authenticated;
grant update (forces) on table public.steering_coercion_ops to authenticated;
grant update (status) on table public.steering_coercion_ops to authenticated;
grant update (decided_by) on table public.steering_coercion_ops to authenticated;
grant update (decided_on) on table public.steering_coercion_ops to authenticated;
grant update (decision_note) on table public.steering_coercion_ops to authenticated;
grant update (executed_on) on table public.steering_coercion_ops to authenticated;
grant update (result) on table public.steering_coercion_ops to authenticated;
grant update (version) on table public.steering_coercion_ops to authenticated;

create table public.steering_committee_members (
  id uuid default gen_random_uuid() not null,
  committee_id uuid not null,
  user_id uuid not null,
  member_role public.steering_member_role default 'member'::public.steering_member_role not null,
  province_id uuid,
  created_at timestamp with time zone default now() not null,
  constraint steering_committee_members_pkey PRIMARY KEY (id),
  constraint steering_committee_members_unique UNIQUE (committee_id, user_id),
  constraint steering_committee_members_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id) ON DELETE CASCADE,
  constraint steering_committee_members_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint steering_committee_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id)
);
alter table public.steering_committee_members enable row level security;
alter table public.steering_committee_members force row level security;
grant select, insert, update, delete on table public.steering_committee_members to authenticated;

create table public.steering_committees (
  id uuid default gen_random_uuid() not null,
  kind public.steering_committee_kind not null,
  name text not null,
  province_id uuid,
  report_cadence public.steering_report_cadence default 'monthly'::public.steering_report_cadence not null,
  min_outstanding bigint default '10000000000'::bigint not null,
  open_years integer default 3 not null,
  failed_auction_rounds integer default 3 not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint steering_committees_pkey PRIMARY KEY (id),
  constraint steering_committees_failed_auction_rounds_check CHECK (((failed_auction_rounds >= 0) AND (failed_auction_rounds <= 100))),
  constraint steering_committees_min_outstanding_cap CHECK ((min_outstanding <= '10000000000000000'::bigint)),
  constraint steering_committees_min_outstanding_check CHECK ((min_outstanding >= 0)),
  constraint steering_committees_name_check CHECK (((char_length(name) >= 3) AND (char_length(name) <= 300))),
  constraint steering_committees_open_years_check CHECK (((open_years >= 0) AND (open_years <= 50))),
  constraint steering_committees_scope CHECK (((kind = 'province'::public.steering_committee_kind) = (province_id IS NOT NULL))),
  constraint steering_committees_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id)
);
alter table public.steering_committees enable row level security;
alter table public.steering_committees force row level security;
grant select, insert, delete on table public.steering_committees to authenticated;
grant update (name) on table public.steering_committees to authenticated;
grant update (report_cadence) on table public.steering_committees to authenticated;
grant update (min_outstanding) on table public.steering_committees to authenticated;
grant update (open_years) on table public.steering_committees to authenticated;
grant update (failed_auction_rounds) on table public.steering_committees to authenticated;
grant update (version) on table public.steering_committees to authenticated;

create table public.steering_directives (
  id uuid default gen_random_uuid() not null,
  committee_id uuid not null,
  meeting_id uuid,
  flag_id uuid,
  case_id uuid,
  province_id uuid,
  addressee_unit_id uuid,
  addressee_user_id uuid,
  body text not null,
  issued_on date not null,
  due_on date not null,
  issued_by uuid,
  answer text,
  answered_on date,
  answered_by uuid,
  version integer default 1 not null,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  revised_on date,
  revision_note text,
  constraint steering_directives_pkey PRIMARY KEY (id),
  constraint steering_directives_idempotency_key_key UNIQUE (idempotency_key),
  constraint steering_directives_addressee CHECK (((addressee_unit_id IS NOT NULL) OR (addressee_user_id IS NOT NULL))),
  constraint steering_directives_answer CHECK (((answer IS NULL) = (answered_on IS NULL))),
  constraint steering_directives_answer_check CHECK ((char_length(answer) <= 4000)),
  constraint steering_directives_answered_on_from_1990 CHECK ((answered_on >= '1990-01-01'::date)),
  constraint steering_directives_body_check CHECK (((char_length(body) >= 3) AND (char_length(body) <= 4000))),
  constraint steering_directives_deadline CHECK ((due_on >= issued_on)),
  constraint steering_directives_due_on_from_1990 CHECK ((due_on >= '1990-01-01'::date)),
  constraint steering_directives_issued_on_from_1990 CHECK ((issued_on >= '1990-01-01'::date)),
  constraint steering_directives_revised_on_from_1990 CHECK ((revised_on >= '1990-01-01'::date)),
  constraint steering_directives_revision CHECK (((revised_on IS NULL) = (revision_note IS NULL))),
  constraint steering_directives_revision_note_check CHECK (((char_length(revision_note) >= 3) AND (char_length(revision_note) <= 1000))),
  constraint steering_directives_addressee_unit_id_fkey FOREIGN KEY (addressee_unit_id) REFERENCES public.units(id),
  constraint steering_directives_addressee_user_id_fkey FOREIGN KEY (addressee_user_id) REFERENCES public.profiles(id),
  constraint steering_directives_answered_by_fkey FOREIGN KEY (answered_by) REFERENCES public.profiles(id),
  constraint steering_directives_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint steering_directives_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id),
  constraint steering_directives_flag_id_fkey FOREIGN KEY (flag_id) REFERENCES public.steering_flags(id),
  constraint steering_directives_issued_by_fkey FOREIGN KEY (issued_by) REFERENCES public.profiles(id),
  constraint steering_directives_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.steering_meetings(id),
  constraint steering_directives_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id)
);
alter table public.steering_directives enable row level security;
alter table public.steering_directives force row level security;
grant select, insert on table public.steering_directives to authenticated;
grant update (addressee_unit_id) on table public.steering_directives to authenticated;
grant update (addressee_user_id) on table public.steering_directives to authenticated;
grant update (body) on table public.steering_directives to authenticated;
grant update (due_on) on table public.steering_directives to authenticated;
grant update (answer) on table public.steering_directives to authenticated;
grant update (answered_on) on table public.steering_directives to authenticated;
grant update (answered_by) on table public.steering_directives to authenticated;
grant update (version) on table public.steering_directives to authenticated;
grant update (revised_on) on table public.steering_directives to authenticated;
grant update (revision_note) on table public.steering_directives to authenticated;

create table public.steering_flags (
  id uuid default gen_random_uuid() not null,
  committee_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  reason text not null,
  note text not null,
  case_number text default ''::text not null,
  debtor_name text default ''::text not null,
  money_due bigint default 0 not null,
  status public.steering_flag_status default 'proposed'::public.steering_flag_status not null,
  proposed_by uuid,
  proposed_on date default CURRENT_DATE not null,
  decided_by uuid,
  decided_on date,
  decision_note text,
  removed_on date,
  removed_reason text,
  version integer default 1 not null,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint steering_flags_pkey PRIMARY KEY (id),
  constraint steering_flags_idempotency_key_key UNIQUE (idempotency_key),
  constraint steering_flags_decided_on_from_1990 CHECK ((decided_on >= '1990-01-01'::date)),
  constraint steering_flags_decision_note_check CHECK ((char_length(decision_note) <= 2000)),
  constraint steering_flags_money_due_cap CHECK ((money_due <= '1000000000000000000'::bigint)),
  constraint steering_flags_note_check CHECK (((char_length(note) >= 3) AND (char_length(note) <= 2000))),
  constraint steering_flags_proposed_on_from_1990 CHECK ((proposed_on >= '1990-01-01'::date)),
  constraint steering_flags_reason_check CHECK ((reason = ANY (ARRAY['high_value'::text, 'prolonged'::text, 'complex'::text, 'corruption_economic'::text, 'security_order'::text, 'failed_auctions'::text, 'bankruptcy'::text]))),
  constraint steering_flags_removed CHECK (((status = 'removed'::public.steering_flag_status) = ((removed_on IS NOT NULL) AND (removed_reason IS NOT NULL)))),
  constraint steering_flags_removed_on_from_1990 CHECK ((removed_on >= '1990-01-01'::date)),
  constraint steering_flags_removed_reason_check CHECK ((char_length(removed_reason) <= 2000)),
  constraint steering_flags_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint steering_flags_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id),
  constraint steering_flags_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.profiles(id),
  constraint steering_flags_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES public.profiles(id),
  constraint steering_flags_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint steering_flags_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.steering_flags enable row level security;
alter table public.steering_flags force row level security;
grant select, insert on table public.steering_flags to authenticated;
grant update (status) on table public.steering_flags to authenticated;
grant update (decided_by) on table public.steering_flags to authenticated;
grant update (decided_on) on table public.steering_flags to authenticated;
grant update (decision_note) on table public.steering_flags to authenticated;
grant update (removed_on) on table public.steering_flags to authenticated;
grant update (removed_reason) on table public.steering_flags to authenticated;
grant update (version) on table public.steering_flags to authenticated;

create table public.steering_meeting_items (
  id uuid default gen_random_uuid() not null,
  meeting_id uuid not null,
  committee_id uuid not null,
  province_id uuid,
  flag_id uuid not null,
  "position" integer default 1 not null,
  note text,
  constraint steering_meeting_items_pkey PRIMARY KEY (id),
  constraint steering_meeting_items_unique UNIQUE (meeting_id, flag_id),
  constraint steering_meeting_items_note_check CHECK ((char_length(note) <= 4000)),
  constraint steering_meeting_items_position_check CHECK ((("position" >= 1) AND ("position" <= 500))),
  constraint steering_meeting_items_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id),
  constraint steering_meeting_items_flag_id_fkey FOREIGN KEY (flag_id) REFERENCES public.steering_flags(id),
  constraint steering_meeting_items_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.steering_meetings(id) ON DELETE CASCADE,
  constraint steering_meeting_items_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id)
);
alter table public.steering_meeting_items enable row level security;
alter table public.steering_meeting_items force row level security;
grant select, insert, update, delete on table public.steering_meeting_items to authenticated;

create table public.steering_meetings (
  id uuid default gen_random_uuid() not null,
  committee_id uuid not null,
  province_id uuid,
  held_on date not null,
  title text not null,
  minutes text,
  decisions text,
  created_by uuid,
  version integer default 1 not null,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint steering_meetings_pkey PRIMARY KEY (id),
  constraint steering_meetings_idempotency_key_key UNIQUE (idempotency_key),
  constraint steering_meetings_decisions_check CHECK ((char_length(decisions) <= 20000)),
  constraint steering_meetings_held_on_from_1990 CHECK ((held_on >= '1990-01-01'::date)),
  constraint steering_meetings_minutes_check CHECK ((char_length(minutes) <= 20000)),
  constraint steering_meetings_title_check CHECK (((char_length(title) >= 3) AND (char_length(title) <= 300))),
  constraint steering_meetings_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id),
  constraint steering_meetings_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.profiles(id),
  constraint steering_meetings_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id)
);
alter table public.steering_meetings enable row level security;
alter table public.steering_meetings force row level security;
grant select, insert on table public.steering_meetings to authenticated;
grant update (held_on) on table public.steering_meetings to authenticated;
grant update (title) on table public.steering_meetings to authenticated;
grant update (minutes) on table public.steering_meetings to authenticated;
grant update (decisions) on table public.steering_meetings to authenticated;
grant update (version) on table public.steering_meetings to authenticated;

create table public.steering_progress_reports (
  id uuid default gen_random_uuid() not null,
  flag_id uuid not null,
  committee_id uuid not null,
  case_id uuid not null,
  province_id uuid not null,
  unit_id uuid not null,
  period_start date not null,
  body text not null,
  money_collected bigint default 0 not null,
  reported_by uuid,
  reported_on date default CURRENT_DATE not null,
  idempotency_key uuid,
  created_at timestamp with time zone default now() not null,
  constraint steering_progress_reports_pkey PRIMARY KEY (id),
  constraint steering_progress_reports_idempotency_key_key UNIQUE (idempotency_key),
  constraint steering_progress_reports_period UNIQUE (flag_id, period_start),
  constraint steering_progress_reports_body_check CHECK (((char_length(body) >= 3) AND (char_length(body) <= 8000))),
  constraint steering_progress_reports_money_collected_cap CHECK ((money_collected <= '1000000000000000000'::bigint)),
  constraint steering_progress_reports_money_collected_check CHECK ((money_collected >= 0)),
  constraint steering_progress_reports_period_start_check CHECK ((EXTRACT(day FROM period_start) = (1)::numeric)),
  constraint steering_progress_reports_period_start_from_1990 CHECK ((period_start >= '1990-01-01'::date)),
  constraint steering_progress_reports_reported_on_from_1990 CHECK ((reported_on >= '1990-01-01'::date)),
  constraint steering_progress_reports_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id),
  constraint steering_progress_reports_committee_id_fkey FOREIGN KEY (committee_id) REFERENCES public.steering_committees(id),
  constraint steering_progress_reports_flag_id_fkey FOREIGN KEY (flag_id) REFERENCES public.steering_flags(id),
  constraint steering_progress_reports_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint steering_progress_reports_reported_by_fkey FOREIGN KEY (reported_by) REFERENCES public.profiles(id),
  constraint steering_progress_reports_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id)
);
alter table public.steering_progress_reports enable row level security;
alter table public.steering_progress_reports force row level security;
grant select, insert on table public.steering_progress_reports to authenticated;

create table public.unit_successions (
  id uuid default gen_random_uuid() not null,
  predecessor_id uuid not null,
  successor_id uuid not null,
  effective_on date not null,
  basis text not null,
  province_id uuid,
  created_at timestamp with time zone default now() not null,
  constraint unit_successions_pkey PRIMARY KEY (id),
  constraint unit_successions_predecessor_id_successor_id_key UNIQUE (predecessor_id, successor_id),
  constraint unit_successions_basis_check CHECK (((length(btrim(basis)) >= 1) AND (length(btrim(basis)) <= 500))),
  constraint unit_successions_check CHECK ((predecessor_id <> successor_id)),
  constraint unit_successions_predecessor_id_fkey FOREIGN KEY (predecessor_id) REFERENCES public.units(id) ON DELETE CASCADE,
  constraint unit_successions_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id),
  constraint unit_successions_successor_id_fkey FOREIGN KEY (successor_id) REFERENCES public.units(id) ON DELETE CASCADE
);
alter table public.unit_successions enable row level security;
alter table public.unit_successions force row level security;
comment on table public.unit_successions is 'Predecessor → successor of units in a reorganisation, dated (ADR 029). Same period last year = the unit and its predecessors.';
grant select on table public.unit_successions to anon;
grant select on table public.unit_successions to authenticated;

create table public.units (
  id uuid default gen_random_uuid() not null,
  kind public.unit_kind not null,
  code text not null,
  name text not null,
  name_en text,
  slug text,
  parent_id uuid,
  province_id uuid,
  address text,
  phone text,
  email text,
  dissolved_on date,
  merged_into_id uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint units_pkey PRIMARY KEY (id),
  constraint units_code_key UNIQUE (code),
  constraint units_slug_key UNIQUE (slug),
  constraint units_address_check CHECK ((char_length(address) <= 500)),
  constraint units_code_check CHECK ((code ~ '^[A-Z0-9_-]{2,40}$'::text)),
  constraint units_email_check CHECK ((char_length(email) <= 200)),
  constraint units_name_check CHECK (((char_length(name) >= 2) AND (char_length(name) <= 200))),
  constraint units_parent CHECK (((kind = 'national'::public.unit_kind) = (parent_id IS NULL))),
  constraint units_phone_check CHECK ((char_length(phone) <= 50)),
  constraint units_slug_check CHECK ((slug ~ '^[a-z0-9-]{2,60}$'::text)),
  constraint units_tenant_key CHECK (((kind = 'national'::public.unit_kind) = (province_id IS NULL))),
  constraint units_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES public.units(id),
  constraint units_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.units(id),
  constraint units_province_id_fkey FOREIGN KEY (province_id) REFERENCES public.units(id)
);
alter table public.units enable row level security;
alter table public.units force row level security;
grant select on table public.units to anon;
grant select on table public.units to authenticated;

-- ============================================================================
-- Indexes
-- ============================================================================
CREATE INDEX login_attempts_key_at_idx ON app_private.login_attempts USING btree (key, at DESC);
CREATE INDEX request_limits_window_start_idx ON app_private.request_limits USING btree (window_start);
CREATE INDEX sessions_user_id_idx ON app_private.sessions USING btree (user_id);
CREATE INDEX api_tokens_account_idx ON public.api_tokens USING btree (account_id, created_at DESC);
CREATE INDEX asset_events_asset_idx ON public.asset_events USING btree (asset_id, effective_date, id);
CREATE INDEX asset_events_case_id_idx ON public.asset_events USING btree (case_id);
CREATE INDEX asset_events_province_id_idx ON public.asset_events USING btree (province_id);
CREATE INDEX asset_events_unit_id_idx ON public.asset_events USING btree (unit_id);
CREATE INDEX asset_proceeds_asset_id_idx ON public.asset_proceeds USING btree (asset_id);
CREATE INDEX asset_proceeds_case_event_idx ON public.asset_proceeds USING btree (case_event_id) WHERE (case_event_id IS NOT NULL);
CREATE INDEX asset_proceeds_case_id_idx ON public.asset_proceeds USING btree (case_id);
CREATE INDEX asset_proceeds_province_id_idx ON public.asset_proceeds USING btree (province_id);
CREATE INDEX asset_proceeds_unit_id_idx ON public.asset_proceeds USING btree (unit_id);
CREATE INDEX asset_seizures_asset_id_idx ON public.asset_seizures USING btree (asset_id);
CREATE INDEX asset_seizures_case_id_idx ON public.asset_seizures USING btree (case_id);
CREATE INDEX asset_seizures_province_id_idx ON public.asset_seizures USING btree (province_id);
CREATE INDEX asset_seizures_unit_id_idx ON public.asset_seizures USING btree (unit_id);
CREATE INDEX asset_valuations_asset_id_idx ON public.asset_valuations USING btree (asset_id);
CREATE INDEX asset_valuations_case_id_idx ON public.asset_valuations USING btree (case_id);
CREATE INDEX asset_valuations_province_id_idx ON public.asset_valuations USING btree (province_id);
CREATE INDEX asset_valuations_unit_id_idx ON public.asset_valuations USING btree (unit_id);
CREATE INDEX assets_case_id_idx ON public.assets USING btree (case_id);
CREATE INDEX assets_province_id_idx ON public.assets USING btree (province_id, status);
CREATE INDEX assets_unit_id_idx ON public.assets USING btree (unit_id, status, failed_rounds DESC);
CREATE INDEX auction_contracts_asset_id_idx ON public.auction_contracts USING btree (asset_id);
CREATE INDEX auction_contracts_case_id_idx ON public.auction_contracts USING btree (case_id);
CREATE INDEX auction_contracts_province_id_idx ON public.auction_contracts USING btree (province_id);
CREATE INDEX auction_contracts_unit_id_idx ON public.auction_contracts USING btree (unit_id);
CREATE INDEX auction_deposits_asset_id_idx ON public.auction_deposits USING btree (asset_id);
CREATE INDEX auction_deposits_case_id_idx ON public.auction_deposits USING btree (case_id);
CREATE INDEX auction_deposits_province_id_idx ON public.auction_deposits USING btree (province_id);
CREATE INDEX auction_deposits_round_id_idx ON public.auction_deposits USING btree (round_id);
CREATE INDEX auction_deposits_unit_id_idx ON public.auction_deposits USING btree (unit_id);
CREATE INDEX auction_rounds_case_id_idx ON public.auction_rounds USING btree (case_id);
CREATE INDEX auction_rounds_contract_id_idx ON public.auction_rounds USING btree (contract_id) WHERE (contract_id IS NOT NULL);
CREATE INDEX auction_rounds_province_held_idx ON public.auction_rounds USING btree (province_id, held_on) WHERE (result = 'scheduled'::public.auction_round_result);
CREATE INDEX auction_rounds_province_id_idx ON public.auction_rounds USING btree (province_id);
CREATE INDEX auction_rounds_unit_id_idx ON public.auction_rounds USING btree (unit_id, held_on);
CREATE INDEX audit_log_chain_idx ON public.audit_log USING btree (chain_key, id);
CREATE INDEX audit_log_province_id_idx ON public.audit_log USING btree (province_id, id);
CREATE INDEX case_events_case_id_idx ON public.case_events USING btree (case_id, effective_date, id);
CREATE INDEX case_events_completion_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'completion'::public.case_event_kind);
CREATE INDEX case_events_enforceable_idx ON public.case_events USING btree (case_id, effective_date) INCLUDE (unit_id, province_id) WHERE ((kind = 'classification'::public.case_event_kind) AND ((payload ->> 'result'::text) IS DISTINCT FROM 'not_yet_enforceable'::text));
CREATE INDEX case_events_move_giver_idx ON public.case_events USING btree ((
CASE
    WHEN (kind = 'reorganisation'::public.case_event_kind) THEN (payload ->> 'fromUnitId'::text)
    ELSE (unit_id)::text
END), effective_date) INCLUDE (case_id) WHERE (kind = ANY (ARRAY['office_assignment'::public.case_event_kind, 'reorganisation'::public.case_event_kind]));
CREATE INDEX case_events_move_target_idx ON public.case_events USING btree (((payload ->> 'unitId'::text)), effective_date) INCLUDE (case_id) WHERE (kind = ANY (ARRAY['office_assignment'::public.case_event_kind, 'reorganisation'::public.case_event_kind]));
CREATE INDEX case_events_moves_idx ON public.case_events USING btree (case_id, effective_date, id) INCLUDE (unit_id) WHERE (kind = ANY (ARRAY['office_assignment'::public.case_event_kind, 'reorganisation'::public.case_event_kind]));
CREATE INDEX case_events_not_yet_enforceable_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE ((kind = 'classification'::public.case_event_kind) AND ((payload ->> 'result'::text) = 'not_yet_enforceable'::text));
CREATE INDEX case_events_office_assignment_idx ON public.case_events USING btree (((payload ->> 'unitId'::text))) INCLUDE (case_id) WHERE (kind = 'office_assignment'::public.case_event_kind);
CREATE INDEX case_events_postponement_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'postponement'::public.case_event_kind);
CREATE INDEX case_events_province_id_idx ON public.case_events USING btree (province_id);
CREATE INDEX case_events_register_reopening_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'register_reopening'::public.case_event_kind);
CREATE INDEX case_events_register_transfer_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'register_transfer'::public.case_event_kind);
CREATE INDEX case_events_request_returned_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'request_returned'::public.case_event_kind);
CREATE INDEX case_events_suspension_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'suspension'::public.case_event_kind);
CREATE INDEX case_events_termination_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'termination'::public.case_event_kind);
CREATE INDEX case_events_transfer_idx ON public.case_events USING btree (effective_date) INCLUDE (case_id, province_id, unit_id) WHERE (kind = 'transfer'::public.case_event_kind);
CREATE INDEX case_events_unit_id_idx ON public.case_events USING btree (unit_id);
CREATE INDEX case_obligations_province_id_idx ON public.case_obligations USING btree (province_id);
CREATE INDEX case_obligations_unit_id_idx ON public.case_obligations USING btree (unit_id);
CREATE INDEX case_parties_case_id_idx ON public.case_parties USING btree (case_id);
CREATE INDEX case_parties_creditor_id_number_idx ON public.case_parties USING btree (id_number, case_id) WHERE ((role = 'creditor'::public.party_role) AND (id_number IS NOT NULL));
CREATE INDEX case_parties_id_number_idx ON public.case_parties USING btree (id_number) WHERE (id_number IS NOT NULL);
CREATE INDEX case_parties_province_id_idx ON public.case_parties USING btree (province_id);
CREATE INDEX case_parties_unit_id_idx ON public.case_parties USING btree (unit_id);
CREATE INDEX cases_accepted_idx ON public.cases USING btree (accepted_on DESC, id) INCLUDE (unit_id, province_id);
CREATE INDEX cases_case_number_idx ON public.cases USING btree (case_number);
CREATE INDEX cases_executor_id_idx ON public.cases USING btree (executor_id) WHERE (executor_id IS NOT NULL);
CREATE INDEX cases_judgment_id_idx ON public.cases USING btree (judgment_id);
CREATE INDEX cases_missed_deadline_idx ON public.cases USING btree (next_deadline_on) WHERE (next_deadline_on IS NOT NULL);
CREATE INDEX cases_province_id_idx ON public.cases USING btree (province_id, status) INCLUDE (unit_id, id);
CREATE INDEX cases_province_list_idx ON public.cases USING btree (province_id, accepted_on DESC, id) INCLUDE (unit_id, search_text, status, executor_id, judgment_type, money_due, next_deadline_on, is_bank_credit, is_corruption);
CREATE INDEX cases_published_debtors_idx ON public.cases USING btree (province_id, search_text, id) INCLUDE (debtor_name, case_number) WHERE (status = ANY (ARRAY['not_yet_enforceable'::public.case_status, 'separate_register'::public.case_status]));
CREATE INDEX cases_status_idx ON public.cases USING btree (status);
CREATE INDEX cases_transferred_from_idx ON public.cases USING btree (transferred_from_case_id) WHERE (transferred_from_case_id IS NOT NULL);
CREATE INDEX cases_transferred_to_province_idx ON public.cases USING btree (transferred_to_province_id) WHERE (transferred_to_province_id IS NOT NULL);
CREATE INDEX cases_unit_deadline_idx ON public.cases USING btree (unit_id, next_deadline_on, id) INCLUDE (province_id, executor_id, status) WHERE (next_deadline_on IS NOT NULL);
CREATE INDEX cases_unit_list_idx ON public.cases USING btree (unit_id, accepted_on DESC, id) INCLUDE (province_id, search_text, status, executor_id, judgment_type, money_due, next_deadline_on, is_bank_credit, is_corruption);
CREATE INDEX complaint_documents_created_by ON public.complaint_documents USING btree (created_by);
CREATE INDEX complaint_documents_letter ON public.complaint_documents USING btree (letter_id);
CREATE INDEX complaint_letters_cases ON public.complaint_letters USING gin (case_ids);
CREATE INDEX complaint_letters_created_by ON public.complaint_letters USING btree (created_by);
CREATE INDEX complaint_letters_duplicate_of ON public.complaint_letters USING btree (duplicate_of);
CREATE INDEX complaint_letters_first_letter ON public.complaint_letters USING btree (first_letter_id);
CREATE INDEX complaint_letters_handler ON public.complaint_letters USING btree (handler_id);
CREATE INDEX complaint_letters_handler_unit ON public.complaint_letters USING btree (handler_unit_id, status);
CREATE INDEX complaint_letters_kind ON public.complaint_letters USING btree (kind, status);
CREATE INDEX complaint_letters_province ON public.complaint_letters USING btree (province_id, received_on);
CREATE INDEX complaint_letters_same_matter ON public.complaint_letters USING btree (same_matter_as);
CREATE INDEX complaint_letters_session ON public.complaint_letters USING btree (session_id);
CREATE INDEX complaint_letters_subject ON public.complaint_letters USING btree (subject_user_id);
CREATE INDEX complaint_letters_unit ON public.complaint_letters USING btree (unit_id, received_on);
CREATE INDEX complaint_senders_id_number_idx ON public.complaint_senders USING btree (id_number) WHERE (id_number IS NOT NULL);
CREATE INDEX creditor_links_account_all_idx ON public.creditor_links USING btree (account_id);
CREATE INDEX creditor_links_account_idx ON public.creditor_links USING btree (account_id) WHERE (revoked_at IS NULL);
CREATE INDEX creditor_links_confirmed_by_idx ON public.creditor_links USING btree (confirmed_by);
CREATE UNIQUE INDEX creditor_links_id_number_live ON public.creditor_links USING btree (id_number) WHERE (revoked_at IS NULL);
CREATE INDEX creditor_links_province_idx ON public.creditor_links USING btree (province_id);
CREATE INDEX creditor_links_request_idx ON public.creditor_links USING btree (request_id);
CREATE INDEX creditor_links_revoked_by_idx ON public.creditor_links USING btree (revoked_by);
CREATE INDEX creditor_links_unit_idx ON public.creditor_links USING btree (unit_id);
CREATE INDEX judgments_unit_id_idx ON public.judgments USING btree (unit_id);
CREATE INDEX memberships_province_id_idx ON public.memberships USING btree (province_id);
CREATE INDEX memberships_role_idx ON public.memberships USING btree (role);
CREATE INDEX memberships_unit_id_idx ON public.memberships USING btree (unit_id);
CREATE INDEX memberships_user_id_idx ON public.memberships USING btree (user_id, role);
CREATE INDEX notifications_account_idx ON public.notifications USING btree (account_id, created_at DESC);
CREATE INDEX notifications_case_idx ON public.notifications USING btree (case_id);
CREATE INDEX notifications_outbox_idx ON public.notifications USING btree (created_at) WHERE (emailed_at IS NULL);
CREATE INDEX notifications_request_idx ON public.notifications USING btree (request_id);
CREATE INDEX notifications_unread_idx ON public.notifications USING btree (account_id) WHERE (read_at IS NULL);
CREATE INDEX profiles_province_id_idx ON public.profiles USING btree (province_id);
CREATE INDEX profiles_unit_id_idx ON public.profiles USING btree (unit_id);
CREATE INDEX public_announcements_province_idx ON public.public_announcements USING btree (province_id, published_on DESC);
CREATE INDEX public_announcements_unit_id_idx ON public.public_announcements USING btree (unit_id);
CREATE INDEX public_pages_unit_id_idx ON public.public_pages USING btree (unit_id);
CREATE INDEX reception_sessions_created_by ON public.reception_sessions USING btree (created_by);
CREATE INDEX reception_sessions_host ON public.reception_sessions USING btree (host_id);
CREATE INDEX reception_sessions_province ON public.reception_sessions USING btree (province_id, held_on);
CREATE INDEX reception_sessions_unit_day ON public.reception_sessions USING btree (unit_id, held_on);
CREATE INDEX service_ratings_province_idx ON public.service_ratings USING btree (province_id);
CREATE INDEX service_ratings_unit_idx ON public.service_ratings USING btree (unit_id);
CREATE INDEX service_request_attachments_province_idx ON public.service_request_attachments USING btree (province_id);
CREATE INDEX service_request_attachments_request_idx ON public.service_request_attachments USING btree (request_id);
CREATE INDEX service_request_attachments_requester_idx ON public.service_request_attachments USING btree (requester_id) WHERE (requester_id IS NOT NULL);
CREATE INDEX service_request_attachments_unit_idx ON public.service_request_attachments USING btree (unit_id);
CREATE INDEX service_request_events_province_idx ON public.service_request_events USING btree (province_id);
CREATE INDEX service_request_events_request_idx ON public.service_request_events USING btree (request_id, id);
CREATE INDEX service_request_events_requester_idx ON public.service_request_events USING btree (requester_id) WHERE (requester_id IS NOT NULL);
CREATE INDEX service_request_events_unit_idx ON public.service_request_events USING btree (unit_id);
CREATE INDEX service_requests_case_idx ON public.service_requests USING btree (case_id) WHERE (case_id IS NOT NULL);
CREATE INDEX service_requests_province_idx ON public.service_requests USING btree (province_id, status, submitted_at DESC);
CREATE INDEX service_requests_requester_id_number_idx ON public.service_requests USING btree (requester_id_number) WHERE (requester_id_number IS NOT NULL);
CREATE INDEX service_requests_requester_idx ON public.service_requests USING btree (requester_id) WHERE (requester_id IS NOT NULL);
CREATE INDEX service_requests_submitted_on_idx ON public.service_requests USING btree (submitted_on, province_id);
CREATE INDEX service_requests_unit_idx ON public.service_requests USING btree (unit_id, status, submitted_at DESC);
CREATE INDEX stat_daily_dim_idx ON public.stat_daily USING btree (dim, day);
CREATE INDEX stat_daily_province_idx ON public.stat_daily USING btree (province_id, dim, day);
CREATE INDEX stat_monthly_dim_idx ON public.stat_monthly USING btree (dim, month);
CREATE INDEX stat_monthly_province_idx ON public.stat_monthly USING btree (province_id, dim, month);
CREATE INDEX stat_targets_province_idx ON public.stat_targets USING btree (province_id);
CREATE INDEX stat_yearly_dim_idx ON public.stat_yearly USING btree (dim, year) INCLUDE (unit_id, province_id, ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m);
CREATE INDEX stat_yearly_province_idx ON public.stat_yearly USING btree (province_id, dim, year);
CREATE INDEX steering_coercion_ops_case_id_idx ON public.steering_coercion_ops USING btree (case_id, planned_on);
CREATE INDEX steering_coercion_ops_committee_id_idx ON public.steering_coercion_ops USING btree (committee_id);
CREATE INDEX steering_coercion_ops_created_by_idx ON public.steering_coercion_ops USING btree (created_by);
CREATE INDEX steering_coercion_ops_decided_by_idx ON public.steering_coercion_ops USING btree (decided_by) WHERE (decided_by IS NOT NULL);
CREATE INDEX steering_coercion_ops_province_id_idx ON public.steering_coercion_ops USING btree (province_id);
CREATE INDEX steering_coercion_ops_status_idx ON public.steering_coercion_ops USING btree (status);
CREATE INDEX steering_coercion_ops_unit_id_idx ON public.steering_coercion_ops USING btree (unit_id);
CREATE INDEX steering_committee_members_province_id_idx ON public.steering_committee_members USING btree (province_id);
CREATE INDEX steering_committee_members_user_id_idx ON public.steering_committee_members USING btree (user_id);
CREATE UNIQUE INDEX steering_committee_one_chair ON public.steering_committee_members USING btree (committee_id) WHERE (member_role = 'chair'::public.steering_member_role);
CREATE UNIQUE INDEX steering_committee_one_secretary ON public.steering_committee_members USING btree (committee_id) WHERE (member_role = 'secretary'::public.steering_member_role);
CREATE UNIQUE INDEX steering_committees_one_national ON public.steering_committees USING btree (kind) WHERE (kind = 'national_anticorruption'::public.steering_committee_kind);
CREATE INDEX steering_committees_province_id_idx ON public.steering_committees USING btree (province_id);
CREATE INDEX steering_directives_addressee_unit_idx ON public.steering_directives USING btree (addressee_unit_id, due_on);
CREATE INDEX steering_directives_addressee_user_idx ON public.steering_directives USING btree (addressee_user_id);
CREATE INDEX steering_directives_answered_by_idx ON public.steering_directives USING btree (answered_by) WHERE (answered_by IS NOT NULL);
CREATE INDEX steering_directives_case_id_idx ON public.steering_directives USING btree (case_id);
CREATE INDEX steering_directives_committee_id_idx ON public.steering_directives USING btree (committee_id, due_on);
CREATE INDEX steering_directives_flag_id_idx ON public.steering_directives USING btree (flag_id);
CREATE INDEX steering_directives_issued_by_idx ON public.steering_directives USING btree (issued_by);
CREATE INDEX steering_directives_meeting_idx ON public.steering_directives USING btree (meeting_id) WHERE (meeting_id IS NOT NULL);
CREATE INDEX steering_directives_province_id_idx ON public.steering_directives USING btree (province_id);
CREATE INDEX steering_flags_case_id_idx ON public.steering_flags USING btree (case_id);
CREATE INDEX steering_flags_committee_id_idx ON public.steering_flags USING btree (committee_id, status);
CREATE INDEX steering_flags_decided_by_idx ON public.steering_flags USING btree (decided_by) WHERE (decided_by IS NOT NULL);
CREATE UNIQUE INDEX steering_flags_one_open ON public.steering_flags USING btree (committee_id, case_id) WHERE (status = ANY (ARRAY['proposed'::public.steering_flag_status, 'accepted'::public.steering_flag_status]));
CREATE INDEX steering_flags_proposed_by_idx ON public.steering_flags USING btree (proposed_by);
CREATE INDEX steering_flags_province_id_idx ON public.steering_flags USING btree (province_id);
CREATE INDEX steering_flags_unit_id_idx ON public.steering_flags USING btree (unit_id);
CREATE INDEX steering_meeting_items_committee_id_idx ON public.steering_meeting_items USING btree (committee_id);
CREATE INDEX steering_meeting_items_flag_id_idx ON public.steering_meeting_items USING btree (flag_id);
CREATE INDEX steering_meeting_items_province_idx ON public.steering_meeting_items USING btree (province_id) WHERE (province_id IS NOT NULL);
CREATE INDEX steering_meetings_committee_id_idx ON public.steering_meetings USING btree (committee_id, held_on DESC);
CREATE INDEX steering_meetings_created_by_idx ON public.steering_meetings USING btree (created_by);
CREATE INDEX steering_meetings_province_idx ON public.steering_meetings USING btree (province_id) WHERE (province_id IS NOT NULL);
CREATE INDEX steering_progress_reports_case_id_idx ON public.steering_progress_reports USING btree (case_id);
CREATE INDEX steering_progress_reports_committee_id_idx ON public.steering_progress_reports USING btree (committee_id);
CREATE INDEX steering_progress_reports_province_id_idx ON public.steering_progress_reports USING btree (province_id);
CREATE INDEX steering_progress_reports_reported_by_idx ON public.steering_progress_reports USING btree (reported_by);
CREATE INDEX steering_progress_reports_unit_id_idx ON public.steering_progress_reports USING btree (unit_id);
CREATE INDEX unit_successions_province_id_idx ON public.unit_successions USING btree (province_id);
CREATE INDEX unit_successions_successor_id_idx ON public.unit_successions USING btree (successor_id);
CREATE INDEX units_merged_into_idx ON public.units USING btree (merged_into_id) WHERE (merged_into_id IS NOT NULL);
CREATE INDEX units_parent_id_idx ON public.units USING btree (parent_id);
CREATE INDEX units_province_id_idx ON public.units USING btree (province_id);

-- ============================================================================
-- Functions
-- ============================================================================

CREATE OR REPLACE FUNCTION app_private.actor_is_caller()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.actor_is_caller(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.api_tokens_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    if (select count(*) from public.api_tokens t
         where t.account_id = new.account_id and t.revoked_at is null and t.expires_at > now()) >= 20 then
      raise exception 'Mã truy cập API: đã có 20 mã còn hiệu lực; thu hồi bớt trước khi tạo mã mới.'
        using errcode = '23514', column = 'name';
    end if;
    if (select count(*) from public.api_tokens t
         where t.account_id = new.account_id and t.created_at > now() - interval '1 day') >= 20 then
      raise exception 'Mã truy cập API: đã tạo 20 mã trong 24 giờ qua; thử lại sau.'
        using errcode = '23514', column = 'name';
    end if;
    return new;
  end if;
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'Mã truy cập API: mã đã thu hồi không thể khôi phục.' using errcode = '23514', column = 'revoked_at';
  end if;
  if old.revoked_at is null and new.revoked_at is not null then
    new.revoked_at := now();
  end if;
  return new;
end
$function$;
-- function app_private.api_tokens_guard(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.asset_rows_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.asset_rows_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.assigned_case_ids()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_units uuid[] := app_private.unit_staff_units();
begin
  if cardinality(v_units) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct e.case_id), '{}')
            from public.case_events e
            join public.cases c on c.id = e.case_id and c.unit_id = any (v_units)
           where e.kind in ('office_assignment', 'reorganisation') and (e.payload ->> 'unitId') = any (v_units::text[]));
end
$function$;
grant execute on function app_private.assigned_case_ids() to authenticated;
grant execute on function app_private.assigned_case_ids() to service_role;

CREATE OR REPLACE FUNCTION app_private.audit_batch_digest(p_table text, p_ranges jsonb, p_version integer)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
 SET "TimeZone" TO 'UTC'
AS $function$
declare
  v_digest text;
begin
  if p_table is distinct from 'case_events' then
    raise exception 'audit_batch_digest: % is not audited by batch', p_table using errcode = '22023';
  end if;
  if p_version not in (1, 2) then
    raise exception 'audit_batch_digest: unknown digest version %', p_version using errcode = '22023';
  end if;
  select encode(sha256(convert_to(coalesce(string_agg(r.rows_text, E'\n' order by r.lo), ''), 'UTF8')), 'hex')
    into v_digest
  from (
    select b.lo,
           (select string_agg(
                     case p_version
                       when 1 then to_jsonb(e)::text
                       else jsonb_build_object(
                         'id', e.id, 'case_id', e.case_id, 'province_id', e.province_id, 'unit_id', e.unit_id,
                         'kind', e.kind, 'effective_date', e.effective_date, 'payload', e.payload,
                         'actor_id', e.actor_id, 'idempotency_key', e.idempotency_key, 'created_at', e.created_at)::text
                     end, E'\n' order by e.id)
              from public.case_events e where e.id between b.lo and b.hi) as rows_text
    from (select (x ->> 0)::bigint as lo, (x ->> 1)::bigint as hi from jsonb_array_elements(p_ranges) as x) b
  ) r;
  return v_digest;
end
$function$;
-- function app_private.audit_batch_digest(p_table text, p_ranges jsonb, p_version integer): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.audit_hash(p_prev text, p_id bigint, p_chain text, p_actor uuid, p_table text, p_op text, p_row text, p_before jsonb, p_after jsonb, p_at timestamp with time zone)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select encode(sha256(convert_to(concat_ws('|',
    p_prev, p_id::text, p_chain, coalesce(p_actor::text, ''), p_table, p_op,
    coalesce(p_row, ''), coalesce(p_before::text, ''), coalesce(p_after::text, ''),
    (extract(epoch from p_at) * 1000000)::bigint::text), 'UTF8')), 'hex')
$function$;
-- function app_private.audit_hash(p_prev text, p_id bigint, p_chain text, p_actor uuid, p_table text, p_op text, p_row text, p_before jsonb, p_after jsonb, p_at timestamp with time zone): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.audit_inserted_rows()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_actor uuid := auth.uid();
  v_table text := tg_table_name;
  v_seq regclass := pg_get_serial_sequence('public.audit_log', 'id')::regclass;
  -- The trigger's argument: from this many rows a statement is audited as one digest per chain.
  v_batch_from integer := case when tg_nargs > 0 then tg_argv[0]::integer end;
  v_batch boolean;
  v_chain text;
  v_prev text;
  v_id bigint;
  v_at timestamptz;
  v_n integer;
  v_after jsonb;
  v_ranges jsonb;
  v_rows bigint;
  v_ids bigint[];
  v_afters jsonb[];
  v_ats timestamptz[];
  v_prevs text[];
  v_hashes text[];
  r record;
begin
  v_batch := v_batch_from is not null and (select count(*) from new_rows) >= v_batch_from;
  -- Chain by chain (in a fixed order): lock the head before drawing any id,
  -- so that ids within a chain follow the chain, exactly as audit_row does.
  for v_chain in select distinct coalesce(n.province_id::text, 'national') from new_rows n order by 1 loop
    insert into app_private.audit_chain_heads (chain_key) values (v_chain) on conflict do nothing;
    select h.last_hash into v_prev from app_private.audit_chain_heads h where h.chain_key = v_chain for update;

    if v_batch then
      select jsonb_agg(jsonb_build_array(g.lo, g.hi) order by g.lo), sum(g.hi - g.lo + 1)
        into v_ranges, v_rows
      from (
        select min(s.id) as lo, max(s.id) as hi
        from (select n.id, n.id - row_number() over (order by n.id) as run
              from new_rows n where coalesce(n.province_id::text, 'national') = v_chain) s
        group by s.run
      ) g;
      v_after := jsonb_build_object('batch', jsonb_build_object(
        'table', v_table, 'v', 2, 'rows', v_rows, 'ranges', v_ranges,
        'digest', app_private.audit_batch_digest(v_table, v_ranges, 2)));
      v_id := nextval(v_seq);
      v_at := clock_timestamp();
      v_hashes := array[app_private.audit_hash(v_prev, v_id, v_chain, v_actor, v_table, 'INSERT', null, null, v_after, v_at)];
      insert into public.audit_log (id, chain_key, province_id, unit_id, actor_id, table_name, op, row_id,
                                    before, after, at, prev_hash, hash)
      overriding system value
      values (v_id, v_chain, case when v_chain <> 'national' then v_chain::uuid end, null, v_actor,
              v_table, 'INSERT', null, null, v_after, v_at, v_prev, v_hashes[1]);
      update app_private.audit_chain_heads set last_hash = v_hashes[1], last_id = v_id where chain_key = v_chain;
      continue;
    end if;

    v_n := 0;
    v_ids := '{}'; v_afters := '{}'; v_ats := '{}'; v_prevs := '{}'; v_hashes := '{}';
    for r in select to_jsonb(n) as after from new_rows n where coalesce(n.province_id::text, 'national') = v_chain loop
      v_n := v_n + 1;
      v_id := nextval(v_seq);
      v_at := clock_timestamp();
      v_ids[v_n] := v_id;
      v_afters[v_n] := r.after;
      v_ats[v_n] := v_at;
      v_prevs[v_n] := v_prev;
      -- app_private.audit_hash(v_prev, v_id, v_chain, v_actor, v_table, 'INSERT', id, null, after, v_at),
      -- written out: a call per row costs a fifth of the whole audit. Checked against it below.
      v_prev := encode(sha256(convert_to(concat_ws('|',
        v_prev, v_id::text, v_chain, coalesce(v_actor::text, ''), v_table, 'INSERT',
        coalesce(r.after ->> 'id', ''), '', r.after::text,
        (extract(epoch from v_at) * 1000000)::bigint::text), 'UTF8')), 'hex');
      v_hashes[v_n] := v_prev;
    end loop;
    -- Once per chain and statement: the chain's newest hash must be audit_hash's, or nothing is written.
    if v_prev is distinct from app_private.audit_hash(v_prevs[v_n], v_ids[v_n], v_chain, v_actor, v_table, 'INSERT',
                                                      v_afters[v_n] ->> 'id', null, v_afters[v_n], v_ats[v_n]) then
      raise exception 'audit_inserted_rows: hash differs from app_private.audit_hash' using errcode = 'XX000';
    end if;
    insert into public.audit_log (id, chain_key, province_id, unit_id, actor_id, table_name, op, row_id,
                                  before, after, at, prev_hash, hash)
    overriding system value
    select u.id, v_chain, (u.after ->> 'province_id')::uuid, (u.after ->> 'unit_id')::uuid, v_actor,
           v_table, 'INSERT', u.after ->> 'id', null, u.after, u.at, u.prev, u.hash
    from unnest(v_ids, v_afters, v_ats, v_prevs, v_hashes) as u(id, after, at, prev, hash);
    update app_private.audit_chain_heads set last_hash = v_prev, last_id = v_id where chain_key = v_chain;
  end loop;
  return null;
end
$function$;
-- function app_private.audit_inserted_rows(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.audit_log_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
end
$function$;
-- function app_private.audit_log_immutable(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.audit_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_before jsonb;
  v_after jsonb;
  v_row jsonb;
  v_chain text;
  v_prev text;
  v_id bigint;
  v_hash text;
  v_actor uuid := auth.uid();
  v_at timestamptz := clock_timestamp();
begin
  if tg_op in ('UPDATE', 'DELETE') then v_before := to_jsonb(old); end if;
  if tg_op in ('INSERT', 'UPDATE') then v_after := to_jsonb(new); end if;
  v_row := coalesce(v_after, v_before);
  v_chain := coalesce(v_row ->> 'province_id', 'national');

  insert into app_private.audit_chain_heads (chain_key) values (v_chain) on conflict do nothing;
  select h.last_hash into v_prev from app_private.audit_chain_heads h where h.chain_key = v_chain for update;

  v_id := nextval(pg_get_serial_sequence('public.audit_log', 'id'));
  v_hash := app_private.audit_hash(v_prev, v_id, v_chain, v_actor, tg_table_name, tg_op,
                                   v_row ->> 'id', v_before, v_after, v_at);
  insert into public.audit_log (id, chain_key, province_id, unit_id, actor_id, table_name, op, row_id,
                                before, after, at, prev_hash, hash)
  overriding system value
  values (v_id, v_chain, (v_row ->> 'province_id')::uuid, (v_row ->> 'unit_id')::uuid, v_actor,
          tg_table_name, tg_op, v_row ->> 'id', v_before, v_after, v_at, v_prev, v_hash);
  update app_private.audit_chain_heads set last_hash = v_hash, last_id = v_id where chain_key = v_chain;
  return null;
end
$function$;
-- function app_private.audit_row(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.audit_verify()
 RETURNS TABLE(chain_key text, rows_checked bigint, first_broken_id bigint, problem text)
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  with ordered as (
    select a.*,
           coalesce(lag(a.hash) over (partition by a.chain_key order by a.id), '') as expected_prev,
           app_private.audit_hash(a.prev_hash, a.id, a.chain_key, a.actor_id, a.table_name, a.op,
                                  a.row_id, a.before, a.after, a.at) as recomputed,
           case when a.row_id is null and a.op = 'INSERT' and a.table_name = 'case_events' and a.after ? 'batch'
                then (a.after #>> '{batch,digest}')
                     is not distinct from app_private.audit_batch_digest(a.after #>> '{batch,table}', a.after #> '{batch,ranges}',
                                                                        coalesce((a.after #>> '{batch,v}')::integer, 1))
           end as batch_intact
    from public.audit_log a
  ),
  broken as (
    select o.chain_key, o.id,
           case when o.prev_hash <> o.expected_prev then 'prev_hash does not match the previous row (row removed or reordered)'
                when o.hash <> o.recomputed then 'hash does not match the row content (row altered)'
                else 'the ledger rows of this batch were altered, removed or added (digest differs)' end as problem,
           row_number() over (partition by o.chain_key order by o.id) as rn
    from ordered o
    where o.prev_hash <> o.expected_prev or o.hash <> o.recomputed or o.batch_intact = false
  ),
  last_rows as (
    select distinct on (a.chain_key) a.chain_key, a.id, a.hash
    from public.audit_log a order by a.chain_key, a.id desc
  ),
  counts as (select a.chain_key, count(*) as n from public.audit_log a group by a.chain_key)
  select h.chain_key,
         coalesce(c.n, 0),
         coalesce(b.id, case when coalesce(l.hash, '') <> h.last_hash then coalesce(l.id, 0) end),
         coalesce(b.problem, case when coalesce(l.hash, '') <> h.last_hash then 'the newest rows of the chain are missing' end)
  from app_private.audit_chain_heads h
  left join counts c on c.chain_key = h.chain_key
  left join broken b on b.chain_key = h.chain_key and b.rn = 1
  left join last_rows l on l.chain_key = h.chain_key
  order by h.chain_key
$function$;
-- function app_private.audit_verify(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.auth_user_email(p_user_id uuid)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select u.email::text
  from auth.users u
  where u.id = p_user_id
    and u.deleted_at is null
    and (u.banned_until is null or u.banned_until < now())
$function$;
grant execute on function app_private.auth_user_email(p_user_id uuid) to auth_service;

CREATE OR REPLACE FUNCTION app_private.case_events_check_intra_province_transfer()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_ref text := new.payload ->> 'unitId';
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  if new.effective_date >= date '2025-07-01' then
    raise exception 'Ủy thác trong tỉnh (effective_date): chỉ ghi nhận được trước ngày 01/07/2025.'
      using errcode = '23514', constraint = 'case_events_intra_province_transfer_date', column = 'effective_date';
  end if;
  if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     or not exists (select 1 from public.units u join public.cases c on c.province_id = u.province_id
                     where c.id = new.case_id and u.id = v_ref::uuid and u.kind = 'subunit'
                       and (u.dissolved_on is null or u.dissolved_on > new.effective_date)) then
    raise exception 'Đơn vị nhận ủy thác trong tỉnh (unitId): phải là cơ quan thi hành án dân sự cấp huyện của tỉnh đang thụ lý việc, còn hoạt động vào ngày ủy thác.'
      using errcode = '23514', constraint = 'case_events_intra_province_transfer_target', column = 'unitId';
  end if;
  return new;
end
$function$;
-- function app_private.case_events_check_intra_province_transfer(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.case_events_check_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_unit uuid;
  v_province uuid;
  v_status public.case_status;
  v_ref text;
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  if new.kind not in ('decision', 'executor_change', 'transfer', 'office_assignment') then
    return new;
  end if;
  select c.unit_id, c.province_id, c.status into v_unit, v_province, v_status from public.cases c where c.id = new.case_id;
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
  elsif new.kind = 'transfer' and new.payload ? 'toMilitaryAgency' then
    -- A military-region enforcement agency keeps its records outside this system: it is named in
    -- words, 2 to 300 characters, and is then the only receiving agency the transfer names.
    v_ref := btrim(new.payload ->> 'toMilitaryAgency');
    if jsonb_typeof(new.payload -> 'toMilitaryAgency') <> 'string' or new.payload ? 'toProvinceId'
       or char_length(v_ref) not between 2 and 300 then
      raise exception 'Cơ quan thi hành án cấp quân khu nhận ủy thác (toMilitaryAgency): ghi tên từ 2 đến 300 ký tự; một việc chỉ ủy thác cho một nơi.'
        using errcode = '23514', constraint = 'cases_transfer_military_agency', column = 'toMilitaryAgency';
    end if;
  elsif new.kind = 'transfer' then
    v_ref := new.payload ->> 'toProvinceId';
    if v_ref is null or v_ref !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.units u
                       where u.id = v_ref::uuid and u.kind = 'province' and u.dissolved_on is null and u.id <> v_province) then
      raise exception 'Nơi nhận ủy thác (toProvinceId): phải là cơ quan THADS của một tỉnh/thành phố khác đang hoạt động.'
        using errcode = '23514', constraint = 'cases_transfer_target', column = 'toProvinceId';
    end if;
  else
    if v_unit is distinct from v_province or v_status <> 'accepted'
       or exists (select 1 from public.case_events e where e.case_id = new.case_id and e.kind = 'office_assignment') then
      raise exception 'Giao phòng thi hành án dân sự khu vực: chỉ giao được một lần, việc do cơ quan THADS tỉnh đang thụ lý và chưa ra quyết định thi hành án.'
        using errcode = '23514', constraint = 'cases_office_assignment_held_by_bureau', column = 'unitId';
    end if;
    v_ref := new.payload ->> 'unitId';
    if v_ref is null or v_ref !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or not exists (select 1 from public.units u
                       where u.id = v_ref::uuid and u.kind = 'subunit' and u.dissolved_on is null and u.province_id = v_province) then
      raise exception 'Phòng được giao (unitId): phải là một phòng thi hành án dân sự khu vực đang hoạt động của tỉnh/thành phố đang thụ lý việc.'
        using errcode = '23514', constraint = 'cases_office_assignment_target', column = 'unitId';
    end if;
  end if;
  return new;
end
$function$;
-- function app_private.case_events_check_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.case_events_maintenance_only()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_province uuid;
  v_holding uuid;
  v_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
begin
  if coalesce(current_setting('role', true), 'none') in ('anon', 'authenticated', 'case_writer') then
    raise exception 'Chuyển giao do sắp xếp tổ chức bộ máy: chỉ được ghi khi sắp xếp đơn vị, không phải một bước của người dùng.'
      using errcode = '42501', constraint = 'case_events_maintenance_only', column = 'kind';
  end if;
  -- The maintenance's own rows are checked too: both units named as the database writes ids, of the
  -- case's province, the one handing over holding the case on that day, the successor another.
  select c.province_id into v_province from public.cases c where c.id = new.case_id;
  if coalesce(new.payload ->> 'unitId', '') !~ v_uuid or coalesce(new.payload ->> 'fromUnitId', '') !~ v_uuid
     or not exists (select 1 from public.units u where u.id = (new.payload ->> 'unitId')::uuid and u.province_id = v_province)
     or not exists (select 1 from public.units u where u.id = (new.payload ->> 'fromUnitId')::uuid and u.province_id = v_province) then
    raise exception 'Chuyển giao do sắp xếp tổ chức bộ máy: đơn vị giao và đơn vị tiếp nhận (fromUnitId, unitId) phải là đơn vị của tỉnh đang thụ lý việc.'
      using errcode = '23514', constraint = 'case_events_reorganisation_units', column = 'unitId';
  end if;
  v_holding := public.stat_unit_at(new.case_id, new.effective_date);
  if v_holding is distinct from (new.payload ->> 'fromUnitId')::uuid or v_holding = (new.payload ->> 'unitId')::uuid then
    raise exception 'Chuyển giao do sắp xếp tổ chức bộ máy: đơn vị giao phải là đơn vị đang thụ lý việc vào ngày đó, đơn vị tiếp nhận là đơn vị khác.'
      using errcode = '23514', constraint = 'case_events_reorganisation_holder', column = 'fromUnitId';
  end if;
  return new;
end
$function$;
-- function app_private.case_events_maintenance_only(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.case_rows_follow_unit()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.case_parties set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.case_obligations set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.assets set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.asset_seizures set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.asset_valuations set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.asset_proceeds set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.auction_contracts set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.auction_rounds set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.auction_deposits set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.steering_flags set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  update public.steering_coercion_ops set unit_id = new.unit_id, province_id = new.province_id where case_id = new.id;
  return null;
end
$function$;
-- function app_private.case_rows_follow_unit(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.cases_check_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  -- Writes through the API roles (PostgREST and the case service switch to them with SET ROLE);
  -- the owner's own maintenance paths (migrations, seeds) are trusted.
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  -- A case changes unit only by the assignment step recorded in its ledger in this same
  -- transaction, from its provincial bureau to that office; never out of its province (the unit's
  -- own province, as cases_tenant will set it after this trigger).
  if tg_op = 'UPDATE' and (new.unit_id is distinct from old.unit_id or new.province_id is distinct from old.province_id) then
    if new.province_id is distinct from old.province_id
       or (select u.province_id from public.units u where u.id = new.unit_id) is distinct from old.province_id
       or old.unit_id is distinct from old.province_id
       or not exists (select 1 from public.case_events e
                       where e.id = (select max(l.id) from public.case_events l where l.case_id = old.id)
                         and e.kind = 'office_assignment' and e.created_at = now()
                         and (e.payload ->> 'unitId')::uuid = new.unit_id) then
      raise exception 'Đơn vị thụ lý (unit_id): chỉ thay đổi bằng bước giao phòng thi hành án dân sự khu vực ghi vào sổ việc thi hành án.'
        using errcode = '23514', constraint = 'cases_unit_by_ledger', column = 'unit_id';
    end if;
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
$function$;
-- function app_private.cases_check_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_case_event_bounds()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_today date := app_private.today_vn();
  r record;
begin
  -- app_private.date_out_of_bounds(effective_date, 'past', accepted_on, today), written out.
  select n.effective_date, c.accepted_on into r
    from new_rows n join public.cases c on c.id = n.case_id
   where n.effective_date < date '1990-01-01' or n.effective_date > v_today or n.effective_date < c.accepted_on
   limit 1;
  if found then
    perform app_private.check_date_bound(r.effective_date, 'past', 'Ngày hiệu lực (effective_date)', r.accepted_on);
  end if;

  -- not app_private.is_dong(amount), written out.
  select n.payload ->> 'amount' as amount into r
    from new_rows n
   where n.kind = 'payment'
     and not case when (n.payload ->> 'amount') ~ '^[0-9]{1,17}$'
                  then (n.payload ->> 'amount')::numeric between 1 and 10000000000000000 else false end
   limit 1;
  if found then
    perform app_private.check_dong(r.amount, 'Số tiền nộp (payload.amount)');
  end if;

  select coalesce(x ->> 'id', x ->> 'code', '') as id, case n.kind when 'decision' then x ->> 'amount' else x ->> 'outstanding' end as amount
    into r
    from new_rows n
    cross join lateral jsonb_array_elements(case when jsonb_typeof(n.payload -> 'obligations') = 'array' then n.payload -> 'obligations' else '[]'::jsonb end) as t(x)
   where n.kind in ('decision', 'acceptance') and x ->> 'kind' = 'money' and (n.kind = 'decision' or x ? 'outstanding')
     and not app_private.is_dong(case n.kind when 'decision' then x ->> 'amount' else x ->> 'outstanding' end)
   limit 1;
  if found then
    perform app_private.check_dong(r.amount, 'Khoản tiền phải thi hành "' || r.id || '" (payload.obligations)');
  end if;

  if exists (
    select 1
      from public.case_events e
      cross join lateral jsonb_array_elements(case when jsonb_typeof(e.payload -> 'obligations') = 'array' then e.payload -> 'obligations' else '[]'::jsonb end) as t(x)
     where e.case_id in (select n.case_id from new_rows n where n.kind = 'decision') and e.kind = 'decision' and x ->> 'kind' = 'money'
     group by e.case_id
    having sum(case when app_private.is_dong(x ->> 'amount') then (x ->> 'amount')::numeric else 0 end) > 1000000000000000000) then
    raise exception 'Tổng các khoản tiền phải thi hành của việc thi hành án: vượt quá mức tối đa 10^18 đồng / the money obligations of one case exceed 10^18 đồng'
      using errcode = '23514';
  end if;
  return null;
end
$function$;
-- function app_private.check_case_event_bounds(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_case_row_dates(n public.cases, o public.cases)
 RETURNS void
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if o.id is null or n.accepted_on is distinct from o.accepted_on then
    perform app_private.check_date_bound(n.accepted_on, 'past', 'Ngày thụ lý (accepted_on)', null);
  end if;
  if o.id is null or n.decision_date is distinct from o.decision_date then
    perform app_private.check_date_bound(n.decision_date, 'past', 'Ngày ra quyết định thi hành án (decision_date)', n.accepted_on);
  end if;
  if o.id is null or n.closed_on is distinct from o.closed_on then
    perform app_private.check_date_bound(n.closed_on, 'past', 'Ngày kết thúc việc thi hành án (closed_on)', n.accepted_on);
  end if;
  if o.id is null or n.last_event_on is distinct from o.last_event_on then
    perform app_private.check_date_bound(n.last_event_on, 'past', 'Ngày của bước gần nhất (last_event_on)', n.accepted_on);
  end if;
end
$function$;
-- function app_private.check_case_row_dates(n public.cases, o public.cases): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_cases_dates()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_today date := app_private.today_vn();
  v_new public.cases;
  v_old public.cases;
  r record;
begin
  if tg_op = 'INSERT' then
    select n.* into v_new from new_rows n
     where app_private.date_out_of_bounds(n.accepted_on, 'past', null, v_today)
        or app_private.date_out_of_bounds(n.decision_date, 'past', n.accepted_on, v_today)
        or app_private.date_out_of_bounds(n.closed_on, 'past', n.accepted_on, v_today)
        or app_private.date_out_of_bounds(n.last_event_on, 'past', n.accepted_on, v_today)
     limit 1;
  else
    select n as nn, o as oo into r from new_rows n join old_rows o on o.id = n.id
     where (n.accepted_on is distinct from o.accepted_on and app_private.date_out_of_bounds(n.accepted_on, 'past', null, v_today))
        or (n.decision_date is distinct from o.decision_date and app_private.date_out_of_bounds(n.decision_date, 'past', n.accepted_on, v_today))
        or (n.closed_on is distinct from o.closed_on and app_private.date_out_of_bounds(n.closed_on, 'past', n.accepted_on, v_today))
        or (n.last_event_on is distinct from o.last_event_on and app_private.date_out_of_bounds(n.last_event_on, 'past', n.accepted_on, v_today))
     limit 1;
    if found then
      v_new := r.nn;
      v_old := r.oo;
    end if;
  end if;
  if v_new.id is not null then
    perform app_private.check_case_row_dates(v_new, v_old);
  end if;
  return null;
end
$function$;
-- function app_private.check_cases_dates(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_date_bound(p_value date, p_kind text, p_field text, p_accepted date)
 RETURNS void
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_today date := app_private.today_vn();
begin
  if p_value is null then return; end if;
  if p_value < date '1990-01-01' then
    raise exception '%: không được trước năm 1990 (%) / cannot be before 1990', p_field, to_char(p_value, 'DD/MM/YYYY')
      using errcode = '23514';
  end if;
  if p_kind = 'past' and p_value > v_today then
    raise exception '%: không được sau ngày hôm nay (%) / cannot be after today', p_field, to_char(v_today, 'DD/MM/YYYY')
      using errcode = '23514';
  end if;
  if p_kind = 'planned' and p_value > (v_today + interval '10 years')::date then
    raise exception '%: không được quá 10 năm kể từ hôm nay (muộn nhất %) / cannot be more than 10 years ahead', p_field,
      to_char((v_today + interval '10 years')::date, 'DD/MM/YYYY') using errcode = '23514';
  end if;
  if p_accepted is not null and p_value < p_accepted then
    raise exception '%: không được trước ngày thụ lý việc thi hành án (%) / cannot be before the case''s acceptance date', p_field,
      to_char(p_accepted, 'DD/MM/YYYY') using errcode = '23514';
  end if;
end
$function$;
-- function app_private.check_date_bound(p_value date, p_kind text, p_field text, p_accepted date): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_dong(p_value text, p_field text)
 RETURNS numeric
 LANGUAGE plpgsql
 IMMUTABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if p_value is null or p_value !~ '^[0-9]{1,17}$' or p_value::numeric < 1 or p_value::numeric > 10000000000000000 then
    raise exception '%: phải là số đồng nguyên dương, tối đa 10.000.000.000.000.000 đồng (nhận được %) / must be a whole number of đồng from 1 to 10^16',
      p_field, coalesce(p_value, 'null') using errcode = '23514';
  end if;
  return p_value::numeric;
end
$function$;
-- function app_private.check_dong(p_value text, p_field text): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_judgments_dates()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_date date;
begin
  select n.judgment_date into v_date from new_rows n
   where app_private.date_out_of_bounds(n.judgment_date, 'past', null, app_private.today_vn()) limit 1;
  if found then
    perform app_private.check_date_bound(v_date, 'past', 'Ngày bản án (judgment_date)', null);
  end if;
  return null;
end
$function$;
-- function app_private.check_judgments_dates(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_obligation_dates()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_today date := app_private.today_vn();
  r record;
begin
  select n.performed_on, c.accepted_on into r
    from new_rows n join public.cases c on c.id = n.case_id
   where n.performed_on is not null
     and (n.performed_on < date '1990-01-01' or n.performed_on > v_today or n.performed_on < c.accepted_on)
   limit 1;
  if found then
    perform app_private.check_date_bound(r.performed_on, 'past', 'Ngày thực hiện nghĩa vụ (performed_on)', r.accepted_on);
  end if;
  return null;
end
$function$;
-- function app_private.check_obligation_dates(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_password(p_email text, p_password text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  -- Compared against when the e-mail is unknown or has no password, so every
  -- attempt costs one bcrypt check at Supabase Auth's cost (10).
  c_dummy constant text := '$2a$10$OBv7u7Y6Lwdy.NHfMtJxEO358fTZrsKaRjeAPvaetbWdnPecVl6c2';
  v_id uuid;
  v_hash text;
  v_usable boolean;
  v_ok boolean;
begin
  if p_email is null or p_password is null or length(p_email) > 320 or length(p_password) > 1000 then
    return null;
  end if;

  select u.id, u.encrypted_password,
         u.deleted_at is null and (u.banned_until is null or u.banned_until < now())
    into v_id, v_hash, v_usable
  from auth.users u
  where lower(u.email) = lower(btrim(p_email))
  order by u.deleted_at nulls first, u.created_at
  limit 1;

  -- $2b$ (bcryptjs) and $2a$ (Supabase Auth) hash a password of under 255
  -- bytes identically; pgcrypto reads the $2a$ form.
  if v_hash ~ '^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$' then
    v_hash := '$2a$' || substr(v_hash, 5);
  else
    v_hash := null;
  end if;

  v_ok := extensions.crypt(p_password, coalesce(v_hash, c_dummy)) = coalesce(v_hash, c_dummy);
  if not (v_ok and v_hash is not null and v_usable) then
    return null;
  end if;

  -- Supabase Auth records sign-ins itself; record this one where the owner may.
  if has_column_privilege('auth.users', 'last_sign_in_at', 'UPDATE') then
    update auth.users set last_sign_in_at = now() where id = v_id;
  end if;
  return v_id;
end
$function$;
grant execute on function app_private.check_password(p_email text, p_password text) to auth_service;

CREATE OR REPLACE FUNCTION app_private.check_record_dates()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_new jsonb := to_jsonb(new);
  v_old jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
  v_accepted date;
  v_kind text; v_col text; v_label text;
  i integer;
begin
  v_accepted := case tg_argv[0]
    when 'case' then (select c.accepted_on from public.cases c where c.id = (v_new ->> 'case_id')::uuid)
    when 'asset' then (select c.accepted_on from public.assets a join public.cases c on c.id = a.case_id where a.id = (v_new ->> 'asset_id')::uuid)
    when 'flag' then (select c.accepted_on from public.steering_flags f join public.cases c on c.id = f.case_id where f.id = (v_new ->> 'flag_id')::uuid)
  end;
  for i in 1 .. tg_nargs - 1 loop
    v_kind := split_part(tg_argv[i], ':', 1);
    v_col := split_part(tg_argv[i], ':', 2);
    v_label := split_part(tg_argv[i], ':', 3);
    continue when v_old is not null and (v_old ->> v_col) is not distinct from (v_new ->> v_col);
    perform app_private.check_date_bound((v_new ->> v_col)::date, v_kind, v_label || ' (' || v_col || ')', v_accepted);
  end loop;
  return new;
end
$function$;
-- function app_private.check_record_dates(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.check_stat_target_year()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_last integer := extract(year from app_private.today_vn())::integer + 10;
begin
  if new.stat_year > v_last then
    raise exception 'Năm thống kê (stat_year): phải từ năm 1990 đến năm % / must be between 1990 and %', v_last, v_last
      using errcode = '23514';
  end if;
  return new;
end
$function$;
-- function app_private.check_stat_target_year(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.claim_notification_emails(p_accounts integer)
 RETURNS TABLE(account_id uuid, email text, total integer, ids uuid[], items jsonb)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_accounts uuid[];
begin
  update public.notifications n set emailed_at = now()
   where n.emailed_at is null
     and (n.email_attempts >= 5 or exists (select 1 from public.profiles p where p.id = n.account_id and not p.notify_email));
  -- The accounts first, in a statement of their own.
  select array_agg(a.account_id) into v_accounts
    from (select distinct o.account_id from public.notifications o
           where o.emailed_at is null
             and (o.email_claimed_at is null or o.email_claimed_at < now() - interval '10 minutes')
           order by o.account_id limit greatest(1, least(p_accounts, 500))) a;
  if v_accounts is null then
    return;
  end if;
  return query
    with picked as (
      select n.id
        from public.notifications n
       where n.account_id = any (v_accounts)
         and n.emailed_at is null and (n.email_claimed_at is null or n.email_claimed_at < now() - interval '10 minutes')
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
$function$;
grant execute on function app_private.claim_notification_emails(p_accounts integer) to auth_service;

CREATE OR REPLACE FUNCTION app_private.complaint_letters_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if coalesce(current_setting('role', true), 'none') not in ('anon', 'authenticated', 'case_writer') then
    return new;
  end if;
  -- Triggers run in name order: the tenant key is copied from the unit after this one, so read it here.
  select u.province_id into new.province_id from public.units u where u.id = new.unit_id;
  -- Every case named is one of the receiving province (a NULL element names none and is refused:
  -- it must not let the others through).
  if exists (select 1 from unnest(new.case_ids) c
              where c is null or not exists (select 1 from public.cases k where k.id = c and k.province_id = new.province_id))
     -- A case newly named must also be one the caller works on: a regional office names its own
     -- cases, the province's staff any of the province, the directorate any. Cases already on the
     -- letter stay when it is routed to a unit that does not hold them.
     or exists (select 1 from unnest(new.case_ids) c
                 where (tg_op = 'INSERT' or not c = any (old.case_ids))
                   and not exists (select 1 from public.cases k
                                    where k.id = c
                                      and (k.unit_id = any (app_private.unit_staff_units())
                                           or k.province_id = any (app_private.province_staff_provinces())
                                           or app_private.is_national()))) then
    raise exception 'Việc thi hành án (case_ids): phải là việc của tỉnh/thành phố nhận đơn mà bạn được giao theo dõi.'
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
$function$;
-- function app_private.complaint_letters_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.creditor_case_ids()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.creditor_links l where l.account_id = auth.uid() and l.revoked_at is null) then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct p.case_id), '{}')
          from public.creditor_links l
          join public.case_parties p on p.id_number = l.id_number and p.role = 'creditor'
          where l.account_id = auth.uid() and l.revoked_at is null);
end
$function$;
grant execute on function app_private.creditor_case_ids() to authenticated;

CREATE OR REPLACE FUNCTION app_private.creditor_executor_ids()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_cases uuid[] := app_private.creditor_case_ids();
begin
  if cardinality(v_cases) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct c.executor_id), '{}')
          from public.cases c where c.id = any (v_cases) and c.executor_id is not null);
end
$function$;
grant execute on function app_private.creditor_executor_ids() to authenticated;

CREATE OR REPLACE FUNCTION app_private.creditor_id_numbers()
 RETURNS text[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (select coalesce(array_agg(l.id_number), '{}')
          from public.creditor_links l
          where l.account_id = auth.uid() and l.revoked_at is null);
end
$function$;
grant execute on function app_private.creditor_id_numbers() to authenticated;

CREATE OR REPLACE FUNCTION app_private.creditor_link_revoked_notifications()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.creditor_link_revoked_notifications(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.creditor_party_ids()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.creditor_links l where l.account_id = auth.uid() and l.revoked_at is null) then
    return '{}';
  end if;
  return (select coalesce(array_agg(p.id), '{}')
          from public.creditor_links l
          join public.case_parties p on p.id_number = l.id_number and p.role = 'creditor'
          where l.account_id = auth.uid() and l.revoked_at is null);
end
$function$;
grant execute on function app_private.creditor_party_ids() to authenticated;

CREATE OR REPLACE FUNCTION app_private.date_out_of_bounds(p_value date, p_kind text, p_accepted date, p_today date)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select p_value is not null
     and (p_value < date '1990-01-01'
          or (p_kind = 'past' and p_value > p_today)
          or (p_kind = 'planned' and p_value > (p_today + interval '10 years')::date)
          or p_value < p_accepted)
$function$;
-- function app_private.date_out_of_bounds(p_value date, p_kind text, p_accepted date, p_today date): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.enforcement_staff_provinces()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.provinces_for(app_private.role_group('enforcement_staff'));
end
$function$;
grant execute on function app_private.enforcement_staff_provinces() to authenticated;
grant execute on function app_private.enforcement_staff_provinces() to service_role;

CREATE OR REPLACE FUNCTION app_private.executor_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.units_for(app_private.role_group('executor'));
end
$function$;
grant execute on function app_private.executor_units() to authenticated;
grant execute on function app_private.executor_units() to service_role;

CREATE OR REPLACE FUNCTION app_private.failed_auction_rounds(p_case_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return coalesce((select max(a.failed_rounds) from public.assets a where a.case_id = p_case_id), 0);
end
$function$;
grant execute on function app_private.failed_auction_rounds(p_case_id uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.handles_complaints_of(p_province uuid, p_unit uuid, p_handler_unit uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return coalesce(p_unit = any(app_private.unit_office_units()), false)
      or coalesce(p_handler_unit = any(app_private.unit_office_units()), false)
      or coalesce(p_province = any(app_private.province_staff_provinces()), false);
end
$function$;
grant execute on function app_private.handles_complaints_of(p_province uuid, p_unit uuid, p_handler_unit uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.has_role(p_roles public.app_role[])
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role = any (p_roles)
  );
end
$function$;
grant execute on function app_private.has_role(p_roles public.app_role[]) to authenticated;
grant execute on function app_private.has_role(p_roles public.app_role[]) to service_role;

CREATE OR REPLACE FUNCTION app_private.head_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.units_for(app_private.role_group('heads'));
end
$function$;
grant execute on function app_private.head_units() to authenticated;
grant execute on function app_private.head_units() to service_role;

CREATE OR REPLACE FUNCTION app_private.is_case_unit_executor(p_case_id uuid, p_user_id uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not app_private.may_act_on_case(p_case_id) then
    return null;
  end if;
  return exists (select 1 from public.cases c join public.memberships m on m.unit_id = c.unit_id
                  where c.id = p_case_id and m.user_id = p_user_id and m.role = 'executor');
end
$function$;
grant execute on function app_private.is_case_unit_executor(p_case_id uuid, p_user_id uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.is_creditor_organization()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select exists (select 1 from public.creditor_links l
                  where l.account_id = auth.uid() and l.revoked_at is null and l.party_kind = 'organization')
     and exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'creditor')
     and not exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role <> 'creditor');
$function$;
grant execute on function app_private.is_creditor_organization() to authenticated;

CREATE OR REPLACE FUNCTION app_private.is_denounced(p_kind text, p_subject uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return coalesce(p_kind = 'denunciation' and p_subject = auth.uid(), false);
end
$function$;
grant execute on function app_private.is_denounced(p_kind text, p_subject uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.is_dong(p_value text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when p_value ~ '^[0-9]{1,17}$' then p_value::numeric between 1 and 10000000000000000 else false end
$function$;
-- function app_private.is_dong(p_value text): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.is_enforcement_staff()
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.has_role(app_private.role_group('enforcement_staff'));
end
$function$;
grant execute on function app_private.is_enforcement_staff() to authenticated;
grant execute on function app_private.is_enforcement_staff() to service_role;

CREATE OR REPLACE FUNCTION app_private.is_iso_date(p text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
begin
  if p is null or p !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    return false;
  end if;
  perform p::date;
  return true;
exception when others then
  return false;
end
$function$;
grant execute on function app_private.is_iso_date(p text) to authenticated;
grant execute on function app_private.is_iso_date(p text) to service_role;

CREATE OR REPLACE FUNCTION app_private.is_national()
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role = any (app_private.role_group('national'))
  );
end
$function$;
grant execute on function app_private.is_national() to authenticated;
grant execute on function app_private.is_national() to service_role;

CREATE OR REPLACE FUNCTION app_private.is_national_admin()
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return exists (
    select 1 from public.memberships m
    where m.user_id = auth.uid() and m.role = 'national_admin'
  );
end
$function$;
grant execute on function app_private.is_national_admin() to authenticated;
grant execute on function app_private.is_national_admin() to service_role;

CREATE OR REPLACE FUNCTION app_private.mark_notifications_emailed(p_ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_count integer;
begin
  update public.notifications set emailed_at = now() where id = any (p_ids) and emailed_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end
$function$;
grant execute on function app_private.mark_notifications_emailed(p_ids uuid[]) to auth_service;

CREATE OR REPLACE FUNCTION app_private.may_act_on_case(p_case_id uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return exists (
    select 1 from public.cases c
    where c.id = p_case_id and c.status <> 'transferred_out'
      and (c.unit_id = any (app_private.unit_office_units())
           or (c.executor_id = auth.uid() and c.unit_id = any (app_private.executor_units()))
           or c.province_id = any (app_private.province_staff_provinces()))
  );
end
$function$;
grant execute on function app_private.may_act_on_case(p_case_id uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.may_handle_request(p_province uuid, p_unit uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return p_unit = any (app_private.unit_office_units())
      or p_province = any (app_private.province_staff_provinces());
end
$function$;
grant execute on function app_private.may_handle_request(p_province uuid, p_unit uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.may_manage_creditor_link(p_province uuid, p_unit uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return app_private.is_national_admin()
      or (p_unit is not null and app_private.may_handle_request(p_province, p_unit));
end
$function$;
grant execute on function app_private.may_manage_creditor_link(p_province uuid, p_unit uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.memberships_before_write()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_kind public.unit_kind;
  v_province uuid;
begin
  if new.role = 'creditor' then
    if new.unit_id is not null then
      raise exception 'creditor memberships have no unit' using errcode = '23514';
    end if;
    new.province_id := null;
    return new;
  end if;
  select u.kind, u.province_id into v_kind, v_province from public.units u where u.id = new.unit_id;
  if v_kind is null then
    raise exception 'membership unit % does not exist', new.unit_id using errcode = '23503';
  end if;
  if (new.role = any (app_private.role_group('national')) and v_kind <> 'national')
     or (new.role = any (app_private.role_group('province_staff')) and v_kind <> 'province')
     or (new.role = any (app_private.role_group('unit_staff')) and v_kind <> 'subunit')
     or (new.role = 'steering_member' and v_kind = 'subunit') then
    raise exception 'role % does not fit a unit of kind %', new.role, v_kind using errcode = '23514';
  end if;
  new.province_id := v_province;
  return new;
end
$function$;
-- function app_private.memberships_before_write(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.notifications_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if old.read_at is not null then
    new.read_at := old.read_at;
  elsif new.read_at is not null then
    new.read_at := now();
  end if;
  return new;
end
$function$;
-- function app_private.notifications_guard(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.notify_missed_deadlines(p_today date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
grant execute on function app_private.notify_missed_deadlines(p_today date) to auth_service;

CREATE OR REPLACE FUNCTION app_private.notify_payment()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.notify_payment(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.notify_request_status()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.notify_request_status(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.open_transferred_case(p_case_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_case public.cases;
  v_transfer_on date;
  v_new uuid := gen_random_uuid();
  v_judgment uuid;
begin
  select * into v_case from public.cases where id = p_case_id for update;
  if v_case.id is null or v_case.status <> 'transferred_out' or v_case.transferred_to_province_id is null then
    raise exception 'case % has no recorded transfer', p_case_id using errcode = '22023';
  end if;
  if not (v_case.unit_id = any (app_private.units_for('{subunit_head,clerk}'))
          or (v_case.executor_id = auth.uid() and v_case.unit_id = any (app_private.units_for('{executor}')))
          or v_case.province_id = any (app_private.provinces_for('{province_head,province_staff}'))) then
    raise exception 'not allowed to transfer case %', p_case_id using errcode = '42501';
  end if;
  if exists (select 1 from public.cases where transferred_from_case_id = p_case_id) then
    raise exception 'case % was already received', p_case_id using errcode = '23505';
  end if;
  select e.effective_date into v_transfer_on from public.case_events e
   where e.case_id = p_case_id and e.kind = 'transfer' order by e.id desc limit 1;

  if v_case.judgment_id is not null then
    insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
    select v_case.transferred_to_province_id, j.court_name, j.judgment_number, j.judgment_date, j.judgment_type
      from public.judgments j where j.id = v_case.judgment_id
    on conflict (province_id, court_name, judgment_number) do update set court_name = excluded.court_name
    returning id into v_judgment;
  end if;

  insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type,
                            is_bank_credit, is_corruption, debtor_name, creditor_name, money_due, status, source,
                            judgment_id, transferred_from_case_id, last_event_on)
  values (v_new, v_case.transferred_to_province_id, v_case.transferred_to_province_id,
          v_case.case_number || '/UT', v_transfer_on, v_case.decision_kind, v_case.judgment_type,
          v_case.is_bank_credit, v_case.is_corruption, v_case.debtor_name, v_case.creditor_name,
          (select coalesce(sum(o.amount - o.paid), 0) from public.case_obligations o where o.case_id = p_case_id and o.kind = 'money'),
          'accepted', 'transfer_in', v_judgment, p_case_id, v_transfer_on);

  insert into public.case_parties (case_id, province_id, unit_id, role, kind, full_name, id_number, address, contact)
  select v_new, v_case.transferred_to_province_id, v_case.transferred_to_province_id, p.role, p.kind, p.full_name, p.id_number, p.address, p.contact
    from public.case_parties p where p.case_id = p_case_id;

  insert into public.case_events (case_id, province_id, unit_id, kind, effective_date, payload, actor_id)
  values (v_new, v_case.transferred_to_province_id, v_case.transferred_to_province_id, 'acceptance', v_transfer_on,
          jsonb_build_object('source', 'transfer_in', 'provinceId', v_case.transferred_to_province_id,
                             'fromCaseId', p_case_id, 'fromProvinceId', v_case.province_id,
                             'obligations', (select coalesce(jsonb_agg(jsonb_build_object(
                                'code', o.code, 'kind', o.kind, 'outstanding', (o.amount - o.paid)::text,
                                'description', o.description) order by o.code), '[]')
                              from public.case_obligations o where o.case_id = p_case_id
                                and (o.kind = 'money' and o.amount > o.paid or o.kind = 'act' and o.performed_on is null))),
          auth.uid());
  return v_new;
end
$function$;
grant execute on function app_private.open_transferred_case(p_case_id uuid) to authenticated;

CREATE OR REPLACE FUNCTION app_private.province_head_provinces()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.provinces_for(app_private.role_group('province_head'));
end
$function$;
grant execute on function app_private.province_head_provinces() to authenticated;
grant execute on function app_private.province_head_provinces() to service_role;

CREATE OR REPLACE FUNCTION app_private.province_staff_provinces()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.provinces_for(app_private.role_group('province_staff'));
end
$function$;
grant execute on function app_private.province_staff_provinces() to authenticated;
grant execute on function app_private.province_staff_provinces() to service_role;

CREATE OR REPLACE FUNCTION app_private.provinces_for(p_roles public.app_role[])
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (
    select coalesce(array_agg(distinct m.province_id), '{}')
    from public.memberships m
    where m.user_id = auth.uid() and m.role = any (p_roles) and m.province_id is not null
  );
end
$function$;
grant execute on function app_private.provinces_for(p_roles public.app_role[]) to authenticated;
grant execute on function app_private.provinces_for(p_roles public.app_role[]) to service_role;

CREATE OR REPLACE FUNCTION app_private.reception_sessions_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.reception_sessions_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.resolve_api_token(p_hash text, p_limit integer)
 RETURNS TABLE(token_id uuid, account_id uuid, email text, scopes text[], limited boolean)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    with used as (
      update public.api_tokens t
         set last_used_at = now(),
             window_started_at = case when t.window_started_at is null or t.window_started_at <= now() - interval '1 minute'
                                      then now() else t.window_started_at end,
             window_count = case when t.window_started_at is null or t.window_started_at <= now() - interval '1 minute'
                                 then 1 else t.window_count + 1 end
       where t.token_hash = p_hash and t.revoked_at is null and t.expires_at > now()
         and exists (select 1 from public.creditor_links l
                      where l.account_id = t.account_id and l.revoked_at is null and l.party_kind = 'organization')
         and not exists (select 1 from public.memberships m where m.user_id = t.account_id and m.role <> 'creditor')
       returning t.id, t.account_id, t.scopes, t.window_count
    )
    select u.id, u.account_id, app_private.auth_user_email(u.account_id), u.scopes,
           -- Every token of the account counts against the one limit: this one's new count and the
           -- others' counts in their current minute.
           u.window_count + coalesce((select sum(o.window_count) from public.api_tokens o
                                       where o.account_id = u.account_id and o.id <> u.id
                                         and o.window_started_at > now() - interval '1 minute'), 0) > p_limit
      from used u
     where app_private.auth_user_email(u.account_id) is not null;
end
$function$;
grant execute on function app_private.resolve_api_token(p_hash text, p_limit integer) to auth_service;

CREATE OR REPLACE FUNCTION app_private.role_group(p_group text)
 RETURNS public.app_role[]
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  v_roles public.app_role[];
begin
  select g.roles into v_roles from app_private.role_groups() g where g.group_name = p_group;
  if v_roles is null then
    raise exception 'unknown role group %', p_group using errcode = '22023';
  end if;
  return v_roles;
end
$function$;
grant execute on function app_private.role_group(p_group text) to authenticated;
grant execute on function app_private.role_group(p_group text) to service_role;

CREATE OR REPLACE FUNCTION app_private.role_groups()
 RETURNS TABLE(group_name text, roles public.app_role[])
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  values
    ('national', '{national_admin,national_viewer}'::public.app_role[]),
    ('province_staff', '{province_head,province_staff}'),
    ('province_head', '{province_head}'),
    ('unit_staff', '{subunit_head,executor,clerk}'),
    ('unit_office', '{subunit_head,clerk}'),
    ('executor', '{executor}'),
    ('unit_enforcement', '{subunit_head,executor}'),
    ('unit_head', '{subunit_head}'),
    ('heads', '{subunit_head,province_head,province_staff}'),
    ('enforcement_staff', '{subunit_head,executor,clerk,province_head,province_staff}'),
    ('province_head_grants', '{province_staff,subunit_head,executor,clerk,steering_member}')
$function$;
grant execute on function app_private.role_groups() to authenticated;
grant execute on function app_private.role_groups() to service_role;

CREATE OR REPLACE FUNCTION app_private.search_text(p text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$ select lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(p, ''))) $function$;
grant execute on function app_private.search_text(p text) to authenticated;
grant execute on function app_private.search_text(p text) to service_role;

CREATE OR REPLACE FUNCTION app_private.service_request_attachments_before_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.service_request_attachments_before_insert(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.service_request_events_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  raise exception 'service_request_events is append-only' using errcode = '42501';
end
$function$;
-- function app_private.service_request_events_immutable(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.service_requests_before_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.service_requests_before_insert(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.service_requests_before_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.service_requests_before_update(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.service_requests_dates_order()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.received_on < new.submitted_on then
    raise exception 'Ngày tiếp nhận (received_on): không được trước ngày nộp yêu cầu (%) / cannot be before the filing day',
      to_char(new.submitted_on, 'DD/MM/YYYY') using errcode = '23514';
  end if;
  if new.due_on < new.submitted_on then
    raise exception 'Hạn giải quyết (due_on): không được trước ngày nộp yêu cầu (%) / cannot be before the filing day',
      to_char(new.submitted_on, 'DD/MM/YYYY') using errcode = '23514';
  end if;
  return new;
end
$function$;
-- function app_private.service_requests_dates_order(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.service_requests_history()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.service_request_events (request_id, province_id, unit_id, requester_id, from_status, to_status, note, actor_id)
    values (new.id, new.province_id, new.unit_id, new.requester_id,
            case when tg_op = 'UPDATE' then old.status end, new.status,
            case when new.status in ('returned', 'rejected') then new.result_note end, auth.uid());
  end if;
  return null;
end
$function$;
-- function app_private.service_requests_history(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.set_tenant_from_asset()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  select a.case_id, a.province_id, a.unit_id into new.case_id, new.province_id, new.unit_id
    from public.assets a where a.id = new.asset_id;
  if new.case_id is null then
    raise exception 'asset % does not exist', new.asset_id using errcode = '23503';
  end if;
  return new;
end
$function$;
-- function app_private.set_tenant_from_asset(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.set_tenant_from_case()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  select c.province_id, c.unit_id into new.province_id, new.unit_id from public.cases c where c.id = new.case_id;
  if new.province_id is null then
    raise exception 'case % does not exist', new.case_id using errcode = '23503';
  end if;
  return new;
end
$function$;
-- function app_private.set_tenant_from_case(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.set_tenant_from_committee()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_found boolean;
begin
  select true, c.province_id into v_found, new.province_id from public.steering_committees c where c.id = new.committee_id;
  if v_found is null then
    raise exception 'committee % does not exist', new.committee_id using errcode = '23503';
  end if;
  return new;
end
$function$;
-- function app_private.set_tenant_from_committee(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.set_tenant_from_unit()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.unit_id is not null then
    select u.province_id into new.province_id from public.units u where u.id = new.unit_id;
  end if;
  return new;
end
$function$;
-- function app_private.set_tenant_from_unit(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.stat_add(p_case_ids uuid[], p_except bigint[], p_sign integer, p_units uuid[], p_provinces uuid[], p_types text[], p_bank boolean[], p_corruption boolean[], p_kinds text[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  with keys as (
    select * from unnest(p_case_ids, p_units, p_provinces, p_types, p_bank, p_corruption, p_kinds)
      as k(case_id, unit_id, province_id, jt, bank, corruption, dk)
  ), d as (
    select t.unit_id, k.province_id, x.dim, t.day,
           p_sign * sum(t.acc_n) as acc_n, p_sign * sum(t.acc_m) as acc_m, p_sign * sum(t.trf_n) as trf_n, p_sign * sum(t.trf_m) as trf_m, p_sign * sum(t.cmp_n) as cmp_n, p_sign * sum(t.cmp_m) as cmp_m,
           p_sign * sum(t.ter_n) as ter_n, p_sign * sum(t.ter_m) as ter_m, p_sign * sum(t.reg_n) as reg_n, p_sign * sum(t.reg_m) as reg_m, p_sign * sum(t.reo_n) as reo_n, p_sign * sum(t.reo_m) as reo_m,
           p_sign * sum(t.ret_n) as ret_n, p_sign * sum(t.ret_m) as ret_m, p_sign * sum(t.mvi_n) as mvi_n, p_sign * sum(t.mvi_m) as mvi_m, p_sign * sum(t.mvo_n) as mvo_n, p_sign * sum(t.mvo_m) as mvo_m,
           p_sign * sum(t.ip_n) as ip_n, p_sign * sum(t.ip_m) as ip_m, p_sign * sum(t.pp_n) as pp_n, p_sign * sum(t.pp_m) as pp_m, p_sign * sum(t.sp_n) as sp_n, p_sign * sum(t.sp_m) as sp_m,
           p_sign * sum(t.ot_n) as ot_n, p_sign * sum(t.ot_m) as ot_m, p_sign * sum(t.ny_n) as ny_n, p_sign * sum(t.ny_m) as ny_m, p_sign * sum(t.sr_n) as sr_n, p_sign * sum(t.sr_m) as sr_m
    from app_private.stat_case_deltas(p_case_ids, p_except, p_units) t
    join keys k on k.case_id = t.case_id
    cross join lateral unnest(array['all', 'jt:' || k.jt]
                              || case when k.bank then array['bank'] else '{}'::text[] end
                              || case when k.corruption then array['corruption'] else '{}'::text[] end
                              || case when k.dk = 'on_request' then array['dk:on_request'] else '{}'::text[] end) as x(dim)
    group by 1, 2, 3, 4
  ), daily as (
    insert into public.stat_daily as s (unit_id, province_id, dim, day,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m)
    select unit_id, province_id, dim, day,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m
    from d order by unit_id, dim, day
    on conflict (unit_id, dim, day) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, mvi_n = s.mvi_n + excluded.mvi_n, mvi_m = s.mvi_m + excluded.mvi_m,
      mvo_n = s.mvo_n + excluded.mvo_n, mvo_m = s.mvo_m + excluded.mvo_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m
    returning 1
  ), monthly as (
    insert into public.stat_monthly as s (unit_id, province_id, dim, month,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m)
    select unit_id, province_id, dim, date_trunc('month', day)::date,
        sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m), sum(ter_n), sum(ter_m), sum(reg_n), sum(reg_m),
        sum(reo_n), sum(reo_m), sum(ret_n), sum(ret_m), sum(mvi_n), sum(mvi_m), sum(mvo_n), sum(mvo_m), sum(ip_n), sum(ip_m),
        sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m), sum(sr_n), sum(sr_m)
    from d group by 1, 2, 3, 4 order by 1, 3, 4
    on conflict (unit_id, dim, month) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, mvi_n = s.mvi_n + excluded.mvi_n, mvi_m = s.mvi_m + excluded.mvi_m,
      mvo_n = s.mvo_n + excluded.mvo_n, mvo_m = s.mvo_m + excluded.mvo_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m
    returning 1
  )
  insert into public.stat_yearly as s (unit_id, province_id, dim, year,
        acc_n, acc_m, trf_n, trf_m, cmp_n, cmp_m, ter_n, ter_m, reg_n, reg_m,
        reo_n, reo_m, ret_n, ret_m, mvi_n, mvi_m, mvo_n, mvo_m, ip_n, ip_m,
        pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m)
    select unit_id, province_id, dim, (date_trunc('year', day + interval '3 months') - interval '3 months')::date,
        sum(acc_n), sum(acc_m), sum(trf_n), sum(trf_m), sum(cmp_n), sum(cmp_m), sum(ter_n), sum(ter_m), sum(reg_n), sum(reg_m),
        sum(reo_n), sum(reo_m), sum(ret_n), sum(ret_m), sum(mvi_n), sum(mvi_m), sum(mvo_n), sum(mvo_m), sum(ip_n), sum(ip_m),
        sum(pp_n), sum(pp_m), sum(sp_n), sum(sp_m), sum(ot_n), sum(ot_m), sum(ny_n), sum(ny_m), sum(sr_n), sum(sr_m)
    from d group by 1, 2, 3, 4 order by 1, 3, 4
    on conflict (unit_id, dim, year) do update set
      acc_n = s.acc_n + excluded.acc_n, acc_m = s.acc_m + excluded.acc_m, trf_n = s.trf_n + excluded.trf_n, trf_m = s.trf_m + excluded.trf_m,
      cmp_n = s.cmp_n + excluded.cmp_n, cmp_m = s.cmp_m + excluded.cmp_m, ter_n = s.ter_n + excluded.ter_n, ter_m = s.ter_m + excluded.ter_m,
      reg_n = s.reg_n + excluded.reg_n, reg_m = s.reg_m + excluded.reg_m, reo_n = s.reo_n + excluded.reo_n, reo_m = s.reo_m + excluded.reo_m,
      ret_n = s.ret_n + excluded.ret_n, ret_m = s.ret_m + excluded.ret_m, mvi_n = s.mvi_n + excluded.mvi_n, mvi_m = s.mvi_m + excluded.mvi_m,
      mvo_n = s.mvo_n + excluded.mvo_n, mvo_m = s.mvo_m + excluded.mvo_m, ip_n = s.ip_n + excluded.ip_n, ip_m = s.ip_m + excluded.ip_m,
      pp_n = s.pp_n + excluded.pp_n, pp_m = s.pp_m + excluded.pp_m, sp_n = s.sp_n + excluded.sp_n, sp_m = s.sp_m + excluded.sp_m,
      ot_n = s.ot_n + excluded.ot_n, ot_m = s.ot_m + excluded.ot_m, ny_n = s.ny_n + excluded.ny_n, ny_m = s.ny_m + excluded.ny_m,
      sr_n = s.sr_n + excluded.sr_n, sr_m = s.sr_m + excluded.sr_m;
end
$function$;
-- function app_private.stat_add(p_case_ids uuid[], p_except bigint[], p_sign integer, p_units uuid[], p_provinces uuid[], p_types text[], p_bank boolean[], p_corruption boolean[], p_kinds text[]): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[], p_units uuid[])
 RETURNS TABLE(case_id uuid, unit_id uuid, day date, acc_n bigint, acc_m numeric, trf_n bigint, trf_m numeric, cmp_n bigint, cmp_m numeric, ter_n bigint, ter_m numeric, reg_n bigint, reg_m numeric, reo_n bigint, reo_m numeric, ret_n bigint, ret_m numeric, mvi_n bigint, mvi_m numeric, mvo_n bigint, mvo_m numeric, ip_n bigint, ip_m numeric, pp_n bigint, pp_m numeric, sp_n bigint, sp_m numeric, ot_n bigint, ot_m numeric, ny_n bigint, ny_m numeric, sr_n bigint, sr_m numeric)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with keys as (
    select * from unnest(p_case_ids, p_units) as k(case_id, unit_id)
  ), ev as (
    select e.case_id, e.id, e.kind::text as kind, e.effective_date as day,
           case e.kind::text
             when 'decision' then coalesce((select sum((o ->> 'amount')::numeric) from jsonb_array_elements(e.payload -> 'obligations') o
                                            where o ->> 'kind' = 'money'), 0)
             when 'payment' then (e.payload ->> 'amount')::numeric
             else 0 end as amount,
           case when e.kind::text in ('acceptance', 'decision', 'notification') then 'ot'
                when e.kind::text = 'classification' then case when e.payload ->> 'result' = 'not_yet_enforceable' then 'ny' else 'ip' end
                when e.kind::text = 'register_transfer' then 'sr'
                when e.kind::text = 'register_reopening' then 'ny'
                when e.kind::text in ('termination', 'completion', 'transfer', 'request_returned') then 'x' end as base,
           case e.kind::text when 'postponement' then 'pp' when 'suspension' then 'sp' when 'resumption' then 'r' end as intr
    from public.case_events e
    where e.case_id = any (p_case_ids)
      and not exists (select 1 from unnest(p_except) as x(id) where x.id = e.id)
  ), mv as (
    -- The cases' moves (few cases have any): their targets in ledger order, and the unit the first
    -- one left (named by a handover; for an assignment, the bureau that recorded it).
    select m.case_id, array_agg((m.payload ->> 'unitId')::uuid order by m.effective_date, m.id) as tos,
           array_agg(m.effective_date order by m.effective_date, m.id) as ds, array_agg(m.id order by m.effective_date, m.id) as ids,
           (array_agg(case when m.kind = 'reorganisation' then (m.payload ->> 'fromUnitId')::uuid else m.unit_id end order by m.effective_date, m.id))[1] as origin
    from public.case_events m
    where m.case_id = any (p_case_ids) and m.kind in ('office_assignment', 'reorganisation')
      and not exists (select 1 from unnest(p_except) as x(id) where x.id = m.id)
    group by m.case_id
  ), s1 as (
    select ev.*,
           sum(case ev.kind when 'decision' then ev.amount when 'payment' then -ev.amount else 0 end)
             over (partition by ev.case_id order by ev.day, ev.id) as owed_after,
           count(ev.base) over (partition by ev.case_id order by ev.day, ev.id) as gb,
           count(coalesce(ev.base, ev.intr)) over (partition by ev.case_id order by ev.day, ev.id) as gi
    from ev
  ), s2 as (
    select s1.*,
           max(s1.base) over (partition by s1.case_id, s1.gb) as last_base,
           max(coalesce(s1.base, s1.intr)) over (partition by s1.case_id, s1.gi) as last_any
    from s1
  ), s3 as (
    select s2.*, case when s2.last_any in ('pp', 'sp') then s2.last_any when s2.last_base = 'x' then null else s2.last_base end as st,
           -- The unit holding the case once the event is taken: the latest move's target up to it,
           -- before any the unit the first move left, for a case never moved its unit.
           case when mv.case_id is null then k.unit_id
                else coalesce((select t.u from unnest(mv.tos, mv.ds, mv.ids) as t(u, td, tid)
                                where t.td < s2.day or (t.td = s2.day and t.tid <= s2.id)
                                order by t.td desc, t.tid desc limit 1), mv.origin) end as hu
    from s2 join keys k on k.case_id = s2.case_id left join mv on mv.case_id = s2.case_id
  ), s4 as (
    select s3.*,
           lag(s3.st) over (partition by s3.case_id order by s3.day, s3.id) as st_before,
           coalesce(lag(s3.owed_after) over (partition by s3.case_id order by s3.day, s3.id), 0) as owed_before,
           coalesce(lag(s3.hu) over (partition by s3.case_id order by s3.day, s3.id), s3.hu) as hu_before
    from s3
  ), s5 as (
    -- part 1: the holding unit after the event (everything, less the stock left at the giving unit
    -- of a move); part 2, for a move only: the giving unit (its stock leaves, mvo).
    select s4.*, p.part, s4.hu <> s4.hu_before as moved,
           s4.st_before in ('ip', 'pp', 'sp', 'ot', 'ny') as active_before
    from s4 cross join lateral (select 1 as part union all select 2 where s4.hu <> s4.hu_before) p
  )
  select s5.case_id, case s5.part when 1 then s5.hu else s5.hu_before end, s5.day,
    (s5.part = 1 and s5.kind = 'acceptance')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'decision' then s5.amount else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'transfer')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'transfer' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'completion')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'payment' then s5.amount when s5.part = 1 and s5.kind = 'completion' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'termination')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'termination' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'register_transfer')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'register_transfer' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'register_reopening')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'register_reopening' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.kind = 'request_returned')::int::bigint,
    (case when s5.part = 1 and s5.kind = 'request_returned' then s5.owed_before else 0 end)::numeric,
    (s5.part = 1 and s5.moved and coalesce(s5.active_before, false))::int::bigint,
    (case when s5.part = 1 and s5.moved and coalesce(s5.active_before, false) then s5.owed_before else 0 end)::numeric,
    (s5.part = 2 and coalesce(s5.active_before, false))::int::bigint,
    (case when s5.part = 2 and coalesce(s5.active_before, false) then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'ip')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'ip')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'ip' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'ip' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'pp')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'pp')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'pp' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'pp' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'sp')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'sp')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'sp' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'sp' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'ot')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'ot')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'ot' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'ot' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'ny')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'ny')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'ny' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'ny' then s5.owed_before else 0 end)::numeric,
    ((s5.part = 1 and s5.st is not distinct from 'sr')::int - (case when s5.part = 2 or not s5.moved then (s5.st_before is not distinct from 'sr')::int else 0 end))::bigint,
    (case when s5.part = 1 and s5.st is not distinct from 'sr' then s5.owed_after else 0 end - case when (s5.part = 2 or not s5.moved) and s5.st_before is not distinct from 'sr' then s5.owed_before else 0 end)::numeric
  from s5
$function$;
-- function app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[], p_units uuid[]): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.stat_on_case_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_ids uuid[]; v_new bigint[]; v_old uuid[];
  v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[]; v_kinds text[];
begin
  select array_agg(distinct n.case_id), array_agg(n.id) into v_ids, v_new from new_rows n;
  if v_ids is null then return null; end if;
  select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
         array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id),
         array_agg(c.decision_kind::text order by c.id)
    into v_ids, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds
    from public.cases c where c.id = any (v_ids);
  perform app_private.stat_add(v_ids, '{}', 1, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds);
  -- Only cases that had events before this statement had rows to take back.
  select array_agg(distinct e.case_id) into v_old from public.case_events e
   where e.case_id = any (v_ids) and not exists (select 1 from new_rows n where n.id = e.id);
  if v_old is not null then
    select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
           array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id),
           array_agg(c.decision_kind::text order by c.id)
      into v_old, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds
      from public.cases c where c.id = any (v_old);
    perform app_private.stat_add(v_old, v_new, -1, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds);
  end if;
  return null;
end
$function$;
-- function app_private.stat_on_case_events(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.stat_on_cases_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_ids uuid[];
  v_o record; v_n record;
begin
  select array_agg(o.id order by o.id) into v_ids
    from old_rows o join new_rows n on n.id = o.id
   where (o.unit_id, o.province_id, o.judgment_type, o.is_bank_credit, o.is_corruption, o.decision_kind)
         is distinct from (n.unit_id, n.province_id, n.judgment_type, n.is_bank_credit, n.is_corruption, n.decision_kind);
  if v_ids is null then return null; end if;
  select array_agg(o.unit_id order by o.id) as u, array_agg(o.province_id order by o.id) as p, array_agg(o.judgment_type::text order by o.id) as t,
         array_agg(o.is_bank_credit order by o.id) as b, array_agg(o.is_corruption order by o.id) as c, array_agg(o.decision_kind::text order by o.id) as k
    into v_o from old_rows o where o.id = any (v_ids);
  select array_agg(n.unit_id order by n.id) as u, array_agg(n.province_id order by n.id) as p, array_agg(n.judgment_type::text order by n.id) as t,
         array_agg(n.is_bank_credit order by n.id) as b, array_agg(n.is_corruption order by n.id) as c, array_agg(n.decision_kind::text order by n.id) as k
    into v_n from new_rows n where n.id = any (v_ids);
  perform app_private.stat_add(v_ids, '{}', -1, v_o.u, v_o.p, v_o.t, v_o.b, v_o.c, v_o.k);
  perform app_private.stat_add(v_ids, '{}', 1, v_n.u, v_n.p, v_n.t, v_n.b, v_n.c, v_n.k);
  return null;
end
$function$;
-- function app_private.stat_on_cases_update(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.stat_rebuild()
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_unit uuid;
  v_ids uuid[]; v_units uuid[]; v_provinces uuid[]; v_types text[]; v_bank boolean[]; v_corruption boolean[]; v_kinds text[];
  v_done bigint := 0;
begin
  truncate public.stat_daily, public.stat_monthly, public.stat_yearly;
  for v_unit in select u.id from public.units u where exists (select 1 from public.cases c where c.unit_id = u.id) order by u.id loop
    select array_agg(c.id order by c.id), array_agg(c.unit_id order by c.id), array_agg(c.province_id order by c.id),
           array_agg(c.judgment_type::text order by c.id), array_agg(c.is_bank_credit order by c.id), array_agg(c.is_corruption order by c.id),
           array_agg(c.decision_kind::text order by c.id)
      into v_ids, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds
      from public.cases c where c.unit_id = v_unit;
    perform app_private.stat_add(v_ids, '{}', 1, v_units, v_provinces, v_types, v_bank, v_corruption, v_kinds);
    v_done := v_done + cardinality(v_ids);
  end loop;
  return v_done;
end
$function$;
-- function app_private.stat_rebuild(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_case_ids()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'steering_member') then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct f.case_id), '{}')
          from public.steering_committee_members cm
          join public.steering_flags f on f.committee_id = cm.committee_id and f.status = 'accepted'
          where cm.user_id = auth.uid());
end
$function$;
grant execute on function app_private.steering_case_ids() to authenticated;
grant execute on function app_private.steering_case_ids() to service_role;

CREATE OR REPLACE FUNCTION app_private.steering_coercion_before()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.steering_coercion_before(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_committees_for()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'steering_member') then
    return '{}';
  end if;
  return (select coalesce(array_agg(cm.committee_id), '{}')
          from public.steering_committee_members cm where cm.user_id = auth.uid());
end
$function$;
grant execute on function app_private.steering_committees_for() to authenticated;
grant execute on function app_private.steering_committees_for() to service_role;

CREATE OR REPLACE FUNCTION app_private.steering_directives_before()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.steering_directives_before(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_directives_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.steering_directives_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_directives_revision()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if (new.revised_on is distinct from old.revised_on or new.revision_note is distinct from old.revision_note)
     and not (new.committee_id = any (app_private.steering_committees_for()) or app_private.is_national_admin()) then
    raise exception 'Chỉ Ban Chỉ đạo được sửa ý kiến chỉ đạo.' using errcode = '42501';
  end if;
  if old.answer is not null and (new.body is distinct from old.body or new.due_on is distinct from old.due_on
      or new.addressee_unit_id is distinct from old.addressee_unit_id or new.addressee_user_id is distinct from old.addressee_user_id) then
    raise exception 'Ý kiến chỉ đạo đã được trả lời: không sửa được nữa.' using errcode = '23514';
  end if;
  return new;
end
$function$;
-- function app_private.steering_directives_revision(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_flags_scope()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.steering_flags_scope(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_meeting_items_before()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  select m.committee_id, m.province_id into new.committee_id, new.province_id from public.steering_meetings m where m.id = new.meeting_id;
  if not exists (select 1 from public.steering_flags f where f.id = new.flag_id and f.committee_id = new.committee_id) then
    raise exception 'Việc đưa vào chương trình họp không thuộc danh sách của Ban Chỉ đạo này.' using errcode = '23514';
  end if;
  return new;
end
$function$;
-- function app_private.steering_meeting_items_before(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_members_references()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.steering_members_references(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.steering_reports_before()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
-- function app_private.steering_reports_before(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.take_job_lease(p_name text, p_holder text, p_seconds integer)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
grant execute on function app_private.take_job_lease(p_name text, p_holder text, p_seconds integer) to auth_service;

CREATE OR REPLACE FUNCTION app_private.today_vn()
 RETURNS date
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce(
    (select c.simulated_day from app_private.clock c
      where c.simulated_day is not null
        and nullif(current_setting('thads.today', true), '') = to_char(c.simulated_day, 'YYYY-MM-DD')),
    (now() at time zone 'Asia/Ho_Chi_Minh')::date)
$function$;
grant execute on function app_private.today_vn() to anon;
grant execute on function app_private.today_vn() to authenticated;
grant execute on function app_private.today_vn() to service_role;

CREATE OR REPLACE FUNCTION app_private.touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.updated_at := now();
  return new;
end
$function$;
-- function app_private.touch_updated_at(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.unit_enforcement_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.units_for(app_private.role_group('unit_enforcement'));
end
$function$;
grant execute on function app_private.unit_enforcement_units() to authenticated;
grant execute on function app_private.unit_enforcement_units() to service_role;

CREATE OR REPLACE FUNCTION app_private.unit_head_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.units_for(app_private.role_group('unit_head'));
end
$function$;
grant execute on function app_private.unit_head_units() to authenticated;
grant execute on function app_private.unit_head_units() to service_role;

CREATE OR REPLACE FUNCTION app_private.unit_office_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.units_for(app_private.role_group('unit_office'));
end
$function$;
grant execute on function app_private.unit_office_units() to authenticated;
grant execute on function app_private.unit_office_units() to service_role;

CREATE OR REPLACE FUNCTION app_private.unit_staff_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return app_private.units_for(app_private.role_group('unit_staff'));
end
$function$;
grant execute on function app_private.unit_staff_units() to authenticated;
grant execute on function app_private.unit_staff_units() to service_role;

CREATE OR REPLACE FUNCTION app_private.unit_successions_check()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  p record;
  s record;
begin
  select id, kind, dissolved_on into p from public.units where id = new.predecessor_id;
  select id, kind, dissolved_on, coalesce(province_id, id) as tenant into s from public.units where id = new.successor_id;
  if p.dissolved_on is null or p.dissolved_on <> new.effective_on then
    raise exception 'Đơn vị tiền nhiệm phải chấm dứt hoạt động đúng ngày % (ngày đơn vị kế thừa nhận).', to_char(new.effective_on, 'DD/MM/YYYY')
      using errcode = '23514', detail = 'predecessor_id: must be dissolved on effective_on';
  end if;
  if s.dissolved_on is not null and s.dissolved_on <= new.effective_on then
    raise exception 'Đơn vị kế thừa đã chấm dứt hoạt động trước ngày %.', to_char(new.effective_on, 'DD/MM/YYYY')
      using errcode = '23514', detail = 'successor_id: dissolved on or before effective_on';
  end if;
  if (p.kind = 'subunit') <> (s.kind = 'subunit') or p.kind = 'national' or s.kind = 'national' then
    raise exception 'Đơn vị tiền nhiệm và đơn vị kế thừa phải cùng cấp.'
      using errcode = '23514', detail = 'successor_id: not of the predecessor''s level';
  end if;
  new.province_id := s.tenant;
  return new;
end
$function$;
-- function app_private.unit_successions_check(): executed by its owner only

CREATE OR REPLACE FUNCTION app_private.units_for(p_roles public.app_role[])
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (
    select coalesce(array_agg(distinct m.unit_id), '{}')
    from public.memberships m
    where m.user_id = auth.uid() and m.role = any (p_roles) and m.unit_id is not null
  );
end
$function$;
grant execute on function app_private.units_for(p_roles public.app_role[]) to authenticated;
grant execute on function app_private.units_for(p_roles public.app_role[]) to service_role;

CREATE OR REPLACE FUNCTION public.auction_notices(p_province_slug text)
 RETURNS TABLE(round_id uuid, unit_name text, asset_kind public.asset_kind, description text, location text, round_no integer, announced_on date, held_on date, venue text, starting_price bigint, organisation text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select r.id, u.name, a.kind, a.description, a.location, r.round_no, r.announced_on, r.held_on, r.venue,
         r.starting_price, c.organisation
    from public.units p
    join public.auction_rounds r on r.province_id = p.id and r.result = 'scheduled'
    join public.assets a on a.id = r.asset_id and a.status = 'at_auction'
    join public.units u on u.id = r.unit_id
    left join public.auction_contracts c on c.id = r.contract_id
   where p.slug = p_province_slug and p.kind = 'province'
   order by r.held_on, r.id
   limit 500
$function$;
grant execute on function public.auction_notices(p_province_slug text) to anon;
grant execute on function public.auction_notices(p_province_slug text) to authenticated;

CREATE OR REPLACE FUNCTION public.confirm_creditor_link(p_request uuid, p_party_kind public.party_kind)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_req record;
  v_link public.creditor_links;
begin
  select r.id, r.province_id, r.unit_id, r.requester_id, r.requester_id_number, r.status into v_req
    from public.service_requests r where r.id = p_request;
  if v_req.id is null or not app_private.may_manage_creditor_link(v_req.province_id, v_req.unit_id) then
    raise exception 'request % is not handled here', p_request using errcode = '42501';
  end if;
  if v_req.status in ('returned', 'rejected') then
    raise exception 'the request is closed' using errcode = '23514';
  end if;
  if v_req.requester_id is null then
    raise exception 'the request was not filed from an account' using errcode = '23514';
  end if;
  if v_req.requester_id_number is null then
    raise exception 'the request carries no ID number or tax code' using errcode = '23514';
  end if;
  if not exists (select 1 from public.memberships m where m.user_id = v_req.requester_id and m.role = 'creditor') then
    raise exception 'the requester is not a creditor account' using errcode = '23514';
  end if;
  select * into v_link from public.creditor_links l where l.id_number = v_req.requester_id_number and l.revoked_at is null;
  if v_link.id is not null then
    if v_link.account_id = v_req.requester_id then
      return v_link.id;
    end if;
    raise exception 'the ID number is linked to another account' using errcode = '23505';
  end if;
  insert into public.creditor_links (account_id, id_number, party_kind, channel, unit_id, request_id, confirmed_by)
  values (v_req.requester_id, v_req.requester_id_number, p_party_kind, 'desk', v_req.unit_id, v_req.id, auth.uid())
  returning * into v_link;
  return v_link.id;
end
$function$;
grant execute on function public.confirm_creditor_link(p_request uuid, p_party_kind public.party_kind) to authenticated;

CREATE OR REPLACE FUNCTION public.creditor_case_auctions()
 RETURNS TABLE(case_id uuid, assets_at_auction integer, next_round_on date)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_cases uuid[] := app_private.creditor_case_ids();
begin
  if cardinality(v_cases) = 0 then
    return;
  end if;
  return query
    select a.case_id, count(distinct a.id)::integer,
           min(r.held_on) filter (where r.result = 'scheduled' and r.held_on >= app_private.today_vn())
      from public.assets a
      left join public.auction_rounds r on r.asset_id = a.id
     where a.case_id = any (v_cases) and a.status = 'at_auction'
     group by a.case_id;
end
$function$;
grant execute on function public.creditor_case_auctions() to authenticated;

CREATE OR REPLACE FUNCTION public.creditor_case_failed_auctions()
 RETURNS TABLE(case_id uuid, failed_rounds integer, last_failed_on date)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_cases uuid[] := app_private.creditor_case_ids();
begin
  if cardinality(v_cases) = 0 then
    return;
  end if;
  return query
    select a.case_id, sum(a.failed_rounds)::integer,
           max((select max(coalesce(r.result_on, r.held_on)) from public.auction_rounds r
                 where r.asset_id = a.id and r.result in ('no_bidder', 'buyer_withdrew')))
      from public.assets a
     where a.case_id = any (v_cases)
       and a.failed_rounds > 0
       and a.status not in ('sold', 'delivered', 'returned', 'handed_to_creditor')
     group by a.case_id;
end
$function$;
grant execute on function public.creditor_case_failed_auctions() to authenticated;

CREATE OR REPLACE FUNCTION public.creditor_case_timeline(p_case uuid)
 RETURNS TABLE(kind public.case_event_kind, effective_date date, decision_number text, amount bigint)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not (p_case = any (app_private.creditor_case_ids())) then
    return;
  end if;
  return query
    select e.kind, e.effective_date,
           case when e.kind = 'decision' then left(e.payload ->> 'decisionNumber', 60) end,
           case when e.kind = 'payment' and (e.payload ->> 'amount') ~ '^[0-9]{1,18}$' then (e.payload ->> 'amount')::bigint end
      from public.case_events e
     where e.case_id = p_case
     order by e.effective_date, e.id;
end
$function$;
grant execute on function public.creditor_case_timeline(p_case uuid) to authenticated;

CREATE OR REPLACE FUNCTION public.creditor_complaint_letters()
 RETURNS TABLE(tracking_code text, unit_name text, received_on date, kind text, status text, summary text, accept_due_on date, resolve_due_on date, resolved_on date, outcome text, decision_no text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_user uuid := auth.uid();
  v_numbers text[];
begin
  if v_user is null or not exists (select 1 from public.memberships m where m.user_id = v_user and m.role = 'creditor') then
    return;
  end if;
  v_numbers := app_private.creditor_id_numbers();
  return query
    select l.tracking_code, u.name, l.received_on, l.kind, l.status, l.summary,
           l.accept_due_on, l.resolve_due_on, l.resolved_on, l.outcome, l.decision_no
      from public.complaint_letters l
      join public.units u on u.id = l.unit_id
     where l.duplicate_of is null
       and ((l.id in (select s.letter_id from public.complaint_senders s
                       where cardinality(v_numbers) > 0 and s.id_number = any (v_numbers) and not s.keep_identity_secret)
             and l.kind is distinct from 'denunciation')
            or l.request_id in (select r.id from public.service_requests r where r.requester_id = v_user))
     order by l.received_on desc, l.tracking_code
     limit 100;
end
$function$;
grant execute on function public.creditor_complaint_letters() to authenticated;

CREATE OR REPLACE FUNCTION public.creditor_requests()
 RETURNS TABLE(tracking_code text, kind public.request_kind, status public.request_status, unit_name text, submitted_on date, closed_on date, requester_name text, own boolean, result_note text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_user uuid := auth.uid();
  v_numbers text[];
begin
  if v_user is null then
    return;
  end if;
  v_numbers := app_private.creditor_id_numbers();
  return query
    select r.tracking_code, r.kind, r.status, u.name, r.submitted_on, r.closed_on, r.requester_name,
           coalesce(r.requester_id = v_user, false),
           case when r.requester_id = v_user then r.result_note end
      from public.service_requests r join public.units u on u.id = r.unit_id
     where r.requester_id = v_user
        or (cardinality(v_numbers) > 0 and r.requester_id_number = any (v_numbers))
     order by r.submitted_at desc
     limit 100;
end
$function$;
grant execute on function public.creditor_requests() to authenticated;

CREATE OR REPLACE FUNCTION public.one_stop_metrics(p_from date, p_to date)
 RETURNS TABLE(unit_id uuid, unit_name text, province_id uuid, received bigint, online bigint, closed_on_time bigint, closed_late bigint, open_overdue bigint, open bigint, ratings bigint, average_rating numeric)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
grant execute on function public.one_stop_metrics(p_from date, p_to date) to authenticated;

CREATE OR REPLACE FUNCTION public.public_debtors(p_province uuid, p_query text DEFAULT NULL::text, p_limit integer DEFAULT 50, p_offset integer DEFAULT 0)
 RETURNS TABLE(debtor_name text, debtor_address text, money_outstanding text, acts text, bureau text, total bigint)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_q text := nullif(btrim(app_private.search_text(left(coalesce(p_query, ''), 100))), '');
  v_pattern text;
  v_total bigint;
begin
  if v_q is not null then
    v_pattern := '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  -- The folded name is the search text less the case number after it (folding keeps its length).
  select count(*) into v_total from public.cases c
  where c.province_id = p_province and c.status in ('not_yet_enforceable', 'separate_register')
    and (v_pattern is null
         or left(c.search_text, length(c.search_text) - length(c.case_number) - 1) like v_pattern);
  return query
  select c.debtor_name,
         (select p.address from public.case_parties p where p.case_id = c.id and p.role = 'debtor' order by p.id limit 1),
         -- Whole đồng, as text: JSON clients (REST) must not round it through a float.
         (select coalesce(sum(o.amount - o.paid), 0)::text from public.case_obligations o
           where o.case_id = c.id and o.kind = 'money'),
         (select string_agg(o.description, '; ' order by o.code) from public.case_obligations o
           where o.case_id = c.id and o.kind = 'act' and o.performed_on is null),
         pu.name,
         v_total
  from (select c.id, c.debtor_name, c.province_id, c.search_text from public.cases c
        where c.province_id = p_province and c.status in ('not_yet_enforceable', 'separate_register')
          and (v_pattern is null
               or left(c.search_text, length(c.search_text) - length(c.case_number) - 1) like v_pattern)
        order by c.search_text, c.id
        limit least(greatest(coalesce(p_limit, 50), 1), 100) offset greatest(coalesce(p_offset, 0), 0)) c
  join public.units pu on pu.id = c.province_id
  order by c.search_text, c.id;
end
$function$;
grant execute on function public.public_debtors(p_province uuid, p_query text, p_limit integer, p_offset integer) to anon;
grant execute on function public.public_debtors(p_province uuid, p_query text, p_limit integer, p_offset integer) to authenticated;

CREATE OR REPLACE FUNCTION public.rate_service_request(p_code text, p_factor text, p_score integer, p_comment text)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
grant execute on function public.rate_service_request(p_code text, p_factor text, p_score integer, p_comment text) to anon;
grant execute on function public.rate_service_request(p_code text, p_factor text, p_score integer, p_comment text) to authenticated;

CREATE OR REPLACE FUNCTION public.request_link_state(p_request uuid)
 RETURNS TABLE(link_id uuid, party_kind public.party_kind, channel text, confirmed_on date, confirmed_in text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_req record;
begin
  select r.id, r.province_id, r.unit_id, r.requester_id, r.requester_id_number into v_req
    from public.service_requests r where r.id = p_request;
  if v_req.id is null or v_req.requester_id is null or v_req.requester_id_number is null
     or not app_private.may_manage_creditor_link(v_req.province_id, v_req.unit_id) then
    return;
  end if;
  return query
    select l.id, l.party_kind, l.channel::text, (l.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date, p.name
      from public.creditor_links l
      left join public.units u on u.id = l.unit_id
      left join public.units p on p.id = coalesce(u.province_id, u.id)
     where l.account_id = v_req.requester_id and l.id_number = v_req.requester_id_number and l.revoked_at is null;
end
$function$;
grant execute on function public.request_link_state(p_request uuid) to authenticated;

CREATE OR REPLACE FUNCTION public.revoke_creditor_link(p_link uuid, p_reason text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_link public.creditor_links;
begin
  select * into v_link from public.creditor_links l where l.id = p_link;
  if v_link.id is null or not (v_link.account_id = auth.uid()
                               or app_private.may_manage_creditor_link(v_link.province_id, v_link.unit_id)) then
    raise exception 'link % cannot be revoked here', p_link using errcode = '42501';
  end if;
  if coalesce(btrim(p_reason), '') = '' or char_length(p_reason) > 500 then
    raise exception 'a revocation needs its reason (at most 500 characters)' using errcode = '23514';
  end if;
  if v_link.revoked_at is not null then
    return v_link.id;
  end if;
  update public.creditor_links set revoked_at = now(), revoked_by = auth.uid(), revoke_reason = btrim(p_reason)
   where id = p_link;
  return v_link.id;
end
$function$;
grant execute on function public.revoke_creditor_link(p_link uuid, p_reason text) to authenticated;

CREATE OR REPLACE FUNCTION public.service_request_code(p_idempotency_key uuid, p_factor text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return (select r.tracking_code from public.service_requests r
          where r.idempotency_key = p_idempotency_key and p_factor = any (r.factor_keys));
end
$function$;
grant execute on function public.service_request_code(p_idempotency_key uuid, p_factor text) to anon;
grant execute on function public.service_request_code(p_idempotency_key uuid, p_factor text) to authenticated;

CREATE OR REPLACE FUNCTION public.stat_standing_at(p_case_id uuid, p_on date, p_before_event bigint DEFAULT NULL::bigint)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  r record;
  v_code text;
  v_newest text;
begin
  for r in select e.kind::text as kind, e.payload ->> 'result' as result
             from public.case_events e
            where e.case_id = p_case_id and e.effective_date <= p_on
              and (p_before_event is null or e.effective_date < p_on or e.id < p_before_event)
            order by e.effective_date desc, e.id desc loop
    v_code := case when r.kind in ('acceptance', 'decision', 'notification') then 'ot'
                   when r.kind = 'classification' then case when r.result = 'not_yet_enforceable' then 'ny' else 'ip' end
                   when r.kind = 'register_transfer' then 'sr'
                   when r.kind = 'register_reopening' then 'ny'
                   when r.kind in ('termination', 'completion', 'transfer', 'request_returned') then 'x'
                   when r.kind = 'postponement' then 'pp'
                   when r.kind = 'suspension' then 'sp'
                   when r.kind = 'resumption' then 'r' end;
    continue when v_code is null;
    -- The newest event that sets or interrupts the standing: postponed and suspended win.
    v_newest := coalesce(v_newest, v_code);
    if v_code not in ('pp', 'sp', 'r') then
      -- The newest event that sets the base standing.
      if v_newest in ('pp', 'sp') then return v_newest; end if;
      return case when v_code = 'x' then null else v_code end;
    end if;
  end loop;
  -- No event sets a base standing (none is dated before its acceptance, so this is only a guard).
  return case when v_newest in ('pp', 'sp') then v_newest end;
end
$function$;
grant execute on function public.stat_standing_at(p_case_id uuid, p_on date, p_before_event bigint) to authenticated;

CREATE OR REPLACE FUNCTION public.stat_unit_at(p_case_id uuid, p_on date, p_after_event bigint DEFAULT NULL::bigint)
 RETURNS uuid
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select coalesce(
    (select (m.payload ->> 'unitId')::uuid from public.case_events m
      where m.case_id = p_case_id and m.kind in ('office_assignment', 'reorganisation')
        and (m.effective_date < p_on or (m.effective_date = p_on and (p_after_event is null or m.id <= p_after_event)))
      order by m.effective_date desc, m.id desc limit 1),
    (select case when m.kind = 'reorganisation' then (m.payload ->> 'fromUnitId')::uuid else m.unit_id end from public.case_events m
      where m.case_id = p_case_id and m.kind in ('office_assignment', 'reorganisation')
      order by m.effective_date, m.id limit 1),
    (select c.unit_id from public.cases c where c.id = p_case_id))
$function$;
grant execute on function public.stat_unit_at(p_case_id uuid, p_on date, p_after_event bigint) to authenticated;

CREATE OR REPLACE FUNCTION public.track_service_request(p_code text, p_factor text)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
                  from public.service_request_events e where e.request_id = v.id),
    'letter', (select jsonb_build_object(
                        'code', l.tracking_code,
                        'kind', l.kind,
                        'status', l.status,
                        'receivedOn', l.received_on,
                        'acceptedOn', l.accepted_on,
                        'dueOn', case l.status when 'classified' then l.accept_due_on when 'accepted' then l.resolve_due_on end,
                        'resolvedOn', l.resolved_on,
                        'outcome', l.outcome)
                 from public.complaint_letters l
                where l.request_id = v.id
                order by l.created_at
                limit 1));
end
$function$;
grant execute on function public.track_service_request(p_code text, p_factor text) to anon;
grant execute on function public.track_service_request(p_code text, p_factor text) to authenticated;

-- ============================================================================
-- Triggers
-- ============================================================================
CREATE TRIGGER api_tokens_audit AFTER INSERT OR UPDATE OF revoked_at ON public.api_tokens FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER api_tokens_guard BEFORE INSERT OR UPDATE OF revoked_at ON public.api_tokens FOR EACH ROW EXECUTE FUNCTION app_private.api_tokens_guard();
CREATE TRIGGER asset_events_actor BEFORE INSERT ON public.asset_events FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('actor_id');
CREATE TRIGGER asset_events_append_only BEFORE DELETE OR UPDATE ON public.asset_events FOR EACH ROW EXECUTE FUNCTION app_private.audit_log_immutable();
CREATE TRIGGER asset_events_audit AFTER INSERT ON public.asset_events FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER asset_events_date_bounds AFTER INSERT OR UPDATE ON public.asset_events FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:effective_date:Ngày thực hiện');
CREATE TRIGGER asset_events_tenant BEFORE INSERT ON public.asset_events FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER asset_proceeds_audit AFTER INSERT OR DELETE OR UPDATE ON public.asset_proceeds FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER asset_proceeds_date_bounds AFTER INSERT OR UPDATE ON public.asset_proceeds FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:paid_on:Ngày chi trả tiền bán tài sản');
CREATE TRIGGER asset_proceeds_references BEFORE INSERT OR UPDATE OF asset_id, case_event_id ON public.asset_proceeds FOR EACH ROW EXECUTE FUNCTION app_private.asset_rows_references();
CREATE TRIGGER asset_proceeds_tenant BEFORE INSERT OR UPDATE OF asset_id ON public.asset_proceeds FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER asset_seizures_audit AFTER INSERT OR DELETE OR UPDATE ON public.asset_seizures FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER asset_seizures_date_bounds AFTER INSERT OR UPDATE ON public.asset_seizures FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:seized_on:Ngày kê biên, phong tỏa');
CREATE TRIGGER asset_seizures_tenant BEFORE INSERT OR UPDATE OF asset_id ON public.asset_seizures FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER asset_valuations_audit AFTER INSERT OR DELETE OR UPDATE ON public.asset_valuations FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER asset_valuations_date_bounds AFTER INSERT OR UPDATE ON public.asset_valuations FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:valued_on:Ngày thẩm định giá');
CREATE TRIGGER asset_valuations_tenant BEFORE INSERT OR UPDATE OF asset_id ON public.asset_valuations FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER assets_actor BEFORE INSERT OR UPDATE ON public.assets FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by');
CREATE TRIGGER assets_audit AFTER INSERT OR DELETE OR UPDATE ON public.assets FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER assets_date_bounds AFTER INSERT OR UPDATE ON public.assets FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('case', 'planned:next_round_on:Ngày tổ chức phiên đấu giá tiếp theo', 'past:proceeds_paid_on:Ngày thanh toán tiền bán tài sản', 'past:delivered_on:Ngày giao tài sản');
CREATE TRIGGER assets_tenant BEFORE INSERT OR UPDATE OF case_id ON public.assets FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_case();
CREATE TRIGGER assets_touch BEFORE UPDATE ON public.assets FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER auction_contracts_audit AFTER INSERT OR DELETE OR UPDATE ON public.auction_contracts FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER auction_contracts_date_bounds AFTER INSERT OR UPDATE ON public.auction_contracts FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:signed_on:Ngày ký hợp đồng đấu giá');
CREATE TRIGGER auction_contracts_tenant BEFORE INSERT OR UPDATE OF asset_id ON public.auction_contracts FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER auction_deposits_audit AFTER INSERT OR DELETE OR UPDATE ON public.auction_deposits FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER auction_deposits_date_bounds AFTER INSERT OR UPDATE ON public.auction_deposits FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:received_on:Ngày nhận tiền đặt trước', 'past:settled_on:Ngày xử lý tiền đặt trước');
CREATE TRIGGER auction_deposits_references BEFORE INSERT OR UPDATE OF asset_id, round_id ON public.auction_deposits FOR EACH ROW EXECUTE FUNCTION app_private.asset_rows_references();
CREATE TRIGGER auction_deposits_tenant BEFORE INSERT OR UPDATE OF asset_id ON public.auction_deposits FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER auction_rounds_audit AFTER INSERT OR DELETE OR UPDATE ON public.auction_rounds FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER auction_rounds_date_bounds AFTER INSERT OR UPDATE ON public.auction_rounds FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('asset', 'past:announced_on:Ngày thông báo phiên đấu giá', 'planned:held_on:Ngày tổ chức phiên đấu giá', 'past:result_on:Ngày ghi kết quả đấu giá');
CREATE TRIGGER auction_rounds_references BEFORE INSERT OR UPDATE OF asset_id, contract_id ON public.auction_rounds FOR EACH ROW EXECUTE FUNCTION app_private.asset_rows_references();
CREATE TRIGGER auction_rounds_tenant BEFORE INSERT OR UPDATE OF asset_id ON public.auction_rounds FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_asset();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_log_immutable();
CREATE TRIGGER audit_log_no_update BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION app_private.audit_log_immutable();
CREATE TRIGGER case_events_actor BEFORE INSERT ON public.case_events FOR EACH ROW WHEN (new.actor_id IS DISTINCT FROM auth.uid()) EXECUTE FUNCTION app_private.actor_is_caller('actor_id');
CREATE TRIGGER case_events_append_only BEFORE DELETE OR UPDATE ON public.case_events FOR EACH ROW EXECUTE FUNCTION app_private.audit_log_immutable();
CREATE TRIGGER case_events_audit_insert AFTER INSERT ON public.case_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_inserted_rows('1000');
CREATE TRIGGER case_events_bounds AFTER INSERT ON public.case_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.check_case_event_bounds();
CREATE TRIGGER case_events_check_intra_province_transfer BEFORE INSERT ON public.case_events FOR EACH ROW WHEN (new.kind = 'intra_province_transfer'::public.case_event_kind) EXECUTE FUNCTION app_private.case_events_check_intra_province_transfer();
CREATE TRIGGER case_events_check_references BEFORE INSERT ON public.case_events FOR EACH ROW WHEN (new.kind = ANY (ARRAY['decision'::public.case_event_kind, 'executor_change'::public.case_event_kind, 'transfer'::public.case_event_kind, 'office_assignment'::public.case_event_kind])) EXECUTE FUNCTION app_private.case_events_check_references();
CREATE TRIGGER case_events_maintenance_only BEFORE INSERT ON public.case_events FOR EACH ROW WHEN (new.kind = 'reorganisation'::public.case_event_kind) EXECUTE FUNCTION app_private.case_events_maintenance_only();
CREATE TRIGGER case_events_notify AFTER INSERT ON public.case_events REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION app_private.notify_payment();
CREATE TRIGGER case_events_stats AFTER INSERT ON public.case_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.stat_on_case_events();
CREATE TRIGGER case_events_tenant BEFORE INSERT ON public.case_events FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_case();
CREATE TRIGGER case_obligations_audit AFTER DELETE OR UPDATE ON public.case_obligations FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER case_obligations_audit_insert AFTER INSERT ON public.case_obligations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_inserted_rows();
CREATE TRIGGER case_obligations_date_bounds AFTER UPDATE ON public.case_obligations FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('case', 'past:performed_on:Ngày thực hiện nghĩa vụ');
CREATE TRIGGER case_obligations_date_bounds_insert AFTER INSERT ON public.case_obligations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.check_obligation_dates();
CREATE TRIGGER case_obligations_tenant BEFORE INSERT OR UPDATE OF case_id, province_id, unit_id ON public.case_obligations FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_case();
CREATE TRIGGER case_parties_audit AFTER DELETE OR UPDATE ON public.case_parties FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER case_parties_audit_insert AFTER INSERT ON public.case_parties REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_inserted_rows();
CREATE TRIGGER case_parties_tenant BEFORE INSERT OR UPDATE OF case_id, province_id, unit_id ON public.case_parties FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_case();
CREATE TRIGGER cases_audit AFTER DELETE OR UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER cases_audit_insert AFTER INSERT ON public.cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_inserted_rows();
CREATE TRIGGER cases_check_references BEFORE INSERT OR UPDATE OF executor_id, unit_id, transferred_to_province_id, province_id ON public.cases FOR EACH ROW EXECUTE FUNCTION app_private.cases_check_references();
CREATE TRIGGER cases_date_bounds AFTER INSERT ON public.cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.check_cases_dates();
CREATE TRIGGER cases_date_bounds_update AFTER UPDATE ON public.cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.check_cases_dates();
CREATE TRIGGER cases_rows_follow_unit AFTER UPDATE OF unit_id ON public.cases FOR EACH ROW WHEN (old.unit_id IS DISTINCT FROM new.unit_id) EXECUTE FUNCTION app_private.case_rows_follow_unit();
CREATE TRIGGER cases_stats AFTER UPDATE ON public.cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.stat_on_cases_update();
CREATE TRIGGER cases_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.cases FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER cases_touch BEFORE UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER complaint_documents_actor BEFORE INSERT ON public.complaint_documents FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by');
CREATE TRIGGER complaint_letters_actor BEFORE INSERT OR UPDATE ON public.complaint_letters FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by');
CREATE TRIGGER complaint_letters_references BEFORE INSERT OR UPDATE OF unit_id, province_id, case_ids, request_id, session_id, duplicate_of, same_matter_as, first_letter_id, handler_unit_id, handler_id, subject_user_id ON public.complaint_letters FOR EACH ROW EXECUTE FUNCTION app_private.complaint_letters_references();
CREATE TRIGGER complaint_letters_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.complaint_letters FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER creditor_links_audit AFTER INSERT OR DELETE OR UPDATE ON public.creditor_links FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER creditor_links_revoked_notifications AFTER UPDATE OF revoked_at ON public.creditor_links FOR EACH ROW EXECUTE FUNCTION app_private.creditor_link_revoked_notifications();
CREATE TRIGGER creditor_links_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.creditor_links FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER judgments_audit AFTER DELETE OR UPDATE ON public.judgments FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER judgments_audit_insert AFTER INSERT ON public.judgments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_inserted_rows();
CREATE TRIGGER judgments_date_bounds AFTER INSERT ON public.judgments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.check_judgments_dates();
CREATE TRIGGER judgments_date_bounds_update AFTER UPDATE ON public.judgments FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('none', 'past:judgment_date:Ngày bản án');
CREATE TRIGGER judgments_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.judgments FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER memberships_audit AFTER INSERT OR DELETE OR UPDATE ON public.memberships FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER memberships_before_write BEFORE INSERT OR UPDATE ON public.memberships FOR EACH ROW EXECUTE FUNCTION app_private.memberships_before_write();
CREATE TRIGGER notifications_guard BEFORE UPDATE OF read_at ON public.notifications FOR EACH ROW EXECUTE FUNCTION app_private.notifications_guard();
CREATE TRIGGER profiles_audit AFTER INSERT OR DELETE OR UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER profiles_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.profiles FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER profiles_touch BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER public_announcements_actor BEFORE INSERT OR UPDATE ON public.public_announcements FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by');
CREATE TRIGGER public_announcements_audit AFTER INSERT OR DELETE OR UPDATE ON public.public_announcements FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER public_announcements_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.public_announcements FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER public_pages_actor BEFORE INSERT OR UPDATE ON public.public_pages FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('updated_by');
CREATE TRIGGER public_pages_audit AFTER INSERT OR DELETE OR UPDATE ON public.public_pages FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER public_pages_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.public_pages FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER public_pages_touch BEFORE UPDATE ON public.public_pages FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER reception_sessions_actor BEFORE INSERT OR UPDATE ON public.reception_sessions FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by');
CREATE TRIGGER reception_sessions_references BEFORE INSERT OR UPDATE OF unit_id, host_id ON public.reception_sessions FOR EACH ROW EXECUTE FUNCTION app_private.reception_sessions_references();
CREATE TRIGGER reception_sessions_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.reception_sessions FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER service_request_attachments_before_insert BEFORE INSERT ON public.service_request_attachments FOR EACH ROW EXECUTE FUNCTION app_private.service_request_attachments_before_insert();
CREATE TRIGGER service_request_events_append_only BEFORE DELETE OR UPDATE ON public.service_request_events FOR EACH ROW EXECUTE FUNCTION app_private.service_request_events_immutable();
CREATE TRIGGER service_request_events_notify AFTER INSERT ON public.service_request_events REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION app_private.notify_request_status();
CREATE TRIGGER service_requests_audit AFTER DELETE OR UPDATE ON public.service_requests FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER service_requests_before_insert BEFORE INSERT ON public.service_requests FOR EACH ROW EXECUTE FUNCTION app_private.service_requests_before_insert();
CREATE TRIGGER service_requests_before_update BEFORE UPDATE ON public.service_requests FOR EACH ROW EXECUTE FUNCTION app_private.service_requests_before_update();
CREATE TRIGGER service_requests_date_bounds AFTER INSERT OR UPDATE ON public.service_requests FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('none', 'past:submitted_on:Ngày nộp yêu cầu', 'past:received_on:Ngày tiếp nhận', 'planned:due_on:Hạn giải quyết', 'past:closed_on:Ngày kết thúc');
CREATE TRIGGER service_requests_dates_order BEFORE INSERT OR UPDATE OF received_on, due_on ON public.service_requests FOR EACH ROW EXECUTE FUNCTION app_private.service_requests_dates_order();
CREATE TRIGGER service_requests_history AFTER INSERT OR UPDATE ON public.service_requests FOR EACH ROW EXECUTE FUNCTION app_private.service_requests_history();
CREATE TRIGGER stat_targets_actor BEFORE INSERT OR UPDATE ON public.stat_targets FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('set_by');
CREATE TRIGGER stat_targets_audit AFTER INSERT OR DELETE OR UPDATE ON public.stat_targets FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER stat_targets_tenant BEFORE INSERT OR UPDATE OF unit_id ON public.stat_targets FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_unit();
CREATE TRIGGER stat_targets_touch BEFORE UPDATE ON public.stat_targets FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER stat_targets_year_bounds AFTER INSERT OR UPDATE OF stat_year ON public.stat_targets FOR EACH ROW EXECUTE FUNCTION app_private.check_stat_target_year();
CREATE TRIGGER steering_coercion_before BEFORE INSERT OR UPDATE ON public.steering_coercion_ops FOR EACH ROW EXECUTE FUNCTION app_private.steering_coercion_before();
CREATE TRIGGER steering_coercion_ops_actor BEFORE INSERT OR UPDATE ON public.steering_coercion_ops FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by', 'decided_by');
CREATE TRIGGER steering_coercion_ops_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_coercion_ops FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_coercion_ops_date_bounds AFTER INSERT OR UPDATE ON public.steering_coercion_ops FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('case', 'planned:planned_on:Ngày cưỡng chế dự kiến', 'past:decided_on:Ngày phê duyệt', 'past:executed_on:Ngày thực hiện cưỡng chế');
CREATE TRIGGER steering_coercion_ops_tenant BEFORE INSERT OR UPDATE OF case_id ON public.steering_coercion_ops FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_case();
CREATE TRIGGER steering_committee_members_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_committee_members FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_committee_members_references BEFORE INSERT OR UPDATE OF committee_id, user_id ON public.steering_committee_members FOR EACH ROW EXECUTE FUNCTION app_private.steering_members_references();
CREATE TRIGGER steering_committee_members_tenant BEFORE INSERT OR UPDATE OF committee_id ON public.steering_committee_members FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_committee();
CREATE TRIGGER steering_committees_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_committees FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_directives_actor BEFORE INSERT OR UPDATE ON public.steering_directives FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('issued_by', 'answered_by');
CREATE TRIGGER steering_directives_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_directives FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_directives_before BEFORE INSERT OR UPDATE ON public.steering_directives FOR EACH ROW EXECUTE FUNCTION app_private.steering_directives_before();
CREATE TRIGGER steering_directives_date_bounds AFTER INSERT OR UPDATE ON public.steering_directives FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('flag', 'past:issued_on:Ngày ban hành ý kiến chỉ đạo', 'planned:due_on:Thời hạn thực hiện', 'past:answered_on:Ngày trả lời', 'past:revised_on:Ngày sửa ý kiến chỉ đạo');
CREATE TRIGGER steering_directives_references BEFORE INSERT OR UPDATE ON public.steering_directives FOR EACH ROW EXECUTE FUNCTION app_private.steering_directives_references();
CREATE TRIGGER steering_directives_revision BEFORE UPDATE ON public.steering_directives FOR EACH ROW EXECUTE FUNCTION app_private.steering_directives_revision();
CREATE TRIGGER steering_flags_actor BEFORE INSERT OR UPDATE ON public.steering_flags FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('proposed_by', 'decided_by');
CREATE TRIGGER steering_flags_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_flags FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_flags_date_bounds AFTER INSERT OR UPDATE ON public.steering_flags FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('case', 'past:proposed_on:Ngày đề xuất', 'past:decided_on:Ngày quyết định', 'past:removed_on:Ngày đưa ra khỏi danh sách');
CREATE TRIGGER steering_flags_scope BEFORE INSERT ON public.steering_flags FOR EACH ROW EXECUTE FUNCTION app_private.steering_flags_scope();
CREATE TRIGGER steering_flags_tenant BEFORE INSERT OR UPDATE OF case_id ON public.steering_flags FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_case();
CREATE TRIGGER steering_flags_touch BEFORE UPDATE ON public.steering_flags FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER steering_meeting_items_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_meeting_items FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_meeting_items_before BEFORE INSERT OR UPDATE ON public.steering_meeting_items FOR EACH ROW EXECUTE FUNCTION app_private.steering_meeting_items_before();
CREATE TRIGGER steering_meetings_actor BEFORE INSERT OR UPDATE ON public.steering_meetings FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('created_by');
CREATE TRIGGER steering_meetings_audit AFTER INSERT OR DELETE OR UPDATE ON public.steering_meetings FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_meetings_date_bounds AFTER INSERT OR UPDATE ON public.steering_meetings FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('none', 'planned:held_on:Ngày họp');
CREATE TRIGGER steering_meetings_tenant BEFORE INSERT OR UPDATE OF committee_id ON public.steering_meetings FOR EACH ROW EXECUTE FUNCTION app_private.set_tenant_from_committee();
CREATE TRIGGER steering_meetings_touch BEFORE UPDATE ON public.steering_meetings FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();
CREATE TRIGGER steering_progress_reports_actor BEFORE INSERT ON public.steering_progress_reports FOR EACH ROW EXECUTE FUNCTION app_private.actor_is_caller('reported_by');
CREATE TRIGGER steering_progress_reports_append_only BEFORE DELETE OR UPDATE ON public.steering_progress_reports FOR EACH ROW EXECUTE FUNCTION app_private.audit_log_immutable();
CREATE TRIGGER steering_progress_reports_audit AFTER INSERT ON public.steering_progress_reports FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER steering_progress_reports_before BEFORE INSERT ON public.steering_progress_reports FOR EACH ROW EXECUTE FUNCTION app_private.steering_reports_before();
CREATE TRIGGER steering_progress_reports_date_bounds AFTER INSERT OR UPDATE ON public.steering_progress_reports FOR EACH ROW EXECUTE FUNCTION app_private.check_record_dates('none', 'past:period_start:Kỳ báo cáo', 'past:reported_on:Ngày báo cáo');
CREATE TRIGGER unit_successions_audit AFTER INSERT OR DELETE OR UPDATE ON public.unit_successions FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER unit_successions_check BEFORE INSERT OR UPDATE ON public.unit_successions FOR EACH ROW EXECUTE FUNCTION app_private.unit_successions_check();
CREATE TRIGGER units_audit AFTER INSERT OR DELETE OR UPDATE ON public.units FOR EACH ROW EXECUTE FUNCTION app_private.audit_row();
CREATE TRIGGER units_touch BEFORE UPDATE ON public.units FOR EACH ROW EXECUTE FUNCTION app_private.touch_updated_at();

-- ============================================================================
-- Row-level security policies
-- ============================================================================

create policy login_attempts_auth_service on app_private.login_attempts for all to auth_service
  using (true)
  with check (true);

create policy request_limits_auth_service on app_private.request_limits for all to auth_service
  using (true)
  with check (true);

create policy sessions_auth_service on app_private.sessions for all to auth_service
  using (true)
  with check (true);

create policy api_tokens_insert on public.api_tokens for insert to authenticated
  with check (((account_id = ( SELECT auth.uid() AS uid)) AND ( SELECT app_private.is_creditor_organization() AS is_creditor_organization)));

create policy api_tokens_revoke on public.api_tokens for update to authenticated
  using ((account_id = ( SELECT auth.uid() AS uid)))
  with check ((account_id = ( SELECT auth.uid() AS uid)));

create policy api_tokens_select on public.api_tokens for select to authenticated
  using ((account_id = ( SELECT auth.uid() AS uid)));

create policy asset_events_insert on public.asset_events for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy asset_events_select on public.asset_events for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national) OR ((unit_id = province_id) AND (case_id IN ( SELECT unnest(app_private.assigned_case_ids()) AS unnest)))));

create policy asset_proceeds_insert on public.asset_proceeds for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy asset_proceeds_select on public.asset_proceeds for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy asset_proceeds_update on public.asset_proceeds for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy asset_seizures_insert on public.asset_seizures for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy asset_seizures_select on public.asset_seizures for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy asset_seizures_update on public.asset_seizures for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy asset_valuations_insert on public.asset_valuations for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy asset_valuations_select on public.asset_valuations for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy asset_valuations_update on public.asset_valuations for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy assets_insert on public.assets for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy assets_select on public.assets for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy assets_update on public.assets for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy auction_contracts_insert on public.auction_contracts for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy auction_contracts_select on public.auction_contracts for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy auction_contracts_update on public.auction_contracts for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy auction_deposits_insert on public.auction_deposits for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy auction_deposits_select on public.auction_deposits for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy auction_deposits_update on public.auction_deposits for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy auction_rounds_insert on public.auction_rounds for insert to authenticated
  with check (app_private.may_act_on_case(case_id));

create policy auction_rounds_select on public.auction_rounds for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy auction_rounds_update on public.auction_rounds for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy audit_log_select on public.audit_log for select to authenticated
  using ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy case_events_insert on public.case_events for insert to authenticated
  with check ((EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_events.case_id) AND (c.status <> 'transferred_out'::public.case_status) AND ((c.unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR ((c.executor_id = ( SELECT auth.uid() AS uid)) AND (c.unit_id = ANY (( SELECT app_private.executor_units() AS executor_units)::uuid[]))) OR (c.province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])))))));

create policy case_events_select on public.case_events for select to authenticated
  using (((unit_id = ANY (( SELECT NULLIF(app_private.unit_staff_units(), '{}'::uuid[]) AS "nullif")::uuid[])) OR (province_id = ANY (( SELECT NULLIF(app_private.province_staff_provinces(), '{}'::uuid[]) AS "nullif")::uuid[])) OR ( SELECT app_private.is_national() AS is_national) OR (case_id = ANY (( SELECT NULLIF(app_private.steering_case_ids(), '{}'::uuid[]) AS "nullif")::uuid[])) OR (case_id IN ( SELECT unnest(app_private.assigned_case_ids()) AS unnest))));

create policy case_obligations_insert on public.case_obligations for insert to authenticated
  with check ((EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_obligations.case_id) AND (c.status <> 'transferred_out'::public.case_status) AND ((c.unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR ((c.executor_id = ( SELECT auth.uid() AS uid)) AND (c.unit_id = ANY (( SELECT app_private.executor_units() AS executor_units)::uuid[]))) OR (c.province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])))))));

create policy case_obligations_select on public.case_obligations for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy case_obligations_update on public.case_obligations for update to authenticated
  using (app_private.may_act_on_case(case_id))
  with check (app_private.may_act_on_case(case_id));

create policy case_parties_insert on public.case_parties for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy case_parties_select on public.case_parties for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national) OR (id = ANY (( SELECT NULLIF(app_private.creditor_party_ids(), '{}'::uuid[]) AS "nullif")::uuid[]))));

create policy case_parties_update on public.case_parties for update to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))))
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy cases_insert on public.cases for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy cases_select on public.cases for select to authenticated
  using (((unit_id = ANY (( SELECT NULLIF(app_private.unit_staff_units(), '{}'::uuid[]) AS "nullif")::uuid[])) OR (province_id = ANY (( SELECT NULLIF(app_private.province_staff_provinces(), '{}'::uuid[]) AS "nullif")::uuid[])) OR ( SELECT app_private.is_national() AS is_national) OR (id = ANY (( SELECT NULLIF(app_private.steering_case_ids(), '{}'::uuid[]) AS "nullif")::uuid[])) OR (id = ANY (( SELECT NULLIF(app_private.creditor_case_ids(), '{}'::uuid[]) AS "nullif")::uuid[]))));

create policy cases_update on public.cases for update to authenticated
  using (((status <> 'transferred_out'::public.case_status) AND (((executor_id = ( SELECT auth.uid() AS uid)) AND (unit_id = ANY (( SELECT app_private.executor_units() AS executor_units)::uuid[]))) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])))))
  with check ((((executor_id = ( SELECT auth.uid() AS uid)) AND (unit_id = ANY (( SELECT app_private.executor_units() AS executor_units)::uuid[]))) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy complaint_documents_insert on public.complaint_documents for insert to authenticated
  with check ((EXISTS ( SELECT 1
   FROM public.complaint_letters l
  WHERE ((l.id = complaint_documents.letter_id) AND (app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id) OR (l.handler_id = ( SELECT auth.uid() AS uid)))))));

create policy complaint_documents_select on public.complaint_documents for select to authenticated
  using ((EXISTS ( SELECT 1
   FROM public.complaint_letters l
  WHERE ((l.id = complaint_documents.letter_id) AND (app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id) OR (l.handler_id = ( SELECT auth.uid() AS uid)) OR ( SELECT app_private.is_national() AS is_national))))));

create policy complaint_letters_insert on public.complaint_letters for insert to authenticated
  with check (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id));

create policy complaint_letters_select on public.complaint_letters for select to authenticated
  using (((NOT COALESCE(((kind = 'denunciation'::text) AND (subject_user_id = ( SELECT auth.uid() AS uid))), false)) AND ((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (handler_unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (handler_id = ( SELECT auth.uid() AS uid)) OR ( SELECT app_private.is_national() AS is_national) OR (case_ids && ( SELECT app_private.steering_case_ids() AS steering_case_ids)))));

create policy complaint_letters_update on public.complaint_letters for update to authenticated
  using (((NOT app_private.is_denounced(kind, subject_user_id)) AND (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id) OR (handler_id = ( SELECT auth.uid() AS uid)))))
  with check (((NOT app_private.is_denounced(kind, subject_user_id)) AND (app_private.handles_complaints_of(province_id, unit_id, handler_unit_id) OR (handler_id = ( SELECT auth.uid() AS uid)))));

create policy complaint_senders_insert on public.complaint_senders for insert to authenticated
  with check ((EXISTS ( SELECT 1
   FROM public.complaint_letters l
  WHERE ((l.id = complaint_senders.letter_id) AND app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)))));

create policy complaint_senders_select on public.complaint_senders for select to authenticated
  using ((EXISTS ( SELECT 1
   FROM public.complaint_letters l
  WHERE ((l.id = complaint_senders.letter_id) AND (app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id) OR (l.handler_id = ( SELECT auth.uid() AS uid)) OR ( SELECT app_private.is_national() AS is_national))))));

create policy complaint_senders_update on public.complaint_senders for update to authenticated
  using ((EXISTS ( SELECT 1
   FROM public.complaint_letters l
  WHERE ((l.id = complaint_senders.letter_id) AND app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)))))
  with check ((EXISTS ( SELECT 1
   FROM public.complaint_letters l
  WHERE ((l.id = complaint_senders.letter_id) AND app_private.handles_complaints_of(l.province_id, l.unit_id, l.handler_unit_id)))));

create policy creditor_links_select on public.creditor_links for select to authenticated
  using (((account_id = ( SELECT auth.uid() AS uid)) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national_admin() AS is_national_admin)));

create policy judgments_insert on public.judgments for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy judgments_select on public.judgments for select to authenticated
  using (((province_id = ANY (( SELECT app_private.enforcement_staff_provinces() AS enforcement_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy memberships_delete on public.memberships for delete to authenticated
  using ((( SELECT app_private.is_national_admin() AS is_national_admin) OR ((province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])) AND (role = ANY (app_private.role_group('province_head_grants'::text))))));

create policy memberships_insert on public.memberships for insert to authenticated
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR ((province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])) AND (role = ANY (app_private.role_group('province_head_grants'::text))))));

create policy memberships_select on public.memberships for select to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) OR ( SELECT app_private.is_national() AS is_national) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (unit_id = ANY (( SELECT app_private.unit_head_units() AS unit_head_units)::uuid[]))));

create policy memberships_update on public.memberships for update to authenticated
  using ((( SELECT app_private.is_national_admin() AS is_national_admin) OR ((province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])) AND (role = ANY (app_private.role_group('province_head_grants'::text))))))
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR ((province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])) AND (role = ANY (app_private.role_group('province_head_grants'::text))))));

create policy notifications_mark_read on public.notifications for update to authenticated
  using ((account_id = ( SELECT auth.uid() AS uid)))
  with check ((account_id = ( SELECT auth.uid() AS uid)));

create policy notifications_select on public.notifications for select to authenticated
  using ((account_id = ( SELECT auth.uid() AS uid)));

create policy profiles_insert on public.profiles for insert to authenticated
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy profiles_select on public.profiles for select to authenticated
  using (((unit_id = ANY (( SELECT NULLIF(app_private.unit_staff_units(), '{}'::uuid[]) AS "nullif")::uuid[])) OR (province_id = ANY (( SELECT NULLIF(app_private.province_staff_provinces(), '{}'::uuid[]) AS "nullif")::uuid[])) OR ( SELECT app_private.is_national() AS is_national) OR (id = ( SELECT auth.uid() AS uid)) OR (id = ANY (( SELECT NULLIF(app_private.creditor_executor_ids(), '{}'::uuid[]) AS "nullif")::uuid[]))));

create policy profiles_update on public.profiles for update to authenticated
  using (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))))
  with check (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy public_announcements_delete on public.public_announcements for delete to authenticated
  using ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])));

create policy public_announcements_insert on public.public_announcements for insert to authenticated
  with check ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])));

create policy public_announcements_select on public.public_announcements for select to anon, authenticated
  using (true);

create policy public_announcements_update on public.public_announcements for update to authenticated
  using ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])))
  with check ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])));

create policy public_pages_insert on public.public_pages for insert to authenticated
  with check ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])));

create policy public_pages_select on public.public_pages for select to anon, authenticated
  using (true);

create policy public_pages_update on public.public_pages for update to authenticated
  using ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])))
  with check ((province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])));

create policy reception_sessions_insert on public.reception_sessions for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy reception_sessions_select on public.reception_sessions for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy reception_sessions_update on public.reception_sessions for update to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))))
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy service_ratings_select on public.service_ratings for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy service_request_attachments_insert on public.service_request_attachments for insert to authenticated
  with check (((requester_id = ( SELECT auth.uid() AS uid)) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy service_request_attachments_insert_anon on public.service_request_attachments for insert to anon
  with check ((requester_id IS NULL));

create policy service_request_attachments_select on public.service_request_attachments for select to authenticated
  using (((requester_id = ( SELECT auth.uid() AS uid)) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy service_request_events_select on public.service_request_events for select to authenticated
  using (((requester_id = ( SELECT auth.uid() AS uid)) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy service_requests_insert on public.service_requests for insert to authenticated
  with check (((requester_id = ( SELECT auth.uid() AS uid)) OR ((requester_id IS NULL) AND ((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))))));

create policy service_requests_insert_anon on public.service_requests for insert to anon
  with check ((requester_id IS NULL));

create policy service_requests_select on public.service_requests for select to authenticated
  using (((requester_id = ( SELECT auth.uid() AS uid)) OR (unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy service_requests_update on public.service_requests for update to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))))
  with check (((unit_id = ANY (( SELECT app_private.unit_office_units() AS unit_office_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy stat_daily_select on public.stat_daily for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy stat_monthly_select on public.stat_monthly for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy stat_targets_insert on public.stat_targets for insert to authenticated
  with check ((((unit_id = province_id) AND ( SELECT app_private.is_national_admin() AS is_national_admin)) OR ((unit_id <> province_id) AND (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])))));

create policy stat_targets_select on public.stat_targets for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy stat_targets_update on public.stat_targets for update to authenticated
  using ((((unit_id = province_id) AND ( SELECT app_private.is_national_admin() AS is_national_admin)) OR ((unit_id <> province_id) AND (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])))))
  with check ((((unit_id = province_id) AND ( SELECT app_private.is_national_admin() AS is_national_admin)) OR ((unit_id <> province_id) AND (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])))));

create policy stat_yearly_select on public.stat_yearly for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_coercion_ops_insert on public.steering_coercion_ops for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_enforcement_units() AS unit_enforcement_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy steering_coercion_ops_select on public.steering_coercion_ops for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_coercion_ops_update on public.steering_coercion_ops for update to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_enforcement_units() AS unit_enforcement_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[]))))
  with check (((unit_id = ANY (( SELECT app_private.unit_enforcement_units() AS unit_enforcement_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[]))));

create policy steering_committee_members_delete on public.steering_committee_members for delete to authenticated
  using ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy steering_committee_members_insert on public.steering_committee_members for insert to authenticated
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy steering_committee_members_select on public.steering_committee_members for select to authenticated
  using (((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_committee_members_update on public.steering_committee_members for update to authenticated
  using ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))))
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy steering_committees_delete on public.steering_committees for delete to authenticated
  using (( SELECT app_private.is_national_admin() AS is_national_admin));

create policy steering_committees_insert on public.steering_committees for insert to authenticated
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[]))));

create policy steering_committees_select on public.steering_committees for select to authenticated
  using (((province_id = ANY (( SELECT app_private.enforcement_staff_provinces() AS enforcement_staff_provinces)::uuid[])) OR ((province_id IS NULL) AND ( SELECT app_private.is_enforcement_staff() AS is_enforcement_staff)) OR (id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_committees_update on public.steering_committees for update to authenticated
  using ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])) OR (id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[]))))
  with check ((( SELECT app_private.is_national_admin() AS is_national_admin) OR (province_id = ANY (( SELECT app_private.province_head_provinces() AS province_head_provinces)::uuid[])) OR (id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[]))));

create policy steering_directives_insert on public.steering_directives for insert to authenticated
  with check ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])));

create policy steering_directives_select on public.steering_directives for select to authenticated
  using (((addressee_unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (addressee_user_id = ( SELECT auth.uid() AS uid)) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_directives_update on public.steering_directives for update to authenticated
  using (((addressee_unit_id = ANY (( SELECT app_private.head_units() AS head_units)::uuid[])) OR (addressee_user_id = ( SELECT auth.uid() AS uid)) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[]))))
  with check (((addressee_unit_id = ANY (( SELECT app_private.head_units() AS head_units)::uuid[])) OR (addressee_user_id = ( SELECT auth.uid() AS uid)) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[]))));

create policy steering_flags_insert on public.steering_flags for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_head_units() AS unit_head_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy steering_flags_select on public.steering_flags for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_flags_update on public.steering_flags for update to authenticated
  using (((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national_admin() AS is_national_admin)))
  with check (((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national_admin() AS is_national_admin)));

create policy steering_meeting_items_delete on public.steering_meeting_items for delete to authenticated
  using ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])));

create policy steering_meeting_items_insert on public.steering_meeting_items for insert to authenticated
  with check ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])));

create policy steering_meeting_items_select on public.steering_meeting_items for select to authenticated
  using (((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_meeting_items_update on public.steering_meeting_items for update to authenticated
  using ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])))
  with check ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])));

create policy steering_meetings_insert on public.steering_meetings for insert to authenticated
  with check ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])));

create policy steering_meetings_select on public.steering_meetings for select to authenticated
  using (((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national)));

create policy steering_meetings_update on public.steering_meetings for update to authenticated
  using ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])))
  with check ((committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])));

create policy steering_progress_reports_insert on public.steering_progress_reports for insert to authenticated
  with check (((unit_id = ANY (( SELECT app_private.unit_enforcement_units() AS unit_enforcement_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[]))));

create policy steering_progress_reports_select on public.steering_progress_reports for select to authenticated
  using (((unit_id = ANY (( SELECT app_private.unit_staff_units() AS unit_staff_units)::uuid[])) OR (province_id = ANY (( SELECT app_private.province_staff_provinces() AS province_staff_provinces)::uuid[])) OR (committee_id = ANY (( SELECT app_private.steering_committees_for() AS steering_committees_for)::uuid[])) OR ( SELECT app_private.is_national() AS is_national) OR ((unit_id = province_id) AND (case_id IN ( SELECT unnest(app_private.assigned_case_ids()) AS unnest)))));

create policy unit_successions_select on public.unit_successions for select to anon, authenticated
  using (true);

create policy units_select on public.units for select to anon, authenticated
  using (true);
