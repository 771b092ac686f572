/**
 * Fixed-window rate limits per client for the public posts (filing, tracking, rating).
 *
 * The client is the address Express reports (`req.ip`): the socket's peer, or — only when the
 * server is started with TRUST_PROXY naming the proxies in front of it — the address that proxy
 * put in X-Forwarded-For. Without TRUST_PROXY a client cannot pick its own identity with a header.
 *
 * Counters live in the database (app_private.request_limits, written only by the auth service),
 * so several app servers behind a balancer count one window per client.
 */
import { asAuthService, type Sql } from "@thads/db";
import { countPost } from "@thads/core/requests";
import { appSql } from "../../utils/db.server.ts";

export interface LimitRule {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const LIMITS = {
  /** New requests per client per minute. */
  submit: { max: envInt("PUBLIC_SUBMIT_LIMIT", 20), windowMs: 60_000 },
  /** Status look-ups per client per minute (slows guessing of second factors). */
  track: { max: envInt("PUBLIC_TRACK_LIMIT", 20), windowMs: 60_000 },
  rate: { max: envInt("PUBLIC_RATE_LIMIT", 10), windowMs: 60_000 },
} satisfies Record<string, LimitRule>;

export type LimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts one post of `client` in `bucket`; refused once the window's allowance is spent. */
export async function hit(sql: Sql, bucket: keyof typeof LIMITS, client: string, rule: LimitRule = LIMITS[bucket]): Promise<LimitResult> {
  const row = await asAuthService(sql, (tx) => countPost(tx, bucket, client, rule.windowMs / 1000));
  if (row.hits > rule.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(row.left_ms / 1000)) };
  return { ok: true, remaining: rule.max - row.hits };
}

/** A public post of this client, counted on the app's pool. */
export function limitPublicPost(bucket: keyof typeof LIMITS, client: string): Promise<LimitResult> {
  return hit(appSql(), bucket, client);
}

export function clientOf(context: unknown): string {
  return (context as { clientAddress?: string } | undefined)?.clientAddress ?? "unknown";
}
