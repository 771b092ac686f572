/**
 * Benchmark of the statistics at national scale: server time of the national dashboard and of a
 * province's report forms (the pages' own queries, under RLS), against the same figures computed
 * by brute force from the raw events in the same run; and the time to record a case event with
 * the aggregates kept current (the case service's recordEvent, in a transaction rolled back).
 *
 *   npx tsx scripts/bench/stats-bench.ts --data-dir <embedded data dir> [--iterations 30] [--brute 3]
 *
 * The database must already hold the cases (e.g. the 5M case-list benchmark database); the
 * migrations are applied to it first (the statistics migration builds the aggregates from the
 * raw events), which is timed too.
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createAppSql, createOwnerSql, migrate, withClaims, type TxSql } from "@thads/db";
import { bruteForceStats, type StatUnit } from "@thads/core/stats";
import { startEmbedded } from "@thads/db/embedded";
import { recordEvent } from "@thads/core";
import { buildModel } from "@thads/demo-data";
import { childrenStats, nationalDashboardStats, unitStats } from "@thads/core/stats";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    port: { type: "string", default: "54361" },
    iterations: { type: "string", default: "30" },
    brute: { type: "string", default: "3" },
    from: { type: "string", default: "2025-10-01" },
    to: { type: "string", default: "2026-10-31" },
  },
});
if (!values["data-dir"]) throw new Error("--data-dir is required");
const N = Number(values.iterations);
const B = Number(values.brute);
const { from, to } = { from: values.from!, to: values.to! };
const AUTH_PW = "thads-app-bench-only";
const server = await startEmbedded({ dataDir: path.resolve(values["data-dir"]), port: Number(values.port), quiet: true });
const owner = createOwnerSql(server.url, { max: 1 });
const tm = performance.now();
const { applied } = await migrate(owner, { appPassword: AUTH_PW, log: (m) => console.log(`  ${m}`) });
console.log(`migrations: ${applied.length} applied in ${((performance.now() - tm) / 1000).toFixed(1)} s`);
await owner`analyze public.stat_daily`;
await owner`analyze public.stat_monthly`;
const appUrl = new URL(server.url);
appUrl.username = "thads_app";
appUrl.password = AUTH_PW;
const app = createAppSql(appUrl.toString(), { max: 4 });

const [sizes] = await owner<{ cases: bigint; events: bigint; daily: bigint; monthly: bigint }[]>`
  select (select count(*) from public.cases) as cases, (select count(*) from public.case_events) as events,
         (select count(*) from public.stat_daily) as daily, (select count(*) from public.stat_monthly) as monthly`;
console.log(`data: ${sizes!.cases} cases, ${sizes!.events} events; aggregates: ${sizes!.daily} daily rows, ${sizes!.monthly} monthly rows`);

const model = buildModel();
const nationalUser = model.users.find((u) => u.email.startsWith("national.admin@"))!;
const provinceHead = model.users.find((u) => u.email.startsWith("hai-phong.head@"))!;
const unitOf = async (code: string) =>
  (
    await owner<
      StatUnit[]
    >`select id, kind, code, name, province_id, merged_into_id, dissolved_on::text from public.units where code = ${code}`
  )[0]!;
const nation = await unitOf("NATIONAL");
const province = await unitOf("P-HAI-PHONG");

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function time(n: number, fn: () => Promise<unknown>, warm = true) {
  if (warm) await fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return { p50: pct(ts, 50), p95: pct(ts, 95) };
}
const as = <T>(user: string, fn: (tx: TxSql) => Promise<T>) => withClaims(app, { sub: user, role: "authenticated" }, fn);

// The national dashboard's statistics (league table with last year and targets, totals, panels, trend).
// The national page's loader calls the same nationalDashboardStats: its reads run at once, each
// in a transaction of its own as the user.
const dashboard = () => nationalDashboardStats((fn) => as(nationalUser.id, fn), nation, from, to);
// A province's report forms: its offices (and former provinces) and the total.
const form = (tx: TxSql) => Promise.all([childrenStats(tx, province, from, to), unitStats(tx, province, from, to)]);

const results: Record<string, { p50: number; p95: number }> = {};
results["national dashboard (league table, last year, targets, panels, 24-point trend)"] = await time(N, dashboard);
results["province report forms (Hải Phòng)"] = await time(N, () => as(provinceHead.id, form));
results["brute force from events: nation by province"] = await time(B, () => bruteForceStats(owner, from, to, "province"), false);
results["brute force from events: province by office"] = await time(
  B,
  () => bruteForceStats(owner, from, to, "unit", { provinceIds: [province.id] }),
  false,
);

// Recording one event with the aggregates current: a small payment on an enforced case, through
// the case service as the province head, rolled back each time.
const [target] = await owner<{ id: string; version: number; code: string; outstanding: string }[]>`
  select c.id, c.version, o.code, (o.amount - o.paid)::text as outstanding
  from public.cases c join public.case_obligations o on o.case_id = c.id and o.kind = 'money' and o.amount - o.paid > 1000
  where c.province_id = ${province.id} and c.status = 'enforcing' limit 1`;
class Rollback extends Error {}
const record = () =>
  as(provinceHead.id, async (tx) => {
    const t = performance.now();
    const r = await recordEvent(tx, {
      caseId: target!.id,
      expectedVersion: target!.version,
      idempotencyKey: crypto.randomUUID(),
      today: "2026-11-27",
      actor: { userId: provinceHead.id, roles: ["province_head"] } as never,
      event: { kind: "payment", effectiveDate: "2026-11-20", obligationId: target!.code, amount: 1000n },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const ms = performance.now() - t;
    throw Object.assign(new Rollback(), { ms });
  }).catch((e) => {
    if (e instanceof Rollback) return (e as Rollback & { ms: number }).ms;
    throw e;
  });
const writes: number[] = [];
for (let i = 0; i < N + 3; i++) writes.push(await record());
results["record one case event (case service, aggregates current)"] = { p50: pct(writes.slice(3), 50), p95: pct(writes.slice(3), 95) };
const t0 = performance.now();
await owner
  .begin(async (tx) => {
    await tx`select app_private.stat_add(array[${target!.id}]::uuid[], '{}', 1,
    array[(select unit_id from public.cases where id = ${target!.id})], array[${province.id}]::uuid[],
    array[(select judgment_type::text from public.cases where id = ${target!.id})], array[false], array[false])`;
    throw new Rollback();
  })
  .catch((e) => {
    if (!(e instanceof Rollback)) throw e;
  });
results["aggregate upkeep alone for one case (stat_add, one call)"] = { p50: performance.now() - t0, p95: performance.now() - t0 };

console.log(`\nperiod ${from} – ${to}, ${N} iterations (brute force: ${B})`);
for (const [k, v] of Object.entries(results))
  console.log(`${k.padEnd(62)} p50 ${v.p50.toFixed(1).padStart(9)} ms   p95 ${v.p95.toFixed(1).padStart(9)} ms`);
const ratio = (a: string, b: string) => (results[b]!.p50 / results[a]!.p50).toFixed(0);
console.log(
  `brute force / aggregates (p50): nation ${ratio("national dashboard (league table, last year, targets, panels, 24-point trend)", "brute force from events: nation by province")}×, province ${ratio("province report forms (Hải Phòng)", "brute force from events: province by office")}×`,
);
await app.end();
await owner.end();
await server.stop();
