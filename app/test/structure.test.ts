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

/** A tagged template on a client or transaction (`tx\`…\``, `sql<Row[]>\`…\``, generics over several lines) or an unsafe query. */
const TAGGED_SQL = /(?<![`'’])\b(?:tx|sql|db|t|trx|q|s|owner|anon)\s*(?:<(?:[^`<>]|<[^`<>]*>)*>)?\s*`|\.unsafe\(/g;
/** A template literal that starts a statement, whatever its tag. */
const SQL_TEMPLATE = /`\s*(?:select|insert|update|delete|with|create|alter|drop|grant|revoke|set|call)\s/gi;

/** Line numbers of the matches of both patterns in a file's text. */
function sqlLines(text: string): number[] {
  const lines = new Set<number>();
  for (const re of [TAGGED_SQL, SQL_TEMPLATE]) {
    for (const m of text.matchAll(re)) lines.add(text.slice(0, m.index).split("\n").length);
  }
  return [...lines].sort((a, b) => a - b);
}

describe("structure", () => {
  it("finds the tagged SQL pattern it looks for", () => {
    expect(sqlLines("await tx`select 1`")).toEqual([1]);
    expect(sqlLines("await tx<{ n: number }[]>`select 1 as n`")).toEqual([1]);
    expect(sqlLines("const rows = await tx<\n  { a: string; b: Record<string, number> }[]\n>`\n  values (1)`")).toEqual([1]);
    expect(sqlLines("await run(`\n  select * from public.cases`)")).toEqual([1]);
    expect(sqlLines("sql.unsafe(text)")).toEqual([1]);
    expect(sqlLines("await owner`select 1`")).toEqual([1]);
    expect(sqlLines("/** a message's `{name}` placeholders, run as `anon` here */")).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text under test is source code holding template literals
    expect(sqlLines("const label = `${a} ${b}`; const s2 = `${n} selected`")).toEqual([]);
  });

  it("has no tagged SQL under app/app except the health check", () => {
    const offenders = files(path.join(repo, "app/app"), [".ts", ".tsx"])
      .filter((f) => !f.endsWith(path.join("routes", "healthz.ts")))
      .flatMap((f) => sqlLines(readFileSync(f, "utf8")).map((n) => `${path.relative(repo, f)}:${n}`));
    expect(offenders).toEqual([]);
  });

  it("scripts import no file of the app", () => {
    const offenders = files(path.join(repo, "scripts"), [".ts", ".mjs", ".js"]).filter((f) =>
      /from\s+["'](?:\.\.\/)+app\//.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(repo, f))).toEqual([]);
  });

  it("keeps every route module under 200 lines (page sections live in components beside it)", () => {
    const routes = readFileSync(path.join(repo, "app/app/routes.ts"), "utf8");
    const modules = [...routes.matchAll(/"(routes\/[^"]+\.tsx?)"/g)].map((m) => m[1]!);
    expect(modules.length).toBeGreaterThan(40);
    const long = modules
      .map((f) => ({ f, lines: readFileSync(path.join(repo, "app/app", f), "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 200);
    expect(long).toEqual([]);
  });
});
