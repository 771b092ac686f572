import { z } from "zod";

/** Defaults of the embedded server: the same as Supabase's local stack. */
export const EMBEDDED_DEFAULTS = {
  host: "127.0.0.1",
  port: 54322,
  user: "postgres",
  password: "postgres",
  database: "postgres",
} as const;

const dbEnvSchema = z.object({
  /** Owner/admin connection (migrations, seeding, scheduled jobs). Unset: the embedded server. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The app's own login (thads_app). Unset: DATABASE_URL with user thads_app and APP_DB_PASSWORD. */
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Password the migration runner sets on thads_app (when APP_DATABASE_URL is unset, or APP_DB_PASSWORD is given). */
  APP_DB_PASSWORD: z.string().min(8).optional(),
  EMBEDDED_PG_DIR: z.string().optional(),
  /** Named prepared statements: on unless the URL is a transaction pooler's (port 6543); false turns them off. */
  DATABASE_PREPARE: z.enum(["true", "false"]).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(EMBEDDED_DEFAULTS.port),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

/**
 * The environment's own variables only, in an object without a prototype: a
 * variable that is not set is never read from a (polluted) Object.prototype.
 */
export function ownEnv(env: NodeJS.ProcessEnv | Record<string, unknown> = process.env): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const key of Object.keys(env)) {
    const value = (env as Record<string, unknown>)[key];
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

/**
 * Parsed settings with every key of the schema present (unset ones as
 * undefined), frozen and without a prototype, so no unset key falls back to
 * Object.prototype.
 */
export function completeSettings<T extends object>(keys: readonly string[], data: T): T {
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of keys) out[k] = undefined;
  for (const k of Object.keys(data)) out[k] = (data as Record<string, unknown>)[k];
  return Object.freeze(out) as T;
}

export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(ownEnv(env));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid database environment:\n${issues}`);
  }
  return completeSettings(Object.keys(dbEnvSchema.shape), parsed.data);
}

export function embeddedUrl(port: number = EMBEDDED_DEFAULTS.port): string {
  const d = EMBEDDED_DEFAULTS;
  return `postgres://${d.user}:${d.password}@${d.host}:${port}/${d.database}`;
}

/** The owner URL: DATABASE_URL, or the embedded server. */
export function ownerUrl(env: DbEnv = readDbEnv()): string {
  return env.DATABASE_URL ?? embeddedUrl(env.EMBEDDED_PG_PORT);
}

/** The app's own login role, created by the migrations (never the platform's authenticator). */
export const APP_LOGIN = "thads_app";

/** Password of thads_app when none is configured: for a local embedded server only. */
export const LOCAL_APP_DB_PASSWORD = "thads-app-local-only";

/**
 * The password the migration runner should set on thads_app: APP_DB_PASSWORD
 * when given; the local default when the app's URL is derived (no
 * APP_DATABASE_URL); otherwise none (the password was set once, by hand).
 */
export function appPasswordToSet(env: DbEnv = readDbEnv()): string | undefined {
  if (env.APP_DB_PASSWORD) return env.APP_DB_PASSWORD;
  return env.APP_DATABASE_URL ? undefined : LOCAL_APP_DB_PASSWORD;
}

/** The app's URL: APP_DATABASE_URL, or the non-privileged thads_app login on the owner's server. */
export function appUrl(env: DbEnv = readDbEnv()): string {
  if (env.APP_DATABASE_URL) return env.APP_DATABASE_URL;
  const url = new URL(ownerUrl(env));
  url.username = APP_LOGIN;
  url.password = env.APP_DB_PASSWORD ?? LOCAL_APP_DB_PASSWORD;
  return url.toString();
}
