import { caseEventSchema, formatDateVi, formatDong, type CaseEvent, type CaseEventKind } from "@thads/domain";
import { translate, type Lang, type MessageParams } from "../../i18n.ts";
import { MEASURE_LABELS, PAYMENT_METHOD_LABELS } from "../../labels.ts";
import { labelOf } from "./label-of.ts";
import { casesMessages, type CasesMessageKey } from "./messages.ts";

/*
 * What the timeline says about each step of a case: its name and its own facts (the decision's
 * number and date, the amount and receipt of a collection, the reason of a suspension…), one
 * formatter per event kind of the domain's ledger. The map is typed over the kind union, so a new
 * kind does not compile until it has a formatter.
 */

type EventOf<K extends CaseEventKind> = Extract<CaseEvent, { kind: K }>;

/** One fact of a step as shown: a label (none for a fact that speaks for itself) and its value. */
export interface Fact {
  label: string | null;
  value: string;
}

/** What a formatter may look up besides the event. */
export interface FactContext {
  lang: Lang;
  m: (key: CasesMessageKey, params?: MessageParams) => string;
  /** A person's or a unit's name by id, as the page was allowed to read it. */
  name: (id: string | undefined) => string | null;
  /** An obligation's description by its code (O1, O2…), when it has one. */
  obligation: (code: string) => string | null;
  /** Whether an executor was assigned before this event (then an assignment is a change). */
  assignedBefore: boolean;
}

/** A step's name and facts. */
export interface Described {
  label: string;
  facts: Fact[];
}

type Formatter<K extends CaseEventKind> = (e: EventOf<K>, ctx: FactContext) => { label: CasesMessageKey; facts: (Fact | null)[] };

/** A labelled fact, or none when the value is missing or blank. */
const fact = (ctx: FactContext, label: CasesMessageKey, value: string | null | undefined): Fact | null =>
  value?.trim() ? { label: ctx.m(label), value: value.trim() } : null;

const SOURCE: Record<EventOf<"acceptance">["source"], CasesMessageKey> = {
  court_transfer: "new.source.courtTransfer",
  creditor_request: "new.source.creditorRequest",
  transfer_in: "fact.source.transferIn",
};

const named = (ctx: FactContext, id: string | undefined) => (id ? (ctx.name(id) ?? ctx.m("fact.unknown")) : null);

