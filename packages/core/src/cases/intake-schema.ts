import { z } from "zod";
import { checkAcceptanceDate, checkPastDate, type BoundError, type IsoDate } from "@thads/domain";
import { dongInput, optionalText, text, viDate } from "../shared/fields.ts";
import { JUDGMENT_TYPES } from "./judgment-types.ts";

/** A party's ID or registration number as intake accepts it (CCCD, CMND, passport, tax code). */
export const ID_NUMBER_PATTERN = /^[0-9A-Za-z./-]{6,30}$/;

export { JUDGMENT_TYPES } from "./judgment-types.ts";

/** The intake form: a case taken in from a judgment, with its parties and (optionally) the decision. */
export const IntakeSchema = z
  .object({
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
  })
  .superRefine((v, ctx) => {
    if (v.judgment.date > v.acceptedOn) {
      ctx.addIssue({ code: "custom", path: ["acceptedOn"], message: "Ngày thụ lý: không được trước ngày bản án." });
    }
    for (const [p, label] of [
      ["creditor", "người được thi hành án"],
      ["debtor", "người phải thi hành án"],
    ] as const) {
      const id = v[p].idNumber;
      if (id && !ID_NUMBER_PATTERN.test(id)) {
        ctx.addIssue({ code: "custom", path: [p, "idNumber"], message: `Số giấy tờ của ${label}: 6–30 chữ số hoặc chữ cái.` });
      }
    }
  });
export type IntakeInput = z.output<typeof IntakeSchema>;

/**
 * The dates of an intake (form or import row) against today in Việt Nam: the acceptance and the
 * judgment not after today and not before 1990, the acceptance not before the first rule set in
 * force (1 July 2009; a file accepted earlier is taken in again with the date it is taken up).
 * Field keys are the form's paths ("acceptedOn", "judgment.date").
 */
export function intakeDateProblems(input: Pick<IntakeInput, "acceptedOn" | "judgment">, today: IsoDate): BoundError[] {
  const out: BoundError[] = [];
  const accepted = checkAcceptanceDate(input.acceptedOn, { field: { key: "acceptedOn", vi: "Ngày thụ lý", en: "Acceptance date" }, today });
  if (accepted) out.push(accepted);
  const judgment = checkPastDate(input.judgment.date, { field: { key: "judgment.date", vi: "Ngày bản án", en: "Judgment date" }, today });
  if (judgment) out.push(judgment);
  return out;
}
