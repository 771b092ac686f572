-- The case list's index carries the tenant key too, so that under RLS (whose
-- policy reads province_id) the list's page and count can still be answered
-- from the index alone, as they are for the owner.
drop index public.cases_unit_list_idx;
create index cases_unit_list_idx on public.cases (unit_id, accepted_on desc, id) include (province_id);
