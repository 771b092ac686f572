import { z } from "zod";
import { withClaims, type Claims, type Sql, type TxSql } from "@thads/db";
import { isIsoDate, mayRecordStep, tryParseDateVi } from "@thads/domain";
import { forbiddenStep, type ServiceResult } from "./errors.ts";
import { StepNotPermitted, type Actor } from "./service.ts";
import { toEventRow } from "./ledger.ts";

/** dd/mm/yyyy (or yyyy-mm-dd) → ISO, with the field named in the message. */
const viDate = (field: string) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .trim()
    .min(1, { message: `${field}: bắt buộc nhập.` })
    .transform((v, ctx) => {
      const iso = isIsoDate(v) ? v : tryParseDateVi(v);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: `${field}: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ví dụ 05/11/2026).` });
        return z.NEVER;
      }
      return iso;
    });

/** Whole đồng from "12.500.000", "12500000" or "12 500 000". */
export const dongInput = (field: string) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .trim()
    .transform((v, ctx) => {
      const digits = v.replace(/[.\s,]/g, "").replace(/(₫|đ|vnd)$/i, "");
      if (!/^\d{1,18}$/.test(digits) || BigInt(digits) <= 0n) {
        ctx.addIssue({ code: "custom", message: `${field}: phải là số tiền nguyên dương tính bằng đồng (ví dụ 12.500.000).` });
        return z.NEVER;
      }
      return BigInt(digits);
    });

const text = (field: string, max: number, min = 1) =>
  z
    .string({ message: `${field}: bắt buộc nhập.` })
    .trim()
    .min(min, { message: `${field}: bắt buộc nhập.` })
    .max(max, { message: `${field}: tối đa ${max} ký tự.` });
