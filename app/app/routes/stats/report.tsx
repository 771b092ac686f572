import { useLoaderData } from "react-router";
import { formatCount, formatDong } from "@thads/domain/labels";
import type { Route } from "./+types/report";
import { drillHref, ExportLinks, PeriodForm, rateText } from "./stats-ui.tsx";
import { useMessages } from "../../i18n.ts";
import { statsMessages } from "./messages.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { mayReadStats, periodFrom, reportRows, resolveUnit } from "@thads/core/stats";
import { FORM_COLUMNS, FORM_TITLES, viDate } from "./forms.ts";

/** The two official forms of a unit for a period, printable (the browser's print to PDF). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const code = params.get("unit") ?? "";
  if (!/^[A-Z0-9_-]{2,40}$/.test(code)) notFound();
  const period = periodFrom(params, todayVn());
  return asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) notFound();
    if (!mayReadStats(user.memberships, unit)) forbidden();
    return {
      unit: { code: unit.code, name: unit.name },
      from: period.from,
      to: period.to,
      errors: period.errors,
      rows: await reportRows(tx, unit, period.from, period.to),
    };
  });
}

export default function StatsReport() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(statsMessages);
  return (
    <div className="print:text-[10px]">
      <PeriodForm from={d.from} to={d.to} errors={d.errors} hidden={{ unit: d.unit.code }} />
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          {m("report.print")}
        </button>
        <ExportLinks unitCode={d.unit.code} from={d.from} to={d.to} />
      </div>
      {(["cases", "money"] as const).map((side) => (
        <section key={side} className="mb-10 break-after-page">
          <h1 className="text-center text-lg font-bold uppercase">{FORM_TITLES[side]}</h1>
          <p className="text-center">{d.unit.name}</p>
          <p className="mb-3 text-center">
            Kỳ báo cáo: từ ngày {viDate(d.from)} đến ngày {viDate(d.to)}
          </p>
          <div className="overflow-x-auto">
            <table className="min-w-full border-collapse border border-slate-400 text-xs" data-testid={`report-${side}`}>
              <thead>
                <tr>
                  <th className="border border-slate-400 px-1 py-1">Đơn vị</th>
                  {FORM_COLUMNS.map((c) => (
                    <th key={c.key} className="border border-slate-400 px-1 py-1">
                      {c.vi}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.code} className={r.total ? "font-bold" : undefined}>
                    <td className="border border-slate-400 px-1 py-1">{r.name}</td>
                    {FORM_COLUMNS.map((c) => (
                      <td key={c.key} className="border border-slate-400 px-1 py-1 text-right tabular-nums">
                        {c.key === "rate" ? (
                          rateText(side === "cases" ? r.casesRate : r.moneyRate)
                        ) : (
                          <a href={drillHref(c.key, r.code, d.from, d.to)} className="print:no-underline">
                            {side === "cases" ? formatCount(BigInt(r.cases[c.key])) : formatDong(r.money[c.key])}
                          </a>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
