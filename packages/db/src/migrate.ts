import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Sql } from "./clients.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.resolve(here, "../../../supabase/migrations");
const COMPAT_SQL = path.resolve(here, "../sql/supabase-compat.sql");

export interface Migration {
  version: string;
  name: string;
  file: string;
  sql: string;
}

/** Migration files named as the Supabase CLI names them: <version>_<name>.sql, applied in file-name order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const [, version, name] = /^(\d+)_(.+)\.sql$/.exec(file)!;
      return { version: version!, name: name!, file, sql: readFileSync(path.join(dir, file), "utf8") };
    });
}

/** A Supabase project has its own admin roles; plain Postgres does not. */
export async function isSupabase(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ yes: boolean }[]>`select exists (select 1 from pg_roles where rolname = 'supabase_admin') as yes`;
  return Boolean(row?.yes);
}

/**
 * Applies the Supabase compatibility surface (plain Postgres only), then every
 * migration not yet recorded in supabase_migrations.schema_migrations, each in
 * its own transaction, recording it there as the Supabase CLI does.
 */
export async function migrate(
  sql: Sql,
  opts: { authenticatorPassword?: string; log?: (m: string) => void; dir?: string } = {},
): Promise<{ applied: string[]; supabase: boolean }> {
  const log = opts.log ?? (() => {});
  const supabase = await isSupabase(sql);
  // One runner at a time (two starts racing on one database).
  await sql`select pg_advisory_lock(727274)`;
  try {
    if (!supabase) {
      await sql.unsafe(readFileSync(COMPAT_SQL, "utf8"));
      if (opts.authenticatorPassword) {
        await sql.unsafe(`alter role authenticator with login password '${opts.authenticatorPassword.replace(/'/g, "''")}'`);
      }
    }
    await sql`create schema if not exists supabase_migrations`;
    await sql`create table if not exists supabase_migrations.schema_migrations (
      version text not null primary key, statements text[], name text)`;
    const done = new Set(
      (await sql<{ version: string }[]>`select version from supabase_migrations.schema_migrations`).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of readMigrations(opts.dir)) {
      if (done.has(m.version)) continue;
      log(`migrating ${m.file}`);
      await sql.begin(async (tx) => {
        await tx.unsafe(m.sql);
        await tx`insert into supabase_migrations.schema_migrations (version, statements, name)
                 values (${m.version}, ${[m.sql]}, ${m.name})`;
      });
      applied.push(m.file);
    }
    return { applied, supabase };
  } finally {
    await sql`select pg_advisory_unlock(727274)`;
  }
}
