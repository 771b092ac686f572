-- National figures read the partial months at a period's ends from stat_daily
-- across all units: by dimension and day.
create index stat_daily_dim_idx on public.stat_daily (dim, day);
