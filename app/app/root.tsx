import { data, Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { useAppLinks } from "./components/app-links.tsx";
import { ErrorPanel } from "./components/error-panel.tsx";
import { parseLang, t, useLang } from "./i18n.ts";
import { LANG_COOKIE, readCookie } from "./utils/cookies.server.ts";
import { csrfToken } from "./utils/csrf.server.ts";
import { getEnv } from "./utils/env.server.ts";
import { simulatedToday } from "@thads/domain/bounds";
import { formatDateVi } from "@thads/domain/labels";
import { useRootData } from "./utils/root-data.ts";

export async function loader({ request }: Route.LoaderArgs) {
  getEnv();
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const csrf = csrfToken(request);
  return data(
    { lang, csrf: csrf.token, simulatedToday: simulatedToday() },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const simulated = useRootData()?.simulatedToday;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t(lang, "app.name")}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {simulated ? (
          <p
            role="status"
            data-testid="simulated-today"
            className="bg-amber-300 px-4 py-1 text-center text-sm font-semibold text-amber-950"
          >
            {t(lang, "app.simulatedToday").replace("{date}", formatDateVi(simulated))}
          </p>
        ) : null}
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  useAppLinks();
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <ErrorPanel />
    </main>
  );
}
