import { Link, useLoaderData } from "react-router";
import { formatCount, hasRole, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/national";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { loadNationalSteering } from "@thads/core/steering";
import { steeringMessages } from "./messages.ts";

/** The directorate's view: every committee's list, and overdue directives per province. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isNational(user.memberships)) forbidden();
  const d = await asUser(user, (tx) => loadNationalSteering(tx, todayVn()));
  return { ...d, canManage: hasRole(user.memberships, "national_admin") };
}

export default function SteeringNational() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(steeringMessages);
  const sum = (k: "flagged" | "open_directives" | "overdue") => d.committees.reduce((a, c) => a + c[k], 0);
  return (
    <>
      <PageHeader title={m("national.title")} />
      {d.canManage ? (
        <p className="-mt-4 mb-6 text-sm">
          <Link className="text-blue-800 underline" to="/steering/committees">
            {m("national.manage")}
          </Link>
        </p>
      ) : null}
      <StatGrid>
        <Stat label={m("national.committees")} value={formatCount(d.committees.length)} />
        <Stat label={m("stat.flagged")} value={formatCount(sum("flagged"))} testId="stat-flagged" />
        <Stat label={m("stat.openDirectives")} value={formatCount(sum("open_directives"))} />
        <Stat label={m("stat.overdueDirectives")} value={formatCount(sum("overdue"))} testId="stat-overdue" />
      </StatGrid>
      <Section title={m("national.lists")}>
        <Table
          head={[
            m("common.committee"),
            m("national.col.flagged"),
            m("national.col.proposed"),
            m("national.col.openDirectives"),
            m("common.overdue"),
          ]}
        >
          {d.committees.map((c) => (
            <tr key={c.id} data-testid="committee-row">
              <td className="px-3 py-2">
                <Link className="text-blue-800 underline" to={`/steering?committee=${c.id}`}>
                  {c.name}
                </Link>
              </td>
              <td className="px-3 py-2 tabular-nums">{formatCount(c.flagged)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(c.proposed)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(c.open_directives)}</td>
              <td className={`px-3 py-2 tabular-nums ${c.overdue ? "font-semibold text-red-700" : ""}`}>{formatCount(c.overdue)}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={m("national.byProvince")}>
        <Table head={[m("common.province"), m("national.col.open"), m("common.overdue")]}>
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
