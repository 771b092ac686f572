import { Link, useLoaderData } from "react-router";
import { canViewUnit, statYearOf } from "@thads/domain";
import { formatCount, formatDateVi, formatDong } from "@thads/domain/labels";
import type { Route } from "./+types/unit";
import { PageHeader, Section, Stat, StatGrid, Table, CaseLink } from "../../components/ui.tsx";
import { caseStatusLabel, useLang, useMessages, useT } from "../../i18n.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { officeExecutors, officeTotals, overdueByExecutor, recentCases, staffCounts, unitBySlugOrCode } from "@thads/core/workspace";
import { directiveSummary } from "@thads/core/steering";
import { DirectivesCallout } from "../steering/steering-ui.tsx";
import { workspaceMessages } from "./messages.ts";
import { OverdueByExecutorSection } from "./unit-overdue.tsx";
import { todayVn } from "../../utils/today.ts";
import { ExportLinks, OfficialForm, PeriodForm, RateBadge, TrendChart } from "../stats/stats-ui.tsx";
import { periodFrom, resolveUnit, targetOf, toFigures, trend, unitStats } from "@thads/core/stats";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!/^[A-Z0-9_-]{2,40}$/.test(params.code)) notFound();
  const period = periodFrom(new URL(request.url).searchParams, todayVn());
  const { from, to } = period;
  return asUser(user, async (tx) => {
    const unit = await unitBySlugOrCode(tx, { code: params.code });
    if (!unit?.province_id) notFound();
    if (!canViewUnit(user.memberships, { id: unit.id, provinceId: unit.province_id })) forbidden();
    const statUnit = (await resolveUnit(tx, unit.code))!;
    // All at once: their statements go out together. The trend's last point is the period's
    // figures when the period starts the year.
    const today = todayVn();
    const stats = unitStats(tx, statUnit, from, to);
    const [figures, totals, executors, overdue, recent, staff, steering, target, trendData] = await Promise.all([
      stats,
      officeTotals(tx, unit.id),
      officeExecutors(tx, unit.id),
      overdueByExecutor(tx, unit.id, today),
      recentCases(tx, unit.id),
      staffCounts(tx, { unitId: unit.id }),
      directiveSummary(tx, [unit.id], today),
      targetOf(tx, unit.id, statYearOf(to)),
      trend(tx, statUnit, to, { from, stats }),
    ]);
    return {
      unit: { name: unit.name, code: unit.code },
      totals,
      executors,
      overdue,
      recent,
      staff: staff.staff,
      steering,
      from,
      to,
      errors: period.errors,
      stats: toFigures(figures),
      target,
      trend: trendData,
    };
  });
}

export default function Unit() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const m = useMessages(workspaceMessages);
  const lang = useLang();
  return (
    <>
      <PageHeader title={d.unit.name} subtitle={tr("home.subunit.title")} />
      <p className="-mt-4 mb-6 flex gap-4 text-sm">
        <Link className="text-blue-800 underline" to={`/cases?unit=${d.unit.code}`}>
          {tr("subunit.allCases")}
        </Link>
        <Link className="text-blue-800 underline" to={`/cases?unit=${d.unit.code}&overdue=1&sort=deadline_asc`}>
          {tr("subunit.overdue")}
        </Link>
        <Link className="text-blue-800 underline" to={`/unit/${d.unit.code}/workload`}>
          {tr("subunit.workload")}
        </Link>
        <Link className="text-blue-800 underline" to={`/assets?unit=${d.unit.code}`}>
          {m("unit.assets")}
        </Link>
      </p>
      <DirectivesCallout summary={d.steering} lang={lang} />
      <OverdueByExecutorSection unitCode={d.unit.code} rows={d.overdue} />
      <Section title={m("unit.results", { from: formatDateVi(d.from), to: formatDateVi(d.to) })}>
        <PeriodForm from={d.from} to={d.to} errors={d.errors} />
        <div className="mb-4 flex flex-wrap items-center gap-6">
          <span>
            {m("rate.casesTarget")} <RateBadge rate={d.stats.casesRate} target={d.target?.cases} testId="unit-rate-cases" />
          </span>
          <span>
            {m("rate.moneyTarget")} <RateBadge rate={d.stats.moneyRate} target={d.target?.money} testId="unit-rate-money" />
          </span>
          <ExportLinks unitCode={d.unit.code} from={d.from} to={d.to} />
        </div>
        <div className="grid gap-8 lg:grid-cols-2">
          <OfficialForm side="cases" f={d.stats} unitCode={d.unit.code} from={d.from} to={d.to} target={d.target?.cases} />
          <OfficialForm side="money" f={d.stats} unitCode={d.unit.code} from={d.from} to={d.to} target={d.target?.money} />
        </div>
        <div className="mt-6">
          <TrendChart current={d.trend.current} previous={d.trend.previous} />
        </div>
      </Section>
      <h2 className="mb-2 mt-8 text-lg font-semibold">{m("unit.now")}</h2>
      <StatGrid>
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={tr("stat.executors")} value={formatCount(d.executors.length)} />
        <Stat label={tr("stat.cases")} value={formatCount(d.totals.cases)} testId="stat-cases" href={`/cases?unit=${d.unit.code}`} />
        <Stat label={tr("stat.open")} value={formatCount(d.totals.open)} testId="stat-open" href={`/cases?unit=${d.unit.code}&open=1`} />
        <Stat
          label={tr("stat.register")}
          value={formatCount(d.totals.register)}
          testId="stat-register"
          href={`/cases?unit=${d.unit.code}&status=separate_register`}
        />
        <Stat label={tr("stat.moneyDue")} value={formatDong(d.totals.moneyDue)} />
        <Stat label={tr("stat.moneyCollected")} value={formatDong(d.totals.moneyCollected)} />
      </StatGrid>
      <Section title={tr("subunit.executors")}>
        <Table head={[tr("table.executor"), tr("table.open"), tr("table.moneyDue")]}>
          {d.executors.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-2">{e.name}</td>
              <td className="px-3 py-2 tabular-nums">
                <Link className="text-blue-800 underline" to={`/cases?unit=${d.unit.code}&executor=${e.id}&open=1`}>
                  {formatCount(e.open)}
                </Link>
              </td>
              <td className="px-3 py-2 tabular-nums">{formatDong(e.outstanding)}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={tr("subunit.recent")}>
        <Table head={[tr("table.caseNumber"), tr("table.debtor"), tr("table.status"), tr("table.acceptedOn"), tr("table.moneyDue")]}>
          {d.recent.map((c) => (
            <tr key={c.id}>
              <td className="px-3 py-2">
                <CaseLink id={c.id}>{c.case_number}</CaseLink>
              </td>
              <td className="px-3 py-2">{c.debtor_name}</td>
              <td className="px-3 py-2">{caseStatusLabel(lang, c.status)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(c.accepted_on)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(c.money_due)}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
