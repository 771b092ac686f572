import "@thads/test-support/provided";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "../src/clients.ts";

/**
 * Least privilege, checked against the catalog. Every privilege the API roles, the app's own
 * roles and PUBLIC hold (directly, through role membership, or through PUBLIC) on tables,
 * columns, sequences, functions and schemas is listed and compared with the reviewed allow-list
 * in privileges.allow.json: a new grant fails here until that file says it is wanted.
 * Migration 20261204000300_least_privilege.sql sets the grants.
 */
const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

const ROLES = ["anon", "authenticated", "case_writer", "auth_service", "service_role", "authenticator", "public"] as const;
const SKIP = ["pg_catalog", "information_schema", "pg_toast"];
const APP_SCHEMAS = ["public", "app_private"];

type Grants = Record<string, Record<string, Record<string, string[]>>>;

async function tablePrivileges(): Promise<string[]> {
  const [row] = await sql<{ v: number }[]>`select current_setting('server_version_num')::int as v`;
  // MAINTAIN exists from PostgreSQL 17.
  return ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", ...(Number(row?.v) >= 170000 ? ["MAINTAIN"] : [])];
}

/** Every privilege each role holds, effective (has_*_privilege: membership and PUBLIC included). */
async function effectiveGrants(): Promise<Grants> {
  const tablePrivs = await tablePrivileges();
  const rows = await sql<{ role: string; kind: string; object: string; privs: string[] }[]>`
    with roles as (select unnest(${ROLES as unknown as string[]}::text[]) as r),
    rels as (
      select c.oid, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname <> all (${SKIP}) and n.nspname !~ '^pg_' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    )
    select r as role, 'table' as kind, name as object, array_agg(p order by p) as privs
    from roles, rels, unnest(${tablePrivs}::text[]) p
    where relkind <> 'S' and has_table_privilege(r, oid, p) group by 1, 2, 3
    union all
    select r, 'column', name || '.' || quote_ident(a.attname), array_agg(p order by p)
    from roles, rels join pg_attribute a on a.attrelid = rels.oid and a.attnum > 0 and not a.attisdropped,
         unnest(array['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p
    where relkind <> 'S' and has_column_privilege(r, rels.oid, a.attnum, p) and not has_table_privilege(r, rels.oid, p)
    group by 1, 2, 3
    union all
    select r, 'sequence', name, array_agg(p order by p)
    from roles, rels, unnest(array['USAGE', 'SELECT', 'UPDATE']) p
    where relkind = 'S' and has_sequence_privilege(r, oid, p) group by 1, 2, 3
    union all
    select r, 'function', quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', array['EXECUTE']
    from roles, pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname <> all (${SKIP}) and n.nspname !~ '^pg_'
      -- Functions of extensions (pg_trgm, unaccent) are checked below: they live in their own schema.
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      and has_function_privilege(r, p.oid, 'EXECUTE')
    union all
    select r, 'schema', quote_ident(n.nspname), array_agg(p order by p)
    from roles, pg_namespace n, unnest(array['USAGE', 'CREATE']) p
    where n.nspname <> all (${SKIP}) and n.nspname !~ '^pg_' and has_schema_privilege(r, n.oid, p) group by 1, 2, 3
    order by 1, 2, 3`;
  const out: Grants = {};
  for (const role of ROLES) out[role] = { schema: {}, table: {}, column: {}, sequence: {}, function: {} };
  for (const row of rows) out[row.role]![row.kind]![row.object] = row.privs;
  return out;
}

