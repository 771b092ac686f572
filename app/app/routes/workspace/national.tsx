import { Link, useLoaderData, useSearchParams } from "react-router";
import { formatCount, formatDong, isNational } from "@thads/domain";
import type { Route } from "./+types/national";
import { ExportLinks, OfficialForm, PeriodForm, RateBadge, TileMap, TrendChart, drillHref, viDate } from "../stats/stats-ui.tsx";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { useLang, useT } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { nationalDashboardStats, nationUnit, periodFrom } from "@thads/core/stats";
import { deskFiguresByProvince, flaggedByProvince, staffCounts, subunitCount } from "@thads/core/workspace";
import { onTimeShare } from "@thads/core/workspace/desk-figures";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isNational(user.memberships)) forbidden();
  const period = periodFrom(new URL(request.url).searchParams, todayVn());
  const { from, to } = period;
  const nation = await asUser(user, (tx) => nationUnit(tx));
  if (!nation) forbidden();
  // The statistics run their reads at once, each in a transaction of its own; the rest beside them.
  const [stats, rest] = await Promise.all([
    nationalDashboardStats((fn) => asUser(user, fn), nation, from, to),
    asUser(user, async (tx) => {
      return { subunits: await subunitCount(tx), staff: await staffCounts(tx, {}), desk: await deskFiguresByProvince(tx, from, to), flagged: await flaggedByProvince(tx) };
    }),
  ]);
  return {
    oversight: stats.provinces
      .filter((p) => !p.former)
      .map((p) => ({ id: p.id, name: p.name, slug: p.slug, flagged: rest.flagged.get(p.id) ?? 0, desk: rest.desk.byProvince.get(p.id) ?? null })),
    deskTotal: rest.desk.total,
    nation: { code: nation.code, name: nation.name },
    from, to, errors: period.errors,
    provinces: stats.provinces, totals: stats.totals, bank: stats.bank, corruption: stats.corruption,
    trend: stats.trend,
    subunits: rest.subunits,
    mayTarget: user.memberships.some((m) => m.role === "national_admin"),
    ...rest.staff,
  };
}

