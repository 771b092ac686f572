-- The separate register and the return of a request (docs/domain.md §3 step 6;
-- packages/domain/src/cases/register.ts): three event kinds and two case statuses.
--
--   register_transfer   a not-yet-enforceable case moves to the separate register
--                       (sổ theo dõi riêng; D62 Art. 9(5), D152 Art. 22(1)) → separate_register
--   request_returned    2026 rules, a case on request: the request is returned
--                       (L106 Art. 38(4), D152 Art. 22(2)); the case ends → returned
--   register_reopening  new information brings a register case back → not_yet_enforceable
--
-- On their own in this file: a value added to an enum cannot be used in the transaction that
-- adds it, and each migration runs in one transaction (packages/db/src/migrate.ts). The
-- statistics that read them follow in the next migration.
alter type public.case_event_kind add value if not exists 'register_transfer';
alter type public.case_event_kind add value if not exists 'request_returned';
alter type public.case_event_kind add value if not exists 'register_reopening';

alter type public.case_status add value if not exists 'separate_register';
alter type public.case_status add value if not exists 'returned';
