/**
 * Benchmark: what the steering committees' term costs in the cases read
 * policy. The same queries through RLS with the policy as it is (the steering
 * term last) and with the policy as it was before the steering migration,
 * alternated in one run on the same data.
 *
 *   npx tsx scripts/bench/steering-bench.ts --cases 300000 [--iterations 60] [--fresh]
 *
 * Uses its own embedded database in .data/bench-steering (kept between runs).
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { rmSync } from "node:fs";
import { createAppSql, createOwnerSql, migrate, withClaims, type TxSql } from "@thads/db";
import { startEmbedded } from "@thads/db/embedded";
import { buildModel, isSeeded, seed } from "@thads/demo-data";
import { CaseFilterSchema, listCases } from "@thads/core/cases";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "300000" },
    iterations: { type: "string", default: "60" },
    fresh: { type: "boolean", default: false },
  },
});
const N = Number(values.iterations);
const AUTH_PW = "thads-app-bench-only";
const dataDir = path.resolve(".data/bench-steering");
if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
const server = await startEmbedded({ dataDir, port: 54342, quiet: true });
const owner = createOwnerSql(server.url, { max: 1 });
await migrate(owner, { appPassword: AUTH_PW });
if (!(await isSeeded(owner))) {
  await seed(owner, {
    cases: Number(values.cases),
    progress: (d, t) => process.stdout.write(`\r  generating ${Math.round((100 * d) / t)}%`),
  });
}
const appUrl = new URL(server.url);
appUrl.username = "thads_app";
appUrl.password = AUTH_PW;
const app = createAppSql(appUrl.toString(), { max: 1 });

const WITH = `create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national())
         or id = any ((select app_private.steering_case_ids())::uuid[]))`;
const WITHOUT = `create policy cases_select on public.cases for select to authenticated
  using (unit_id = any ((select app_private.units_for('{subunit_head,executor,clerk}'))::uuid[])
         or province_id = any ((select app_private.provinces_for('{province_head,province_staff}'))::uuid[])
         or (select app_private.is_national()))`;
const setPolicy = async (def: string) => {
  await owner.begin(async (tx) => {
    await tx.unsafe("drop policy cases_select on public.cases");
    await tx.unsafe(def);
  });
};

const model = buildModel();
const user = (email: string) => model.users.find((u) => u.email === email)!.id;
const today = "2026-11-27";
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

type Q = { name: string; userId: string; run: (tx: TxSql) => Promise<number> };
const list = (q: Record<string, string>) => async (tx: TxSql) => (await listCases(tx, CaseFilterSchema.parse(q), today)).rows.length;
const count = async (tx: TxSql) => Number((await tx<{ n: bigint }[]>`select count(*) as n from public.cases`)[0]!.n);
const queries: Q[] = [
  { name: "Sub-bureau case list, first page", userId: user("hai-phong.kv01.head@demo.thads.vn"), run: list({ unit: "P-HAI-PHONG-KV01" }) },
  { name: "Province case list, first page", userId: user("hai-phong.head@demo.thads.vn"), run: list({}) },
  {
    name: "Count of every case a province head may read (other provinces' rows reach the last term)",
    userId: user("hai-phong.head@demo.thads.vn"),
    run: count,
  },
  { name: "Count of every case, directorate", userId: user("national.viewer@demo.thads.vn"), run: count },
  { name: "Count of every case, Hải Phòng committee member", userId: user("hai-phong.steering@demo.thads.vn"), run: count },
];

const results = [];
for (const q of queries) {
  const times = { with: [] as number[], without: [] as number[] };
  const rows = { with: 0, without: 0 };
  for (let i = 0; i < N + 5; i++) {
    for (const k of ["with", "without"] as const) {
      await setPolicy(k === "with" ? WITH : WITHOUT);
      await withClaims(app, { sub: q.userId, role: "authenticated" }, async (tx) => {
        const t = performance.now();
        rows[k] = await q.run(tx);
        if (i >= 5) times[k].push(performance.now() - t);
      });
    }
  }
  results.push({
    name: q.name,
    rows,
    p50: { with: pct(times.with, 50), without: pct(times.without, 50) },
    p95: { with: pct(times.with, 95), without: pct(times.without, 95) },
  });
}
await setPolicy(WITH);
const [{ n } = { n: 0n }] = await owner<{ n: bigint }[]>`select count(*) as n from public.cases`;
const f = (x: number) => x.toFixed(2);
console.log(`\nData: ${n.toLocaleString("en")} cases; ${N} alternated iterations; ms.\n`);
console.log("| Query | rows (with / without) | p50 with | p50 without | p95 with | p95 without |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of results)
  console.log(
    `| ${r.name} | ${r.rows.with} / ${r.rows.without} | ${f(r.p50.with)} | ${f(r.p50.without)} | ${f(r.p95.with)} | ${f(r.p95.without)} |`,
  );
await app.end();
await owner.end();
await server.stop();
