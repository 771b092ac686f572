import { describe, expect, it } from "vitest";
import { CASE_EVENT_KINDS, nextActions } from "../../src/cases/index.ts";
import { STEPS, type StepRegistry } from "../../src/cases/steps/index.ts";

describe("the step registry", () => {
  it("has a step for every event kind the domain lists, and no other", () => {
    for (const kind of CASE_EVENT_KINDS) {
      const step = STEPS[kind];
      expect(step, kind).toBeDefined();
      expect(step.kind).toBe(kind);
      expect(typeof step.guard).toBe("function");
      expect(typeof step.effect).toBe("function");
    }
    expect(Object.keys(STEPS).sort()).toEqual([...CASE_EVENT_KINDS].sort());
  });

  it("does not typecheck without a step for every event kind", () => {
    // @ts-expect-error a registry missing a kind's step is refused by the compiler
    const partial: StepRegistry = { acceptance: STEPS.acceptance };
    expect(Object.keys(partial)).toEqual(["acceptance"]);
  });

  it("refuses every step but the acceptance before the case exists", () => {
    for (const kind of CASE_EVENT_KINDS) {
      expect(STEPS[kind].guard(null)?.code ?? null, kind).toBe(kind === "acceptance" ? null : "not_accepted");
    }
    expect(nextActions(null)).toEqual(["acceptance"]);
  });
});
