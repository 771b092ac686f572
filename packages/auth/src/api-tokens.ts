import { createHash, randomBytes } from "node:crypto";
import { asAuthService, type Sql } from "@thads/db";
import type { TokenScope } from "@thads/domain";

/** What an API token may do: the domain's list, which the database checks too. */
export type ApiTokenScope = TokenScope;

/** The marker every API token starts with: told apart from a session token at a glance. */
export const API_TOKEN_MARK = "thads_pat_";
/** Requests a token may make in one minute (every worker counts in the database). */
export const API_TOKEN_PER_MINUTE = 120;

const TOKEN_RE = /^thads_pat_[A-Za-z0-9_-]{43}$/;

/** A new token: the secret shown once, its SHA-256 (stored) and the prefix shown in the list. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_MARK}${randomBytes(32).toString("base64url")}`;
  return { token, hash: apiTokenHash(token), prefix: token.slice(0, API_TOKEN_MARK.length + 6).replace(/-/g, "_") };
}

export function apiTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isApiToken(value: string): boolean {
  return TOKEN_RE.test(value);
}

export type ResolvedApiToken =
  | { ok: true; tokenId: string; accountId: string; email: string; scopes: ApiTokenScope[] }
  | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Resolves an API token: live (not revoked, not expired) and its account still able to sign in.
 * Records the use; over API_TOKEN_PER_MINUTE requests in the current minute it is `rate_limited`.
 */
export async function resolveApiToken(sql: Sql, token: string, perMinute = API_TOKEN_PER_MINUTE): Promise<ResolvedApiToken> {
  if (!isApiToken(token)) return { ok: false, reason: "invalid" };
  const [row] = await asAuthService(
    sql,
    (tx) => tx<{ token_id: string; account_id: string; email: string; scopes: ApiTokenScope[]; limited: boolean }[]>`
      select token_id, account_id, email, scopes, limited from app_private.resolve_api_token(${apiTokenHash(token)}, ${perMinute})`,
  );
  if (!row) return { ok: false, reason: "invalid" };
  if (row.limited) return { ok: false, reason: "rate_limited" };
  return { ok: true, tokenId: row.token_id, accountId: row.account_id, email: row.email, scopes: row.scopes };
}
