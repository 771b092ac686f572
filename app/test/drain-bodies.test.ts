import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@react-router/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainUnreadBodies } from "../request-guard.js";

// A route that, as the request handler does, wraps the body in a web stream and then refuses the
// request without reading it (as a 413 for a declared length over the form's cap does). Without the
// middleware the connection stalls and the next request on it times out.
function appWith() {
  const app = express();
  app.use(drainUnreadBodies(1024 * 1024));
  app.post("/refuse", (req, res) => {
    createReadableStreamFromReadable(req);
    res.status(413).type("text/plain").send("too large");
  });
  app.post("/ok", (req, res) => {
    req.resume();
    req.on("end", () => res.type("text/plain").send("ok"));
  });
  return app;
}

function post(port: number, agent: http.Agent, path: string, body: Buffer): Promise<{ status: number; socket: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { port, path, method: "POST", agent, headers: { "Content-Type": "text/plain", "Content-Length": body.length }, timeout: 3_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer(appWith());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("a refused request's unread body", () => {
  it("is read and dropped, so the next request on the same connection is answered", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 3; i++) {
        const refused = await post(port, agent, "/refuse", Buffer.alloc(300_000, 97));
        expect(refused.status).toBe(413);
        const next = await post(port, agent, "/ok", Buffer.from("a=1"));
        expect(next.status).toBe(200);
        // One connection throughout: it was kept, not closed and reopened.
        expect(next.socket).toBe(refused.socket);
      }
    } finally {
      agent.destroy();
    }
  });
  it("past the limit closes the connection instead of reading on, and the client still gets its answer", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await post(port, agent, "/refuse", Buffer.alloc(4 * 1024 * 1024, 97)).catch((e: Error) => e);
      // The answer was sent before the body: the client reads it, or sees the closed connection.
      if (!(refused instanceof Error)) expect(refused.status).toBe(413);
      else expect(refused.message).toMatch(/ECONNRESET|EPIPE|socket hang up/);
      const next = await post(port, agent, "/ok", Buffer.from("a=1"));
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
