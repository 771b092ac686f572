/**
 * Assignment to a regional office (giao phòng thi hành án dân sự khu vực): a case the provincial
 * bureau holds itself — a case entrusted by another province opens there — is given to one of the
 * province's regional offices, which takes the enforcement decision. Only before that decision:
 * from then on the office carries the case and counts it. Which unit may be named (a current
 * regional office of the case's province) is checked against the units by the service and the
 * database; the rule here is the lifecycle's.
 */
import { err, isNonEmpty, no, ok, onOpenCase } from "./shared.ts";

/** Whether the case is held by its provincial bureau (no regional office yet). */
export const heldByBureau = (state: { unitId: string | null; provinceId: string }) =>
  state.unitId === null || state.unitId === state.provinceId;

export const officeAssignment = onOpenCase("office_assignment", {
  guard(state) {
    if (state.status !== "accepted") {
      return err(
        "already_decided",
        `Không thể giao phòng thi hành án dân sự khu vực sau khi đã ra quyết định thi hành án: phòng khu vực được giao ra quyết định thi hành án.`,
        `Cannot assign the case to a regional office after the enforcement decision: the office assigned takes the decision.`,
      );
    }
    if (!heldByBureau(state)) {
      return err(
        "not_held_by_bureau",
        `Không thể giao phòng thi hành án dân sự khu vực: việc thi hành án đã do một phòng khu vực thụ lý.`,
        `Cannot assign the case to a regional office: a regional office already holds it.`,
      );
    }
    return null;
  },

  effect(state, event, { base }) {
    if (!isNonEmpty(event.unitId)) {
      return no(err("invalid_event", `Phải ghi rõ phòng thi hành án dân sự khu vực được giao.`, `The regional office is required.`));
    }
    if (event.unitId === state.provinceId) {
      return no(
        err(
          "invalid_event",
          `Phòng được giao phải là một phòng thi hành án dân sự khu vực, không phải chính cơ quan thi hành án dân sự tỉnh.`,
          `The unit named must be a regional office, not the provincial bureau itself.`,
        ),
      );
    }
    return ok({ ...base, unitId: event.unitId });
  },
});
