-- Who took over from whom, and from when: the explicit predecessor → successor mapping of units
-- (ADR 029). A unit dissolved in a reorganisation (a province merged into another on 01/07/2025, a
-- district office whose area went to a regional office) names its successor; a successor's
-- "same period last year" adds up the figures its predecessors reported then, and the pages name
-- them. units.merged_into_id stays the tenant key of a former province (its cases live in the
-- successor's tenant); this table is the dated record for every kind of unit.
--
-- Reference data like the units: read by everyone (the public pages name former provinces),
-- written by migrations and the owner's tools only, never through the API.

create table public.unit_successions (
  id uuid primary key default gen_random_uuid(),
  predecessor_id uuid not null references public.units (id) on delete cascade,
  successor_id uuid not null references public.units (id) on delete cascade,
  -- The day the successor took over: the predecessor's dissolution day.
  effective_on date not null,
  -- The act or decision, as it is cited ("Sắp xếp đơn vị hành chính cấp tỉnh từ 01/07/2025").
  basis text not null check (length(btrim(basis)) between 1 and 500),
  -- The successor's tenant (a province's own id), for the policy-free reads by province.
  province_id uuid references public.units (id),
  created_at timestamptz not null default now(),
  unique (predecessor_id, successor_id),
  check (predecessor_id <> successor_id)
);
create index unit_successions_successor_id_idx on public.unit_successions (successor_id);
create index unit_successions_province_id_idx on public.unit_successions (province_id);

comment on table public.unit_successions is
  'Predecessor → successor of units in a reorganisation, dated (ADR 029). Same period last year = the unit and its predecessors.';

-- A succession is coherent with the units: the predecessor is dissolved on the day the successor
-- takes over, the successor still exists after it, both are of the same level (a province after a
-- province, an office after an office), and the successor's tenant is recorded. (No cycle can then
-- form: a unit can only succeed units dissolved before it is.)
create function app_private.unit_successions_check() returns trigger
language plpgsql set search_path = ''
as $$
declare
  p record;
  s record;
begin
  select id, kind, dissolved_on into p from public.units where id = new.predecessor_id;
  select id, kind, dissolved_on, coalesce(province_id, id) as tenant into s from public.units where id = new.successor_id;
  if p.dissolved_on is null or p.dissolved_on <> new.effective_on then
    raise exception 'Đơn vị tiền nhiệm phải chấm dứt hoạt động đúng ngày % (ngày đơn vị kế thừa nhận).', to_char(new.effective_on, 'DD/MM/YYYY')
      using errcode = '23514', detail = 'predecessor_id: must be dissolved on effective_on';
  end if;
  if s.dissolved_on is not null and s.dissolved_on <= new.effective_on then
    raise exception 'Đơn vị kế thừa đã chấm dứt hoạt động trước ngày %.', to_char(new.effective_on, 'DD/MM/YYYY')
      using errcode = '23514', detail = 'successor_id: dissolved on or before effective_on';
  end if;
  if (p.kind = 'subunit') <> (s.kind = 'subunit') or p.kind = 'national' or s.kind = 'national' then
    raise exception 'Đơn vị tiền nhiệm và đơn vị kế thừa phải cùng cấp.'
      using errcode = '23514', detail = 'successor_id: not of the predecessor''s level';
  end if;
  new.province_id := s.tenant;
  return new;
end
$$;
revoke all on function app_private.unit_successions_check() from public;

create trigger unit_successions_check before insert or update on public.unit_successions
  for each row execute function app_private.unit_successions_check();

alter table public.unit_successions enable row level security;
alter table public.unit_successions force row level security;
create policy unit_successions_select on public.unit_successions for select to anon, authenticated using (true);
grant select on public.unit_successions to anon, authenticated;

create trigger unit_successions_audit after insert or update or delete on public.unit_successions
  for each row execute function app_private.audit_row();

-- The provinces merged on 01/07/2025 (and any other merged unit): from units.merged_into_id.
insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis)
select u.id, u.merged_into_id, u.dissolved_on, 'Sắp xếp đơn vị hành chính cấp tỉnh từ ' || to_char(u.dissolved_on, 'DD/MM/YYYY')
  from public.units u
 where u.merged_into_id is not null and u.dissolved_on is not null
on conflict (predecessor_id, successor_id) do nothing;
