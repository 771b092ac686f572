/**
 * Seeded randomness for tests. The one seeded generator is demo-data's
 * mulberry32 (`rng`, the generator the demo data is built with); tests take
 * it from here. `randomLedger` gives random but valid case ledgers, for
 * property tests of the statistics (in memory and against the database
 * aggregates): each step proposes an event and keeps it only if the
 * lifecycle accepts it.
 */
import { pick, rng } from "@thads/demo-data/prng";
import { addCalendarDays, applyEvent, type CaseEvent, type CaseState, type IsoDate, type LifecycleOptions } from "@thads/domain";

export { pick, rng };

export interface RandomLedgerOptions {
  provinceId: string;
  otherProvinceId: string;
  /** First possible acceptance date. */
  start: IsoDate;
  /** Days over which the acceptance may fall. */
  spreadDays?: number;
  /** Maximum number of proposals. */
  steps?: number;
  lifecycle?: LifecycleOptions;
}

export function randomLedger(r: () => number, o: RandomLedgerOptions): CaseEvent[] {
  let date = addCalendarDays(o.start, Math.floor(r() * (o.spreadDays ?? 400)));
  const events: CaseEvent[] = [
    { kind: "acceptance", effectiveDate: date, provinceId: o.provinceId, source: pick(r, ["court_transfer", "creditor_request"] as const) },
  ];
  let state: CaseState = (applyEvent(null, events[0]!, o.lifecycle) as { ok: true; state: CaseState }).state;
  const steps = o.steps ?? 14;
  for (let i = 0; i < steps; i++) {
    date = addCalendarDays(date, Math.floor(r() * 45));
    const moneyOb = state.obligations.find((x) => x.kind === "money" && x.paid < x.amount);
    const actOb = state.obligations.find((x) => x.kind === "act" && x.performedOn === null);
    const candidates: CaseEvent[] = [
      {
        kind: "decision", effectiveDate: date, mode: "ex_officio",
        obligations: r() < 0.85
          ? [{ id: "m1", kind: "money", amount: BigInt(1 + Math.floor(r() * 5_000_000)) * 1000n }, ...(r() < 0.2 ? [{ id: "a1", kind: "act" as const, description: "Giao tài sản" }] : [])]
          : [{ id: "a1", kind: "act", description: "Giao tài sản" }],
      },
      { kind: "notification", effectiveDate: date },
      { kind: "verification", effectiveDate: date },
      { kind: "classification", effectiveDate: date, result: r() < 0.7 ? "enforceable" : "not_yet_enforceable" },
      { kind: "enforcement_action", effectiveDate: date, measure: pick(r, ["seizure", "account_freeze", "auction"] as const) },
      { kind: "postponement", effectiveDate: date, reason: "Đương sự đề nghị" },
      { kind: "suspension", effectiveDate: date, reason: "Tòa án yêu cầu" },
      { kind: "resumption", effectiveDate: date },
      { kind: "termination", effectiveDate: date, reason: "Người được thi hành án từ bỏ quyền" },
      { kind: "completion", effectiveDate: date },
      { kind: "transfer", effectiveDate: date, toProvinceId: o.otherProvinceId },
      { kind: "executor_change", effectiveDate: date, executorId: `executor-${i}`, reason: "Điều chuyển" },
    ];
    if (moneyOb && moneyOb.kind === "money") {
      const left = moneyOb.amount - moneyOb.paid;
      const amount = r() < 0.4 ? left : 1n + BigInt(Math.floor(r() * Number(left < 1_000_000_000n ? left : 1_000_000_000n)));
      candidates.push({ kind: "payment", effectiveDate: date, obligationId: moneyOb.id, amount: amount > left ? left : amount });
      candidates.push({ kind: "payment", effectiveDate: date, obligationId: moneyOb.id, amount: left });
    }
    if (actOb) candidates.push({ kind: "act_performed", effectiveDate: date, obligationId: actOb.id });
    // Endings are rarer than steps forward.
    let event = pick(r, candidates);
    if ((event.kind === "termination" || event.kind === "transfer") && r() < 0.6) event = pick(r, candidates);
    const res = applyEvent(state, event, o.lifecycle);
    if (res.ok) {
      events.push(event);
      state = res.state;
    }
  }
  return events;
}
