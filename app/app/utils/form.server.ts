import { data } from "react-router";
import type { Lang } from "../i18n.ts";
import { t } from "../i18n.ts";
import { assertCsrf, CsrfError } from "./csrf.server.ts";
import { isUnsafeKey } from "./form-nest.ts";

/** Largest form post accepted by the sign-in and settings forms. */
export const MAX_FORM_BYTES = 16 * 1024;

/**
 * Reads a small urlencoded/multipart form safely: size and type checked before
 * parsing, CSRF checked after. Throws a 4xx response with a Vietnamese (or
 * English) message; never a 500 for bad input.
 */
export async function readForm(request: Request, lang: Lang): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw data({ formError: t(lang, "error.badForm") }, { status: 415 });
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_FORM_BYTES) {
    throw data({ formError: t(lang, "error.tooLarge") }, { status: 413 });
  }
  const body = await readCapped(request, MAX_FORM_BYTES);
  if (body === "too_large") throw data({ formError: t(lang, "error.tooLarge") }, { status: 413 });
  if (!body) throw data({ formError: t(lang, "error.badForm") }, { status: 400 });
  let formData: FormData;
  try {
    formData = await new Request(request.url, { method: "POST", headers: { "Content-Type": type }, body }).formData();
  } catch {
    throw data({ formError: t(lang, "error.badForm") }, { status: 400 });
  }
  formData = withoutUnsafeNames(formData);
  try {
    assertCsrf(request, formData);
  } catch (e) {
    if (e instanceof CsrfError) throw data({ formError: t(lang, "error.csrf") }, { status: 403 });
    throw e;
  }
  return formData;
}

/** Drops fields named like object machinery ("__proto__", "a.constructor.prototype"): names are data, never paths. */
export function withoutUnsafeNames(form: FormData): FormData {
  if (![...form.keys()].some(isUnsafeKey)) return form;
  const out = new FormData();
  for (const [k, v] of form) if (!isUnsafeKey(k)) out.append(k, v);
  return out;
}

/** Reads the body, stopping as soon as it passes the cap (a missing or lying Content-Length included). */
export async function readCapped(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer> | "too_large" | null> {
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel();
        return "too_large";
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
