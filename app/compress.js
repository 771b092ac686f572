// Compression of what the server sends: the browser's files compressed once at build time, pages
// and data compressed as they are sent. Brotli where the client accepts it, else gzip.
import compression from "compression";
import expressStaticGzip from "express-static-gzip";

/**
 * The files of `root` as the build wrote them: `x.js.br` or `x.js.gz` beside `x.js`
 * (app/precompress.ts) to the clients that accept them, the plain file to the others, with
 * `Vary: Accept-Encoding`. `serveStatic` are express.static's options.
 */
export function servePrecompressed(root, serveStatic) {
  return expressStaticGzip(root, { enableBrotli: true, orderPreference: ["br", "gzip"], serveStatic });
}

/**
 * Whether a response is compressed. Pages and data are; what must arrive as it is sent or as it
 * is is not: a stream of progress lines or events (every line goes out on its own; compressing
 * them gains nothing and a proxy could hold them back), and file downloads, which keep their
 * Content-Length so the page can show how far a download has got. A response marked
 * `Cache-Control: no-transform` is left alone by the library itself.
 */
export function shouldCompress(req, res) {
  const type = String(res.getHeader("Content-Type") ?? "");
  if (/^\s*(text\/event-stream|application\/x-ndjson)\b/i.test(type)) return false;
  if (/^\s*attachment\b/i.test(String(res.getHeader("Content-Disposition") ?? ""))) return false;
  return compression.filter(req, res);
}

/**
 * Compresses the responses shouldCompress accepts, from 1 KB up. React Router writes a streamed
 * page chunk by chunk and flushes (res.flush, which the library provides), so a page still
 * arrives progressively.
 */
export function compressResponses() {
  const compress = compression({ filter: shouldCompress, threshold: 1024 });
  return (req, res, next) => compress(req, res, (err) => (err ? next(err) : coalesceFlushes(res, next)));
}

/**
 * React Router flushes after every chunk it writes, and a page comes out of React in many small
 * chunks at once; flushing the compressor each time costs CPU and sends many small packets. The
 * flushes asked for in one turn of the event loop become one, at its end: what is written at once
 * goes out together, what comes later (a streamed part of a page) still goes out as it comes.
 */
function coalesceFlushes(res, next) {
  const flush = res.flush;
  if (typeof flush === "function") {
    let pending = false;
    res.flush = () => {
      if (pending) return;
      pending = true;
      setImmediate(() => {
        pending = false;
        if (!res.writableEnded && !res.destroyed) flush.call(res);
      });
    };
  }
  next();
}
