import { Link, useLoaderData } from "react-router";
import { canViewProvince, formatCount, formatDong, hasRole } from "@thads/domain";
import type { Route } from "./+types/province";
import { PageHeader, Section, ShareBar, Stat, StatGrid, Table } from "../components/ui.tsx";
import { useLang, useT } from "../i18n.ts";
import { asUser, forbidden, notFound, requireUser } from "../utils/user.server.ts";
import { figuresByUnit, staffCounts, sumFigures, unitBySlugOrCode } from "./overview.server.ts";
import { directiveSummary } from "./steering.server.ts";
import { DirectivesCallout } from "./steering-ui.tsx";
import { todayVn } from "../utils/today.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!/^[a-z0-9-]{2,60}$/.test(params.slug)) notFound();
  return asUser(user, async (tx) => {
    const province = await unitBySlugOrCode(tx, { slug: params.slug });
    if (!province) notFound();
    if (!canViewProvince(user.memberships, province.id)) forbidden();
    const subunits = await figuresByUnit(tx, { level: "province", provinceId: province.id });
    const staff = await staffCounts(tx, { provinceId: province.id });
    const steering = await directiveSummary(tx, [province.id, ...subunits.map((u) => u.id)], todayVn());
    const manageCommittees = hasRole(user.memberships, "province_head");
    return { province: { name: province.name, slug: province.slug }, subunits, totals: sumFigures(subunits), ...staff, steering, manageCommittees };
  });
}

export default function Province() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <>
      <PageHeader title={d.province.name} subtitle={tr("home.province.title")} />
      <p className="-mt-4 mb-6 flex gap-4 text-sm">
        <Link className="text-blue-800 underline" to={`/assets?province=${d.province.slug}&stuck=1`}>{useLang() === "vi" ? "Tài sản tồn đọng sau nhiều phiên đấu giá" : "Assets stuck after failed auctions"}</Link>
        {d.manageCommittees ? <Link className="text-blue-800 underline" to="/steering/committees">{useLang() === "vi" ? "Ban Chỉ đạo THADS của tỉnh" : "Province steering committee"}</Link> : null}
      </p>
      <DirectivesCallout summary={d.steering} lang={useLang()} />
      <StatGrid>
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunits.length)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={tr("stat.executors")} value={formatCount(d.executors)} />
        <Stat label={tr("stat.cases")} value={formatCount(d.totals.cases)} testId="stat-cases" />
        <Stat label={tr("stat.open")} value={formatCount(d.totals.open)} />
        <Stat label={tr("stat.closed")} value={formatCount(d.totals.closed)} />
        <Stat label={tr("stat.moneyDue")} value={formatDong(d.totals.moneyDue)} />
        <Stat label={tr("stat.moneyCollected")} value={formatDong(d.totals.moneyCollected)} />
      </StatGrid>
      <Section title={tr("stat.subunits")}>
        <Table head={[tr("table.unit"), tr("table.cases"), tr("table.open"), tr("table.closed"), tr("table.share"), tr("table.moneyDue")]}>
          {d.subunits.map((u) => (
            <tr key={u.id}>
              <td className="px-3 py-2">
                <Link className="text-blue-800 underline" to={`/unit/${u.code}`}>{u.name}</Link>
              </td>
              <td className="px-3 py-2 tabular-nums">{formatCount(u.cases)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(u.open)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(u.closed)}</td>
              <td className="px-3 py-2"><ShareBar share={u.cases ? u.closed / u.cases : 0} label={tr("stat.closedShare")} /></td>
              <td className="px-3 py-2 tabular-nums">{formatDong(u.moneyDue)}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
