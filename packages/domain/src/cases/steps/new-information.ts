/**
 * New information about the means of a debtor found without them (tiếp nhận thông tin mới về điều
 * kiện thi hành án): the executor verifies within 10 days of receiving it (old rules: L26 Art. 44(2)
 * and D62 Art. 9(4) ¶2, after the two verifications that end periodic re-verification; 2026 rules:
 * L106 Art. 38(2) ¶2). The case stays not yet enforceable until that verification and its
 * classification; for a case in the separate register the information reopens it instead
 * (./register-reopening.ts). The step opens the deadline and changes no figure.
 */
import { CASE_STATUS_LABELS } from "../state.ts";
import { err, isNonEmpty, no, ok, onOpenCase } from "./shared.ts";

export const newInformation = onOpenCase("new_information", {
  guard(state) {
    if (state.status === "not_yet_enforceable") return null;
    return err(
      "not_not_yet_enforceable",
      `Không thể ghi nhận thông tin mới về điều kiện thi hành án: chỉ áp dụng cho việc chưa có điều kiện thi hành (trạng thái hiện tại: ${CASE_STATUS_LABELS[state.status].vi}); việc ở sổ theo dõi riêng thì ghi nhận xác minh lại khi có thông tin mới.`,
      `Cannot record new information: only for a case not yet enforceable (current status: ${state.status}); a case in the separate register is reopened instead.`,
    );
  },

  effect(state, event, { date, base }) {
    if (!isNonEmpty(event.newInformation)) {
      return no(
        err(
          "missing_information",
          `Phải ghi rõ thông tin mới về điều kiện thi hành án của người phải thi hành án (và người cung cấp).`,
          `New information about the debtor's means (and who gave it) is required.`,
        ),
      );
    }
    return ok({ ...base, newInformationOn: state.newInformationOn ?? date });
  },
});
