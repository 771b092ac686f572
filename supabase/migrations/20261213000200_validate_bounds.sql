-- The date and money bounds of 20261204000200_date_money_bounds.sql were added NOT VALID, so that
-- rows written before them stay as they are (the ledger cannot be corrected). Every check
-- constraint of the public schema still NOT VALID (today: those bounds only) is validated where no
-- row breaks it: the schema then states it of every row, not only of new ones, and the
-- planner may rely on it. A bound that some earlier row breaks stays NOT VALID, and a notice names
-- it and its table. Validating reads each table once under a lock that lets reads and writes go on
-- (SHARE UPDATE EXCLUSIVE).
do $$
declare
  r record;
begin
  for r in
    select c.conrelid::regclass::text as tbl, c.conname
      from pg_catalog.pg_constraint c
      join pg_catalog.pg_namespace n on n.oid = c.connamespace
     where n.nspname = 'public' and c.contype = 'c' and not c.convalidated
     order by 1, 2
  loop
    begin
      execute format('alter table %s validate constraint %I', r.tbl, r.conname);
    exception when check_violation then
      raise notice 'constraint % on % stays NOT VALID: rows written before it break it', r.conname, r.tbl;
    end;
  end loop;
end
$$;
