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
  /** The app's own login (authenticator). Unset: derived from DATABASE_URL with the authenticator credentials. */
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  AUTHENTICATOR_PASSWORD: z.string().min(8).default("authenticator-local-only"),
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

/** The app's URL: the non-privileged authenticator login on the same server. */
export function appUrl(env: DbEnv = readDbEnv()): string {
  if (env.APP_DATABASE_URL) return env.APP_DATABASE_URL;
  const url = new URL(ownerUrl(env));
  url.username = "authenticator";
  url.password = env.AUTHENTICATOR_PASSWORD;
  return url.toString();
}
