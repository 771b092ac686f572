/**
 * Benchmark: tenant-scoped queries through the RLS path (thads_app →
 * authenticated + claims, in one transaction) versus the same queries as the
 * owner, on generated national-scale data, measured interleaved in one run.
 *
 *   npm run bench -- --cases 2000000 [--iterations 300] [--fresh]
 *
 * Uses its own embedded database in .data/bench (kept, so a second run skips
 * the generation), or BENCH_DATABASE_URL.
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { rmSync } from "node:fs";
import { createAppSql, createOwnerSql, migrate, withClaims, type Sql, type TxSql } from "@thads/db";
import { startEmbedded } from "@thads/db/embedded";
import { isSeeded, seed, buildModel } from "@thads/demo-data";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    iterations: { type: "string", default: "300" },
    fresh: { type: "boolean", default: false },
  },
});
const CASES = Number(values.cases);
const N = Number(values.iterations);
const AUTH_PW = "thads-app-bench-only";

const dataDir = path.resolve(".data/bench");
if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
const server = process.env.BENCH_DATABASE_URL ? null : await startEmbedded({ dataDir, port: 54340, quiet: true });
const ownerUrl = process.env.BENCH_DATABASE_URL ?? server!.url;
const owner = createOwnerSql(ownerUrl, { max: 1 });
await migrate(owner, { appPassword: AUTH_PW });
if (!(await isSeeded(owner))) {
  const t0 = performance.now();
  await seed(owner, {
    cases: CASES,
    progress: (d, t) => process.stdout.write(`\r  generating cases ${Math.round((100 * d) / t)}%`),
  });
  console.log(`\n  generated ${CASES.toLocaleString("en")} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const appUrl = new URL(ownerUrl);
appUrl.username = "thads_app";
appUrl.password = AUTH_PW;
const app = createAppSql(appUrl.toString(), { max: 1 });

const [{ n: totalCases } = { n: 0n }] = await owner<{ n: bigint }[]>`select count(*) as n from public.cases`;
const model = buildModel();
const head = model.users.find((u) => u.email.startsWith("hai-phong.head@"))!;
const unitHead = model.users.find((u) => u.email.startsWith("hai-phong.kv01.head@"))!;
const province = head.memberships[0]!.unit_id!;
const unit = unitHead.memberships[0]!.unit_id!;

type Q = (tx: TxSql | Sql) => Promise<unknown>;
const listFirstPage: Q = (tx) => tx`
  select id, case_number, debtor_name, status, accepted_on, money_due from public.cases
  where unit_id = ${unit} order by accepted_on desc, id limit 50`;
const provinceByStatus: Q = (tx) => tx`
  select status, count(*), sum(money_due) from public.cases where province_id = ${province} group by status`;
const search: Q = (tx) => tx`
  select id, case_number, debtor_name from public.cases
  where unit_id = ${unit} and search_text like ${"%nguyen van%"} order by accepted_on desc limit 20`;

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function time(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function compare(name: string, q: Q, userId: string) {
  const rls: number[] = [];
  const own: number[] = [];
  for (let i = 0; i < 20; i++) {
    await withClaims(app, { sub: userId, role: "authenticated" }, q);
    await owner.begin(q);
  }
  for (let i = 0; i < N; i++) {
    // Interleaved, each inside its own short transaction, so both see the same cache state.
    // The query alone is timed; the role/claims setup is measured separately below.
    await withClaims(app, { sub: userId, role: "authenticated" }, async (tx) => void rls.push(await time(() => q(tx))));
    await owner.begin(async (tx) => void own.push(await time(() => q(tx))));
  }
  return { name, rlsP50: pct(rls, 50), rlsP95: pct(rls, 95), ownP50: pct(own, 50), ownP95: pct(own, 95) };
}

const results = [
  await compare("Sub-bureau case list, first page (50 rows)", listFirstPage, unitHead.id),
  await compare("Province cases by status (count, money)", provinceByStatus, head.id),
  await compare("Diacritics-free search in a sub-bureau", search, unitHead.id),
];

// Cost of the per-request setup: an empty transaction with and without role + claims.
const bare: number[] = [];
const withSetup: number[] = [];
for (let i = 0; i < N; i++) {
  bare.push(await time(() => app.begin((tx) => tx`select 1`)));
  withSetup.push(await time(() => withClaims(app, { sub: unitHead.id, role: "authenticated" }, (tx) => tx`select 1`)));
}

const f = (x: number) => x.toFixed(2);
// End to end per request: setup + first-page query in one transaction through the RLS path.
const e2e: number[] = [];
for (let i = 0; i < N; i++) {
  e2e.push(await time(() => withClaims(app, { sub: unitHead.id, role: "authenticated" }, listFirstPage)));
}
console.log(`\nData: ${totalCases.toLocaleString("en")} cases; ${N} interleaved iterations per query; times in ms.\n`);
console.log("| Query | RLS p50 | RLS p95 | Owner p50 | Owner p95 | RLS/owner (p50) | RLS/owner (p95) |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${f(r.rlsP50)} | ${f(r.rlsP95)} | ${f(r.ownP50)} | ${f(r.ownP95)} | ${(r.rlsP50 / r.ownP50).toFixed(2)}× | ${(r.rlsP95 / r.ownP95).toFixed(2)}× |`,
  );
}
console.log(`\nWhole request transaction (setup + first page through RLS): p50 ${f(pct(e2e, 50))} ms, p95 ${f(pct(e2e, 95))} ms.`);
console.log(
  `\nPer-request setup (set role + request.jwt.claims in the transaction): p50 ${f(pct(withSetup, 50) - pct(bare, 50))} ms over a bare transaction (bare p50 ${f(pct(bare, 50))} ms, with setup p50 ${f(pct(withSetup, 50))} ms, p95 ${f(pct(withSetup, 95))} ms).`,
);

await app.end();
await owner.end();
await server?.stop();
