import type { TxSql } from "@thads/db";
import type { ReportCadence } from "@thads/domain";

/*
 * Read side of the steering committees' screens. Everything is read as the
 * signed-in user (the caller's RLS transaction): RLS decides which
 * committees, flags and cases exist.
 */

export interface CommitteeRef {
  id: string;
  kind: "province" | "national_anticorruption" | "ad_hoc";
  name: string;
  province_id: string | null;
  province_name: string | null;
  report_cadence: ReportCadence;
  is_member: boolean;
  member_role: string | null;
  min_outstanding: string;
  open_years: number;
  failed_auction_rounds: number;
  version: number;
}

/** Committees the user may look at: their own (members) or all (directorate). */
export async function visibleCommittees(tx: TxSql, opts: { onlyMine: boolean }): Promise<CommitteeRef[]> {
  return tx<CommitteeRef[]>`
    select c.id, c.kind, c.name, c.province_id, p.name as province_name, c.report_cadence,
           c.min_outstanding::text as min_outstanding, c.open_years, c.failed_auction_rounds, c.version,
           c.id = any (app_private.steering_committees_for()) as is_member,
           (select m.member_role::text from public.steering_committee_members m
             where m.committee_id = c.id and m.user_id = (select auth.uid())) as member_role
    from public.steering_committees c left join public.units p on p.id = c.province_id
    ${opts.onlyMine ? tx`where c.id = any (app_private.steering_committees_for())` : tx``}
    order by c.kind desc, p.name nulls first, c.name`;
}

/** The province committee of one of these provinces (first by name), whose criteria suggest cases to the bureau; none without provinces. */
export async function provinceCommitteeOf(tx: TxSql, provinceIds: string[]): Promise<{ id: string; name: string } | undefined> {
  const [committee] = provinceIds.length
    ? await tx<{ id: string; name: string }[]>`
        select id, name from public.steering_committees where kind = 'province' and province_id = any (${provinceIds}::uuid[]) order by name limit 1`
    : [];
  return committee;
}
