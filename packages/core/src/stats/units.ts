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

/** Who issues a unit's report forms and where they are signed (the header and the date line of the paper forms). */
export interface ReportIssuer {
  /** The body above the unit, as the forms' header names it: the Ministry of Justice above the directorate and the provinces. */
  superior: string;
  /** The place before the date line (the province, or the directorate's city); null when not known. */
  place: string | null;
}

const PROVINCE_PREFIX = /^(?:Cục )?Thi hành án dân sự (?:tỉnh |thành phố )?/i;

export async function reportIssuer(tx: TxSql, unit: StatUnit): Promise<ReportIssuer> {
  const [row] = await tx<
    { address: string | null; parent_kind: string | null; parent_name: string | null; province_name: string | null }[]
  >`
    select u.address, p.kind::text as parent_kind, p.name as parent_name, pr.name as province_name
    from public.units u
    left join public.units p on p.id = u.parent_id
    left join public.units pr on pr.id = coalesce(u.merged_into_id, u.province_id)
    where u.id = ${unit.id}`;
  const superior = !row?.parent_name || row.parent_kind === "national" ? "Bộ Tư pháp" : row.parent_name;
  const place =
    unit.kind === "national"
      ? (row?.address?.split(",").pop()?.trim() ?? null)
      : row?.province_name
        ? row.province_name.replace(PROVINCE_PREFIX, "").trim() || null
        : null;
  return { superior, place };
}

/** The name of a province's own row (the cases its bureau holds, not given to an office), as the tables and lists show it. */
export function bureauOwnName(provinceName: string): string {
  return `${provinceName} (cơ quan tỉnh trực tiếp thụ lý)`;
}
