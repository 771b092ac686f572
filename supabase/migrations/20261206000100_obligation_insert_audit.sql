-- Obligations inserted in bulk (a province's migration: one decision per case, each with its
-- obligations) are audited per statement, like cases, judgments, parties and events
-- (20251103000000_import_speed.sql): the same audit rows, hashes and chain, without the
-- row-by-row move of the chain head that makes a bulk insert slow down quadratically.
-- Updates and deletes keep the row-level trigger.
drop trigger case_obligations_audit on public.case_obligations;
create trigger case_obligations_audit after update or delete on public.case_obligations
  for each row execute function app_private.audit_row();
create trigger case_obligations_audit_insert after insert on public.case_obligations
  referencing new table as new_rows
  for each statement execute function app_private.audit_inserted_rows();
