/** Coercion operations (cưỡng chế có huy động lực lượng): plan, approval, result. */
export const FORCE_KINDS = ["police", "local_authority", "militia", "enforcement_staff", "other"] as const;
export type ForceKind = (typeof FORCE_KINDS)[number];

export const FORCE_LABELS: Record<ForceKind, { vi: string; en: string }> = {
  police: { vi: "Công an", en: "Police" },
  local_authority: { vi: "Chính quyền địa phương", en: "Local authority" },
  militia: { vi: "Dân quân", en: "Militia" },
  enforcement_staff: { vi: "Cán bộ thi hành án", en: "Enforcement staff" },
  other: { vi: "Lực lượng khác", en: "Other" },
};

export const COERCION_STATUSES = ["planned", "approved", "rejected", "done", "cancelled"] as const;
export type CoercionStatus = (typeof COERCION_STATUSES)[number];
export type CoercionAction = "approve" | "reject" | "record_result" | "cancel";

const TRANSITIONS: Record<CoercionAction, { from: readonly CoercionStatus[]; to: CoercionStatus }> = {
  approve: { from: ["planned"], to: "approved" },
  reject: { from: ["planned"], to: "rejected" },
  record_result: { from: ["approved"], to: "done" },
  cancel: { from: ["planned", "approved"], to: "cancelled" },
};

export function nextCoercionStatus(current: CoercionStatus, action: CoercionAction): CoercionStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(current) ? t.to : null;
}

export interface ForceRequest {
  kind: ForceKind;
  count: number;
}

export function totalForces(forces: readonly ForceRequest[]): number {
  return forces.reduce((a, f) => a + f.count, 0);
}
