import { Link, useLoaderData } from "react-router";
import { canViewProvince, statYearOf } from "@thads/domain";
import { formatCount, formatDateVi, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/province";
import { drillHref, ExportLinks, OfficialForm, PeriodForm, RateBadge, TrendChart } from "../stats/stats-ui.tsx";
import { PageHeader, Section, Stat, StatGrid } from "../../components/ui.tsx";
import { useLang, useMessages, useT } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { childrenStats, periodFrom, targetOf, toFigures, trend, unitStats } from "@thads/core/stats";
import {
  deskFiguresByProvince,
  flaggedByProvince,
  overdueByOffice,
  provinceExecutors,
  staffCounts,
  unitBySlugOrCode,
} from "@thads/core/workspace";
import { directiveSummary } from "@thads/core/steering";
import { ExecutorList, OversightAndDesk, SubunitTable } from "./province-sections.tsx";
import { DirectivesCallout } from "../steering/steering-ui.tsx";
import { workspaceMessages } from "./messages.ts";
import { complaintStats } from "@thads/core/complaints";
import { ComplaintFiguresTable } from "../complaints/figures-table.tsx";
import { complaintMessages } from "../complaints/messages.ts";

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
    const unit = {
      id: province.id,
      kind: "province" as const,
      code: province.code,
      name: province.name,
      province_id: province.id,
      merged_into_id: null,
      dissolved_on: null,
    };
    // All at once: their statements go out together. The trend's last point is the period's
    // figures when the period starts the year.
    const totals = unitStats(tx, unit, from, to);
    const [stats, children, staff, executorRows, overdue, desk, complaints, flagged, target, trendData] = await Promise.all([
      totals,
      childrenStats(tx, unit, from, to),
      staffCounts(tx, { provinceId: province.id }),
      provinceExecutors(tx, province.id, from, to),
      overdueByOffice(tx, province.id, today),
      deskFiguresByProvince(tx, from, to),
      complaintStats(tx, { provinceId: province.id, from, to }),
      flaggedByProvince(tx),
      targetOf(tx, province.id, statYearOf(to)),
      trend(tx, unit, to, { from, stats: totals }),
    ]);
    const ownUnits = [province.id, ...children.filter((c) => !c.former && !c.bureau).map((c) => c.id)];
    return {
      steering: await directiveSummary(tx, ownUnits, today),
      manageCommittees: hasRole(user.memberships, "province_head"),
      flagged: flagged.get(province.id) ?? 0,
      desk: desk.byProvince.get(province.id) ?? null,
      complaints: complaints.map((c) => ({ ...c, id: c.unit_id, name: c.unit_name })),
      province: { name: province.name, slug: province.slug, code: province.code },
      from,
      to,
      errors: period.errors,
      totals: toFigures(stats),
      target,
      children,
      executorRows,
      overdue,
      trend: trendData,
      subunitCount: children.filter((c) => !c.former && !c.bureau).length,
      mayTarget: user.memberships.some((m) => m.role === "province_head" && m.provinceId === province.id),
      ...staff,
    };
  });
}

export default function Province() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const m = useMessages(workspaceMessages);
  const cm = useMessages(complaintMessages);
  const lang = useLang();
  return (
    <>
      <PageHeader title={d.province.name} subtitle={`${tr("home.province.title")} · ${formatDateVi(d.from)} – ${formatDateVi(d.to)}`} />
      <PeriodForm from={d.from} to={d.to} errors={d.errors} />
      <DirectivesCallout summary={d.steering} lang={lang} />
      <StatGrid>
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunitCount)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={tr("stat.executors")} value={formatCount(d.executors)} />
        <Stat
          label={m("stat.toEnforceCases")}
          value={formatCount(BigInt(d.totals.cases.to_enforce))}
          testId="stat-cases"
          href={drillHref("to_enforce", d.province.code, d.from, d.to)}
        />
      </StatGrid>
      <div className="mt-4 flex flex-wrap items-center gap-6">
        <span>
          {m("rate.casesTarget")} <RateBadge rate={d.totals.casesRate} target={d.target?.cases} testId="province-rate-cases" />
        </span>
        <span>
          {m("rate.moneyTarget")} <RateBadge rate={d.totals.moneyRate} target={d.target?.money} testId="province-rate-money" />
        </span>
        <ExportLinks unitCode={d.province.code} from={d.from} to={d.to} />
        {d.mayTarget ? (
          <Link className="text-sm text-blue-800 underline" to={`/stats/targets?unit=${d.province.code}`}>
            {m("province.setTargets")}
          </Link>
        ) : null}
      </div>

      <SubunitTable d={d} />

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={m("province.form1")}>
          <OfficialForm side="cases" f={d.totals} unitCode={d.province.code} from={d.from} to={d.to} target={d.target?.cases} />
        </Section>
        <Section title={m("province.form2")}>
          <OfficialForm side="money" f={d.totals} unitCode={d.province.code} from={d.from} to={d.to} target={d.target?.money} />
        </Section>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={m("trend.title", { year: d.trend.year })}>
          <TrendChart current={d.trend.current} previous={d.trend.previous} />
        </Section>
        <Section title={m("province.overdue")}>
          <ul className="space-y-1 text-sm" data-testid="overdue">
            {d.overdue.map((o) => (
              <li key={o.code}>
                <Link className="text-blue-800 underline" to={`/cases?unit=${o.code}&overdue=1`}>
                  {o.name}: {formatCount(o.n)}
                </Link>
              </li>
            ))}
            {d.overdue.length === 0 ? <li>{m("province.noOverdue")}</li> : null}
          </ul>
        </Section>
      </div>

      <OversightAndDesk d={d} />

      <Section title={cm("dashboard.title")}>
        {d.complaints.length ? (
          <ComplaintFiguresTable rows={d.complaints} by="unit" from={d.from} to={d.to} testId="province-complaints" />
        ) : (
          <p className="text-sm">{cm("list.empty")}</p>
        )}
        <p className="mt-2 text-sm">
          <Link className="text-blue-800 underline" to="/complaints">
            {cm("dashboard.open")}
          </Link>
        </p>
      </Section>

      <ExecutorList d={d} />
    </>
  );
}
