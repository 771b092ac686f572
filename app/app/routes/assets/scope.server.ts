import { canViewProvince, canViewUnit, isNational } from "@thads/domain";
import { asUser, forbidden, notFound, type CurrentUser } from "../../utils/user.server.ts";
import { unitBySlugOrCode } from "@thads/core/workspace";

/*
 * The scope of the unit-wide asset pages (who may see which unit or province). The queries
 * themselves live in @thads/core/assets.
 */

/** The scope of a unit-wide list: ?unit=CODE, ?province=slug, or the user's own unit / province. */
export async function assetScope(user: CurrentUser, url: URL) {
  const unitCode = url.searchParams.get("unit");
  const provinceSlug = url.searchParams.get("province");
  const own =
    user.memberships.find((m) => m.unitKind === "subunit" && m.unitCode) ?? user.memberships.find((m) => m.unitKind === "province");
  if (!unitCode && !provinceSlug && isNational(user.memberships)) {
    // The directorate: every province (RLS gives it read access to all).
    return { unit: { id: "", name: "Toàn quốc", code: "", isProvince: false, isNational: true, slug: null as string | null } };
  }
  return asUser(user, async (tx) => {
    const by =
      unitCode && /^[A-Z0-9_-]{2,40}$/.test(unitCode)
        ? { code: unitCode }
        : provinceSlug && /^[a-z0-9-]{2,60}$/.test(provinceSlug)
          ? { slug: provinceSlug }
          : own?.unitKind === "subunit"
            ? { code: own.unitCode! }
            : own?.provinceSlug
              ? { slug: own.provinceSlug }
              : null;
    if (!by) forbidden();
    const unit = await unitBySlugOrCode(tx, by);
    if (!unit?.province_id) notFound();
    const isProvince = unit.id === unit.province_id;
    if (
      isProvince
        ? !canViewProvince(user.memberships, unit.id)
        : !canViewUnit(user.memberships, { id: unit.id, provinceId: unit.province_id })
    )
      forbidden();
    return { unit: { id: unit.id, name: unit.name, code: unit.code, isProvince, isNational: false, slug: unit.slug } };
  });
}

/** The unit / province filters of a scope (none for the directorate's national view). */
export function scopeFilter(unit: { id: string; isProvince: boolean; isNational: boolean }) {
  if (unit.isNational) return { unitId: null, provinceId: null };
  return unit.isProvince ? { unitId: null, provinceId: unit.id } : { unitId: unit.id, provinceId: null };
}

/** The query string that keeps a list in its scope. */
export function scopeQuery(unit: { code: string; isProvince: boolean; isNational: boolean; slug: string | null }) {
  return unit.isNational ? "all=1" : unit.isProvince ? `province=${unit.slug}` : `unit=${unit.code}`;
}
