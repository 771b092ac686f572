/**
 * Completion (thi hành xong): closes the case once every money obligation is paid and every act performed.
 */
import { formatDong } from "../../money.ts";
import { allObligationsSettled } from "../queries.ts";
import type { CaseState } from "../state.ts";
import { err, interruptedError, isInterrupted, noDecisionError, notNotifiedError, ok, onOpenCase } from "./shared.ts";

/** What is still owed or still to be done, for the refusal's message. */
function unsettledSummary(state: CaseState): { vi: string; en: string } {
  const vis: string[] = [];
  const ens: string[] = [];
  for (const o of state.obligations) {
    if (o.kind === "money" && o.paid < o.amount) {
      vis.push(`khoản ${o.id} còn ${formatDong(o.amount - o.paid)}`);
      ens.push(`obligation ${o.id} has ${(o.amount - o.paid).toString()} VND outstanding`);
    } else if (o.kind === "act" && o.performedOn === null) {
      vis.push(`khoản ${o.id} (${o.description}) chưa thực hiện`);
      ens.push(`obligation ${o.id} (${o.description}) not performed`);
    }
  }
  return { vi: vis.join("; "), en: ens.join("; ") };
}

export const completion = onOpenCase("completion", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("completion");
    if (state.status === "decided") return notNotifiedError("completion");
    if (isInterrupted(state)) return interruptedError(state, "completion");
    if (!allObligationsSettled(state)) {
      const left = unsettledSummary(state);
      return err(
        "obligations_not_settled",
        `Không thể ghi nhận thi hành xong khi còn khoản phải thi hành chưa xong: ${left.vi}.`,
        `Cannot record completion while obligations are unsettled: ${left.en}.`,
      );
    }
    return null;
  },

  effect(_state, _event, { date, base }) {
    return ok({ ...base, status: "completed", closedOn: date, closingReason: null });
  },
});
