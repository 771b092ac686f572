import { appUrl, createAppSql, type Sql } from "@thads/db";
import { getEnv } from "./env.server.ts";

declare global {
  // Survives module reloads in development.
  var __thadsAppSql: Sql | undefined;
}

/** The app's pool, logged in as thads_app (never the owner). */
export function appSql(): Sql {
  globalThis.__thadsAppSql ??= createAppSql(appUrl(getEnv().db));
  return globalThis.__thadsAppSql;
}
