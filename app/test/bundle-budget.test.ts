import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * What a browser downloads on its first visit: the sign-in page, then the signed-in case list.
 * The client build is made here (into a temporary directory) and its route manifest read, as the
 * browser reads it: the entry, the manifest itself, and every route module of the two pages with
 * the chunks they import. Sizes are the brotli files the build writes (app/precompress.ts),
 * which the server sends to browsers that accept brotli.
 */
const BUDGET_BYTES = 200_000;
const FIRST_VISIT_ROUTES = ["root", "routes/auth/login", "routes/workspace/layout", "routes/cases/list"];
// Things that belong on the server, on every page: the schema library, the holiday table, the legal
// rules table (a page shows a due date or a time limit its loader worked out).
// Each marker is a string its source has and keeps through minification.
const SERVER_ONLY = [
  { what: "zod", source: "node_modules/zod/v4/core/schemas.js", marker: /invalid_type/ },
  { what: "the holiday table", source: "packages/domain/src/cases/holidays-vn.ts", marker: /Giỗ Tổ Hùng Vương/ },
  { what: "the legal rules table", source: "packages/domain/src/cases/rules.ts", marker: /62\/2015\/NĐ-CP/ },
];

const appDir = path.resolve(import.meta.dirname, "..");
let out: string;
let assets: string;
let firstVisit: string[];

interface RouteEntry {
  module: string;
  imports?: string[];
}

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "thads-bundle-"));
  const built = spawnSync("npx", ["react-router", "build"], {
    cwd: appDir,
    env: { ...process.env, THADS_BUILD_DIR: out, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`client build failed:\n${built.stderr}`);
  assets = path.join(out, "client", "assets");
  const manifestFile = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))!;
  const src = readFileSync(path.join(assets, manifestFile), "utf8");
  const manifest = JSON.parse(src.slice(src.indexOf("=") + 1).replace(/;\s*$/, "")) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, RouteEntry>;
  };
  const files = new Set([`/assets/${manifestFile}`, manifest.entry.module, ...manifest.entry.imports]);
  for (const id of FIRST_VISIT_ROUTES) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`no route ${id} in the manifest`);
    files.add(route.module);
    for (const i of route.imports ?? []) files.add(i);
  }
  firstVisit = [...files].map((f) => f.replace(/^\/assets\//, ""));
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("the browser's first visit", () => {
  it(`downloads under ${BUDGET_BYTES.toLocaleString("en")} bytes of JavaScript, brotli-compressed`, () => {
    let total = 0;
    for (const f of firstVisit) {
      const file = path.join(assets, f);
      // The build writes .br beside every file of 1 KB or more; smaller ones go as they are.
      const size = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : readFileSync(file).length;
      total += size;
    }
    console.log(`first visit: ${firstVisit.length} scripts, ${total.toLocaleString("en")} bytes brotli`);
    expect(firstVisit.length).toBeGreaterThan(5);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });

  it("carries no server-only code: no schema library, holiday table or legal rules, on any page", () => {
    for (const { what, source, marker } of SERVER_ONLY) {
      expect(marker.test(readFileSync(path.join(appDir, "..", source), "utf8")), `the marker of ${what}`).toBe(true);
    }
    const scripts = readdirSync(assets).filter((f) => f.endsWith(".js"));
    expect(scripts).toEqual(expect.arrayContaining(firstVisit));
    for (const f of scripts) {
      const code = readFileSync(path.join(assets, f), "utf8");
      for (const { what, marker } of SERVER_ONLY) expect(marker.test(code), `${what} in ${f}`).toBe(false);
    }
  });

  it("has a brotli copy of every large script that decodes to the script", () => {
    const large = firstVisit.filter((f) => readFileSync(path.join(assets, f)).length >= 1024);
    expect(large.length).toBeGreaterThan(0);
    for (const f of large) {
      const plain = readFileSync(path.join(assets, f));
      const br = readFileSync(path.join(assets, `${f}.br`));
      expect(br.length, f).toBeLessThan(plain.length);
      expect(brotliDecompressSync(br).equals(plain), f).toBe(true);
    }
  });
});
