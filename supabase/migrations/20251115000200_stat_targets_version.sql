-- Targets carry an explicit version for the edit form's concurrency check.
alter table public.stat_targets add column version integer not null default 1;
