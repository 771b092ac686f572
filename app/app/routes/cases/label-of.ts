import type { Lang } from "../../i18n.ts";

/** An enum value's label in a language; the value itself when it has none, a dash when there is none. */
export function labelOf(map: Record<string, { vi: string; en: string }>, key: string | null | undefined, lang: Lang) {
  return key ? (map[key]?.[lang] ?? key) : "—";
}
