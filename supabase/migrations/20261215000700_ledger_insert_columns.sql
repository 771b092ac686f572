-- case_writer inserts ledger rows naming only the columns a step has: the case, the kind, the
-- effective date, the payload, the actor and the idempotency key. The row's id (an identity:
-- OVERRIDING SYSTEM VALUE needs INSERT on the column), its tenant keys (set from the case) and its
-- created_at (the transaction's time) are the database's. Before, the table-wide grant let a client
-- holding the app's login plant ids ahead of the sequence, so that later inserts would fail on the
-- primary key, or date a row's creation as it pleased.
revoke insert on public.case_events from case_writer;
grant insert (case_id, kind, effective_date, payload, actor_id, idempotency_key) on public.case_events to case_writer;
