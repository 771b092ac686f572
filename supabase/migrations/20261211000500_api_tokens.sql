-- API tokens of creditor organisations: machine access to their own cases and requests.
--
-- A creditor account linked as an organisation (a standing creditor_links row with party_kind
-- 'organization') creates tokens for its own systems. The token is random, shown once; only its
-- SHA-256 is stored, with a short prefix to recognise it in the list. A token has scopes
-- (cases:read, requests:read), an expiry (at most 366 days after creation), and may be revoked;
-- its last use is kept. At most 20 tokens of an account stand at once.
--
-- The account reads and revokes its own tokens (row security); nobody else reads them, staff and
-- national administrators included. A token is resolved by the auth service (the same role that
-- resolves sessions) through app_private.resolve_api_token, which records its use and counts its
-- requests per minute for the rate limit. The audit trail records creations and revocations, not each use.

create function app_private.is_creditor_organization()
  returns boolean language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.creditor_links l
                  where l.account_id = auth.uid() and l.revoked_at is null and l.party_kind = 'organization')
     and exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'creditor');
$$;
revoke all on function app_private.is_creditor_organization() from public, anon;
grant execute on function app_private.is_creditor_organization() to authenticated;

create table public.api_tokens (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  prefix text not null check (prefix ~ '^[A-Za-z0-9_]{8,20}$'),
  scopes text[] not null check (cardinality(scopes) between 1 and 2 and scopes <@ array['cases:read', 'requests:read']),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz,
  window_started_at timestamptz,
  window_count integer not null default 0,
  constraint api_tokens_expiry check (expires_at > created_at and expires_at <= created_at + interval '366 days')
);
create index api_tokens_account_idx on public.api_tokens (account_id, created_at desc);

-- The account's own, live ones count against the limit; a revoked token never comes back.
create function app_private.api_tokens_guard() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if (select count(*) from public.api_tokens t
         where t.account_id = new.account_id and t.revoked_at is null and t.expires_at > now()) >= 20 then
      raise exception 'Mã truy cập API: đã có 20 mã còn hiệu lực; thu hồi bớt trước khi tạo mã mới.'
        using errcode = '23514', column = 'name';
    end if;
    return new;
  end if;
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'Mã truy cập API: mã đã thu hồi không thể khôi phục.' using errcode = '23514', column = 'revoked_at';
  end if;
  return new;
end
$$;
revoke all on function app_private.api_tokens_guard() from public, anon, authenticated;
create trigger api_tokens_guard before insert or update of revoked_at on public.api_tokens
  for each row execute function app_private.api_tokens_guard();
create trigger api_tokens_audit after insert or update of revoked_at on public.api_tokens
  for each row execute function app_private.audit_row();

alter table public.api_tokens enable row level security;
alter table public.api_tokens force row level security;

create policy api_tokens_select on public.api_tokens for select to authenticated
  using (account_id = (select auth.uid()));
create policy api_tokens_insert on public.api_tokens for insert to authenticated
  with check (account_id = (select auth.uid()) and (select app_private.is_creditor_organization()));
create policy api_tokens_revoke on public.api_tokens for update to authenticated
  using (account_id = (select auth.uid()))
  with check (account_id = (select auth.uid()));

grant select (id, account_id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at) on public.api_tokens to authenticated;
-- Inserted with its name, hash, prefix, scopes and expiry only: never already used or revoked.
grant insert (name, token_hash, prefix, scopes, expires_at) on public.api_tokens to authenticated;
grant update (revoked_at) on public.api_tokens to authenticated;

-- Resolving a token (the auth service only): a live token's account, its e-mail and scopes; its use
-- recorded and counted in the current minute; `limited` when that minute's count is over p_limit.
create function app_private.resolve_api_token(p_hash text, p_limit integer)
  returns table (token_id uuid, account_id uuid, email text, scopes text[], limited boolean)
  language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
    with used as (
      update public.api_tokens t
         set last_used_at = now(),
             window_started_at = case when t.window_started_at is null or t.window_started_at <= now() - interval '1 minute'
                                      then now() else t.window_started_at end,
             window_count = case when t.window_started_at is null or t.window_started_at <= now() - interval '1 minute'
                                 then 1 else t.window_count + 1 end
       where t.token_hash = p_hash and t.revoked_at is null and t.expires_at > now()
       returning t.id, t.account_id, t.scopes, t.window_count
    )
    select u.id, u.account_id, app_private.auth_user_email(u.account_id), u.scopes, u.window_count > p_limit
      from used u
     where app_private.auth_user_email(u.account_id) is not null;
end
$$;
revoke all on function app_private.resolve_api_token(text, integer) from public, anon, authenticated;
grant execute on function app_private.resolve_api_token(text, integer) to auth_service;
