import { Link, useLoaderData } from "react-router";
import { z } from "zod";
import { procedureLimitOn, statYearOf, statYearPeriod, timeliness } from "@thads/domain";
import { PROCEDURES } from "@thads/domain/labels";
import {
  formatCount,
  formatDateVi,
  formatDecimal,
  formatPercent,
  formatTrackingCode,
  hasRole,
  REQUEST_STATUS_LABELS,
} from "@thads/domain/labels";
import type { Route } from "./+types/queue";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { deskMessages } from "./messages.ts";
import { DeskMetrics } from "./desk-metrics.tsx";
import { deskUnits, oneStopMetrics, readDeskQueue } from "@thads/core/requests";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";

import { DESK_ROLES } from "../public/roles.ts";

/** The queue's filters from the address; anything unreadable falls back to the default view. */
const DeskQuerySchema = z.object({
  status: z.enum(["open", "closed", "all"]).catch("open"),
  unit: z.uuid().nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...DESK_ROLES)) forbidden();
  const params = new URL(request.url).searchParams;
  const {
    status: filter,
    unit,
    page,
  } = DeskQuerySchema.parse({
    status: params.get("status") ?? undefined,
    unit: params.get("unit") || null,
    page: params.get("page") ?? undefined,
  });
  const today = todayVn();
  const year = statYearPeriod(statYearOf(today));
  const [{ rows, hasMore }, metrics, units] = await Promise.all([
    asUser(user, (tx) => readDeskQueue(tx, { status: filter, unitId: unit, page })),
    asUser(user, (tx) => oneStopMetrics(tx, year.from, year.to)),
    asUser(user, (tx) => deskUnits(tx, user.memberships)),
  ]);
  const slug = user.memberships.find((m) => (DESK_ROLES as readonly string[]).includes(m.role) && m.provinceSlug)?.provinceSlug ?? null;
  const editor = user.memberships.some((m) => (m.role === "province_head" || m.role === "province_staff") && m.provinceSlug === slug);
  // Due dates and time limits are worked out here: the working-day calendar and the rules stay on the server.
  const queue = rows.map((r) => ({
    ...r,
    due: r.due_on ? timeliness(r.due_on, r.closed_on, today) : null,
    limitDays: procedureLimitOn(r.kind, r.submitted_on).workingDays,
  }));
  return { queue, hasMore, page, units, unit, metrics, filter, year, slug, editor };
}

export default function Desk() {
  const { queue, hasMore, page, units, unit, metrics, filter, year, slug, editor } = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(deskMessages);
  const sum = (k: "received" | "online" | "closed_on_time" | "closed_late" | "open_overdue") => metrics.reduce((s, x) => s + x[k], 0);
  const received = sum("received");
  const closed = sum("closed_on_time") + sum("closed_late");
  const ratings = metrics.reduce((s, x) => s + x.ratings, 0);
  const avg = ratings ? metrics.reduce((s, x) => s + Number(x.average_rating ?? 0) * x.ratings, 0) / ratings : null;
  const pageLink = (p: number) => `?${new URLSearchParams({ status: filter, ...(unit ? { unit } : {}), page: String(p) })}`;
  const pct = (a: number, b: number) => formatPercent(b ? (100 * a) / b : null);
  return (
    <>
      <PageHeader title={m("queue.title")} subtitle={m("queue.year", { from: formatDateVi(year.from), to: formatDateVi(year.to) })} />
      <StatGrid>
        <Stat label={m("queue.metric.received")} value={formatCount(received)} testId="metric-received" />
        <Stat label={m("queue.metric.online")} value={pct(sum("online"), received)} />
        <Stat label={m("queue.metric.onTime")} value={pct(sum("closed_on_time"), closed)} />
        <Stat label={m("queue.metric.satisfaction")} value={formatDecimal(avg)} />
      </StatGrid>
      {slug ? (
        <p className="mt-4 flex gap-4 text-sm">
          <Link to={`/p/${slug}/requests/new`} className="text-brand-700 underline">
            {m("queue.walkIn")}
          </Link>
          <Link to={`/p/${slug}`} className="text-brand-700 underline">
            {m("queue.publicPage")}
          </Link>
          {editor ? (
            <Link to={`/province/${slug}/public`} className="text-brand-700 underline">
              {m("queue.editPublicPage")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <Section title={m("queue.section")}>
        <nav className="mb-3 flex gap-3 text-sm">
          {(["open", "closed", "all"] as const).map((f) => (
            <Link key={f} to={`?status=${f}`} className={f === filter ? "font-semibold underline" : "underline"}>
              {m(`queue.filter.${f}`)}
            </Link>
          ))}
          {units.length > 1 ? (
            <form method="get" className="ml-auto flex min-w-0 max-w-full flex-wrap items-center gap-2">
              <input type="hidden" name="status" value={filter} />
              <label className="flex min-w-0 max-w-full items-center gap-1">
                {m("queue.filter.unit")}
                <select name="unit" defaultValue={unit ?? ""} className="min-w-0 max-w-full rounded border border-slate-300 px-1">
                  <option value="">{m("queue.filter.allUnits")}</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="underline">
                {m("queue.filter.submit")}
              </button>
            </form>
          ) : null}
        </nav>
        <Table
          head={[
            m("queue.col.code"),
            m("queue.col.procedure"),
            m("queue.col.requester"),
            m("queue.col.unit"),
            m("queue.col.filed"),
            m("queue.col.due"),
            m("queue.col.status"),
          ]}
        >
          {queue.map((r) => {
            const t = r.due;
            const late = t && (t.state === "late" || t.state === "overdue");
            return (
              <tr key={r.id} data-testid="desk-row">
                <td className="px-3 py-2 font-mono">
                  <Link to={`/desk/${r.id}`} className="text-brand-700 underline">
                    {formatTrackingCode(r.tracking_code)}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {PROCEDURES[r.kind].name[lang]}
                  {r.channel === "desk" ? ` ${m("queue.atDesk")}` : ""}
                </td>
                <td className="px-3 py-2">{r.requester_name}</td>
                <td className="px-3 py-2">{r.unit_name}</td>
                <td className="px-3 py-2">{formatDateVi(r.submitted_on)}</td>
                <td className={`px-3 py-2 ${late ? "font-semibold text-red-700" : ""}`}>
                  {r.due_on ? formatDateVi(r.due_on) : m("queue.workingDays", { days: r.limitDays })}
                  {late ? ` · ${m("queue.late")}` : ""}
                </td>
                <td className="px-3 py-2">{REQUEST_STATUS_LABELS[r.status][lang]}</td>
              </tr>
            );
          })}
        </Table>
        {queue.length === 0 ? <p className="mt-2 text-slate-600">{m("queue.empty")}</p> : null}
        {page > 1 || hasMore ? (
          <nav className="mt-3 flex items-center gap-4 text-sm" aria-label={m("queue.pages")}>
            {page > 1 ? (
              <Link to={pageLink(page - 1)} className="underline">
                {m("queue.previous")}
              </Link>
            ) : null}
            <span>{m("queue.page", { page })}</span>
            {hasMore ? (
              <Link to={pageLink(page + 1)} className="underline">
                {m("queue.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Section>
      <DeskMetrics metrics={metrics} />
    </>
  );
}
