-- A whole statistical year's row of public.stat_yearly only ever counts in a stock level (before a
-- period or at its end), never as a flow of a period (packages/core/src/stats/readers.ts reads its
-- stock columns only). Every period's read sums those rows for all the years before it, for every
-- unit in scope: nationally several thousand rows per dimension, scattered over the table among the
-- other dimensions' rows. The index on (dim, year) now carries the tenant columns (the read policy
-- is decided from the index alone) and the stock columns (ip, pp, sp, ot, ny, sr: DELTA_STOCKS of
-- packages/domain/src/stats/deltas.ts), so the read is index-only. A stock added later and not
-- listed here still reads right, from the table.
drop index public.stat_yearly_dim_idx;
create index stat_yearly_dim_idx on public.stat_yearly (dim, year)
  include (unit_id, province_id, ip_n, ip_m, pp_n, pp_m, sp_n, sp_m, ot_n, ot_m, ny_n, ny_m, sr_n, sr_m);
