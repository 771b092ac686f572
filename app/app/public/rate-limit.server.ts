/**
 * Fixed-window rate limits per client for the public posts (filing, tracking, rating).
 *
 * The client is the address Express reports (`req.ip`): the socket's peer, or — only when the
 * server is started with TRUST_PROXY naming the proxies in front of it — the address that proxy
 * put in X-Forwarded-For. Without TRUST_PROXY a client cannot pick its own identity with a header.
 *
 * Counters live in this process's memory: one app server (the current deployment). Several
 * servers behind a balancer need a shared counter (docs/decisions/012-public-pages.md).
 */
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

interface Window {
  start: number;
  count: number;
}
const windows = new Map<string, Window>();
let lastSweep = 0;

export type LimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export function hit(bucket: keyof typeof LIMITS, client: string, now = Date.now()): LimitResult {
  const rule = LIMITS[bucket];
  if (now - lastSweep > 60_000) {
    lastSweep = now;
    for (const [k, w] of windows) if (now - w.start >= 10 * 60_000) windows.delete(k);
  }
  const key = `${bucket}:${client}`;
  let w = windows.get(key);
  if (!w || now - w.start >= rule.windowMs) {
    w = { start: now, count: 0 };
    windows.set(key, w);
  }
  w.count++;
  if (w.count > rule.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + rule.windowMs - now) / 1000)) };
  return { ok: true, remaining: rule.max - w.count };
}

export function clientOf(context: unknown): string {
  return (context as { clientAddress?: string } | undefined)?.clientAddress ?? "unknown";
}
