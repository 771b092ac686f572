import { z } from "zod";
import { completeSettings, ownEnv, readDbEnv, type DbEnv } from "@thads/db";
import { isIsoDate, setSimulatedToday } from "@thads/domain";

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
  /**
   * Rehearsals and end-to-end tests only: the server's fixed "today" (YYYY-MM-DD), to see what the
   * law's long time limits lead to. The database honours it only where its owner has allowed it
   * (app_private.clock); every page shows the simulated day.
   */
  THADS_SIMULATED_TODAY: z
    .string()
    .refine((d) => isIsoDate(d), "a date YYYY-MM-DD")
    .optional(),
});

const appEnvSchema = appEnvShape.refine((e) => Boolean(e.SUPABASE_URL) === Boolean(e.SUPABASE_ANON_KEY), {
  message: "SUPABASE_URL and SUPABASE_ANON_KEY go together",
  path: ["SUPABASE_ANON_KEY"],
});

// The simulated day is set when the server's code loads, before any request asks for today.
const simulated = appEnvShape.shape.THADS_SIMULATED_TODAY.parse(process.env.THADS_SIMULATED_TODAY || undefined);
if (simulated) {
  setSimulatedToday(simulated);
  console.warn(`THADS_SIMULATED_TODAY: this server's today is ${simulated} (a rehearsal, not the real day).`);
}

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
