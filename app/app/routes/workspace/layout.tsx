import type { ReactNode } from "react";
import { NavLink, Outlet, useLoaderData, useRouteLoaderData } from "react-router";
import { navFor } from "@thads/domain";
import { formatCount, hasRole, ROLE_LABELS } from "@thads/domain/labels";
import { unreadNotificationCount } from "@thads/core/creditors";
import type { Route } from "./+types/layout";
import { ErrorPanel } from "../../components/error-panel.tsx";
import { AppForm } from "../../components/form.tsx";
import { LangSwitch } from "../../components/lang-switch.tsx";
import { useLang, useT } from "../../i18n.ts";
import { asUser, requireUser } from "../../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    fullName: user.fullName,
    email: user.email,
    roles: [...new Set(user.memberships.map((m) => m.role))],
    unitName: user.memberships[0]?.unitName ?? null,
    nav: navFor(user.memberships),
    // A creditor's unread notifications, shown on the navigation's "Notifications".
    unread: hasRole(user.memberships, "creditor") ? await asUser(user, unreadNotificationCount) : 0,
  };
}

type WorkspaceData = Awaited<ReturnType<typeof loader>>;

export default function Workspace() {
  return (
    <WorkspaceShell data={useLoaderData<typeof loader>()}>
      <Outlet />
    </WorkspaceShell>
  );
}

/** A page's error inside the workspace keeps the header and its navigation. */
export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("routes/workspace/layout");
  if (!data) return <ErrorPanel />;
  return (
    <WorkspaceShell data={data}>
      <ErrorPanel />
    </WorkspaceShell>
  );
}

function WorkspaceShell({ data, children }: { data: WorkspaceData; children: ReactNode }) {
  const { fullName, roles, unitName, nav, unread } = data;
  const lang = useLang();
  const tr = useT();
  return (
    <div className="min-h-screen">
      <header className="border-b border-brand-800 bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
          <a href="/" className="font-bold tracking-wide">
            {tr("app.short")} <span className="hidden font-normal 2xl:inline">· {tr("app.name")}</span>
          </a>
          <nav aria-label={tr("nav.main")} className="flex flex-1 flex-wrap gap-1">
            {nav.map((item) => (
              <NavLink
                key={item.href}
                to={item.href}
                className={({ isActive }) =>
                  `whitespace-nowrap rounded px-2.5 py-1 text-sm ${isActive ? "bg-white/20 font-semibold" : "hover:bg-white/10"}`
                }
              >
                {item.label[lang]}
                {item.key === "notifications" && unread > 0 ? (
                  <span
                    className="ml-1.5 rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-900"
                    data-testid="unread-badge"
                    title={tr("nav.unread", { n: unread })}
                  >
                    {formatCount(unread)}
                  </span>
                ) : null}
              </NavLink>
            ))}
          </nav>
          <div className="min-w-0 max-w-64 text-right text-sm leading-tight">
            <div className="truncate font-semibold" data-testid="user-name">
              {fullName}
            </div>
            <div
              className="truncate text-white/80"
              title={`${roles.map((r) => ROLE_LABELS[r][lang]).join(", ")}${unitName ? ` · ${unitName}` : ""}`}
            >
              {roles.map((r) => ROLE_LABELS[r][lang]).join(", ")}
              {unitName ? ` · ${unitName}` : ""}
            </div>
          </div>
          <div className="rounded bg-white px-2 py-1">
            <LangSwitch />
          </div>
          <AppForm action="/logout">
            <button type="submit" className="rounded border border-white/60 px-3 py-1 text-sm hover:bg-white/10">
              {tr("nav.signOut")}
            </button>
          </AppForm>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 print:max-w-none print:p-0">
        {children}
        <p className="mt-10 text-xs text-slate-500 print:hidden">{tr("footer.note")}</p>
      </main>
    </div>
  );
}
