import { randomUUID } from "node:crypto";
import type { TxSql } from "@thads/db";

/*
 * Lists of assets: a case's assets, and a unit's or a province's (RLS decides what is visible).
 * Money leaves as decimal strings (JSON-safe).
 */

const s = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());

export interface AssetListRow {
  id: string;
  case_id: string;
  case_number: string;
  kind: string;
  description: string;
  location: string | null;
  status: string;
  latest_value: string | null;
  current_price: string | null;
  failed_rounds: number;
  rounds_held: number;
  next_round_on: string | null;
  unit_name: string;
  encumbrance_bank: string | null;
}

type RawRow = Omit<AssetListRow, "latest_value" | "current_price"> & { latest_value: bigint | null; current_price: bigint | null };
const toRow = (r: RawRow): AssetListRow => ({ ...r, latest_value: s(r.latest_value), current_price: s(r.current_price) });

/** A case's assets (RLS: as the case). */
export async function loadCaseAssets(tx: TxSql, caseId: string) {
  const [c] = await tx<{ id: string; case_number: string; debtor_name: string; unit_code: string }[]>`
    select c.id, c.case_number, c.debtor_name, u.code as unit_code from public.cases c join public.units u on u.id = c.unit_id where c.id = ${caseId}`;
  if (!c) return null;
  const rows = await tx<RawRow[]>`
    select a.id, a.case_id, c.case_number, a.kind, a.description, a.location, a.status, a.latest_value, a.current_price,
           a.failed_rounds, a.rounds_held, a.next_round_on::text as next_round_on, u.name as unit_name, a.encumbrance_bank
    from public.assets a join public.cases c on c.id = a.case_id join public.units u on u.id = a.unit_id
    where a.case_id = ${caseId} order by a.created_at`;
  const [{ may_act } = { may_act: false }] = await tx<{ may_act: boolean }[]>`select app_private.may_act_on_case(${caseId}) as may_act`;
  return { case: c, assets: rows.map(toRow), mayAct: may_act, key: randomUUID() };
}

/** Assets of a unit or a province (RLS decides what is visible), optionally only the stuck ones. */
export async function loadAssetList(
  tx: TxSql,
  f: { unitId: string | null; provinceId: string | null; stuck: boolean; minFailed: number; status: string | null },
) {
  const rows = await tx<RawRow[]>`
    select a.id, a.case_id, c.case_number, a.kind, a.description, a.location, a.status, a.latest_value, a.current_price,
           a.failed_rounds, a.rounds_held, a.next_round_on::text as next_round_on, u.name as unit_name, a.encumbrance_bank
    from public.assets a join public.cases c on c.id = a.case_id join public.units u on u.id = a.unit_id
    where true
      ${f.unitId ? tx`and a.unit_id = ${f.unitId}` : tx``}
      ${f.provinceId ? tx`and a.province_id = ${f.provinceId}` : tx``}
      ${f.stuck ? tx`and a.failed_rounds >= ${f.minFailed} and a.status in ('valued', 'at_auction')` : tx``}
      ${f.status ? tx`and a.status = ${f.status}::public.asset_status` : tx``}
    order by ${f.stuck ? tx`a.failed_rounds desc,` : tx``} a.updated_at desc, a.id
    limit 200`;
  return rows.map(toRow);
}
