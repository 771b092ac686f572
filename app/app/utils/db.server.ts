import { appUrl, createAppSql, type Sql } from "@thads/db";
import { rethrowDbInputError } from "./db-errors.server.ts";
import { getEnv } from "./env.server.ts";

declare global {
  // Survives module reloads in development.
  var __thadsAppSql: Sql | undefined;
}

/**
 * Every transaction of a request (as a user, as the public, as the sign-in
 * service) runs through `begin`: a data error Postgres raises there becomes a
 * 4xx answer instead of a 500 (see db-errors.server.ts).
 */
function withInputErrorNet(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "begin") {
        return (...args: unknown[]) => (target.begin as (...a: unknown[]) => Promise<unknown>)(...args).catch(rethrowDbInputError);
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** The app's pool, logged in as thads_app (never the owner). */
export function appSql(): Sql {
  globalThis.__thadsAppSql ??= withInputErrorNet(createAppSql(appUrl(getEnv().db)));
  return globalThis.__thadsAppSql;
}
