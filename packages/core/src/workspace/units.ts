/** The units the workspace pages are about, by their address (a province's slug, an office's code). */
import type { TxSql } from "@thads/db";

export async function unitBySlugOrCode(tx: TxSql, by: { slug: string } | { code: string }) {
  const [row] = await tx<
    { id: string; kind: string; name: string; code: string; slug: string | null; province_id: string | null; parent_id: string | null }[]
  >`
    select id, kind, name, code, slug, province_id, parent_id from public.units
    where ${"slug" in by ? tx`slug = ${by.slug} and kind = 'province'` : tx`code = ${by.code} and kind = 'subunit'`}
      and dissolved_on is null`;
  return row ?? null;
}

/** Current offices (sub-bureaus) nationwide. */
export async function subunitCount(tx: TxSql): Promise<number> {
  const [units] = await tx<
    { subunits: bigint }[]
  >`select count(*) as subunits from public.units where kind = 'subunit' and dissolved_on is null`;
  return Number(units?.subunits ?? 0n);
}
