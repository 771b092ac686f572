import { getUser, type CurrentUser } from "./user.server.ts";

/** The API accepts the session cookie, or the same session token as `Authorization: Bearer …`. */
export function apiUser(request: Request): Promise<CurrentUser | null> {
  return getUser(request);
}

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}
