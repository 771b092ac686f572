import type { TxSql } from "@thads/db";
import { reportPeriodLabel } from "@thads/domain";
import type { CommitteeRef } from "./committee-list.ts";
import { loadDirectives } from "./directives.ts";
import { loadWatchlist } from "./watchlist.ts";

/** The briefing pack of a committee: the watchlist with each case's latest report and open directives. */
export async function loadBriefing(tx: TxSql, committee: CommitteeRef, today: string) {
  const items = await loadWatchlist(tx, committee, today);
  const reports = await tx<{ flag_id: string; period_start: string; body: string }[]>`
    select distinct on (r.flag_id) r.flag_id, r.period_start::text as period_start, r.body
    from public.steering_progress_reports r
    where r.committee_id = ${committee.id} order by r.flag_id, r.period_start desc`;
  const directives = await loadDirectives(tx, today, { committeeId: committee.id });
  const lastReport = new Map(reports.map((r) => [r.flag_id, r]));
  return items.map((i) => {
    const r = lastReport.get(i.flagId);
    return {
      ...i,
      lastReport: r ? { label: reportPeriodLabel(r.period_start, committee.report_cadence), body: r.body } : null,
      directives: directives.filter((d) => d.flag_id === i.flagId && !d.answered_on),
    };
  });
}

export type BriefingItem = Awaited<ReturnType<typeof loadBriefing>>[number];
