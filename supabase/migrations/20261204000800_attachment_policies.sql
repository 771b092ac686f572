-- The two insert policies on service_request_attachments were `with check
-- (true)`, leaving every check to the before-insert trigger. They now say who
-- may attach, on the keys the trigger copies from the request (a before
-- trigger runs before the policy's check):
--   anon           only to a request filed by the public (no requester);
--   authenticated  to their own request, or as desk staff to a request of a
--                  unit or province they handle, as service_requests_insert.
-- The trigger still limits the public to the request filed in the same
-- transaction, five files, and content matching its type.
drop policy service_request_attachments_insert_anon on public.service_request_attachments;
create policy service_request_attachments_insert_anon on public.service_request_attachments for insert to anon
  with check (requester_id is null);

drop policy service_request_attachments_insert on public.service_request_attachments;
create policy service_request_attachments_insert on public.service_request_attachments for insert to authenticated
  with check (requester_id = (select auth.uid())
              or unit_id = any ((select app_private.units_for('{subunit_head,clerk}'))::uuid[])
              or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[]));