export default function National() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const vi = useLang() === "vi";
  const [params] = useSearchParams();
  const keep = params.has("from") || params.has("to") ? `?from=${d.from}&to=${d.to}` : "";
  const low = d.provinces.filter((p) => p.casesRate !== null && p.target && Number(p.casesRate) < Number(p.target.cases) - 5);
  const drill = (fig: Parameters<typeof drillHref>[0], extra: Record<string, string> = {}) => drillHref(fig, d.nation.code, d.from, d.to, extra);
  return (
    <>
      <PageHeader title={tr("home.national.title")} subtitle={`${tr("app.name")} · ${viDate(d.from)} – ${viDate(d.to)}`} />
      <PeriodForm from={d.from} to={d.to} vi={vi} errors={d.errors} />
      <p className="mb-6 flex flex-wrap gap-4 text-sm">
        <Link className="text-blue-800 underline" to="/steering/national">{vi ? "Ban Chỉ đạo THADS: danh sách theo dõi và ý kiến chỉ đạo quá hạn" : "Steering committees: watchlists and overdue directives"}</Link>
        <Link className="text-blue-800 underline" to="/assets">{vi ? "Tài sản, đấu giá toàn quốc" : "Assets and auctions nationwide"}</Link>
      </p>
      <StatGrid>
        <Stat label={tr("stat.provinces")} value={formatCount(d.provinces.length)} testId="stat-provinces" />
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunits)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={vi ? "Tổng số phải thi hành (việc)" : "To enforce (cases)"} value={formatCount(BigInt(d.totals.cases.to_enforce))} testId="stat-cases" />
        <Stat label={vi ? "Có điều kiện thi hành (việc)" : "Enforceable (cases)"} value={formatCount(BigInt(d.totals.cases.enforceable))} />
        <Stat label={vi ? "Tỷ lệ xong về việc" : "Completion rate, cases"} value={d.totals.casesRate === null ? "—" : `${d.totals.casesRate.replace(".", ",")}%`} testId="stat-rate-cases" />
        <Stat label={vi ? "Có điều kiện thi hành (tiền)" : "Enforceable (money)"} value={formatDong(d.totals.money.enforceable)} />
        <Stat label={vi ? "Tỷ lệ xong về tiền" : "Completion rate, money"} value={d.totals.moneyRate === null ? "—" : `${d.totals.moneyRate.replace(".", ",")}%`} testId="stat-rate-money" />
      </StatGrid>
      <div className="mt-4 flex flex-wrap gap-4">
        <ExportLinks unitCode={d.nation.code} from={d.from} to={d.to} vi={vi} />
        {d.mayTarget ? <Link className="self-center text-sm text-blue-800 underline" to={`/stats/targets?unit=${d.nation.code}`}>{vi ? "Giao chỉ tiêu cho các tỉnh" : "Set the provinces' targets"}</Link> : null}
      </div>

      <Section title={vi ? "Xếp hạng 34 tỉnh, thành phố" : "League table of the 34 provinces"}>
        <div data-testid="league">
          <Table head={vi
            ? ["Đơn vị", "Phải thi hành (việc)", "Có điều kiện (việc)", "Xong (việc)", "Tỷ lệ việc / chỉ tiêu", "Có điều kiện (tiền)", "Xong (tiền)", "Tỷ lệ tiền / chỉ tiêu", "Chuyển kỳ sau (việc)"]
            : ["Unit", "To enforce (cases)", "Enforceable (cases)", "Completed (cases)", "Rate / target", "Enforceable (money)", "Completed (money)", "Rate / target", "Backlog (cases)"]}>
            {[...d.provinces].sort((a, b) => Number(b.casesRate ?? -1) - Number(a.casesRate ?? -1)).map((p) => {
              const isLow = low.includes(p);
              return (
                <tr key={p.id} className={isLow ? "bg-red-50" : undefined} data-low={isLow ? "1" : undefined}>
                  <td className="px-3 py-2"><Link className="text-blue-800 underline" to={`/province/${p.slug}${keep}`}>{p.name}</Link></td>
                  <td className="px-3 py-2 tabular-nums"><Link to={drillHref("to_enforce", p.code, d.from, d.to)}>{formatCount(BigInt(p.cases.to_enforce))}</Link></td>
                  <td className="px-3 py-2 tabular-nums"><Link to={drillHref("enforceable", p.code, d.from, d.to)}>{formatCount(BigInt(p.cases.enforceable))}</Link></td>
                  <td className="px-3 py-2 tabular-nums">{formatCount(BigInt(p.cases.completed) + BigInt(p.cases.terminated))}</td>
                  <td className="px-3 py-2"><RateBadge rate={p.casesRate} target={p.target?.cases} previous={p.previous.casesRate} vi={vi} /></td>
                  <td className="px-3 py-2 tabular-nums">{formatDong(p.money.enforceable)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatDong(BigInt(p.money.completed) + BigInt(p.money.terminated))}</td>
                  <td className="px-3 py-2"><RateBadge rate={p.moneyRate} target={p.target?.money} previous={p.previous.moneyRate} vi={vi} /></td>
                  <td className="px-3 py-2 tabular-nums"><Link to={drillHref("carried_to_next", p.code, d.from, d.to)}>{formatCount(BigInt(p.cases.carried_to_next))}</Link></td>
                </tr>
              );
            })}
          </Table>
        </div>
        {low.length ? (
          <p className="mt-2 text-sm text-red-800" data-testid="low-performers">
            {vi ? "Thấp hơn chỉ tiêu về việc trên 5 điểm: " : "More than 5 points below the cases target: "}
            {low.map((p) => p.name).join("; ")}
          </p>
        ) : null}
      </Section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={vi ? "Bản đồ tỷ lệ thi hành xong về việc" : "Completion rate by province"}>
          <TileMap rows={d.provinces} from={d.from} to={d.to} vi={vi} />
        </Section>
        <Section title={vi ? `Diễn biến năm thống kê ${d.trend.year}` : `Statistical year ${d.trend.year}`}>
          <TrendChart current={d.trend.current} previous={d.trend.previous} vi={vi} />
        </Section>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={vi ? "Án tín dụng, ngân hàng" : "Bank-credit cases"}>
          <Panel f={d.bank} link={(fig) => drill(fig, { category: "bank_credit" })} vi={vi} testId="panel-bank" />
        </Section>
        <Section title={vi ? "Thu hồi tài sản trong các vụ án tham nhũng, kinh tế" : "Corruption and economic asset recovery"}>
          <Panel f={d.corruption} link={(fig) => drill(fig, { category: "corruption" })} vi={vi} testId="panel-corruption" />
        </Section>
      </div>

      <Section title={vi ? "Một cửa và Ban Chỉ đạo theo tỉnh (yêu cầu nộp trong kỳ)" : "One-stop desks and steering lists by province (requests filed in the period)"}>
        <div data-testid="oversight-table">
          <Table head={vi
            ? ["Tỉnh, thành phố", "Yêu cầu đã nhận", "Trực tuyến", "Đúng hạn", "Quá hạn (đã trả / đang xử lý)", "Hài lòng (1–5)", "Việc Ban Chỉ đạo theo dõi"]
            : ["Province", "Requests received", "Online", "On time", "Late (closed / open)", "Satisfaction (1–5)", "Cases on steering lists"]}>
            {d.oversight.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-2">{p.name}</td>
                <td className="px-3 py-2 tabular-nums">{formatCount(p.desk?.received ?? 0)}</td>
                <td className="px-3 py-2 tabular-nums">{formatCount(p.desk?.online ?? 0)}</td>
                <td className="px-3 py-2 tabular-nums">{p.desk && onTimeShare(p.desk) !== null ? `${onTimeShare(p.desk)} %` : "—"}</td>
                <td className="px-3 py-2 tabular-nums">{formatCount(p.desk?.closedLate ?? 0)} / {formatCount(p.desk?.openOverdue ?? 0)}</td>
                <td className="px-3 py-2 tabular-nums">{p.desk?.averageRating ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{formatCount(p.flagged)}</td>
              </tr>
            ))}
          </Table>
        </div>
        <p className="mt-2 text-sm">
          {vi ? "Toàn quốc: " : "Nation: "}{formatCount(d.deskTotal.received)} {vi ? "yêu cầu, đúng hạn" : "requests, on time"} {onTimeShare(d.deskTotal) ?? "—"} %, {vi ? "hài lòng" : "satisfaction"} {d.deskTotal.averageRating ?? "—"}
        </p>
      </Section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={vi ? "Biểu số 1: về việc (toàn quốc)" : "Form 1: by cases (nation)"}>
          <OfficialForm side="cases" f={d.totals} unitCode={d.nation.code} from={d.from} to={d.to} vi={vi} />
        </Section>
        <Section title={vi ? "Biểu số 2: về tiền (toàn quốc)" : "Form 2: by money (nation)"}>
          <OfficialForm side="money" f={d.totals} unitCode={d.nation.code} from={d.from} to={d.to} vi={vi} />
        </Section>
      </div>
    </>
  );
}

