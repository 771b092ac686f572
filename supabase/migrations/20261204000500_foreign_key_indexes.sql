-- Every foreign key leads an index (packages/db/test/fk-indexes.test.ts): without one, deleting or
-- re-keying the referenced row scans the referencing table, and joins along the key walk it whole.
-- Keys that are mostly null get a partial index on the non-null rows, which serves the key checks
-- (`col = $1` implies `col is not null`) at a fraction of the size.

create index if not exists units_merged_into_idx on public.units (merged_into_id) where merged_into_id is not null;

create index if not exists cases_executor_idx on public.cases (executor_id) where executor_id is not null;
create index if not exists cases_transferred_from_case_idx on public.cases (transferred_from_case_id) where transferred_from_case_id is not null;
create index if not exists cases_transferred_to_province_idx on public.cases (transferred_to_province_id) where transferred_to_province_id is not null;

create index if not exists auction_rounds_contract_idx on public.auction_rounds (contract_id) where contract_id is not null;
create index if not exists asset_proceeds_case_event_idx on public.asset_proceeds (case_event_id) where case_event_id is not null;

create index if not exists steering_progress_reports_reported_by_idx on public.steering_progress_reports (reported_by);
create index if not exists steering_flags_proposed_by_idx on public.steering_flags (proposed_by);
create index if not exists steering_flags_decided_by_idx on public.steering_flags (decided_by) where decided_by is not null;
create index if not exists steering_meetings_province_idx on public.steering_meetings (province_id) where province_id is not null;
create index if not exists steering_meetings_created_by_idx on public.steering_meetings (created_by);
create index if not exists steering_meeting_items_province_idx on public.steering_meeting_items (province_id) where province_id is not null;
create index if not exists steering_directives_meeting_idx on public.steering_directives (meeting_id) where meeting_id is not null;
create index if not exists steering_directives_issued_by_idx on public.steering_directives (issued_by);
create index if not exists steering_directives_answered_by_idx on public.steering_directives (answered_by) where answered_by is not null;
create index if not exists steering_coercion_ops_decided_by_idx on public.steering_coercion_ops (decided_by) where decided_by is not null;
create index if not exists steering_coercion_ops_created_by_idx on public.steering_coercion_ops (created_by);

create index if not exists service_requests_requester_idx on public.service_requests (requester_id) where requester_id is not null;
create index if not exists service_requests_case_idx on public.service_requests (case_id) where case_id is not null;
