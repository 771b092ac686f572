/**
 * `npm run bench:http`: the production web server under load, end to end.
 *
 * Starts the product the way `npm start` (and the e2e suite) does — `scripts/start.ts`: embedded
 * PostgreSQL on a throwaway data directory, migrations, demo data of `--cases` cases, the app
 * built and served by `app/server.js` — signs in as the national administrator, then loads each
 * page with `--connections` concurrent clients for `--seconds` (autocannon, keep-alive, a
 * browser's Accept-Encoding): the signed-in case list `/cases`, one case page, the national
 * dashboard `/national`, and `/healthz` in the same run. Reports requests/s, p50 and p99, and each
 * page's rate against `/healthz`; also the JavaScript of a first visit (sign-in page, then the
 * case list) in the build it served.
 *
 *   npm run bench:http -- [--cases 100000] [--seconds 15] [--connections 50]
 *                         [--root <checkout>] [--data-dir <dir>] [--port 3300] [--pg-port 54420]
 *
 * `--root` serves another checkout (its own scripts/start.ts and app/: e.g. the main branch, to
 * compare); `--data-dir` keeps the database between runs (generated on the first one), so two
 * runs can share the same data. WEB_CONCURRENCY and the other server settings pass through.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brotliCompressSync, gzipSync } from "node:zlib";
import autocannon from "autocannon";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values: opts } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    seconds: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    root: { type: "string", default: here },
    "data-dir": { type: "string" },
    port: { type: "string", default: "3300" },
    "pg-port": { type: "string", default: "54420" },
  },
});
const cases = Number(opts.cases);
const seconds = Number(opts.seconds);
const connections = Number(opts.connections);
const root = path.resolve(opts.root);
const port = Number(opts.port);
for (const [name, n] of Object.entries({ cases, seconds, connections, port })) {
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
}
const base = `http://127.0.0.1:${port}`;
const EMAIL = "national.admin@demo.thads.vn";
const PASSWORD = "ThiHanhAn@2025";

const scratch = mkdtempSync(path.join(tmpdir(), "thads-http-bench-"));
const dataDir = opts["data-dir"] ? path.resolve(opts["data-dir"]) : path.join(scratch, "pg");
const log = path.join(scratch, "server.log");
const logStream = createWriteStream(log);
console.log(`Starting ${root} on ${base} (${cases.toLocaleString("en")} demo cases, data in ${dataDir}; log ${log})…`);
const server = spawn("npx", ["tsx", "scripts/start.ts"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
  env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: opts["pg-port"], EMBEDDED_PG_DIR: dataDir, DEMO_CASES: String(cases) },
});
server.stdout!.pipe(logStream);
server.stderr!.pipe(logStream);
let serverExited = false;
server.on("exit", () => {
  serverExited = true;
});

/** Stops everything started; the scratch directory (the log, and the data unless --data-dir) goes too, unless the run failed. */
async function stopServer(keepLog = false) {
  if (!serverExited) {
    // The whole group: npx, tsx, start.ts, the web server and its workers, PostgreSQL.
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
    const end = Date.now() + 20_000;
    while (!serverExited && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  }
  if (keepLog) {
    if (!opts["data-dir"]) rmSync(path.join(scratch, "pg"), { recursive: true, force: true });
    console.error(`Server log kept: ${log}`);
  } else rmSync(scratch, { recursive: true, force: true });
}
process.on("SIGINT", () => void stopServer().then(() => process.exit(130)));

let failed = true;
try {
  const t0 = Date.now();
  while (true) {
    if (serverExited) throw new Error(`The server stopped; see ${log}`);
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() - t0 > 30 * 60_000) throw new Error(`The server did not come up in 30 minutes; see ${log}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`Up in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);

  const cookie = await signIn();
  const list = await fetch(`${base}/cases`, { headers: { cookie } });
  if (list.status !== 200) throw new Error(`/cases answered ${list.status}`);
  const caseId = /href="\/cases\/([0-9a-f-]{36})"/.exec(await list.text())?.[1];
  if (!caseId) throw new Error("No case on /cases");

  const targets = [
    { name: "/cases (signed in)", path: "/cases" },
    { name: "a case page", path: `/cases/${caseId}` },
    { name: "/national", path: "/national" },
    { name: "/healthz", path: "/healthz" },
  ];
  const headers = { cookie, "accept-encoding": "br, gzip", "accept-language": "vi-VN" };
  for (const t of targets) {
    const r = await fetch(`${base}${t.path}`, { headers, redirect: "manual" });
    if (r.status !== 200) throw new Error(`${t.path} answered ${r.status}`);
    await r.arrayBuffer();
  }

  const loadBefore = loadavg()[0];
  const results: Array<{
    name: string;
    rps: number;
    p50: number;
    p99: number;
    bad: number;
    bytes: number;
    cpuMs: number;
    dbCpuMs: number;
    loadCpuMs: number;
  }> = [];
  for (const t of targets) {
    // A short warm-up at the same concurrency, then the measured run.
    await run(t.path, 3, headers);
    const cpu0 = groupCpuMs(server.pid!);
    const load0 = process.cpuUsage();
    const r = await run(t.path, seconds, headers);
    const cpu1 = groupCpuMs(server.pid!);
    const per = (ms: number) => (r.requests.total ? ms / r.requests.total : 0);
    const cpuMs = per(cpu1.total - cpu0.total);
    const dbCpuMs = per(cpu1.db - cpu0.db);
    // The load generator (autocannon, in this process) shares the same cores.
    const load = process.cpuUsage(load0);
    const loadCpuMs = per((load.user + load.system) / 1000);
    const bad = r.non2xx + r.errors + r.timeouts;
    results.push({
      name: t.name,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      bad,
      bytes: r.requests.total ? r.throughput.total / r.requests.total : 0,
      cpuMs,
      dbCpuMs,
      loadCpuMs,
    });
    console.log(
      `  ${t.name}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, failed ${bad}, server CPU ${cpuMs.toFixed(1)} ms per answer (PostgreSQL ${dbCpuMs.toFixed(1)}), load generator ${loadCpuMs.toFixed(1)} ms`,
    );
  }

  const health = results.find((r) => r.name === "/healthz")!;
  const js = firstVisitJs(path.join(root, "app", "build", "client"));
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load average (1 min) ${loadBefore.toFixed(1)} before the runs and ${loadavg()[0].toFixed(1)} after; ` +
      `${cases.toLocaleString("en")} cases; ${connections} clients × ${seconds} s each; WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "(default)"}\n`,
  );
  console.log(
    "| Page | req/s | p50 ms | p99 ms | failed | bytes per answer | req/s vs /healthz | server CPU ms per answer | of which PostgreSQL | load generator CPU ms |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.bad} | ${Math.round(r.bytes).toLocaleString("en")} | ${(r.rps / health.rps).toFixed(3)} | ${r.cpuMs.toFixed(1)} | ${r.dbCpuMs.toFixed(1)} | ${r.loadCpuMs.toFixed(1)} |`,
    );
  }
  console.log(
    `\nFirst visit's JavaScript (sign-in page, then /cases): ${js.files} files, ${js.raw.toLocaleString("en")} bytes, ` +
      `${js.gzip.toLocaleString("en")} gzip, ${js.brotli.toLocaleString("en")} brotli`,
  );
  failed = false;
} finally {
  await stopServer(failed);
}

