/**
 * Enforcement action (biện pháp bảo đảm/cưỡng chế). A security measure may be applied at once, even
 * during the voluntary period, and leaves the status as it is; a coercive measure needs an enforceable
 * (or enforcing) case, which it makes `enforcing`.
 */
import { COERCIVE_MEASURES, SECURITY_MEASURES } from "../events.ts";
import { isInVoluntaryPeriod } from "../queries.ts";
import { rulesFor } from "../rules.ts";
import { err, interruptedError, isInterrupted, no, noDecisionError, ok, onOpenCase } from "./shared.ts";

export const enforcementAction = onOpenCase("enforcement_action", {
  // Kind-level: security measures are possible from the decision on; coercive ones are checked
  // with the event's measure in the effect.
  guard(state) {
    if (state.status === "accepted") return noDecisionError("enforcement_action");
    if (isInterrupted(state)) return interruptedError(state, "enforcement_action");
    return null;
  },

  effect(state, event, { date, base, ruleSets }) {
    const measure = event.measure;
    const security = (SECURITY_MEASURES as readonly string[]).includes(measure);
    const coercive = (COERCIVE_MEASURES as readonly string[]).includes(measure);
    if (!security && !coercive) {
      return no(err("invalid_event", `Biện pháp "${String(measure)}" không hợp lệ.`, `Unknown measure "${String(measure)}".`));
    }
    if (security) return ok(base);
    if (state.status !== "enforceable" && state.status !== "enforcing") {
      const why =
        state.status === "not_yet_enforceable"
          ? { vi: "việc thi hành án đang được phân loại chưa có điều kiện thi hành", en: "the case is classified not yet enforceable" }
          : state.status === "notified" && isInVoluntaryPeriod(state, date)
            ? { vi: "đang trong thời hạn tự nguyện thi hành án", en: "the voluntary compliance period is running" }
            : {
                vi: "việc thi hành án chưa được xác minh và phân loại có điều kiện thi hành",
                en: "the case has not been verified and classified enforceable",
              };
      return no(err("not_enforceable", `Không thể áp dụng biện pháp cưỡng chế: ${why.vi}.`, `Cannot apply a coercive measure: ${why.en}.`));
    }
    if (measure === "price_reduction") {
      const max = rulesFor(date, ruleSets).maxPriceReductionPercent;
      const p = event.reductionPercent;
      if (typeof p !== "number" || !Number.isFinite(p) || p <= 0 || p > max) {
        return no(
          err(
            "price_reduction_too_large",
            `Mỗi lần giảm giá tài sản không quá ${max}% giá khởi điểm của lần bán trước (nhận được: ${String(p)}%).`,
            `Each price reduction must be more than 0 and at most ${max}% (got ${String(p)}%).`,
          ),
        );
      }
    }
    return ok({ ...base, status: "enforcing", enforcementStartedOn: state.enforcementStartedOn ?? date });
  },
});
