/**
 * The fields each kind of public request adds to the common ones, in the order the form shows
 * them, with their labels. No schema here (./schema.ts validates them): the browser takes it.
 */
import type { RequestKind } from "@thads/domain";

export const EXTRA_FIELDS = {
  enforcement_request: ["judgmentCourt", "judgmentNumber", "judgmentDate", "debtorName", "debtorAddress", "preferredExecutor"],
  result_confirmation: ["caseReference"],
  executor_change: ["caseReference", "executorName"],
  fee_exemption: ["caseReference"],
  coercion_cost_exemption: ["caseReference"],
  complaint: ["caseReference", "subject"],
  denunciation: ["subject"],
} as const satisfies Record<RequestKind, readonly string[]>;

/** Labels of the kind-specific fields, in the order they are shown. */
export const EXTRA_FIELD_LABELS: Record<string, { vi: string; en: string; hint?: string }> = {
  judgmentCourt: { vi: "Tòa án đã xét xử", en: "Court" },
  judgmentNumber: { vi: "Số bản án, quyết định", en: "Judgment number" },
  judgmentDate: { vi: "Ngày bản án, quyết định (dd/mm/yyyy)", en: "Judgment date (dd/mm/yyyy)" },
  debtorName: { vi: "Tên người phải thi hành án", en: "Debtor's name" },
  debtorAddress: { vi: "Địa chỉ người phải thi hành án", en: "Debtor's address" },
  preferredExecutor: {
    vi: "Chấp hành viên đề nghị tổ chức thi hành án (nếu có)",
    en: "Executor proposed to organise enforcement (if any)",
  },
  caseReference: { vi: "Số quyết định thi hành án / số thụ lý (nếu có)", en: "Enforcement decision or case number (if any)" },
  executorName: { vi: "Chấp hành viên đề nghị thay đổi", en: "Executor to be replaced" },
  subject: { vi: "Quyết định, hành vi bị khiếu nại / người bị tố cáo", en: "Decision or act complained of / person reported" },
};

/** The names of a kind's own fields, for rendering. */
export function extraFields(kind: RequestKind): readonly string[] {
  return EXTRA_FIELDS[kind];
}
