import { describe, expect, it } from "vitest";
import { appendEvent, caseEventSchema, dongSchema, parseCaseEvent, type CaseEvent } from "../../src/cases/index.ts";
import { LEDGERS } from "./fixtures.ts";

describe("case event schema (JSON in, bigint out)", () => {
  it("parses a payment with an amount above 2^53 sent as a string", () => {
    const e = parseCaseEvent(JSON.parse('{"kind":"payment","effectiveDate":"2025-04-01","obligationId":"m1","amount":"9007199254740993"}'));
    expect(e).toEqual({ kind: "payment", effectiveDate: "2025-04-01", obligationId: "m1", amount: 9007199254740993n });
  });

  it("parses a decision with money and act obligations", () => {
    const e = parseCaseEvent({
      kind: "decision",
      effectiveDate: "2025-03-05",
      mode: "ex_officio",
      obligations: [
        { id: "m1", kind: "money", amount: "1000000" },
        { id: "a1", kind: "act", description: "Giao nhà" },
      ],
    });
    expect(e.kind === "decision" && e.obligations[0]).toEqual({ id: "m1", kind: "money", amount: 1_000_000n });
  });

  it("rejects impossible dates, fractional or unsafe money, and unknown kinds", () => {
    expect(caseEventSchema.safeParse({ kind: "notification", effectiveDate: "2025-02-29" }).success).toBe(false);
    expect(caseEventSchema.safeParse({ kind: "notification", effectiveDate: "01/03/2025" }).success).toBe(false);
    expect(caseEventSchema.safeParse({ kind: "meeting", effectiveDate: "2025-03-01" }).success).toBe(false);
    expect(dongSchema.safeParse("12.5").success).toBe(false);
    expect(dongSchema.safeParse(12.5).success).toBe(false);
    expect(dongSchema.safeParse(2 ** 53 + 2).success).toBe(false);
    expect(dongSchema.safeParse("0").success).toBe(false);
    expect(dongSchema.safeParse("-5").success).toBe(false);
    expect(dongSchema.safeParse(500).data).toBe(500n);
    expect(caseEventSchema.safeParse({ kind: "termination", effectiveDate: "2025-03-01", reason: " " }).success).toBe(false);
    expect(caseEventSchema.safeParse({ kind: "transfer", effectiveDate: "2025-03-01" }).success).toBe(false);
    expect(caseEventSchema.safeParse({ kind: "transfer", effectiveDate: "2025-03-01", toMilitaryAgency: "X" }).success).toBe(false);
    expect(
      caseEventSchema.safeParse({ kind: "transfer", effectiveDate: "2025-03-01", toMilitaryAgency: "Phòng Thi hành án Quân khu 7" })
        .success,
    ).toBe(true);
  });

  it("a parsed event goes straight into the lifecycle", () => {
    const e: CaseEvent = parseCaseEvent({ kind: "payment", effectiveDate: "2025-04-01", obligationId: "m1", amount: "250000" });
    const r = appendEvent(LEDGERS.enforcing, e);
    expect(r.ok && r.state.obligations[0]).toMatchObject({ paid: 250_000n });
  });
});
