import type { z } from "zod";

/*
 * Form field names are data, never object paths. A flat form ("judgment.courtName")
 * becomes nested input only along paths the schema declares; every object is built
 * without a prototype, so no key ("__proto__", "constructor.prototype") can reach
 * Object.prototype, and no unset key reads through it.
 */

/** Names that are never a field, at any depth. */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/** A prototype-free record: own keys only. */
export function nullRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** True when a field name could walk into an object's machinery. */
export function isUnsafeKey(key: string): boolean {
  return key.split(".").some((part) => FORBIDDEN_SEGMENTS.has(part) || part === "");
}

/** Every leaf path of a zod object schema ("judgment.courtName"), through pipes, defaults, optionals and refinements. */
export function schemaPaths(schema: z.ZodType, prefix = "", out = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const type = def.type;
  if (type === "object") {
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) schemaPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (type === "pipe") {
    schemaPaths(def.in as z.ZodType, prefix, out);
  } else if (["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(String(type))) {
    schemaPaths(def.innerType as z.ZodType, prefix, out);
  } else if (prefix) {
    out.add(prefix);
  }
  return out;
}

/**
 * Flat form fields → nested input, keeping only the allowed paths (unknown,
 * repeated-after-first and unsafe names are dropped). Objects have no prototype.
 */
export function nestForm(form: Iterable<[string, FormDataEntryValue]>, allowed: ReadonlySet<string>): Record<string, unknown> {
  const out = nullRecord();
  for (const [key, value] of form) {
    if (typeof value !== "string" || !allowed.has(key) || isUnsafeKey(key)) continue;
    const parts = key.split(".");
    let node = out;
    let ok = true;
    for (const part of parts.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : (node[part] = nullRecord());
      if (typeof next !== "object" || next === null) {
        ok = false;
        break;
      }
      node = next as Record<string, unknown>;
    }
    const leaf = parts.at(-1)!;
    if (ok && !Object.hasOwn(node, leaf)) node[leaf] = value;
  }
  return out;
}

/** Form fields as a flat prototype-free record of strings (first value of each safe name). */
export function formFields(form: Iterable<[string, FormDataEntryValue]>, skip: readonly string[] = ["csrf"]): Record<string, string> {
  const out = nullRecord<string>();
  for (const [key, value] of form) {
    if (typeof value !== "string" || skip.includes(key) || isUnsafeKey(key) || Object.hasOwn(out, key)) continue;
    out[key] = value;
  }
  return out;
}
