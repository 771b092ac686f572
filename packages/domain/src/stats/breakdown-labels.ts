/**
 * The breakdowns of every statistics line (docs/domain.md §4): by how the case was opened (ex
 * officio or on request) and by the type of judgment enforced — the groupings ("phân tổ") of the
 * indicators 1901–1906 of Circular 10/2017/TT-BTP. Light: the labels entry takes it.
 */

/** The judgment types of the statistics, in the indicators' order ("other" last). */
export const STAT_JUDGMENT_TYPES = [
  "civil",
  "criminal",
  "administrative",
  "family",
  "business",
  "labour",
  "bankruptcy",
  "arbitration",
  "other",
] as const;
export type StatJudgmentType = (typeof STAT_JUDGMENT_TYPES)[number];

export const STAT_DECISION_KINDS = ["ex_officio", "on_request"] as const;
export type StatDecisionKind = (typeof STAT_DECISION_KINDS)[number];

/** The parts of a line: the two decision kinds, then the judgment types. Each group sums to the line. */
export const STAT_BREAKDOWN_PARTS = [...STAT_DECISION_KINDS, ...STAT_JUDGMENT_TYPES] as const;
export type StatBreakdownPart = (typeof STAT_BREAKDOWN_PARTS)[number];

/** The groups of parts; the parts of each group add up to the line, by cases and by money. */
export const STAT_BREAKDOWN_GROUPS: Readonly<Record<"decision_kind" | "judgment_type", readonly StatBreakdownPart[]>> = {
  decision_kind: STAT_DECISION_KINDS,
  judgment_type: STAT_JUDGMENT_TYPES,
};

export const STAT_BREAKDOWN_LABELS: Readonly<Record<StatBreakdownPart, { vi: string; en: string }>> = {
  ex_officio: { vi: "Chủ động thi hành án", en: "Ex officio" },
  on_request: { vi: "Theo yêu cầu", en: "On request" },
  civil: { vi: "Dân sự", en: "Civil" },
  criminal: { vi: "Hình sự", en: "Criminal" },
  administrative: { vi: "Hành chính", en: "Administrative" },
  family: { vi: "Hôn nhân và gia đình", en: "Family" },
  business: { vi: "Kinh doanh, thương mại", en: "Business" },
  labour: { vi: "Lao động", en: "Labour" },
  bankruptcy: { vi: "Phá sản", en: "Bankruptcy" },
  arbitration: { vi: "Trọng tài thương mại", en: "Arbitration" },
  other: { vi: "Khác", en: "Other" },
};

export const STAT_BREAKDOWN_GROUP_LABELS: Readonly<Record<"decision_kind" | "judgment_type", { vi: string; en: string }>> = {
  decision_kind: { vi: "Theo hình thức thi hành án", en: "By how the case was opened" },
  judgment_type: { vi: "Theo loại bản án, quyết định", en: "By type of judgment" },
};
