import type { TxSql } from "@thads/db";
import { missingReports, reportPeriodLabel, type ReportCadence } from "@thads/domain";

/** Flagged cases of the user's own tenant (bureau side), with their missing reports. */
export async function loadTenantFlags(tx: TxSql, today: string) {
  const rows = await tx<
    {
      id: string;
      case_number: string;
      debtor_name: string;
      committee_name: string;
      status: string;
      since: string;
      cadence: ReportCadence;
      periods: string[] | null;
    }[]
  >`
    select f.id, f.case_number, f.debtor_name, c.name as committee_name, f.status, coalesce(f.decided_on, f.proposed_on)::text as since,
           c.report_cadence as cadence,
           (select array_agg(r.period_start::text) from public.steering_progress_reports r where r.flag_id = f.id) as periods
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.status in ('proposed', 'accepted')
      and (f.unit_id = any (app_private.units_for('{subunit_head,executor,clerk}'))
           or f.province_id = any (app_private.provinces_for('{province_head,province_staff}')))
    order by f.status, f.case_number
    limit 200`;
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    debtorName: r.debtor_name,
    committeeName: r.committee_name,
    status: r.status,
    missing:
      r.status === "accepted" ? missingReports(r.since, r.cadence, r.periods ?? [], today).map((m) => reportPeriodLabel(m, r.cadence)) : [],
  }));
}
