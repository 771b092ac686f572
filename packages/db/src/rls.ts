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

/**
 * Runs fn in one transaction whose handle refuses every statement once fn has settled. Reads sent
 * together (Promise.all) end the transaction at the first failure, while another branch may still
 * be running; a statement that branch sent afterwards would run outside the transaction, on a
 * connection another request may by then be using (postgres.js sends it on whatever the
 * connection does next), with that request's role and claims. Here it is refused with an error.
 * `setup` runs on the transaction before fn (the role and claims).
 */
export function transaction<T>(sql: Sql, setup: (tx: TxSql) => void, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    setup(tx);
    let open = true;
    try {
      return await fn(closable(tx, () => open));
    } finally {
      open = false;
    }
  }) as Promise<T>;
}

/** The statements a transaction's handle sends: its tagged template and these methods. */
const SENDING = new Set<PropertyKey>(["unsafe", "file", "savepoint"]);

export class TransactionEndedError extends Error {
  constructor() {
    super("The transaction has ended: a statement sent after its end is refused (it would run outside it).");
    this.name = "TransactionEndedError";
  }
}

function closable(tx: TxSql, isOpen: () => boolean): TxSql {
  return new Proxy(tx, {
    apply(target, self, args) {
      if (!isOpen()) throw new TransactionEndedError();
      return Reflect.apply(target, self, args);
    },
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function" || !SENDING.has(prop)) return value;
      return (...args: unknown[]) => {
        if (!isOpen()) throw new TransactionEndedError();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Runs fn in one short transaction as `authenticated` with the user's claims. */
export function withClaims<T>(sql: Sql, claims: Claims, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return transaction(sql, (tx) => actAs(tx, claims), fn);
}

/** Runs fn in one transaction as the public (`anon`). */
export function asAnon<T>(sql: Sql, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return transaction(
    sql,
    (tx) => {
      pipelined(tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', ${JSON.stringify({ role: "anon" })}, true)`);
      tellSimulatedDay(tx);
    },
    fn,
  );
}

/** Runs fn as auth_service: sign-in, sessions, throttling. Nothing else. */
export function asAuthService<T>(sql: Sql, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return transaction(sql, actAsAuthService, fn);
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
