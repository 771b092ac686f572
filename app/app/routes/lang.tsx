import { redirect } from "react-router";
import type { Route } from "./+types/lang";
import { LANG_COOKIE, readCookie, serializeCookie } from "../utils/cookies.server.ts";
import { readForm } from "../utils/form.server.ts";
import { parseLang } from "../i18n.ts";
import { safeRedirect } from "../utils/redirect.ts";

export async function action({ request }: Route.ActionArgs) {
  const current = parseLang(readCookie(request, LANG_COOKIE));
  const form = await readForm(request, current);
  const lang = parseLang(String(form.get("lang") ?? ""));
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": serializeCookie(LANG_COOKIE, lang, { maxAge: 60 * 60 * 24 * 365, httpOnly: false }) },
  });
}

export function loader() {
  return redirect("/");
}
