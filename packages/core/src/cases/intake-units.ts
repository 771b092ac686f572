import type { TxSql } from "@thads/db";
import type { MembershipRef } from "@thads/domain";

/**
 * The units a user may take a case in at: a clerk's or sub-bureau head's own unit, every
 * current unit of a province head's or province staff's province (never the directorate).
 */
export async function listIntakeUnits(tx: TxSql, memberships: readonly MembershipRef[]) {
  return tx<{ id: string; name: string }[]>`
    select u.id, u.name from public.units u
    where u.dissolved_on is null and u.kind <> 'national'
      and (u.id = any (${memberships.filter((m) => m.role === "clerk" || m.role === "subunit_head").map((m) => m.unitId!)}::uuid[])
           or u.province_id = any (${memberships.filter((m) => m.role === "province_head" || m.role === "province_staff").map((m) => m.provinceId!)}::uuid[]))
    order by u.kind, u.code`;
}
