-- A committee revises a directive it has issued (a later deadline, a corrected text) until the
-- addressee answers, and says why. The row keeps the latest revision's date and reason; the audit
-- trail keeps every version.

alter table public.steering_directives
  add column revised_on date,
  add column revision_note text check (char_length(revision_note) between 3 and 1000),
  add constraint steering_directives_revision check ((revised_on is null) = (revision_note is null));

grant update (revised_on, revision_note) on public.steering_directives to authenticated;

-- Beside steering_directives_before (which keeps the text, addressee and deadline the
-- committee's): the revision fields are the committee's too, and an answered directive stays as
-- it was answered.
create function app_private.steering_directives_revision() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (new.revised_on is distinct from old.revised_on or new.revision_note is distinct from old.revision_note)
     and not (new.committee_id = any (app_private.steering_committees_for()) or app_private.is_national_admin()) then
    raise exception 'Chỉ Ban Chỉ đạo được sửa ý kiến chỉ đạo.' using errcode = '42501';
  end if;
  if old.answer is not null and (new.body is distinct from old.body or new.due_on is distinct from old.due_on
      or new.addressee_unit_id is distinct from old.addressee_unit_id or new.addressee_user_id is distinct from old.addressee_user_id) then
    raise exception 'Ý kiến chỉ đạo đã được trả lời: không sửa được nữa.' using errcode = '23514';
  end if;
  return new;
end
$$;
revoke all on function app_private.steering_directives_revision() from public;
create trigger steering_directives_revision before update on public.steering_directives
  for each row execute function app_private.steering_directives_revision();
