/**
 * Act performed (thực hiện nghĩa vụ không phải tiền): the debtor did what one act obligation required.
 * Performing an act on an enforceable case starts its enforcement.
 */
import type { CaseState } from "../state.ts";
import {
  d,
  err,
  interruptedError,
  isInterrupted,
  no,
  noDecisionError,
  notNotifiedError,
  obligationOfKind,
  ok,
  onOpenCase,
  withEnforcementStarted,
} from "./shared.ts";

function hasPendingAct(state: CaseState): boolean {
  return state.obligations.some((o) => o.kind === "act" && o.performedOn === null);
}

export const actPerformed = onOpenCase("act_performed", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("act_performed");
    if (state.status === "decided") return notNotifiedError("act_performed");
    if (isInterrupted(state)) return interruptedError(state, "act_performed");
    if (!hasPendingAct(state)) {
      return err(
        "nothing_outstanding",
        `Không thể ghi nhận thực hiện nghĩa vụ: không còn nghĩa vụ (không phải tiền) nào chưa thực hiện.`,
        `Cannot record a performed act: no non-monetary obligation is pending.`,
      );
    }
    return null;
  },

  effect(state, event, { date, base }) {
    const found = obligationOfKind(state, event.obligationId, "act");
    if (!found.ok) return no(found.error);
    const o = found.obligation;
    if (o.performedOn !== null) {
      return no(
        err(
          "obligation_settled",
          `Nghĩa vụ "${o.id}" đã được thực hiện ngày ${d(o.performedOn)}.`,
          `Obligation "${o.id}" was already performed on ${o.performedOn}.`,
        ),
      );
    }
    const obligations = state.obligations.map((x) => (x.id === o.id && x.kind === "act" ? { ...x, performedOn: date } : x));
    return ok({ ...base, obligations, ...withEnforcementStarted(state, date) });
  },
});