describe("privileges of the API roles, the app's roles and PUBLIC", () => {
  it("are exactly the reviewed allow-list (a new grant must be added to privileges.allow.json)", async () => {
    const allowed = JSON.parse(readFileSync(new URL("./privileges.allow.json", import.meta.url), "utf8")) as Grants;
    const actual = await effectiveGrants();
    for (const role of ROLES) {
      for (const kind of ["schema", "table", "column", "sequence", "function"]) {
        expect({ role, kind, grants: actual[role]![kind] }).toEqual({ role, kind, grants: allowed[role]?.[kind] ?? {} });
      }
    }
  });

  it("include no TRUNCATE, TRIGGER, REFERENCES or MAINTAIN anywhere, and nothing on sequences", async () => {
    const actual = await effectiveGrants();
    const bad: string[] = [];
    for (const role of ROLES) {
      for (const kind of ["table", "column"]) {
        for (const [object, privs] of Object.entries(actual[role]![kind]!)) {
          for (const p of privs) if (["TRUNCATE", "TRIGGER", "REFERENCES", "MAINTAIN"].includes(p)) bad.push(`${role} ${p} ${object}`);
        }
      }
      for (const object of Object.keys(actual[role]!.sequence!)) bad.push(`${role} sequence ${object}`);
    }
    expect(bad).toEqual([]);
  });

  it("leave reference data (units) read-only to every role the API or the app uses", async () => {
    const rows = await sql<{ role: string; priv: string }[]>`
      select r as role, p as priv
      from unnest(${ROLES as unknown as string[]}::text[]) r, unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) p
      where has_table_privilege(r, 'public.units', p)
         or exists (select 1 from pg_attribute a where a.attrelid = 'public.units'::regclass and a.attnum > 0
                    and p in ('INSERT', 'UPDATE', 'REFERENCES') and has_column_privilege(r, 'public.units'::regclass, a.attnum, p))`;
    expect(rows).toEqual([]);
  });

  it("give PUBLIC no EXECUTE on any function of the app's schemas; extensions keep to their own schema", async () => {
    const open = await sql<{ fn: string }[]>`
      select p.oid::regprocedure::text as fn from pg_proc p
      where p.pronamespace::regnamespace::text = any (${APP_SCHEMAS}) and has_function_privilege('public', p.oid, 'EXECUTE')`;
    expect(open).toEqual([]);
    const stray = await sql<{ fn: string }[]>`
      select p.oid::regprocedure::text as fn from pg_proc p join pg_depend d on d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
      where p.pronamespace::regnamespace::text = any (${APP_SCHEMAS})`;
    expect(stray).toEqual([]);
  });

  it("new tables, sequences and functions of the migration owner grant nothing until a migration says so", async () => {
    const leaked: { role: string; object: string }[] = [];
    const rollback = new Error("rollback");
    await sql
      .begin(async (tx) => {
        const found = leaked;
        for (const schema of APP_SCHEMAS) {
          await tx.unsafe(`create table ${schema}.privilege_probe (id bigint generated always as identity, note text)`);
          await tx.unsafe(`create sequence ${schema}.privilege_probe_seq`);
          await tx.unsafe(`create function ${schema}.privilege_probe_fn() returns int language sql as 'select 1'`);
          found.push(
            ...(
              await tx<{ role: string; object: string }[]>`
          select r as role, o as object from unnest(${ROLES as unknown as string[]}::text[]) r, (values ('t'), ('s'), ('f')) k(o)
          where case o
            when 't' then has_table_privilege(r, ${`${schema}.privilege_probe`}, 'SELECT') or has_table_privilege(r, ${`${schema}.privilege_probe`}, 'INSERT')
                       or has_table_privilege(r, ${`${schema}.privilege_probe`}, 'UPDATE') or has_table_privilege(r, ${`${schema}.privilege_probe`}, 'DELETE')
                       or has_table_privilege(r, ${`${schema}.privilege_probe`}, 'TRUNCATE') or has_table_privilege(r, ${`${schema}.privilege_probe`}, 'TRIGGER')
            when 's' then has_sequence_privilege(r, ${`${schema}.privilege_probe_seq`}, 'USAGE') or has_sequence_privilege(r, ${`${schema}.privilege_probe_seq`}, 'UPDATE')
            else has_function_privilege(r, ${`${schema}.privilege_probe_fn()`}, 'EXECUTE') end`
            ).map((f) => ({ ...f, object: `${schema}.${f.object}` })),
          );
        }
        throw rollback; // the probes never stay
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      });
    expect(leaked).toEqual([]);
  });
});
