import "@thads/test-support/provided";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "../src/clients.ts";

const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

/** Schemas reachable through an API (Supabase exposes public; graphql_public/storage are Supabase's own). */
const EXPOSED = ["public"];

describe("catalog", () => {
  it("every table in an exposed schema has RLS enabled and forced", async () => {
    const tables = await sql<{ table: string; enabled: boolean; forced: boolean }[]>`
      select c.relnamespace::regnamespace || '.' || c.relname as table,
             c.relrowsecurity as enabled, c.relforcerowsecurity as forced
      from pg_class c
      where c.relkind in ('r', 'p') and c.relnamespace::regnamespace::text = any (${EXPOSED})`;
    expect(tables.length).toBeGreaterThanOrEqual(5);
    const bad = tables.filter((t) => !t.enabled || !t.forced).map((t) => t.table);
    expect(bad).toEqual([]);
  });

  it("every check constraint holds of every row: none is left NOT VALID on a database migrated from scratch", async () => {
    const all = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_constraint c
      where c.contype = 'c' and c.connamespace::regnamespace::text = any (${EXPOSED})`;
    expect(all[0]!.n).toBeGreaterThan(50);
    const notValid = await sql<{ name: string }[]>`
      select c.conrelid::regclass || '.' || c.conname as name from pg_constraint c
      where c.contype = 'c' and not c.convalidated and c.connamespace::regnamespace::text = any (${EXPOSED})`;
    expect(notValid.map((r) => r.name)).toEqual([]);
  });

  it("every table in an exposed schema has at least one policy", async () => {
    const rows = await sql<{ table: string }[]>`
      select c.relnamespace::regnamespace || '.' || c.relname as table
      from pg_class c
      where c.relkind in ('r', 'p') and c.relnamespace::regnamespace::text = any (${EXPOSED})
        and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`;
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it("every column a policy reads leads an index", async () => {
    const cols = await sql<{ table: string; column: string; indexed: boolean }[]>`
      select distinct c.relname as table, a.attname as column,
             exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum) as indexed
      from pg_policy p
      join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = p.oid
                      and d.refclassid = 'pg_class'::regclass and d.refobjsubid > 0
      join pg_class c on c.oid = d.refobjid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
      where c.relnamespace::regnamespace::text = any (${EXPOSED})`;
    expect(cols.length).toBeGreaterThanOrEqual(8);
    expect(cols.filter((c) => !c.indexed).map((c) => `${c.table}.${c.column}`)).toEqual([]);
  });

  it("policies are for authenticated (or anon where public) and use (select auth.uid())", async () => {
    const policies = await sql<{ name: string; roles: string[]; qual: string | null; check: string | null }[]>`
      select policyname as name, roles::text[] as roles, qual, with_check as check
      from pg_policies where schemaname = any (${EXPOSED})`;
    for (const p of policies) {
      expect(
        p.roles.every((r) => r === "authenticated" || r === "anon"),
        p.name,
      ).toBe(true);
      const text = `${p.qual ?? ""} ${p.check ?? ""}`;
      // auth.uid() only ever inside a sub-select, evaluated once per statement.
      expect(text.replace(/\(\s*SELECT auth\.uid\(\) AS uid\)/g, ""), p.name).not.toMatch(/auth\.uid\(\)/);
    }
  });

  it("RLS helper functions are security definer with an empty search_path, in the private schema", async () => {
    const fns = await sql<{ name: string; secdef: boolean; config: string[] | null }[]>`
      select p.proname as name, p.prosecdef as secdef, p.proconfig as config
      from pg_proc p where p.pronamespace = 'app_private'::regnamespace
        and p.proname in ('has_role', 'provinces_for', 'units_for', 'is_national', 'is_national_admin')`;
    expect(fns).toHaveLength(5);
    for (const f of fns) {
      expect(f.secdef, f.name).toBe(true);
      expect(f.config, f.name).toContain('search_path=""');
    }
  });

  it("the app's login is the project's own thads_app: NOINHERIT, not the owner, not a superuser, not BYPASSRLS", async () => {
    const [role] = await sql<
      {
        rolsuper: boolean;
        rolbypassrls: boolean;
        rolinherit: boolean;
        rolcanlogin: boolean;
        rolcreaterole: boolean;
        rolcreatedb: boolean;
        rolreplication: boolean;
        owns: bigint;
      }[]
    >`
      select r.rolsuper, r.rolbypassrls, r.rolinherit, r.rolcanlogin, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
             (select count(*) from pg_class c where c.relowner = r.oid)
             + (select count(*) from pg_proc p where p.proowner = r.oid)
             + (select count(*) from pg_namespace n where n.nspowner = r.oid) as owns
      from pg_roles r where r.rolname = 'thads_app'`;
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolinherit: false,
      rolcanlogin: true,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      owns: 0n,
    });
    const [anyOwner] = await sql<{ n: bigint }[]>`
      select count(*) as n from pg_class c join pg_roles r on r.oid = c.relowner
      where r.rolname in ('anon', 'authenticated', 'auth_service', 'case_writer', 'thads_app')`;
    expect(anyOwner?.n).toBe(0n);
  });

  it("the app's login is granted exactly the roles the app switches to, none inherited", async () => {
    const grants = await sql<{ role: string; inherit: boolean; set: boolean; admin: boolean }[]>`
      select m.roleid::regrole::text as role, m.inherit_option as inherit, m.set_option as set, m.admin_option as admin
      from pg_auth_members m where m.member = 'thads_app'::regrole order by 1`;
    expect(grants).toEqual(
      ["anon", "auth_service", "authenticated", "case_writer"].map((role) => ({ role, inherit: false, set: true, admin: false })),
    );
  });

  it("the project grants none of its roles to authenticator, which belongs to the platform (PostgREST)", async () => {
    const rows = await sql<{ role: string }[]>`
      select m.roleid::regrole::text as role from pg_auth_members m
      where m.member = 'authenticator'::regrole and m.roleid::regrole::text in ('auth_service', 'case_writer')`;
    expect(rows).toEqual([]);
  });

  // service_role is Supabase's server-key role (BYPASSRLS by design, reached only with a token
  // signed as service_role); the app's login is not a member of it.
  it("no role the app switches to bypasses RLS or can log in", async () => {
    const roles = await sql<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }[]>`
      select r.rolname, r.rolsuper, r.rolbypassrls, r.rolcanlogin
      from pg_auth_members m join pg_roles r on r.oid = m.roleid
      where m.member = 'thads_app'::regrole order by r.rolname`;
    expect(roles.map((r) => r.rolname)).toEqual(["anon", "auth_service", "authenticated", "case_writer"]);
    for (const r of roles)
      expect({ role: r.rolname, super: r.rolsuper, bypass: r.rolbypassrls, login: r.rolcanlogin }).toEqual({
        role: r.rolname,
        super: false,
        bypass: false,
        login: false,
      });
  });

  // (Column grants count: case_writer inserts a ledger row's own columns only.)
  it("signed-in users read case rows but write them only as case_writer", async () => {
    const grants = await sql<{ table: string; role: string; write: boolean }[]>`
      select t.table, r.role, has_any_column_privilege(r.role, ('public.' || t.table)::regclass, 'insert')
                              or has_any_column_privilege(r.role, ('public.' || t.table)::regclass, 'update') as write
      from (values ('cases'), ('judgments'), ('case_parties'), ('case_obligations'), ('case_events')) as t("table")
      cross join (values ('authenticated'), ('case_writer')) as r(role)
      order by 1, 2`;
    for (const g of grants) expect({ ...g, write: g.write }).toEqual({ ...g, write: g.role === "case_writer" });
    expect(grants).toHaveLength(10);
  });

  it("the private schema is not readable by API roles", async () => {
    const rows = await sql<{ table: string; role: string }[]>`
      select c.relname as table, r.rolname as role
      from pg_class c cross join (values ('anon'), ('authenticated')) as r(rolname)
      where c.relnamespace = 'app_private'::regnamespace and c.relkind = 'r'
        and has_table_privilege(r.rolname, c.oid, 'select')`;
    expect(rows).toEqual([]);
  });
});
