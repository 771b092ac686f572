-- The payment order of Law 106/2025/QH15 Art. 54(2) (from 01/07/2026) has two ranks the old
-- Art. 47 did not: (c) fines and sums recovered for the State, (d) social, unemployment and health
-- insurance, after court fees and before the other obligations. A sale's distribution lines
-- (public.asset_proceeds) record them.
alter type public.proceeds_rank add value if not exists 'fine_state' before 'other';
alter type public.proceeds_rank add value if not exists 'insurance' before 'other';
