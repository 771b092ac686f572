import { Link, useLoaderData, useSearchParams } from "react-router";
import { formatCount, formatDateVi, formatDong, formatPercent, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/national";
import { ExportLinks, MONEY, OfficialForm, PeriodForm, TileMap, TrendChart, drillHref } from "../stats/stats-ui.tsx";
import { PageHeader, Section, Stat, StatGrid } from "../../components/ui.tsx";
import { useMessages, useT } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { nationalDashboardStats, nationUnit, periodFrom } from "@thads/core/stats";
import { deskFiguresByProvince, flaggedByProvince, staffCounts, subunitCount } from "@thads/core/workspace";
import { workspaceMessages } from "./messages.ts";
import { complaintStatsByProvince } from "@thads/core/complaints";
import { ComplaintFiguresTable } from "../complaints/figures-table.tsx";
import { complaintMessages } from "../complaints/messages.ts";
import { LeagueTable, OversightTable, Panel } from "./national-sections.tsx";

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
      const [subunits, staff, desk, flagged, complaints] = await Promise.all([
        subunitCount(tx),
        staffCounts(tx, {}),
        deskFiguresByProvince(tx, from, to),
        flaggedByProvince(tx),
        complaintStatsByProvince(tx, { from, to }),
      ]);
      return { subunits, staff, desk, flagged, complaints };
    }),
  ]);
  return {
    oversight: stats.provinces
      .filter((p) => !p.former)
      .map((p) => ({
        id: p.id,
        name: p.name,
        slug: p.slug,
        flagged: rest.flagged.get(p.id) ?? 0,
        desk: rest.desk.byProvince.get(p.id) ?? null,
      })),
    deskTotal: rest.desk.total,
    complaints: rest.complaints.map((c) => ({ ...c, id: c.province_id, name: c.province_name, href: `/province/${c.slug}` })),
    nation: { code: nation.code, name: nation.name },
    from,
    to,
    errors: period.errors,
    provinces: stats.provinces,
    totals: stats.totals,
    bank: stats.bank,
    corruption: stats.corruption,
    trend: stats.trend,
    subunits: rest.subunits,
    mayTarget: user.memberships.some((m) => m.role === "national_admin"),
    ...rest.staff,
  };
}

export default function National() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const m = useMessages(workspaceMessages);
  const cm = useMessages(complaintMessages);
  const [params] = useSearchParams();
  const keep = params.has("from") || params.has("to") ? `?from=${d.from}&to=${d.to}` : "";
  const drill = (fig: Parameters<typeof drillHref>[0], extra: Record<string, string> = {}) =>
    drillHref(fig, d.nation.code, d.from, d.to, extra);
  return (
    <>
      <PageHeader title={tr("home.national.title")} subtitle={`${tr("app.name")} · ${formatDateVi(d.from)} – ${formatDateVi(d.to)}`} />
      <PeriodForm from={d.from} to={d.to} errors={d.errors} />
      <p className="mb-6 flex flex-wrap gap-4 text-sm">
        <Link className="text-blue-800 underline" to="/steering/national">
          {m("national.steeringLink")}
        </Link>
        <Link className="text-blue-800 underline" to="/assets">
          {m("national.assetsLink")}
        </Link>
      </p>
      <StatGrid>
        <Stat label={tr("stat.provinces")} value={formatCount(d.provinces.length)} testId="stat-provinces" />
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunits)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat
          label={m("stat.toEnforceCases")}
          value={formatCount(BigInt(d.totals.cases.to_enforce))}
          testId="stat-cases"
          href={drill("to_enforce")}
        />
        <Stat label={m("stat.enforceableCases")} value={formatCount(BigInt(d.totals.cases.enforceable))} href={drill("enforceable")} />
        <Stat label={m("stat.rateCases")} value={formatPercent(d.totals.casesRate)} testId="stat-rate-cases" />
        <Stat label={m("stat.enforceableMoney")} value={formatDong(d.totals.money.enforceable)} href={drill("enforceable", MONEY)} />
        <Stat label={m("stat.rateMoney")} value={formatPercent(d.totals.moneyRate)} testId="stat-rate-money" />
      </StatGrid>
      <div className="mt-4 flex flex-wrap gap-4">
        <ExportLinks unitCode={d.nation.code} from={d.from} to={d.to} />
        {d.mayTarget ? (
          <Link className="self-center text-sm text-blue-800 underline" to={`/stats/targets?unit=${d.nation.code}`}>
            {m("national.setTargets")}
          </Link>
        ) : null}
      </div>

      <Section title={m("national.league")}>
        <LeagueTable provinces={d.provinces} from={d.from} to={d.to} keep={keep} />
      </Section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={m("national.map")}>
          <TileMap rows={d.provinces} from={d.from} to={d.to} />
        </Section>
        <Section title={m("trend.title", { year: d.trend.year })}>
          <TrendChart current={d.trend.current} previous={d.trend.previous} />
        </Section>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={m("national.bank")}>
          <Panel f={d.bank} link={(fig) => drill(fig, { category: "bank_credit" })} testId="panel-bank" />
        </Section>
        <Section title={m("national.corruption")}>
          <Panel f={d.corruption} link={(fig) => drill(fig, { category: "corruption" })} testId="panel-corruption" />
        </Section>
      </div>

      <Section title={m("national.oversight")}>
        <OversightTable rows={d.oversight} total={d.deskTotal} />
      </Section>

      <Section title={cm("dashboard.ranking")}>
        <p className="mb-2 text-sm text-slate-600">{cm("dashboard.rankingNote")}</p>
        <ComplaintFiguresTable rows={d.complaints} by="province" from={d.from} to={d.to} ranked testId="complaint-ranking" />
      </Section>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <Section title={m("national.form1")}>
          <OfficialForm side="cases" f={d.totals} unitCode={d.nation.code} from={d.from} to={d.to} />
        </Section>
        <Section title={m("national.form2")}>
          <OfficialForm side="money" f={d.totals} unitCode={d.nation.code} from={d.from} to={d.to} />
        </Section>
      </div>
    </>
  );
}
