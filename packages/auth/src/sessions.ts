import { createHash, randomBytes } from "node:crypto";
import { actAs, actAsAuthService, asAuthService, transaction, type Claims, type Sql, type TxSql } from "@thads/db";
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES, SESSION_TOUCH_SECONDS } from "./policy.ts";

export interface SessionRecord {
  id: string;
  userId: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a server-side session; returns the opaque token for the cookie. */
export async function createSession(
  sql: Sql,
  input: { userId: string; ip?: string; userAgent?: string },
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString("base64url");
  const [row] = await asAuthService(
    sql,
    (tx) => tx<{ id: string }[]>`
    insert into app_private.sessions (token_hash, user_id, expires_at, ip, user_agent)
    values (${hashToken(token)}, ${input.userId}, now() + make_interval(hours => ${SESSION_ABSOLUTE_HOURS}),
            ${input.ip ?? null}, ${input.userAgent?.slice(0, 300) ?? null})
    returning id`,
  );
  return { token, sessionId: row!.id };
}

/**
 * Resolves a session token: valid if not revoked, not past its absolute
 * expiry, and used within the idle timeout, and its user may still sign in
 * (read through app_private.auth_user_email: the app holds no grant on
 * schema auth). Touches last_seen_at when it is over a minute old (SESSION_TOUCH_SECONDS).
 */
export async function resolveSession(sql: Sql, token: string): Promise<SessionRecord | null> {
  if (!token || token.length > 100) return null;
  return asAuthService(sql, (tx) => findSession(tx, token));
}

/** The claims of a session's user, as Supabase Auth puts them in its JWT: what RLS reads. */
export function sessionClaims(session: SessionRecord): Claims {
  return { sub: session.userId, role: "authenticated", aud: "authenticated", email: session.email, session_id: session.id };
}

/**
 * A session token's session and, in the same transaction, what `then` reads as its user (under
 * RLS, with the session's claims): the one transaction a signed-in request needs to know who it
 * is, in three round trips to the database. Null when the token resolves to no valid session.
 */
export async function withSessionUser<T>(
  sql: Sql,
  token: string,
  then: (tx: TxSql, session: SessionRecord) => Promise<T>,
): Promise<{ session: SessionRecord; claims: Claims; value: T } | null> {
  if (!token || token.length > 100) return null;
  return transaction(sql, actAsAuthService, async (tx) => {
    const session = await findSession(tx, token);
    if (!session) return null;
    const claims = sessionClaims(session);
    actAs(tx, claims);
    return { session, claims, value: await then(tx, session) };
  }) as Promise<{ session: SessionRecord; claims: Claims; value: T } | null>;
}

/** The valid session of a token (the transaction running as auth_service). */
async function findSession(tx: TxSql, token: string): Promise<SessionRecord | null> {
  const [row] = await tx<{ id: string; user_id: string; email: string; created_at: Date; expires_at: Date }[]>`
    with valid as (
      select s.id, s.user_id, s.created_at, s.expires_at,
             s.last_seen_at < now() - make_interval(secs => ${SESSION_TOUCH_SECONDS}) as stale
        from app_private.sessions s
       where s.token_hash = ${hashToken(token)}
         and s.revoked_at is null
         and s.expires_at > now()
         and s.last_seen_at > now() - make_interval(mins => ${SESSION_IDLE_MINUTES})
    ), touched as (
      update app_private.sessions s set last_seen_at = now() from valid v where s.id = v.id and v.stale returning s.id
    )
    select v.id, v.user_id, app_private.auth_user_email(v.user_id) as email, v.created_at, v.expires_at
      from valid v
     where app_private.auth_user_email(v.user_id) is not null`;
  if (!row) return null;
  return { id: row.id, userId: row.user_id, email: row.email, createdAt: row.created_at, expiresAt: row.expires_at };
}

export async function revokeSession(sql: Sql, token: string): Promise<void> {
  await asAuthService(
    sql,
    (tx) => tx`
    update app_private.sessions set revoked_at = now()
    where token_hash = ${hashToken(token)} and revoked_at is null`,
  );
}

/** Signs a user out everywhere (e.g. after a password change or a compromise). */
export async function revokeAllSessions(sql: Sql, userId: string): Promise<number> {
  const rows = await asAuthService(
    sql,
    (tx) => tx`
    update app_private.sessions set revoked_at = now()
    where user_id = ${userId} and revoked_at is null returning id`,
  );
  return rows.length;
}
