/**
 * The two official forms (by cases, by money) for a unit and period as rows: the unit's offices or
 * provinces, then the unit's total. Shared by the printable page and the .xlsx / .csv / .pdf exports.
 */
import type { TxSql } from "@thads/db";
import type { StatUnit } from "./readers.ts";
import { childrenStats } from "./children.ts";
import { toFigures, unitBreakdown, unitStats, type Figures } from "./figures.ts";
import { STAT_BREAKDOWN_GROUP_LABELS, STAT_BREAKDOWN_GROUPS, STAT_BREAKDOWN_LABELS } from "@thads/domain";

export interface ReportRow extends Figures {
  code: string;
  name: string;
  total: boolean;
  /** A province's own row (its bureau's cases, not given to an office): its figures open with statOwn=1. */
  bureau?: boolean;
}

export async function reportRows(tx: TxSql, unit: StatUnit, from: string, to: string): Promise<ReportRow[]> {
  const children = unit.kind === "subunit" || unit.merged_into_id !== null ? [] : await childrenStats(tx, unit, from, to);
  const total = toFigures(await unitStats(tx, unit, from, to));
  return [
    ...children.map((c) => ({
      code: c.code,
      name: c.name,
      total: false,
      bureau: c.bureau,
      cases: c.cases,
      money: c.money,
      casesRate: c.casesRate,
      moneyRate: c.moneyRate,
    })),
    { code: unit.code, name: unit.kind === "national" ? "Toàn quốc" : `Tổng cộng: ${unit.name}`, total: true, ...total },
  ];
}

/**
 * The breakdown table of a unit and period: for each split (decision kind, judgment type) its parts
 * and then their sum, which is the unit's line (`group` names the split). Shared like reportRows.
 */
export async function breakdownRows(tx: TxSql, unit: StatUnit, from: string, to: string): Promise<(ReportRow & { group: string })[]> {
  const { line, parts } = await unitBreakdown(tx, unit, from, to);
  const total = toFigures(line);
  return (Object.keys(STAT_BREAKDOWN_GROUPS) as (keyof typeof STAT_BREAKDOWN_GROUPS)[]).flatMap((group) => [
    ...STAT_BREAKDOWN_GROUPS[group].map((part) => ({
      group,
      code: part,
      name: STAT_BREAKDOWN_LABELS[part].vi,
      total: false,
      ...toFigures(parts[part]),
    })),
    {
      group,
      code: `${group}:total`,
      name: `Cộng (${STAT_BREAKDOWN_GROUP_LABELS[group].vi.toLocaleLowerCase("vi")})`,
      total: true,
      ...total,
    },
  ]);
}
