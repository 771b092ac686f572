import { Link, useLoaderData } from "react-router";
import { canViewUnit } from "@thads/domain";
import { formatCount, formatDong } from "@thads/domain/labels";
import { officeWorkload, unitBySlugOrCode } from "@thads/core/workspace";
import type { Route } from "./+types/workload";
import { PageHeader, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { workspaceMessages } from "./messages.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!/^[A-Z0-9_-]{2,40}$/.test(params.code)) notFound();
  const today = todayVn();
  return asUser(user, async (tx) => {
    const unit = await unitBySlugOrCode(tx, { code: params.code });
    if (!unit?.province_id) notFound();
    if (!canViewUnit(user.memberships, { id: unit.id, provinceId: unit.province_id })) forbidden();
    const { executors, unassigned } = await officeWorkload(tx, unit.id, today);
    return { unit: { name: unit.name, code: unit.code }, executors, unassigned };
  });
}

export default function Workload() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(workspaceMessages);
  const max = Math.max(1, ...d.executors.map((e) => e.open));
  return (
    <>
      <PageHeader
        title={m("workload.title", { unit: d.unit.name })}
        subtitle={m("workload.unassigned", { count: formatCount(d.unassigned) })}
      />
      <Table
        head={[m("workload.executor"), m("workload.open"), "", m("workload.outstanding"), m("workload.overdue"), m("workload.dueWeek")]}
      >
        {d.executors.map((e) => (
          <tr key={e.id} data-testid="workload-row">
            <td className="px-3 py-2">{e.full_name}</td>
            <td className="px-3 py-2 tabular-nums">
              <Link
                className="text-blue-800 underline"
                to={`/cases?unit=${d.unit.code}&executor=${e.id}&open=1`}
                aria-label={m("workload.openLink", { count: formatCount(e.open), name: e.full_name })}
                data-testid="workload-open"
              >
                {formatCount(e.open)}
              </Link>
            </td>
            <td className="px-3 py-2" aria-hidden="true">
              <div className="h-2 w-40 rounded bg-slate-200">
                <div className="h-2 rounded bg-sky-600" style={{ width: `${(100 * e.open) / max}%` }} />
              </div>
            </td>
            <td className="px-3 py-2 tabular-nums">{formatDong(e.outstanding)}</td>
            <td className={`px-3 py-2 tabular-nums ${e.overdue ? "font-semibold text-red-700" : ""}`}>
              <Link className="underline" to={`/cases?unit=${d.unit.code}&executor=${e.id}&open=1&overdue=1&sort=deadline_asc`}>
                {formatCount(e.overdue)}
              </Link>
            </td>
            <td className="px-3 py-2 tabular-nums">{formatCount(e.due_week)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
