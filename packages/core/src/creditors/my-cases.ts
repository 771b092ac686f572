import type { TxSql } from "@thads/db";
import { z } from "zod";
import { CASE_STATUSES, IDLE_MONTHS, OUT_OF_WORKLOAD_STATUSES, STATUS_GROUPS, statusesOfGroup, type CaseStatus } from "@thads/domain";

/** Filters of "my cases": province slug, status, and a search over case number and debtor. */
export const myCasesFilterSchema = z.object({
  province: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, "Tỉnh/thành không hợp lệ")
    .optional()
    .catch(undefined),
  status: z
    .enum([
      "accepted",
      "decided",
      "notified",
      "verified",
      "enforceable",
      "not_yet_enforceable",
      "enforcing",
      "postponed",
      "suspended",
      "completed",
      "terminated",
      "transferred_out",
    ])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  /** Where the cases stand (the portfolio's columns). */
  group: z.enum(STATUS_GROUPS).optional().catch(undefined),
  /** Stuck: no step for IDLE_MONTHS months in the active workload, or an auction that failed. */
  stuck: z.enum(["idle", "auction"]).optional().catch(undefined),
});
export type MyCasesFilter = z.infer<typeof myCasesFilterSchema>;

export interface MyCase {
  id: string;
  case_number: string;
  province_name: string;
  province_slug: string | null;
  unit_name: string;
  status: CaseStatus;
  debtor_name: string;
  money_due: string;
  money_collected: string;
  money_outstanding: string;
  next_deadline_on: string | null;
  next_deadline_kind: string | null;
  executor_name: string | null;
  assets_at_auction: number;
  next_round_on: string | null;
  /** Day of the last step recorded on the case. */
  last_event_on: string | null;
}

/**
 * Every case where the signed-in creditor account is a creditor party, in every province: RLS
 * (cases_select through app_private.creditor_case_ids) decides which rows; no WHERE here narrows
 * them to the account. Amounts are whole đồng as text.
 */
export function myCases(tx: TxSql, filter: MyCasesFilter = {}, limit = 500) {
  const q = filter.q ? `%${filter.q}%` : null;
  return tx<MyCase[]>`
    select c.id, c.case_number, pu.name as province_name, pu.slug as province_slug, u.name as unit_name, c.status, c.debtor_name,
           c.money_due::text as money_due, c.money_collected::text as money_collected,
           (c.money_due - c.money_collected)::text as money_outstanding,
           to_char(c.next_deadline_on, 'YYYY-MM-DD') as next_deadline_on, c.next_deadline_kind,
           e.full_name as executor_name,
           coalesce(a.assets_at_auction, 0) as assets_at_auction, to_char(a.next_round_on, 'YYYY-MM-DD') as next_round_on,
           to_char(coalesce(c.last_event_on, c.accepted_on), 'YYYY-MM-DD') as last_event_on
      from public.cases c
      join public.units pu on pu.id = c.province_id
      join public.units u on u.id = c.unit_id
      left join public.profiles e on e.id = c.executor_id
      left join public.creditor_case_auctions() a on a.case_id = c.id
     where (${filter.province ?? null}::text is null or pu.slug = ${filter.province ?? null})
       ${filter.group ? tx`and c.status = any(${statusesOfGroup(filter.group, CASE_STATUSES)}::public.case_status[])` : tx``}
       ${filter.stuck === "idle" ? idleWhere(tx) : tx``}
       ${filter.stuck === "auction" ? tx`and c.id in (select f.case_id from public.creditor_case_failed_auctions() f)` : tx``}
       and (${filter.status ?? null}::public.case_status is null or c.status = ${filter.status ?? null}::public.case_status)
       and (${q}::text is null or c.search_text like app_private.search_text(${q}))
     order by c.next_deadline_on nulls last, c.accepted_on desc, c.id
     limit ${limit}`;
}

/** In the active workload with no step for IDLE_MONTHS months (Vietnam's today). */
export function idleWhere(tx: TxSql) {
  return tx`and c.status <> all(${[...OUT_OF_WORKLOAD_STATUSES]}::public.case_status[])
            and coalesce(c.last_event_on, c.accepted_on) <= (now() at time zone 'Asia/Ho_Chi_Minh')::date - make_interval(months => ${IDLE_MONTHS})`;
}

/** Totals of the account's cases: count, due, collected, outstanding (đồng as text). */
export async function myCaseTotals(tx: TxSql) {
  const [row] = await tx<{ cases: number; provinces: number; due: string; collected: string }[]>`
    select count(*)::int as cases, count(distinct province_id)::int as provinces,
           coalesce(sum(money_due), 0)::text as due, coalesce(sum(money_collected), 0)::text as collected
      from public.cases`;
  const due = BigInt(row?.due ?? "0");
  const collected = BigInt(row?.collected ?? "0");
  return { cases: row?.cases ?? 0, provinces: row?.provinces ?? 0, due, collected, outstanding: due - collected };
}

/** A case as its creditor sees it: the case row RLS lets it read and the party's timeline. */
export async function myCase(tx: TxSql, caseId: string) {
  const [c] = await myCasesById(tx, caseId);
  if (!c) return null;
  const timeline = await tx<{ kind: string; effective_date: string; decision_number: string | null; amount: string | null }[]>`
    select kind, to_char(effective_date, 'YYYY-MM-DD') as effective_date, decision_number, amount::text as amount
      from public.creditor_case_timeline(${caseId})`;
  return { case: c, timeline };
}

function myCasesById(tx: TxSql, caseId: string) {
  return tx<MyCase[]>`
    select c.id, c.case_number, pu.name as province_name, pu.slug as province_slug, u.name as unit_name, c.status, c.debtor_name,
           c.money_due::text as money_due, c.money_collected::text as money_collected,
           (c.money_due - c.money_collected)::text as money_outstanding,
           to_char(c.next_deadline_on, 'YYYY-MM-DD') as next_deadline_on, c.next_deadline_kind,
           e.full_name as executor_name,
           coalesce(a.assets_at_auction, 0) as assets_at_auction, to_char(a.next_round_on, 'YYYY-MM-DD') as next_round_on,
           to_char(coalesce(c.last_event_on, c.accepted_on), 'YYYY-MM-DD') as last_event_on
      from public.cases c
      join public.units pu on pu.id = c.province_id
      join public.units u on u.id = c.unit_id
      left join public.profiles e on e.id = c.executor_id
      left join public.creditor_case_auctions() a on a.case_id = c.id
     where c.id = ${caseId}`;
}

/** The account's links (ID numbers / tax codes) as it reads them. */
export function myLinks(tx: TxSql) {
  return tx<{ id: string; id_number: string; channel: string; confirmed_at: Date; revoked_at: Date | null }[]>`
    select id, id_number, channel, confirmed_at, revoked_at from public.creditor_links
     where account_id = (select auth.uid()) order by confirmed_at desc`;
}
