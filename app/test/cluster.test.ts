import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { workerCount } from "../cluster.js";

// The production server (server.js) under node:cluster, started for real. Requests go to a path the
// request guard refuses (400 before any route), so no app build is needed.
const appDir = path.resolve(import.meta.dirname, "..");
const started: ChildProcess[] = [];

afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function start(env: Record<string, string>): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ["server.js"], { cwd: appDir, env: { ...process.env, NODE_ENV: "production", ...env } });
  started.push(proc);
  let out = "";
  proc.stdout!.on("data", (d) => {
    out += d;
  });
  proc.stderr!.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => proc.on("exit", (code) => r(code)));
  return { proc, output: () => out, exited };
}

function refused(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/cases?q=%00", headers: { Connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("WEB_CONCURRENCY", () => {
  it("is one worker per core by default, else the whole number given", () => {
    expect(workerCount(undefined)).toBe(availableParallelism());
    expect(workerCount("")).toBe(availableParallelism());
    expect(workerCount("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "two", "1000"]) expect(() => workerCount(bad), bad).toThrow(/WEB_CONCURRENCY/);
  });
});

describe("the server under node:cluster", () => {
  it("runs the workers asked for, replaces one that crashes, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const server = start({ PORT: String(port), WEB_CONCURRENCY: "2" });
    // "Up" is said once both workers listen, so either may now be killed as one that has served.
    await until(() => server.output().includes("THADS is up"), 30_000);
    const pid = server.proc.pid!;
    const first = childrenOf(pid);
    expect(first).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => refused(port)));
    expect(answers).toEqual(Array(20).fill(400));

    process.kill(first[0]!, "SIGKILL");
    await until(() => {
      const now = childrenOf(pid);
      return now.length === 2 && !now.includes(first[0]!);
    }, 30_000);
    expect(childrenOf(pid)).toContain(first[1]);
    // The primary says why it forked (its log may reach the pipe after the new worker shows).
    await until(() => /stopped \(SIGKILL\); starting another/.test(server.output()), 5_000);
    expect(await refused(port)).toBe(400);

    const workers = childrenOf(pid);
    server.proc.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    for (const w of workers) await until(() => !alive(w), 5_000);
  }, 60_000);

  it("runs in one process with WEB_CONCURRENCY=1", async () => {
    const port = await freePort();
    const server = start({ PORT: String(port), WEB_CONCURRENCY: "1" });
    await until(() => server.output().includes("THADS is up"));
    expect(childrenOf(server.proc.pid!)).toEqual([]);
    expect(await refused(port)).toBe(400);
    server.proc.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 30_000);

  it.each(["1", "2"])(
    "fails with an error when it cannot listen (WEB_CONCURRENCY=%s), without forking again and again",
    async (n) => {
      const busy = createServer();
      await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
      const { port } = busy.address() as AddressInfo;
      try {
        const server = start({ PORT: String(port), WEB_CONCURRENCY: n });
        expect(await server.exited).toBe(1);
        expect(server.output()).toMatch(/Cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
        if (n !== "1") expect(server.output()).toMatch(/stopped before it could listen/);
        expect(server.output()).not.toMatch(/THADS is up/);
      } finally {
        await new Promise((r) => busy.close(r));
      }
    },
    30_000,
  );
});
