import { redirect } from "react-router";
import { resolveSession } from "@thads/auth";
import { withClaims, type Claims, type TxSql } from "@thads/db";
import type { MembershipRef, Role, UnitKind } from "@thads/domain";
import { SESSION_COOKIE, readCookie } from "./cookies.server.ts";
import { appSql } from "./db.server.ts";
import { perRequest } from "./request-store.server.ts";

export interface Membership extends MembershipRef {
  unitId: string | null;
  unitName: string | null;
  provinceId: string | null;
  provinceName: string | null;
}

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
  const session = await resolveSession(appSql(), token);
  if (!session) return null;
  const claims: Claims = {
    sub: session.userId,
    role: "authenticated",
    aud: "authenticated",
    email: session.email,
    session_id: session.id,
  };
  return withClaims(appSql(), claims, async (tx) => {
    const [profile] = await tx<{ full_name: string }[]>`select full_name from public.profiles where id = ${session.userId}`;
    const rows = await tx<{
      role: Role; unit_id: string | null; kind: UnitKind | null; code: string | null; unit_name: string | null;
      province_id: string | null; province_slug: string | null; province_name: string | null;
    }[]>`
      select m.role, m.unit_id, u.kind, u.code, u.name as unit_name,
             m.province_id, p.slug as province_slug, p.name as province_name
      from public.memberships m
      left join public.units u on u.id = m.unit_id
      left join public.units p on p.id = m.province_id
      where m.user_id = ${session.userId}`;
    return {
      id: session.userId,
      email: session.email,
      fullName: profile?.full_name ?? session.email,
      sessionId: session.id,
      claims,
      memberships: rows.map((r) => ({
        role: r.role,
        unitKind: r.kind,
        unitCode: r.code,
        unitId: r.unit_id,
        unitName: r.unit_name,
        provinceId: r.province_id,
        provinceSlug: r.province_slug,
        provinceName: r.province_name,
      })),
    };
  });
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
