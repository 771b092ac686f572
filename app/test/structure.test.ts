import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The web app holds no SQL: every query and command lives in a feature module
 * of packages/core, which routes call. The health check is the one exception
 * (it asks the database for nothing but `select 1`). Scripts and benchmarks
 * import feature modules, never the app.
 */
const repo = path.resolve(import.meta.dirname, "../..");

function files(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(full);
  }
  return out;
}

/** A tagged template on a client or transaction (`tx\`…\``, `sql<Row[]>\`…\``) or an unsafe query. */
const TAGGED_SQL = /\b(?:tx|sql|db|t|trx|q|s)(?:<[^`>]*(?:<[^`>]*>[^`>]*)*>)?`|\.unsafe\(/;

describe("structure", () => {
  it("finds the tagged SQL pattern it looks for", () => {
    expect(TAGGED_SQL.test("await tx`select 1`")).toBe(true);
    expect(TAGGED_SQL.test("await tx<{ n: number }[]>`select 1 as n`")).toBe(true);
    expect(TAGGED_SQL.test("sql.unsafe(text)")).toBe(true);
    expect(TAGGED_SQL.test("const label = `${a} ${b}`")).toBe(false);
  });

  it("has no tagged SQL under app/app except the health check", () => {
    const offenders = files(path.join(repo, "app/app"), [".ts", ".tsx"])
      .filter((f) => !f.endsWith(path.join("routes", "healthz.ts")))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${path.relative(repo, f)}:${i + 1}` }))
          .filter(({ line }) => TAGGED_SQL.test(line))
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });

  it("scripts import no file of the app", () => {
    const offenders = files(path.join(repo, "scripts"), [".ts", ".mjs", ".js"]).filter((f) =>
      /from\s+["'](?:\.\.\/)+app\//.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(repo, f))).toEqual([]);
  });
});
