-- Transfers to another district agency of the same province, lawful before 01/07/2025 (Law 26/2008
-- Art. 56(2) as amended by Law 03/2022/QH15): historical ledgers hold them (ADR 032). The kind is
-- added on its own, before anything uses it.
alter type public.case_event_kind add value if not exists 'intra_province_transfer';
