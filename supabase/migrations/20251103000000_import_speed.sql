-- Set-based auditing of inserts, for bulk imports (packages/case-import).
--
-- app_private.audit_row() writes one audit row per changed row and moves the
-- tenant's chain head each time. Inside one transaction that inserts many
-- rows, every move leaves another version of the head row for the next
-- look-up to walk past, so a bulk insert slows down quadratically (2,000
-- cases: 3 s; 6,000: 27 s). For INSERT on the tables an import writes, the
-- audit now runs once per statement over its transition table: the same
-- audit rows (one per inserted row, with the same columns and content), the
-- same hash over the same fields, the same per-tenant chain, with the chain
-- head locked before ids are drawn and moved once per chain per statement.
-- app_private.audit_verify() checks these rows exactly as before. UPDATE and
-- DELETE keep the row-level trigger.

create function app_private.audit_inserted_rows() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_actor uuid := auth.uid();
  v_table text := tg_table_name;
  v_seq regclass := pg_get_serial_sequence('public.audit_log', 'id')::regclass;
  v_chain text;
  v_prev text;
  v_id bigint;
  v_at timestamptz;
  v_n integer;
  v_ids bigint[];
  v_afters jsonb[];
  v_ats timestamptz[];
  v_prevs text[];
  v_hashes text[];
  r record;
begin
  -- Chain by chain (in a fixed order): lock the head before drawing any id,
  -- so that ids within a chain follow the chain, exactly as audit_row does.
  for v_chain in select distinct coalesce(n.province_id::text, 'national') from new_rows n order by 1 loop
    insert into app_private.audit_chain_heads (chain_key) values (v_chain) on conflict do nothing;
    select h.last_hash into v_prev from app_private.audit_chain_heads h where h.chain_key = v_chain for update;
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

-- Cases, judgments, parties and events: inserts audited per statement; updates and deletes per row.
drop trigger cases_audit on public.cases;
create trigger cases_audit after update or delete on public.cases
  for each row execute function app_private.audit_row();
create trigger cases_audit_insert after insert on public.cases
  referencing new table as new_rows
  for each statement execute function app_private.audit_inserted_rows();

drop trigger judgments_audit on public.judgments;
create trigger judgments_audit after update or delete on public.judgments
  for each row execute function app_private.audit_row();
create trigger judgments_audit_insert after insert on public.judgments
  referencing new table as new_rows
  for each statement execute function app_private.audit_inserted_rows();

drop trigger case_parties_audit on public.case_parties;
create trigger case_parties_audit after update or delete on public.case_parties
  for each row execute function app_private.audit_row();
create trigger case_parties_audit_insert after insert on public.case_parties
  referencing new table as new_rows
  for each statement execute function app_private.audit_inserted_rows();

drop trigger case_events_audit on public.case_events;
create trigger case_events_audit_insert after insert on public.case_events
  referencing new table as new_rows
  for each statement execute function app_private.audit_inserted_rows();
