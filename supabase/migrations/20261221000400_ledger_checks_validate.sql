-- The rows written before 20261221000300 against its two checks, validated on their own, under
-- SHARE UPDATE EXCLUSIVE, so that reads and writes go on meanwhile.
alter table public.case_events validate constraint case_events_entrusting_decision;
alter table public.case_events validate constraint case_events_from_agency_name;
