import { Link, useLoaderData } from "react-router";
import { formatCount, hasRole, isNational } from "@thads/domain";
import type { Route } from "./+types/steering-national";
import { PageHeader, Section, Stat, StatGrid, Table } from "../components/ui.tsx";
import { useLang } from "../i18n.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";
import { loadNationalSteering } from "@thads/core/steering";

/** The directorate's view: every committee's list, and overdue directives per province. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isNational(user.memberships)) forbidden();
  const d = await asUser(user, (tx) => loadNationalSteering(tx, todayVn()));
  return { ...d, canManage: hasRole(user.memberships, "national_admin") };
}

export default function SteeringNational() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const sum = (k: "flagged" | "open_directives" | "overdue") => d.committees.reduce((a, c) => a + c[k], 0);
  return (
    <>
      <PageHeader title={vi ? "Ban Chỉ đạo THADS toàn quốc" : "Steering committees nationwide"} />
      {d.canManage ? <p className="-mt-4 mb-6 text-sm"><Link className="text-blue-800 underline" to="/steering/committees">{vi ? "Quản lý Ban Chỉ đạo và thành viên" : "Manage committees and members"}</Link></p> : null}
      <StatGrid>
        <Stat label={vi ? "Ban Chỉ đạo" : "Committees"} value={formatCount(d.committees.length)} />
        <Stat label={vi ? "Vụ việc đang theo dõi" : "Flagged cases"} value={formatCount(sum("flagged"))} testId="stat-flagged" />
        <Stat label={vi ? "Ý kiến chỉ đạo chưa trả lời" : "Open directives"} value={formatCount(sum("open_directives"))} />
        <Stat label={vi ? "Ý kiến chỉ đạo quá hạn" : "Overdue directives"} value={formatCount(sum("overdue"))} testId="stat-overdue" />
      </StatGrid>
      <Section title={vi ? "Danh sách theo dõi của các Ban Chỉ đạo" : "Every committee's list"}>
        <Table head={vi ? ["Ban Chỉ đạo", "Đang theo dõi", "Chờ xem xét", "Chỉ đạo chưa trả lời", "Quá hạn"] : ["Committee", "Flagged", "Proposed", "Open directives", "Overdue"]}>
          {d.committees.map((c) => (
            <tr key={c.id} data-testid="committee-row">
              <td className="px-3 py-2"><Link className="text-blue-800 underline" to={`/steering?committee=${c.id}`}>{c.name}</Link></td>
              <td className="px-3 py-2 tabular-nums">{formatCount(c.flagged)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(c.proposed)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(c.open_directives)}</td>
              <td className={`px-3 py-2 tabular-nums ${c.overdue ? "font-semibold text-red-700" : ""}`}>{formatCount(c.overdue)}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={vi ? "Ý kiến chỉ đạo quá hạn theo tỉnh" : "Overdue directives per province"}>
        <Table head={vi ? ["Tỉnh", "Chưa trả lời", "Quá hạn"] : ["Province", "Open", "Overdue"]}>
          {d.provinces.map((p) => (
            <tr key={p.province_id} data-testid="province-overdue">
              <td className="px-3 py-2">{p.province_name}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.open)}</td>
              <td className={`px-3 py-2 tabular-nums ${p.overdue ? "font-semibold text-red-700" : ""}`}>{formatCount(p.overdue)}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
