-- A request's dates are bounded in the database, for a client that writes directly with the desk's
-- grants (received_on, due_on): none before 1990; the filing, reception and closing days not after
-- today in Việt Nam; the due day at most ten years ahead; received not before filed, due not before
-- filed. The desk's own writes already keep to these.
create trigger service_requests_date_bounds after insert or update on public.service_requests
  for each row execute function app_private.check_record_dates(
    'none', 'past:submitted_on:Ngày nộp yêu cầu', 'past:received_on:Ngày tiếp nhận',
    'planned:due_on:Hạn giải quyết', 'past:closed_on:Ngày kết thúc');

create function app_private.service_requests_dates_order() returns trigger
  language plpgsql set search_path = ''
as $$
begin
  if new.received_on < new.submitted_on then
    raise exception 'Ngày tiếp nhận (received_on): không được trước ngày nộp yêu cầu (%) / cannot be before the filing day',
      to_char(new.submitted_on, 'DD/MM/YYYY') using errcode = '23514';
  end if;
  if new.due_on < new.submitted_on then
    raise exception 'Hạn giải quyết (due_on): không được trước ngày nộp yêu cầu (%) / cannot be before the filing day',
      to_char(new.submitted_on, 'DD/MM/YYYY') using errcode = '23514';
  end if;
  return new;
end
$$;
revoke all on function app_private.service_requests_dates_order() from public, anon, authenticated;
create trigger service_requests_dates_order before insert or update of received_on, due_on on public.service_requests
  for each row execute function app_private.service_requests_dates_order();
