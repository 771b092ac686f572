/**
 * Yearly targets (chỉ tiêu): the directorate's admins set each province's, a province head sets
 * each office's. Row-level security decides who may write; each row carries its version so a
 * concurrent change is refused, and a resubmission of the same values is a no-op.
 */
import type { TxSql } from "@thads/db";
import type { StatUnit } from "./readers.ts";
import { byUnitName } from "@thads/domain";

/** One unit's target for a year (rates as text, two decimals). */
export async function targetOf(tx: TxSql, unitId: string, year: number) {
  const [row] = await tx<{ cases_rate: string; money_rate: string }[]>`
    select cases_rate::text, money_rate::text from public.stat_targets where unit_id = ${unitId} and stat_year = ${year}`;
  return row ? { cases: row.cases_rate, money: row.money_rate } : null;
}

/** The units a unit sets targets for: the provinces of the nation, or the current offices of a province. */
export async function targetChildren(tx: TxSql, unit: StatUnit): Promise<{ id: string; code: string; name: string }[]> {
  const nation = unit.kind === "national";
  const rows = await tx<{ id: string; code: string; name: string }[]>`
      select id, code, name from public.units
      where ${nation ? tx`kind = 'province' and dissolved_on is null` : tx`kind = 'subunit' and province_id = ${unit.id} and dissolved_on is null`}
      order by code`;
  return nation ? byUnitName(rows) : rows;
}

export interface TargetRow {
  unit_id: string;
  cases_rate: string;
  money_rate: string;
  version: string;
}

/** The targets of these units for a statistical year, with each row's version. */
export async function listTargets(tx: TxSql, year: number, unitIds: string[]): Promise<TargetRow[]> {
  return tx<TargetRow[]>`
    select unit_id, cases_rate::text, money_rate::text, version::text as version from public.stat_targets
    where stat_year = ${year} and unit_id = any (${unitIds}::uuid[])`;
}

/** A target to write: the rates parsed (decimal point), and the version the form was shown (null: new). */
export interface TargetInput {
  id: string;
  name: string;
  cases: string;
  money: string;
  version: string | null;
}

/** Some targets were changed meanwhile (units named), or the user may not write them (denied). */
export class TargetConflictError extends Error {
  constructor(
    readonly units: string[],
    readonly denied = false,
  ) {
    super("conflict");
  }
}

/**
 * Writes the targets of a year in the caller's transaction: an update of the version shown, or an
 * insert when there was none. A row not written because it already holds these values is fine;
 * any other is a conflict, thrown (so the caller's transaction rolls back) after all rows are tried.
 */
export async function saveTargets(tx: TxSql, a: { year: number; setBy: string; rows: TargetInput[] }): Promise<number> {
  const { year, rows } = a;
  const conflicts: string[] = [];
  for (const r of rows) {
    const written = r.version
      ? await tx`update public.stat_targets set cases_rate = ${r.cases}, money_rate = ${r.money}, set_by = ${a.setBy}, version = version + 1
                 where unit_id = ${r.id} and stat_year = ${year} and version = ${Number(r.version)} returning id`
      : await tx`insert into public.stat_targets (unit_id, stat_year, cases_rate, money_rate, set_by)
                 values (${r.id}, ${year}, ${r.cases}, ${r.money}, ${a.setBy}) on conflict (unit_id, stat_year) do nothing returning id`;
    if (written.length) continue;
    // Not written: already these values (a resubmission) is fine; anything else changed meanwhile.
    const [now] = await tx<{ same: boolean }[]>`
      select cases_rate = ${r.cases}::numeric and money_rate = ${r.money}::numeric as same
      from public.stat_targets where unit_id = ${r.id} and stat_year = ${year}`;
    if (!now?.same) conflicts.push(r.name);
  }
  if (conflicts.length) throw new TargetConflictError(conflicts);
  return rows.length;
}
