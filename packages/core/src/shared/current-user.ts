import type { TxSql } from "@thads/db";
import type { MembershipRef, Role, UnitKind } from "@thads/domain";

export interface Membership extends MembershipRef {
  unitId: string | null;
  unitName: string | null;
  provinceId: string | null;
  provinceName: string | null;
}

/** The signed-in user's name and memberships, read as that user (RLS shows them their own rows). */
export async function loadProfileAndMemberships(
  tx: TxSql,
  userId: string,
): Promise<{ fullName: string | null; memberships: Membership[] }> {
  // Both at once: one round trip.
  const [[profile], rows] = await Promise.all([
    tx<{ full_name: string }[]>`select full_name from public.profiles where id = ${userId}`,
    tx<
      {
        role: Role;
        unit_id: string | null;
        kind: UnitKind | null;
        code: string | null;
        unit_name: string | null;
        province_id: string | null;
        province_slug: string | null;
        province_name: string | null;
      }[]
    >`
    select m.role, m.unit_id, u.kind, u.code, u.name as unit_name,
           m.province_id, p.slug as province_slug, p.name as province_name
    from public.memberships m
    left join public.units u on u.id = m.unit_id
    left join public.units p on p.id = m.province_id
    where m.user_id = ${userId}`,
  ]);
  return {
    fullName: profile?.full_name ?? null,
    memberships: rows.map((r) => ({
      role: r.role,
      unitKind: r.kind,
      unitCode: r.code,
      unitId: r.unit_id,
      unitName: r.unit_name,
      provinceId: r.province_id,
      provinceSlug: r.province_slug,
      provinceName: r.province_name,
    })),
  };
}
