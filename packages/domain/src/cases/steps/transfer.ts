/**
 * Transfer (ủy thác thi hành án): the case is entrusted either to the civil judgment enforcement
 * agency of ANOTHER province, which accepts it anew, or to a military-region enforcement agency
 * (cơ quan thi hành án cấp quân khu — part of the enforcement system, L106 Art. 17(2); it enforces
 * "bản án, quyết định do cơ quan thi hành án dân sự nơi khác ủy thác", Art. 32(3)(đ); the 2022
 * wording of L26 Art. 56 names it as a receiving agency too). Here the case closes as
 * `transferred_out`, counted on the transfer line of the statistics either way.
 */
import { AGENCY_NAME_MAX, AGENCY_NAME_MIN, isAgencyName } from "../agency-name.ts";
import { err, interruptedError, isInterrupted, isNonEmpty, no, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const transfer = onOpenCase("transfer", {
  guard(state) {
    if (state.status === "accepted") return noDecisionError("transfer");
    if (isInterrupted(state)) return interruptedError(state, "transfer");
    return null;
  },

  effect(state, event, { date, base }) {
    const province = isNonEmpty(event.toProvinceId) ? event.toProvinceId : null;
    const military = typeof event.toMilitaryAgency === "string" ? event.toMilitaryAgency.trim() : "";
    if (province !== null && military !== "") {
      return no(
        err(
          "invalid_event",
          `Nơi nhận ủy thác: chỉ ghi một nơi — cơ quan thi hành án dân sự tỉnh/thành phố khác hoặc cơ quan thi hành án cấp quân khu.`,
          `Transfer to: name one agency only — another province's or a military-region agency.`,
        ),
      );
    }
    if (province === null && military === "") {
      return no(
        err(
          "invalid_event",
          `Phải ghi rõ nơi nhận ủy thác: cơ quan thi hành án dân sự tỉnh/thành phố khác hoặc cơ quan thi hành án cấp quân khu.`,
          `The receiving agency is required: another province's or a military-region agency.`,
        ),
      );
    }
    if (province === null) {
      if (!isAgencyName(military)) {
        return no(
          err(
            "invalid_event",
            `Cơ quan thi hành án cấp quân khu nhận ủy thác: ghi tên từ ${AGENCY_NAME_MIN} đến ${AGENCY_NAME_MAX} ký tự.`,
            `Receiving military-region agency: a name of ${AGENCY_NAME_MIN} to ${AGENCY_NAME_MAX} characters.`,
          ),
        );
      }
      return ok({
        ...base,
        status: "transferred_out",
        transferredTo: { provinceId: null, unitId: null, militaryAgency: military },
        closedOn: date,
        closingReason: null,
      });
    }
    if (province === state.provinceId) {
      return no(
        err(
          "transfer_same_province",
          `Không thể ủy thác thi hành án trong cùng một tỉnh/thành phố: nơi nhận ủy thác trùng với tỉnh đang thụ lý (${state.provinceId}). Ủy thác chỉ thực hiện cho cơ quan thi hành án dân sự tỉnh/thành phố khác hoặc cơ quan thi hành án cấp quân khu; việc chuyển giữa các phòng khu vực của cùng tỉnh không phải là ủy thác.`,
          `Cannot transfer a case within its own province (${state.provinceId}): a transfer goes to another province's agency or a military-region agency; moving it between offices of the same province is not a transfer.`,
        ),
      );
    }
    return ok({
      ...base,
      status: "transferred_out",
      transferredTo: { provinceId: province, unitId: event.toUnitId ?? null, militaryAgency: null },
      closedOn: date,
      closingReason: null,
    });
  },
});
