import { data } from "react-router";
import { t, type MessageKey } from "../i18n.ts";

/*
 * Safety net: a request whose data Postgres refuses as data (SQLSTATE class 22:
 * NUL in text, impossible date, bad uuid, numeric overflow; 23503: an unknown
 * foreign id; 23502/23514: a missing or out-of-range value) is the caller's
 * bad input, answered with a 4xx and a generic message, never a 500. The
 * transaction it ran in is rolled back, so nothing is written. Validation
 * at the edge stays the first line; this only catches what slipped past it.
 */

export interface DbInputRefusal {
  status: 400 | 422;
  messageKey: MessageKey;
}

/** The 4xx a Postgres error stands for, or null when it is not the caller's data. */
export function classifyDbError(e: unknown): DbInputRefusal | null {
  if (typeof e !== "object" || e === null) return null;
  // The client library turns a date parameter into a Date before sending it: an impossible one fails here.
  if (e instanceof RangeError && e.message === "Invalid time value") return { status: 400, messageKey: "error.badData" };
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code.startsWith("22")) return { status: 400, messageKey: "error.badData" };
  if (code === "23503") return { status: 422, messageKey: "error.unknownRef" };
  if (code === "23502" || code === "23514") return { status: 422, messageKey: "error.badData" };
  return null;
}

/** The response to throw for such an error (Vietnamese message; the page shows English by its key). */
export function dbInputErrorResponse(refusal: DbInputRefusal) {
  return data({ formError: t("vi", refusal.messageKey), messageKey: refusal.messageKey }, { status: refusal.status });
}

/** Rethrows a data error from Postgres as a 4xx response; anything else unchanged. */
export function rethrowDbInputError(e: unknown): never {
  const refusal = classifyDbError(e);
  if (refusal) throw dbInputErrorResponse(refusal);
  throw e;
}
