import { Link, useLoaderData } from "react-router";
import { canViewProvince, formatCount, formatDong, hasRole, statYearOf } from "@thads/domain";
import type { Route } from "./+types/province";
import { ExportLinks, OfficialForm, PeriodForm, RateBadge, TrendChart, drillHref, viDate } from "../stats/stats-ui.tsx";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { useLang, useT } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { childrenStats, periodFrom, targetOf, toFigures, trend, unitStats } from "@thads/core/stats";
import { deskFiguresByProvince, flaggedByProvince, overdueByOffice, provinceExecutors, staffCounts, unitBySlugOrCode } from "@thads/core/workspace";
import { onTimeShare } from "@thads/core/workspace/desk-figures";
import { directiveSummary } from "@thads/core/steering";
import { DirectivesCallout } from "../steering/steering-ui.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!/^[a-z0-9-]{2,60}$/.test(params.slug)) notFound();
  const today = todayVn();
  const period = periodFrom(new URL(request.url).searchParams, today);
  const { from, to } = period;
  return asUser(user, async (tx) => {
    const province = await unitBySlugOrCode(tx, { slug: params.slug });
    if (!province) notFound();
    if (!canViewProvince(user.memberships, province.id)) forbidden();
    const unit = { id: province.id, kind: "province" as const, code: province.code, name: province.name, province_id: province.id, merged_into_id: null, dissolved_on: null };
    const children = await childrenStats(tx, unit, from, to);
    const staff = await staffCounts(tx, { provinceId: province.id });
    const executorRows = await provinceExecutors(tx, province.id, from, to);
    const overdue = await overdueByOffice(tx, province.id, today);
    const ownUnits = [province.id, ...children.filter((c) => !c.former).map((c) => c.id)];
    const desk = await deskFiguresByProvince(tx, from, to);
    return {
      steering: await directiveSummary(tx, ownUnits, today),
      manageCommittees: hasRole(user.memberships, "province_head"),
      flagged: (await flaggedByProvince(tx)).get(province.id) ?? 0,
      desk: desk.byProvince.get(province.id) ?? null,
      province: { name: province.name, slug: province.slug, code: province.code },
      from, to, errors: period.errors,
      totals: toFigures(await unitStats(tx, unit, from, to)),
      target: await targetOf(tx, province.id, statYearOf(to)),
      children,
      executorRows,
      overdue,
      trend: await trend(tx, unit, to),
      subunitCount: children.filter((c) => !c.former).length,
      mayTarget: user.memberships.some((m) => m.role === "province_head" && m.provinceId === province.id),
      ...staff,
    };
  });
}

