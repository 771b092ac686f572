-- The public's window on its own request shows, for a complaint or denunciation taken in at the
-- one-stop desk and registered as a letter, where the letter stands: its kind, status, the dates it
-- was received, accepted and resolved, the time limit running now, and the outcome. Nothing else of
-- the letter (not its content, its handler or the decision's reasons): the sender gets those on paper.
-- Same door as before: the tracking code AND the phone or ID number given when filing.
create or replace function public.track_service_request(p_code text, p_factor text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.service_requests;
begin
  if p_code is null or p_factor is null or length(p_code) <> 13 or length(p_factor) not between 1 and 40 then
    return null;
  end if;
  select * into v from public.service_requests r where r.tracking_code = p_code;
  if v.id is null or not (p_factor = any (v.factor_keys)) then
    return null;
  end if;
  return jsonb_build_object(
    'code', v.tracking_code,
    'kind', v.kind,
    'status', v.status,
    'provinceId', v.province_id,
    'unitName', (select u.name from public.units u where u.id = v.unit_id),
    'submittedOn', v.submitted_on,
    'receivedOn', v.received_on,
    'dueOn', v.due_on,
    'closedOn', v.closed_on,
    'resultNote', v.result_note,
    'rated', exists (select 1 from public.service_ratings s where s.request_id = v.id),
    'history', (select coalesce(jsonb_agg(jsonb_build_object('status', e.to_status, 'at', e.at, 'note', e.note) order by e.id), '[]')
                  from public.service_request_events e where e.request_id = v.id),
    'letter', (select jsonb_build_object(
                        'code', l.tracking_code,
                        'kind', l.kind,
                        'status', l.status,
                        'receivedOn', l.received_on,
                        'acceptedOn', l.accepted_on,
                        'dueOn', case l.status when 'classified' then l.accept_due_on when 'accepted' then l.resolve_due_on end,
                        'resolvedOn', l.resolved_on,
                        'outcome', l.outcome)
                 from public.complaint_letters l
                where l.request_id = v.id
                order by l.created_at
                limit 1));
end
$$;
revoke all on function public.track_service_request(text, text) from public;
grant execute on function public.track_service_request(text, text) to anon, authenticated;
