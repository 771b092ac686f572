-- Two checks of an acceptance's payload, made exact:
--   * case_events_entrusting_decision read the decision's date with a cast, which raises (22008)
--     on a well-shaped impossible day such as 2026-02-31 instead of refusing the row (23514);
--     app_private.is_iso_date answers false for it;
--   * case_events_from_agency_name compared the source with 'transfer_in', which is null when the
--     payload names no source, and a check that is null passes: now coalesced to false.
-- Each is dropped and added again not valid (new rows are checked at once); the next migration
-- validates the rows already written, in a transaction of its own whose lock lets reads and
-- writes go on.

create function app_private.is_iso_date(p text) returns boolean
language plpgsql immutable parallel safe set search_path = ''
as $$
begin
  if p is null or p !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    return false;
  end if;
  perform p::date;
  return true;
exception when others then
  return false;
end
$$;
grant execute on function app_private.is_iso_date(text) to authenticated, service_role;

alter table public.case_events drop constraint case_events_entrusting_decision;
alter table public.case_events
  add constraint case_events_entrusting_decision check (
    kind <> 'acceptance'
    or not (payload ? 'entrustingDecisionNumber' or payload ? 'entrustingDecisionOn')
    -- coalesce: a key that is missing reads as null, and a check that is null passes.
    or coalesce(payload ? 'fromAgency'
        and jsonb_typeof(payload -> 'entrustingDecisionNumber') = 'string'
        and char_length(btrim(payload ->> 'entrustingDecisionNumber')) between 1 and 60
        and jsonb_typeof(payload -> 'entrustingDecisionOn') = 'string'
        and case when app_private.is_iso_date(payload ->> 'entrustingDecisionOn')
                 then (payload ->> 'entrustingDecisionOn')::date <= effective_date
                 else false end, false)) not valid;

alter table public.case_events drop constraint case_events_from_agency_name;
alter table public.case_events
  add constraint case_events_from_agency_name check (
    kind <> 'acceptance' or not (payload ? 'fromAgency')
    or coalesce(jsonb_typeof(payload -> 'fromAgency') = 'string'
        and char_length(btrim(payload ->> 'fromAgency')) between 2 and 300
        and payload ->> 'source' = 'transfer_in', false)) not valid;
