import type { Sql } from "@thads/db";
import { recordAttempt, throttleState } from "./throttle.ts";

/** A password check: the embedded one (verifyPassword) or Supabase Auth's. */
export type PasswordCheck = (
  email: string,
  password: string,
) => Promise<{ ok: true; userId: string } | { ok: false; reason: "invalid" | "unavailable" }>;

export type ThrottledOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "unavailable" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * One sign-in attempt under the throttle: refused while the (e-mail, address) pair, the address,
 * or the e-mail's cool-down says wait; otherwise the password is checked and the attempt counted.
 * Unknown e-mails and wrong passwords get the same answer and count the same way.
 */
export async function throttledSignIn(
  sql: Sql,
  input: { email: string; password: string; client: string },
  check: PasswordCheck,
): Promise<ThrottledOutcome> {
  const state = await throttleState(sql, input.email, input.client);
  if (!state.allowed) return { ok: false, reason: "locked", retryAfterSeconds: state.retryAfterSeconds };
  const result = await check(input.email, input.password);
  if (!result.ok && result.reason === "unavailable") return result;
  await recordAttempt(sql, input.email, input.client, result.ok);
  return result.ok ? { ok: true, userId: result.userId } : { ok: false, reason: "invalid" };
}
