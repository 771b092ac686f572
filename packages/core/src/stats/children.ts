/**
 * The children of a unit with their figures for the period, the same period a year earlier and
 * their targets: the provinces of the nation, or the offices (and former provinces) of a province.
 */
import type { TxSql } from "@thads/db";
import { readStats, type StatDim, type StatUnit } from "./readers.ts";
import { bureauOwnName } from "./units.ts";
import { addStats, byUnitName, completionRate, samePeriodLastYear, STAT_FIGURES, statYearOf, type UnitStats } from "@thads/domain";
import { toFigures, toStatsZero, type Figures } from "./figures.ts";
import { predecessorsOf, type Predecessor } from "./predecessors.ts";

export interface ChildRow extends Figures {
  id: string;
  code: string;
  name: string;
  slug: string | null;
  /** Dissolved: a former province merged into this one, or a former office. */
  former: boolean;
  /** The province's own row: the cases its bureau holds itself, not (yet) given to an office. */
  bureau: boolean;
  target: { cases: string; money: string } | null;
  /** Same period a year earlier: the unit's own figures and its predecessors' (ADR 029). */
  previous: { casesRate: string | null; moneyRate: string | null };
  /** The units it took over from in a reorganisation, whose figures its last year includes. */
  predecessors: Predecessor[];
}

export async function childrenStats(
  tx: TxSql,
  parent: StatUnit,
  from: string,
  to: string,
  dim: StatDim = "all",
  /** The children's figures for the period when read elsewhere (readStatsByDim). */
  current?: Map<string, UnitStats> | Promise<Map<string, UnitStats>>,
): Promise<ChildRow[]> {
  const nation = parent.kind === "national";
  const childrenWhere = nation
    ? tx`kind = 'province' and dissolved_on is null`
    : tx`province_id = ${parent.id} and id <> ${parent.id} and (kind = 'subunit' or merged_into_id is not null)`;
  const groupBy = nation ? "province" : "unit";
  const scope = nation ? undefined : { provinceIds: [parent.id] };
  const prev = samePeriodLastYear({ from, to });
  const year = statYearOf(to);
  // The children, their figures now and a year before, and their targets: all at once.
  const [rows, now, before, targets] = await Promise.all([
    tx<{ id: string; code: string; name: string; slug: string | null; merged_into_id: string | null; dissolved_on: string | null }[]>`
      select id, code, name, slug, merged_into_id, dissolved_on::text from public.units where ${childrenWhere} order by kind desc, code`,
    current ?? readStats(tx, { scope, dim, from, to, groupBy }),
    readStats(tx, { scope, dim, from: prev.from, to: prev.to, groupBy }),
    tx<{ unit_id: string; cases_rate: string; money_rate: string }[]>`
      select unit_id, cases_rate::text, money_rate::text from public.stat_targets
      where stat_year = ${year} and unit_id in (select id from public.units where ${childrenWhere})`,
  ]);
  // Provinces by place name (Vietnamese order); a province's offices by code, former units after.
  const children = nation ? byUnitName(rows) : rows;
  // A former unit is listed for the periods it has figures in (its last years go to its successors').
  const inPeriod = (id: string) => {
    const s = now.get(id);
    return s !== undefined && STAT_FIGURES.some((f) => s.cases[f] !== 0n || s.money[f] !== 0n);
  };
  const inOperation = (c: (typeof children)[number]) => c.merged_into_id === null && c.dissolved_on === null;
  const listed = [...children.filter(inOperation), ...children.filter((c) => !inOperation(c) && inPeriod(c.id))];
  // A unit's last year adds its predecessors' figures (ADR 029). A former province's figures are
  // kept under its successor's tenant key, so the nation's rows by province hold them already and
  // find no row of their own to add.
  const predecessors = await predecessorsOf(
    tx,
    listed.map((c) => c.id),
  );
  const t = new Map(targets.map((x) => [x.unit_id, { cases: x.cases_rate, money: x.money_rate }]));
  const zero = toStatsZero();
  // A province's offices add up to the province only with the cases its bureau holds itself (an
  // entrusted case before its assignment to an office): their row, when it has any figure.
  const ownRow =
    !nation && (now.has(parent.id) || before.has(parent.id))
      ? [
          {
            id: parent.id,
            code: parent.code,
            name: bureauOwnName(parent.name),
            slug: null,
            merged_into_id: null,
            dissolved_on: null,
            bureau: true,
          },
        ]
      : [];
  return [...listed.map((c) => ({ ...c, bureau: false })), ...ownRow].map((c) => {
    const s = now.get(c.id) ?? zero;
    const preds = c.bureau ? [] : (predecessors.get(c.id) ?? []);
    const p = preds.reduce((sum, x) => (before.has(x.id) ? addStats(sum, before.get(x.id)!) : sum), before.get(c.id) ?? zero);
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      slug: c.slug,
      // A merged province, or an office dissolved in a reorganisation: shown with its history.
      former: c.merged_into_id !== null || c.dissolved_on !== null,
      bureau: c.bureau,
      ...toFigures(s),
      target: t.get(c.id) ?? null,
      previous: { casesRate: completionRate(p.cases), moneyRate: completionRate(p.money) },
      predecessors: preds,
    };
  });
}
