/**
 * What may reach a log line. Tracking codes, phone and ID numbers, e-mail addresses and the
 * password of a connection string are masked, so a log reader can neither open a request (code
 * plus phone or ID number) nor learn who filed it.
 */

/** A tracking code as shown (`XXXX-XXXX-XXXX-C`) or stored (13 symbols). */
/** Ends where no letter or digit follows: a check symbol may be `*~$=`, after which `\b` never matches before `.` or a space. */
const TRACKING = /\b[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z*~$=](?![0-9A-Za-z])/g;
/** Phone and ID numbers: 8 or more digits, possibly with +, spaces, dots or dashes between them. */
const LONG_NUMBER = /\+?\d(?:[\s.-]?\d){7,}/g;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;
/** user:password@ in a URL (postgres://, https://…). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi;

/** Everything but the last two characters hidden: `0912345678` → `********78`. */
export function maskContact(value: string | null | undefined): string {
  if (!value) return "";
  const s = String(value).trim();
  if (s.includes("@")) {
    const [local, domain] = s.split("@", 2) as [string, string];
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return s.length <= 2 ? "**" : "*".repeat(s.length - 2) + s.slice(-2);
}

/** A free text with tracking codes, long numbers, e-mail addresses and URL passwords masked. */
export function redactForLog(text: string): string {
  return String(text)
    .replace(URL_PASSWORD, "$1***@")
    .replace(EMAIL, (m) => maskContact(m))
    .replace(TRACKING, "****-****-****-*")
    .replace(LONG_NUMBER, (m) => maskContact(m.replace(/[\s.-]/g, "")));
}

/**
 * An error as it may be logged: its name, SQLSTATE code and masked message, never the detail
 * or the statement's parameters (a database error's detail repeats the row's values).
 */
export function describeErrorForLog(e: unknown): string {
  if (!(e instanceof Error)) return redactForLog(String(e));
  const code = (e as { code?: unknown }).code;
  return `${e.name}${typeof code === "string" ? ` [${code}]` : ""}: ${redactForLog(e.message)}`;
}
