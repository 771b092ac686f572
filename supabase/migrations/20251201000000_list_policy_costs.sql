-- The per-row cost of the read policies on the lists.
--
-- A policy is evaluated on every row a list or a count walks. Two things made
-- that walk dearer under RLS than the same query as owner:
--
-- 1. A term on an empty array (a unit head has no province, a province head
--    no unit) still unpacks the array on every row. As NULL it is skipped at
--    once: `x = any (null)` is null, and null OR true is true, null OR false
--    is not true, so what a user may see does not change.
-- 2. An index that lacks the policy's columns cannot serve an index-only scan
--    under RLS, while the owner's query uses it: the directorate's nationwide
--    list (accepted_on, id) and the province count (province_id, status) fell
--    back to heap fetches or to the wide list index. Both indexes now carry
--    unit_id, province_id and id.

drop policy cases_select on public.cases;
create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select nullif(app_private.units_for('{subunit_head,executor,clerk}'), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.provinces_for('{province_head,province_staff}'), '{}'))::uuid[])
         or (select app_private.is_national())
         or id = any ((select nullif(app_private.steering_case_ids(), '{}'))::uuid[]));

-- The list joins each case's executor: staff of the reader's own unit first.
drop policy profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
  using (unit_id = any ((select nullif(app_private.units_for('{subunit_head,executor,clerk}'), '{}'))::uuid[])
         or province_id = any ((select nullif(app_private.provinces_for('{province_head,province_staff}'), '{}'))::uuid[])
         or (select app_private.is_national())
         or id = (select auth.uid()));

drop index public.cases_accepted_idx;
create index cases_accepted_idx on public.cases (accepted_on desc, id) include (unit_id, province_id);

drop index public.cases_province_id_idx;
create index cases_province_id_idx on public.cases (province_id, status) include (unit_id, id);
