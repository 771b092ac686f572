-- Three foreign keys were indexed twice: 20261204000500 added an index
-- identical to one the earlier migrations already had (Supabase's advisor,
-- lint duplicate_index). The earlier index stays; each key keeps an index
-- leading with it (packages/db/test/fk-indexes.test.ts).
drop index if exists public.cases_executor_idx;
drop index if exists public.cases_transferred_from_case_idx;
drop index if exists public.auction_rounds_contract_idx;
