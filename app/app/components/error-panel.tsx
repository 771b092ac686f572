import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { t, useLang, type MessageKey } from "../i18n.ts";

/**
 * What an error boundary shows: the status, a title and what went wrong, in
 * the page's language. Bad input refused before it reached a form (size,
 * type, form token) says what was wrong; anything else says only that it
 * failed (the detail stays in the server log).
 */
export function ErrorPanel({ homeHref = "/" }: { homeHref?: string }) {
  const error = useRouteError();
  const lang = useLang();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "403" : status === 404 ? "404" : "500";
  const body =
    isRouteErrorResponse(error) && typeof error.data === "object" && error.data
      ? (error.data as { formError?: unknown; messageKey?: unknown })
      : null;
  const formError =
    body && typeof body.messageKey === "string" && body.messageKey.startsWith("error.")
      ? t(lang, body.messageKey as MessageKey)
      : body && "formError" in body
        ? String(body.formError)
        : null;
  return (
    <section className="mx-auto max-w-xl py-8" data-testid="error-panel">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-2xl font-bold">{formError ? t(lang, "error.badRequest") : t(lang, `error.${key}.title`)}</h1>
      <p className="mt-2 text-slate-700" role={formError ? "alert" : undefined}>
        {formError ?? t(lang, `error.${key}.body`)}
      </p>
      <Link to={homeHref} className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        {t(lang, "error.home")}
      </Link>
    </section>
  );
}
