/** Sections of a province's home: its offices' figures, oversight and the one-stop desk, its executors. */
import { Link, type useLoaderData } from "react-router";
import { formatCount, formatDecimal, formatDong, formatPercent } from "@thads/domain/labels";
import { onTimeShare } from "@thads/core/workspace/desk-figures";
import { Section, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { drillHref, MONEY, OWN, PredecessorsNote, RateBadge } from "../stats/stats-ui.tsx";
import { workspaceMessages } from "./messages.ts";
import type { loader } from "./province.tsx";

type ProvinceData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The province's offices with their figures, each opening the cases it counts. */
export function SubunitTable({ d }: { d: ProvinceData }) {
  const m = useMessages(workspaceMessages);
  return (
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
                {u.bureau ? (
                  <span data-testid="bureau-own">{u.name}</span>
                ) : u.former ? (
                  <span>
                    {u.name} <span className="text-xs text-slate-500">({m("province.merged")})</span>
                  </span>
                ) : (
                  <Link className="text-blue-800 underline" to={`/unit/${u.code}`}>
                    {u.name}
                  </Link>
                )}
                <PredecessorsNote predecessors={u.predecessors} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                <Link to={drillHref("to_enforce", u.code, d.from, d.to, u.bureau ? OWN : {})}>
                  {formatCount(BigInt(u.cases.to_enforce))}
                </Link>
              </td>
              <td className="px-3 py-2 tabular-nums">
                <Link to={drillHref("enforceable", u.code, d.from, d.to, u.bureau ? OWN : {})}>
                  {formatCount(BigInt(u.cases.enforceable))}
                </Link>
              </td>
              <td className="px-3 py-2">
                <RateBadge rate={u.casesRate} target={u.target?.cases} previous={u.previous.casesRate} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                <Link to={drillHref("enforceable", u.code, d.from, d.to, u.bureau ? { ...MONEY, ...OWN } : MONEY)}>
                  {formatDong(u.money.enforceable)}
                </Link>
              </td>
              <td className="px-3 py-2">
                <RateBadge rate={u.moneyRate} target={u.target?.money} previous={u.previous.moneyRate} />
              </td>
              <td className="px-3 py-2 tabular-nums">
                <Link to={drillHref("carried_to_next", u.code, d.from, d.to, u.bureau ? OWN : {})}>
                  {formatCount(BigInt(u.cases.carried_to_next))}
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </Section>
  );
}

/** Links to the province's oversight lists, and its one-stop desk's figures. */
export function OversightAndDesk({ d }: { d: ProvinceData }) {
  const m = useMessages(workspaceMessages);
  return (
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
              {formatCount(d.desk.closedOnTime)} ({formatPercent(onTimeShare(d.desk))})
            </dd>
            <dt>{m("desk.closedLate")}</dt>
            <dd className="text-right tabular-nums">{formatCount(d.desk.closedLate)}</dd>
            <dt>{m("desk.openOverdue")}</dt>
            <dd className="text-right tabular-nums">{formatCount(d.desk.openOverdue)}</dd>
            <dt>{m("desk.rating")}</dt>
            <dd className="text-right tabular-nums">
              {formatDecimal(d.desk.averageRating)} ({formatCount(d.desk.ratings)})
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
  );
}

/** The province's executors with their open and finished cases and the money they collected. */
export function ExecutorList({ d }: { d: ProvinceData }) {
  const m = useMessages(workspaceMessages);
  return (
    <Section title={m("province.executors")}>
      <details>
        <summary className="cursor-pointer text-sm text-blue-800">{m("province.executorCount", { count: d.executorRows.length })}</summary>
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
  );
}
