-- A case entrusted by a military-region enforcement agency is taken in on that agency's entrusting
-- decision (quyết định ủy thác; Law 106/2025/QH15 Art. 49(2), verified against the text). The acceptance keeps the
-- decision's number (1–60 characters) and date (YYYY-MM-DD, not after the acceptance), both or
-- neither, and only beside the agency's name (`fromAgency`): an entrusted case skips the limitation
-- check, so what it was taken in on is on the record. Acceptances written before carry neither.
-- The ledger is append-only and large: the check is added not valid here (new rows are checked at
-- once) and the rows already written are validated by the next migration, in a transaction of its
-- own, whose lock lets reads and writes go on (in this one, adding the check holds a lock that
-- would block them for the whole scan).
alter table public.case_events
  add constraint case_events_entrusting_decision check (
    kind <> 'acceptance'
    or not (payload ? 'entrustingDecisionNumber' or payload ? 'entrustingDecisionOn')
    -- coalesce: a key that is missing reads as null, and a check that is null passes.
    or coalesce(payload ? 'fromAgency'
        and jsonb_typeof(payload -> 'entrustingDecisionNumber') = 'string'
        and char_length(btrim(payload ->> 'entrustingDecisionNumber')) between 1 and 60
        and jsonb_typeof(payload -> 'entrustingDecisionOn') = 'string'
        and case when (payload ->> 'entrustingDecisionOn') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                 then (payload ->> 'entrustingDecisionOn')::date <= effective_date
                 else false end, false)) not valid;
