/**
 * `npm start`: the whole product on one machine.
 *  1. PostgreSQL: the embedded server (data in .data/postgres, kept between
 *     starts), or the server DATABASE_URL names (then nothing is started).
 *  2. Migrations (supabase/migrations), then demo data on first start.
 *  3. The web app, built when its sources changed, at http://localhost:3000.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appPasswordToSet, appUrl, createOwnerSql, migrate, ownerUrl, readDbEnv } from "@thads/db";
import { startEmbedded, type EmbeddedServer } from "@thads/db/embedded";
import { buildModel, DEMO_PASSWORD, isSeeded, seed } from "@thads/demo-data";
import { ROLE_LABELS } from "@thads/domain";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const appDir = path.join(root, "app");
const env = readDbEnv();
const port = Number(process.env.PORT ?? 3000);
const demoCases = Number(process.env.DEMO_CASES ?? 100_000);
/**
 * A rehearsal server beside the real one (end-to-end tests, training): REHEARSAL_TODAY=YYYY-MM-DD
 * and REHEARSAL_PORT start a second server on the same database whose today is that day, to see
 * what the law's long time limits lead to. The database honours that day, and no other, only while
 * this is set (app_private.clock, written at every start); on the embedded database only.
 */
const rehearsal = process.env.REHEARSAL_TODAY
  ? { today: process.env.REHEARSAL_TODAY, port: Number(process.env.REHEARSAL_PORT ?? port + 1) }
  : null;
if (rehearsal && !(/^\d{4}-\d{2}-\d{2}$/.test(rehearsal.today) && Number.isInteger(rehearsal.port) && rehearsal.port > 0))
  throw new Error("REHEARSAL_TODAY must be YYYY-MM-DD and REHEARSAL_PORT a port number");
// A rehearsal writes steps dated after the real today into the database it runs on: never a real one.
if (rehearsal && env.DATABASE_URL) throw new Error("REHEARSAL_TODAY: rehearsals run only on the embedded database (unset DATABASE_URL)");
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

let embedded: EmbeddedServer | null = null;
if (!env.DATABASE_URL) {
  const dataDir = env.EMBEDDED_PG_DIR ?? path.join(root, ".data", "postgres");
  console.log(`Starting embedded PostgreSQL (${dataDir}) on 127.0.0.1:${env.EMBEDDED_PG_PORT}…`);
  embedded = await startEmbedded({ dataDir, port: env.EMBEDDED_PG_PORT, quiet: true });
  console.log(embedded.startedHere ? `  up (${elapsed()})` : "  already running: reusing it");
} else {
  console.log("Using the PostgreSQL server named by DATABASE_URL.");
}

const owner = createOwnerSql(ownerUrl(env), { max: 2 });
try {
  const { applied, supabase } = await migrate(owner, {
    appPassword: appPasswordToSet(env),
    log: (m) => console.log(`  ${m}`),
  });
  console.log(`Migrations: ${applied.length} applied${supabase ? " (Supabase project)" : ""} (${elapsed()})`);
  if (!(await isSeeded(owner))) {
    console.log(`Generating demo data (${demoCases.toLocaleString("vi-VN")} cases)…`);
    await seed(owner, {
      cases: demoCases,
      // Histories end today (in Việt Nam), so deadlines and overdue lists look as they would.
      today: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()),
      history: true,
      log: (m) => console.log(`  ${m}`),
      progress: (done, total) => process.stdout.write(`\r  cases ${Math.round((100 * done) / total)}%`),
    });
    console.log(`Demo data ready (${elapsed()})`);
  }
  // The one day a session may name as today (app_private.today_vn); none without a rehearsal.
  await owner`update app_private.clock set simulated_day = ${rehearsal?.today ?? null}`;
} finally {
  await owner.end();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const serverBuild = path.join(appDir, "build", "server", "index.js");
const sources = Math.max(newestMtime(path.join(appDir, "app")), newestMtime(path.join(root, "packages")));
if (!existsSync(serverBuild) || statSync(serverBuild).mtimeMs < sources) {
  console.log("Building the web app…");
  const built = spawnSync("npx", ["react-router", "build"], { cwd: appDir, stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) throw new Error("The web app failed to build.");
  console.log(`  built (${elapsed()})`);
}

const server = spawn(process.execPath, ["server.js"], {
  cwd: appDir,
  stdio: "inherit",
  env: { ...process.env, PORT: String(port), APP_DATABASE_URL: appUrl(env), NODE_ENV: "production" },
});

const rehearsalServer = rehearsal
  ? spawn(process.execPath, ["server.js"], {
      cwd: appDir,
      stdio: "inherit",
      env: {
        ...process.env,
        PORT: String(rehearsal.port),
        APP_DATABASE_URL: appUrl(env),
        NODE_ENV: "production",
        WEB_CONCURRENCY: "1",
        // No e-mail to creditors from a rehearsal: its deadlines are not the real ones.
        NOTIFY_INTERVAL_SECONDS: "0",
        THADS_SIMULATED_TODAY: rehearsal.today,
      },
    })
  : null;

const model = buildModel();
console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
for (const u of model.users.filter((x) => x.demo)) {
  const role = u.memberships[0]!.role;
  console.log(`  ${u.email.padEnd(44)} ${ROLE_LABELS[role].vi} / ${ROLE_LABELS[role].en}`);
}
console.log(`\nReady in ${elapsed()}: http://localhost:${port}  (Ctrl+C to stop)\n`);
if (rehearsal) console.log(`Rehearsal server (today = ${rehearsal.today}): http://localhost:${rehearsal.port}\n`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  rehearsalServer?.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
server.on("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
