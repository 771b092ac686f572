import { STEP_KINDS, type StepKind } from "@thads/core/cases/steps-schema";
import type { Described } from "./event-facts.ts";
import type { CasesMessageKey } from "./messages.ts";

/*
 * After a step is recorded the action redirects to the case page with `?done=<kind>` (post,
 * redirect, get: it works without JavaScript, and a reload does not post again). The page names
 * the step and the case in a confirmation; `done` is only ever one of the known kinds, never text
 * echoed from the address.
 */

/** What the case page can confirm: a recorded step, or a proposal to a steering committee. */
export type DoneKind = StepKind | "steering_propose";

/** The `done` query value as a known kind, or null for anything else (no confirmation then). */
export function parseDone(value: string | null | undefined): DoneKind | null {
  if (value === "steering_propose") return value;
  return value && (STEP_KINDS as readonly string[]).includes(value) ? (value as StepKind) : null;
}

/**
 * The confirmation for a known kind: the step named as the timeline names it (its latest event of
 * that kind, so an executor's first assignment reads as an assignment), and the case's number.
 * None when the case has no event of that kind (an address typed by hand).
 */
export function doneMessage(
  done: DoneKind,
  caseNumber: string,
  timeline: readonly { kind: string; described: Described }[],
  m: (key: CasesMessageKey, params?: Record<string, string>) => string,
): string | null {
  if (done === "steering_propose") return m("done.proposed", { number: caseNumber });
  const latest = timeline.findLast((e) => e.kind === done);
  return latest ? m("done.step", { step: latest.described.label, number: caseNumber }) : null;
}
