/** Longest redirect target kept; longer ones fall back. */
const MAX_REDIRECT_LENGTH = 500;

/** Control characters (C0, DEL, C1), backslash and the Unicode line/paragraph separators. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/;

const BASE = "http://x.invalid";

/**
 * Only plain same-origin paths: "/national" yes; "//evil.example", "/\t/evil.example",
 * "/\\evil", "https://…", a CR/LF or any other control character no. The path is
 * also parsed as a URL against a placeholder origin, which must stay unchanged.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_CHARS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return to;
}
