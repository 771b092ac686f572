import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Sql } from "./clients.ts";
import { APP_LOGIN } from "./env.ts";

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
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677,
 * as libpq's PQencryptPasswordConn builds it). Setting it rather than the
 * password keeps the password itself out of the statement, and so out of any
 * statement log. ASCII passwords (SASLprep leaves them as they are).
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/** Sets the password of the app's login (thads_app), as a SCRAM verifier. */
export async function setAppPassword(sql: Sql, password: string): Promise<void> {
  await sql.unsafe(`alter role ${APP_LOGIN} with login password '${scramVerifier(password)}'`);
}

/**
 * Applies the Supabase compatibility surface (plain Postgres only), then every
 * migration not yet recorded in supabase_migrations.schema_migrations, each in
 * its own transaction, recording it there as the Supabase CLI does. Then sets
 * the password of the app's login (thads_app, created by the migrations) when
 * one is given.
 */
export async function migrate(
  sql: Sql,
  opts: { appPassword?: string; log?: (m: string) => void; dir?: string } = {},
): Promise<{ applied: string[]; supabase: boolean }> {
  const log = opts.log ?? (() => {});
  const supabase = await isSupabase(sql);
  // One runner at a time (two starts racing on one database).
  await sql`select pg_advisory_lock(727274)`;
  try {
    if (!supabase) {
      await sql.unsafe(readFileSync(COMPAT_SQL, "utf8"));
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
    if (opts.appPassword) await setAppPassword(sql, opts.appPassword);
    return { applied, supabase };
  } finally {
    await sql`select pg_advisory_unlock(727274)`;
  }
}
