import { data } from "react-router";
import {
  AnswerDirectiveSchema,
  CommitteeSettingsSchema,
  updateCommitteeSettings,
  CoercionDecisionSchema,
  CoercionPlanSchema,
  DecideFlagSchema,
  DirectiveSchema,
  MeetingSchema,
  MinutesSchema,
  ProgressReportSchema,
  ProposeFlagSchema,
  ReviseDirectiveSchema,
  answerDirective,
  asUserStep,
  createMeeting,
  decideCoercion,
  decideFlag,
  issueDirective,
  planCoercion,
  postProgressReport,
  proposeFlag,
  recordMinutes,
  reviseDirective,
  type Actor,
} from "@thads/core";
import { fieldErrorsOf } from "@thads/core/field-errors";
import type { Lang } from "../../i18n.ts";
import { appSql } from "../../utils/db.server.ts";
import { todayVn } from "../../utils/today.ts";
import type { CurrentUser } from "../../utils/user.server.ts";
import { refusal, type SteeringActionData } from "./refusal.server.ts";
import { formFields } from "../../utils/form-nest.ts";

export const STEERING_INTENTS = [
  "steering_propose",
  "steering_decide",
  "steering_directive",
  "steering_answer",
  "steering_revise",
  "steering_report",
  "steering_meeting",
  "steering_minutes",
  "steering_coercion_plan",
  "steering_coercion_decide",
  "steering_settings",
] as const;
export type SteeringIntent = (typeof STEERING_INTENTS)[number];

export function isSteeringIntent(v: string): v is SteeringIntent {
  return (STEERING_INTENTS as readonly string[]).includes(v);
}

/** A form that did not parse: the first message of each field (keyed by its top-level name), the first of all above the form. */
const bad = (intent: string, error: import("zod").ZodError, target?: string) => {
  const fieldErrors = fieldErrorsOf(error, { depth: "top" });
  return data<SteeringActionData>({ intent, target, fieldErrors, formError: Object.values(fieldErrors)[0] }, { status: 400 });
};

/**
 * Runs one steering step posted from a form. Returns the action data for the
 * page: an error to show (nothing written), or ok with what was done.
 */
export async function runSteeringIntent(intent: SteeringIntent, form: FormData, user: CurrentUser, lang: Lang) {
  const actor: Actor = { userId: user.id, roles: user.memberships.map((m) => m.role) };
  const today = todayVn();
  const fields = formFields(form);
  const run = <T>(fn: Parameters<typeof asUserStep<T>>[2]) => asUserStep<T>(appSql(), user.claims, fn);
  const target = fields.directiveId ?? fields.opId ?? fields.flagId ?? undefined;
  const done = (extra: { flagId?: string; status?: string; directiveId?: string; meetingId?: string } = {}) => ({
    intent,
    ok: true as const,
    ...extra,
  });
  switch (intent) {
    case "steering_propose": {
      const p = ProposeFlagSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => proposeFlag(tx, p.data, actor, today));
      return r.ok ? done({ flagId: r.flagId }) : refusal(intent, r, lang, target);
    }
    case "steering_decide": {
      const p = DecideFlagSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => decideFlag(tx, p.data, actor, today));
      return r.ok ? done({ status: r.status }) : refusal(intent, r, lang, target);
    }
    case "steering_directive": {
      const p = DirectiveSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => issueDirective(tx, p.data, actor, today));
      return r.ok ? done({ directiveId: r.directiveId }) : refusal(intent, r, lang, target);
    }
    case "steering_answer": {
      const p = AnswerDirectiveSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => answerDirective(tx, p.data, actor, today));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
    case "steering_revise": {
      const p = ReviseDirectiveSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => reviseDirective(tx, p.data, actor, today));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
    case "steering_report": {
      const p = ProgressReportSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => postProgressReport(tx, p.data, actor, today));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
    case "steering_meeting": {
      const p = MeetingSchema.safeParse({ ...fields, flagIds: form.getAll("flagIds").map(String) });
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => createMeeting(tx, p.data, actor, today));
      return r.ok ? done({ meetingId: r.meetingId }) : refusal(intent, r, lang, target);
    }
    case "steering_minutes": {
      const p = MinutesSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => recordMinutes(tx, p.data));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
    case "steering_coercion_plan": {
      const kinds = form.getAll("forceKind").map(String);
      const counts = form.getAll("forceCount").map(String);
      const forces = kinds.map((kind, i) => ({ kind, count: counts[i] ?? "" })).filter((f) => f.kind && f.count !== "");
      const p = CoercionPlanSchema.safeParse({ ...fields, forces });
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => planCoercion(tx, p.data, actor, today));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
    case "steering_settings": {
      const p = CommitteeSettingsSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => updateCommitteeSettings(tx, p.data));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
    case "steering_coercion_decide": {
      const p = CoercionDecisionSchema.safeParse(fields);
      if (!p.success) return bad(intent, p.error, target);
      const r = await run((tx) => decideCoercion(tx, p.data, actor, today));
      return r.ok ? done() : refusal(intent, r, lang, target);
    }
  }
}
