/**
 * Tracking codes: 12 random Crockford base-32 symbols (60 bits: guessing one among a million
 * requests takes ~10^12 tries) and a check symbol (Crockford's mod 37), shown as
 * `XXXX-XXXX-XXXX-C`. Typos (a swapped or mistyped symbol) are caught before any look-up, and
 * the confusable letters are read leniently: O → 0, I and L → 1, lower case, spaces and dashes.
 * New codes end in a letter or digit only (the check symbols *, ~, $, = and U of codes issued
 * before are still read).
 *
 * The code alone never opens a request: the status page also needs the phone or ID number given
 * when filing (see the database function public.track_service_request).
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
export const TRACKING_BODY_LENGTH = 12;

function checkSymbol(body: string): string {
  let mod = 0;
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`Not a Crockford base-32 symbol: ${ch}`);
    mod = (mod * 32 + v) % 37;
  }
  return CHECK_ALPHABET[mod]!;
}

/** A new code from 12 random symbols. `random` must return uniformly random bytes. */
export function newTrackingCode(random: (n: number) => Uint8Array = defaultRandom): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  const bytes = random(TRACKING_BODY_LENGTH);
  if (bytes.length < TRACKING_BODY_LENGTH) throw new RangeError("Not enough random bytes");
  const digits = Array.from(bytes.subarray(0, TRACKING_BODY_LENGTH), (b) => b & 31);
  const body = () => digits.map((d) => ALPHABET[d]).join("");
  // A check symbol of *, ~, $, = or U cannot be read out over the telephone: step the last body
  // symbol until the check is a letter or digit (each step moves the check by one, so at most five).
  while (!ALPHABET.includes(checkSymbol(body()))) digits[TRACKING_BODY_LENGTH - 1] = (digits[TRACKING_BODY_LENGTH - 1]! + 1) & 31;
  return body() + checkSymbol(body());
}

function defaultRandom(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** The stored form (13 symbols, no dashes) of what someone typed, or null when it cannot be a code. */
export function normalizeTrackingCode(input: string): string | null {
  if (typeof input !== "string" || input.length > 40) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== TRACKING_BODY_LENGTH + 1) return null;
  const body = s.slice(0, TRACKING_BODY_LENGTH);
  if (![...body].every((ch) => ALPHABET.includes(ch))) return null;
  return checkSymbol(body) === s[TRACKING_BODY_LENGTH] ? s : null;
}

export function isTrackingCode(input: string): boolean {
  return normalizeTrackingCode(input) !== null;
}

/** '7K3M9QXWA2BC5' → '7K3M-9QXW-A2BC-5'. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;
}

/** The second factor as stored: digits of a phone (with 84 → 0), or an ID number in upper case. */
export function normalizeSecondFactor(input: string): string {
  const trimmed = input.trim();
  const digits = trimmed.replace(/[\s.()-]/g, "");
  if (/^\+?\d{8,15}$/.test(digits)) {
    const d = digits.replace(/^\+/, "");
    return d.startsWith("84") && d.length >= 11 ? `0${d.slice(2)}` : d;
  }
  return trimmed.toUpperCase().replace(/\s+/g, "");
}
