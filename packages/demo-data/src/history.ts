/**
 * A case's event ledger, generated step by step and folded through the domain's `applyEvent` as it
 * is built: every generated ledger is valid by construction (an invalid step throws), and the
 * final state is the domain's own.
 *
 *   acceptance → decision → notification → (voluntary period) → verification → classification
 *   → enforceable: payments / coercive measures → completion
 *   → not yet enforceable: re-verification every 6 months (12 when the debtor is in prison or
 *     has no known address) until conditions change; a case still without means when the register
 *     period is over moves to the separate register, or (2026 rules, on request) has its request
 *     returned, on the last day on time (three in five; the rest wait, overdue)
 *   termination, postponement and suspension at any of these stages; executor changes now and then.
 *
 * Dates respect the legal time limits most of the time; a share of steps is late, and some cases
 * stop before a step that is due, so overdue lists have content. Nothing happens after "today".
 */
import {
  applyEvent,
  registerDueDate,
  registerStart,
  registerStepOf,
  type CaseEvent,
  type CaseState,
  type EnforcementMeasure,
  type ObligationInput,
} from "@thads/domain";
import { addWorking, dayOf, iso, nextWorking } from "./days.ts";
import { pick, weighted } from "./prng.ts";

export type Outcome =
  | "completed"
  | "terminated"
  | "enforcing"
  | "enforceable"
  | "not_yet_enforceable"
  | "postponed"
  | "suspended"
  /** Stopped before a step that is due (decision, notification, verification, classification). */
  | "stalled";

export interface HistoryPlan {
  outcome: Outcome;
  /** Day numbers (days since 1970-01-01). */
  acceptedDay: number;
  today: number;
  provinceId: string;
  unitId: string;
  source: "court_transfer" | "creditor_request";
  mode: "ex_officio" | "on_request";
  decisionNumber: string;
  obligations: ObligationInput[];
  executorId: string | null;
  /** Another executor of the unit, for an occasional re-assignment (null: none). */
  otherExecutorId: string | null;
  debtorKind: "person" | "organization";
  /** Money due (sum of the money obligations), for the choice of measures and durations. */
  due: bigint;
  bankCredit: boolean;
  clerkId: string | null;
  headId: string | null;
}

export interface BuiltHistory {
  events: CaseEvent[];
  /** Who recorded each event (actor_id). */
  actors: (string | null)[];
  state: CaseState;
}

type WithoutDate<T> = T extends unknown ? Omit<T, "effectiveDate"> : never;
type Step = WithoutDate<CaseEvent>;
/** Actor of a step: a user id, nobody, or the executor assigned when the step is recorded. */
const EXECUTOR = Symbol("executor");
type Actor = string | null | typeof EXECUTOR;

