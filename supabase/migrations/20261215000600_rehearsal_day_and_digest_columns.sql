-- Two hardenings of 20261215000100 / 20261215000200.
--
-- 1. The ledger batch digest hashed each row as to_jsonb(row): a later column added to the ledger
--    (or renamed, or retyped) would have changed every row's text and broken every batch already
--    written. Batches now record a digest version ("v": 2) hashing a fixed list of the ledger's
--    columns; batches without "v" (version 1, the whole row) are still verified as written.
--    audit_verify() reads the batch branch only for ledger rows.
-- 2. The simulated day: a session could name ANY day while rehearsals were allowed (an
--    "infinity" or a far date switches the date bounds off). The owner now stores THE rehearsal
--    day (app_private.clock.simulated_day, set by `npm start` with REHEARSAL_TODAY, null
--    otherwise), and today_vn() answers it only to a session that names exactly that day; any
--    other value is ignored (compared as text: a malformed value cannot raise).

create or replace function app_private.audit_batch_digest(p_table text, p_ranges jsonb, p_version integer)
returns text
language plpgsql stable set search_path = '' set timezone = 'UTC'
as $$
declare
  v_digest text;
begin
  if p_table is distinct from 'case_events' then
    raise exception 'audit_batch_digest: % is not audited by batch', p_table using errcode = '22023';
  end if;
  if p_version not in (1, 2) then
    raise exception 'audit_batch_digest: unknown digest version %', p_version using errcode = '22023';
  end if;
  select encode(sha256(convert_to(coalesce(string_agg(r.rows_text, E'\n' order by r.lo), ''), 'UTF8')), 'hex')
    into v_digest
  from (
    select b.lo,
           (select string_agg(
                     case p_version
                       when 1 then to_jsonb(e)::text
                       else jsonb_build_object(
                         'id', e.id, 'case_id', e.case_id, 'province_id', e.province_id, 'unit_id', e.unit_id,
                         'kind', e.kind, 'effective_date', e.effective_date, 'payload', e.payload,
                         'actor_id', e.actor_id, 'idempotency_key', e.idempotency_key, 'created_at', e.created_at)::text
                     end, E'\n' order by e.id)
              from public.case_events e where e.id between b.lo and b.hi) as rows_text
    from (select (x ->> 0)::bigint as lo, (x ->> 1)::bigint as hi from jsonb_array_elements(p_ranges) as x) b
  ) r;
  return v_digest;
end
$$;
revoke all on function app_private.audit_batch_digest(text, jsonb, integer) from public;

create or replace function app_private.audit_inserted_rows() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_actor uuid := auth.uid();
  v_table text := tg_table_name;
  v_seq regclass := pg_get_serial_sequence('public.audit_log', 'id')::regclass;
  -- The trigger's argument: from this many rows a statement is audited as one digest per chain.
  v_batch_from integer := case when tg_nargs > 0 then tg_argv[0]::integer end;
  v_batch boolean;
  v_chain text;
  v_prev text;
  v_id bigint;
  v_at timestamptz;
  v_n integer;
  v_after jsonb;
  v_ranges jsonb;
  v_rows bigint;
  v_ids bigint[];
  v_afters jsonb[];
  v_ats timestamptz[];
  v_prevs text[];
  v_hashes text[];
  r record;
