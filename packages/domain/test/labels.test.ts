import { describe, expect, it } from "vitest";
import * as labels from "../src/labels.ts";

describe("the UI's labels entry", () => {
  const tables = Object.entries(labels).filter(([name]) => name.endsWith("_LABELS")) as [
    string,
    Record<string, { vi: string; en: string }>,
  ][];

  it("carries every label table of the domain", () => {
    expect(tables.map(([n]) => n).sort()).toEqual(
      [
        "ASSET_KIND_LABELS",
        "ASSET_STATUS_LABELS",
        "ASSET_STEP_LABELS",
        "BIDDER_SITUATION_LABELS",
        "CASE_EVENT_LABELS",
        "CASE_STATUS_LABELS",
        "DEADLINE_LABELS",
        "DEPOSIT_OUTCOME_LABELS",
        "DISTRIBUTION_RANK_LABELS",
        "DRILL_FIGURE_LABELS",
        "FLAG_REASON_LABELS",
        "FORCE_LABELS",
        "REQUEST_ACTION_LABELS",
        "REQUEST_STATUS_LABELS",
        "ROLE_LABELS",
        "ROUND_RESULT_LABELS",
        "STATUS_GROUP_LABELS",
        "STAT_BREAKDOWN_GROUP_LABELS",
        "STAT_BREAKDOWN_LABELS",
        "STAT_FIGURE_LABELS",
      ].sort(),
    );
  });

  it.each(tables)("%s names every entry in Vietnamese and English", (_name, table) => {
    expect(Object.keys(table).length).toBeGreaterThan(0);
    for (const [key, label] of Object.entries(table)) {
      expect(label.vi.trim(), `${key} vi`).not.toBe("");
      expect(label.en.trim(), `${key} en`).not.toBe("");
    }
  });
});
