// Production server: static assets, security headers, client address for
// sign-in throttling, compression, and the React Router request handler; one
// process per core under node:cluster (cluster.js, ADR 020).
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { superviseWorkers, workerCount } from "./cluster.js";
import { compressResponses, servePrecompressed } from "./compress.js";
import { drainUnreadBodies, rejectHostileTargets } from "./request-guard.js";

const BUILD = "./build/server/index.js";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

const workers = workerCount(process.env.WEB_CONCURRENCY);
if (cluster.isPrimary && workers > 1) superviseWorkers(workers, { port });
else serve();

/** One HTTP server: the whole app in this process (a cluster worker, or alone with WEB_CONCURRENCY=1). */
function serve() {
  // The build is loaded once (while the server already listens) and handed over as it is: given a
  // function instead, React Router loads it and derives its routes and handlers again on every
  // request (its development mode).
  const loading = import(BUILD);
  loading.catch(() => {}); // reported where it is awaited: each request, and the background jobs
  const app = express();
  app.disable("x-powered-by");
  // Per-request memory shared by the loaders of one request (app/app/utils/request-store.server.ts).
  const requestStore = (globalThis[Symbol.for("thads.requestStore")] ??= new AsyncLocalStorage());
  app.use((_req, _res, next) => requestStore.run(new Map(), next));
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    // Served over https (COOKIE_SECURE=true): browsers keep to https for a year.
    if (process.env.COOKIE_SECURE === "true") res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
    );
    next();
  });
  app.use(rejectHostileTargets);
  app.use(drainUnreadBodies());
  app.use("/assets", servePrecompressed("build/client/assets", { immutable: true, maxAge: "1y" }));
  // The other files of the build (favicon, robots.txt…) all have an extension: a page's path never
  // costs a look on disk.
  const publicFiles = servePrecompressed("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(compressResponses());
  let handle;
  app.all("*splat", async (req, res, next) => {
    try {
      handle ??= createRequestHandler({
        build: await loading,
        getLoadContext: (r) => ({ clientAddress: r.ip ?? "unknown" }),
      });
      return await handle(req, res, next);
    } catch (e) {
      next(e);
    }
  });

  // Express 5 hands a failed listen (port in use, no permission) to this callback.
  const server = app.listen(port, host, (err) => {
    if (err) {
      console.error(`Cannot listen on ${host}:${port}: ${err.message}`);
      process.exit(1);
    }
    if (cluster.isPrimary) console.log(`THADS is up at http://localhost:${port}`);
    // Background work of the app (notifications: deadline sweep and e-mail outbox), in every process;
    // the database keeps concurrent workers from doing the same work twice.
    loading.then(
      (build) => build.entry.module.startBackgroundJobs?.(),
      (e) => console.error(`Cannot start background jobs: ${e.message}`),
    );
  });
  // Idle keep-alive connections stay open longer than the idle timeouts of the proxies and clients in
  // front (60 s is common), so a client never reuses a connection the server is just closing — a
  // race that shows as a reset connection instead of an answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A request the HTTP parser refuses (headers or target over the size limit, malformed syntax) gets
  // its 4xx answer and an orderly close. Node's default destroys the socket at once, which can reset
  // the connection before the client has read the answer when the request is still arriving.
  server.on("clientError", (err, socket) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const body = tooLarge ? "Yêu cầu quá lớn. / Request too large.\n" : "Yêu cầu không hợp lệ. / Bad request.\n";
    socket.end(
      `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // Read and drop what the client is still sending (away from the spent parser), so closing does not
    // reset the connection.
    socket.removeAllListeners("data");
    socket.on("data", () => {});
    socket.on("error", () => {});
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
  // Stops taking connections, lets the requests under way finish (idle keep-alive connections are
  // closed at once), then exits. Under the cluster the primary sends SIGTERM to each worker and a
  // worker leaves Ctrl+C's SIGINT to the primary.
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", cluster.isWorker ? () => {} : stop);
}
