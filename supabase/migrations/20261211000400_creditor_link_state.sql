-- The desk's view of a request's creditor account, wherever its link was confirmed, and no new
-- link from a closed request.
--
-- public.request_link_state(request): for the staff who handle the request (the same test as
-- confirming a link), the standing link of the account that filed it for the number it carries,
-- whichever province confirmed it: row security shows a desk only the links confirmed at its own
-- desks, so a link confirmed in another province looked absent and the desk was offered to confirm
-- it again. Only that one link is returned, never another account's, and nothing for anyone else.
--
-- public.confirm_creditor_link: a request whose result was returned, or that was refused, is
-- closed; the desk confirms a link while it handles the request, not afterwards.

create function public.request_link_state(p_request uuid)
  returns table (link_id uuid, party_kind public.party_kind, channel text, confirmed_on date, confirmed_in text)
  language plpgsql stable security definer set search_path = ''
as $$
declare
  v_req record;
begin
  select r.id, r.province_id, r.unit_id, r.requester_id, r.requester_id_number into v_req
    from public.service_requests r where r.id = p_request;
  if v_req.id is null or v_req.requester_id is null or v_req.requester_id_number is null
     or not app_private.may_manage_creditor_link(v_req.province_id, v_req.unit_id) then
    return;
  end if;
  return query
    select l.id, l.party_kind, l.channel::text, (l.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date, p.name
      from public.creditor_links l
      left join public.units u on u.id = l.unit_id
      left join public.units p on p.id = coalesce(u.province_id, u.id)
     where l.account_id = v_req.requester_id and l.id_number = v_req.requester_id_number and l.revoked_at is null;
end
$$;
revoke all on function public.request_link_state(uuid) from public, anon;
grant execute on function public.request_link_state(uuid) to authenticated;

create or replace function public.confirm_creditor_link(p_request uuid, p_party_kind public.party_kind) returns uuid
  language plpgsql security definer set search_path = ''
as $$
declare
  v_req record;
  v_link public.creditor_links;
begin
  select r.id, r.province_id, r.unit_id, r.requester_id, r.requester_id_number, r.status into v_req
    from public.service_requests r where r.id = p_request;
  if v_req.id is null or not app_private.may_manage_creditor_link(v_req.province_id, v_req.unit_id) then
    raise exception 'request % is not handled here', p_request using errcode = '42501';
  end if;
  if v_req.status in ('returned', 'rejected') then
    raise exception 'the request is closed' using errcode = '23514';
  end if;
  if v_req.requester_id is null then
    raise exception 'the request was not filed from an account' using errcode = '23514';
  end if;
  if v_req.requester_id_number is null then
    raise exception 'the request carries no ID number or tax code' using errcode = '23514';
  end if;
  if not exists (select 1 from public.memberships m where m.user_id = v_req.requester_id and m.role = 'creditor') then
    raise exception 'the requester is not a creditor account' using errcode = '23514';
  end if;
  select * into v_link from public.creditor_links l where l.id_number = v_req.requester_id_number and l.revoked_at is null;
  if v_link.id is not null then
    if v_link.account_id = v_req.requester_id then
      return v_link.id;
    end if;
    raise exception 'the ID number is linked to another account' using errcode = '23505';
  end if;
  insert into public.creditor_links (account_id, id_number, party_kind, channel, unit_id, request_id, confirmed_by)
  values (v_req.requester_id, v_req.requester_id_number, p_party_kind, 'desk', v_req.unit_id, v_req.id, auth.uid())
  returning * into v_link;
  return v_link.id;
end
$$;