/**
 * CPU time (user + system, ms) used so far by the server's process group: the web server and its
 * workers, PostgreSQL and its backends (`db`: the processes named postgres; Linux /proc, 0
 * elsewhere). Per answer, it is the page's cost whatever else the machine is doing, where requests/s and latencies move with the machine's load.
 */
function groupCpuMs(pgid: number): { total: number; db: number } {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux.
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return { total: 0, db: 0 };
  }
  const procs: Array<{ pid: number; ppid: number; pgrp: number; postgres: boolean; ms: number }> = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name "(…)": state is field 3, ppid 4, pgrp 5, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const postgres = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === "postgres";
      procs.push({ pid: Number(pid), ppid: Number(f[1]), pgrp: Number(f[2]), postgres, ms: (Number(f[11]) + Number(f[12])) * tick });
    } catch {}
  }
  // PostgreSQL's backends leave the group (each its own session): they count as children of the
  // group's postmaster.
  const postmasters = new Set(procs.filter((p) => p.pgrp === pgid && p.postgres).map((p) => p.pid));
  let total = 0;
  let db = 0;
  for (const p of procs) {
    const backend = p.postgres && postmasters.has(p.ppid);
    if (p.pgrp !== pgid && !backend) continue;
    total += p.ms;
    if (p.postgres) db += p.ms;
  }
  return { total, db };
}

async function run(urlPath: string, duration: number, headers: Record<string, string>) {
  return (await autocannon({
    url: `${base}${urlPath}`,
    connections,
    duration,
    headers,
  })) as unknown as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    throughput: { total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
}

async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${base}/login`);
  keep(page);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error("No form token on /login");
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, csrf, redirectTo: "" }),
  });
  if (res.status !== 302) throw new Error(`Sign-in answered ${res.status}`);
  keep(res);
  return header();
}

/** The scripts a browser loads for the sign-in page, then /cases, from the build's route manifest. */
function firstVisitJs(clientDir: string) {
  const assets = path.join(clientDir, "assets");
  const manifestFile = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))!;
  const src = readFileSync(path.join(assets, manifestFile), "utf8");
  const m = JSON.parse(src.slice(src.indexOf("=") + 1).replace(/;\s*$/, "")) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const files = new Set([`/assets/${manifestFile}`, m.entry.module, ...m.entry.imports]);
  for (const id of ["root", "routes/auth/login", "routes/workspace/layout", "routes/cases/list"]) {
    files.add(m.routes[id]!.module);
    for (const i of m.routes[id]!.imports ?? []) files.add(i);
  }
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const file = path.join(clientDir, f);
    const body = readFileSync(file);
    raw += body.length;
    // Compressed here at the best settings, whether or not the build wrote compressed copies.
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body).length;
  }
  return { files: files.size, raw, gzip, brotli };
}
