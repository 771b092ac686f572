/**
 * Classification (phân loại điều kiện thi hành án): after a (re-)verification, the case is
 * enforceable or not yet enforceable. An enforcing case that is classified enforceable stays enforcing.
 */
import { CASE_STATUS_LABELS, type CaseStatus } from "../state.ts";
import { d, err, interruptedError, isInterrupted, no, noDecisionError, notNotifiedError, ok, onOpenCase } from "./shared.ts";

export const classification = onOpenCase("classification", {
  guard(state) {
    const s = state.status;
    const interrupted = isInterrupted(state);
    if (s === "verified" || (state.awaitingClassification && !interrupted)) return null;
    if (s === "accepted") return noDecisionError("classification");
    if (s === "decided") return notNotifiedError("classification");
    if (interrupted) return interruptedError(state, "classification");
    if (s === "notified") {
      return err(
        "not_verified",
        `Không thể phân loại điều kiện thi hành án khi chưa xác minh điều kiện thi hành án của người phải thi hành án.`,
        `Cannot classify the case before the debtor's means have been verified.`,
      );
    }
    return err(
      "not_verified",
      `Việc thi hành án đã được phân loại “${CASE_STATUS_LABELS[state.classification ?? "enforceable"].vi}” ngày ${d(state.classifiedOn ?? state.lastEventDate)}; phải xác minh lại điều kiện thi hành án trước khi phân loại lại.`,
      `The case was classified ${state.classification ?? "enforceable"} on ${state.classifiedOn ?? state.lastEventDate}; re-verify the debtor's means before classifying it again.`,
    );
  },

  effect(state, event, { date, base }) {
    if (event.result !== "enforceable" && event.result !== "not_yet_enforceable") {
      return no(
        err(
          "invalid_event",
          `Kết quả phân loại phải là có điều kiện (enforceable) hoặc chưa có điều kiện thi hành (not_yet_enforceable).`,
          `The classification must be enforceable or not_yet_enforceable.`,
        ),
      );
    }
    const status: CaseStatus =
      event.result === "not_yet_enforceable" ? "not_yet_enforceable" : state.status === "enforcing" ? "enforcing" : "enforceable";
    // The not-yet-enforceable decision: the first such classification since the case was last
    // enforceable; the separate register counts from it. An enforceable classification clears it.
    const nye = event.result === "not_yet_enforceable";
    return ok({
      ...base,
      status,
      classification: event.result,
      classifiedOn: date,
      awaitingClassification: false,
      notYetEnforceableSince: nye ? (state.notYetEnforceableSince ?? date) : null,
      verificationsWhileNotYetEnforceable: nye ? state.verificationsWhileNotYetEnforceable : 0,
    });
  },
});
