import { redirect } from "react-router";
import { withSessionUser } from "@thads/auth";
import { withClaims, type Claims, type TxSql } from "@thads/db";
import { loadProfileAndMemberships, type Membership } from "@thads/core/current-user";
import { SESSION_COOKIE, readCookie } from "./cookies.server.ts";
import { appSql } from "./db.server.ts";
import { perRequest } from "./request-store.server.ts";

export type { Membership };

export interface CurrentUser {
  id: string;
  email: string;
  fullName: string;
  sessionId: string;
  memberships: Membership[];
  claims: Claims;
}

/** Runs queries as this user, under RLS, in one short transaction. */
export function asUser<T>(user: CurrentUser, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return withClaims(appSql(), user.claims, fn);
}

/**
 * The signed-in user of this request. The session is resolved once per
 * request: the layout's loader and the page's loader share the answer.
 */
export function getUser(request: Request): Promise<CurrentUser | null> {
  const bearer = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(request.headers.get("Authorization") ?? "")?.[1];
  const token = bearer ?? readCookie(request, SESSION_COOKIE);
  if (!token) return Promise.resolve(null);
  return perRequest(`user:${token}`, () => loadUser(token));
}

async function loadUser(token: string): Promise<CurrentUser | null> {
  const found = await withSessionUser(appSql(), token, (tx, session) => loadProfileAndMemberships(tx, session.userId));
  if (!found) return null;
  const { session, claims, value } = found;
  return {
    id: session.userId,
    email: session.email,
    fullName: value.fullName ?? session.email,
    sessionId: session.id,
    claims,
    memberships: value.memberships,
  };
}

/** For every signed-in page: no session → the sign-in page, returning here after. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
