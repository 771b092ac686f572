-- Who reads a complaint or denunciation letter, unchanged, but worked out once per statement
-- instead of once per row: the select policy called app_private.is_denounced and
-- app_private.handles_complaints_of for every letter, and the latter looks the caller's
-- memberships up twice per call. A case page's letters (case_ids @> …, an operator PostgreSQL may
-- not apply before the policy) thus cost a membership lookup per letter of the whole table. The
-- same rules, with the caller's units and provinces read once (initPlans):
--   * a denunciation is never shown to the person it denounces;
--   * the desk that received it or the unit handling it (heads and clerks), the province's bureau,
--     the handler, the directorate, and a steering committee for the cases it follows.
drop policy complaint_letters_select on public.complaint_letters;
create policy complaint_letters_select on public.complaint_letters for select to authenticated
  using (
    not coalesce(kind = 'denunciation' and subject_user_id = (select auth.uid()), false)
    and (
      unit_id = any ((select app_private.unit_office_units())::uuid[])
      or handler_unit_id = any ((select app_private.unit_office_units())::uuid[])
      or province_id = any ((select app_private.province_staff_provinces())::uuid[])
      or handler_id = (select auth.uid())
      or (select app_private.is_national())
      or case_ids && (select app_private.steering_case_ids())
    )
  );
