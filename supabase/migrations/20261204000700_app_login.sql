-- The app's own database login: thads_app.
--
-- Until now the app logged in as `authenticator`, and the migrations granted
-- it auth_service and case_writer. On a Supabase project `authenticator` is
-- PostgREST's login: the platform owns it, the project may not alter it, and
-- any role granted to it becomes reachable by a JWT whose role claim names it.
-- The app now has a login of its own, created here, NOINHERIT (it holds no
-- privilege until a transaction switches role), granted exactly the roles the
-- app switches to:
--   anon           public pages,
--   authenticated  a signed-in user's requests (RLS by auth.uid()),
--   case_writer    case writes, after the case service's checks,
--   auth_service   sign-in, sessions, throttling, request limits.
-- It is created without a password: the migration runner sets one from
-- APP_DB_PASSWORD, or it is set once on the hosted project (README,
-- "Deploying to a Supabase project").
do $$
begin
  if not exists (select from pg_roles where rolname = 'thads_app') then
    create role thads_app login noinherit nosuperuser nocreatedb nocreaterole nobypassrls noreplication;
  end if;
end
$$;

grant anon, authenticated, case_writer, auth_service to thads_app;

-- Take back the project's own roles from the platform's login, where the
-- earlier migrations managed to grant them.
do $$
begin
  if exists (select 1 from pg_auth_members
             where roleid = 'auth_service'::regrole and member = 'authenticator'::regrole) then
    revoke auth_service from authenticator;
  end if;
  if exists (select 1 from pg_auth_members
             where roleid = 'case_writer'::regrole and member = 'authenticator'::regrole) then
    revoke case_writer from authenticator;
  end if;
end
$$;
