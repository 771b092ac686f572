import { isUnsafeKey, nullRecord } from "../../utils/form-nest.ts";

/*
 * The request glue of the asset page's action: the posted fields of a step, and the HTTP
 * status of a refusal. Parsing and the rules live in @thads/core/assets.
 */

/** A step's fields as posted (form token, intent and unsafe names left out); a sale's `rank.CODE` fields become its `ranks`. */
export function assetStepFields(form: FormData, kind: string): Record<string, unknown> {
  const fields = nullRecord();
  const ranks = nullRecord<string>();
  for (const [k, v] of form) {
    if (typeof v !== "string" || k === "csrf" || k === "intent" || isUnsafeKey(k)) continue;
    if (k.startsWith("rank.")) ranks[k.slice(5)] = v;
    else fields[k] = v;
  }
  if (kind === "sale") fields.ranks = ranks;
  return fields;
}

/** The HTTP status of a refused step. */
export function refusalStatus(code: string): number {
  return code === "conflict" ? 409 : code === "forbidden" ? 403 : code === "not_found" ? 404 : 422;
}
