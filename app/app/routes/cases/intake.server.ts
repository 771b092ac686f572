import { asUserStep } from "@thads/core";
import { intakeFromRequest } from "@thads/core/requests";
import { IntakeSchema } from "@thads/core/cases/intake-schema";
import { appSql } from "../../utils/db.server.ts";
import { nestForm, schemaPaths } from "../../utils/form-nest.ts";
import type { CurrentUser } from "../../utils/user.server.ts";

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
 * Takes the case in and, when it comes from an enforcement request of the one-stop desk, links
 * the request to it, in one step (`intakeFromRequest`): a request that can no longer be linked
 * refuses the intake, and the request's filing date is the one the limitation is judged on.
 */
export function takeInCase(user: CurrentUser, input: Parameters<typeof intakeFromRequest>[1], fromRequest: FormDataEntryValue | null) {
  return asUserStep(appSql(), user.claims, (tx) =>
    intakeFromRequest(
      tx,
      input,
      { userId: user.id, roles: user.memberships.map((m) => m.role) },
      typeof fromRequest === "string" && fromRequest ? fromRequest : null,
    ),
  );
}
