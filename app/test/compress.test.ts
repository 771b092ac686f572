import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, createBrotliDecompress, gunzipSync, gzipSync } from "node:zlib";
import { writeReadableStreamToWritable } from "@react-router/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressResponses, servePrecompressed } from "../compress.js";

// The server's compression (compress.js) on a small Express app wired as server.js wires it.
const LONG_CHUNKS = 60;
const page = `<!doctype html><html><body>${"<p>Thi hành án dân sự — Civil judgment enforcement</p>".repeat(200)}</body></html>`;
const script = `export const x = ${JSON.stringify("a".repeat(4000))};`;
let server: Server;
let base: string;
let dir: string;
// Lines of the progress stream wait for the client to have read the one before.
const released: Array<() => void> = [];
const nextRelease = () => new Promise<void>((resolve) => released.push(resolve));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "thads-compress-"));
  writeFileSync(path.join(dir, "app.js"), script);
  writeFileSync(path.join(dir, "app.js.br"), brotliCompressSync(script));
  writeFileSync(path.join(dir, "app.js.gz"), gzipSync(script));
  const app = express();
  app.use("/assets", servePrecompressed(dir, { immutable: true, maxAge: "1y" }));
  app.use(compressResponses());
  app.get("/page", (_req, res) => {
    res.type("html").send(page);
  });
  app.get("/small", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/download", (_req, res) => {
    res.set({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="x.csv"' }).send(page);
  });
  // As @react-router/express sends a streamed body: a web stream written chunk by chunk.
  const streamed = (type: string) => (_req: express.Request, res: express.Response) => {
    res.status(200).set("Content-Type", type);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (let i = 1; i <= 3; i++) {
          controller.enqueue(new TextEncoder().encode(`${JSON.stringify({ line: i, pad: "x".repeat(1500) })}\n`));
          if (i < 3) await nextRelease();
        }
        controller.close();
      },
    });
    void writeReadableStreamToWritable(body, res);
  };
  app.get("/progress", streamed("application/x-ndjson; charset=utf-8"));
  // A long streamed page, its chunks incompressible enough that the compressor refuses many writes.
  app.get("/long-page", (_req, res) => {
    res.status(200).set("Content-Type", "text/html");
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === LONG_CHUNKS) return controller.close();
        controller.enqueue(new TextEncoder().encode(randomBytes(48 * 1024).toString("base64")));
      },
    });
    void writeReadableStreamToWritable(body, res);
  });
  app.get("/streamed-page", streamed("text/html"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, acceptEncoding?: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${pathname}`, { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, resolve);
    req.on("error", reject);
    req.end();
  });
}

async function body(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function decode(res: IncomingMessage, raw: Buffer): string {
  const enc = res.headers["content-encoding"];
  return (enc === "br" ? brotliDecompressSync(raw) : enc === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
}

describe("compression", () => {
  it("sends pages brotli-compressed when accepted, else gzip, else as they are", async () => {
    for (const [accept, expected] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      [undefined, undefined],
    ] as const) {
      const res = await get("/page", accept);
      const raw = await body(res);
      expect(res.headers["content-encoding"], String(accept)).toBe(expected);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decode(res, raw)).toBe(page);
      if (expected) expect(raw.length).toBeLessThan(Buffer.byteLength(page) / 5);
    }
  });

  it("streams a long page through the compressor without piling up drain listeners", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    try {
      const res = await get("/long-page", "gzip");
      expect(res.headers["content-encoding"]).toBe("gzip");
      // Read slowly, so the compressor's buffer fills and the page waits for "drain" again and again.
      const chunks: Buffer[] = [];
      for await (const c of res) {
        chunks.push(c as Buffer);
        await new Promise((r) => setTimeout(r, 1));
      }
      const text = gunzipSync(Buffer.concat(chunks)).toString("utf8");
      expect(text.length).toBe(LONG_CHUNKS * Math.ceil((48 * 1024) / 3) * 4);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("leaves small answers as they are", async () => {
    const res = await get("/small", "br");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse((await body(res)).toString())).toEqual({ ok: true });
  });

  it("serves the browser's files from their compressed copies, with the plain file for other clients", async () => {
    for (const [accept, expected] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      [undefined, undefined],
    ] as const) {
      const res = await get("/assets/app.js", accept);
      const raw = await body(res);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"], String(accept)).toBe(expected);
      expect(res.headers["content-type"]).toMatch(/javascript/);
      expect(res.headers["cache-control"]).toContain("immutable");
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(decode(res, raw)).toBe(script);
    }
  });

  it("keeps downloads as they are, with their length", async () => {
    const res = await get("/download", "br");
    const raw = await body(res);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(raw.length);
    expect(raw.toString()).toBe(page);
  });

  for (const [pathname, encoding] of [
    ["/progress", undefined],
    ["/streamed-page", "br"],
  ] as const) {
    it(`${pathname}: each chunk reaches the client before the next is written`, async () => {
      const res = await get(pathname, "gzip, deflate, br");
      expect(res.headers["content-encoding"]).toBe(encoding);
      const lines: number[] = [];
      let text = "";
      // Decoded as it arrives: a line shows only once the server has flushed it.
      for await (const chunk of encoding === "br" ? res.pipe(createBrotliDecompress()) : res) {
        text += (chunk as Buffer).toString();
        const seen = text.split("\n").length - 1;
        while (lines.length < seen) {
          lines.push(JSON.parse(text.split("\n")[lines.length]!).line);
          released.shift()?.();
        }
      }
      expect(lines).toEqual([1, 2, 3]);
    });
  }
});
