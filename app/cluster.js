// The web server on every core: a primary process forks WEB_CONCURRENCY workers, each running
// the whole app (server.js) and sharing the listening socket (node:cluster hands connections out
// in turn). Nothing a request needs lives in one worker's memory only (ADR 020): sessions,
// sign-in throttling and the public forms' rate limits are counted in PostgreSQL.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";

/** Workers to run: WEB_CONCURRENCY when it is a whole number from 1 up, else one per core. */
export function workerCount(value) {
  if (value === undefined || value === "") return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256 (got ${JSON.stringify(value)})`);
  }
  return n;
}

/**
 * The primary: forks `count` workers and keeps them running. A worker that crashes after it has
 * served is replaced; one that dies before listening means the app cannot start (no build, a bad
 * setting), so the primary stops rather than fork again and again. SIGTERM or SIGINT stops every
 * worker (each finishes the requests under way), then the primary; a worker still busy after
 * `graceMs` is killed. Workers leave SIGINT (Ctrl+C reaches the whole process group) to the
 * primary.
 */
export function superviseWorkers(count, { port, graceMs = 10_000 } = {}) {
  let stopping = false;
  let announced = false;
  const listening = new Set();
  const running = () => Object.values(cluster.workers ?? {}).filter(Boolean);

  // "Up" once every running worker listens: a worker that dies before then means the app cannot start.
  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    if (announced || listening.size < running().length) return;
    announced = true;
    if (port !== undefined) console.log(`THADS is up at http://localhost:${port}`);
  });
  cluster.on("exit", (worker, code, signal) => {
    const served = listening.delete(worker.id);
    const how = signal ?? `exit code ${code}`;
    if (stopping) {
      if (running().length === 0) process.exit(process.exitCode ?? 0);
    } else if (!served) {
      console.error(`A web server worker stopped before it could listen (${how}); stopping.`);
      stop(1);
    } else if (code !== 0 || signal) {
      console.error(`Web server worker ${worker.process.pid} stopped (${how}); starting another.`);
      cluster.fork();
    } else if (running().length === 0) {
      process.exit(0);
    }
  });

  function stop(code) {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    const workers = running();
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of running()) worker.process.kill("SIGKILL");
      process.exit(code);
    }, graceMs).unref();
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));

  console.log(`Web server: ${count} worker processes (WEB_CONCURRENCY)`);
  for (let i = 0; i < count; i++) cluster.fork();
}
