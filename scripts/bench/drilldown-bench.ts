/**
 * Drill-down from a figure of the official forms to its cases (the case list page's own query,
 * listCases with the figure filter: first page and total), as the directorate through RLS, on the
 * 5-million-case database of cases-bench.ts (.data/bench-cases; run that first to generate it):
 * every figure of both forms for the nation over statistical year 2025, then a few of a province,
 * a regional office and a month.
 *
 *   npm run bench:drilldown -- [--iterations 5]
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createAppSql, createOwnerSql, migrate, withClaims } from "@thads/db";
import { startEmbedded } from "@thads/db/embedded";
import { CaseFilterSchema, listCases } from "@thads/core/cases";
import { DRILL_FIGURES } from "@thads/domain/labels";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "5" }, only: { type: "string" }, side: { type: "string", default: "both" } },
});
/** --only <regexp>: the drill-downs whose name matches; --side cases|money|both. */
const only = values.only ? new RegExp(values.only) : null;
const N = Number(values.iterations);
const AUTH_PW = "thads-app-bench-only";
const server = await startEmbedded({ dataDir: path.resolve(".data/bench-cases"), port: 54341, quiet: true });
const owner = createOwnerSql(server.url, { max: 1 });
await migrate(owner, { appPassword: AUTH_PW });
const appUrl = new URL(server.url);
appUrl.username = "thads_app";
appUrl.password = AUTH_PW;
const app = createAppSql(appUrl.toString(), { max: 1 });

const [viewer] = await owner<{ id: string }[]>`
  select p.id from public.profiles p join auth.users a on a.id = p.id where a.email like 'national.viewer@%'`;
const [nation] = await owner<{ code: string }[]>`select code from public.units where kind = 'national' limit 1`;
const year = { statFrom: "2024-10-01", statTo: "2025-09-30" };
const march = { statFrom: "2025-03-01", statTo: "2025-03-31" };
const everyFigure: [string, Record<string, string>][] = DRILL_FIGURES.flatMap((fig) => [
  ...(values.side === "money"
    ? []
    : [
        [`Nation, ${fig}, statistical year 2025, by cases`, { stat: fig, statUnit: nation!.code, ...year }] as [
          string,
          Record<string, string>,
        ],
      ]),
  ...(values.side === "cases"
    ? []
    : [
        [`Nation, ${fig}, statistical year 2025, by money`, { stat: fig, statUnit: nation!.code, ...year, side: "money" }] as [
          string,
          Record<string, string>,
        ],
      ]),
]);
const queries: [string, Record<string, string>][] = [
  ...everyFigure,
  ["Nation, completed in statistical year 2025", { stat: "completed", statUnit: nation!.code, ...year }],
  ["Nation, terminated in March 2025", { stat: "terminated", statUnit: nation!.code, ...march }],
  ["Nation, transferred out in statistical year 2025", { stat: "transferred_out", statUnit: nation!.code, ...year }],
  ["Nation, suspended at 31/03/2025", { stat: "suspended", statUnit: nation!.code, statFrom: "2024-10-01", statTo: "2025-03-31" }],
  [
    "Nation, not yet enforceable at 31/03/2025",
    { stat: "not_yet_enforceable", statUnit: nation!.code, statFrom: "2024-10-01", statTo: "2025-03-31" },
  ],
  ["Nation, newly accepted in statistical year 2025", { stat: "newly_accepted", statUnit: nation!.code, ...year }],
  ["Hải Phòng, completed in March 2025", { stat: "completed", statUnit: "P-HAI-PHONG", ...march }],
  ["Hải Phòng, enforceable in statistical year 2025", { stat: "enforceable", statUnit: "P-HAI-PHONG", ...year }],
  [
    "Sub-bureau KV01, suspended at 31/03/2025",
    { stat: "suspended", statUnit: "P-HAI-PHONG-KV01", statFrom: "2024-10-01", statTo: "2025-03-31" },
  ],
];
const [{ cases } = { cases: 0n }] = await owner<{ cases: bigint }[]>`select count(*) as cases from public.cases`;
console.log(`\nData: ${cases.toLocaleString("en")} cases; ${N} runs each after one warm-up; ms.\n`);
console.log("| Drill-down (first page and total) | total | first run | p50 | max |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, q] of queries.filter(([name]) => !only || only.test(name))) {
  const f = CaseFilterSchema.parse(q);
  const run = () =>
    withClaims(app, { sub: viewer!.id, role: "authenticated" }, (tx) => listCases(tx, f, "2026-11-27", { kind: "national" }));
  // The first run is a warm-up (the 31 GB database does not fit in memory: it may read from disk),
  // timed and shown apart; then N runs.
  const t0 = performance.now();
  const first = await run();
  const cold = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const total = `${first.total.toLocaleString("en")}${first.capped ? "+" : ""}`;
  console.log(
    `| ${name} | ${total} | ${cold.toFixed(0)} | ${times[Math.floor(times.length / 2)]!.toFixed(0)} | ${times.at(-1)!.toFixed(0)} |`,
  );
}
await app.end();
await owner.end();
await server.stop();
