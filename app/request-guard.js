// Request-line checks made before any route runs: a path or query parameter with a
// control character (NUL, CR/LF, DEL, C1…) or a broken percent-encoding in the path
// is refused with 400, so no such value reaches a loader, a query or a header.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why the request target is refused, or null when it is acceptable. */
export function hostileTarget(target) {
  if (typeof target !== "string") return "target";
  const q = target.indexOf("?");
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? "" : target.slice(q + 1);
  let decodedPath;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return "path-encoding";
  }
  if (CONTROL.test(decodedPath) || CONTROL.test(path)) return "path-control";
  if (query) {
    if (CONTROL.test(query)) return "query-control";
    for (const [k, v] of new URLSearchParams(query.split("#")[0])) {
      if (CONTROL.test(k) || CONTROL.test(v)) return "query-control";
    }
  }
  return null;
}

export const HOSTILE_TARGET_MESSAGE =
  "Yêu cầu không hợp lệ: địa chỉ hoặc tham số chứa ký tự điều khiển (ví dụ ký tự NUL, xuống dòng).\n" +
  "Invalid request: the address or a parameter contains control characters (such as NUL or a line break).\n";

/** Express middleware: 400 for a hostile request target. */
export function rejectHostileTargets(req, res, next) {
  if (hostileTarget(req.originalUrl ?? req.url) !== null) {
    res.status(400).type("text/plain; charset=utf-8").send(HOSTILE_TARGET_MESSAGE);
    return;
  }
  next();
}

/** The most of an unread body that is read and dropped to keep its connection; beyond, the connection is closed. */
export const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Express middleware: when an answer is sent before the request's body was read (a refusal: too
 * large, wrong type, no rights), the rest of the body is read and dropped once the answer is out.
 * The web stream the request handler wraps around the body holds it paused otherwise, so the
 * connection would stall and the client's next request on it would be reset. A body larger than
 * `limit` is not worth reading: its connection is closed instead.
 */
export function drainUnreadBodies(limit = DRAIN_LIMIT) {
  return (req, res, next) => {
    res.once("finish", () => {
      if (req.complete || req.destroyed) return;
      let left = limit;
      req.removeAllListeners("data");
      req.on("data", (chunk) => {
        left -= chunk.length;
        if (left < 0) req.destroy();
      });
      req.on("error", () => {});
      req.resume();
    });
    next();
  };
}
