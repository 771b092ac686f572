-- Case rows are written only through the case service, which applies the
-- lifecycle rules (packages/domain) before it writes: intake, the steps of
-- the ledger, bulk import. A signed-in user's own role, `authenticated`, may
-- read them under RLS but no longer insert or update them, so a client
-- talking to the database directly (Supabase REST with a user's token) cannot
-- append a ledger event or move a case's projection past the rules.
--
-- The service switches its transaction to `case_writer` after the user's
-- claims are set (app_private and RLS see the same user): `case_writer` is a
-- member of `authenticated`, so every policy written `to authenticated`
-- applies to it unchanged, and it alone holds the write grants. Only the app's
-- login may switch to it; PostgREST switches only to the role a signed token
-- names, and tokens are issued as `authenticated`.
do $$
begin
  if not exists (select from pg_roles where rolname = 'case_writer') then
    create role case_writer nologin;
  end if;
end
$$;
grant authenticated to case_writer;
grant case_writer to authenticator;

revoke insert, update on public.cases from authenticated;
revoke insert on public.judgments from authenticated;
revoke insert, update on public.case_parties from authenticated;
revoke insert, update on public.case_obligations from authenticated;
revoke insert on public.case_events from authenticated;

grant insert, update on public.cases to case_writer;
grant insert on public.judgments to case_writer;
grant insert, update on public.case_parties to case_writer;
grant insert, update on public.case_obligations to case_writer;
grant insert on public.case_events to case_writer;
