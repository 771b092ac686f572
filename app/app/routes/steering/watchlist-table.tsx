import { Form, Link, useLoaderData } from "react-router";
import { FLAG_REASONS, FLAG_REASON_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import { Section, Table } from "../../components/ui.tsx";
import { caseStatusLabel, useLang, useMessages } from "../../i18n.ts";
import { STEP_LABELS } from "../../labels.ts";
import { steeringMessages } from "./messages.ts";
import type { loader } from "./watchlist.tsx";
import { WrappingField, inputCls, reasonLabel } from "./steering-ui.tsx";

/** The committee's watchlist, most at risk first, with its filters. */
export function WatchlistTable({ committeeId }: { committeeId: string }) {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(steeringMessages);
  return (
    <Section title={m("watch.list")}>
      <Form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm" role="search">
        <input type="hidden" name="committee" value={committeeId} />
        <WrappingField label={m("watch.filter.q")}>
          <input name="q" defaultValue={d.filters.q} className={inputCls} />
        </WrappingField>
        <WrappingField label={m("common.reason")}>
          <select name="reason" defaultValue={d.filters.reason} className={inputCls}>
            <option value="">{m("common.all")}</option>
            {FLAG_REASONS.map((r) => (
              <option key={r} value={r}>
                {FLAG_REASON_LABELS[r][lang]}
              </option>
            ))}
          </select>
        </WrappingField>
        {d.provinces.length > 1 ? (
          <WrappingField label={m("common.province")}>
            <select name="province" defaultValue={d.filters.province} className={inputCls}>
              <option value="">{m("common.all")}</option>
              {d.provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </WrappingField>
        ) : null}
        <WrappingField label={m("watch.filter.only")}>
          <select name="only" defaultValue={d.filters.only} className={inputCls}>
            <option value="">{m("common.all")}</option>
            <option value="overdue">{m("watch.filter.overdue")}</option>
            <option value="missing">{m("watch.filter.missing")}</option>
          </select>
        </WrappingField>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1">
          {m("watch.filter.submit")}
        </button>
      </Form>
      {d.items.length === 0 ? (
        <p className="text-slate-600" data-testid="watchlist-empty">
          {m("watch.empty")}
        </p>
      ) : (
        <Table
          head={[
            m("watch.col.risk"),
            m("common.case"),
            m("watch.col.unit"),
            m("common.status"),
            m("common.due"),
            m("common.collected"),
            m("watch.col.nextDeadline"),
            m("common.lastAction"),
            m("watch.col.directives"),
            m("watch.col.reports"),
          ]}
        >
          {d.items.map((i) => (
            <tr
              key={i.flagId}
              data-testid="watch-row"
              data-case-number={i.caseNumber}
              data-province={i.provinceName}
              className={i.overdueDirectives > 0 ? "bg-red-50" : ""}
            >
              <td className="px-3 py-2 tabular-nums font-semibold">{i.risk}</td>
              <td className="px-3 py-2">
                <Link className="text-blue-800 underline" to={`/steering/flags/${i.flagId}`}>
                  {i.caseNumber}
                </Link>
                <div className="text-xs text-slate-600">
                  {i.debtorName} · {reasonLabel(i.reason, lang)}
                </div>
              </td>
              <td className="px-3 py-2">
                {i.provinceName}
                <div className="text-xs text-slate-600">{i.unitName}</div>
              </td>
              <td className="px-3 py-2">{caseStatusLabel(lang, i.status)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(i.moneyDue)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(i.moneyCollected)}</td>
              <td className="px-3 py-2 tabular-nums">{i.nextDeadlineOn ? formatDateVi(i.nextDeadlineOn) : "—"}</td>
              <td className="px-3 py-2">
                {i.lastActionOn ? (
                  <>
                    {STEP_LABELS[i.lastActionKind ?? ""]?.[lang] ?? i.lastActionKind} · {formatDateVi(i.lastActionOn)}
                    <div className="text-xs text-slate-600">{m("watch.daysAgo", { days: String(i.daysSinceAction) })}</div>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 tabular-nums">
                {i.openDirectives}
                {i.overdueDirectives > 0 ? (
                  <span className="ml-1 font-semibold text-red-700" data-testid="overdue-count">
                    {m("common.overdueCount", { count: i.overdueDirectives })}
                  </span>
                ) : null}
              </td>
              <td className={`px-3 py-2 ${i.missingReports > 0 ? "font-semibold text-red-700" : ""}`} title={i.missingPeriods.join(", ")}>
                {i.missingReports > 0 ? m("watch.missingReports", { count: i.missingReports }) : m("common.upToDate")}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
