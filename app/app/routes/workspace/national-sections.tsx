/** Sections of the national dashboard: the provinces' league table, the one-stop desks by province, a category's panel. */
import { Link, type useLoaderData } from "react-router";
import { formatCount, formatDecimal, formatDong, formatPercent } from "@thads/domain/labels";
import { onTimeShare } from "@thads/core/workspace/desk-figures";
import { Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { drillHref, MONEY, PredecessorsNote, RateBadge } from "../stats/stats-ui.tsx";
import { workspaceMessages } from "./messages.ts";
import type { loader } from "./national.tsx";

type NationalData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The 34 provinces by cases rate, those more than 5 points below their target marked and named below. */
export function LeagueTable({
  provinces,
  from,
  to,
  keep,
}: {
  provinces: NationalData["provinces"];
  from: string;
  to: string;
  keep: string;
}) {
  const m = useMessages(workspaceMessages);
  const low = provinces.filter((p) => p.casesRate !== null && p.target && Number(p.casesRate) < Number(p.target.cases) - 5);
  return (
    <>
      <div data-testid="league">
        <Table
          head={[
            m("col.unit"),
            m("col.toEnforceCases"),
            m("col.enforceableCases"),
            m("col.completedCases"),
            m("col.rateCasesTarget"),
            m("col.enforceableMoney"),
            m("col.completedMoney"),
            m("col.rateMoneyTarget"),
            m("col.carriedCases"),
          ]}
        >
          {[...provinces]
            .sort((a, b) => Number(b.casesRate ?? -1) - Number(a.casesRate ?? -1))
            .map((p) => {
              const isLow = low.includes(p);
              return (
                <tr key={p.id} className={isLow ? "bg-red-50" : undefined} data-low={isLow ? "1" : undefined}>
                  <td className="px-3 py-2">
                    <Link className="text-blue-800 underline" to={`/province/${p.slug}${keep}`}>
                      {p.name}
                    </Link>
                    <PredecessorsNote predecessors={p.predecessors} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link to={drillHref("to_enforce", p.code, from, to)}>{formatCount(BigInt(p.cases.to_enforce))}</Link>
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link to={drillHref("enforceable", p.code, from, to)}>{formatCount(BigInt(p.cases.enforceable))}</Link>
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link to={drillHref("done", p.code, from, to)}>
                      {formatCount(BigInt(p.cases.completed) + BigInt(p.cases.terminated))}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <RateBadge rate={p.casesRate} target={p.target?.cases} previous={p.previous.casesRate} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link to={drillHref("enforceable", p.code, from, to, MONEY)}>{formatDong(p.money.enforceable)}</Link>
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link to={drillHref("done", p.code, from, to, MONEY)}>
                      {formatDong(BigInt(p.money.completed) + BigInt(p.money.terminated))}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <RateBadge rate={p.moneyRate} target={p.target?.money} previous={p.previous.moneyRate} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link to={drillHref("carried_to_next", p.code, from, to)}>{formatCount(BigInt(p.cases.carried_to_next))}</Link>
                  </td>
                </tr>
              );
            })}
        </Table>
      </div>
      {low.length ? (
        <p className="mt-2 text-sm text-red-800" data-testid="low-performers">
          {m("national.lowPerformers")} {low.map((p) => p.name).join("; ")}
        </p>
      ) : null}
    </>
  );
}

/** Requests filed at each province's one-stop desk in the period, and the cases on its steering lists. */
export function OversightTable({ rows, total }: { rows: NationalData["oversight"]; total: NationalData["deskTotal"] }) {
  const m = useMessages(workspaceMessages);
  return (
    <>
      <div data-testid="oversight-table">
        <Table
          head={[
            m("oversight.province"),
            m("oversight.received"),
            m("oversight.online"),
            m("oversight.onTime"),
            m("oversight.late"),
            m("oversight.rating"),
            m("oversight.flagged"),
          ]}
        >
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2">{p.name}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.desk?.received ?? 0)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.desk?.online ?? 0)}</td>
              <td className="px-3 py-2 tabular-nums">{formatPercent(p.desk ? onTimeShare(p.desk) : null)}</td>
              <td className="px-3 py-2 tabular-nums">
                {formatCount(p.desk?.closedLate ?? 0)} / {formatCount(p.desk?.openOverdue ?? 0)}
              </td>
              <td className="px-3 py-2 tabular-nums">{formatDecimal(p.desk?.averageRating)}</td>
              <td className="px-3 py-2 tabular-nums">{formatCount(p.flagged)}</td>
            </tr>
          ))}
        </Table>
      </div>
      <p className="mt-2 text-sm">
        {m("oversight.nation", {
          received: formatCount(total.received),
          onTime: formatPercent(onTimeShare(total)),
          rating: formatDecimal(total.averageRating),
        })}
      </p>
    </>
  );
}

/** A category's figures (bank credit, corruption), each count linking to its cases. */
export function Panel({
  f,
  link,
  testId,
}: {
  f: NationalData["bank"];
  link: (fig: "enforceable" | "completed" | "carried_to_next") => string;
  testId: string;
}) {
  const m = useMessages(workspaceMessages);
  return (
    <dl className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid={testId}>
      <dt>{m("panel.enforceableCases")}</dt>
      <dd className="text-right tabular-nums">
        <Link className="text-blue-800 underline" to={link("enforceable")}>
          {formatCount(BigInt(f.cases.enforceable))}
        </Link>
      </dd>
      <dt>{m("panel.completedCases")}</dt>
      <dd className="text-right tabular-nums">
        <Link className="text-blue-800 underline" to={link("completed")}>
          {formatCount(BigInt(f.cases.completed))}
        </Link>
      </dd>
      <dt>{m("panel.enforceableMoney")}</dt>
      <dd className="text-right tabular-nums">{formatDong(f.money.enforceable)}</dd>
      <dt>{m("panel.collectedMoney")}</dt>
      <dd className="text-right tabular-nums">{formatDong(f.money.completed)}</dd>
      <dt>{m("panel.rates")}</dt>
      <dd className="text-right">
        <RateBadge rate={f.casesRate} /> · <RateBadge rate={f.moneyRate} />
      </dd>
      <dt>{m("panel.carriedCases")}</dt>
      <dd className="text-right tabular-nums">
        <Link className="text-blue-800 underline" to={link("carried_to_next")}>
          {formatCount(BigInt(f.cases.carried_to_next))}
        </Link>
      </dd>
    </dl>
  );
}
