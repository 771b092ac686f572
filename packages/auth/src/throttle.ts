import { asAuthService, type Sql } from "@thads/db";
import { LOCKOUT_MINUTES, MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL } from "./policy.ts";

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const clientKey = (client: string) => `client:${client}`;

/**
 * True when this e-mail (whether or not it exists) or this client has failed
 * too often recently: the same answer for known and unknown addresses.
 */
export async function isLockedOut(sql: Sql, email: string, client: string): Promise<boolean> {
  const [row] = await asAuthService(sql, (tx) => tx<{ by_email: bigint; by_client: bigint }[]>`
    select
      count(*) filter (where key = ${emailKey(email)}) as by_email,
      count(*) filter (where key = ${clientKey(client)}) as by_client
    from app_private.login_attempts
    where key in (${emailKey(email)}, ${clientKey(client)})
      and not succeeded
      and at > now() - make_interval(mins => ${LOCKOUT_MINUTES})`);
  return Number(row?.by_email ?? 0) >= MAX_FAILURES_PER_EMAIL || Number(row?.by_client ?? 0) >= MAX_FAILURES_PER_CLIENT;
}

export async function recordAttempt(sql: Sql, email: string, client: string, succeeded: boolean): Promise<void> {
  await asAuthService(sql, async (tx) => {
    await tx`insert into app_private.login_attempts (key, succeeded)
             values (${emailKey(email)}, ${succeeded}), (${clientKey(client)}, ${succeeded})`;
    if (succeeded) {
      // A successful sign-in clears the address's failure streak.
      await tx`delete from app_private.login_attempts where key = ${emailKey(email)} and not succeeded`;
    }
  });
}
