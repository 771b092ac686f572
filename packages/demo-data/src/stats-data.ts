/**
 * Demo data for the statistics: history recorded under the former provinces before the 1 Jul
 * 2025 merger, yearly targets, and the aggregates built from the loaded events.
 *
 *  - With `history` (the product's demo data, scripts/start.ts; the generator's own tests compare
 *    its rows exactly and leave it off): before 1 Jul 2025 the regional offices did not exist. An
 *    office's cases accepted before then were held by the district offices whose area it took over
 *    (officePredecessors: 693 district offices for the 355 offices, each under its former
 *    province) and, for an area of a province absorbed in the merger, one in four by that former
 *    province's bureau. Cases closed by then stay with that holder altogether; those still open
 *    were handed over to the office on the day (the reorganisation step, ADR 028), so each former
 *    unit counts them up to 30 Jun 2025 and the office from 1 Jul 2025, as happened, and a
 *    regional office's "same period last year" is its predecessors' (ADR 029).
 *  - Targets: the directorate's yearly rates per province, each province's per office.
 *  - The bulk load runs with triggers off, so the aggregates are built afterwards in one set-based
 *    pass over the raw events (app_private.stat_rebuild).
 */
import { MERGER_DATE, PROVINCES, provinceCode, statYearOf, subunitCode } from "@thads/domain";
import type { TxSql } from "@thads/db";
import { officePredecessors, type DemoModel } from "./model.ts";

export async function seedStats(
  tx: TxSql,
  model: DemoModel,
  today: string,
  history: boolean,
): Promise<{ moved: number; handedOver: number; targets: number }> {
  const byCode = new Map(model.units.map((u) => [u.code, u.id]));
  // Who held an office's cases before 1 Jul 2025: its district offices and, for an area of an
  // absorbed province, that province's bureau for one case in four. A case's holder is its slot
  // (a hash of its id) among the office's.
  const office: string[] = [];
  const slot: number[] = [];
  const slots: number[] = [];
  const holder: string[] = [];
  for (const o of officePredecessors()) {
    const d = o.districts.map((x) => x.id);
    const list = o.legacyId ? [...d.map(() => o.legacyId!), ...d, ...d, ...d] : d;
    list.forEach((h, i) => {
      office.push(o.officeId);
      slot.push(i);
      slots.push(list.length);
      holder.push(h);
    });
  }
  // Moving history rewrites ledger rows: only in the bulk load's replica mode (triggers off).
  const [mode] = await tx<{ role: string }[]>`select current_setting('session_replication_role') as role`;
  const on = history && mode?.role === "replica";
  const mapping = tx`
    m as (select * from unnest(${tx.array(office)}::uuid[], ${tx.array(slot)}::int[], ${tx.array(slots)}::int[], ${tx.array(holder)}::uuid[])
            as m(office, slot, slots, holder))`;
  const pick = tx`m.office = c.unit_id and m.slot = mod(abs(hashtext(c.id::text)::bigint), m.slots)`;
  // The cases closed by then are the former holder's altogether.
  const moved = !on
    ? [{ n: 0n }]
    : await tx`
    with ${mapping},
    c as (
      update public.cases c set unit_id = m.holder from m
      where ${pick} and c.closed_on <= ${MERGER_DATE} and c.accepted_on < ${MERGER_DATE}
      returning c.id, c.unit_id
    ), e as (update public.case_events e set unit_id = c.unit_id from c where e.case_id = c.id returning 1),
    o as (update public.case_obligations o set unit_id = c.unit_id from c where o.case_id = c.id returning 1),
    p as (update public.case_parties p set unit_id = c.unit_id from c where p.case_id = c.id returning 1)
    select (select count(*) from c) as n, (select count(*) from e) + (select count(*) from o) + (select count(*) from p) as children`;
  // The cases open on the day: the former holder's until then, the office's from then (ADR 028).
  const handedOver = !on
    ? [{ n: 0n }]
    : await tx`
    with ${mapping},
    c as (
      select c.id, c.province_id, m.office, m.holder from public.cases c join m on ${pick}
      where c.accepted_on < ${MERGER_DATE} and (c.closed_on is null or c.closed_on > ${MERGER_DATE})
    ), a as (
      update public.case_events e set payload = jsonb_set(e.payload, '{unitId}', to_jsonb(c.holder::text))
      from c where e.case_id = c.id and e.kind = 'acceptance' and e.payload ? 'unitId'
      returning 1
    ), h as (
      insert into public.case_events (case_id, province_id, unit_id, kind, effective_date, payload)
      select c.id, c.province_id, c.office, 'reorganisation', ${MERGER_DATE},
             jsonb_build_object('unitId', c.office::text, 'fromUnitId', c.holder::text,
                                'basis', 'Sắp xếp đơn vị hành chính cấp tỉnh và cơ quan thi hành án dân sự từ 01/07/2025')
      from c
      returning 1
    )
    select (select count(*) from h) as n, (select count(*) from a) as acceptances`;

  // Targets for the statistical years of the data (rates vary by unit, deterministically).
  const [span] = await tx<{ lo: string | null }[]>`select min(accepted_on)::text as lo from public.cases`;
  const first = span?.lo ? statYearOf(span.lo) : statYearOf(today);
  const last = statYearOf(today);
  const rows: { unit_id: string; stat_year: number; cases_rate: string; money_rate: string }[] = [];
  PROVINCES.forEach((p, i) => {
    const pid = byCode.get(provinceCode(p))!;
    for (let y = first; y <= last; y++) {
      const c = 80 + ((i * 7 + y) % 6) * 0.5;
      const m = 40 + ((i * 5 + y) % 10) * 1.1;
      rows.push({ unit_id: pid, stat_year: y, cases_rate: c.toFixed(2), money_rate: m.toFixed(2) });
      for (let n = 1; n <= p.subunits; n++) {
        const sid = byCode.get(subunitCode(p, n));
        if (!sid) continue;
        rows.push({
          unit_id: sid,
          stat_year: y,
          cases_rate: (c + ((n % 3) - 1) * 0.5).toFixed(2),
          money_rate: (m + ((n % 4) - 1.5)).toFixed(2),
        });
      }
    }
  });
  const unitProvince = new Map(model.units.map((u) => [u.id, u.province_id]));
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({ ...r, province_id: unitProvince.get(r.unit_id)! }));
    await tx`insert into public.stat_targets ${tx(chunk, "unit_id", "province_id", "stat_year", "cases_rate", "money_rate")}`;
  }

  await tx`select app_private.stat_rebuild()`;
  return { moved: Number(moved[0]!.n), handedOver: Number(handedOver[0]!.n), targets: rows.length };
}
