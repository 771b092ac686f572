/**
 * The breakdown table of a form (each split's parts, then their sum, the unit's line) and the notes
 * on how each line is defined; both texts come from the domain (STAT_BREAKDOWN_*, STAT_DEFINITIONS),
 * like the exports and docs/api.md.
 */
import { Fragment } from "react";
import { STAT_BREAKDOWN_GROUP_LABELS, STAT_DEFINITION_KEYS, STAT_DEFINITIONS } from "@thads/domain/labels";
import { useLang } from "../../i18n.ts";
import { BREAKDOWN_TITLES, DEFINITIONS_TITLE, FORM_COLUMNS, formNumber, formRate, printFontPx } from "./forms.ts";

export interface BreakdownRowView {
  group: string;
  code: string;
  name: string;
  total: boolean;
  cases: Record<string, string>;
  money: Record<string, string>;
  casesRate: string | null;
  moneyRate: string | null;
}

export function BreakdownTable({ side, rows }: { side: "cases" | "money"; rows: BreakdownRowView[] }) {
  const values = rows.map((r) =>
    FORM_COLUMNS.map((c) => (c.key === "rate" ? formRate(side === "cases" ? r.casesRate : r.moneyRate) : formNumber(r[side][c.key]!))),
  );
  return (
    <section className="report-form mb-10" data-testid={`breakdown-${side}`}>
      <h2 className="text-center font-bold uppercase print:text-sm">{BREAKDOWN_TITLES[side]}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <div tabIndex={0} className="overflow-x-auto print:overflow-visible">
        <table
          className="min-w-full border-collapse border border-slate-400 text-xs"
          style={{ "--print-font": `${printFontPx(values)}px` } as React.CSSProperties}
        >
          <thead>
            <tr>
              <th className="name min-w-56 border border-slate-400 px-1 py-1">Phân tích</th>
              {FORM_COLUMNS.map((c) => (
                <th key={c.key} className="border border-slate-400 px-1 py-1">
                  {c.vi}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <Fragment key={`${r.group}-${r.code}`}>
                {i === 0 || rows[i - 1]!.group !== r.group ? (
                  <tr key={`${r.group}-head`}>
                    <th colSpan={FORM_COLUMNS.length + 1} className="border border-slate-400 bg-slate-50 px-1 py-1 text-left">
                      {STAT_BREAKDOWN_GROUP_LABELS[r.group as keyof typeof STAT_BREAKDOWN_GROUP_LABELS].vi}
                    </th>
                  </tr>
                ) : null}
                <tr className={r.total ? "font-bold" : undefined} data-part={r.code}>
                  <td className="name min-w-56 border border-slate-400 px-1 py-1">{r.name}</td>
                  {FORM_COLUMNS.map((c, j) => (
                    <td key={c.key} className="num border border-slate-400 px-1 py-1 text-right tabular-nums">
                      {values[i]![j]}
                    </td>
                  ))}
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** How each line is defined, in the page's language (Vietnamese on paper). */
export function DefinitionNotes() {
  const lang = useLang();
  return (
    <section className="mb-10 text-sm" data-testid="stat-definitions">
      <h2 className="font-bold">{DEFINITIONS_TITLE[lang]}</h2>
      <ul className="list-disc pl-6">
        {STAT_DEFINITION_KEYS.map((k) => (
          <li key={k}>{STAT_DEFINITIONS[k][lang]}</li>
        ))}
      </ul>
    </section>
  );
}
