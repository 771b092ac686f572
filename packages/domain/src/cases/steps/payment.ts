/**
 * Payment (nộp tiền thi hành án): money paid on one money obligation, never more than is owed.
 * A payment on an enforceable case starts its enforcement.
 */
import { formatDong } from "../../money.ts";
import type { CaseState } from "../state.ts";
import {
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

function hasOutstandingMoney(state: CaseState): boolean {
  return state.obligations.some((o) => o.kind === "money" && o.paid < o.amount);
}

export const payment = onOpenCase("payment", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("payment");
    if (state.status === "decided") return notNotifiedError("payment");
    if (isInterrupted(state)) return interruptedError(state, "payment");
    if (!hasOutstandingMoney(state)) {
      return err(
        "nothing_outstanding",
        `Không thể ghi nhận nộp tiền: việc thi hành án không còn khoản tiền nào phải thi hành.`,
        `Cannot record a payment: no money obligation is outstanding.`,
      );
    }
    return null;
  },

  effect(state, event, { date, base }) {
    const found = obligationOfKind(state, event.obligationId, "money");
    if (!found.ok) return no(found.error);
    const o = found.obligation;
    if (typeof event.amount !== "bigint" || event.amount <= 0n) {
      return no(
        err(
          "invalid_amount",
          `Số tiền nộp phải là số đồng nguyên dương (bigint), nhận được: ${String(event.amount)}.`,
          `The payment must be a positive whole number of đồng (bigint), got ${String(event.amount)}.`,
        ),
      );
    }
    const left = o.amount - o.paid;
    if (left === 0n) {
      return no(
        err(
          "obligation_settled",
          `Khoản "${o.id}" đã được nộp đủ ${formatDong(o.amount)}; không thể nộp thêm.`,
          `Obligation "${o.id}" is already fully paid (${o.amount.toString()} VND).`,
        ),
      );
    }
    if (event.amount > left) {
      return no(
        err(
          "overpayment",
          `Số tiền nộp ${formatDong(event.amount)} vượt quá số còn phải thi hành của khoản "${o.id}" (${formatDong(left)}).`,
          `The payment of ${event.amount.toString()} VND exceeds the ${left.toString()} VND outstanding on obligation "${o.id}".`,
        ),
      );
    }
    const obligations = state.obligations.map((x) => (x.id === o.id && x.kind === "money" ? { ...x, paid: x.paid + event.amount } : x));
    return ok({ ...base, obligations, ...withEnforcementStarted(state, date) });
  },
});
