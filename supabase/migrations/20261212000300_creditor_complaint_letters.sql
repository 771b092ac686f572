-- A creditor follows its own complaint and denunciation letters from its account: those whose sender
-- carries one of the account's linked ID numbers or tax codes, and those registered from a request
-- the account filed. A sender's number is what the sender wrote: a letter whose sender asked to keep
-- their identity secret, or a denunciation, reaches the account only when filed from its own request
-- (an employee denouncing under the company's tax code is not shown to the company). Through a function (the letters' row security is the handling units'): the
-- letter's code, office, kind, status, dates and outcome; never the content, the handler or another
-- sender's details.

create index if not exists complaint_senders_id_number_idx on public.complaint_senders (id_number) where id_number is not null;

create function public.creditor_complaint_letters()
returns table (tracking_code text, unit_name text, received_on date, kind text, status text, summary text,
               accept_due_on date, resolve_due_on date, resolved_on date, outcome text, decision_no text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_numbers text[];
begin
  if v_user is null or not exists (select 1 from public.memberships m where m.user_id = v_user and m.role = 'creditor') then
    return;
  end if;
  v_numbers := app_private.creditor_id_numbers();
  return query
    select l.tracking_code, u.name, l.received_on, l.kind, l.status, l.summary,
           l.accept_due_on, l.resolve_due_on, l.resolved_on, l.outcome, l.decision_no
      from public.complaint_letters l
      join public.units u on u.id = l.unit_id
     where l.duplicate_of is null
       and ((l.id in (select s.letter_id from public.complaint_senders s
                       where cardinality(v_numbers) > 0 and s.id_number = any (v_numbers) and not s.keep_identity_secret)
             and l.kind is distinct from 'denunciation')
            or l.request_id in (select r.id from public.service_requests r where r.requester_id = v_user))
     order by l.received_on desc, l.tracking_code
     limit 100;
end
$$;
revoke all on function public.creditor_complaint_letters() from public, anon;
grant execute on function public.creditor_complaint_letters() to authenticated;
