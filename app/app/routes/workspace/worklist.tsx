import { Link, useLoaderData } from "react-router";
import { formatCount, hasRole } from "@thads/domain";
import { executorDirectives, executorWorklist } from "@thads/core/workspace";
import type { Route } from "./+types/worklist";
import { PageHeader, Stat, StatGrid } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { workspaceMessages } from "./messages.ts";
import { WorklistCases, WorklistDirectives } from "./worklist-sections.tsx";

/** The executor's home: his open cases by the deadline of their next step, and the directives waiting on him. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "executor")) forbidden();
  const today = todayVn();
  return asUser(user, async (tx) => {
    const worklist = await executorWorklist(tx, user.id, today);
    const directives = await executorDirectives(tx, user.id, today);
    return { name: user.fullName, executorId: user.id, ...worklist, directives };
  });
}

export default function Worklist() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(workspaceMessages);
  // The case list of exactly the cases counted here (the same definition of "open").
  const list = `/cases?executor=${d.executorId}&open=1&sort=deadline_asc`;
  return (
    <>
      <PageHeader title={m("worklist.title")} subtitle={m("worklist.subtitle", { name: d.name })} />
      <StatGrid>
        <Stat label={m("worklist.overdue")} value={formatCount(d.counts.overdue)} testId="worklist-overdue" />
        <Stat label={m("worklist.thisWeek")} value={formatCount(d.counts.thisWeek)} testId="worklist-this-week" />
        <Stat label={m("worklist.open")} value={formatCount(d.counts.open)} testId="worklist-open" />
        <Stat label={m("worklist.directives")} value={formatCount(d.directives.length)} testId="worklist-directives" />
      </StatGrid>
      <p className="mt-3 flex gap-4 text-sm">
        <Link className="text-blue-800 underline" to={`${list}&overdue=1`}>
          {m("worklist.overdue")}: {formatCount(d.counts.overdue)}
        </Link>
        <Link className="text-blue-800 underline" to={list}>
          {m("worklist.more", { count: formatCount(d.counts.open) })}
        </Link>
      </p>
      <WorklistDirectives items={d.directives} />
      <WorklistCases cases={d.cases} />
      {d.cases.length < d.counts.open ? (
        <p className="mt-3 text-sm">
          <Link className="text-blue-800 underline" to={list}>
            {m("worklist.more", { count: formatCount(d.counts.open) })}
          </Link>
        </p>
      ) : null}
    </>
  );
}