function Panel({ f, link, vi, testId }: { f: ReturnType<typeof useLoaderData<typeof loader>>["bank"]; link: (fig: "enforceable" | "completed" | "carried_to_next") => string; vi: boolean; testId: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid={testId}>
      <dt>{vi ? "Có điều kiện (việc)" : "Enforceable (cases)"}</dt>
      <dd className="text-right tabular-nums"><Link className="text-blue-800 underline" to={link("enforceable")}>{formatCount(BigInt(f.cases.enforceable))}</Link></dd>
      <dt>{vi ? "Thi hành xong (việc)" : "Completed (cases)"}</dt>
      <dd className="text-right tabular-nums"><Link className="text-blue-800 underline" to={link("completed")}>{formatCount(BigInt(f.cases.completed))}</Link></dd>
      <dt>{vi ? "Có điều kiện (tiền)" : "Enforceable (money)"}</dt>
      <dd className="text-right tabular-nums">{formatDong(f.money.enforceable)}</dd>
      <dt>{vi ? "Thu được (tiền)" : "Collected (money)"}</dt>
      <dd className="text-right tabular-nums">{formatDong(f.money.completed)}</dd>
      <dt>{vi ? "Tỷ lệ việc / tiền" : "Rate cases / money"}</dt>
      <dd className="text-right"><RateBadge rate={f.casesRate} vi={vi} /> · <RateBadge rate={f.moneyRate} vi={vi} /></dd>
      <dt>{vi ? "Chuyển kỳ sau (việc)" : "Carried to next (cases)"}</dt>
      <dd className="text-right tabular-nums"><Link className="text-blue-800 underline" to={link("carried_to_next")}>{formatCount(BigInt(f.cases.carried_to_next))}</Link></dd>
    </dl>
  );
}
