import { Link, useLoaderData } from "react-router";
import { canViewProvince, formatCount, formatDong, hasRole, statYearOf } from "@thads/domain";
import type { Route } from "./+types/province";
import { ExportLinks, OfficialForm, PeriodForm, RateBadge, TrendChart, drillHref, viDate } from "../stats/stats-ui.tsx";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
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
import { onTimeShare } from "@thads/core/workspace/desk-figures";
import { directiveSummary } from "@thads/core/steering";
import { DirectivesCallout } from "../steering/steering-ui.tsx";
import { workspaceMessages } from "./messages.ts";

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
      from,
      to,
      errors: period.errors,
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
  const m = useMessages(workspaceMessages);
  const lang = useLang();
  return (
    <>
      <PageHeader title={d.province.name} subtitle={`${tr("home.province.title")} · ${viDate(d.from)} – ${viDate(d.to)}`} />
      <PeriodForm from={d.from} to={d.to} errors={d.errors} />
      <DirectivesCallout summary={d.steering} lang={lang} />
      <StatGrid>
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunitCount)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={tr("stat.executors")} value={formatCount(d.executors)} />
        <Stat label={m("stat.toEnforceCases")} value={formatCount(BigInt(d.totals.cases.to_enforce))} testId="stat-cases" />
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

      <Section title={m("province.subunits")}>
        <div data-testid="subunits">
          <Table
            head={[
              m("col.unit"),
              m("col.toEnforceCases"),
              m("col.enforceableCases"),
              m("col.rateCasesTarget"),
              m("col.enforceableMoney"),
              m("col.rateMoneyTarget"),
              m("col.carriedCases"),
            ]}
          >
            {d.children.map((u) => (
              <tr key={u.id}>
                <td className="px-3 py-2">
                  {u.former ? (
                    <span>
                      {u.name} <span className="text-xs text-slate-500">({m("province.merged")})</span>
                    </span>
                  ) : (
                    <Link className="text-blue-800 underline" to={`/unit/${u.code}`}>
                      {u.name}
                    </Link>
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">
                  <Link to={drillHref("to_enforce", u.code, d.from, d.to)}>{formatCount(BigInt(u.cases.to_enforce))}</Link>
                </td>
                <td className="px-3 py-2 tabular-nums">
                  <Link to={drillHref("enforceable", u.code, d.from, d.to)}>{formatCount(BigInt(u.cases.enforceable))}</Link>
                </td>
                <td className="px-3 py-2">
                  <RateBadge rate={u.casesRate} target={u.target?.cases} previous={u.previous.casesRate} />
                </td>
                <td className="px-3 py-2 tabular-nums">{formatDong(u.money.enforceable)}</td>
                <td className="px-3 py-2">
                  <RateBadge rate={u.moneyRate} target={u.target?.money} previous={u.previous.moneyRate} />
                </td>
                <td className="px-3 py-2 tabular-nums">
                  <Link to={drillHref("carried_to_next", u.code, d.from, d.to)}>{formatCount(BigInt(u.cases.carried_to_next))}</Link>
                </td>
              </tr>
            ))}
          </Table>
        </div>
      </Section>

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

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={m("province.oversight")}>
          <ul className="space-y-1 text-sm" data-testid="oversight">
            <li>
              <Link className="text-blue-800 underline" to="/steering/tasks">
                {m("province.flagged", { count: formatCount(d.flagged) })}
              </Link>
            </li>
            <li>
              <Link className="text-blue-800 underline" to={`/assets?province=${d.province.slug}&stuck=1`}>
                {m("province.stuckAssets")}
              </Link>
            </li>
            {d.manageCommittees ? (
              <li>
                <Link className="text-blue-800 underline" to="/steering/committees">
                  {m("province.committees")}
                </Link>
              </li>
            ) : null}
          </ul>
        </Section>
        <Section title={m("desk.title")}>
          {d.desk ? (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="desk-figures">
              <dt>{m("desk.received")}</dt>
              <dd className="text-right tabular-nums">{formatCount(d.desk.received)}</dd>
              <dt>{m("desk.online")}</dt>
              <dd className="text-right tabular-nums">{formatCount(d.desk.online)}</dd>
              <dt>{m("desk.closedOnTime")}</dt>
              <dd className="text-right tabular-nums">
                {formatCount(d.desk.closedOnTime)} ({onTimeShare(d.desk) ?? "—"} %)
              </dd>
              <dt>{m("desk.closedLate")}</dt>
              <dd className="text-right tabular-nums">{formatCount(d.desk.closedLate)}</dd>
              <dt>{m("desk.openOverdue")}</dt>
              <dd className="text-right tabular-nums">{formatCount(d.desk.openOverdue)}</dd>
              <dt>{m("desk.rating")}</dt>
              <dd className="text-right tabular-nums">
                {d.desk.averageRating ?? "—"} ({formatCount(d.desk.ratings)})
              </dd>
            </dl>
          ) : (
            <p className="text-sm">{m("desk.none")}</p>
          )}
          <p className="mt-2 text-sm">
            <Link className="text-blue-800 underline" to="/desk">
              {m("desk.queue")}
            </Link>
          </p>
        </Section>
      </div>

      <Section title={m("province.executors")}>
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">
            {m("province.executorCount", { count: d.executorRows.length })}
          </summary>
          <ul className="mt-2 grid gap-1 text-sm md:grid-cols-2">
            {d.executorRows.map((e) => (
              <li key={e.id} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <Link className="text-blue-800 underline" to={`/cases?executor=${e.id}`}>
                  {e.full_name} <span className="text-slate-500">({e.unit_code})</span>
                </Link>
                <span className="tabular-nums">
                  {m("province.executorFigures", {
                    open: formatCount(e.open),
                    done: formatCount(e.done),
                    collected: formatDong(e.collected ?? "0"),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      </Section>
    </>
  );
}
