import { Link, useLoaderData } from "react-router";
import { z } from "zod";
import { formatCount, formatDateVi, formatTrackingCode, hasRole, isClosedStatus, PROCEDURES, procedureLimitOn, REQUEST_STATUS_LABELS, statYearOf, statYearPeriod, timeliness } from "@thads/domain";
import type { Route } from "./+types/queue";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { useLang } from "../../i18n.ts";
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
  const { status: filter, unit, page } = DeskQuerySchema.parse({
    status: params.get("status") ?? undefined,
    unit: params.get("unit") || null,
    page: params.get("page") ?? undefined,
  });
  const today = todayVn();
  const year = statYearPeriod(statYearOf(today));
  const [{ rows: queue, hasMore }, metrics, units] = await Promise.all([
    asUser(user, (tx) => readDeskQueue(tx, { status: filter, unitId: unit, page })),
    asUser(user, (tx) => oneStopMetrics(tx, year.from, year.to)),
    asUser(user, (tx) => deskUnits(tx, user.memberships)),
  ]);
  const slug = user.memberships.find((m) => (DESK_ROLES as readonly string[]).includes(m.role) && m.provinceSlug)?.provinceSlug ?? null;
  const editor = user.memberships.some((m) => (m.role === "province_head" || m.role === "province_staff") && m.provinceSlug === slug);
  return { queue, hasMore, page, units, unit, metrics, filter, today, year, slug, editor };
}

