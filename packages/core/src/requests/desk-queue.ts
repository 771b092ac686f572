/**
 * The one-stop desk's queue: requests of the units the user works (RLS decides which), newest
 * first, a page at a time. Takes the caller's transaction, so it runs as whoever the caller is.
 */
import type { TxSql } from "@thads/db";
import type { MembershipRef, RequestKind, RequestStatus } from "@thads/domain";

/** Rows per page of the desk queue. */
export const DESK_PAGE_SIZE = 50;

export interface QueueRow {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  channel: string;
  tracking_code: string;
  requester_name: string;
  unit_name: string;
  submitted_on: string;
  due_on: string | null;
  closed_on: string | null;
  case_id: string | null;
}

export interface DeskQueueFilter {
  status: "open" | "closed" | "all";
  unitId: string | null;
  page: number;
}

/** One page of the queue; `hasMore` when a later page has rows. */
export async function readDeskQueue(tx: TxSql, filter: DeskQueueFilter): Promise<{ rows: QueueRow[]; hasMore: boolean }> {
  const rows = await tx<QueueRow[]>`
    select r.id, r.kind, r.status, r.channel, r.tracking_code, r.requester_name, u.name as unit_name,
           to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on, to_char(r.due_on, 'YYYY-MM-DD') as due_on,
           to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, r.case_id
    from public.service_requests r join public.units u on u.id = r.unit_id
    where ${
      filter.status === "open"
        ? tx`r.status in ('submitted', 'received', 'processing')`
        : filter.status === "closed"
          ? tx`r.status in ('returned', 'rejected')`
          : tx`true`
    }
      and ${filter.unitId ? tx`r.unit_id = ${filter.unitId}` : tx`true`}
    order by r.submitted_at desc, r.id
    limit ${DESK_PAGE_SIZE + 1} offset ${(filter.page - 1) * DESK_PAGE_SIZE}`;
  return { rows: rows.slice(0, DESK_PAGE_SIZE), hasMore: rows.length > DESK_PAGE_SIZE };
}

/** The units whose desk this user works (sub-bureau heads and clerks: theirs; province staff: all of the province). */
export function deskUnits(tx: TxSql, memberships: readonly MembershipRef[]) {
  const units = memberships.filter((m) => m.role === "subunit_head" || m.role === "clerk").map((m) => m.unitId!);
  const provinces = memberships.filter((m) => m.role === "province_head" || m.role === "province_staff").map((m) => m.provinceId!);
  return tx<{ id: string; name: string }[]>`
    select u.id, u.name from public.units u
    where u.dissolved_on is null and u.kind <> 'national'
      and (u.id = any (${units}::uuid[]) or u.province_id = any (${provinces}::uuid[]))
    order by u.kind, u.code`;
}
