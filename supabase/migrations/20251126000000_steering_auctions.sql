-- The steering suggestion rule "N or more failed auction rounds" reads the
-- assets of the case: the most failed rounds of any of its assets (the
-- asset's own count, kept by the asset service with every round; assets_case_id_idx).

create or replace function app_private.failed_auction_rounds(p_case_id uuid) returns integer
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce((select max(a.failed_rounds) from public.assets a where a.case_id = p_case_id), 0);
end
$$;
