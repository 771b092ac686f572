import type { TxSql } from "@thads/db";

/** Coercion operations of a case, optionally of one committee, latest first. */
export async function loadCoercionOps(tx: TxSql, where: { caseId: string; committeeId?: string }) {
  const rows = await tx<
    {
      id: string;
      version: number;
      planned_on: string;
      place: string;
      plan: string;
      forces: { kind: string; count: number }[];
      status: string;
      decided_on: string | null;
      decision_note: string | null;
      executed_on: string | null;
      result: string | null;
      committee_name: string;
      is_member: boolean;
    }[]
  >`
    select o.id, o.version, o.planned_on::text as planned_on, o.place, o.plan, o.forces, o.status, o.decided_on::text as decided_on,
           o.decision_note, o.executed_on::text as executed_on, o.result, c.name as committee_name,
           o.committee_id = any (app_private.steering_committees_for()) as is_member
    from public.steering_coercion_ops o join public.steering_committees c on c.id = o.committee_id
    where o.case_id = ${where.caseId} ${where.committeeId ? tx`and o.committee_id = ${where.committeeId}` : tx``}
    order by o.planned_on desc`;
  return rows;
}
