-- The published list of debtors not yet able to pay keeps the cases moved to the separate
-- register: Decree 152/2026 Art. 23 lists the grounds to withdraw a published debtor, and the move
-- to the register (Art. 22(1)) is not one of them; the case is still not enforceable, followed on
-- its own line. A case whose request was returned has ended (Art. 32(1)(d)) and is withdrawn, as
-- any other closed case. The partial index the list walks (20251129000000_public_debtors_index.sql)
-- covers both statuses.
drop index if exists public.cases_not_yet_enforceable_idx;
create index cases_published_debtors_idx on public.cases (province_id, search_text, id)
  include (debtor_name, case_number) where status in ('not_yet_enforceable', 'separate_register');

create or replace function public.public_debtors(p_province uuid, p_query text default null, p_limit integer default 50, p_offset integer default 0)
returns table (debtor_name text, debtor_address text, money_outstanding text, acts text, bureau text, total bigint)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_q text := nullif(btrim(app_private.search_text(left(coalesce(p_query, ''), 100))), '');
  v_pattern text;
  v_total bigint;
begin
  if v_q is not null then
    v_pattern := '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  -- The folded name is the search text less the case number after it (folding keeps its length).
  select count(*) into v_total from public.cases c
  where c.province_id = p_province and c.status in ('not_yet_enforceable', 'separate_register')
    and (v_pattern is null
         or left(c.search_text, length(c.search_text) - length(c.case_number) - 1) like v_pattern);
  return query
  select c.debtor_name,
         (select p.address from public.case_parties p where p.case_id = c.id and p.role = 'debtor' order by p.id limit 1),
         -- Whole đồng, as text: JSON clients (REST) must not round it through a float.
         (select coalesce(sum(o.amount - o.paid), 0)::text from public.case_obligations o
           where o.case_id = c.id and o.kind = 'money'),
         (select string_agg(o.description, '; ' order by o.code) from public.case_obligations o
           where o.case_id = c.id and o.kind = 'act' and o.performed_on is null),
         pu.name,
         v_total
  from (select c.id, c.debtor_name, c.province_id, c.search_text from public.cases c
        where c.province_id = p_province and c.status in ('not_yet_enforceable', 'separate_register')
          and (v_pattern is null
               or left(c.search_text, length(c.search_text) - length(c.case_number) - 1) like v_pattern)
        order by c.search_text, c.id
        limit least(greatest(coalesce(p_limit, 50), 1), 100) offset greatest(coalesce(p_offset, 0), 0)) c
  join public.units pu on pu.id = c.province_id
  order by c.search_text, c.id;
end
$$;
revoke all on function public.public_debtors(uuid, text, integer, integer) from public;
grant execute on function public.public_debtors(uuid, text, integer, integer) to anon, authenticated;
