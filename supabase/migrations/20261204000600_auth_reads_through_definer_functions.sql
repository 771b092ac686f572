-- The session check and the embedded password check read auth.users through
-- two security-definer functions owned by the migration owner, instead of
-- through grants to auth_service.
--
-- On a Supabase project auth.users belongs to Supabase Auth
-- (supabase_auth_admin): the migration owner `postgres` may read and write its
-- rows but holds no grant option, so the foundation's grants on schema auth
-- and on auth.users to auth_service did nothing there (a warning, not an
-- error) and the session check failed with "permission denied for schema
-- auth". The migration owner can read auth.users on both kinds of database;
-- functions it owns are the one path that works on both.
--
-- Each function returns only what its caller needs:
--   * app_private.auth_user_email(user_id): the e-mail of a user who may sign
--     in (not deleted, not banned), else null; for the session check;
--   * app_private.check_password(email, password): the user id when the
--     password matches the bcrypt hash Supabase Auth stores, else null. The
--     comparison happens here (pgcrypto's crypt(), in schema extensions on
--     Supabase and in the compatibility surface), so the hash never leaves the
--     database: a leaked app login can try passwords one by one at bcrypt
--     cost, but cannot copy hashes away to crack them offline.
-- Both are executable by auth_service alone.

create extension if not exists pgcrypto with schema extensions;

create or replace function app_private.auth_user_email(p_user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select u.email::text
  from auth.users u
  where u.id = p_user_id
    and u.deleted_at is null
    and (u.banned_until is null or u.banned_until < now())
$$;

create or replace function app_private.check_password(p_email text, p_password text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  -- Compared against when the e-mail is unknown or has no password, so every
  -- attempt costs one bcrypt check at Supabase Auth's cost (10).
  c_dummy constant text := '$2a$10$OBv7u7Y6Lwdy.NHfMtJxEO358fTZrsKaRjeAPvaetbWdnPecVl6c2';
  v_id uuid;
  v_hash text;
  v_usable boolean;
  v_ok boolean;
begin
  if p_email is null or p_password is null or length(p_email) > 320 or length(p_password) > 1000 then
    return null;
  end if;

  select u.id, u.encrypted_password,
         u.deleted_at is null and (u.banned_until is null or u.banned_until < now())
    into v_id, v_hash, v_usable
  from auth.users u
  where lower(u.email) = lower(btrim(p_email))
  order by u.deleted_at nulls first, u.created_at
  limit 1;

  -- $2b$ (bcryptjs) and $2a$ (Supabase Auth) hash a password of under 255
  -- bytes identically; pgcrypto reads the $2a$ form.
  if v_hash ~ '^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$' then
    v_hash := '$2a$' || substr(v_hash, 5);
  else
    v_hash := null;
  end if;

  v_ok := extensions.crypt(p_password, coalesce(v_hash, c_dummy)) = coalesce(v_hash, c_dummy);
  if not (v_ok and v_hash is not null and v_usable) then
    return null;
  end if;

  -- Supabase Auth records sign-ins itself; record this one where the owner may.
  if has_column_privilege('auth.users', 'last_sign_in_at', 'UPDATE') then
    update auth.users set last_sign_in_at = now() where id = v_id;
  end if;
  return v_id;
end
$$;

revoke all on function app_private.auth_user_email(uuid) from public;
revoke all on function app_private.check_password(text, text) from public;
grant execute on function app_private.auth_user_email(uuid) to auth_service;
grant execute on function app_private.check_password(text, text) to auth_service;

-- The foundation's direct grants: gone (on Supabase they never took effect).
revoke select (id, email, encrypted_password, banned_until, deleted_at) on auth.users from auth_service;
revoke update (last_sign_in_at) on auth.users from auth_service;
revoke usage on schema auth from auth_service;
