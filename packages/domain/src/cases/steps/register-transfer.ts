/**
 * Move to the separate register (chuyển sổ theo dõi riêng): a case still not yet enforceable once
 * the register period has passed since the not-yet-enforceable decision and it was verified often
 * enough (old rules: every case, D62 Art. 9(5); 2026 rules: ex officio cases, D152 Art. 22(1)).
 * The case leaves the active workload and is counted on its own line (D62 Art. 9(6)).
 */
import { formatDateVi as d } from "../calendar.ts";
import { registerConditionsUnmet, registerStepOf } from "../register.ts";
import type { CaseState } from "../state.ts";
import type { CaseRuleError } from "../state.ts";
import { err, interruptedError, isInterrupted, no, ok, onOpenCase } from "./shared.ts";

/** Why a not-yet-enforceable case cannot end its road by `step` on `date` (shared with the return). */
export function registerGuard(
  state: CaseState,
  date: string | undefined,
  step: "register_transfer" | "request_returned",
): CaseRuleError | null {
  const what =
    step === "register_transfer"
      ? { vi: "chuyển sổ theo dõi riêng", en: "move the case to the separate register" }
      : { vi: "gửi lại yêu cầu thi hành án", en: "return the request" };
  if (isInterrupted(state)) return interruptedError(state, step);
  if (state.status !== "not_yet_enforceable" || state.awaitingClassification) {
    return err(
      "register_conditions_not_met",
      state.awaitingClassification
        ? `Không thể ${what.vi}: đã xác minh lại, phải phân loại điều kiện thi hành án trước.`
        : `Không thể ${what.vi}: chỉ áp dụng cho việc đã có quyết định về việc chưa có điều kiện thi hành án.`,
      state.awaitingClassification
        ? `Cannot ${what.en}: the case was re-verified; record its classification first.`
        : `Cannot ${what.en}: only a case decided not yet enforceable can.`,
    );
  }
  const r = registerStepOf(state);
  if (r === null) {
    return err(
      "register_conditions_not_met",
      `Không thể ${what.vi}: chưa có quyết định về việc chưa có điều kiện thi hành án.`,
      `Cannot ${what.en}: no not-yet-enforceable decision.`,
    );
  }
  if (r.step !== step) {
    return step === "register_transfer"
      ? err(
          "wrong_decision_mode",
          `Không thể chuyển sổ theo dõi riêng: việc thi hành án theo yêu cầu có quyết định về việc chưa có điều kiện thi hành án từ ngày 01/07/2026 thì gửi lại yêu cầu thi hành án (khoản 4 Điều 38 Luật Thi hành án dân sự 2025; khoản 2 Điều 22 Nghị định 152/2026/NĐ-CP).`,
          `Cannot move the case to the separate register: a case on request decided not yet enforceable from 01/07/2026 has its request returned (L106 Art. 38(4); D152 Art. 22(2)).`,
        )
      : err(
          "wrong_decision_mode",
          state.decisionMode === "on_request"
            ? `Không thể gửi lại yêu cầu thi hành án: quyết định về việc chưa có điều kiện thi hành án trước ngày 01/07/2026 thì chuyển sổ theo dõi riêng (khoản 5 Điều 9 Nghị định 62/2015/NĐ-CP).`
            : `Không thể gửi lại yêu cầu thi hành án: việc thi hành án do cơ quan thi hành án chủ động ra quyết định thì chuyển sổ theo dõi riêng (khoản 1 Điều 22 Nghị định 152/2026/NĐ-CP).`,
          state.decisionMode === "on_request"
            ? `Cannot return the request: a case decided not yet enforceable before 01/07/2026 moves to the separate register (D62 Art. 9(5)).`
            : `Cannot return the request: an ex officio case moves to the separate register (D152 Art. 22(1)).`,
        );
  }
  if (state.newInformationOn !== null) {
    return err(
      "register_conditions_not_met",
      `Không thể ${what.vi}: có thông tin mới về điều kiện thi hành án ngày ${d(state.newInformationOn)} chưa được xác minh; phải xác minh (trong 10 ngày) trước.`,
      `Cannot ${what.en}: new information about the debtor's means of ${state.newInformationOn} has not been verified yet; verify it first (within 10 days).`,
    );
  }
  const unmet = registerConditionsUnmet(r, date);
  if (unmet) return err("register_conditions_not_met", `Không thể ${what.vi}: ${unmet.vi}.`, `Cannot ${what.en}: ${unmet.en}.`);
  return null;
}

export const registerTransfer = onOpenCase("register_transfer", {
  guard(state, date) {
    return registerGuard(state, date, "register_transfer");
  },

  effect(_state, _event, { date, base }) {
    if (base.status !== "not_yet_enforceable") return no(err("invalid_event", "Trạng thái không hợp lệ.", "Invalid status."));
    return ok({ ...base, status: "separate_register", registeredOn: date });
  },
});
