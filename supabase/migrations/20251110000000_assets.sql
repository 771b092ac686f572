-- Assets of debtors, seizure, valuation and auctions (kê biên, thẩm định giá,
-- bán đấu giá). Every row belongs to a case and takes its tenant key and
-- owning unit from it; readable like the case, written by those who may act
-- on the case (through the case service, as case_writer). The rules (price reductions, the floor, deposits, the order
-- of Art. 47) are checked in packages/domain; packages/case-service writes
-- each step in one transaction with an idempotency key and a version check,
-- and pays auction proceeds into the case through the case ledger.

create type public.asset_kind as enum ('land_use_right', 'house', 'vehicle', 'machinery', 'shares', 'bank_account', 'other');
create type public.asset_status as enum ('identified', 'seized', 'valued', 'at_auction', 'sold', 'delivered', 'returned', 'handed_to_creditor');
create type public.asset_step_kind as enum (
  'identification', 'seizure', 'valuation', 'contract', 'round', 'round_result', 'deposit',
  'deposit_settlement', 'sale', 'delivery', 'return', 'hand_to_creditor'
);
create type public.seizure_kind as enum ('seizure', 'account_freeze');
create type public.auction_round_result as enum ('scheduled', 'sold', 'no_bidder', 'cancelled', 'buyer_withdrew');
create type public.deposit_outcome as enum ('held', 'refunded', 'forfeited', 'applied');
create type public.proceeds_rank as enum ('costs', 'secured', 'priority', 'court_fee', 'other', 'debtor');

-- Rows of an asset take its case, tenant key and unit from the asset.
create function app_private.set_tenant_from_asset() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select a.case_id, a.province_id, a.unit_id into new.case_id, new.province_id, new.unit_id
    from public.assets a where a.id = new.asset_id;
  if new.case_id is null then
    raise exception 'asset % does not exist', new.asset_id using errcode = '23503';
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- Assets
-- ---------------------------------------------------------------------------
create table public.assets (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  kind public.asset_kind not null,
  description text not null check (char_length(description) between 3 and 1000),
  location text check (char_length(location) <= 500),
  ownership_docs text check (char_length(ownership_docs) <= 1000),
  encumbrance_bank text check (char_length(encumbrance_bank) <= 300),
  encumbrance_note text check (char_length(encumbrance_note) <= 1000),
  status public.asset_status not null default 'identified',
  -- Projection of the steps below, for lists and the heads' view.
  enforcement_costs bigint not null default 0 check (enforcement_costs >= 0),
  latest_value bigint check (latest_value > 0),
  current_price bigint check (current_price > 0),
  rounds_held integer not null default 0 check (rounds_held >= 0),
  failed_rounds integer not null default 0 check (failed_rounds >= 0),
  next_round_on date,
  sold_price bigint check (sold_price > 0),
  buyer_name text check (char_length(buyer_name) <= 300),
  proceeds_paid_on date,
  delivered_on date,
  version integer not null default 1,
  idempotency_key uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint assets_idempotency unique (case_id, idempotency_key)
);
create index assets_province_id_idx on public.assets (province_id, status);
create index assets_unit_id_idx on public.assets (unit_id, status, failed_rounds desc);
create trigger assets_tenant before insert or update of case_id on public.assets
  for each row execute function app_private.set_tenant_from_case();
create trigger assets_touch before update on public.assets
  for each row execute function app_private.touch_updated_at();
create trigger assets_audit after insert or update or delete on public.assets
  for each row execute function app_private.audit_row();

