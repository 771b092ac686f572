import type { ReactNode } from "react";
import { Link, Outlet } from "react-router";
import { ErrorPanel } from "../../components/error-panel.tsx";
import { LangSwitch } from "../../components/lang-switch.tsx";
import { useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";

/** Frame of the public pages: no sign-in needed. */
export default function PublicLayout() {
  return (
    <PublicShell>
      <Outlet />
    </PublicShell>
  );
}

/** A public page's error keeps the portal's header, its sign-in link and language switch. */
export function ErrorBoundary() {
  return (
    <PublicShell>
      <ErrorPanel homeHref="/p" />
    </PublicShell>
  );
}

function PublicShell({ children }: { children: ReactNode }) {
  const m = useMessages(publicMessages);
  return (
    <div className="min-h-screen">
      <header className="border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/p" className="font-bold tracking-wide">
            THADS <span className="font-normal">· {m("portal.name")}</span>
          </Link>
          <span className="flex-1" />
          <Link to="/login" className="text-sm underline">
            {m("portal.signIn")}
          </Link>
          <div className="rounded bg-white px-2 py-1">
            <LangSwitch />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
