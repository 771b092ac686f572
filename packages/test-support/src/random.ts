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
  /** No event after this date (e.g. today, where the database refuses later dates). */
  until?: IsoDate;
  lifecycle?: LifecycleOptions;
  /** Regional offices of the province: a case its bureau holds may be given to one (office_assignment). */
  officeIds?: readonly string[];
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
    // A case without means waits months between steps: long enough to reach the separate register.
    if (state.status === "not_yet_enforceable" || state.status === "separate_register") date = addCalendarDays(date, 150);
    if (o.until !== undefined && date > o.until) break;
    const moneyOb = state.obligations.find((x) => x.kind === "money" && x.paid < x.amount);
    const actOb = state.obligations.find((x) => x.kind === "act" && x.performedOn === null);
    const candidates: CaseEvent[] = [
      {
        kind: "decision",
        effectiveDate: date,
        mode: state.source === "creditor_request" ? "on_request" : "ex_officio",
        obligations:
          r() < 0.85
            ? [
                { id: "m1", kind: "money", amount: BigInt(1 + Math.floor(r() * 5_000_000)) * 1000n },
                ...(r() < 0.2 ? [{ id: "a1", kind: "act" as const, description: "Giao tài sản" }] : []),
              ]
            : [{ id: "a1", kind: "act", description: "Giao tài sản" }],
      },
      { kind: "notification", effectiveDate: date },
      { kind: "verification", effectiveDate: date },
      {
        kind: "classification",
        effectiveDate: date,
        result: r() < (state.status === "not_yet_enforceable" ? 0.2 : 0.7) ? "enforceable" : "not_yet_enforceable",
      },
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
    const held = state.unitId === null || state.unitId === state.provinceId;
    if (o.officeIds?.length && state.status === "accepted" && held)
      candidates.push({ kind: "office_assignment", effectiveDate: date, unitId: pick(r, o.officeIds) });
    if (state.status === "not_yet_enforceable") {
      candidates.push(
        { kind: "register_transfer", effectiveDate: date },
        { kind: "request_returned", effectiveDate: date, noticeNumber: `${i}/TB-THADS` },
      );
    }
    if (state.status === "separate_register") {
      candidates.push({ kind: "register_reopening", effectiveDate: date, newInformation: "Người phải thi hành án có thu nhập mới" });
    }
    // Endings are rarer than steps forward.
    let event = pick(r, candidates);
    if ((event.kind === "termination" || event.kind === "transfer") && r() < 0.6) event = pick(r, candidates);
    // Half the time the case takes its next natural step (decision, notification, verification,
    // classification; without means a re-verification, and in time the separate register or the
    // return of the request; from the register, a reopening), so that every road is travelled.
    const byKind = (k: CaseEvent["kind"]) => candidates.find((c) => c.kind === k);
    const natural: (CaseEvent | undefined)[] =
      state.status === "accepted"
        ? o.officeIds?.length && byKind("office_assignment")
          ? [byKind("office_assignment"), byKind("decision")]
          : [byKind("decision")]
        : state.status === "decided"
          ? [byKind("notification")]
          : state.status === "notified"
            ? [byKind("verification")]
            : state.status === "verified" || state.awaitingClassification
              ? [byKind("classification")]
              : state.status === "not_yet_enforceable"
                ? [byKind("verification"), byKind("register_transfer"), byKind("request_returned")]
                : state.status === "separate_register"
                  ? [byKind("register_reopening")]
                  : [];
    const inclined = state.status === "not_yet_enforceable" || state.status === "separate_register" ? 0.85 : 0.5;
    if (natural.length > 0 && r() < inclined) event = pick(r, natural) ?? event;
    const res = applyEvent(state, event, o.lifecycle);
    if (res.ok) {
      events.push(event);
      state = res.state;
    }
  }
  return events;
}