const TERMINATION_REASONS_PERSON = [
  "Người phải thi hành án chết không để lại di sản",
  "Người được thi hành án có văn bản từ bỏ quyền được thi hành án",
  "Đương sự có thỏa thuận bằng văn bản về việc không yêu cầu thi hành án",
  "Bản án, quyết định bị hủy một phần hoặc toàn bộ",
  "Có quyết định miễn nghĩa vụ thi hành án",
] as const;
const TERMINATION_REASONS_ORG = [
  "Tổ chức phải thi hành án bị giải thể, không còn tài sản",
  "Tòa án ra quyết định mở thủ tục phá sản đối với người phải thi hành án",
  "Người được thi hành án có văn bản từ bỏ quyền được thi hành án",
  "Bản án, quyết định bị hủy một phần hoặc toàn bộ",
] as const;
const POSTPONEMENT_REASONS = [
  "Người phải thi hành án bị ốm nặng, có xác nhận của cơ sở y tế",
  "Người được thi hành án đồng ý cho người phải thi hành án hoãn thi hành án",
  "Tòa án có văn bản đề nghị hoãn thi hành án để xem xét lại bản án theo thủ tục giám đốc thẩm",
  "Tài sản kê biên có tranh chấp đang được Tòa án thụ lý giải quyết",
  "Chưa xác định được địa chỉ của người phải thi hành án",
] as const;
const SUSPENSION_REASONS = [
  "Tòa án thụ lý đơn yêu cầu mở thủ tục phá sản đối với người phải thi hành án",
  "Người có thẩm quyền kháng nghị bản án theo thủ tục giám đốc thẩm, tái thẩm",
] as const;
const EXECUTOR_CHANGE_REASONS = [
  "Chấp hành viên được điều động, luân chuyển công tác",
  "Chấp hành viên nghỉ hưu",
  "Cân đối số lượng việc giữa các chấp hành viên",
  "Theo đề nghị của đương sự",
] as const;
const FINDINGS_MEANS_PERSON = [
  "Người phải thi hành án có quyền sử dụng đất và nhà ở đứng tên",
  "Người phải thi hành án có thu nhập ổn định từ tiền lương",
  "Người phải thi hành án có tài khoản tại ngân hàng thương mại",
  "Người phải thi hành án có xe ô tô đăng ký chính chủ",
] as const;
const FINDINGS_MEANS_ORG = [
  "Doanh nghiệp còn hoạt động, có tài khoản và tài sản là quyền sử dụng đất",
  "Doanh nghiệp có tài khoản tại ngân hàng thương mại, số dư đủ thi hành",
  "Doanh nghiệp có máy móc, thiết bị và hàng tồn kho",
] as const;
const FINDINGS_NONE = [
  "Người phải thi hành án không có tài sản, không có thu nhập",
  "Tài sản duy nhất là nhà ở đang thế chấp tại ngân hàng",
  "Người phải thi hành án có thu nhập thấp, chỉ đảm bảo cuộc sống tối thiểu",
] as const;
const FINDINGS_NONE_EXTENDED = [
  "Người phải thi hành án đang chấp hành án phạt tù, thời hạn còn lại trên 2 năm",
  "Không xác định được địa chỉ, nơi cư trú của người phải thi hành án",
] as const;
const FINDINGS_UNCHANGED = "Điều kiện thi hành án của người phải thi hành án không thay đổi";
const FINDINGS_CHANGED = "Người phải thi hành án đã có tài sản, thu nhập để thi hành án";

function expo(r: () => number, mean: number): number {
  return Math.floor(-Math.log(1 - r()) * mean);
}

class Builder {
  readonly events: CaseEvent[] = [];
  readonly actors: (string | null)[] = [];
  state: CaseState | null = null;
  last = 0;
  /** A planned executor change, recorded before the first event on or after its day. */
  change: { day: number; executorId: string; reason: string; actor: string | null } | null = null;

  constructor(
    readonly today: number,
    /** Who records steps while no executor is assigned. */
    readonly clerk: string | null,
  ) {}

  /** Records a step on `day` (never earlier than the previous one); false once past today. */
  add(day: number, step: Step, actor: Actor = EXECUTOR): boolean {
    if (day < this.last) day = this.last;
    if (day > this.today) return false;
    if (this.change && this.change.day <= day) {
      const c = this.change;
      this.change = null;
      this.apply(Math.max(c.day, this.last), { kind: "executor_change", executorId: c.executorId, reason: c.reason }, c.actor);
    }
    this.apply(day, step, actor);
    return true;
  }

  private apply(day: number, step: Step, actor: Actor): void {
    const event = { effectiveDate: iso(day), ...step } as CaseEvent;
    const r = applyEvent(this.state, event);
    if (!r.ok) {
      throw new Error(`demo-data generated an invalid ${event.kind} on ${event.effectiveDate}: ${r.error.code} ${r.error.message_en}`);
    }
    this.state = r.state;
    this.events.push(event);
    this.actors.push(actor === EXECUTOR ? (this.state.executorId ?? this.clerk) : actor);
    this.last = day;
  }

  done(): BuiltHistory {
    return { events: this.events, actors: this.actors, state: this.state! };
  }
}

/** Outstanding money per obligation, to split payments. */
function outstandingMoney(state: CaseState): { id: string; left: bigint }[] {
  const out: { id: string; left: bigint }[] = [];
  for (const o of state.obligations) if (o.kind === "money" && o.paid < o.amount) out.push({ id: o.id, left: o.amount - o.paid });
  return out;
}

