import type { TxSql } from "@thads/db";

/** Public notices of a province: only assets at auction, only the published fields (as anon). */
export async function loadPublicNotices(tx: TxSql, slug: string) {
  const [p] = await tx<{ name: string }[]>`select name from public.units where slug = ${slug} and kind = 'province'`;
  if (!p) return null;
  const rows = await tx<
    {
      round_id: string;
      unit_name: string;
      asset_kind: string;
      description: string;
      location: string | null;
      round_no: number;
      announced_on: string;
      held_on: string;
      venue: string | null;
      starting_price: bigint;
      organisation: string | null;
    }[]
  >`
    select round_id, unit_name, asset_kind, description, location, round_no, announced_on::text as announced_on, held_on::text as held_on, venue, starting_price, organisation
    from public.auction_notices(${slug})`;
  return { province: p.name, notices: rows.map((r) => ({ ...r, starting_price: r.starting_price.toString() })) };
}
