import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  STAT_BREAKDOWN_GROUPS,
  STAT_BREAKDOWN_LABELS,
  STAT_BREAKDOWN_PARTS,
  STAT_DEFINITION_KEYS,
  STAT_DEFINITIONS,
} from "../../src/stats/index.ts";

const apiDoc = readFileSync(fileURLToPath(new URL("../../../../docs/api.md", import.meta.url)), "utf8");

describe("the statistics' definitions are one text", () => {
  it("docs/api.md carries every definition word for word, under its key", () => {
    for (const k of STAT_DEFINITION_KEYS) expect(apiDoc, k).toContain(`- \`${k}\` — ${STAT_DEFINITIONS[k].en}`);
  });
  it("every definition has both languages, and the breakdown groups cover every part once", () => {
    for (const k of STAT_DEFINITION_KEYS) {
      expect(STAT_DEFINITIONS[k].vi.length, k).toBeGreaterThan(20);
      expect(STAT_DEFINITIONS[k].en.length, k).toBeGreaterThan(20);
    }
    const grouped = Object.values(STAT_BREAKDOWN_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...STAT_BREAKDOWN_PARTS].sort());
    for (const p of STAT_BREAKDOWN_PARTS) expect(STAT_BREAKDOWN_LABELS[p].vi, p).toBeTruthy();
  });
});
