/**
 * The UI's entry to the domain: the glossary's names in both languages and the
 * formatters of money, counts, dates and tracking codes. Pages import from
 * `@thads/domain/labels` what they only display.
 */
export { ASSET_KIND_LABELS, ASSET_STATUS_LABELS, ASSET_STEP_LABELS } from "./assets/status.ts";
export { BIDDER_SITUATION_LABELS, DEPOSIT_OUTCOME_LABELS, ROUND_RESULT_LABELS } from "./assets/auction.ts";
export { DISTRIBUTION_RANK_LABELS } from "./assets/rules.ts";
export { CASE_EVENT_LABELS } from "./cases/events.ts";
export { CASE_STATUS_LABELS } from "./cases/state.ts";
export { DEADLINE_LABELS } from "./cases/deadlines.ts";
export { formatDateVi } from "./cases/calendar.ts";
export { FLAG_REASON_LABELS } from "./steering/suggestions.ts";
export { FORCE_LABELS } from "./steering/coercion.ts";
export { REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS } from "./requests/status.ts";
export { formatTrackingCode } from "./requests/tracking.ts";
export { ROLE_LABELS } from "./roles.ts";
export { STAT_FIGURE_LABELS } from "./stats/figures.ts";
export { formatCount, formatDong } from "./money.ts";
