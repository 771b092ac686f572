-- New information about the means of a debtor found without them, for a case not yet enforceable
-- outside the separate register: the executor verifies within 10 days of receiving it (Law 26/2008
-- Art. 44(2), Decree 62/2015 Art. 9(4) ¶2; Law 106/2025/QH15 Art. 38(2) ¶2). A step of the ledger
-- that opens that deadline and changes no figure.
alter type public.case_event_kind add value if not exists 'new_information';
