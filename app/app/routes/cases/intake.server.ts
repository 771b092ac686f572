import { asUserStep, intakeCase } from "@thads/core";
import { IntakeSchema } from "@thads/core/cases/intake-schema";
import { appSql } from "../../utils/db.server.ts";
import { nestForm, schemaPaths } from "../../utils/form-nest.ts";
import type { CurrentUser } from "../../utils/user.server.ts";
import { linkRequestToCase } from "../public/public.server.ts";

/* Request glue of the intake form; the intake itself lives in @thads/core. */

/** The intake schema's field paths: the only names a posted form may fill. */
const INTAKE_PATHS = schemaPaths(IntakeSchema);

/** Flat form fields (judgment.courtName …) → the nested intake input, checked; unknown names are dropped. */
export function parseIntakeForm(form: FormData) {
  const out = nestForm(form, INTAKE_PATHS);
  out.isBankCredit = form.get("isBankCredit") === "on";
  out.isCorruption = form.get("isCorruption") === "on";
  for (const p of ["creditor", "debtor"]) {
    const party = out[p] as Record<string, string> | undefined;
    if (party) for (const k of ["idNumber", "address"]) if (party[k] === "") delete party[k];
  }
  return IntakeSchema.safeParse(out);
}

/**
 * Takes the case in and, when it comes from an enforcement request of the
 * one-stop desk, links the request to it, in one step: a request that can no
 * longer be linked refuses the intake.
 */
export function takeInCase(user: CurrentUser, input: Parameters<typeof intakeCase>[1], fromRequest: FormDataEntryValue | null) {
  return asUserStep(appSql(), user.claims, async (tx) => {
    const r = await intakeCase(tx, input, { userId: user.id, roles: user.memberships.map((m) => m.role) });
    if (r.ok && !r.duplicate && typeof fromRequest === "string" && fromRequest && !(await linkRequestToCase(tx, fromRequest, r.caseId))) {
      return {
        ok: false as const,
        error: {
          code: "request_not_linkable",
          message_vi: "Yêu cầu thi hành án này đã được thụ lý hoặc không còn ở trạng thái tiếp nhận/đang giải quyết.",
          message_en: "This request was already taken in or is no longer open.",
        },
      };
    }
    return r;
  });
}
