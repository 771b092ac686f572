-- Assignment to a regional office (giao phòng thi hành án dân sự khu vực): a case the provincial
-- bureau holds itself (an entrusted case opens there, app_private.open_transferred_case) is given
-- to one of the province's regional offices before its enforcement decision. A new ledger kind;
-- a value added to an enum cannot be used in the transaction that adds it, and each migration runs
-- in one transaction (packages/db/src/migrate.ts), so its rules follow in the next migration.
alter type public.case_event_kind add value if not exists 'office_assignment';
