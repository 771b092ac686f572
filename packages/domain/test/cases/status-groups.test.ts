import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../../src/cases/state.ts";
import { STATUS_GROUPS, statusGroupOf, statusesOfGroup } from "../../src/cases/status-groups.ts";

describe("status groups of a creditor's portfolio", () => {
  it("put every status in exactly one group, closed ones apart from the register", () => {
    const all = STATUS_GROUPS.flatMap((g) => statusesOfGroup(g, CASE_STATUSES));
    expect([...all].sort()).toEqual([...CASE_STATUSES].sort());
    expect(statusGroupOf("enforcing")).toBe("in_progress");
    expect(statusGroupOf("postponed")).toBe("in_progress");
    expect(statusGroupOf("not_yet_enforceable")).toBe("not_yet_enforceable");
    expect(statusGroupOf("separate_register")).toBe("separate_register");
    expect(statusesOfGroup("closed", CASE_STATUSES).sort()).toEqual(["completed", "returned", "terminated", "transferred_out"]);
  });
});
