import type { TxSql } from "@thads/db";

/*
 * Fixed-window counters of the public posts, per bucket and client, in app_private.request_limits
 * (written only by the auth service: run these in its transaction). Several app servers count one
 * window per client.
 */

/** Windows idle this long are deleted now and then, by the hit that happens to come along. */
const STALE_AFTER_MS = 24 * 60 * 60_000;

/** Counts one post of `client` in `bucket`: the hits in the current window and the milliseconds left of it. */
export async function countPost(tx: TxSql, bucket: string, client: string, seconds: number): Promise<{ hits: number; left_ms: number }> {
  if (Math.random() < 0.01) {
    await tx`delete from app_private.request_limits where window_start < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})`;
  }
  const [row] = await tx<{ hits: number; left_ms: number }[]>`
    insert into app_private.request_limits as l (bucket, client, window_start, hits)
    values (${bucket}, ${client.slice(0, 200)}, now(), 1)
    on conflict (bucket, client) do update set
      window_start = case when l.window_start <= now() - make_interval(secs => ${seconds}) then now() else l.window_start end,
      hits = case when l.window_start <= now() - make_interval(secs => ${seconds}) then 1 else l.hits + 1 end
    returning hits, (extract(epoch from window_start + make_interval(secs => ${seconds}) - now()) * 1000)::int as left_ms`;
  return row!;
}
