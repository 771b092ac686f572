/**
 * A flag puts a case on a committee's list: proposed by a bureau, accepted or
 * declined by the committee, removed (with a reason) when resolved. Which
 * cases a committee may take depends on its scope.
 */
export const COMMITTEE_KINDS = ["province", "national_anticorruption", "ad_hoc"] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const FLAG_STATUSES = ["proposed", "accepted", "declined", "removed"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export type FlagAction = "accept" | "decline" | "remove";

const TRANSITIONS: Record<FlagAction, { from: FlagStatus; to: FlagStatus }> = {
  accept: { from: "proposed", to: "accepted" },
  decline: { from: "proposed", to: "declined" },
  remove: { from: "accepted", to: "removed" },
};

export function nextFlagStatus(current: FlagStatus, action: FlagAction): FlagStatus | null {
  const t = TRANSITIONS[action];
  return t.from === current ? t.to : null;
}

export interface CommitteeScope {
  kind: CommitteeKind;
  provinceId: string | null;
}

export interface FlagCaseFacts {
  provinceId: string;
  isCorruption: boolean;
}

/**
 * Why a case may not go on a committee's list (null when it may): a province
 * committee takes its own province's cases; the national anti-corruption list
 * takes corruption and economic (asset-recovery) cases of any province; an
 * ad-hoc committee takes any case it was set up for.
 */
export function flagScopeProblem(committee: CommitteeScope, c: FlagCaseFacts): string | null {
  if (committee.kind === "province" && committee.provinceId !== c.provinceId)
    return "Việc thi hành án không thuộc địa bàn của Ban Chỉ đạo này: chỉ đề xuất được việc của tỉnh mình.";
  if (committee.kind === "national_anticorruption" && !c.isCorruption)
    return "Danh sách của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng chỉ nhận việc thu hồi tài sản trong án tham nhũng, kinh tế.";
  return null;
}
