-- The same date and money bounds, cheaper on a bulk write (a province's migration: 2.2 million
-- ledger rows and 200,000 obligations in one transaction).
--
-- 1. The ledger's statement check (check_case_event_bounds, 20261204000200) called
--    app_private.date_out_of_bounds() and app_private.is_dong() once per row; functions with their
--    own search_path are never inlined, so each call cost a function call. The conditions are now
--    written out in the query (the same conditions; the error still comes from check_date_bound /
--    check_dong, with the same message and code).
-- 2. Obligations checked their performed_on date in a row trigger (check_record_dates: the row to
--    jsonb, a look-up of the case, a call per row). Inserts are now checked once per statement over
--    the transition table, like the cases' and the ledger's; updates keep the row trigger.

create or replace function app_private.check_case_event_bounds() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_today date := app_private.today_vn();
  r record;
begin
  -- app_private.date_out_of_bounds(effective_date, 'past', accepted_on, today), written out.
  select n.effective_date, c.accepted_on into r
    from new_rows n join public.cases c on c.id = n.case_id
   where n.effective_date < date '1990-01-01' or n.effective_date > v_today or n.effective_date < c.accepted_on
   limit 1;
  if found then
    perform app_private.check_date_bound(r.effective_date, 'past', 'Ngày hiệu lực (effective_date)', r.accepted_on);
  end if;

  -- not app_private.is_dong(amount), written out.
  select n.payload ->> 'amount' as amount into r
    from new_rows n
   where n.kind = 'payment'
     and not case when (n.payload ->> 'amount') ~ '^[0-9]{1,17}$'
                  then (n.payload ->> 'amount')::numeric between 1 and 10000000000000000 else false end
   limit 1;
  if found then
    perform app_private.check_dong(r.amount, 'Số tiền nộp (payload.amount)');
  end if;

  select coalesce(x ->> 'id', x ->> 'code', '') as id, case n.kind when 'decision' then x ->> 'amount' else x ->> 'outstanding' end as amount
    into r
    from new_rows n
    cross join lateral jsonb_array_elements(case when jsonb_typeof(n.payload -> 'obligations') = 'array' then n.payload -> 'obligations' else '[]'::jsonb end) as t(x)
   where n.kind in ('decision', 'acceptance') and x ->> 'kind' = 'money' and (n.kind = 'decision' or x ? 'outstanding')
     and not app_private.is_dong(case n.kind when 'decision' then x ->> 'amount' else x ->> 'outstanding' end)
   limit 1;
  if found then
    perform app_private.check_dong(r.amount, 'Khoản tiền phải thi hành "' || r.id || '" (payload.obligations)');
  end if;

  if exists (
    select 1
      from public.case_events e
      cross join lateral jsonb_array_elements(case when jsonb_typeof(e.payload -> 'obligations') = 'array' then e.payload -> 'obligations' else '[]'::jsonb end) as t(x)
     where e.case_id in (select n.case_id from new_rows n where n.kind = 'decision') and e.kind = 'decision' and x ->> 'kind' = 'money'
     group by e.case_id
    having sum(case when app_private.is_dong(x ->> 'amount') then (x ->> 'amount')::numeric else 0 end) > 1000000000000000000) then
    raise exception 'Tổng các khoản tiền phải thi hành của việc thi hành án: vượt quá mức tối đa 10^18 đồng / the money obligations of one case exceed 10^18 đồng'
      using errcode = '23514';
  end if;
  return null;
end
$$;
revoke all on function app_private.check_case_event_bounds() from public;

-- Inserted obligations: performed_on not before 1990, not after today, not before the case's acceptance.
create function app_private.check_obligation_dates() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_today date := app_private.today_vn();
  r record;
begin
  select n.performed_on, c.accepted_on into r
    from new_rows n join public.cases c on c.id = n.case_id
   where n.performed_on is not null
     and (n.performed_on < date '1990-01-01' or n.performed_on > v_today or n.performed_on < c.accepted_on)
   limit 1;
  if found then
    perform app_private.check_date_bound(r.performed_on, 'past', 'Ngày thực hiện nghĩa vụ (performed_on)', r.accepted_on);
  end if;
  return null;
end
$$;
revoke all on function app_private.check_obligation_dates() from public;

drop trigger case_obligations_date_bounds on public.case_obligations;
create trigger case_obligations_date_bounds after update on public.case_obligations
  for each row execute function app_private.check_record_dates('case', 'past:performed_on:Ngày thực hiện nghĩa vụ');
create trigger case_obligations_date_bounds_insert after insert on public.case_obligations
  referencing new table as new_rows
  for each statement execute function app_private.check_obligation_dates();
