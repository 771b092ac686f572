import "@thads/test-support/provided";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql, type Sql } from "../src/clients.ts";
import { migrate, MIGRATIONS_DIR, readMigrations } from "../src/migrate.ts";

/**
 * The two ways the migrations reach a database agree: the Supabase CLI
 * (`supabase db push`, pinned in package.json) and the project's runner,
 * each on a fresh Supabase-shaped database (postgres not a superuser).
 */
const root = path.resolve(MIGRATIONS_DIR, "../..");
const cli = fileURLToPath(new URL("../../../node_modules/.bin/supabase", import.meta.url));
const admin = createOwnerSql(inject("ownerUrl"), { max: 1 });
const name = `cli_push_${Date.now()}`;
let pushed: Sql | null = null;
afterAll(async () => {
  await pushed?.end();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** What the migrations make, in the schemas they own, as comparable text. */
async function shape(sql: Sql): Promise<string[]> {
  const rows = await sql<{ line: string }[]>`
    select 'column ' || c.table_schema || '.' || c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' || c.is_nullable as line
      from information_schema.columns c where c.table_schema in ('public', 'app_private')
    union all
    select 'index ' || schemaname || '.' || indexname || ' ' || indexdef from pg_indexes where schemaname in ('public', 'app_private')
    union all
    select 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || cmd || ' ' || roles::text || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
      from pg_policies where schemaname in ('public', 'app_private')
    union all
    select 'function ' || p.oid::regprocedure::text || ' secdef=' || p.prosecdef || ' owner=' || pg_get_userbyid(p.proowner) || ' config=' || coalesce(p.proconfig::text, '')
      || ' acl=' || coalesce(p.proacl::text, '')
      from pg_proc p where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace)
    union all
    select 'table ' || c.oid::regclass::text || ' rls=' || c.relrowsecurity || '/' || c.relforcerowsecurity || ' owner=' || pg_get_userbyid(c.relowner) || ' acl=' || coalesce(c.relacl::text, '')
      from pg_class c where c.relnamespace in ('public'::regnamespace, 'app_private'::regnamespace) and c.relkind in ('r', 'p', 'v', 'm')
    union all
    select 'trigger ' || tgrelid::regclass::text || '.' || tgname from pg_trigger where not tgisinternal
      and tgrelid in (select oid from pg_class where relnamespace in ('public'::regnamespace, 'app_private'::regnamespace))`;
  return rows.map((r) => r.line).sort();
}

describe("supabase db push and the project's runner", () => {
  it("the pinned CLI applies every migration to a Supabase-shaped database, records them as the runner does, and leaves the same schema", async () => {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(inject("ownerUrl"));
    url.pathname = `/${name}`;
    const cliUrl = new URL(url);
    cliUrl.searchParams.set("sslmode", "disable");
    const run = spawnSync(cli, ["db", "push", "--db-url", cliUrl.toString(), "--workdir", root, "--include-all"], {
      input: "y\n",
      encoding: "utf8",
      timeout: 240_000,
      env: { ...process.env, DO_NOT_TRACK: "1", SUPABASE_TELEMETRY_DISABLED: "1" },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    pushed = createOwnerSql(url.toString(), { max: 1 });
    const versions = await pushed<{ version: string }[]>`select version from supabase_migrations.schema_migrations order by version`;
    expect(versions.map((v) => v.version)).toEqual(readMigrations().map((m) => m.version));

    // The runner sees the CLI's record and has nothing left to apply.
    const again = await migrate(pushed);
    expect(again).toEqual({ applied: [], supabase: true });

    expect(await shape(pushed)).toEqual(await shape(admin));
  }, 300_000);
});
