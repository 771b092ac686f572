import { useLoaderData } from "react-router";
import { formatDateVi } from "@thads/domain/labels";
import type { Route } from "./+types/report";
import { drillHref, ExportLinks, MONEY, OWN, PeriodForm } from "./stats-ui.tsx";
import { useMessages } from "../../i18n.ts";
import { statsMessages } from "./messages.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { breakdownRows, mayReadStats, periodFrom, reportIssuer, reportRows, resolveUnit } from "@thads/core/stats";
import { BreakdownTable, DefinitionNotes } from "./breakdown-ui.tsx";
import { FORM_COLUMNS, FORM_PAPER, FORM_TITLES, formNumber, formRate, placeDateLine, printFontPx } from "./forms.ts";

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
      breakdown: await breakdownRows(tx, unit, period.from, period.to),
      issuer: await reportIssuer(tx, unit),
      today: todayVn(),
    };
  });
}

/**
 * On paper: A4 landscape, no navigation or buttons (print:hidden here and in the workspace shell),
 * the header and signatures blocks, the headings on every page, numbers on one line and a font
 * small enough for every column (printFontPx).
 */
const PRINT_CSS = `@page { size: A4 landscape; margin: 8mm; }
.report-form td.num { white-space: nowrap; }
@media print {
  .report-form table { font-size: var(--print-font); width: 100%; }
  .report-form thead { display: table-header-group; }
  .report-form th, .report-form td { padding: 1px 2px; }
  .report-form .name { min-width: 9em; }
  .report-form a { color: inherit; text-decoration: none; }
}`;

export default function StatsReport() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(statsMessages);
  const upper = (s: string) => s.toLocaleUpperCase("vi");
  return (
    <div className="print:text-[10px]">
      <style>{PRINT_CSS}</style>
      <PeriodForm from={d.from} to={d.to} errors={d.errors} hidden={{ unit: d.unit.code }} />
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          {m("report.print")}
        </button>
        <ExportLinks unitCode={d.unit.code} from={d.from} to={d.to} />
      </div>
      {(["cases", "money"] as const).map((side) => {
        const values = d.rows.map((r) =>
          FORM_COLUMNS.map((c) => (c.key === "rate" ? formRate(side === "cases" ? r.casesRate : r.moneyRate) : formNumber(r[side][c.key]))),
        );
        return (
          <section
            key={side}
            className={`report-form mb-10 ${side === "cases" ? "break-after-page" : ""}`}
            data-testid={`form-sheet-${side}`}
          >
            <div className="mb-3 hidden justify-between text-center print:flex" data-testid="print-header">
              <div>
                <p>{upper(d.issuer.superior)}</p>
                <p className="font-bold">{upper(d.unit.name)}</p>
              </div>
              <div>
                <p className="font-bold">{FORM_PAPER.nation}</p>
                <p className="font-bold underline">{FORM_PAPER.motto}</p>
              </div>
            </div>
            <h1 className="text-center text-lg font-bold uppercase print:text-sm">{FORM_TITLES[side]}</h1>
            <p className="text-center">{d.unit.name}</p>
            <p className="mb-3 text-center">
              Kỳ báo cáo: từ ngày {formatDateVi(d.from)} đến ngày {formatDateVi(d.to)}
            </p>
            <div className="overflow-x-auto print:overflow-visible">
              <table
                className="min-w-full border-collapse border border-slate-400 text-xs"
                data-testid={`report-${side}`}
                style={{ "--print-font": `${printFontPx(values)}px` } as React.CSSProperties}
              >
                <thead>
                  <tr>
                    <th className="name min-w-56 border border-slate-400 px-1 py-1">Đơn vị</th>
                    {FORM_COLUMNS.map((c) => (
                      <th key={c.key} className="border border-slate-400 px-1 py-1">
                        {c.vi}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r, i) => (
                    <tr key={`${r.code}${r.total ? "-total" : r.bureau ? "-own" : ""}`} className={r.total ? "font-bold" : undefined}>
                      <td className="name min-w-56 border border-slate-400 px-1 py-1">{r.name}</td>
                      {FORM_COLUMNS.map((c, j) => (
                        <td key={c.key} className="num border border-slate-400 px-1 py-1 text-right tabular-nums">
                          {c.key === "rate" ? (
                            values[i]![j]
                          ) : (
                            <a
                              href={drillHref(c.key, r.code, d.from, d.to, {
                                ...(side === "money" ? MONEY : {}),
                                ...(r.bureau ? OWN : {}),
                              })}
                              className="print:no-underline"
                            >
                              {values[i]![j]}
                            </a>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="mt-4 hidden grid-cols-2 text-center print:grid" data-testid="print-signatures">
              <p className="col-start-2 italic">{placeDateLine(d.issuer.place, d.today)}</p>
              <div>
                <p className="font-bold">{FORM_PAPER.preparer}</p>
                <p className="italic">{FORM_PAPER.preparerNote}</p>
              </div>
              <div>
                <p className="font-bold">{FORM_PAPER.head}</p>
                <p className="italic">{FORM_PAPER.headNote}</p>
              </div>
            </div>
          </section>
        );
      })}
      <BreakdownTable side="cases" rows={d.breakdown} />
      <BreakdownTable side="money" rows={d.breakdown} />
      <DefinitionNotes />
    </div>
  );
}
