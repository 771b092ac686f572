import { data } from "react-router";
import {
  AddMemberSchema,
  ChangeMemberRoleSchema,
  CreateCommitteeSchema,
  RemoveMemberSchema,
  addCommitteeMember,
  asUserStep,
  changeCommitteeMemberRole,
  createCommittee,
  removeCommitteeMember,
  type Actor,
} from "@thads/core";
import { fieldErrorsOf } from "@thads/core/field-errors";
import type { Lang } from "../../i18n.ts";
import { appSql } from "../../utils/db.server.ts";
import type { CurrentUser } from "../../utils/user.server.ts";
import { refusal, type SteeringActionData } from "./refusal.server.ts";
import { formFields } from "../../utils/form-nest.ts";

/*
 * Committee management steps posted from /steering/committees. Each runs as
 * the signed-in user in one transaction; RLS decides whose committee is whose.
 */
export const COMMITTEE_INTENTS = ["committee_create", "committee_add_member", "committee_change_role", "committee_remove_member"] as const;
export type CommitteeIntent = (typeof COMMITTEE_INTENTS)[number];
export const isCommitteeIntent = (v: string): v is CommitteeIntent => (COMMITTEE_INTENTS as readonly string[]).includes(v);

const bad = (intent: string, error: import("zod").ZodError, target?: string) => {
  const fieldErrors = fieldErrorsOf(error, { depth: "top" });
  return data<SteeringActionData>({ intent, target, fieldErrors, formError: Object.values(fieldErrors)[0] }, { status: 400 });
};

export async function runCommitteeIntent(intent: CommitteeIntent, form: FormData, user: CurrentUser, lang: Lang) {
  const actor: Actor = { userId: user.id, roles: user.memberships.map((m) => m.role) };
  const fields = formFields(form);
  const run = <T>(fn: Parameters<typeof asUserStep<T>>[2]) => asUserStep<T>(appSql(), user.claims, fn);
  const done = { intent, ok: true as const };
  switch (intent) {
    case "committee_create": {
      const p = CreateCommitteeSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error);
      const r = await run((tx) => createCommittee(tx, p.data, actor));
      return r.ok ? done : refusal(intent, r, lang);
    }
    case "committee_add_member": {
      const target = fields.committeeId;
      const p = AddMemberSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => addCommitteeMember(tx, p.data, actor));
      return r.ok ? done : refusal(intent, r, lang, target);
    }
    case "committee_change_role": {
      const target = fields.memberId;
      const p = ChangeMemberRoleSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => changeCommitteeMemberRole(tx, p.data, actor));
      return r.ok ? done : refusal(intent, r, lang, target);
    }
    case "committee_remove_member": {
      const target = fields.memberId;
      const p = RemoveMemberSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => removeCommitteeMember(tx, p.data, actor));
      return r.ok ? done : refusal(intent, r, lang, target);
    }
  }
}
