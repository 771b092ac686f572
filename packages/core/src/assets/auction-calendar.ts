import type { TxSql } from "@thads/db";

/** Rounds held or scheduled in a month, for a unit or a province. */
export async function loadAuctionCalendar(tx: TxSql, f: { unitId: string | null; provinceId: string | null; from: string; to: string }) {
  const rows = await tx<
    {
      id: string;
      asset_id: string;
      round_no: number;
      held_on: string;
      starting_price: bigint;
      result: string;
      description: string;
      unit_name: string;
      case_number: string;
    }[]
  >`
    select r.id, r.asset_id, r.round_no, r.held_on::text as held_on, r.starting_price, r.result, a.description, u.name as unit_name, c.case_number
    from public.auction_rounds r join public.assets a on a.id = r.asset_id join public.units u on u.id = r.unit_id join public.cases c on c.id = r.case_id
    where r.held_on >= ${f.from} and r.held_on < ${f.to}
      ${f.unitId ? tx`and r.unit_id = ${f.unitId}` : tx``}
      ${f.provinceId ? tx`and r.province_id = ${f.provinceId}` : tx``}
    order by r.held_on, r.id
    limit 1000`;
  return rows.map((r) => ({ ...r, starting_price: r.starting_price.toString() }));
}
