-- The case list walks one index range (a sub-bureau or a province) in list
-- order and answers its page, its capped total and its search from the index
-- alone: the index carries the tenant keys the policy reads, the folded search
-- text and every filter column. Under RLS a search's LIKE cannot be an index
-- condition (it is not leakproof, so it may not run before the policy), which
-- leaves the trigram index unused for ordinary users; filtering the covering
-- index instead costs one pass over the unit's or the province's entries with
-- no heap access.
drop index public.cases_unit_list_idx;
create index cases_unit_list_idx on public.cases (unit_id, accepted_on desc, id)
  include (province_id, search_text, status, executor_id, judgment_type, money_due, next_deadline_on, is_bank_credit, is_corruption);
create index cases_province_list_idx on public.cases (province_id, accepted_on desc, id)
  include (unit_id, search_text, status, executor_id, judgment_type, money_due, next_deadline_on, is_bank_credit, is_corruption);

-- The overdue list of a unit (nearest deadline first) and its count, index-only too.
drop index public.cases_unit_deadline_idx;
create index cases_unit_deadline_idx on public.cases (unit_id, next_deadline_on, id)
  include (province_id, executor_id, status) where next_deadline_on is not null;

-- The trigram indexes served only the owner: under RLS a search's LIKE is not
-- leakproof and may not become an index condition, so users' searches never
-- used them, while every insert paid for them (bulk import most of all).
drop index public.cases_search_trgm_idx;
drop index public.case_parties_search_trgm_idx;

-- Ledger and obligation rows: "may act on the case" written inline, with the
-- caller's scopes as initPlans computed once per statement and the case read
-- by the executor, instead of a function call (and its queries) per row.
-- Same rule as app_private.may_act_on_case().
drop policy case_events_insert on public.case_events;
create policy case_events_insert on public.case_events for insert to authenticated
  with check (exists (
    select 1 from public.cases c
    where c.id = case_id and c.status <> 'transferred_out'
      and (c.unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
           or (c.executor_id = (select auth.uid()) and c.unit_id = any ((select app_private.units_for('{executor}'))::uuid[]))
           or c.province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))));
drop policy case_obligations_insert on public.case_obligations;
create policy case_obligations_insert on public.case_obligations for insert to authenticated
  with check (exists (
    select 1 from public.cases c
    where c.id = case_id and c.status <> 'transferred_out'
      and (c.unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
           or (c.executor_id = (select auth.uid()) and c.unit_id = any ((select app_private.units_for('{executor}'))::uuid[]))
           or c.province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]))));

-- The directorate's nationwide list, newest first, without sorting every case.
create index cases_accepted_idx on public.cases (accepted_on desc, id);
