/**
 * Verification (xác minh điều kiện thi hành án): the debtor's means are checked, once the voluntary
 * period is over; a classified case may be re-verified, and its classification must then follow.
 */
import { addCalendarDays, compareDates } from "../calendar.ts";
import type { CaseState } from "../state.ts";
import { d, err, interruptedError, isInterrupted, noDecisionError, notNotifiedError, ok, onOpenCase } from "./shared.ts";

export const verification = onOpenCase("verification", {
  guard(state, date) {
    const s = state.status;
    if (s === "accepted") return noDecisionError("verification");
    if (s === "decided") return notNotifiedError("verification");
    if (isInterrupted(state)) return interruptedError(state, "verification");
    if (s === "verified" || state.awaitingClassification) {
      return err(
        "awaiting_classification",
        `Đã xác minh ngày ${d(state.lastVerifiedOn ?? state.lastEventDate)}; phải phân loại có/chưa có điều kiện thi hành trước khi xác minh lại.`,
        `The debtor's means were verified on ${state.lastVerifiedOn ?? state.lastEventDate}; record the classification before verifying again.`,
      );
    }
    if (s === "notified" && date !== undefined && state.voluntaryPeriodEndsOn !== null) {
      if (compareDates(date, state.voluntaryPeriodEndsOn) <= 0) {
        return err(
          "voluntary_period_running",
          `Không thể ghi nhận xác minh khi chưa hết thời hạn tự nguyện thi hành án: thời hạn tự nguyện kéo dài đến hết ngày ${d(state.voluntaryPeriodEndsOn)}, xác minh sớm nhất từ ngày ${d(addCalendarDays(state.voluntaryPeriodEndsOn, 1))}.`,
          `Cannot record a verification before the voluntary compliance period is over: it runs until the end of ${state.voluntaryPeriodEndsOn}.`,
        );
      }
    }
    return null;
  },

  effect(state, event, { date, base }) {
    const flag = event.debtorImprisonedOrUnknownAddress;
    const next: CaseState = {
      ...base,
      firstVerifiedOn: state.firstVerifiedOn ?? date,
      lastVerifiedOn: date,
      newInformationOn: null,
      debtorImprisonedOrUnknownAddress: typeof flag === "boolean" ? flag : state.debtorImprisonedOrUnknownAddress,
      // A verification of a case decided not yet enforceable counts towards the separate register.
      verificationsWhileNotYetEnforceable:
        state.status === "not_yet_enforceable" ? state.verificationsWhileNotYetEnforceable + 1 : state.verificationsWhileNotYetEnforceable,
    };
    if (state.status === "notified") return ok({ ...next, status: "verified", awaitingClassification: false });
    // Re-verification of a classified case: its status stands until the classification that follows.
    return ok({ ...next, awaitingClassification: true });
  },
});