-- ---------------------------------------------------------------------------
-- The asset's history: one append-only row per step, with its idempotency key.
-- ---------------------------------------------------------------------------
create table public.asset_events (
  id bigint primary key generated always as identity,
  asset_id uuid not null references public.assets (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  kind public.asset_step_kind not null,
  effective_date date not null,
  payload jsonb not null default '{}' check (pg_column_size(payload) <= 8192),
  actor_id uuid,
  idempotency_key uuid,
  created_at timestamptz not null default now(),
  constraint asset_events_idempotency unique (asset_id, idempotency_key)
);
create index asset_events_province_id_idx on public.asset_events (province_id);
create index asset_events_unit_id_idx on public.asset_events (unit_id);
create trigger asset_events_tenant before insert on public.asset_events
  for each row execute function app_private.set_tenant_from_asset();
create trigger asset_events_audit after insert on public.asset_events
  for each row execute function app_private.audit_row();
create trigger asset_events_append_only before update or delete on public.asset_events
  for each row execute function app_private.audit_log_immutable();

-- ---------------------------------------------------------------------------
-- Seizures (kê biên) and account freezes (phong tỏa tài khoản)
-- ---------------------------------------------------------------------------
create table public.asset_seizures (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  kind public.seizure_kind not null,
  seized_on date not null,
  executor_name text not null check (char_length(executor_name) between 1 and 200),
  minutes_number text check (char_length(minutes_number) <= 100),
  bank_name text check (char_length(bank_name) <= 300),
  account_number text check (account_number ~ '^[0-9A-Za-z-]{4,40}$'),
  frozen_amount bigint check (frozen_amount > 0),
  note text check (char_length(note) <= 1000),
  created_at timestamptz not null default now(),
  constraint asset_seizures_freeze check (kind <> 'account_freeze' or (bank_name is not null and account_number is not null))
);

-- ---------------------------------------------------------------------------
-- Valuations (thẩm định giá) and re-valuations
-- ---------------------------------------------------------------------------
create table public.asset_valuations (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  appraiser text not null check (char_length(appraiser) between 2 and 300),
  value bigint not null check (value > 0),
  valued_on date not null,
  is_revaluation boolean not null default false,
  note text check (char_length(note) <= 1000),
  created_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------
-- Contracts with a licensed auction organisation
-- ---------------------------------------------------------------------------
create table public.auction_contracts (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  organisation text not null check (char_length(organisation) between 2 and 300),
  contract_number text not null check (char_length(contract_number) between 1 and 100),
  signed_on date not null,
  fee bigint check (fee >= 0),
  created_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------
-- Auction rounds (phiên đấu giá)
-- ---------------------------------------------------------------------------
create table public.auction_rounds (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  contract_id uuid references public.auction_contracts (id),
  round_no integer not null check (round_no > 0),
  announced_on date not null,
  held_on date not null,
  venue text check (char_length(venue) <= 500),
  starting_price bigint not null check (starting_price > 0),
  reduction_bp integer not null default 0 check (reduction_bp between 0 and 10000),
  result public.auction_round_result not null default 'scheduled',
  result_on date,
  winning_bid bigint check (winning_bid >= starting_price),
  winner_name text check (char_length(winner_name) <= 300),
  created_at timestamptz not null default now(),
  constraint auction_rounds_no unique (asset_id, round_no),
  constraint auction_rounds_dates check (held_on >= announced_on),
  constraint auction_rounds_sold check ((result = 'sold') = (winning_bid is not null) or result = 'buyer_withdrew')
);

-- ---------------------------------------------------------------------------
-- Deposits (tiền đặt trước)
-- ---------------------------------------------------------------------------
create table public.auction_deposits (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id),
  round_id uuid not null references public.auction_rounds (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  bidder_name text not null check (char_length(bidder_name) between 1 and 300),
  amount bigint not null check (amount > 0),
  received_on date not null,
  outcome public.deposit_outcome not null default 'held',
  situation text check (char_length(situation) <= 60),
  settled_on date,
  created_at timestamptz not null default now(),
  constraint auction_deposits_settled check ((outcome = 'held') = (settled_on is null))
);

-- ---------------------------------------------------------------------------
-- Proceeds and their distribution (Art. 47): one row per line; lines paid to
-- an obligation of the case point at the payment event in the case ledger.
-- ---------------------------------------------------------------------------
create table public.asset_proceeds (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id),
  case_id uuid not null references public.cases (id),
  province_id uuid not null references public.units (id),
  unit_id uuid not null references public.units (id),
  line_no integer not null check (line_no > 0),
  rank public.proceeds_rank not null,
  obligation_code text check (obligation_code ~ '^[A-Za-z0-9_-]{1,20}$'),
  claimed bigint check (claimed >= 0),
  amount bigint not null check (amount >= 0),
  paid_on date not null,
  case_event_id bigint references public.case_events (id),
  created_at timestamptz not null default now(),
  constraint asset_proceeds_line unique (asset_id, line_no)
);

-- Common to the asset's rows: tenant trigger, audit, indexes on every column the policies read.
do $$
declare t text;
begin
  foreach t in array array['asset_seizures', 'asset_valuations', 'auction_contracts', 'auction_rounds', 'auction_deposits', 'asset_proceeds'] loop
    execute format('create trigger %1$s_tenant before insert or update of asset_id on public.%1$s
                    for each row execute function app_private.set_tenant_from_asset()', t);
    execute format('create trigger %1$s_audit after insert or update or delete on public.%1$s
                    for each row execute function app_private.audit_row()', t);
    execute format('create index %1$s_province_id_idx on public.%1$s (province_id)', t);
    execute format('create index %1$s_case_id_idx on public.%1$s (case_id)', t);
  end loop;
  foreach t in array array['asset_seizures', 'asset_valuations', 'auction_contracts', 'auction_deposits', 'asset_proceeds'] loop
    execute format('create index %1$s_unit_id_idx on public.%1$s (unit_id)', t);
    execute format('create index %1$s_asset_id_idx on public.%1$s (asset_id)', t);
  end loop;
end
$$;
create index assets_case_id_idx on public.assets (case_id);
create index asset_events_case_id_idx on public.asset_events (case_id);
create index asset_events_asset_idx on public.asset_events (asset_id, effective_date, id);
-- The unit's and the province's auction calendars.
create index auction_rounds_unit_id_idx on public.auction_rounds (unit_id, held_on);
create index auction_rounds_province_held_idx on public.auction_rounds (province_id, held_on) where result = 'scheduled';
create index auction_deposits_round_id_idx on public.auction_deposits (round_id);
create index auction_rounds_contract_id_idx on public.auction_rounds (contract_id) where contract_id is not null;
create index asset_proceeds_case_event_idx on public.asset_proceeds (case_event_id) where case_event_id is not null;

-- ---------------------------------------------------------------------------
-- RLS: read like the case; write when one may act on the case. Nothing is
-- deleted: steps are corrected by later steps, and the history stays.
-- ---------------------------------------------------------------------------
do $$
declare t text;
begin
  foreach t in array array['assets', 'asset_events', 'asset_seizures', 'asset_valuations', 'auction_contracts',
                           'auction_rounds', 'auction_deposits', 'asset_proceeds'] loop
    execute format('alter table public.%1$s enable row level security', t);
    execute format('alter table public.%1$s force row level security', t);
    execute format($p$create policy %1$s_select on public.%1$s for select to authenticated
      using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
             or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
             or (select app_private.is_national()))$p$, t);
    execute format('create policy %1$s_insert on public.%1$s for insert to authenticated
      with check (app_private.may_act_on_case(case_id))', t);
    -- Signed-in users read; only the case service writes, as case_writer (see 20251106000000_case_writer.sql),
    -- after the asset rules: the policies (to authenticated) apply to it unchanged.
    execute format('revoke all on public.%1$s from anon, authenticated, case_writer', t);
    execute format('grant select on public.%1$s to authenticated', t);
    if t = 'asset_events' then
      execute format('grant insert on public.%1$s to case_writer', t);
    else
      execute format('create policy %1$s_update on public.%1$s for update to authenticated
        using (app_private.may_act_on_case(case_id)) with check (app_private.may_act_on_case(case_id))', t);
      execute format('grant insert, update on public.%1$s to case_writer', t);
    end if;
  end loop;
end
$$;

-- ---------------------------------------------------------------------------
-- Public auction notices: for the public (anon), a province's assets now at
-- auction with the published fields of their next round, nothing else.
-- ---------------------------------------------------------------------------
create function public.auction_notices(p_province_slug text)
returns table (
  round_id uuid, unit_name text, asset_kind public.asset_kind, description text, location text,
  round_no integer, announced_on date, held_on date, venue text, starting_price bigint, organisation text
)
language sql stable security definer set search_path = ''
as $$
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
$$;
revoke all on function public.auction_notices(text) from public;
grant execute on function public.auction_notices(text) to anon, authenticated;
