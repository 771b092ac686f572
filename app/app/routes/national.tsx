import { Link, useLoaderData } from "react-router";
import { formatCount, formatDong, isNational } from "@thads/domain";
import type { Route } from "./+types/national";
import { PageHeader, Section, ShareBar, Stat, StatGrid, Table } from "../components/ui.tsx";
import { useT } from "../i18n.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";
import { figuresByUnit, staffCounts, sumFigures } from "./overview.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isNational(user.memberships)) forbidden();
  return asUser(user, async (tx) => {
    const provinces = await figuresByUnit(tx, { level: "nation" });
    const [units] = await tx<{ subunits: bigint }[]>`select count(*) as subunits from public.units where kind = 'subunit' and dissolved_on is null`;
    const staff = await staffCounts(tx, {});
    return { provinces, totals: sumFigures(provinces), subunits: Number(units?.subunits ?? 0n), ...staff };
  });
}

export default function National() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <>
      <PageHeader title={tr("home.national.title")} subtitle={tr("app.name")} />
      <p className="-mt-4 mb-6 text-sm"><Link className="text-blue-800 underline" to="/steering/national">Ban Chỉ đạo THADS: danh sách theo dõi và ý kiến chỉ đạo quá hạn</Link></p>
      <StatGrid>
        <Stat label={tr("stat.provinces")} value={formatCount(d.provinces.length)} testId="stat-provinces" />
        <Stat label={tr("stat.subunits")} value={formatCount(d.subunits)} testId="stat-subunits" />
        <Stat label={tr("stat.staff")} value={formatCount(d.staff)} testId="stat-staff" />
        <Stat label={tr("stat.cases")} value={formatCount(d.totals.cases)} testId="stat-cases" />
        <Stat label={tr("stat.open")} value={formatCount(d.totals.open)} />
        <Stat label={tr("stat.closed")} value={formatCount(d.totals.closed)} />
        <Stat label={tr("stat.moneyDue")} value={formatDong(d.totals.moneyDue)} />
        <Stat label={tr("stat.moneyCollected")} value={formatDong(d.totals.moneyCollected)} />
      </StatGrid>
      <Section title={tr("stat.provinces")}>
        <Table head={[tr("table.unit"), tr("table.cases"), tr("table.open"), tr("table.closed"), tr("table.share"), tr("table.moneyDue")]}>
          {d.provinces.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2">
                <Link className="text-blue-800 underline" to={`/province/${p.slug}`}>{p.name}</Link>
              </td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.cases)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.open)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.closed)}</td>
              <td className="px-3 py-2"><ShareBar share={p.cases ? p.closed / p.cases : 0} label={tr("stat.closedShare")} /></td>
              <td className="px-3 py-2 tabular-nums">{formatDong(p.moneyDue)}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
