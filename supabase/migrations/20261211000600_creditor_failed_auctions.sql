-- A bank's portfolio: the auctions of its cases that failed. Assets and their rounds are the
-- staff's tables (a creditor reads neither); like public.creditor_case_auctions, this answers the
-- account for its own cases only (app_private.creditor_case_ids), with counts and a date and
-- nothing else: per case, the failed rounds (no bidder, or the buyer withdrew) of its assets not yet
-- sold, delivered or given back, and the day of the last one.
create function public.creditor_case_failed_auctions()
returns table (case_id uuid, failed_rounds integer, last_failed_on date)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_cases uuid[] := app_private.creditor_case_ids();
begin
  if cardinality(v_cases) = 0 then
    return;
  end if;
  return query
    select a.case_id, sum(a.failed_rounds)::integer,
           max((select max(coalesce(r.result_on, r.held_on)) from public.auction_rounds r
                 where r.asset_id = a.id and r.result in ('no_bidder', 'buyer_withdrew')))
      from public.assets a
     where a.case_id = any (v_cases)
       and a.failed_rounds > 0
       and a.status not in ('sold', 'delivered', 'returned', 'handed_to_creditor')
     group by a.case_id;
end
$$;
revoke all on function public.creditor_case_failed_auctions() from public, anon;
grant execute on function public.creditor_case_failed_auctions() to authenticated;
