/**
 * Regenerates supabase/schema.sql (`npm run db:schema`): starts a throwaway embedded
 * PostgreSQL shaped as a Supabase project (as the database tests do), applies every
 * migration, writes the catalog's definition of every object (schema-dump.ts), stops.
 */
import { mkdtempSync, rmSync, chmodSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createOwnerSql } from "../clients.ts";
import { freePort, startEmbedded } from "../embedded.ts";
import { migrate } from "../migrate.ts";
import { dumpSchema, SCHEMA_SQL } from "../schema-dump.ts";

const dir = mkdtempSync(path.join(tmpdir(), "thads-schema-"));
chmodSync(dir, 0o755);
const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: await freePort(), quiet: true, persistent: false });
try {
  const sql = createOwnerSql(server.url, { max: 1 });
  try {
    await migrate(sql);
    writeFileSync(SCHEMA_SQL, await dumpSchema(sql));
  } finally {
    await sql.end();
  }
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_SQL)}.`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
