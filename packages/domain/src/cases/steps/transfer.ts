/**
 * Transfer (ủy thác thi hành án): the case is entrusted to ANOTHER province, which accepts it anew;
 * here it closes as `transferred_out`.
 */
import { err, interruptedError, isInterrupted, isNonEmpty, no, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const transfer = onOpenCase("transfer", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("transfer");
    if (isInterrupted(state)) return interruptedError(state, "transfer");
    return null;
  },

  effect(state, event, { date, base }) {
    if (!isNonEmpty(event.toProvinceId)) {
      return no(err("invalid_event", `Phải ghi rõ tỉnh/thành phố nhận ủy thác.`, `The receiving province is required.`));
    }
    if (event.toProvinceId === state.provinceId) {
      return no(
        err(
          "transfer_same_province",
          `Không thể ủy thác thi hành án trong cùng một tỉnh/thành phố: nơi nhận ủy thác trùng với tỉnh đang thụ lý (${state.provinceId}). Ủy thác chỉ thực hiện cho cơ quan thi hành án dân sự tỉnh/thành phố khác; việc chuyển giữa các phòng khu vực của cùng tỉnh không phải là ủy thác.`,
          `Cannot transfer a case within its own province (${state.provinceId}): a transfer goes to another province only; moving it between offices of the same province is not a transfer.`,
        ),
      );
    }
    return ok({
      ...base,
      status: "transferred_out",
      transferredTo: { provinceId: event.toProvinceId, unitId: event.toUnitId ?? null },
      closedOn: date,
      closingReason: null,
    });
  },
});
