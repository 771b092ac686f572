/**
 * Decision (quyết định thi hành án): issued once on an accepted case, listing what the debtor must pay or do.
 */
import { MAX_CASE_DONG, MAX_DONG } from "../../bounds.ts";
import type { ObligationInput } from "../events.ts";
import type { CaseRuleError, ObligationState } from "../state.ts";
import { d, err, isNonEmpty, no, ok, onOpenCase } from "./shared.ts";

export const decision = onOpenCase("decision", {
  guard(state) {
    if (state.status === "accepted") return null;
    return err(
      "already_decided",
      `Đã có quyết định thi hành án ngày ${d(state.decidedOn ?? state.acceptedOn)}; mỗi quyết định thi hành án là một việc riêng, không thể ra quyết định lần nữa cho việc này.`,
      `An enforcement decision was already issued on ${state.decidedOn ?? state.acceptedOn}; each decision is a separate case.`,
    );
  },

  effect(state, event, { date, base }) {
    if (event.mode !== "ex_officio" && event.mode !== "on_request") {
      return no(
        err(
          "invalid_event",
          `Quyết định thi hành án phải là chủ động (ex_officio) hoặc theo yêu cầu (on_request).`,
          `The decision mode must be ex_officio or on_request.`,
        ),
      );
    }
    const bad = validateObligations(event.obligations);
    if (bad) return no(bad);
    return ok({
      ...base,
      status: "decided",
      decisionMode: event.mode,
      decisionNumber: event.decisionNumber ?? null,
      decidedOn: date,
      executorId: event.executorId ?? state.executorId,
      obligations: event.obligations.map(
        (o): ObligationState =>
          o.kind === "money"
            ? {
                id: o.id,
                kind: "money",
                amount: o.amount,
                paid: 0n,
                ...(o.description !== undefined ? { description: o.description } : {}),
              }
            : { id: o.id, kind: "act", description: o.description, performedOn: null },
      ),
    });
  },
});

/** The decision's obligations: well formed, and within the bounds for one obligation and one case. */
function validateObligations(list: unknown): CaseRuleError | null {
  const bad = validateObligationShapes(list);
  if (bad) return bad;
  let total = 0n;
  for (const o of list as ObligationInput[]) {
    if (o.kind !== "money") continue;
    if (o.amount > MAX_DONG) {
      return err(
        "invalid_amount",
        `Khoản tiền "${o.id}": vượt quá mức tối đa 10.000.000.000.000.000 đồng (10^16) cho một khoản.`,
        `Money obligation "${o.id}": exceeds the maximum of 10^16 đồng for one obligation.`,
      );
    }
    total += o.amount;
  }
  if (total > MAX_CASE_DONG) {
    return err(
      "invalid_amount",
      `Tổng các khoản tiền phải thi hành vượt quá mức tối đa 10^18 đồng cho một việc thi hành án.`,
      `The money obligations of one case total more than the maximum of 10^18 đồng.`,
    );
  }
  return null;
}

function validateObligationShapes(list: unknown): CaseRuleError | null {
  if (!Array.isArray(list) || list.length === 0) {
    return err(
      "invalid_obligations",
      `Quyết định thi hành án phải có ít nhất một khoản phải thi hành.`,
      `An enforcement decision must list at least one obligation.`,
    );
  }
  const ids = new Set<string>();
  for (const o of list as ObligationInput[]) {
    if (!o || !isNonEmpty(o.id)) {
      return err("invalid_obligations", `Mỗi khoản phải thi hành phải có mã.`, `Every obligation needs an id.`);
    }
    if (ids.has(o.id)) {
      return err("invalid_obligations", `Mã khoản phải thi hành "${o.id}" bị trùng.`, `Obligation id "${o.id}" is used twice.`);
    }
    ids.add(o.id);
    if (o.kind === "money") {
      if (typeof o.amount !== "bigint" || o.amount <= 0n) {
        return err(
          "invalid_obligations",
          `Khoản tiền "${o.id}" phải là số đồng nguyên dương (bigint).`,
          `Money obligation "${o.id}" must be a positive whole number of đồng (bigint).`,
        );
      }
    } else if (o.kind === "act") {
      if (!isNonEmpty(o.description)) {
        return err(
          "invalid_obligations",
          `Nghĩa vụ "${o.id}" (không phải tiền) phải mô tả việc phải làm.`,
          `Non-monetary obligation "${o.id}" needs a description of the act.`,
        );
      }
    } else {
      const id = (o as { id: string }).id;
      return err(
        "invalid_obligations",
        `Khoản phải thi hành "${id}" phải là tiền (money) hoặc một việc phải làm (act).`,
        `Obligation "${id}" must be of kind money or act.`,
      );
    }
  }
  return null;
}
