-- The acceptances written before 20261221000100 meet its check (they name no entrusting decision):
-- validated on their own, under SHARE UPDATE EXCLUSIVE, so that reads and writes go on meanwhile.
alter table public.case_events validate constraint case_events_entrusting_decision;
