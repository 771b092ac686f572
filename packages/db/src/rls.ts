import { simulatedToday } from "@thads/domain";
import type { Sql, TxSql } from "./clients.ts";

/** The JWT claims that drive RLS, as Supabase Auth issues them. */
export interface Claims {
  sub: string;
  role: "authenticated";
  email?: string;
  aud?: string;
  session_id?: string;
  [key: string]: unknown;
}

/**
 * Sends a statement of the transaction without waiting for its answer: it goes out together with
 * the statement that follows (one round trip to the server instead of two), which runs after it.
 * Should it fail, the transaction fails with its error (postgres.js reports the first error of a
 * transaction's statements) and nothing that follows is committed.
 */
function pipelined(query: PromiseLike<unknown> & { execute(): unknown; catch(fn: () => void): unknown }): void {
  query.execute();
  query.catch(() => {});
}

/** Sets a setting for the rest of the current transaction (set_config(..., true)), pipelined likewise. */
export function setLocal(tx: TxSql, name: string, value: string): void {
  pipelined(tx`select set_config(${name}, ${value}, true)`);
}

/**
 * Switches the current transaction to a signed-in user: role `authenticated` and the user's
 * claims, transaction-local (set_config(..., true)), so a transaction pooler can share the
 * connection safely. Pipelined with the statement that follows.
 */
export function actAs(tx: TxSql, claims: Claims): void {
  pipelined(tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`);
  tellSimulatedDay(tx);
}

/** Switches the current transaction to auth_service (sign-in, sessions, throttling), pipelined likewise. */
export function actAsAuthService(tx: TxSql): void {
  pipelined(tx`select set_config('role', 'auth_service', true)`);
  tellSimulatedDay(tx);
}

/**
 * On a rehearsal server (a simulated day, @thads/domain setSimulatedToday), the transaction's
 * "today" for app_private.today_vn(); the database honours it only where its owner allows
 * (app_private.clock, migration 20261215000200).
 */
function tellSimulatedDay(tx: TxSql): void {
  const day = simulatedToday();
  if (day !== null) setLocal(tx, "thads.today", day);
}

/** Runs fn in one short transaction as `authenticated` with the user's claims. */
export function withClaims<T>(sql: Sql, claims: Claims, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return sql.begin((tx) => {
    actAs(tx, claims);
    return fn(tx);
  }) as Promise<T>;
}

/** Runs fn in one transaction as the public (`anon`). */
export function asAnon<T>(sql: Sql, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return sql.begin((tx) => {
    pipelined(tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', ${JSON.stringify({ role: "anon" })}, true)`);
    tellSimulatedDay(tx);
    return fn(tx);
  }) as Promise<T>;
}

/** Runs fn as auth_service: sign-in, sessions, throttling. Nothing else. */
export function asAuthService<T>(sql: Sql, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return sql.begin((tx) => {
    actAsAuthService(tx);
    return fn(tx);
  }) as Promise<T>;
}

/**
 * Switches the current transaction from the signed-in user (`authenticated`)
 * to `case_writer`, the role that alone may write cases, parties,
 * obligations and ledger events. Same claims, same policies: the user's RLS
 * scope still decides which rows. Only the case service calls this, after it
 * has applied the lifecycle rules. A transaction that is not running as
 * `authenticated` (the owner's maintenance paths) is left as it is.
 */
export async function asCaseWriter(tx: TxSql): Promise<void> {
  await tx`select set_config('role', 'case_writer', true) where current_user = 'authenticated'`;
}