function pendingActs(state: CaseState): string[] {
  const out: string[] = [];
  for (const o of state.obligations) if (o.kind === "act" && o.performedOn === null) out.push(o.id);
  return out;
}

/** Splits `total` đồng into `n` positive installments (multiples of 1,000 where possible). */
function installments(r: () => number, total: bigint, n: number): bigint[] {
  if (total <= 0n) return [];
  if (n <= 1 || total < BigInt(n) * 1000n) return [total];
  const out: bigint[] = [];
  let left = total;
  for (let i = 0; i < n - 1; i++) {
    const share = (left * BigInt(Math.floor((0.25 + r() * 0.5) * 1000))) / 1000n / BigInt(n - i);
    const amount = (share / 1000n) * 1000n;
    if (amount <= 0n) break;
    out.push(amount);
    left -= amount;
  }
  out.push(left);
  return out;
}

/** Payment steps for `amounts`, filling the outstanding obligations in `left` in order (mutates it). */
function paymentSteps(
  left: { id: string; left: bigint }[],
  amounts: bigint[],
  method: () => "cash" | "bank_transfer" | "auction_proceeds" | "other",
  receipt: () => string,
): Step[][] {
  const groups: Step[][] = [];
  let k = 0;
  for (let amount of amounts) {
    const group: Step[] = [];
    while (amount > 0n && k < left.length) {
      const o = left[k]!;
      if (o.left === 0n) {
        k++;
        continue;
      }
      const pay = amount < o.left ? amount : o.left;
      group.push({ kind: "payment", obligationId: o.id, amount: pay, receiptNumber: receipt(), method: method() });
      o.left -= pay;
      amount -= pay;
    }
    if (group.length) groups.push(group);
  }
  return groups;
}

/** `n` sorted days in [from, to] (a day may come twice). */
function spread(r: () => number, from: number, to: number, n: number): number[] {
  const span = Math.max(0, to - from);
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(from + Math.floor(r() * (span + 1)));
  return days.sort((a, b) => a - b);
}

