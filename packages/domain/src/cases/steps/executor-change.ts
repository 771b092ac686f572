/**
 * Executor change (thay đổi chấp hành viên): the case is assigned to an executor, or re-assigned with
 * a reason. Possible at any time while the case is open; the status does not change.
 */
import { err, isNonEmpty, no, ok, onOpenCase } from "./shared.ts";

export const executorChange = onOpenCase("executor_change", {
  guard() {
    return null;
  },

  effect(state, event, { base }) {
    if (!isNonEmpty(event.executorId)) {
      return no(err("invalid_event", `Phải ghi rõ chấp hành viên mới.`, `The new executor is required.`));
    }
    if (event.executorId === state.executorId) {
      return no(
        err(
          "same_executor",
          `Chấp hành viên mới trùng với chấp hành viên đang được phân công.`,
          `The new executor is the one already assigned.`,
        ),
      );
    }
    if (state.executorId !== null && !isNonEmpty(event.reason)) {
      return no(err("missing_reason", `Thay đổi chấp hành viên phải ghi rõ lý do.`, `A change of executor must record its reason.`));
    }
    return ok({ ...base, executorId: event.executorId });
  },
});
