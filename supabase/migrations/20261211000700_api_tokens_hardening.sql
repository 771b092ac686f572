-- API tokens, hardened after review:
--   * a token belongs to a creditor organisation only: an account that also holds a staff role
--     creates none, and a token stops working once its account is no longer a linked organisation
--     (its links revoked) or gains a staff role;
--   * the rate limit counts every token of the account together, and an account creates at most
--     20 tokens a day, revoked ones included;
--   * a revocation is stamped with the time it happens, whatever the client sends;
--   * a complaint document's recorded size is its content's size.

create or replace function app_private.is_creditor_organization()
  returns boolean language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.creditor_links l
                  where l.account_id = auth.uid() and l.revoked_at is null and l.party_kind = 'organization')
     and exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role = 'creditor')
     and not exists (select 1 from public.memberships m where m.user_id = auth.uid() and m.role <> 'creditor');
$$;

create or replace function app_private.api_tokens_guard() returns trigger
  language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if (select count(*) from public.api_tokens t
         where t.account_id = new.account_id and t.revoked_at is null and t.expires_at > now()) >= 20 then
      raise exception 'Mã truy cập API: đã có 20 mã còn hiệu lực; thu hồi bớt trước khi tạo mã mới.'
        using errcode = '23514', column = 'name';
    end if;
    if (select count(*) from public.api_tokens t
         where t.account_id = new.account_id and t.created_at > now() - interval '1 day') >= 20 then
      raise exception 'Mã truy cập API: đã tạo 20 mã trong 24 giờ qua; thử lại sau.'
        using errcode = '23514', column = 'name';
    end if;
    return new;
  end if;
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'Mã truy cập API: mã đã thu hồi không thể khôi phục.' using errcode = '23514', column = 'revoked_at';
  end if;
  if old.revoked_at is null and new.revoked_at is not null then
    new.revoked_at := now();
  end if;
  return new;
end
$$;

create or replace function app_private.resolve_api_token(p_hash text, p_limit integer)
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
         and exists (select 1 from public.creditor_links l
                      where l.account_id = t.account_id and l.revoked_at is null and l.party_kind = 'organization')
         and not exists (select 1 from public.memberships m where m.user_id = t.account_id and m.role <> 'creditor')
       returning t.id, t.account_id, t.scopes, t.window_count
    )
    select u.id, u.account_id, app_private.auth_user_email(u.account_id), u.scopes,
           -- Every token of the account counts against the one limit: this one's new count and the
           -- others' counts in their current minute.
           u.window_count + coalesce((select sum(o.window_count) from public.api_tokens o
                                       where o.account_id = u.account_id and o.id <> u.id
                                         and o.window_started_at > now() - interval '1 minute'), 0) > p_limit
      from used u
     where app_private.auth_user_email(u.account_id) is not null;
end
$$;

alter table public.complaint_documents
  add constraint complaint_documents_size_is_content check (octet_length(content) = size_bytes);
