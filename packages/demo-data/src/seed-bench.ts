/**
 * Seeding speed on a throwaway embedded PostgreSQL (temp dir, free port):
 *
 *   npx tsx packages/demo-data/src/seed-bench.ts --cases 1000000
 *
 * Starts the server, migrates, seeds, prints cases/s and row counts, stops
 * the server and removes the directory.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createOwnerSql, migrate } from "@thads/db";
import { freePort, startEmbedded } from "@thads/db/embedded";
import { seed } from "./seed.ts";

const { values } = parseArgs({ options: { cases: { type: "string", default: "100000" } } });
const cases = Number(values.cases);

const dir = mkdtempSync(path.join(tmpdir(), "thads-seed-bench-"));
chmodSync(dir, 0o755);
const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: await freePort(), quiet: true, persistent: false });
const sql = createOwnerSql(server.url, { max: 1 });
try {
  await migrate(sql, { appPassword: "thads-app-bench-only" });
  const t0 = performance.now();
  let last = 0;
  await seed(sql, {
    cases,
    log: (m) => process.stdout.write(`\n  ${m} (${((performance.now() - t0) / 1000).toFixed(1)} s)`),
    progress: (done, total) => {
      const pct = Math.round((100 * done) / total);
      if (pct !== last) process.stdout.write(`\r  cases ${pct}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      last = pct;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const [counts] = await sql<Record<string, bigint>[]>`
    select (select count(*) from public.cases) as cases,
           (select count(*) from public.judgments) as judgments,
           (select count(*) from public.case_parties) as parties,
           (select count(*) from public.case_obligations) as obligations,
           (select count(*) from public.case_events) as events`;
  const status = await sql<{ status: string; n: bigint }[]>`
    select status::text, count(*) as n from public.cases group by 1 order by 2 desc`;
  console.log(
    `\nSeeded ${cases.toLocaleString("en")} cases in ${seconds.toFixed(1)} s (incl. units, users and analyze): ${Math.round(cases / seconds).toLocaleString("en")} cases/s`,
  );
  console.log(
    Object.entries(counts!)
      .map(([k, v]) => `${k}=${v.toLocaleString("en")}`)
      .join("  "),
  );
  console.log(status.map((s) => `${s.status}=${s.n}`).join("  "));
} finally {
  await sql.end();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
