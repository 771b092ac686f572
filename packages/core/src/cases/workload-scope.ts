/**
 * The one definition of a case in an executor's or an office's active workload ("đang giải
 * quyết"): open, and not in the separate register (docs/domain.md §3, step 6). The workload
 * figures count it and the case list's `open` filter lists it, so a figure and the list it opens
 * agree. Conditions on the cases aliased `c`.
 */
import type { TxSql } from "@thads/db";
import { OUT_OF_WORKLOAD_STATUSES } from "@thads/domain";

const inactive = OUT_OF_WORKLOAD_STATUSES as unknown as string[];

/** `c` is in the active workload. */
export function inActiveWorkload(tx: TxSql) {
  return tx`c.status <> all (${inactive}::public.case_status[])`;
}

/** `c`'s next legal deadline has passed (`today` excluded): its step is overdue. */
export function stepOverdue(tx: TxSql, today: string) {
  return tx`c.next_deadline_on < ${today}`;
}
