import { getEnv } from "../utils/env.server.ts";

/** RFC 9116: where to report a vulnerability (docs/security.md). Valid for 180 days from each request. */
export function loader() {
  const expires = new Date(Date.now() + 180 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const body = [`Contact: ${getEnv().SECURITY_CONTACT}`, `Expires: ${expires}`, "Preferred-Languages: vi, en", ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
