import type { TxSql } from "@thads/db";
import { loadCoercionOps } from "./coercion-ops.ts";

/** The steering side of a case page: flags of the case, committees it may be proposed to, operations. */
export async function loadCaseSteering(tx: TxSql, caseId: string, provinceId: string, isCorruption: boolean) {
  const flags = await tx<
    { id: string; status: string; committee_name: string; reason: string; proposed_on: string; removed_reason: string | null }[]
  >`
    select f.id, f.status, c.name as committee_name, f.reason, f.proposed_on::text as proposed_on, f.removed_reason
    from public.steering_flags f join public.steering_committees c on c.id = f.committee_id
    where f.case_id = ${caseId} order by f.created_at desc`;
  const committees = await tx<{ id: string; name: string }[]>`
    select c.id, c.name from public.steering_committees c
    where (c.kind = 'province' and c.province_id = ${provinceId})
       or (c.kind = 'national_anticorruption' and ${isCorruption})
       or c.kind = 'ad_hoc'
    order by c.kind desc, c.name`;
  const ops = await loadCoercionOps(tx, { caseId });
  return { flags, committees, ops };
}
