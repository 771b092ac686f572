-- Drill-down from a figure to its cases, across the nation.
--
-- A figure counted from the ledger (completed, terminated, transferred out in a period; suspended
-- or postponed or not yet enforceable at a date) is, in the case list, a condition on each case.
-- Checked case by case, a directorate drill-down walked all 5 million cases with a ledger look-up
-- each (10–25 s; a figure "at a date" 3 minutes). The case list now reads the set of cases with
-- such an event once, from these indexes, and walks the list against it. One partial index per
-- kind: a kind (an enum, whose equality is not leakproof) cannot be an index condition under
-- row-level security, but a partial index on it can still be chosen; the policy's columns are
-- included so that the read stays index-only. Acceptances are not indexed here: they are dense,
-- and the walk finds them at once.

create index case_events_completion_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'completion';
create index case_events_termination_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'termination';
create index case_events_transfer_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'transfer';
create index case_events_suspension_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'suspension';
create index case_events_postponement_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'postponement';
create index case_events_not_yet_enforceable_idx on public.case_events (effective_date) include (case_id, province_id, unit_id)
  where kind = 'classification' and payload ->> 'result' = 'not_yet_enforceable';

-- As for cases (migration 20251201000000): empty scopes are NULL, skipped at once on every row.
drop policy case_events_select on public.case_events;
create policy case_events_select on public.case_events for select to authenticated
  using (unit_id = any ((select nullif(app_private.units_for('{subunit_head,executor,clerk}'), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.provinces_for('{province_head,province_staff}'), '{}'))::uuid[])
         or (select app_private.is_national())
         or case_id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[]));
