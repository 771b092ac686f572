/**
 * Benchmark of the case list as users run it (the real query of the case list
 * page, packages/core/src/cases/list-cases.ts), through RLS and as owner, interleaved
 * in one run, on generated national-scale data.
 *
 *   npx tsx scripts/bench/cases-bench.ts --cases 5000000 [--iterations 200] [--fresh]
 *
 * Uses its own embedded database in .data/bench-cases (kept between runs).
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { rmSync } from "node:fs";
import { createAppSql, createOwnerSql, migrate, withClaims, type TxSql } from "@thads/db";
import { startEmbedded } from "@thads/db/embedded";
import { buildModel, isSeeded, seed } from "@thads/demo-data";
import { CaseFilterSchema, listCases } from "@thads/core/cases";
import type { CaseListScope } from "@thads/domain";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "5000000" },
    iterations: { type: "string", default: "200" },
    fresh: { type: "boolean", default: false },
  },
});
const N = Number(values.iterations);
const AUTH_PW = "thads-app-bench-only";
const dataDir = path.resolve(".data/bench-cases");
if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
const server = await startEmbedded({ dataDir, port: 54341, quiet: true });
const owner = createOwnerSql(server.url, { max: 1 });
await migrate(owner, { appPassword: AUTH_PW });
if (!(await isSeeded(owner))) {
  const t0 = performance.now();
  await seed(owner, {
    cases: Number(values.cases),
    progress: (d, t) => process.stdout.write(`\r  generating ${Math.round((100 * d) / t)}%`),
  });
  console.log(`\n  generated ${Number(values.cases).toLocaleString("en")} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const appUrl = new URL(server.url);
appUrl.username = "thads_app";
appUrl.password = AUTH_PW;
const app = createAppSql(appUrl.toString(), { max: 1 });

const [{ cases: total, events } = { cases: 0n, events: 0n }] = await owner<{ cases: bigint; events: bigint }[]>`
  select (select count(*) from public.cases) as cases, (select count(*) from public.case_events) as events`;
const model = buildModel();
const unitHead = model.users.find((u) => u.email.startsWith("hai-phong.kv01.head@"))!;
const provinceHead = model.users.find((u) => u.email.startsWith("hai-phong.head@"))!;
const nationalViewer = model.users.find((u) => u.email.startsWith("national.viewer@"))!;
const unitCode = "P-HAI-PHONG-KV01";
const today = "2026-11-27";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const filters = (q: Record<string, string>) => CaseFilterSchema.parse(q);

const [ids] = await owner<{ unit: string; province: string }[]>`
  select id as unit, province_id as province from public.units where code = ${unitCode}`;
const scopes: Record<string, CaseListScope> = {
  [unitHead.id]: { kind: "units", ids: [ids!.unit] },
  [provinceHead.id]: { kind: "provinces", ids: [ids!.province] },
  [nationalViewer.id]: { kind: "national" },
};
const [party] = await owner<{ id_number: string }[]>`
  select p.id_number from public.case_parties p where p.province_id = ${ids!.province} and p.id_number is not null limit 1`;

async function compare(name: string, userId: string, q: Record<string, string>) {
  const f = filters(q);
  const run = (tx: TxSql) => listCases(tx, f, today, scopes[userId]);
  const rls: number[] = [];
  const own: number[] = [];
  let rows = 0;
  for (let i = 0; i < 10; i++) {
    await withClaims(app, { sub: userId, role: "authenticated" }, run);
    await owner.begin(run);
  }
  for (let i = 0; i < N; i++) {
    await withClaims(app, { sub: userId, role: "authenticated" }, async (tx) => {
      const t = performance.now();
      rows = (await run(tx)).rows.length;
      rls.push(performance.now() - t);
    });
    await owner.begin(async (tx) => {
      const t = performance.now();
      await run(tx);
      own.push(performance.now() - t);
    });
  }
  return { name, rows, rlsP50: pct(rls, 50), rlsP95: pct(rls, 95), ownP50: pct(own, 50), ownP95: pct(own, 95) };
}

const results = [
  await compare("Sub-bureau case list, first page (page + total)", unitHead.id, { unit: unitCode }),
  await compare("Sub-bureau overdue cases, nearest deadline first", unitHead.id, { unit: unitCode, overdue: "1", sort: "deadline_asc" }),
  await compare('Search "nguyen van" in a sub-bureau', unitHead.id, { unit: unitCode, q: "nguyen van" }),
  await compare('Search "tran thi hong" across a province', provinceHead.id, { q: "tran thi hong" }),
  await compare("Search by case number across a province", provinceHead.id, { q: "1234/2024" }),
  await compare("Search by a party's ID number across a province", provinceHead.id, { q: party!.id_number }),
  await compare("Province case list, first page", provinceHead.id, {}),
  await compare("Nationwide case list, first page (directorate)", nationalViewer.id, {}),
];
const f = (x: number) => x.toFixed(2);
console.log(`\nData: ${total.toLocaleString("en")} cases, ${events.toLocaleString("en")} case events; ${N} interleaved iterations; ms.\n`);
console.log("| Query | rows | RLS p50 | RLS p95 | Owner p50 | Owner p95 | RLS/owner (p50 / p95) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.rows} | ${f(r.rlsP50)} | ${f(r.rlsP95)} | ${f(r.ownP50)} | ${f(r.ownP95)} | ${(r.rlsP50 / r.ownP50).toFixed(2)}× / ${(r.rlsP95 / r.ownP95).toFixed(2)}× |`,
  );
}
await app.end();
await owner.end();
await server.stop();