export const EVENT_FORMATTERS: { readonly [K in CaseEventKind]: Formatter<K> } = {
  acceptance: (e, ctx) => ({
    label: "event.acceptance",
    facts: [
      fact(ctx, "fact.source", ctx.m(SOURCE[e.source])),
      fact(ctx, "fact.fromAgency", e.fromAgency),
      fact(
        ctx,
        "fact.entrustingDecision",
        e.entrustingDecisionNumber && e.entrustingDecisionOn
          ? ctx.m("fact.entrustingDecisionValue", { number: e.entrustingDecisionNumber, date: formatDateVi(e.entrustingDecisionOn) })
          : null,
      ),
      fact(ctx, "fact.unit", e.unitId ? ctx.name(e.unitId) : null),
    ],
  }),
  decision: (e, ctx) => {
    const money = e.obligations.flatMap((o) => (o.kind === "money" ? [o.amount] : []));
    return {
      label: "event.decision",
      facts: [
        fact(ctx, "fact.decisionNumber", e.decisionNumber),
        fact(ctx, "fact.decisionDate", formatDateVi(e.effectiveDate)),
        fact(ctx, "fact.mode", ctx.m(e.mode === "ex_officio" ? "mode.exOfficio" : "mode.onRequest")),
        fact(ctx, "fact.due", money.length > 0 ? formatDong(money.reduce((a, b) => a + b, 0n)) : null),
        ...e.obligations.map((o) => (o.kind === "act" ? fact(ctx, "fact.act", o.description) : null)),
        fact(ctx, "executor", named(ctx, e.executorId)),
      ],
    };
  },
  notification: () => ({ label: "event.notification", facts: [] }),
  verification: (e, ctx) => ({
    label: "event.verification",
    facts: [
      fact(ctx, "step.findings", e.findings),
      e.debtorImprisonedOrUnknownAddress ? { label: null, value: ctx.m("step.debtorUnreachable") } : null,
    ],
  }),
  classification: (e, ctx) => ({
    label: "event.classification",
    facts: [fact(ctx, "step.result", ctx.m(e.result === "enforceable" ? "step.result.enforceable" : "step.result.notYetEnforceable"))],
  }),
  payment: (e, ctx) => ({
    label: "event.payment",
    facts: [
      fact(ctx, "fact.amount", formatDong(e.amount)),
      fact(ctx, "fact.receiptNumber", e.receiptNumber),
      fact(ctx, "step.payer", e.payer),
      fact(ctx, "step.method", e.method ? labelOf(PAYMENT_METHOD_LABELS, e.method, ctx.lang) : null),
      fact(ctx, "step.obligation", e.obligationId),
    ],
  }),
  act_performed: (e, ctx) => ({
    label: "event.actPerformed",
    facts: [fact(ctx, "step.act", ctx.obligation(e.obligationId) ?? e.obligationId)],
  }),
  enforcement_action: (e, ctx) => ({
    label: "event.enforcementAction",
    facts: [
      fact(ctx, "step.measure", labelOf(MEASURE_LABELS, e.measure, ctx.lang)),
      fact(ctx, "fact.reductionPercent", e.reductionPercent === undefined ? null : `${e.reductionPercent}%`),
    ],
  }),
  postponement: (e, ctx) => ({ label: "event.postponement", facts: [fact(ctx, "step.reason", e.reason)] }),
  suspension: (e, ctx) => ({ label: "event.suspension", facts: [fact(ctx, "step.reason", e.reason)] }),
  resumption: () => ({ label: "event.resumption", facts: [] }),
  termination: (e, ctx) => ({ label: "event.termination", facts: [fact(ctx, "step.terminationGround", e.reason)] }),
  completion: () => ({ label: "event.completion", facts: [] }),
  transfer: (e, ctx) => ({
    label: "event.transfer",
    facts: [
      fact(ctx, "step.toProvince", named(ctx, e.toProvinceId)),
      fact(ctx, "fact.toUnit", e.toUnitId ? ctx.name(e.toUnitId) : null),
      fact(ctx, "step.toMilitaryAgency", e.toMilitaryAgency),
    ],
  }),
  executor_change: (e, ctx) => ({
    label: ctx.assignedBefore ? "event.executorChanged" : "event.executorAssigned",
    facts: [fact(ctx, "executor", named(ctx, e.executorId)), fact(ctx, "fact.changeReason", e.reason)],
  }),
  register_transfer: () => ({ label: "event.registerTransfer", facts: [] }),
  request_returned: (e, ctx) => ({ label: "event.requestReturned", facts: [fact(ctx, "fact.noticeNumber", e.noticeNumber)] }),
  register_reopening: (e, ctx) => ({ label: "event.registerReopening", facts: [fact(ctx, "fact.newInformation", e.newInformation)] }),
  new_information: (e, ctx) => ({ label: "event.newInformation", facts: [fact(ctx, "fact.newInformation", e.newInformation)] }),
  office_assignment: (e, ctx) => ({ label: "event.officeAssignment", facts: [fact(ctx, "step.office", named(ctx, e.unitId))] }),
  intra_province_transfer: (e, ctx) => ({
    label: "event.intraProvinceTransfer",
    facts: [fact(ctx, "fact.toUnit", named(ctx, e.unitId))],
  }),
  reorganisation: (e, ctx) => ({
    label: "event.reorganisation",
    facts: [
      fact(ctx, "fact.fromUnit", named(ctx, e.fromUnitId)),
      fact(ctx, "fact.toUnit", named(ctx, e.unitId)),
      fact(ctx, "fact.basis", e.basis ?? null),
    ],
  }),
};

/** One event through its kind's formatter (the note, which any step may carry, last). */
export function describeEvent<K extends CaseEventKind>(event: EventOf<K>, ctx: FactContext): Described {
  const formatter = EVENT_FORMATTERS[event.kind] as Formatter<K>;
  const { label, facts } = formatter(event, ctx);
  return { label: ctx.m(label), facts: [...facts, fact(ctx, "fact.note", event.note)].filter((f): f is Fact => f !== null) };
}

/** A timeline entry as the case page's loader gives it: the ledger row's kind, date and JSON payload. */
export interface TimelineEntry {
  kind: string;
  effectiveDate: string;
  payload: Record<string, unknown>;
}

/**
 * The case's events in ledger order, each with its name and facts. The first executor given to the
 * case (on the decision or by an assignment) is an assignment; a later one is a change. A row the
 * domain's schema does not read keeps its kind as its name and shows no facts.
 */
export function describeTimeline(
  entries: readonly TimelineEntry[],
  opts: { lang: Lang; names: Readonly<Record<string, string>>; obligations: readonly { code: string; description: string | null }[] },
): Described[] {
  const m = (key: CasesMessageKey, params?: MessageParams) => translate(casesMessages, opts.lang, key, params);
  const name = (id: string | undefined) => (id && Object.hasOwn(opts.names, id) ? opts.names[id]! : null);
  const obligation = (code: string) => opts.obligations.find((o) => o.code === code)?.description ?? null;
  let assigned = false;
  return entries.map((entry) => {
    const parsed = caseEventSchema.safeParse({ ...entry.payload, kind: entry.kind, effectiveDate: entry.effectiveDate });
    if (!parsed.success) return { label: entry.kind, facts: [] };
    const event = parsed.data as CaseEvent;
    const described = describeEvent(event, { lang: opts.lang, m, name, obligation, assignedBefore: assigned });
    if (event.kind === "executor_change" || (event.kind === "decision" && event.executorId)) assigned = true;
    // A step moved in from the former software (docs/import.md, "Moving a province in"): said so on the step.
    const migrated = entry.payload.migrated;
    if (migrated === "history" || migrated === "snapshot") {
      described.facts.push({ label: null, value: m(migrated === "history" ? "fact.migrated.history" : "fact.migrated.snapshot") });
    }
    return described;
  });
}
