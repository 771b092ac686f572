-- A handover on a reorganisation of units (ADR 028): the agency's maintenance records, for each
-- open case of a dissolved unit, its move to the successor on the reorganisation's date.
alter type public.case_event_kind add value if not exists 'reorganisation';
