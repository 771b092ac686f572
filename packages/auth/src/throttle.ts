import { asAuthService, type Sql } from "@thads/db";
import {
  ACCOUNT_BACKOFF_AFTER,
  ACCOUNT_BACKOFF_BASE_SECONDS,
  ACCOUNT_BACKOFF_MAX_SECONDS,
  ACCOUNT_WINDOW_MINUTES,
  LOCKOUT_MINUTES,
  MAX_FAILURES_PER_CLIENT,
  MAX_FAILURES_PER_PAIR,
} from "./policy.ts";

const normalEmail = (email: string) => email.trim().toLowerCase();
const emailKey = (email: string) => `email:${normalEmail(email)}`;
const clientKey = (client: string) => `client:${client}`;
const pairKey = (email: string, client: string) => `pair:${normalEmail(email)}|${client}`;

export type ThrottleState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The account's cool-down after `failures` failures within the window (0 below the threshold). */
export function accountCooldownSeconds(failures: number): number {
  if (failures < ACCOUNT_BACKOFF_AFTER) return 0;
  return Math.min(ACCOUNT_BACKOFF_MAX_SECONDS, ACCOUNT_BACKOFF_BASE_SECONDS * 2 ** Math.min(30, failures - ACCOUNT_BACKOFF_AFTER));
}

/**
 * Whether this e-mail may try a password from this client address now. Blocked when the pair
 * (e-mail, address) or the address alone has failed too often recently, or while the e-mail's
 * short cool-down after many failures from everywhere runs. The same answer for known and
 * unknown e-mails; a block on one address never reaches the owner at another.
 */
export async function throttleState(sql: Sql, email: string, client: string): Promise<ThrottleState> {
  const [row] = await asAuthService(
    sql,
    (tx) => tx<
      {
        by_pair: string;
        pair_oldest: number | null;
        by_client: string;
        client_oldest: number | null;
        by_email: string;
        email_last: number | null;
      }[]
    >`
    select
      count(*) filter (where key = ${pairKey(email, client)} and at > now() - make_interval(mins => ${LOCKOUT_MINUTES})) as by_pair,
      extract(epoch from now() - min(at) filter (where key = ${pairKey(email, client)} and at > now() - make_interval(mins => ${LOCKOUT_MINUTES})))::float8 as pair_oldest,
      count(*) filter (where key = ${clientKey(client)} and at > now() - make_interval(mins => ${LOCKOUT_MINUTES})) as by_client,
      extract(epoch from now() - min(at) filter (where key = ${clientKey(client)} and at > now() - make_interval(mins => ${LOCKOUT_MINUTES})))::float8 as client_oldest,
      count(*) filter (where key = ${emailKey(email)}) as by_email,
      extract(epoch from now() - max(at) filter (where key = ${emailKey(email)}))::float8 as email_last
    from app_private.login_attempts
    where key in (${pairKey(email, client)}, ${clientKey(client)}, ${emailKey(email)})
      and not succeeded
      and at > now() - make_interval(mins => ${Math.max(LOCKOUT_MINUTES, ACCOUNT_WINDOW_MINUTES)})`,
  );
  const window = LOCKOUT_MINUTES * 60;
  const waits: number[] = [];
  if (Number(row?.by_pair ?? 0) >= MAX_FAILURES_PER_PAIR) waits.push(window - Number(row!.pair_oldest ?? 0));
  if (Number(row?.by_client ?? 0) >= MAX_FAILURES_PER_CLIENT) waits.push(window - Number(row!.client_oldest ?? 0));
  const cooldown = accountCooldownSeconds(Number(row?.by_email ?? 0));
  if (cooldown > 0 && row?.email_last !== null && row?.email_last !== undefined && Number(row.email_last) < cooldown)
    waits.push(cooldown - Number(row.email_last));
  return waits.length ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits))) } : { allowed: true };
}

/** True when a sign-in with this e-mail from this client address must wait (see throttleState). */
export async function isLockedOut(sql: Sql, email: string, client: string): Promise<boolean> {
  return !(await throttleState(sql, email, client)).allowed;
}

export async function recordAttempt(sql: Sql, email: string, client: string, succeeded: boolean): Promise<void> {
  await asAuthService(sql, async (tx) => {
    await tx`insert into app_private.login_attempts (key, succeeded)
             values (${pairKey(email, client)}, ${succeeded}), (${emailKey(email)}, ${succeeded}), (${clientKey(client)}, ${succeeded})`;
    if (succeeded) {
      // A successful sign-in clears the failure streak of its own pair only: failures from other
      // addresses still count towards the account's cool-down.
      await tx`delete from app_private.login_attempts where key = ${pairKey(email, client)} and not succeeded`;
    }
    // Attempts older than every window are of no further use.
    await tx`delete from app_private.login_attempts
             where key in (${pairKey(email, client)}, ${emailKey(email)}, ${clientKey(client)})
               and at < now() - make_interval(mins => ${2 * Math.max(LOCKOUT_MINUTES, ACCOUNT_WINDOW_MINUTES)})`;
  });
}
