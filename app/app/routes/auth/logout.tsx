import { redirect } from "react-router";
import { revokeSession } from "@thads/auth";
import type { Route } from "./+types/logout";
import { LANG_COOKIE, readCookie, serializeCookie, SESSION_COOKIE } from "../../utils/cookies.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { parseLang } from "../../i18n.ts";

export async function action({ request }: Route.ActionArgs) {
  await readForm(request, parseLang(readCookie(request, LANG_COOKIE)));
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await revokeSession(appSql(), token);
  return redirect("/login", { headers: { "Set-Cookie": serializeCookie(SESSION_COOKIE, "", { maxAge: 0 }) } });
}

export function loader() {
  return redirect("/");
}