export default function Desk() {
  const { queue, hasMore, page, units, unit, metrics, filter, today, year, slug, editor } = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const sum = (k: "received" | "online" | "closed_on_time" | "closed_late" | "open_overdue") => metrics.reduce((s, m) => s + m[k], 0);
  const received = sum("received");
  const closed = sum("closed_on_time") + sum("closed_late");
  const ratings = metrics.reduce((s, m) => s + m.ratings, 0);
  const avg = ratings ? metrics.reduce((s, m) => s + Number(m.average_rating ?? 0) * m.ratings, 0) / ratings : null;
  const pageLink = (p: number) => `?${new URLSearchParams({ status: filter, ...(unit ? { unit } : {}), page: String(p) })}`;
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1).replace(".", ",")}%` : "–");
  return (
    <>
      <PageHeader title={vi ? "Bộ phận một cửa" : "One-stop desk"} subtitle={vi ? `Năm thống kê ${formatDateVi(year.from)} – ${formatDateVi(year.to)}` : `Statistical year ${formatDateVi(year.from)} – ${formatDateVi(year.to)}`} />
      <StatGrid>
        <Stat label={vi ? "Yêu cầu đã nhận" : "Received"} value={formatCount(received)} testId="metric-received" />
        <Stat label={vi ? "Tỷ lệ trực tuyến" : "Online share"} value={pct(sum("online"), received)} />
        <Stat label={vi ? "Giải quyết đúng hạn" : "Closed on time"} value={pct(sum("closed_on_time"), closed)} />
        <Stat label={vi ? "Hài lòng (1–5)" : "Satisfaction (1–5)"} value={avg === null ? "–" : avg.toFixed(2).replace(".", ",")} />
      </StatGrid>
      {slug ? (
        <p className="mt-4 flex gap-4 text-sm">
          <Link to={`/p/${slug}/requests/new`} className="text-brand-700 underline">{vi ? "Nhận hồ sơ tại quầy" : "File a walk-in request"}</Link>
          <Link to={`/p/${slug}`} className="text-brand-700 underline">{vi ? "Trang công khai của tỉnh" : "The province's public page"}</Link>
          {editor ? <Link to={`/province/${slug}/public`} className="text-brand-700 underline">{vi ? "Sửa trang công khai" : "Edit the public page"}</Link> : null}
        </p>
      ) : null}
      <Section title={vi ? "Hàng đợi yêu cầu" : "Request queue"}>
        <nav className="mb-3 flex gap-3 text-sm">
          {(["open", "closed", "all"] as const).map((f) => (
            <Link key={f} to={`?status=${f}`} className={f === filter ? "font-semibold underline" : "underline"}>
              {{ open: vi ? "Đang giải quyết" : "Open", closed: vi ? "Đã xong" : "Closed", all: vi ? "Tất cả" : "All" }[f]}
            </Link>
          ))}
          {units.length > 1 ? (
            <form method="get" className="ml-auto flex items-center gap-2">
              <input type="hidden" name="status" value={filter} />
              <label className="flex items-center gap-1">
                {vi ? "Đơn vị" : "Unit"}
                <select name="unit" defaultValue={unit ?? ""} className="rounded border border-slate-300 px-1">
                  <option value="">{vi ? "Tất cả" : "All"}</option>
                  {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                </select>
              </label>
              <button type="submit" className="underline">{vi ? "Lọc" : "Filter"}</button>
            </form>
          ) : null}
        </nav>
        <Table head={vi ? ["Mã", "Thủ tục", "Người yêu cầu", "Đơn vị", "Ngày gửi", "Hạn", "Trạng thái"] : ["Code", "Procedure", "Requester", "Unit", "Filed", "Due", "Status"]}>
          {queue.map((r) => {
            const t = r.due_on ? timeliness(r.due_on, r.closed_on, today) : null;
            const late = t && (t.state === "late" || t.state === "overdue");
            return (
              <tr key={r.id} data-testid="desk-row">
                <td className="px-3 py-2 font-mono"><Link to={`/desk/${r.id}`} className="text-brand-700 underline">{formatTrackingCode(r.tracking_code)}</Link></td>
                <td className="px-3 py-2">{PROCEDURES[r.kind].name[lang]}{r.channel === "desk" ? (vi ? " (tại quầy)" : " (desk)") : ""}</td>
                <td className="px-3 py-2">{r.requester_name}</td>
                <td className="px-3 py-2">{r.unit_name}</td>
                <td className="px-3 py-2">{formatDateVi(r.submitted_on)}</td>
                <td className={`px-3 py-2 ${late ? "font-semibold text-red-700" : ""}`}>
                  {r.due_on ? formatDateVi(r.due_on) : vi ? `${procedureLimitOn(r.kind, r.submitted_on).workingDays} ngày làm việc` : `${procedureLimitOn(r.kind, r.submitted_on).workingDays} working days`}
                  {late ? (vi ? " · quá hạn" : " · late") : ""}
                </td>
                <td className="px-3 py-2">{REQUEST_STATUS_LABELS[r.status][lang]}{isClosedStatus(r.status) ? "" : ""}</td>
              </tr>
            );
          })}
        </Table>
        {queue.length === 0 ? <p className="mt-2 text-slate-600">{vi ? "Không có yêu cầu nào." : "No requests."}</p> : null}
        {page > 1 || hasMore ? (
          <nav className="mt-3 flex items-center gap-4 text-sm" aria-label={vi ? "Phân trang hàng đợi" : "Queue pages"}>
            {page > 1 ? <Link to={pageLink(page - 1)} className="underline">{vi ? "← Trang trước" : "← Previous"}</Link> : null}
            <span>{vi ? `Trang ${page}` : `Page ${page}`}</span>
            {hasMore ? <Link to={pageLink(page + 1)} className="underline">{vi ? "Trang sau →" : "Next →"}</Link> : null}
          </nav>
        ) : null}
      </Section>
      <Section title={vi ? "Chỉ số theo đơn vị" : "Metrics by unit"}>
        <Table head={vi ? ["Đơn vị", "Đã nhận", "Trực tuyến", "Đúng hạn", "Trễ hạn", "Đang quá hạn", "Đang giải quyết", "Hài lòng"] : ["Unit", "Received", "Online", "On time", "Late", "Overdue", "Open", "Rating"]}>
          {metrics.map((m) => (
            <tr key={m.unit_id} data-testid="metric-row">
              <td className="px-3 py-2">{m.unit_name}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(m.received)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(m.online)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(m.closed_on_time)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(m.closed_late)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(m.open_overdue)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(m.open)}</td>
              <td className="px-3 py-2 tabular-nums">{m.average_rating ? `${m.average_rating.replace(".", ",")} (${m.ratings})` : "–"}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