export function buildHistory(r: () => number, p: HistoryPlan): BuiltHistory {
  const b = new Builder(p.today, p.clerkId);
  const today = p.today;
  let receiptSeq = Math.floor(r() * 9_000_000);
  const receipt = () => `BL${String(1_000_000 + (receiptSeq++ % 9_000_000)).padStart(7, "0")}`;
  const cashOrBank = () => (r() < 0.45 ? "cash" : "bank_transfer");
  const person = p.debtorKind === "person";

  // Where the case's story ends.
  type Stage = "accepted" | "decided" | "notified" | "verified" | "nye" | "enforceable" | "enforcing" | "settled" | "voluntary";
  let stage: Stage;
  let final: "none" | "completion" | "termination" | "postponement" | "suspension" = "none";
  let nyeFirst = false;
  switch (p.outcome) {
    case "completed":
      stage = r() < 0.3 ? "voluntary" : "settled";
      final = "completion";
      nyeFirst = r() < 0.2;
      break;
    case "terminated":
      stage = weighted(r, [
        ["decided", 6],
        ["notified", 12],
        ["nye", 50],
        ["enforcing", 25],
        ["enforceable", 7],
      ] as const);
      final = "termination";
      nyeFirst = r() < 0.2;
      break;
    case "enforcing":
      stage = "enforcing";
      nyeFirst = r() < 0.15;
      break;
    case "enforceable":
      stage = "enforceable";
      nyeFirst = r() < 0.1;
      break;
    case "not_yet_enforceable":
      stage = "nye";
      break;
    case "postponed":
    case "suspended":
      stage = weighted(r, [
        ["notified", 15],
        ["nye", 35],
        ["enforceable", 15],
        ["enforcing", 35],
      ] as const);
      final = p.outcome === "postponed" ? "postponement" : "suspension";
      nyeFirst = r() < 0.15;
      break;
    case "stalled":
      stage = weighted(r, [
        ["accepted", 2],
        ["decided", 2],
        ["notified", 5],
        ["verified", 1],
      ] as const);
      break;
  }

  /** Records the case's last step (termination, postponement, suspension) on `day`. */
  const finish = (day: number): void => {
    if (final === "termination") {
      b.add(day, { kind: "termination", reason: pick(r, person ? TERMINATION_REASONS_PERSON : TERMINATION_REASONS_ORG) });
    } else if (final === "postponement") {
      b.add(day, { kind: "postponement", reason: pick(r, POSTPONEMENT_REASONS) });
    } else if (final === "suspension") {
      b.add(day, { kind: "suspension", reason: pick(r, SUSPENSION_REASONS) });
    }
  };
  /** A recent date for an interruption that still lasts today (not before `from`). */
  const recent = (from: number) => Math.max(from, today - expo(r, 50));

  // 1. Acceptance.
  const A = p.acceptedDay;
  b.add(A, { kind: "acceptance", provinceId: p.provinceId, unitId: p.unitId, source: p.source }, p.clerkId);
  if (stage === "accepted") return b.done();

  // 2. Decision: 5 working days after acceptance (late now and then).
  const D = addWorking(A, r() < 0.06 ? 6 + Math.floor(r() * 15) : Math.floor(r() * 6));
  const decision: Step = {
    kind: "decision",
    mode: p.mode,
    obligations: p.obligations,
    decisionNumber: p.decisionNumber,
    ...(p.executorId ? { executorId: p.executorId } : {}),
  };
  if (!b.add(D, decision, p.clerkId)) return b.done();
  // An occasional re-assignment to another executor of the unit.
  if (p.otherExecutorId && r() < 0.05) {
    const day = D + 15 + Math.floor(r() * Math.max(1, today - D - 15));
    if (day <= today) {
      b.change = { day, executorId: p.otherExecutorId, reason: pick(r, EXECUTOR_CHANGE_REASONS), actor: p.headId };
    }
  }

  if (stage === "decided") {
    if (final !== "none") finish(D + 1 + expo(r, 45));
    return b.done();
  }

  // 3. Notification: 3 working days after the decision.
  const N = addWorking(D, r() < 0.08 ? 4 + Math.floor(r() * 10) : Math.floor(r() * 4));
  if (!b.add(N, { kind: "notification" })) return b.done();
  const VE = dayOf(b.state!.voluntaryPeriodEndsOn!);

  // Voluntary compliance: everything paid (and done) within the period, or a few days after it.
  if (stage === "voluntary") {
    const end = VE + (r() < 0.2 ? Math.floor(r() * 20) : 0);
    const money = outstandingMoney(b.state!);
    const total = money.reduce((s, o) => s + o.left, 0n);
    const groups = paymentSteps(money, installments(r, total, r() < 0.7 ? 1 : 2), cashOrBank, receipt);
    const acts = pendingActs(b.state!);
    const days = spread(r, N, end, groups.length + acts.length);
    let i = 0;
    for (const g of groups) {
      const day = days[i++]!;
      for (const s of g) if (!b.add(day, s)) return b.done();
    }
    for (const id of acts) if (!b.add(days[i++]!, { kind: "act_performed", obligationId: id })) return b.done();
    b.add(addWorking(b.last, Math.floor(r() * 4)), { kind: "completion" });
    return b.done();
  }

  // Some debtors pay part during the voluntary period.
  if (r() < 0.12) {
    const o = outstandingMoney(b.state!)[0];
    if (o) {
      const amount = ((o.left * BigInt(10 + Math.floor(r() * 40))) / 100n / 1000n) * 1000n;
      if (amount > 0n) {
        const day = N + Math.floor(r() * (VE - N + 1));
        if (!b.add(day, { kind: "payment", obligationId: o.id, amount, receiptNumber: receipt(), method: "cash" })) return b.done();
      }
    }
  }
  if (stage === "notified") {
    if (final !== "none") finish(N + 1 + Math.floor(r() * 40));
    return b.done();
  }

  // 4. Verification: within 10 days after the voluntary period (late now and then).
  const nye = stage === "nye" || nyeFirst;
  const extended = nye && person && r() < 0.15;
  const V = nextWorking(VE + 1 + (r() < 0.12 ? 10 + Math.floor(r() * 50) : Math.floor(r() * 10)));
  const findings = nye
    ? pick(r, extended ? FINDINGS_NONE_EXTENDED : FINDINGS_NONE)
    : pick(r, person ? FINDINGS_MEANS_PERSON : FINDINGS_MEANS_ORG);
  if (!b.add(V, { kind: "verification", findings, ...(extended ? { debtorImprisonedOrUnknownAddress: true } : {}) })) return b.done();
  if (stage === "verified") return b.done();

  // 5. Classification.
  const C = r() < 0.6 ? V : addWorking(V, 1 + Math.floor(r() * 4));
  let S: number; // date enforcement can start
  if (nye) {
    if (!b.add(C, { kind: "classification", result: "not_yet_enforceable" })) return b.done();
    // Not yet enforceable: re-verified every 6 (12) months until `until`.
    let until: number;
    if (stage === "nye") until = final === "termination" ? C + 30 + expo(r, 500) : final === "none" ? today : recent(C);
    else until = C + 90 + expo(r, 300);
    const months = extended ? 365 : 182;
    let lastV = V;
    /** The move to the separate register (or the return of the request) once due before `by`. */
    const registerBy = (by: number): boolean => {
      if (stage !== "nye" || final !== "none" || b.state?.status !== "not_yet_enforceable") return false;
      // Three cases in five are moved on time; the rest are a backlog, their move overdue.
      if (p.acceptedDay % 5 >= 3) return false;
      const reg = registerStepOf(b.state);
      if (reg === null || reg.verifications < reg.minVerifications) return false;
      const due = dayOf(registerDueDate(reg, registerStart(reg, iso(lastV))));
      if (due > by || due > today) return false;
      return b.add(due, { kind: reg.step }, p.headId);
    };
    for (;;) {
      const late = r() < 0.3;
      const next = nextWorking(lastV + (late ? months + 5 + Math.floor(r() * 300) : months - Math.floor(r() * 45)));
      if (registerBy(Math.min(next, until))) return b.done();
      if (next > until || next > today) break;
      if (!b.add(next, { kind: "verification", findings: FINDINGS_UNCHANGED })) return b.done();
      if (!b.add(next, { kind: "classification", result: "not_yet_enforceable" })) return b.done();
      lastV = next;
    }
    if (stage === "nye") {
      if (final !== "none") finish(until);
      return b.done();
    }
    // Conditions changed: verified again and enforceable.
    if (until > today) return b.done();
    const day = Math.max(until, b.last);
    if (!b.add(day, { kind: "verification", findings: FINDINGS_CHANGED })) return b.done();
    if (!b.add(day, { kind: "classification", result: "enforceable" })) return b.done();
    S = day;
  } else {
    if (!b.add(C, { kind: "classification", result: "enforceable" })) return b.done();
    S = C;
  }

  // 6. Enforcement.
  if (stage === "enforceable") {
    if (!person && r() < 0.3) b.add(S + Math.floor(r() * 10), { kind: "enforcement_action", measure: "account_freeze" });
    if (final === "termination") finish(S + 10 + expo(r, 200));
    else if (final !== "none") finish(recent(S));
    return b.done();
  }

  const state = b.state!;
  const large = p.due >= 500_000_000n || r() < 0.1;
  // How long the enforcement runs: bank-credit and large cases take longer. Most cases with means
  // are done within weeks (the published rate: about 84 % of a year's enforceable cases done in it).
  const slow = p.due >= 5_000_000_000n;
  const mean = slow ? 2500 : large || p.bankCredit ? 30 : 6;
  let end: number;
  if (stage === "settled") {
    end = S + 3 + expo(r, mean);
    if (end > today && r() < 0.6) end = S + Math.floor(r() * (today - S + 1));
  } else if (final === "termination") {
    end = S + 10 + expo(r, mean);
  } else if (final !== "none") {
    end = recent(S);
  } else {
    end = S + Math.floor((0.3 + 0.7 * r()) * (today - S));
  }

  // Steps (in order): measures, payments, acts.
  const plan: Step[][] = [];
  if (!person && r() < 0.35) plan.push([{ kind: "enforcement_action", measure: "account_freeze" }]);
  const money = outstandingMoney(state);
  const total = money.reduce((s, o) => s + o.left, 0n);
  let target: bigint;
  if (stage === "settled") target = total;
  else {
    const share = stage === "enforcing" && final === "none" ? Math.floor(r() * 60) : Math.floor(r() * 40);
    target = ((total * BigInt(share)) / 100n / 1000n) * 1000n;
  }
  const assetRoute = large && (stage === "settled" ? r() < 0.7 : r() < 0.5);
  let coercive = false;
  if (assetRoute) {
    const measures: EnforcementMeasure[] = [];
    if (r() < 0.2) measures.push("coercion_with_forces");
    measures.push("seizure", "valuation", "auction");
    let rounds = r() < 0.45 ? Math.floor(expo(r, 1.6)) : 0;
    if (rounds > 8) rounds = 8;
    for (let i = 0; i < rounds; i++) measures.push("price_reduction", "auction");
    for (const m of measures) {
      plan.push([
        m === "price_reduction"
          ? { kind: "enforcement_action", measure: m, reductionPercent: 5 + Math.floor(r() * 6) }
          : { kind: "enforcement_action", measure: m },
      ]);
    }
    coercive = true;
    // The auction proceeds pay most of it; the rest in cash.
    const proceeds = stage === "settled" ? ((target * BigInt(70 + Math.floor(r() * 31))) / 100n / 1000n) * 1000n : target;
    if (proceeds > 0n) plan.push(...paymentSteps(money, [proceeds], () => "auction_proceeds", receipt));
    if (target > proceeds)
      plan.push(...paymentSteps(money, installments(r, target - proceeds, 1 + Math.floor(r() * 2)), cashOrBank, receipt));
  } else {
    if (target > 0n) {
      const measure: EnforcementMeasure | null = person
        ? r() < 0.3
          ? "income_deduction"
          : null
        : r() < 0.45
          ? "account_collection"
          : null;
      if (measure) {
        plan.push([{ kind: "enforcement_action", measure }]);
        coercive = true;
      }
      const n = 1 + Math.min(5, Math.floor(expo(r, measure === "income_deduction" ? 4 : 1.2)));
      plan.push(...paymentSteps(money, installments(r, target, n), cashOrBank, receipt));
    }
  }
  const acts = pendingActs(state);
  for (const id of acts) {
    if (stage !== "settled" && r() < 0.5) continue;
    if (r() < 0.4) {
      plan.push([{ kind: "enforcement_action", measure: "coercion_with_forces" }]);
      coercive = true;
    }
    plan.push([{ kind: "act_performed", obligationId: id }]);
  }
  // A case being enforced has at least one measure or payment.
  if (!coercive && target === 0n && plan.every((g) => g.every((s) => s.kind !== "act_performed"))) {
    plan.push([{ kind: "enforcement_action", measure: person ? "income_deduction" : "account_collection" }]);
  }

  // Dates, with now and then a postponement and resumption in between.
  const days = spread(r, S, Math.max(S, end), plan.length);
  let shift = 0;
  let pauseAt = -1;
  if (final !== "postponement" && final !== "suspension" && plan.length > 1 && r() < 0.06)
    pauseAt = 1 + Math.floor(r() * (plan.length - 1));
  for (let i = 0; i < plan.length; i++) {
    if (i === pauseAt) {
      const at = days[i]! + shift;
      const kind = r() < 0.7 ? "postponement" : "suspension";
      const reason = pick(r, kind === "postponement" ? POSTPONEMENT_REASONS : SUSPENSION_REASONS);
      if (!b.add(at, { kind, reason })) return b.done();
      shift += 15 + Math.floor(r() * 100);
      if (!b.add(at + shift, { kind: "resumption" })) return b.done();
    }
    for (const s of plan[i]!) if (!b.add(days[i]! + shift, s)) return b.done();
  }
  if (final === "completion") b.add(addWorking(Math.max(end + shift, b.last), Math.floor(r() * 3)), { kind: "completion" });
  else if (final !== "none") finish(Math.max(end + shift, b.last));
  return b.done();
}
