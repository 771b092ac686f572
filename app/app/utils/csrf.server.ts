import { randomBytes, timingSafeEqual } from "node:crypto";
import { CSRF_COOKIE, readCookie, serializeCookie } from "./cookies.server.ts";
import { getEnv } from "./env.server.ts";

/** The token for forms on this page; a new cookie when the browser has none. */
export function csrfToken(request: Request): { token: string; setCookie: string | null } {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: serializeCookie(CSRF_COOKIE, token) };
}

export class CsrfError extends Error {}

/**
 * Form posts must come from our own origin and carry the token that matches
 * the cookie (double submit). SameSite=Lax cookies are a third line.
 */
export function assertCsrf(request: Request, formData: FormData): void {
  const origin = request.headers.get("Origin");
  const allowed = new Set([
    new URL(request.url).origin,
    ...(getEnv()
      .ALLOWED_ORIGINS?.split(",")
      .map((o) => o.trim()) ?? []),
  ]);
  if (origin && origin !== "null" && !allowed.has(origin)) throw new CsrfError("origin");
  const cookie = readCookie(request, CSRF_COOKIE);
  const field = formData.get("csrf");
  if (!cookie || typeof field !== "string" || field.length !== cookie.length) throw new CsrfError("token");
  if (!timingSafeEqual(Buffer.from(cookie), Buffer.from(field))) throw new CsrfError("token");
}
