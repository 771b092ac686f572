/**
 * The breakdowns' cost on a modest dataset: a fresh embedded database with the demo data
 * (default 20,000 cases), the size of the statistics aggregates with and without the on-request
 * dimension of migration 20261210000100_stat_breakdowns.sql (its rows deleted and the tables
 * vacuumed for "before"), and the read time of a unit's line alone (the API's read before) against
 * the line with its breakdowns (readBreakdown, the API's read now), for the nation and a province,
 * FY2025, as the owner.
 *
 *   npx tsx scripts/bench/stats-breakdown-bench.ts [--cases 20000] [--port 54515] [--iterations 30]
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createOwnerSql, migrate } from "@thads/db";
import { startEmbedded } from "@thads/db/embedded";
import { readBreakdown, readScopeStats } from "@thads/core/stats";
import { seed } from "@thads/demo-data";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "20000" },
    port: { type: "string", default: "54515" },
    iterations: { type: "string", default: "30" },
  },
});
const N = Number(values.iterations);
const dir = mkdtempSync(path.join(os.tmpdir(), "thads-breakdown-bench-"));
const server = await startEmbedded({ dataDir: dir, port: Number(values.port), quiet: true });
const sql = createOwnerSql(server.url, { max: 1 });
try {
  await migrate(sql, { appPassword: "thads-app-bench-only" });
  await seed(sql, { cases: Number(values.cases), history: true });
  const [p] = await sql<{ id: string }[]>`select id from public.units where code = 'P-HAI-PHONG'`;
  const from = "2024-10-01";
  const to = "2025-09-30";
  const median = async (fn: () => Promise<unknown>) => {
    await fn();
    const ts: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await fn();
      ts.push(performance.now() - t);
    }
    return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!.toFixed(1);
  };
  const size = async () => {
    await sql`vacuum full analyze public.stat_daily, public.stat_monthly, public.stat_yearly`;
    const [s] = await sql<{ rows: string; bytes: string }[]>`
      select ((select count(*) from public.stat_daily) + (select count(*) from public.stat_monthly) + (select count(*) from public.stat_yearly))::text as rows,
             pg_size_pretty(pg_total_relation_size('public.stat_daily') + pg_total_relation_size('public.stat_monthly') + pg_total_relation_size('public.stat_yearly')) as bytes`;
    return `${s!.rows} rows, ${s!.bytes}`;
  };
  const reads = async () => ({
    nationLine: await median(() => readScopeStats(sql, { from, to })),
    nationBreakdown: await median(() => readBreakdown(sql, { from, to })),
    provinceLine: await median(() => readScopeStats(sql, { scope: { provinceIds: [p!.id] }, from, to })),
    provinceBreakdown: await median(() => readBreakdown(sql, { scope: { provinceIds: [p!.id] }, from, to })),
  });
  const after = { size: await size(), ...(await reads()) };
  await sql`delete from public.stat_daily where dim = 'dk:on_request'`;
  await sql`delete from public.stat_monthly where dim = 'dk:on_request'`;
  await sql`delete from public.stat_yearly where dim = 'dk:on_request'`;
  const before = { size: await size(), ...(await reads()) };
  console.log(JSON.stringify({ cases: Number(values.cases), before, after }, null, 2));
} finally {
  await sql.end();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
