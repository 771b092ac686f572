/**
 * Handover on a reorganisation of units (chuyển giao do sắp xếp tổ chức bộ máy): the unit that held
 * an open case hands it to its successor in the same province, on the reorganisation's date (the
 * 2025 merger of provinces and of district offices). A case in the separate register moves too. The
 * agency's maintenance records it, never a user (MAINTENANCE_EVENT_KINDS); the statistics count the
 * case under the successor from that day (ADR 028).
 */
import { holdingUnitOf } from "../../stats/figures.ts";
import { err, isNonEmpty, no, ok, onOpenCase } from "./shared.ts";

export const reorganisation = onOpenCase("reorganisation", {
  guard() {
    return null;
  },

  effect(state, event, { base }) {
    if (!isNonEmpty(event.unitId) || !isNonEmpty(event.fromUnitId)) {
      return no(
        err(
          "invalid_event",
          `Phải ghi rõ đơn vị giao và đơn vị tiếp nhận việc thi hành án khi sắp xếp tổ chức bộ máy.`,
          `A handover on reorganisation names the unit handing the case over and its successor.`,
        ),
      );
    }
    const holding = holdingUnitOf(state);
    if (event.fromUnitId !== holding) {
      return no(
        err(
          "not_holding_unit",
          `Đơn vị giao (${event.fromUnitId}) không phải đơn vị đang thụ lý việc thi hành án (${holding}).`,
          `The unit handing the case over (${event.fromUnitId}) does not hold it (${holding} does).`,
        ),
      );
    }
    if (event.unitId === holding) {
      return no(
        err(
          "invalid_event",
          `Đơn vị tiếp nhận trùng với đơn vị đang thụ lý việc thi hành án.`,
          `The successor is the unit that already holds the case.`,
        ),
      );
    }
    return ok({ ...base, unitId: event.unitId === state.provinceId ? null : event.unitId });
  },
});
