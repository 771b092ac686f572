/**
 * Reopening from the separate register (xác minh lại khi có thông tin mới): new information about
 * the debtor's means brings the case back to the active workload, not yet enforceable; the executor
 * verifies within 10 days and enforces (D62 Art. 9(6), 9(4) ¶2; D152 Art. 22(1) ¶2, L106 Art. 38(2)).
 */
import { CASE_STATUS_LABELS } from "../state.ts";
import { err, isNonEmpty, no, ok, onOpenCase } from "./shared.ts";

export const registerReopening = onOpenCase("register_reopening", {
  guard(state) {
    if (state.status === "separate_register") return null;
    return err(
      "not_in_separate_register",
      `Không thể ghi nhận xác minh lại khi có thông tin mới: việc thi hành án không ở sổ theo dõi riêng (trạng thái hiện tại: ${CASE_STATUS_LABELS[state.status].vi}).`,
      `Cannot record a reopening: the case is not in the separate register (current status: ${state.status}).`,
    );
  },

  effect(_state, event, { date, base }) {
    if (!isNonEmpty(event.newInformation)) {
      return no(
        err(
          "missing_information",
          `Phải ghi rõ thông tin mới về điều kiện thi hành án của người phải thi hành án (và người cung cấp).`,
          `A reopening needs the new information about the debtor's means (and who gave it).`,
        ),
      );
    }
    return ok({ ...base, status: "not_yet_enforceable", reopenedOn: date });
  },
});
