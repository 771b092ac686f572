-- Dates and money in bounds, in the database itself (packages/domain/src/bounds.ts has the same
-- rules and constants; the case service checks them first and names the field).
--
-- Dates. A step taken (the case ledger, a case's projection, the steps of an asset, steering
-- records) is dated neither after today in Việt Nam ((now() at time zone 'Asia/Ho_Chi_Minh')::date,
-- app_private.today_vn()) nor before its case's acceptance date; a planned date (an auction round,
-- the next round, a meeting, a directive's deadline, a planned coercion) at most ten years ahead.
-- No date before 1 January 1990. The fixed floor is a check constraint; what moves with today or
-- depends on the case is a trigger. A postponement dated 2099 froze its case for good (the ledger is
-- append-only), a decision dated 9999 wrote statistics for the year 9999.
--
-- Money. One amount (obligation, payment, price, valuation, deposit, distribution line, threshold)
-- at most 10^16 đồng, the largest real judgments being below 10^15; the money of one case (what a
-- case row, a flag or a progress report carries, a distribution's claim) at most 10^18. A case's
-- statistics deltas are therefore bigint-safe, but their sums over the cases of a unit and over
-- time are not (nine obligations of 10^18 made every later write of the unit fail for the rest of
-- the year): the money columns of stat_daily, stat_monthly and stat_yearly are numeric, and
-- app_private.stat_case_deltas computes money as numeric. Counts stay bigint.
--
-- The triggers run after the rows are written (AFTER, still within the statement; per statement
-- over its transition table where imports write in bulk: cases, judgments, the ledger): row-level
-- security has refused a write to a case the user may not act on before any of them reads that
-- case's acceptance date, so a refusal never tells anything about another office's cases.
--
-- The constraints are NOT VALID: rows already written (the ledger cannot be corrected) are kept
-- as they are; every new or changed row is checked.

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------

-- Refuses a date out of bounds for the field named: 'past' not after today, 'planned' not more than
-- ten years ahead; both not before the case's acceptance date (when given) nor before 1990.
create function app_private.check_date_bound(p_value date, p_kind text, p_field text, p_accepted date) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_today date := app_private.today_vn();
begin
  if p_value is null then return; end if;
  if p_value < date '1990-01-01' then
    raise exception '%: không được trước năm 1990 (%) / cannot be before 1990', p_field, to_char(p_value, 'DD/MM/YYYY')
      using errcode = '23514';
  end if;
  if p_kind = 'past' and p_value > v_today then
    raise exception '%: không được sau ngày hôm nay (%) / cannot be after today', p_field, to_char(v_today, 'DD/MM/YYYY')
      using errcode = '23514';
  end if;
  if p_kind = 'planned' and p_value > (v_today + interval '10 years')::date then
    raise exception '%: không được quá 10 năm kể từ hôm nay (muộn nhất %) / cannot be more than 10 years ahead', p_field,
      to_char((v_today + interval '10 years')::date, 'DD/MM/YYYY') using errcode = '23514';
  end if;
  if p_accepted is not null and p_value < p_accepted then
    raise exception '%: không được trước ngày thụ lý việc thi hành án (%) / cannot be before the case''s acceptance date', p_field,
      to_char(p_accepted, 'DD/MM/YYYY') using errcode = '23514';
  end if;
end
$$;
revoke all on function app_private.check_date_bound(date, text, text, date) from public;

-- Refuses an amount of đồng (as written in an event's payload) that is not a whole number from 1 to 10^16
-- (app_private.is_dong below says the same without raising).
create function app_private.check_dong(p_value text, p_field text) returns numeric
language plpgsql immutable security definer set search_path = ''
as $$
begin
  if p_value is null or p_value !~ '^[0-9]{1,17}$' or p_value::numeric < 1 or p_value::numeric > 10000000000000000 then
    raise exception '%: phải là số đồng nguyên dương, tối đa 10.000.000.000.000.000 đồng (nhận được %) / must be a whole number of đồng from 1 to 10^16',
      p_field, coalesce(p_value, 'null') using errcode = '23514';
  end if;
  return p_value::numeric;
end
$$;
revoke all on function app_private.check_dong(text, text) from public;

-- Row trigger for the tables written a row at a time: TG_ARGV[0] says where the case's acceptance
-- date comes from ('case': case_id; 'asset': the asset's case; 'flag': the flag's case; 'none'), the other
-- arguments are 'past:<column>:<label>' or 'planned:<column>:<label>'. On update only the columns
-- that changed are checked.
create function app_private.check_record_dates() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_new jsonb := to_jsonb(new);
  v_old jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
  v_accepted date;
  v_kind text; v_col text; v_label text;
  i integer;
begin
  v_accepted := case tg_argv[0]
    when 'case' then (select c.accepted_on from public.cases c where c.id = (v_new ->> 'case_id')::uuid)
    when 'asset' then (select c.accepted_on from public.assets a join public.cases c on c.id = a.case_id where a.id = (v_new ->> 'asset_id')::uuid)
    when 'flag' then (select c.accepted_on from public.steering_flags f join public.cases c on c.id = f.case_id where f.id = (v_new ->> 'flag_id')::uuid)
  end;
  for i in 1 .. tg_nargs - 1 loop
    v_kind := split_part(tg_argv[i], ':', 1);
    v_col := split_part(tg_argv[i], ':', 2);
    v_label := split_part(tg_argv[i], ':', 3);
    continue when v_old is not null and (v_old ->> v_col) is not distinct from (v_new ->> v_col);
    perform app_private.check_date_bound((v_new ->> v_col)::date, v_kind, v_label || ' (' || v_col || ')', v_accepted);
  end loop;
  return new;
end
$$;
revoke all on function app_private.check_record_dates() from public;

-- True when a date breaks its bound (the same rules as check_date_bound, which names the field).
create function app_private.date_out_of_bounds(p_value date, p_kind text, p_accepted date, p_today date) returns boolean
language sql immutable set search_path = ''
as $$
  select p_value is not null
     and (p_value < date '1990-01-01'
          or (p_kind = 'past' and p_value > p_today)
          or (p_kind = 'planned' and p_value > (p_today + interval '10 years')::date)
          or p_value < p_accepted)
$$;
revoke all on function app_private.date_out_of_bounds(date, text, date, date) from public;

-- True for a whole number of đồng from 1 to 10^16 written as text (an event's payload).
create function app_private.is_dong(p_value text) returns boolean
language sql immutable set search_path = ''
as $$
  select case when p_value ~ '^[0-9]{1,17}$' then p_value::numeric between 1 and 10000000000000000 else false end
$$;
revoke all on function app_private.is_dong(text) from public;

-- The case ledger, per statement (bulk imports pay once): the date (not after today, not before
-- the case's acceptance), and the money an event carries: a payment's amount, a decision's money
-- obligations (each at most 10^16, those of the case's decisions together at most 10^18), the
-- obligations a transfer carries over. A refusal names the first offending field.
create function app_private.check_case_event_bounds() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_today date := app_private.today_vn();
  r record;
begin
  select n.effective_date, c.accepted_on into r
    from new_rows n join public.cases c on c.id = n.case_id
   where app_private.date_out_of_bounds(n.effective_date, 'past', c.accepted_on, v_today)
   limit 1;
  if found then
    perform app_private.check_date_bound(r.effective_date, 'past', 'Ngày hiệu lực (effective_date)', r.accepted_on);
  end if;

  select n.payload ->> 'amount' as amount into r
    from new_rows n where n.kind = 'payment' and not app_private.is_dong(n.payload ->> 'amount') limit 1;
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

create trigger case_events_bounds after insert on public.case_events
  referencing new table as new_rows for each statement execute function app_private.check_case_event_bounds();

-- Cases, per statement: the acceptance date, and the decision, closing and last-step dates not
-- after today nor before the acceptance. On update only the dates that changed.
create function app_private.check_case_row_dates(n public.cases, o public.cases) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if o.id is null or n.accepted_on is distinct from o.accepted_on then
    perform app_private.check_date_bound(n.accepted_on, 'past', 'Ngày thụ lý (accepted_on)', null);
  end if;
  if o.id is null or n.decision_date is distinct from o.decision_date then
    perform app_private.check_date_bound(n.decision_date, 'past', 'Ngày ra quyết định thi hành án (decision_date)', n.accepted_on);
  end if;
  if o.id is null or n.closed_on is distinct from o.closed_on then
    perform app_private.check_date_bound(n.closed_on, 'past', 'Ngày kết thúc việc thi hành án (closed_on)', n.accepted_on);
  end if;
  if o.id is null or n.last_event_on is distinct from o.last_event_on then
    perform app_private.check_date_bound(n.last_event_on, 'past', 'Ngày của bước gần nhất (last_event_on)', n.accepted_on);
  end if;
end
$$;
revoke all on function app_private.check_case_row_dates(public.cases, public.cases) from public;

create function app_private.check_cases_dates() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_today date := app_private.today_vn();
  v_new public.cases;
  v_old public.cases;
  r record;
begin
  if tg_op = 'INSERT' then
    select n.* into v_new from new_rows n
     where app_private.date_out_of_bounds(n.accepted_on, 'past', null, v_today)
        or app_private.date_out_of_bounds(n.decision_date, 'past', n.accepted_on, v_today)
        or app_private.date_out_of_bounds(n.closed_on, 'past', n.accepted_on, v_today)
        or app_private.date_out_of_bounds(n.last_event_on, 'past', n.accepted_on, v_today)
     limit 1;
  else
    select n as nn, o as oo into r from new_rows n join old_rows o on o.id = n.id
     where (n.accepted_on is distinct from o.accepted_on and app_private.date_out_of_bounds(n.accepted_on, 'past', null, v_today))
        or (n.decision_date is distinct from o.decision_date and app_private.date_out_of_bounds(n.decision_date, 'past', n.accepted_on, v_today))
        or (n.closed_on is distinct from o.closed_on and app_private.date_out_of_bounds(n.closed_on, 'past', n.accepted_on, v_today))
        or (n.last_event_on is distinct from o.last_event_on and app_private.date_out_of_bounds(n.last_event_on, 'past', n.accepted_on, v_today))
     limit 1;
    if found then
      v_new := r.nn;
      v_old := r.oo;
    end if;
  end if;
  if v_new.id is not null then
    perform app_private.check_case_row_dates(v_new, v_old);
  end if;
  return null;
end
$$;
revoke all on function app_private.check_cases_dates() from public;

create trigger cases_date_bounds after insert on public.cases
  referencing new table as new_rows for each statement execute function app_private.check_cases_dates();
create trigger cases_date_bounds_update after update on public.cases
  referencing old table as old_rows new table as new_rows for each statement execute function app_private.check_cases_dates();

-- Judgments, per statement on insert (bulk imports); per row on update.
create function app_private.check_judgments_dates() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_date date;
begin
  select n.judgment_date into v_date from new_rows n
   where app_private.date_out_of_bounds(n.judgment_date, 'past', null, app_private.today_vn()) limit 1;
  if found then
    perform app_private.check_date_bound(v_date, 'past', 'Ngày bản án (judgment_date)', null);
  end if;
  return null;
end
$$;
revoke all on function app_private.check_judgments_dates() from public;

create trigger judgments_date_bounds after insert on public.judgments
  referencing new table as new_rows for each statement execute function app_private.check_judgments_dates();

-- ---------------------------------------------------------------------------
-- Dates: triggers (today, the case's acceptance) and the fixed floor
-- ---------------------------------------------------------------------------
create trigger judgments_date_bounds_update after update on public.judgments
  for each row execute function app_private.check_record_dates('none', 'past:judgment_date:Ngày bản án');
create trigger case_obligations_date_bounds after insert or update on public.case_obligations
  for each row execute function app_private.check_record_dates('case', 'past:performed_on:Ngày thực hiện nghĩa vụ');
create trigger assets_date_bounds after insert or update on public.assets
  for each row execute function app_private.check_record_dates('case', 'planned:next_round_on:Ngày tổ chức phiên đấu giá tiếp theo', 'past:proceeds_paid_on:Ngày thanh toán tiền bán tài sản', 'past:delivered_on:Ngày giao tài sản');
create trigger asset_events_date_bounds after insert or update on public.asset_events
  for each row execute function app_private.check_record_dates('asset', 'past:effective_date:Ngày thực hiện');
create trigger asset_seizures_date_bounds after insert or update on public.asset_seizures
  for each row execute function app_private.check_record_dates('asset', 'past:seized_on:Ngày kê biên, phong tỏa');
create trigger asset_valuations_date_bounds after insert or update on public.asset_valuations
  for each row execute function app_private.check_record_dates('asset', 'past:valued_on:Ngày thẩm định giá');
create trigger auction_contracts_date_bounds after insert or update on public.auction_contracts
  for each row execute function app_private.check_record_dates('asset', 'past:signed_on:Ngày ký hợp đồng đấu giá');
create trigger auction_rounds_date_bounds after insert or update on public.auction_rounds
  for each row execute function app_private.check_record_dates('asset', 'past:announced_on:Ngày thông báo phiên đấu giá', 'planned:held_on:Ngày tổ chức phiên đấu giá', 'past:result_on:Ngày ghi kết quả đấu giá');
create trigger auction_deposits_date_bounds after insert or update on public.auction_deposits
  for each row execute function app_private.check_record_dates('asset', 'past:received_on:Ngày nhận tiền đặt trước', 'past:settled_on:Ngày xử lý tiền đặt trước');
create trigger asset_proceeds_date_bounds after insert or update on public.asset_proceeds
  for each row execute function app_private.check_record_dates('asset', 'past:paid_on:Ngày chi trả tiền bán tài sản');
create trigger steering_flags_date_bounds after insert or update on public.steering_flags
  for each row execute function app_private.check_record_dates('case', 'past:proposed_on:Ngày đề xuất', 'past:decided_on:Ngày quyết định', 'past:removed_on:Ngày đưa ra khỏi danh sách');
create trigger steering_meetings_date_bounds after insert or update on public.steering_meetings
  for each row execute function app_private.check_record_dates('none', 'planned:held_on:Ngày họp');
create trigger steering_directives_date_bounds after insert or update on public.steering_directives
  for each row execute function app_private.check_record_dates('flag', 'past:issued_on:Ngày ban hành ý kiến chỉ đạo', 'planned:due_on:Thời hạn thực hiện', 'past:answered_on:Ngày trả lời', 'past:revised_on:Ngày sửa ý kiến chỉ đạo');
create trigger steering_progress_reports_date_bounds after insert or update on public.steering_progress_reports
  for each row execute function app_private.check_record_dates('none', 'past:period_start:Kỳ báo cáo', 'past:reported_on:Ngày báo cáo');
create trigger steering_coercion_ops_date_bounds after insert or update on public.steering_coercion_ops
  for each row execute function app_private.check_record_dates('case', 'planned:planned_on:Ngày cưỡng chế dự kiến', 'past:decided_on:Ngày phê duyệt', 'past:executed_on:Ngày thực hiện cưỡng chế');

alter table public.cases
  add constraint cases_accepted_on_from_1990 check (accepted_on >= date '1990-01-01') not valid,
  add constraint cases_decision_date_from_1990 check (decision_date >= date '1990-01-01') not valid,
  add constraint cases_closed_on_from_1990 check (closed_on >= date '1990-01-01') not valid,
  add constraint cases_last_event_on_from_1990 check (last_event_on >= date '1990-01-01') not valid;
alter table public.judgments
  add constraint judgments_judgment_date_from_1990 check (judgment_date >= date '1990-01-01') not valid;
alter table public.case_events
  add constraint case_events_effective_date_from_1990 check (effective_date >= date '1990-01-01') not valid;
alter table public.case_obligations
  add constraint case_obligations_performed_on_from_1990 check (performed_on >= date '1990-01-01') not valid;
alter table public.assets
  add constraint assets_next_round_on_from_1990 check (next_round_on >= date '1990-01-01') not valid,
  add constraint assets_proceeds_paid_on_from_1990 check (proceeds_paid_on >= date '1990-01-01') not valid,
  add constraint assets_delivered_on_from_1990 check (delivered_on >= date '1990-01-01') not valid;
alter table public.asset_events
  add constraint asset_events_effective_date_from_1990 check (effective_date >= date '1990-01-01') not valid;
alter table public.asset_seizures
  add constraint asset_seizures_seized_on_from_1990 check (seized_on >= date '1990-01-01') not valid;
alter table public.asset_valuations
  add constraint asset_valuations_valued_on_from_1990 check (valued_on >= date '1990-01-01') not valid;
alter table public.auction_contracts
  add constraint auction_contracts_signed_on_from_1990 check (signed_on >= date '1990-01-01') not valid;
alter table public.auction_rounds
  add constraint auction_rounds_announced_on_from_1990 check (announced_on >= date '1990-01-01') not valid,
  add constraint auction_rounds_held_on_from_1990 check (held_on >= date '1990-01-01') not valid,
  add constraint auction_rounds_result_on_from_1990 check (result_on >= date '1990-01-01') not valid;
alter table public.auction_deposits
  add constraint auction_deposits_received_on_from_1990 check (received_on >= date '1990-01-01') not valid,
  add constraint auction_deposits_settled_on_from_1990 check (settled_on >= date '1990-01-01') not valid;
alter table public.asset_proceeds
  add constraint asset_proceeds_paid_on_from_1990 check (paid_on >= date '1990-01-01') not valid;
alter table public.steering_flags
  add constraint steering_flags_proposed_on_from_1990 check (proposed_on >= date '1990-01-01') not valid,
  add constraint steering_flags_decided_on_from_1990 check (decided_on >= date '1990-01-01') not valid,
  add constraint steering_flags_removed_on_from_1990 check (removed_on >= date '1990-01-01') not valid;
alter table public.steering_meetings
  add constraint steering_meetings_held_on_from_1990 check (held_on >= date '1990-01-01') not valid;
alter table public.steering_directives
  add constraint steering_directives_issued_on_from_1990 check (issued_on >= date '1990-01-01') not valid,
  add constraint steering_directives_due_on_from_1990 check (due_on >= date '1990-01-01') not valid,
  add constraint steering_directives_answered_on_from_1990 check (answered_on >= date '1990-01-01') not valid,
  add constraint steering_directives_revised_on_from_1990 check (revised_on >= date '1990-01-01') not valid;
alter table public.steering_progress_reports
  add constraint steering_progress_reports_period_start_from_1990 check (period_start >= date '1990-01-01') not valid,
  add constraint steering_progress_reports_reported_on_from_1990 check (reported_on >= date '1990-01-01') not valid;
alter table public.steering_coercion_ops
  add constraint steering_coercion_ops_planned_on_from_1990 check (planned_on >= date '1990-01-01') not valid,
  add constraint steering_coercion_ops_decided_on_from_1990 check (decided_on >= date '1990-01-01') not valid,
  add constraint steering_coercion_ops_executed_on_from_1990 check (executed_on >= date '1990-01-01') not valid;
alter table public.case_obligations
  add constraint case_obligations_amount_cap check (amount <= 10000000000000000) not valid,
  add constraint case_obligations_paid_cap check (paid <= 10000000000000000) not valid;
alter table public.assets
  add constraint assets_enforcement_costs_cap check (enforcement_costs <= 10000000000000000) not valid,
  add constraint assets_latest_value_cap check (latest_value <= 10000000000000000) not valid,
  add constraint assets_current_price_cap check (current_price <= 10000000000000000) not valid,
  add constraint assets_sold_price_cap check (sold_price <= 10000000000000000) not valid;
alter table public.asset_seizures
  add constraint asset_seizures_frozen_amount_cap check (frozen_amount <= 10000000000000000) not valid;
alter table public.asset_valuations
  add constraint asset_valuations_value_cap check (value <= 10000000000000000) not valid;
alter table public.auction_contracts
  add constraint auction_contracts_fee_cap check (fee <= 10000000000000000) not valid;
alter table public.auction_rounds
  add constraint auction_rounds_starting_price_cap check (starting_price <= 10000000000000000) not valid,
  add constraint auction_rounds_winning_bid_cap check (winning_bid <= 10000000000000000) not valid;
alter table public.auction_deposits
  add constraint auction_deposits_amount_cap check (amount <= 10000000000000000) not valid;
alter table public.asset_proceeds
  add constraint asset_proceeds_claimed_cap check (claimed <= 1000000000000000000) not valid,
  add constraint asset_proceeds_amount_cap check (amount <= 10000000000000000) not valid;
alter table public.steering_committees
  add constraint steering_committees_min_outstanding_cap check (min_outstanding <= 10000000000000000) not valid;
alter table public.cases
  add constraint cases_money_due_cap check (money_due <= 1000000000000000000) not valid,
  add constraint cases_money_collected_cap check (money_collected <= 1000000000000000000) not valid;
alter table public.steering_flags
  add constraint steering_flags_money_due_cap check (money_due <= 1000000000000000000) not valid;
alter table public.steering_progress_reports
  add constraint steering_progress_reports_money_collected_cap check (money_collected <= 1000000000000000000) not valid;

-- ---------------------------------------------------------------------------
-- Targets: a statistical year from 1990 to ten years after the current one.
-- ---------------------------------------------------------------------------
alter table public.stat_targets drop constraint stat_targets_stat_year_check;
alter table public.stat_targets add constraint stat_targets_stat_year_check check (stat_year between 1990 and 2100) not valid;

create function app_private.check_stat_target_year() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_last integer := extract(year from app_private.today_vn())::integer + 10;
begin
  if new.stat_year > v_last then
    raise exception 'Năm thống kê (stat_year): phải từ năm 1990 đến năm % / must be between 1990 and %', v_last, v_last
      using errcode = '23514';
  end if;
  return new;
end
$$;
revoke all on function app_private.check_stat_target_year() from public;
create trigger stat_targets_year_bounds after insert or update of stat_year on public.stat_targets
  for each row execute function app_private.check_stat_target_year();

-- ---------------------------------------------------------------------------
-- Statistics: money sums as numeric.
-- ---------------------------------------------------------------------------
alter table public.stat_daily
  alter column acc_m type numeric,
  alter column trf_m type numeric,
  alter column cmp_m type numeric,
  alter column ter_m type numeric,
  alter column ip_m type numeric,
  alter column pp_m type numeric,
  alter column sp_m type numeric,
  alter column ot_m type numeric,
  alter column ny_m type numeric;

alter table public.stat_monthly
  alter column acc_m type numeric,
  alter column trf_m type numeric,
  alter column cmp_m type numeric,
  alter column ter_m type numeric,
  alter column ip_m type numeric,
  alter column pp_m type numeric,
  alter column sp_m type numeric,
  alter column ot_m type numeric,
  alter column ny_m type numeric;

alter table public.stat_yearly
  alter column acc_m type numeric,
  alter column trf_m type numeric,
  alter column cmp_m type numeric,
  alter column ter_m type numeric,
  alter column ip_m type numeric,
  alter column pp_m type numeric,
  alter column sp_m type numeric,
  alter column ot_m type numeric,
  alter column ny_m type numeric;

-- A case's deltas with money as numeric (the same rows as before; only the type changes).
drop function app_private.stat_case_deltas(uuid[], bigint[]);
create function app_private.stat_case_deltas(p_case_ids uuid[], p_except bigint[] default '{}')
returns table (case_id uuid, day date,
  acc_n bigint, acc_m numeric, trf_n bigint, trf_m numeric, cmp_n bigint, cmp_m numeric, ter_n bigint, ter_m numeric,
  ip_n bigint, ip_m numeric, pp_n bigint, pp_m numeric, sp_n bigint, sp_m numeric, ot_n bigint, ot_m numeric, ny_n bigint, ny_m numeric)
language sql stable security definer set search_path = ''
as $$
  with ev as (
    select e.case_id, e.id, e.kind, e.effective_date as day,
           case e.kind
             when 'decision' then coalesce((select sum((o ->> 'amount')::numeric) from jsonb_array_elements(e.payload -> 'obligations') o
                                            where o ->> 'kind' = 'money'), 0)
             when 'payment' then (e.payload ->> 'amount')::numeric
             else 0 end as amount,
           case when e.kind in ('acceptance', 'decision', 'notification') then 'ot'
                when e.kind = 'classification' then case when e.payload ->> 'result' = 'not_yet_enforceable' then 'ny' else 'ip' end
                when e.kind in ('termination', 'completion', 'transfer') then 'x' end as base,
           case e.kind when 'postponement' then 'pp' when 'suspension' then 'sp' when 'resumption' then 'r' end as intr
    from public.case_events e
    where e.case_id = any (p_case_ids)
      and not exists (select 1 from unnest(p_except) as x(id) where x.id = e.id)
  ), s1 as (
    select ev.*,
           sum(case ev.kind when 'decision' then ev.amount when 'payment' then -ev.amount else 0 end)
             over (partition by ev.case_id order by ev.day, ev.id) as owed_after,
           count(ev.base) over (partition by ev.case_id order by ev.day, ev.id) as gb,
           count(coalesce(ev.base, ev.intr)) over (partition by ev.case_id order by ev.day, ev.id) as gi
    from ev
  ), s2 as (
    select s1.*,
           max(s1.base) over (partition by s1.case_id, s1.gb) as last_base,
           max(coalesce(s1.base, s1.intr)) over (partition by s1.case_id, s1.gi) as last_any
    from s1
  ), s3 as (
    select s2.*, case when s2.last_any in ('pp', 'sp') then s2.last_any when s2.last_base = 'x' then null else s2.last_base end as st
    from s2
  ), s4 as (
    select s3.*,
           lag(s3.st) over (partition by s3.case_id order by s3.day, s3.id) as st_before,
           coalesce(lag(s3.owed_after) over (partition by s3.case_id order by s3.day, s3.id), 0) as owed_before
    from s3
  )
  select s4.case_id, s4.day,
    (s4.kind = 'acceptance')::int::bigint,
    (case when s4.kind = 'decision' then s4.amount else 0 end)::numeric,
    (s4.kind = 'transfer')::int::bigint,
    (case when s4.kind = 'transfer' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'completion')::int::bigint,
    (case when s4.kind = 'payment' then s4.amount when s4.kind = 'completion' then s4.owed_before else 0 end)::numeric,
    (s4.kind = 'termination')::int::bigint,
    (case when s4.kind = 'termination' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'ip')::int - (s4.st_before is not distinct from 'ip')::int)::bigint,
    (case when s4.st is not distinct from 'ip' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ip' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'pp')::int - (s4.st_before is not distinct from 'pp')::int)::bigint,
    (case when s4.st is not distinct from 'pp' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'pp' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'sp')::int - (s4.st_before is not distinct from 'sp')::int)::bigint,
    (case when s4.st is not distinct from 'sp' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'sp' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'ot')::int - (s4.st_before is not distinct from 'ot')::int)::bigint,
    (case when s4.st is not distinct from 'ot' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ot' then s4.owed_before else 0 end)::numeric,
    ((s4.st is not distinct from 'ny')::int - (s4.st_before is not distinct from 'ny')::int)::bigint,
    (case when s4.st is not distinct from 'ny' then s4.owed_after else 0 end - case when s4.st_before is not distinct from 'ny' then s4.owed_before else 0 end)::numeric
  from s4
$$;
revoke all on function app_private.stat_case_deltas(uuid[], bigint[]) from public;
