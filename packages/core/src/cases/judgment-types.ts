/** The kinds of judgment a case enforces (the intake form's choice; the filters offer the same). No schema here: the browser takes it. */
export const JUDGMENT_TYPES = [
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
export type JudgmentType = (typeof JUDGMENT_TYPES)[number];
