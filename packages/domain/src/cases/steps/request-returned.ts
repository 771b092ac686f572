/**
 * Return of the request (gửi lại yêu cầu thi hành án), 2026 rules: a case on request still not yet
 * enforceable two years after the not-yet-enforceable decision, verified, without new information
 * (L106 Art. 38(4)). The requester gets a written notice, the procuracy is told (D152 Art. 22(2)),
 * and the case ends (D152 Art. 32(1)(d)). A later request is not subject to the limitation period
 * (L106 Art. 34(2) ¶3) and must show the debtor's means.
 */
import { ok, onOpenCase } from "./shared.ts";
import { registerGuard } from "./register-transfer.ts";

export const requestReturned = onOpenCase("request_returned", {
  guard(state, date) {
    return registerGuard(state, date, "request_returned");
  },

  effect(_state, event, { date, base }) {
    const notice = typeof event.noticeNumber === "string" && event.noticeNumber.trim() ? event.noticeNumber.trim() : null;
    return ok({
      ...base,
      status: "returned",
      closedOn: date,
      closingReason: notice ? `Gửi lại yêu cầu thi hành án (thông báo số ${notice})` : "Gửi lại yêu cầu thi hành án",
    });
  },
});
