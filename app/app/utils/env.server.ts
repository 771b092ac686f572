import { z } from "zod";
import { completeSettings, ownEnv, readDbEnv, type DbEnv } from "@thads/db";

const appEnvShape = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Supabase Auth: both set → sign-in goes through Supabase Auth. */
  SUPABASE_URL: z.url().optional(),
  SUPABASE_ANON_KEY: z.string().min(20).optional(),
  /** Mark cookies Secure (set when served over https). */
  COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  /** Public origin(s) allowed to post forms, comma-separated; default: the request's own origin. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** Where vulnerabilities are reported (served as /.well-known/security.txt): a mailto: or https: URI. */
  SECURITY_CONTACT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "a mailto: or https: URI")
    .default("mailto:security@thads.gov.vn"),
});

const appEnvSchema = appEnvShape.refine((e) => Boolean(e.SUPABASE_URL) === Boolean(e.SUPABASE_ANON_KEY), {
  message: "SUPABASE_URL and SUPABASE_ANON_KEY go together",
  path: ["SUPABASE_ANON_KEY"],
});

export type AppEnv = z.infer<typeof appEnvSchema> & { db: DbEnv };

let cached: AppEnv | undefined;

/** Validated once at boot; a bad variable stops the server with a clear message. */
export function getEnv(): AppEnv {
  if (cached) return cached;
  // Own variables only, parsed into an object with every key present and no prototype.
  const parsed = appEnvSchema.safeParse(ownEnv(process.env));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${issues}`);
  }
  cached = completeSettings([...Object.keys(appEnvShape.shape), "db"], { ...parsed.data, db: readDbEnv() });
  return cached;
}
