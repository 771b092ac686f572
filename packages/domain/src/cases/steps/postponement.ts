/**
 * Postponement (hoãn thi hành án): enforcement stops for a while; a resumption returns the case
 * to the status it had.
 */
import type { ResumableStatus } from "../state.ts";
import { interruptedError, isInterrupted, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const postponement = onOpenCase("postponement", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("postponement");
    if (isInterrupted(state)) return interruptedError(state, "postponement");
    return null;
  },

  effect(state, _event, { date, base }) {
    return ok({ ...base, status: "postponed", interruptedFrom: state.status as ResumableStatus, interruptedOn: date });
  },
});
