import { data } from "react-router";
import type { ServiceError } from "@thads/core";
import type { Lang } from "../../i18n.ts";

/* Request glue of the steering committees' screens; their queries and steps live in @thads/core/steering. */

/** A service refusal as the route's action data, with the matching HTTP status. */
export function refusal(intent: string, result: { ok: false; error: ServiceError }, lang: Lang, target?: string) {
  const code = result.error.code;
  const status = code === "conflict" ? 409 : code === "forbidden" || code === "not_member" ? 403 : 422;
  const message = lang === "en" ? result.error.message_en : result.error.message_vi;
  return data({ intent, target, formError: message, fieldErrors: result.error.field ? { [result.error.field]: message } : {} }, { status });
}

export type SteeringActionData = {
  intent: string;
  target?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  ok?: boolean;
};
