/**
 * Termination (đình chỉ thi hành án): closes the case on a legal ground (Art. 50), from the decision
 * on, even while it is postponed or suspended.
 */
import { err, isNonEmpty, no, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const termination = onOpenCase("termination", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("termination");
    return null;
  },

  effect(_state, event, { date, base }) {
    if (!isNonEmpty(event.reason)) {
      return no(
        err(
          "missing_reason",
          `Phải ghi rõ căn cứ đình chỉ thi hành án (Điều 50 Luật Thi hành án dân sự).`,
          `A termination needs its legal ground (Art. 50).`,
        ),
      );
    }
    return ok({
      ...base,
      status: "terminated",
      interruptedFrom: null,
      interruptedOn: null,
      closedOn: date,
      closingReason: event.reason,
    });
  },
});
