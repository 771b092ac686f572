/**
 * Resumption (tiếp tục thi hành án): a postponed or suspended case returns to the status it had.
 */
import { CASE_STATUS_LABELS } from "../state.ts";
import { err, isInterrupted, ok, onOpenCase } from "./shared.ts";

export const resumption = onOpenCase("resumption", {
  guard(state) {
    if (isInterrupted(state)) return null;
    return err(
      "not_interrupted",
      `Không thể ghi nhận tiếp tục thi hành án: việc thi hành án không bị hoãn hoặc tạm đình chỉ (trạng thái hiện tại: ${CASE_STATUS_LABELS[state.status].vi}).`,
      `Cannot record a resumption: the case is neither postponed nor suspended (current status: ${state.status}).`,
    );
  },

  effect(state, _event, { date, base }) {
    return ok({
      ...base,
      status: state.interruptedFrom ?? "decided",
      interruptedFrom: null,
      interruptedOn: null,
      lastResumedOn: date,
    });
  },
});
