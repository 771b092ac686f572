import { CLOSED_STATUSES, type CaseStatus } from "./state.ts";

/**
 * A creditor's portfolio groups its cases by where they stand: in progress (the active workload,
 * not yet enforceable aside), not yet enforceable, in the separate register, closed.
 */
export const STATUS_GROUPS = ["in_progress", "not_yet_enforceable", "separate_register", "closed"] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

export function statusGroupOf(status: CaseStatus): StatusGroup {
  if (status === "not_yet_enforceable") return "not_yet_enforceable";
  if (status === "separate_register") return "separate_register";
  if (CLOSED_STATUSES.includes(status)) return "closed";
  return "in_progress";
}

/** The statuses of a group, for a query's `status = any(…)`. */
export function statusesOfGroup(group: StatusGroup, all: readonly CaseStatus[]): CaseStatus[] {
  return all.filter((s) => statusGroupOf(s) === group);
}

export const STATUS_GROUP_LABELS: Record<StatusGroup, { vi: string; en: string }> = {
  in_progress: { vi: "Đang thi hành", en: "In progress" },
  not_yet_enforceable: { vi: "Chưa có điều kiện thi hành", en: "Not yet enforceable" },
  separate_register: { vi: "Sổ theo dõi riêng", en: "Separate register" },
  closed: { vi: "Đã kết thúc", en: "Closed" },
};

/** A case is idle when no step was recorded for this many months while it is in the active workload. */
export const IDLE_MONTHS = 6;
