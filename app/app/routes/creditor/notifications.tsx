import { data, Link, useActionData, useLoaderData } from "react-router";
import {
  markNotificationsRead,
  myNotifications,
  NOTIFICATION_PAGE_SIZE,
  notificationEmailOn,
  setNotificationEmail,
} from "@thads/core/creditors";
import { MarkNotificationsSchema, NotificationQuerySchema } from "@thads/core/creditors/notification-schema";
import type { Route } from "./+types/notifications";
import { AppForm } from "../../components/form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { parseLang, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { asUser } from "../../utils/user.server.ts";
import { notificationLine, notificationMessages } from "./notification-messages.ts";
import { requireCreditor } from "./scope.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  const q = NotificationQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { list, emailOn } = await asUser(user, async (tx) => ({
    list: await myNotifications(tx, { unreadOnly: q.unread === "1", page: q.page }),
    emailOn: await notificationEmailOn(tx),
  }));
  return {
    ...list,
    emailOn,
    unreadOnly: q.unread === "1",
    page: q.page,
    pages: Math.max(1, Math.ceil(list.total / NOTIFICATION_PAGE_SIZE)),
  };
}

type ActionData = { marked?: number; email?: "on" | "off"; formError?: string };

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireCreditor(request);
  const form = await readForm(request, lang);
  const p = MarkNotificationsSchema.safeParse(formFields(form));
  if (!p.success) return data<ActionData>({ formError: p.error.issues[0]?.message ?? "Thao tác: không hợp lệ." }, { status: 400 });
  const input = p.data;
  if (input.intent === "email") {
    await asUser(user, (tx) => setNotificationEmail(tx, input.email === "on"));
    return { email: input.email } satisfies ActionData;
  }
  const marked = await asUser(user, (tx) => markNotificationsRead(tx, input.intent === "read_all" ? "all" : [input.id]));
  return { marked } satisfies ActionData;
}

export default function Notifications() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const lang = useLang();
  const m = useMessages(notificationMessages);
  const tab = (active: boolean) => `rounded px-3 py-1 text-sm ${active ? "bg-brand-700 text-white" : "border border-slate-300 bg-white"}`;
  const pageHref = (page: number) => `?${new URLSearchParams({ ...(d.unreadOnly ? { unread: "1" } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={m("title")} subtitle={m("subtitle")} />
      {a?.formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      {a?.email ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
          {a.email === "on" ? m("emailTurnedOn") : m("emailTurnedOff")}
        </p>
      ) : null}
      {a?.marked !== undefined ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
          {m("marked", { n: a.marked })}
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Link to="?" className={tab(!d.unreadOnly)} data-testid="notifications-all">
          {m("all")}
        </Link>
        <Link to="?unread=1" className={tab(d.unreadOnly)} data-testid="notifications-unread">
          {m("unreadOnly")} · {m("unreadCount", { n: d.unread })}
        </Link>
        {d.unread > 0 ? (
          <AppForm className="ml-auto">
            <input type="hidden" name="intent" value="read_all" />
            <button
              type="submit"
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
              data-testid="notifications-read-all"
            >
              {m("markAll")}
            </button>
          </AppForm>
        ) : null}
      </div>
      {d.rows.length === 0 ? (
        <p className="text-slate-600" data-testid="notifications-empty">
          {d.unreadOnly ? m("emptyUnread") : m("empty")}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="notifications">
          {d.rows.map((n) => (
            <li
              key={n.id}
              data-testid="notification"
              data-kind={n.kind}
              data-read={n.read ? "1" : "0"}
              className={`flex flex-wrap items-start gap-3 rounded border p-3 text-sm ${n.read ? "border-slate-200 bg-white" : "border-amber-300 bg-brand-50"}`}
            >
              <span className="w-28 shrink-0 text-xs text-slate-600">
                {n.created_at.slice(8, 10)}/{n.created_at.slice(5, 7)}/{n.created_at.slice(0, 4)} {n.created_at.slice(11)}
                <br />
                <strong>{m(`kind.${n.kind}`)}</strong>
              </span>
              <span className="min-w-0 flex-1">
                {notificationLine(lang, n)}{" "}
                {n.case_id ? (
                  <Link to={`/creditor/cases/${n.case_id}`} className="text-blue-700 underline">
                    {m("openCase")}
                  </Link>
                ) : (
                  <Link to="/requests" className="text-blue-700 underline">
                    {m("openRequests")}
                  </Link>
                )}
              </span>
              {n.read ? null : (
                <AppForm>
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <button
                    type="submit"
                    className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs"
                    data-testid="notification-read"
                  >
                    {m("markRead")}
                  </button>
                </AppForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <AppForm className="mt-6 flex flex-wrap items-center gap-3 text-sm" data-testid="notification-email">
        <input type="hidden" name="intent" value="email" />
        <input type="hidden" name="email" value={d.emailOn ? "off" : "on"} />
        <span>{d.emailOn ? m("emailOn") : m("emailOff")}</span>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1" data-testid="notification-email-toggle">
          {d.emailOn ? m("emailTurnOff") : m("emailTurnOn")}
        </button>
      </AppForm>
      {d.pages > 1 ? (
        <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={m("page", { page: d.page })}>
          {d.page > 1 ? <Link to={pageHref(d.page - 1)}>{m("prev")}</Link> : null}
          <span>
            {m("page", { page: d.page })} / {d.pages}
          </span>
          {d.page < d.pages ? <Link to={pageHref(d.page + 1)}>{m("next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
