-- A case can stand "in progress" (đang thi hành) at a date only once it has been classified
-- enforceable (có điều kiện thi hành) by then. The drill-down of that figure walks the cases in list
-- order and asks this index first, an index-only probe by case, before it reads the case's ledger
-- (public.stat_standing_at): nationally most of the newest cases are not classified yet at a
-- period's end, and their ledgers were read for nothing. The tenant columns are included so the
-- ledger's read policy is decided from the index alone.
create index case_events_enforceable_idx on public.case_events (case_id, effective_date) include (unit_id, province_id)
  where kind = 'classification' and (payload ->> 'result') is distinct from 'not_yet_enforceable';
