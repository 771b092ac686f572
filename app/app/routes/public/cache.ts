/** Cache headers of the public read-only pages: shared caches may keep them a minute (per language cookie). */
export const PUBLIC_CACHE = {
  "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
  Vary: "Cookie",
};
/**
 * The debtor list changes when a case does: browsers always ask again, a shared cache in front
 * may answer for a minute at most (the longest a withdrawn entry can still be seen).
 */
export const LIST_CACHE = {
  "Cache-Control": "public, max-age=0, s-maxage=60",
  Vary: "Cookie",
};
/** Pages with forms or personal answers are never stored. */
export const NO_STORE = { "Cache-Control": "private, no-store" };
