import { getEnv } from "./env.server.ts";

export const SESSION_COOKIE = "thads_session";
export const CSRF_COOKIE = "thads_csrf";
export const LANG_COOKIE = "thads_lang";

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      // A malformed value (bad percent-encoding) is no value.
      return null;
    }
  }
  return null;
}

export function serializeCookie(name: string, value: string, opts: { maxAge?: number; httpOnly?: boolean } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  // Own keys only: an option not given is never read through Object.prototype.
  const httpOnly = Object.hasOwn(opts, "httpOnly") ? opts.httpOnly !== false : true;
  const maxAge = Object.hasOwn(opts, "maxAge") ? opts.maxAge : undefined;
  if (httpOnly) parts.push("HttpOnly");
  if (getEnv().COOKIE_SECURE === "true") parts.push("Secure");
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
  return parts.join("; ");
}
