/**
 * Notification (thông báo quyết định thi hành án): the parties learn of the decision, and the
 * voluntary compliance period starts running.
 */
import { periodEnd, rulesFor } from "../rules.ts";
import { d, err, interruptedError, isInterrupted, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const notification = onOpenCase("notification", {
  guard(state) {
    const s = state.status;
    if (s === "decided") return null;
    if (s === "accepted") return noDecisionError("notification");
    if (isInterrupted(state) && state.notifiedOn === null) return interruptedError(state, "notification");
    return err(
      "already_notified",
      `Quyết định thi hành án đã được thông báo ngày ${d(state.notifiedOn ?? state.lastEventDate)}.`,
      `The parties were already notified on ${state.notifiedOn ?? state.lastEventDate}.`,
    );
  },

  effect(_state, _event, { date, base, calendar, ruleSets }) {
    const rules = rulesFor(date, ruleSets);
    return ok({
      ...base,
      status: "notified",
      notifiedOn: date,
      voluntaryPeriodEndsOn: periodEnd(date, { unit: "days", amount: rules.voluntaryDays }, rules, calendar),
    });
  },
});
