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
  return (req, res, next) =>
    compress(req, res, (err) => {
      if (err) return next(err);
      oneDrainListener(res);
      coalesceFlushes(res, next);
    });
}

/**
 * The compression library sends `res.on("drain")` to its compressor but leaves `once` and
 * `removeListener` to the response, so a listener added with `res.once("drain")` stays on the
 * compressor for the whole response (expressjs/compression#135). React Router waits for "drain"
 * that way after every write the compressor refuses, so a long page piled up listeners (and Node's
 * MaxListenersExceededWarning). Here every `once("drain")` waits on one listener of the response's
 * own, and `off("drain")` takes a waiting one back.
 */
function oneDrainListener(res) {
  const waiting = new Set();
  let listening = false;
  const once = res.once;
  const removeListener = res.removeListener;
  res.once = function onceDrain(type, listener) {
    if (type !== "drain") return once.call(this, type, listener);
    waiting.add(listener);
    if (!listening) {
      listening = true;
      res.on("drain", () => {
        const due = [...waiting];
        waiting.clear();
        for (const fn of due) fn();
      });
    }
    return this;
  };
  res.removeListener = res.off = function offDrain(type, listener) {
    if (type === "drain" && waiting.delete(listener)) return this;
    return removeListener.call(this, type, listener);
  };
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
