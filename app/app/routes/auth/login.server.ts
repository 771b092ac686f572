import { createSession, signInWithSupabase, throttledSignIn, verifyPassword, type PasswordCheck } from "@thads/auth";
import { appSql } from "../../utils/db.server.ts";
import { getEnv, type AppEnv } from "../../utils/env.server.ts";

export type SignInOutcome =
  | { ok: true; token: string }
  | { ok: false; reason: "invalid" | "unavailable" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/** Supabase Auth only when both of its own settings are set; local otherwise. */
export function signInMode(env: AppEnv = getEnv()): "supabase" | "local" {
  return Object.hasOwn(env, "SUPABASE_URL") && env.SUPABASE_URL && env.SUPABASE_ANON_KEY ? "supabase" : "local";
}

/**
 * Signs in through Supabase Auth when configured, else against auth.users, under the sign-in
 * throttle (per e-mail and address, per address, and a short cool-down per e-mail). Unknown
 * e-mails and wrong passwords get the same answer, and both count.
 */
export async function signIn(input: { email: string; password: string; client: string; userAgent?: string }): Promise<SignInOutcome> {
  const sql = appSql();
  const env = getEnv();
  const check: PasswordCheck =
    signInMode(env) === "supabase"
      ? async (email, password) => {
          const result = await signInWithSupabase(
            { url: env.SUPABASE_URL!, anonKey: env.SUPABASE_ANON_KEY!, fetch: undefined },
            email,
            password,
          );
          return result.ok
            ? { ok: true, userId: result.userId }
            : { ok: false, reason: result.reason === "unavailable" ? "unavailable" : "invalid" };
        }
      : async (email, password) => {
          const user = await verifyPassword(sql, email, password);
          return user ? { ok: true, userId: user.userId } : { ok: false, reason: "invalid" };
        };
  const outcome = await throttledSignIn(sql, input, check);
  if (!outcome.ok) return outcome;
  const session = await createSession(sql, { userId: outcome.userId, ip: input.client, userAgent: input.userAgent });
  return { ok: true, token: session.token };
}
