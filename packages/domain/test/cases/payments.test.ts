import { describe, expect, it } from "vitest";
import {
  allObligationsSettled,
  applyEvent,
  moneySummary,
  nextActions,
  outstanding,
  type CaseEvent,
  type CaseState,
} from "../../src/cases/index.ts";
import { acceptance, LEDGERS, reach, stateOf } from "./fixtures.ts";

const pay = (state: CaseState, amount: bigint, obligationId = "m1", effectiveDate = "2025-04-01") =>
  applyEvent(state, { kind: "payment", effectiveDate, obligationId, amount });

function mustPay(state: CaseState, amount: bigint, obligationId = "m1", effectiveDate = "2025-04-01"): CaseState {
  const r = pay(state, amount, obligationId, effectiveDate);
  if (!r.ok) throw new Error(r.error.message_en);
  return r.state;
}

describe("payments in đồng (bigint)", () => {
  it("a partial payment reduces what is outstanding and starts enforcement", () => {
    const s = mustPay(reach("enforceable"), 250_000n);
    expect(outstanding(s, "m1")).toBe(750_000n);
    expect(s.status).toBe("enforcing");
    expect(s.enforcementStartedOn).toBe("2025-04-01");
    expect(moneySummary(s)).toEqual({ due: 1_000_000n, paid: 250_000n, outstanding: 750_000n });
    expect(allObligationsSettled(s)).toBe(false);
  });

  it("several partial payments add up exactly to full payment", () => {
    let s = reach("enforcing");
    for (const part of [100_000n, 200_000n, 300_000n, 400_000n]) s = mustPay(s, part);
    expect(outstanding(s, "m1")).toBe(0n);
    expect(moneySummary(s).paid).toBe(1_000_000n);
  });

  it("full payment of money alone does not settle the case while an act is pending", () => {
    const s = mustPay(reach("enforcing"), 1_000_000n);
    expect(outstanding(s, "m1")).toBe(0n);
    expect(allObligationsSettled(s)).toBe(false);
    expect(nextActions(s)).not.toContain("completion");
    expect(nextActions(s)).not.toContain("payment"); // nothing left to pay
    expect(nextActions(s)).toContain("act_performed");
  });

  it("the act is settled by an explicit event; then completion becomes possible — never automatically", () => {
    const paid = mustPay(reach("enforcing"), 1_000_000n);
    const r = applyEvent(paid, { kind: "act_performed", effectiveDate: "2025-04-02", obligationId: "a1" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.obligations[1]).toMatchObject({ kind: "act", performedOn: "2025-04-02" });
    expect(allObligationsSettled(r.state)).toBe(true);
    expect(r.state.status).toBe("enforcing"); // no silent auto-completion
    expect(nextActions(r.state)).toContain("completion");
    const done = applyEvent(r.state, { kind: "completion", effectiveDate: "2025-04-03" });
    expect(done.ok && done.state.status).toBe("completed");
    expect(done.ok && done.state.closedOn).toBe("2025-04-03");
  });

  it("refuses an overpayment and says by how much", () => {
    const s = mustPay(reach("enforcing"), 600_000n);
    const r = pay(s, 400_001n);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("overpayment");
      expect(r.error.message_vi).toBe('Số tiền nộp 400.001 ₫ vượt quá số còn phải thi hành của khoản "m1" (400.000 ₫).');
      expect(r.error.message_en).toContain("400001");
    }
    expect(pay(s, 400_000n).ok).toBe(true);
  });

  it("refuses a payment on a fully paid obligation", () => {
    const multi = stateOf([
      acceptance("2025-03-03"),
      {
        kind: "decision",
        effectiveDate: "2025-03-05",
        mode: "ex_officio",
        obligations: [
          { id: "fine", kind: "money", amount: 5_000_000n, description: "Tiền phạt" },
          { id: "fee", kind: "money", amount: 200_000n, description: "Án phí" },
        ],
      },
      { kind: "notification", effectiveDate: "2025-03-07" },
    ]);
    const after = mustPay(multi, 200_000n, "fee", "2025-03-10");
    const r = pay(after, 1n, "fee", "2025-03-11");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("obligation_settled");
      expect(r.error.message_vi).toContain("đã được nộp đủ 200.000 ₫");
    }
    expect(pay(after, 1n, "fine", "2025-03-11").ok).toBe(true);
  });

  it("refuses zero, negative and non-bigint amounts", () => {
    const s = reach("enforcing");
    for (const amount of [0n, -5n, 100 as unknown as bigint, "100" as unknown as bigint, 1.5 as unknown as bigint]) {
      const r = pay(s, amount);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("invalid_amount");
        expect(r.error.message_vi).toContain("số đồng nguyên dương");
      }
    }
  });

  it("refuses a payment on an unknown obligation or on an act", () => {
    const s = reach("enforcing");
    const unknown = pay(s, 1n, "m9");
    expect(!unknown.ok && unknown.error.code).toBe("unknown_obligation");
    const act = pay(s, 1n, "a1");
    expect(act.ok).toBe(false);
    if (!act.ok) {
      expect(act.error.code).toBe("wrong_obligation_kind");
      expect(act.error.message_vi).toContain("không phải khoản tiền");
    }
    const performMoney = applyEvent(s, { kind: "act_performed", effectiveDate: "2025-04-01", obligationId: "m1" });
    expect(!performMoney.ok && performMoney.error.code).toBe("wrong_obligation_kind");
    const performUnknown = applyEvent(s, { kind: "act_performed", effectiveDate: "2025-04-01", obligationId: "zz" });
    expect(!performUnknown.ok && performUnknown.error.code).toBe("unknown_obligation");
  });

  it("refuses performing an act twice", () => {
    const s = stateOf([...LEDGERS.enforcing, { kind: "act_performed", effectiveDate: "2025-04-01", obligationId: "a1" }]);
    const r = applyEvent(s, { kind: "act_performed", effectiveDate: "2025-04-02", obligationId: "a1" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("nothing_outstanding");
    }
  });

  it("voluntary payments during the voluntary period keep the case notified", () => {
    const s = mustPay(reach("notified"), 500_000n, "m1", "2025-03-10");
    expect(s.status).toBe("notified");
    expect(outstanding(s, "m1")).toBe(500_000n);
  });

  it("payments by a not-yet-enforceable debtor are recorded without reclassifying", () => {
    const s = mustPay(reach("not_yet_enforceable"), 10_000n);
    expect(s.status).toBe("not_yet_enforceable");
    expect(outstanding(s, "m1")).toBe(990_000n);
  });

  it("keeps exact sums above 2^53 (no float anywhere)", () => {
    const huge = 10n ** 16n - 7n; // 9,999,999,999,999,993 đồng: just under the cap on one obligation (MAX_DONG)
    const events: CaseEvent[] = [
      acceptance("2025-03-03"),
      {
        kind: "decision",
        effectiveDate: "2025-03-05",
        mode: "ex_officio",
        obligations: [
          { id: "recovery", kind: "money", amount: huge, description: "Thu hồi tài sản tham nhũng" },
          { id: "fee", kind: "money", amount: 2n ** 53n + 1n, description: "Án phí" },
        ],
      },
      { kind: "notification", effectiveDate: "2025-03-07" },
      { kind: "verification", effectiveDate: "2025-03-20" },
      { kind: "classification", effectiveDate: "2025-03-21", result: "enforceable" },
    ];
    let s = stateOf(events);
    expect(moneySummary(s).due).toBe(huge + 2n ** 53n + 1n);
    const part = 2n ** 53n + 1n; // 9,007,199,254,740,993 — not representable as a double
    s = mustPay(s, part, "recovery");
    expect(outstanding(s, "recovery")).toBe(huge - part);
    expect(outstanding(s, "recovery").toString()).toBe("992800745259000");
    expect(BigInt(Number(part))).not.toBe(part); // a double could not even hold one payment
    s = mustPay(s, 2n ** 53n + 1n, "fee");
    expect(outstanding(s, "fee")).toBe(0n);
    const rest = outstanding(s, "recovery");
    const over = pay(s, rest + 1n, "recovery");
    expect(!over.ok && over.error.code).toBe("overpayment");
    if (!over.ok) expect(over.error.message_vi).toContain("(992.800.745.259.000 ₫)");
    s = mustPay(s, rest, "recovery");
    expect(moneySummary(s)).toEqual({ due: huge + 2n ** 53n + 1n, paid: huge + 2n ** 53n + 1n, outstanding: 0n });
  });

  it("outstanding() refuses unknown and non-money obligations", () => {
    const s = reach("enforcing");
    expect(() => outstanding(s, "nope")).toThrow(RangeError);
    expect(() => outstanding(s, "a1")).toThrow(/not a money obligation/);
  });

  it("allObligationsSettled is false before any decision", () => {
    expect(allObligationsSettled(reach("accepted"))).toBe(false);
  });
});
