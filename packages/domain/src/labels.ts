/**
 * The UI's entry to the domain: the glossary's words and names in both languages, the lists the
 * forms offer, and the formatters of money, counts, dates and tracking codes. Everything here is
 * light — no rule table, no holiday calendar, no schema library — because the browser's bundle
 * takes it (`packages/domain/test/labels-entry.test.ts` checks what it reaches). Pages import from
 * `@thads/domain/labels` what they display; the rules stay on the server.
 */
export { ASSET_KINDS, ASSET_KIND_LABELS, ASSET_STATUSES, ASSET_STATUS_LABELS, ASSET_STEP_LABELS } from "./assets/status.ts";
export {
  BIDDER_SITUATIONS,
  BIDDER_SITUATION_LABELS,
  CLAIM_RANKS,
  DEPOSIT_OUTCOME_LABELS,
  DISTRIBUTION_RANK_LABELS,
  REVALUATION_GROUNDS,
  ROUND_RESULT_LABELS,
} from "./assets/vocabulary.ts";
export { CASE_EVENT_LABELS, COERCIVE_MEASURES, SECURITY_MEASURES } from "./cases/events.ts";
export { CASE_STATUSES, CASE_STATUS_LABELS } from "./cases/state.ts";
export { IDLE_MONTHS, STATUS_GROUPS, STATUS_GROUP_LABELS, statusGroupOf, type StatusGroup } from "./cases/status-groups.ts";
export { DEADLINE_LABELS } from "./cases/deadline-kinds.ts";
export { SESSION_KINDS, type SessionKind } from "./complaints/kinds.ts";
export { TOKEN_SCOPES, type TokenScope } from "./api-scopes.ts";
export { NOTIFICATION_KINDS, type NotificationKind } from "./notifications.ts";
export { AGENCY_NAME_MAX, ENTRUSTING_DECISION_NUMBER_MAX } from "./cases/agency-name.ts";
export { formatDateVi } from "./cases/dates.ts";
export { FLAG_REASONS, FLAG_REASON_LABELS } from "./steering/flag-reasons.ts";
export { FORCE_KINDS, FORCE_LABELS } from "./steering/coercion.ts";
export { PROCEDURES, REQUEST_KINDS } from "./requests/catalog.ts";
export { REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS } from "./requests/status.ts";
export { formatTrackingCode } from "./requests/tracking.ts";
export { hasRole, isNational, ROLE_LABELS } from "./roles.ts";
export { DRILL_FIGURES, DRILL_FIGURE_LABELS, STAT_FIGURES, STAT_FIGURE_LABELS } from "./stats/figure-labels.ts";
export {
  STAT_BREAKDOWN_GROUP_LABELS,
  STAT_BREAKDOWN_GROUPS,
  STAT_BREAKDOWN_LABELS,
  STAT_BREAKDOWN_PARTS,
  STAT_JUDGMENT_TYPES,
} from "./stats/breakdown-labels.ts";
export { STAT_DEFINITION_KEYS, STAT_DEFINITIONS } from "./stats/definitions.ts";
export { continuityField } from "./stats/continuity.ts";
export { formatCount, formatDateTimeVi, formatDecimal, formatDelta, formatDong, formatPercent } from "./format.ts";
