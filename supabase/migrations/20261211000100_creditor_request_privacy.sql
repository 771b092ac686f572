-- A linked creditor reads the requests filed with its number without their filers' contact details.
--
-- Until now the requests filed with a creditor's linked ID number or tax code by someone else (on
-- the public pages, at the desk) were readable row by row through service_requests_select, phone,
-- e-mail, address and result included; only the pages left those out. Row security cannot hide
-- columns, so the creditor's view of them moves into one function that returns the public part:
--
--   * service_requests / service_request_events: a creditor reads, as every requester, the
--     requests it filed signed in (requester_id) and their history; no longer the others;
--   * public.creditor_requests(): its own requests and those filed with one of its linked numbers,
--     with code, procedure, status, office, dates and the filer's name; the result only of its own.

drop policy service_requests_select on public.service_requests;
create policy service_requests_select on public.service_requests for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

drop policy service_request_events_select on public.service_request_events;
create policy service_request_events_select on public.service_request_events for select to authenticated
  using (requester_id = (select auth.uid())
         or unit_id = any ((select app_private.unit_office_units())::uuid[])
         or province_id = any ((select app_private.province_staff_provinces())::uuid[]));

revoke all on function app_private.creditor_request_ids() from authenticated;
drop function app_private.creditor_request_ids();

create function public.creditor_requests()
returns table (tracking_code text, kind public.request_kind, status public.request_status, unit_name text,
               submitted_on date, closed_on date, requester_name text, own boolean, result_note text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_numbers text[];
begin
  if v_user is null then
    return;
  end if;
  v_numbers := app_private.creditor_id_numbers();
  return query
    select r.tracking_code, r.kind, r.status, u.name, r.submitted_on, r.closed_on, r.requester_name,
           coalesce(r.requester_id = v_user, false),
           case when r.requester_id = v_user then r.result_note end
      from public.service_requests r join public.units u on u.id = r.unit_id
     where r.requester_id = v_user
        or (cardinality(v_numbers) > 0 and r.requester_id_number = any (v_numbers))
     order by r.submitted_at desc
     limit 100;
end
$$;
revoke all on function public.creditor_requests() from public, anon;
grant execute on function public.creditor_requests() to authenticated;
