/**
 * A military-region enforcement agency (cơ quan thi hành án cấp quân khu; L106 Arts. 17(2),
 * 32(1)(k), 32(3)(đ)) is named in words, as the transfer or entrusting decision names it: those
 * agencies keep their records outside the system, so there is no id to point at. One bound for
 * every place that takes such a name (the transfer step, an entrusted case's acceptance, the forms,
 * the imports); the database's checks hold the same numbers (migration 20261220000100).
 */

/** The shortest name, once trimmed. */
export const AGENCY_NAME_MIN = 2;
/** The longest name, once trimmed. */
export const AGENCY_NAME_MAX = 300;

/**
 * Whether a name, once trimmed, has AGENCY_NAME_MIN to AGENCY_NAME_MAX characters, counted as the
 * database counts them (code points: a character outside the Basic Multilingual Plane is one).
 */
export function isAgencyName(name: string): boolean {
  const length = [...name.trim()].length;
  return length >= AGENCY_NAME_MIN && length <= AGENCY_NAME_MAX;
}

/**
 * The first day the intake and the import ask for the entrusting decision of an entrusted case. The
 * migration of earlier records takes a case accepted before that day without it (those records may
 * not hold it); one accepted from that day on names it there too.
 */
export const ENTRUSTING_DECISION_ASKED_FROM = "2026-12-08";

/** The longest number of an entrusting decision (as other decision numbers: "12/QĐ-THA"). */
export const ENTRUSTING_DECISION_NUMBER_MAX = 60;
