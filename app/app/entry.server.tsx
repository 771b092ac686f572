// React Router's default server entry, with two changes: errors are logged through
// describeErrorForLog, never as whole objects (a database error's detail repeats the row's
// values: ID numbers, phones, tracking codes); and what React writes in one turn of the event
// loop goes on as one chunk (coalesced).
import { Transform } from "node:stream";

import type { AppLoadContext, EntryContext, HandleErrorFunction } from "react-router";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { describeErrorForLog } from "@thads/domain";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";

export const streamTimeout = 5_000;

/** The server's background work, started by server.js once it listens. */
export { startNotificationJobs as startBackgroundJobs } from "./utils/notification-jobs.server.ts";

/** Unexpected errors of loaders and actions: name, code and masked message, with the path only. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(`${request.method} ${new URL(request.url).pathname}: ${describeErrorForLog(error)}`);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, {
      status: responseStatusCode,
      headers: responseHeaders,
    });
  }

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");

    // Ensure requests from bots and SPA Mode renders wait for all content to load before responding
    // https://react.dev/reference/react-dom/server/renderToPipeableStream#waiting-for-all-content-to-load-for-crawlers-and-static-generation
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";

    // Abort the rendering stream after the `streamTimeout` so it has time to
    // flush down the rejected boundaries
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} />, {
      [readyOption]() {
        shellRendered = true;
        const body = coalesced(() => {
          // Clear the timeout to prevent retaining the closure and memory leak
          clearTimeout(timeoutId);
          timeoutId = undefined;
        });
        const stream = createReadableStreamFromReadable(body);

        responseHeaders.set("Content-Type", "text/html");

        pipe(body);

        resolve(
          new Response(stream, {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Log streaming rendering errors from inside the shell.  Don't log
        // errors encountered during initial shell rendering since they'll
        // reject and get logged in handleDocumentRequest.
        if (shellRendered) {
          console.error(`render: ${describeErrorForLog(error)}`);
        }
      },
    });
  });
}

/**
 * React writes a page in chunks of about 2 KB, and each chunk would travel on alone: through the
 * web stream, the compressor (one compression call each) and the socket. What it writes in one
 * turn of the event loop — the whole page, unless a part of it is still loading — goes on as one
 * chunk; a part that comes later still goes out as it comes.
 */
function coalesced(onEnd: () => void): Transform {
  let parts: Buffer[] = [];
  let scheduled = false;
  const take = () => {
    const chunk = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    parts = [];
    return chunk;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      parts.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (parts.length > 0) this.push(take());
        });
      }
      callback();
    },
    flush(callback) {
      onEnd();
      callback(null, parts.length > 0 ? take() : undefined);
    },
  });
}