export default function Province() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const vi = useLang() === "vi";
  return (
    <>
      <PageHeader title={d.province.name} subtitle={`${tr("home.province.title")} · ${viDate(d.from)} – ${viDate(d.to)}`} />
      <PeriodForm from={d.from} to={d.to} vi={vi} errors={d.errors} />
      <DirectivesCallout summary={d.steering} lang={vi ? "vi" : "en"} />
      <StatGrid>
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunitCount)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={tr("stat.executors")} value={formatCount(d.executors)} />
        <Stat label={vi ? "Tổng số phải thi hành (việc)" : "To enforce (cases)"} value={formatCount(BigInt(d.totals.cases.to_enforce))} testId="stat-cases" />
      </StatGrid>
      <div className="mt-4 flex flex-wrap items-center gap-6">
        <span>{vi ? "Tỷ lệ về việc / chỉ tiêu: " : "Cases rate / target: "}<RateBadge rate={d.totals.casesRate} target={d.target?.cases} vi={vi} testId="province-rate-cases" /></span>
        <span>{vi ? "Tỷ lệ về tiền / chỉ tiêu: " : "Money rate / target: "}<RateBadge rate={d.totals.moneyRate} target={d.target?.money} vi={vi} testId="province-rate-money" /></span>
        <ExportLinks unitCode={d.province.code} from={d.from} to={d.to} vi={vi} />
        {d.mayTarget ? <Link className="text-sm text-blue-800 underline" to={`/stats/targets?unit=${d.province.code}`}>{vi ? "Giao chỉ tiêu cho các phòng khu vực" : "Set the offices' targets"}</Link> : null}
      </div>

      <Section title={vi ? "Phòng Thi hành án dân sự khu vực (và các Cục THADS tỉnh cũ trước 01/7/2025)" : "Regional offices (and the former provinces before 1 Jul 2025)"}>
        <div data-testid="subunits">
          <Table head={vi
            ? ["Đơn vị", "Phải thi hành (việc)", "Có điều kiện (việc)", "Tỷ lệ việc / chỉ tiêu", "Có điều kiện (tiền)", "Tỷ lệ tiền / chỉ tiêu", "Chuyển kỳ sau (việc)"]
            : ["Unit", "To enforce (cases)", "Enforceable (cases)", "Rate / target", "Enforceable (money)", "Rate / target", "Backlog (cases)"]}>
            {d.children.map((u) => (
              <tr key={u.id}>
                <td className="px-3 py-2">
                  {u.former ? <span>{u.name} <span className="text-xs text-slate-500">({vi ? "đã sáp nhập" : "merged"})</span></span> : <Link className="text-blue-800 underline" to={`/unit/${u.code}`}>{u.name}</Link>}
                </td>
                <td className="px-3 py-2 tabular-nums"><Link to={drillHref("to_enforce", u.code, d.from, d.to)}>{formatCount(BigInt(u.cases.to_enforce))}</Link></td>
                <td className="px-3 py-2 tabular-nums"><Link to={drillHref("enforceable", u.code, d.from, d.to)}>{formatCount(BigInt(u.cases.enforceable))}</Link></td>
                <td className="px-3 py-2"><RateBadge rate={u.casesRate} target={u.target?.cases} previous={u.previous.casesRate} vi={vi} /></td>
                <td className="px-3 py-2 tabular-nums">{formatDong(u.money.enforceable)}</td>
                <td className="px-3 py-2"><RateBadge rate={u.moneyRate} target={u.target?.money} previous={u.previous.moneyRate} vi={vi} /></td>
                <td className="px-3 py-2 tabular-nums"><Link to={drillHref("carried_to_next", u.code, d.from, d.to)}>{formatCount(BigInt(u.cases.carried_to_next))}</Link></td>
              </tr>
            ))}
          </Table>
        </div>
      </Section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={vi ? "Biểu số 1: về việc" : "Form 1: by cases"}>
          <OfficialForm side="cases" f={d.totals} unitCode={d.province.code} from={d.from} to={d.to} vi={vi} target={d.target?.cases} />
        </Section>
        <Section title={vi ? "Biểu số 2: về tiền" : "Form 2: by money"}>
          <OfficialForm side="money" f={d.totals} unitCode={d.province.code} from={d.from} to={d.to} vi={vi} target={d.target?.money} />
        </Section>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={vi ? `Diễn biến năm thống kê ${d.trend.year}` : `Statistical year ${d.trend.year}`}>
          <TrendChart current={d.trend.current} previous={d.trend.previous} vi={vi} />
        </Section>
        <Section title={vi ? "Việc quá hạn xử lý theo đơn vị" : "Overdue deadlines by office"}>
          <ul className="space-y-1 text-sm" data-testid="overdue">
            {d.overdue.map((o) => (
              <li key={o.code}><Link className="text-blue-800 underline" to={`/cases?unit=${o.code}&overdue=1`}>{o.name}: {formatCount(o.n)}</Link></li>
            ))}
            {d.overdue.length === 0 ? <li>{vi ? "Không có việc quá hạn." : "No overdue cases."}</li> : null}
          </ul>
        </Section>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={vi ? "Ban Chỉ đạo và tài sản" : "Steering committee and assets"}>
          <ul className="space-y-1 text-sm" data-testid="oversight">
            <li><Link className="text-blue-800 underline" to="/steering/tasks">{vi ? `Việc trong danh sách Ban Chỉ đạo theo dõi: ${formatCount(d.flagged)}` : `Cases on the steering committee's list: ${formatCount(d.flagged)}`}</Link></li>
            <li><Link className="text-blue-800 underline" to={`/assets?province=${d.province.slug}&stuck=1`}>{vi ? "Tài sản tồn đọng sau nhiều phiên đấu giá" : "Assets stuck after failed auctions"}</Link></li>
            {d.manageCommittees ? <li><Link className="text-blue-800 underline" to="/steering/committees">{vi ? "Ban Chỉ đạo THADS của tỉnh: thành viên" : "Province steering committee: members"}</Link></li> : null}
          </ul>
        </Section>
        <Section title={vi ? "Một cửa: yêu cầu nộp trong kỳ" : "One-stop desk: requests filed in the period"}>
          {d.desk ? (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="desk-figures">
              <dt>{vi ? "Đã nhận" : "Received"}</dt><dd className="text-right tabular-nums">{formatCount(d.desk.received)}</dd>
              <dt>{vi ? "Nộp trực tuyến" : "Filed online"}</dt><dd className="text-right tabular-nums">{formatCount(d.desk.online)}</dd>
              <dt>{vi ? "Trả kết quả đúng hạn (tỷ lệ)" : "Closed on time (share)"}</dt><dd className="text-right tabular-nums">{formatCount(d.desk.closedOnTime)} ({onTimeShare(d.desk) ?? "—"} %)</dd>
              <dt>{vi ? "Trả kết quả quá hạn" : "Closed late"}</dt><dd className="text-right tabular-nums">{formatCount(d.desk.closedLate)}</dd>
              <dt>{vi ? "Đang quá hạn" : "Open and overdue"}</dt><dd className="text-right tabular-nums">{formatCount(d.desk.openOverdue)}</dd>
              <dt>{vi ? "Mức hài lòng (1–5)" : "Satisfaction (1–5)"}</dt><dd className="text-right tabular-nums">{d.desk.averageRating ?? "—"} ({formatCount(d.desk.ratings)})</dd>
            </dl>
          ) : <p className="text-sm">{vi ? "Không có yêu cầu nộp trong kỳ." : "No requests filed in the period."}</p>}
          <p className="mt-2 text-sm"><Link className="text-blue-800 underline" to="/desk">{vi ? "Mở hàng đợi một cửa" : "Open the desk queue"}</Link></p>
        </Section>
      </div>

      <Section title={vi ? "Chấp hành viên" : "Executors"}>
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">{vi ? `${d.executorRows.length} chấp hành viên` : `${d.executorRows.length} executors`}</summary>
          <ul className="mt-2 grid gap-1 text-sm md:grid-cols-2">
            {d.executorRows.map((e) => (
              <li key={e.id} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <Link className="text-blue-800 underline" to={`/cases?executor=${e.id}`}>{e.full_name} <span className="text-slate-500">({e.unit_code})</span></Link>
                <span className="tabular-nums">{vi ? "đang giải quyết" : "open"} {formatCount(e.open)} · {vi ? "xong trong kỳ" : "done"} {formatCount(e.done)} · {formatDong(e.collected ?? "0")}</span>
              </li>
            ))}
          </ul>
        </details>
      </Section>
    </>
  );
}