const optionalText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${field}: tối đa ${max} ký tự.` })
    .optional()
    .transform((v) => (v ? v : null));

export const JUDGMENT_TYPES = ["civil", "criminal", "administrative", "family", "business", "labour", "bankruptcy", "arbitration"] as const;

/** The intake form: a case taken in from a judgment, with its parties and (optionally) the decision. */
export const IntakeSchema = z.object({
  idempotencyKey: z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại biểu mẫu." }),
  unitId: z.uuid({ message: "Đơn vị thụ lý: chọn một đơn vị." }),
  caseNumber: text("Số thụ lý / số quyết định", 60),
  acceptedOn: viDate("Ngày thụ lý"),
  source: z.enum(["court_transfer", "creditor_request"], { message: "Nguồn thụ lý: chọn Tòa án chuyển giao hoặc đơn yêu cầu." }),
  decisionKind: z.enum(["ex_officio", "on_request"], { message: "Hình thức: chọn chủ động hoặc theo yêu cầu." }),
  isBankCredit: z.boolean().default(false),
  isCorruption: z.boolean().default(false),
  judgment: z.object({
    courtName: text("Tòa án", 300, 2),
    number: text("Số bản án", 100),
    date: viDate("Ngày bản án"),
    type: z.enum(JUDGMENT_TYPES, { message: "Loại bản án: chọn một loại." }),
  }),
  creditor: z.object({
    kind: z.enum(["person", "organization"], { message: "Người được thi hành án: chọn cá nhân hoặc tổ chức." }),
    fullName: text("Tên người được thi hành án", 300),
    idNumber: optionalText("Số giấy tờ của người được thi hành án", 30),
    address: optionalText("Địa chỉ người được thi hành án", 500),
  }),
  debtor: z.object({
    kind: z.enum(["person", "organization"], { message: "Người phải thi hành án: chọn cá nhân hoặc tổ chức." }),
    fullName: text("Tên người phải thi hành án", 300),
    idNumber: optionalText("Số giấy tờ của người phải thi hành án", 30),
    address: optionalText("Địa chỉ người phải thi hành án", 500),
  }),
  amount: dongInput("Số tiền phải thi hành"),
}).superRefine((v, ctx) => {
  if (v.judgment.date > v.acceptedOn) {
    ctx.addIssue({ code: "custom", path: ["acceptedOn"], message: "Ngày thụ lý: không được trước ngày bản án." });
  }
  for (const [p, label] of [["creditor", "người được thi hành án"], ["debtor", "người phải thi hành án"]] as const) {
    const id = v[p].idNumber;
    if (id && !/^[0-9A-Za-z./-]{6,30}$/.test(id)) {
      ctx.addIssue({ code: "custom", path: [p, "idNumber"], message: `Số giấy tờ của ${label}: 6–30 chữ số hoặc chữ cái.` });
    }
  }
});
export type IntakeInput = z.output<typeof IntakeSchema>;

/**
 * Takes a case in: judgment (reused when the province already has it), case
 * row, parties, acceptance event, and the decision with its money
 * obligation. All in the caller's transaction. The idempotency key is the
 * case id, so a repeated submission returns the case it already made.
 */
export async function intakeCase(
  tx: TxSql,
  input: IntakeInput,
  actor: Actor,
): Promise<ServiceResult<{ caseId: string; duplicate: boolean }>> {
  if (!mayRecordStep(actor.roles, "acceptance")) return { ok: false, error: forbiddenStep() };
  const caseId = input.idempotencyKey;
  const [existing] = await tx`select id from public.cases where id = ${caseId}`;
  if (existing) return { ok: true, caseId, duplicate: true };

  const [unit] = await tx<{ province_id: string; kind: string }[]>`select province_id, kind from public.units where id = ${input.unitId}`;
  if (!unit || unit.kind === "national") {
    return { ok: false, error: { code: "unknown_unit", field: "unitId", message_vi: "Đơn vị thụ lý: không tồn tại.", message_en: "Unit: does not exist." } };
  }
  const [taken] = await tx`select 1 from public.cases where province_id = ${unit.province_id} and case_number = ${input.caseNumber}`;
  if (taken) {
    return {
      ok: false,
      error: { code: "duplicate_number", field: "caseNumber", message_vi: `Số thụ lý / số quyết định: "${input.caseNumber}" đã có trong tỉnh.`, message_en: `Case number "${input.caseNumber}" already exists in this province.` },
    };
  }

  const j = input.judgment;
  let [judgment] = await tx<{ id: string }[]>`
    select id from public.judgments where province_id = ${unit.province_id} and court_name = ${j.courtName} and judgment_number = ${j.number}`;
  judgment ??= (await tx<{ id: string }[]>`
    insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
    values (${input.unitId}, ${j.courtName}, ${j.number}, ${j.date}, ${j.type}) returning id`)[0]!;

  await tx`
    insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, is_bank_credit,
                              is_corruption, debtor_name, creditor_name, judgment_id, source, status, last_event_on)
    values (${caseId}, ${input.unitId}, ${unit.province_id}, ${input.caseNumber}, ${input.acceptedOn}, ${input.decisionKind},
            ${j.type}, ${input.isBankCredit}, ${input.isCorruption}, ${input.debtor.fullName}, ${input.creditor.fullName},
            ${judgment.id}, ${input.source}, 'accepted', ${input.acceptedOn})`;
  for (const [role, p] of [["creditor", input.creditor], ["debtor", input.debtor]] as const) {
    await tx`
      insert into public.case_parties (case_id, role, kind, full_name, id_number, address)
      values (${caseId}, ${role}, ${p.kind}, ${p.fullName}, ${p.idNumber}, ${p.address})`;
  }
  const acceptance = toEventRow({
    kind: "acceptance",
    effectiveDate: input.acceptedOn,
    provinceId: unit.province_id,
    unitId: input.unitId,
    source: input.source,
  });
  await tx`
    insert into public.case_events (case_id, kind, effective_date, payload, actor_id, idempotency_key)
    values (${caseId}, 'acceptance', ${input.acceptedOn}, ${tx.json(acceptance.payload as never)}, ${actor.userId}, ${caseId})`;

  // The obligation the judgment imposes; the decision itself is its own step.
  // Until the decision lists the obligations, the case carries the judgment's amount.
  await tx`update public.cases set money_due = ${input.amount} where id = ${caseId}`;
  return { ok: true, caseId, duplicate: false };
}

/** Runs a service step as the user, mapping refusals by RLS to a clear error (and rolling everything back). */
export async function asUserStep<T>(
  sql: Sql,
  claims: Claims,
  fn: (tx: TxSql) => Promise<ServiceResult<T>>,
): Promise<ServiceResult<T>> {
  class Refused extends Error {
    constructor(readonly result: ServiceResult<T>) {
      super("refused");
    }
  }
  try {
    return await withClaims(sql, claims, async (tx) => {
      const r = await fn(tx);
      // A refusal after writes began must leave nothing behind.
      if (!r.ok) throw new Refused(r);
      return r;
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    if (e instanceof StepNotPermitted || (e as { code?: string }).code === "42501") return { ok: false, error: forbiddenStep() };
    throw e;
  }
}
