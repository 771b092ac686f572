import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The browser's bundle takes `@thads/domain/labels`: everything it reaches at run time must be
// light. Follows the value imports and re-exports (type-only ones vanish at build time).
const src = path.resolve(import.meta.dirname, "../src");
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?"([^"]+)";?/gm;

function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(path.join(src, entry));
  return { modules: new Set([...modules].map((f) => path.relative(src, f))), packages };
}

describe("the labels entry stays light", () => {
  const { modules, packages } = reachable("labels.ts");

  it("reaches no package (no schema library) and no rule, calendar or lifecycle module", () => {
    expect([...packages]).toEqual([]);
    for (const heavy of [
      "cases/holidays-vn.ts",
      "cases/calendar.ts",
      "cases/rules.ts",
      "cases/deadlines.ts",
      "cases/lifecycle.ts",
      "cases/schemas.ts",
      "assets/rules.ts",
      "assets/auction.ts",
      "requests/procedures.ts",
      "stats/figures.ts",
      "bounds.ts",
    ]) {
      expect(modules.has(heavy), heavy).toBe(false);
    }
  });

  it("follows imports (the walk sees the modules the entry names)", () => {
    expect(modules.has("cases/dates.ts")).toBe(true);
    expect(modules.has("stats/figure-labels.ts")).toBe(true);
  });

  it("the walk would catch a heavy import", () => {
    expect(reachable("cases/calendar.ts").modules.has("cases/holidays-vn.ts")).toBe(true);
    expect(reachable("cases/schemas.ts").packages.has("zod")).toBe(true);
  });
});
