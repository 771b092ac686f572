import "@thads/test-support/provided";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createAppSql, createOwnerSql } from "../src/clients.ts";

/**
 * The test database is shaped as a Supabase project's (sql/supabase-platform.sql):
 * the migrations ran as a `postgres` that is not a superuser, next to a schema
 * auth the project does not own. Every database test runs on it.
 */
const owner = createOwnerSql(inject("ownerUrl"), { max: 1 });
const app = createAppSql(inject("appUrl"), { max: 1 });
afterAll(async () => {
  await owner.end();
  await app.end();
});

describe("a Supabase-shaped database", () => {
  it("the migration owner is postgres, not a superuser, with Supabase's attributes; supabase_admin is the superuser", async () => {
    const roles = await owner<
      { rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean; rolreplication: boolean }[]
    >`
      select rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
      from pg_roles where rolname in ('postgres', 'supabase_admin') order by rolname`;
    expect(roles).toEqual([
      { rolname: "postgres", rolsuper: false, rolcreaterole: true, rolcreatedb: true, rolbypassrls: true, rolreplication: true },
      { rolname: "supabase_admin", rolsuper: true, rolcreaterole: true, rolcreatedb: true, rolbypassrls: true, rolreplication: true },
    ]);
    const [me] = await owner<{ user: string }[]>`select current_user as user`;
    expect(me?.user).toBe("postgres");
  });

  it("schema auth and auth.users belong to supabase_auth_admin, and postgres holds no grant option there", async () => {
    const [row] = await owner<{ schema: string; users: string; grantable: boolean; read: boolean }[]>`
      select pg_get_userbyid(n.nspowner) as schema, pg_get_userbyid(c.relowner) as users,
             has_table_privilege('postgres', 'auth.users', 'select with grant option') as grantable,
             has_table_privilege('postgres', 'auth.users', 'select') as read
      from pg_namespace n join pg_class c on c.relnamespace = n.oid
      where n.nspname = 'auth' and c.relname = 'users'`;
    expect(row).toEqual({ schema: "supabase_auth_admin", users: "supabase_auth_admin", grantable: false, read: true });
  });

  it("auth.users has the columns Supabase Auth gives it", async () => {
    const cols = (
      await owner<{ c: string }[]>`
      select column_name as c from information_schema.columns where table_schema = 'auth' and table_name = 'users'`
    ).map((r) => r.c);
    expect(cols).toEqual(
      expect.arrayContaining([
        "email_change_token_new",
        "phone_change",
        "confirmed_at",
        "email_change_confirm_status",
        "banned_until",
        "reauthentication_token",
        "is_sso_user",
        "deleted_at",
        "is_anonymous",
      ]),
    );
  });

  it("anon, authenticated and service_role inherit, as on Supabase; authenticator does not", async () => {
    const roles = await owner<{ rolname: string; rolinherit: boolean }[]>`
      select rolname, rolinherit from pg_roles
      where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`;
    expect(roles).toEqual([
      { rolname: "anon", rolinherit: true },
      { rolname: "authenticated", rolinherit: true },
      { rolname: "authenticator", rolinherit: false },
      { rolname: "service_role", rolinherit: true },
    ]);
  });

  it("the app's login reaches what it needs on it: the public schema as anon, the session tables as auth_service", async () => {
    const [row] = await app.begin(async (tx) => {
      await tx`select set_config('role', 'auth_service', true)`;
      return tx<{ sessions: bigint }[]>`select count(*) as sessions from app_private.sessions`;
    });
    expect(typeof row?.sessions).toBe("bigint");
  });
});
