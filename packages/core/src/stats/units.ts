/** The unit a statistics page or export is about, and who may read its statistics. */
import type { TxSql } from "@thads/db";
import { unitByCode, type StatUnit } from "./readers.ts";
import { canViewProvince, canViewUnit, isNational, type MembershipRef } from "@thads/domain";

/** May the user read this unit's statistics (the same rule as its page)? */
export function mayReadStats(memberships: MembershipRef[], unit: StatUnit): boolean {
  if (unit.kind === "national") return isNational(memberships);
  if (unit.kind === "province") return canViewProvince(memberships, unit.merged_into_id ?? unit.id);
  return unit.province_id !== null && canViewUnit(memberships, { id: unit.id, provinceId: unit.province_id });
}

export async function resolveUnit(tx: TxSql, code: string): Promise<StatUnit | null> {
  return unitByCode(tx, code);
}

/** The nation's unit (the directorate), as the national dashboard reads it. */
export async function nationUnit(tx: TxSql): Promise<StatUnit | null> {
  const [nation] = await tx<StatUnit[]>`
    select id, kind, code, name, province_id, merged_into_id, dissolved_on::text from public.units where kind = 'national' limit 1`;
  return nation ?? null;
}

export type { StatUnit };
