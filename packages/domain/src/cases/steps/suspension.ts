/**
 * Suspension (tạm đình chỉ thi hành án): enforcement is suspended; a resumption returns the case
 * to the status it had.
 */
import type { ResumableStatus } from "../state.ts";
import { interruptedError, isInterrupted, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const suspension = onOpenCase("suspension", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("suspension");
    if (isInterrupted(state)) return interruptedError(state, "suspension");
    return null;
  },

  effect(state, _event, { date, base }) {
    return ok({ ...base, status: "suspended", interruptedFrom: state.status as ResumableStatus, interruptedOn: date });
  },
});
