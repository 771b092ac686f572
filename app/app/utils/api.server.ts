import { isApiToken, resolveApiToken, type ApiTokenScope } from "@thads/auth";
import type { Claims } from "@thads/db";
import { loadProfileAndMemberships } from "@thads/core/current-user";
import { hasRole, isCreditorOnly } from "@thads/domain";
import { withClaims } from "@thads/db";
import { appSql } from "./db.server.ts";
import { getUser, type CurrentUser } from "./user.server.ts";

/** An API caller: a session (every scope its roles allow) or a creditor organisation's token (its scopes). */
export type ApiUser = CurrentUser & { scopes: readonly ApiTokenScope[] | "session" };

/**
 * The API accepts the session cookie, the same session token as `Authorization: Bearer …`, or a
 * creditor organisation's API token (`Bearer thads_pat_…`). A token over its rate limit gets 429
 * (thrown as a Response); a bad, expired or revoked one is no caller (401).
 */
export async function apiUser(request: Request): Promise<ApiUser | null> {
  const bearer = /^Bearer (\S{20,100})$/.exec(request.headers.get("Authorization") ?? "")?.[1];
  if (bearer && isApiToken(bearer)) {
    const t = await resolveApiToken(appSql(), bearer);
    if (!t.ok && t.reason === "rate_limited") {
      throw apiError(429, "rate_limited", "Mã truy cập đã gửi quá nhiều yêu cầu trong một phút; thử lại sau.", {}, { "Retry-After": "60" });
    }
    if (!t.ok) return null;
    const claims: Claims = { sub: t.accountId, role: "authenticated", aud: "authenticated", email: t.email };
    const { fullName, memberships } = await withClaims(appSql(), claims, (tx) => loadProfileAndMemberships(tx, t.accountId));
    // A token is a creditor organisation's: an account with any staff role reads nothing through one.
    if (!isCreditorOnly(memberships)) return null;
    return {
      id: t.accountId,
      email: t.email,
      fullName: fullName ?? t.email,
      sessionId: `token:${t.tokenId}`,
      claims,
      memberships,
      scopes: t.scopes,
    };
  }
  const user = await getUser(request);
  return user ? { ...user, scopes: "session" } : null;
}

/**
 * The caller of a staff endpoint (/api/v1/cases, /api/v1/stats): a signed-in session. A creditor's
 * API token reads the creditor endpoints only, and a creditor-only account uses none of the staff
 * ones unless `creditors` says so. Otherwise the error Response to return.
 */
export async function staffApiCaller(request: Request, opts: { creditors?: boolean } = {}): Promise<ApiUser | Response> {
  const user = await apiUser(request);
  if (!user) return apiError(401, "unauthenticated", "Chưa đăng nhập hoặc phiên đã hết hạn.");
  if (user.scopes !== "session") return apiError(403, "forbidden", "Mã truy cập API chỉ dùng cho /api/v1/creditor/….");
  if (!opts.creditors && isCreditorOnly(user.memberships)) {
    return apiError(403, "forbidden", "Tài khoản người được thi hành án không dùng API của cán bộ.");
  }
  return user;
}

/** The caller of a creditor endpoint: a creditor account, by session or by a token holding `scope`. Otherwise the error Response. */
export async function creditorApiCaller(request: Request, scope: ApiTokenScope): Promise<ApiUser | Response> {
  const user = await apiUser(request);
  if (!user) return apiError(401, "unauthenticated", "Chưa đăng nhập, mã truy cập sai, đã hết hạn hoặc đã thu hồi.");
  if (!hasRole(user.memberships, "creditor")) return apiError(403, "forbidden", "Chỉ tài khoản người được thi hành án.");
  if (!hasScope(user, scope)) return apiError(403, "insufficient_scope", `Mã truy cập không có quyền ${scope}.`);
  return user;
}

/** Whether the caller may use a scope: a session may (its roles decide), a token only if it holds it. */
export function hasScope(user: ApiUser, scope: ApiTokenScope): boolean {
  return user.scopes === "session" || user.scopes.includes(scope);
}

export function apiError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
