import { describe, expect, it } from "vitest";
import { common, defineMessages, translate, type Catalog } from "../app/i18n.ts";

/*
 * Every catalog of the UI (the shared one and each feature's messages.ts) has
 * the same keys in Vietnamese and English, no empty message, and the same
 * {placeholders} in both languages.
 */
const modules = import.meta.glob<Record<string, unknown>>("../app/**/messages.ts", { eager: true });

function isCatalog(v: unknown): v is Catalog<string> {
  return typeof v === "object" && v !== null && "vi" in v && "en" in v;
}

const catalogs: [string, Catalog<string>][] = [
  ["i18n.ts common", common],
  ...Object.entries(modules).flatMap(([file, mod]) =>
    Object.entries(mod)
      .filter(([, v]) => isCatalog(v))
      .map(([name, v]) => [`${file.replace("../app/", "")} ${name}`, v as Catalog<string>] as [string, Catalog<string>]),
  ),
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it("finds the shared catalog and every feature's", () => {
    expect(catalogs.length).toBeGreaterThan(Object.keys(modules).length);
    for (const file of Object.keys(modules)) expect(catalogs.some(([name]) => name.startsWith(file.replace("../app/", "")))).toBe(true);
  });

  it.each(catalogs)("%s: the same keys in both languages, none empty, the same placeholders", (_name, catalog) => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.vi).sort());
    for (const [key, vi] of Object.entries(catalog.vi)) {
      const en = (catalog.en as Record<string, string>)[key]!;
      expect(vi.trim(), `${key} (vi)`).not.toBe("");
      expect(en.trim(), `${key} (en)`).not.toBe("");
      expect(placeholders(en), key).toEqual(placeholders(vi));
    }
  });

  it("fills placeholders and leaves an unknown one visible", () => {
    const m = defineMessages({ due: "Hạn {date}, còn {days} ngày" }, { due: "Due {date}, {days} days left" });
    expect(translate(m, "vi", "due", { date: "08/12/2026", days: 3 })).toBe("Hạn 08/12/2026, còn 3 ngày");
    expect(translate(m, "en", "due", { date: "08/12/2026" })).toBe("Due 08/12/2026, {days} days left");
  });

  it("a catalog whose English lacks a key or has an extra one does not compile", () => {
    // @ts-expect-error English lacks a key
    const missing = defineMessages({ a: "A", b: "B" }, { a: "a" });
    // @ts-expect-error English has a key Vietnamese lacks
    const extra = defineMessages({ a: "A" }, { a: "a", c: "c" });
    expect(Object.keys(missing.en)).toEqual(["a"]);
    expect(Object.keys(extra.en)).toEqual(["a", "c"]);
  });
});
