import {
  data,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { parseLang, t, useLang, type MessageKey } from "./i18n.ts";
import { LANG_COOKIE, readCookie } from "./utils/cookies.server.ts";
import { csrfToken } from "./utils/csrf.server.ts";
import { getEnv } from "./utils/env.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  getEnv();
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const csrf = csrfToken(request);
  return data(
    { lang, csrf: csrf.token },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t(lang, "app.name")}</title>
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = useLang();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "403" : status === 404 ? "404" : "500";
  // Bad input rejected before it reached a form (size, type, CSRF): say what was wrong.
  const body = isRouteErrorResponse(error) && typeof error.data === "object" && error.data ? (error.data as { formError?: unknown; messageKey?: unknown }) : null;
  const formError =
    body && typeof body.messageKey === "string" && body.messageKey.startsWith("error.")
      ? t(lang, body.messageKey as MessageKey)
      : body && "formError" in body
        ? String(body.formError)
        : null;
  return (
    <main className="mx-auto max-w-xl p-8" role="main">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-2xl font-bold">{formError ? t(lang, "error.badRequest") : t(lang, `error.${key}.title`)}</h1>
      <p className="mt-2 text-slate-700" role={formError ? "alert" : undefined}>
        {formError ?? t(lang, `error.${key}.body`)}
      </p>
      <Link to="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        {t(lang, "error.home")}
      </Link>
    </main>
  );
}
