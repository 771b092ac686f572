/**
 * The units a unit took over from in a reorganisation (public.unit_successions, ADR 029), with
 * their predecessors in turn: a unit's "same period last year" adds up its own figures and theirs,
 * and the pages name them.
 */
import type { TxSql } from "@thads/db";

export interface Predecessor {
  id: string;
  code: string;
  name: string;
  /** The day the successor took over (yyyy-mm-dd). */
  effectiveOn: string;
  /** The predecessor's last day (the day before). */
  lastDay: string;
}

/** For each of the units, every unit it succeeded, directly or through another (nearest first). */
export async function predecessorsOf(tx: TxSql, unitIds: readonly string[]): Promise<Map<string, Predecessor[]>> {
  const out = new Map<string, Predecessor[]>();
  if (unitIds.length === 0) return out;
  const rows = await tx<{ successor: string; id: string; code: string; name: string; effective_on: string; last_day: string }[]>`
    with recursive chain (successor, predecessor, effective_on, depth) as (
      select s.successor_id, s.predecessor_id, s.effective_on, 1
        from public.unit_successions s where s.successor_id = any (${unitIds as string[]}::uuid[])
      union all
      select c.successor, s.predecessor_id, s.effective_on, c.depth + 1
        from chain c join public.unit_successions s on s.successor_id = c.predecessor
       where c.depth < 20
    )
    select distinct on (c.successor, c.predecessor) c.successor, u.id, u.code, u.name, c.effective_on::text as effective_on,
           (c.effective_on - 1)::text as last_day, c.depth
      from chain c join public.units u on u.id = c.predecessor
     order by c.successor, c.predecessor, c.depth`;
  rows.sort((a, b) => (a.effective_on === b.effective_on ? a.code.localeCompare(b.code) : a.effective_on < b.effective_on ? 1 : -1));
  for (const r of rows) {
    const list = out.get(r.successor) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name, effectiveOn: r.effective_on, lastDay: r.last_day });
    out.set(r.successor, list);
  }
  return out;
}
