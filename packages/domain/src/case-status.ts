/** Case statuses as stored on a case row (its current state). */
export const CASE_STATUSES = [
  "accepted", "decided", "notified", "verified",
  "enforceable", "not_yet_enforceable", "enforcing",
  "postponed", "suspended", "completed", "terminated", "transferred_out",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case is no longer worked on by this bureau. */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ["completed", "terminated", "transferred_out"];