begin
  v_batch := v_batch_from is not null and (select count(*) from new_rows) >= v_batch_from;
  -- Chain by chain (in a fixed order): lock the head before drawing any id,
  -- so that ids within a chain follow the chain, exactly as audit_row does.
  for v_chain in select distinct coalesce(n.province_id::text, 'national') from new_rows n order by 1 loop
    insert into app_private.audit_chain_heads (chain_key) values (v_chain) on conflict do nothing;
    select h.last_hash into v_prev from app_private.audit_chain_heads h where h.chain_key = v_chain for update;

    if v_batch then
      select jsonb_agg(jsonb_build_array(g.lo, g.hi) order by g.lo), sum(g.hi - g.lo + 1)
        into v_ranges, v_rows
      from (
        select min(s.id) as lo, max(s.id) as hi
        from (select n.id, n.id - row_number() over (order by n.id) as run
              from new_rows n where coalesce(n.province_id::text, 'national') = v_chain) s
        group by s.run
      ) g;
      v_after := jsonb_build_object('batch', jsonb_build_object(
        'table', v_table, 'v', 2, 'rows', v_rows, 'ranges', v_ranges,
        'digest', app_private.audit_batch_digest(v_table, v_ranges, 2)));
      v_id := nextval(v_seq);
      v_at := clock_timestamp();
      v_hashes := array[app_private.audit_hash(v_prev, v_id, v_chain, v_actor, v_table, 'INSERT', null, null, v_after, v_at)];
      insert into public.audit_log (id, chain_key, province_id, unit_id, actor_id, table_name, op, row_id,
                                    before, after, at, prev_hash, hash)
      overriding system value
      values (v_id, v_chain, case when v_chain <> 'national' then v_chain::uuid end, null, v_actor,
              v_table, 'INSERT', null, null, v_after, v_at, v_prev, v_hashes[1]);
      update app_private.audit_chain_heads set last_hash = v_hashes[1], last_id = v_id where chain_key = v_chain;
      continue;
    end if;

    v_n := 0;
    v_ids := '{}'; v_afters := '{}'; v_ats := '{}'; v_prevs := '{}'; v_hashes := '{}';
    for r in select to_jsonb(n) as after from new_rows n where coalesce(n.province_id::text, 'national') = v_chain loop
      v_n := v_n + 1;
      v_id := nextval(v_seq);
      v_at := clock_timestamp();
      v_ids[v_n] := v_id;
      v_afters[v_n] := r.after;
      v_ats[v_n] := v_at;
      v_prevs[v_n] := v_prev;
      -- app_private.audit_hash(v_prev, v_id, v_chain, v_actor, v_table, 'INSERT', id, null, after, v_at),
      -- written out: a call per row costs a fifth of the whole audit. Checked against it below.
      v_prev := encode(sha256(convert_to(concat_ws('|',
        v_prev, v_id::text, v_chain, coalesce(v_actor::text, ''), v_table, 'INSERT',
        coalesce(r.after ->> 'id', ''), '', r.after::text,
        (extract(epoch from v_at) * 1000000)::bigint::text), 'UTF8')), 'hex');
      v_hashes[v_n] := v_prev;
    end loop;
    -- Once per chain and statement: the chain's newest hash must be audit_hash's, or nothing is written.
    if v_prev is distinct from app_private.audit_hash(v_prevs[v_n], v_ids[v_n], v_chain, v_actor, v_table, 'INSERT',
                                                      v_afters[v_n] ->> 'id', null, v_afters[v_n], v_ats[v_n]) then
      raise exception 'audit_inserted_rows: hash differs from app_private.audit_hash' using errcode = 'XX000';
    end if;
    insert into public.audit_log (id, chain_key, province_id, unit_id, actor_id, table_name, op, row_id,
                                  before, after, at, prev_hash, hash)
    overriding system value
    select u.id, v_chain, (u.after ->> 'province_id')::uuid, (u.after ->> 'unit_id')::uuid, v_actor,
           v_table, 'INSERT', u.after ->> 'id', null, u.after, u.at, u.prev, u.hash
    from unnest(v_ids, v_afters, v_ats, v_prevs, v_hashes) as u(id, after, at, prev, hash);
    update app_private.audit_chain_heads set last_hash = v_prev, last_id = v_id where chain_key = v_chain;
  end loop;
  return null;
end
$$;
revoke all on function app_private.audit_inserted_rows() from public;

-- Verification: every batch checked with the digest version it was written with.
create or replace function app_private.audit_verify()
returns table (chain_key text, rows_checked bigint, first_broken_id bigint, problem text)
language sql stable set search_path = ''
as $$
  with ordered as (
    select a.*,
           coalesce(lag(a.hash) over (partition by a.chain_key order by a.id), '') as expected_prev,
           app_private.audit_hash(a.prev_hash, a.id, a.chain_key, a.actor_id, a.table_name, a.op,
                                  a.row_id, a.before, a.after, a.at) as recomputed,
           case when a.row_id is null and a.op = 'INSERT' and a.table_name = 'case_events' and a.after ? 'batch'
                then (a.after #>> '{batch,digest}')
                     is not distinct from app_private.audit_batch_digest(a.after #>> '{batch,table}', a.after #> '{batch,ranges}',
                                                                        coalesce((a.after #>> '{batch,v}')::integer, 1))
           end as batch_intact
    from public.audit_log a
  ),
  broken as (
    select o.chain_key, o.id,
           case when o.prev_hash <> o.expected_prev then 'prev_hash does not match the previous row (row removed or reordered)'
                when o.hash <> o.recomputed then 'hash does not match the row content (row altered)'
                else 'the ledger rows of this batch were altered, removed or added (digest differs)' end as problem,
           row_number() over (partition by o.chain_key order by o.id) as rn
    from ordered o
    where o.prev_hash <> o.expected_prev or o.hash <> o.recomputed or o.batch_intact = false
  ),
  last_rows as (
    select distinct on (a.chain_key) a.chain_key, a.id, a.hash
    from public.audit_log a order by a.chain_key, a.id desc
  ),
  counts as (select a.chain_key, count(*) as n from public.audit_log a group by a.chain_key)
  select h.chain_key,
         coalesce(c.n, 0),
         coalesce(b.id, case when coalesce(l.hash, '') <> h.last_hash then coalesce(l.id, 0) end),
         coalesce(b.problem, case when coalesce(l.hash, '') <> h.last_hash then 'the newest rows of the chain are missing' end)
  from app_private.audit_chain_heads h
  left join counts c on c.chain_key = h.chain_key
  left join broken b on b.chain_key = h.chain_key and b.rn = 1
  left join last_rows l on l.chain_key = h.chain_key
  order by h.chain_key
$$;

drop function app_private.audit_batch_digest(text, jsonb);

alter table app_private.clock add column simulated_day date;
alter table app_private.clock drop column simulation_allowed;
revoke all on app_private.clock from public, case_writer, auth_service;

create or replace function app_private.today_vn() returns date
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select c.simulated_day from app_private.clock c
      where c.simulated_day is not null
        and nullif(current_setting('thads.today', true), '') = to_char(c.simulated_day, 'YYYY-MM-DD')),
    (now() at time zone 'Asia/Ho_Chi_Minh')::date)
$$;
