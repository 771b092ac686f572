/**
 * zod schemas for case events arriving as JSON (API bodies, database rows): dates are checked
 * to be real 'YYYY-MM-DD' dates, money arrives as a decimal string (or bigint) and leaves as bigint.
 * A parsed event still has to pass `applyEvent` — the schema checks shape, the lifecycle checks law.
 */
import { z } from "zod";
import { MAX_DONG } from "../bounds.ts";
import { ENTRUSTING_DECISION_NUMBER_MAX, isAgencyName } from "./agency-name.ts";
import { isIsoDate } from "./calendar.ts";
import { type CASE_EVENT_KINDS, COERCIVE_MEASURES, SECURITY_MEASURES, type CaseEvent } from "./lifecycle.ts";

export const isoDateSchema = z.string().refine(isIsoDate, { message: "Ngày phải có dạng YYYY-MM-DD và là ngày có thật" });

/** Whole đồng: a bigint, a decimal string of digits, or a safe integer number. Always > 0 and at most MAX_DONG here. */
export const dongSchema = z
  .union([
    z.bigint(),
    z
      .string()
      .regex(/^\d+$/, { message: "Số tiền phải là số nguyên đồng" })
      .transform((s) => BigInt(s)),
    z
      .number()
      .int()
      .refine(Number.isSafeInteger, { message: "Số tiền vượt quá 2^53: hãy gửi dạng chuỗi" })
      .transform((n) => BigInt(n)),
  ])
  .refine((v) => v > 0n, { message: "Số tiền phải lớn hơn 0" })
  .refine((v) => v <= MAX_DONG, { message: "Số tiền vượt quá mức tối đa 10^16 đồng" });

const id = z.string().trim().min(1);
const base = {
  effectiveDate: isoDateSchema,
  id: z.string().optional(),
  note: z.string().optional(),
};

const obligationSchema = z.discriminatedUnion("kind", [
  z.object({ id, kind: z.literal("money"), amount: dongSchema, description: z.string().optional() }),
  z.object({ id, kind: z.literal("act"), description: z.string().trim().min(1) }),
]);

export const caseEventSchema = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("acceptance"),
    provinceId: id,
    unitId: z.string().optional(),
    source: z.enum(["court_transfer", "creditor_request", "transfer_in"]),
    fromAgency: z.string().trim().refine(isAgencyName).optional(),
    entrustingDecisionNumber: z.string().trim().min(1).max(ENTRUSTING_DECISION_NUMBER_MAX).optional(),
    entrustingDecisionOn: isoDateSchema.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal("decision"),
    mode: z.enum(["ex_officio", "on_request"]),
    obligations: z.array(obligationSchema).min(1),
    decisionNumber: z.string().optional(),
    executorId: z.string().optional(),
  }),
  z.object({ ...base, kind: z.literal("notification") }),
  z.object({
    ...base,
    kind: z.literal("verification"),
    debtorImprisonedOrUnknownAddress: z.boolean().optional(),
    findings: z.string().optional(),
  }),
  z.object({ ...base, kind: z.literal("classification"), result: z.enum(["enforceable", "not_yet_enforceable"]) }),
  z.object({
    ...base,
    kind: z.literal("payment"),
    obligationId: id,
    amount: dongSchema,
    receiptNumber: z.string().optional(),
    payer: z.string().optional(),
    method: z.enum(["cash", "bank_transfer", "auction_proceeds", "other"]).optional(),
  }),
  z.object({ ...base, kind: z.literal("act_performed"), obligationId: id }),
  z.object({
    ...base,
    kind: z.literal("enforcement_action"),
    measure: z.enum([...SECURITY_MEASURES, ...COERCIVE_MEASURES]),
    reductionPercent: z.number().positive().optional(),
  }),
  z.object({ ...base, kind: z.literal("postponement"), reason: z.string().optional() }),
  z.object({ ...base, kind: z.literal("suspension"), reason: z.string().optional() }),
  z.object({ ...base, kind: z.literal("resumption") }),
  z.object({ ...base, kind: z.literal("termination"), reason: z.string().trim().min(1) }),
  z.object({ ...base, kind: z.literal("completion") }),
  // To another province's agency or to a military-region agency: one of the two is named (the lifecycle refuses both).
  z
    .object({
      ...base,
      kind: z.literal("transfer"),
      toProvinceId: id.optional(),
      toUnitId: z.string().optional(),
      toMilitaryAgency: z.string().trim().refine(isAgencyName).optional(),
    })
    .refine((e) => e.toProvinceId !== undefined || e.toMilitaryAgency !== undefined, { path: ["toProvinceId"] }),
  z.object({ ...base, kind: z.literal("executor_change"), executorId: id, reason: z.string().optional() }),
  z.object({ ...base, kind: z.literal("register_transfer") }),
  z.object({ ...base, kind: z.literal("request_returned"), noticeNumber: z.string().optional() }),
  z.object({ ...base, kind: z.literal("register_reopening"), newInformation: z.string().trim().min(1) }),
  z.object({ ...base, kind: z.literal("office_assignment"), unitId: id }),
  z.object({ ...base, kind: z.literal("reorganisation"), unitId: id, fromUnitId: id, basis: z.string().optional() }),
  z.object({ ...base, kind: z.literal("intra_province_transfer"), unitId: id }),
  z.object({ ...base, kind: z.literal("new_information"), newInformation: z.string().trim().min(1) }),
]);

// Compile-time checks: the schema covers every kind and produces valid CaseEvents.
type Parsed = z.output<typeof caseEventSchema>;
const _parsedIsEvent = (e: Parsed): CaseEvent => e;
type _AllKinds = Exclude<(typeof CASE_EVENT_KINDS)[number], Parsed["kind"]> extends never ? true : never;
const _allKinds: _AllKinds = true;
void _parsedIsEvent;
void _allKinds;

/** Parses one event from JSON-like input; throws a ZodError on bad shape. */
export function parseCaseEvent(input: unknown): CaseEvent {
  return caseEventSchema.parse(input);
}
