import { isLockedOut, recordAttempt, signInWithSupabase, verifyPassword, createSession } from "@thads/auth";
import { appSql } from "../utils/db.server.ts";
import { getEnv, type AppEnv } from "../utils/env.server.ts";

export type SignInOutcome =
  | { ok: true; token: string }
  | { ok: false; reason: "invalid" | "locked" | "unavailable" };

/** Supabase Auth only when both of its own settings are set; local otherwise. */
export function signInMode(env: AppEnv = getEnv()): "supabase" | "local" {
  return Object.hasOwn(env, "SUPABASE_URL") && env.SUPABASE_URL && env.SUPABASE_ANON_KEY ? "supabase" : "local";
}

/**
 * Signs in through Supabase Auth when configured, else against auth.users.
 * Unknown e-mails and wrong passwords get the same answer, and both count
 * towards the lockout.
 */
export async function signIn(input: { email: string; password: string; client: string; userAgent?: string }): Promise<SignInOutcome> {
  const sql = appSql();
  const env = getEnv();
  if (await isLockedOut(sql, input.email, input.client)) return { ok: false, reason: "locked" };

  let userId: string | null = null;
  if (signInMode(env) === "supabase") {
    const result = await signInWithSupabase({ url: env.SUPABASE_URL!, anonKey: env.SUPABASE_ANON_KEY!, fetch: undefined }, input.email, input.password);
    if (!result.ok && result.reason === "unavailable") return { ok: false, reason: "unavailable" };
    userId = result.ok ? result.userId : null;
  } else {
    userId = (await verifyPassword(sql, input.email, input.password))?.userId ?? null;
  }

  await recordAttempt(sql, input.email, input.client, userId !== null);
  if (!userId) return { ok: false, reason: "invalid" };
  const session = await createSession(sql, { userId, ip: input.client, userAgent: input.userAgent });
  return { ok: true, token: session.token };
}
