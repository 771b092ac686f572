/**
 * The enforcement case (`case`) as a pure state machine over its event ledger (docs/domain.md §3).
 *
 *   acceptance → accepted
 *   decision → decided → notification → notified (voluntary compliance period running, then over)
 *   verification (only after the voluntary period) → verified
 *   classification → enforceable | not_yet_enforceable
 *   not_yet_enforceable: re-verification, then classification → enforceable or stays
 *   enforcement_action (coercive measure) or payment while enforceable → enforcing
 *   completion (all obligations settled) → completed;  termination → terminated
 *   postponement → postponed, suspension → suspended; resumption → back to the state before
 *   transfer (to ANOTHER province's agency, or to a military-region enforcement agency) → transferred_out
 *   not_yet_enforceable, register period over (./register.ts): register_transfer → separate_register
 *   (out of the active workload; register_reopening on new information → not_yet_enforceable), or,
 *   2026 rules on request, request_returned → returned (the case ends)
 *
 * The voluntary compliance period is not a separate status: a `notified` case carries
 * `voluntaryPeriodEndsOn`, and `isInVoluntaryPeriod(state, date)` tells whether it is running.
 *
 * Money is a whole number of đồng as `bigint`, never a float.
 *
 * Each event kind is one step, with its guard and its effect, in ./steps/<event-kind>.ts; the
 * registry ./steps/index.ts has a step for every kind. This module is the lifecycle's public face.
 */
export {
  CASE_EVENT_KINDS,
  CASE_EVENT_LABELS,
  COERCIVE_MEASURES,
  MAINTENANCE_EVENT_KINDS,
  MOVE_EVENT_KINDS,
  SECURITY_MEASURES,
  type AcceptanceEvent,
  type ActPerformedEvent,
  type CaseEvent,
  type CaseEventKind,
  type ClassificationEvent,
  type CompletionEvent,
  type DecisionEvent,
  type EnforcementActionEvent,
  type EnforcementMeasure,
  type ExecutorChangeEvent,
  type NotificationEvent,
  type ObligationInput,
  type PaymentEvent,
  type PostponementEvent,
  type RegisterReopeningEvent,
  type RegisterTransferEvent,
  type ReorganisationEvent,
  type RequestReturnedEvent,
  type ResumptionEvent,
  type SuspensionEvent,
  type TerminationEvent,
  type TransferEvent,
  type VerificationEvent,
} from "./events.ts";
export {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CLOSED_STATUSES,
  OUT_OF_WORKLOAD_STATUSES,
  CaseRuleViolation,
  type ApplyResult,
  type CaseRuleCode,
  type CaseRuleError,
  type CaseState,
  type CaseStatus,
  type LifecycleOptions,
  type ObligationState,
  type ResumableStatus,
} from "./state.ts";
export { allObligationsSettled, isClosed, isInVoluntaryPeriod, moneySummary, outstanding, type MoneySummary } from "./queries.ts";
export {
  appendEvent,
  applyEvent,
  deriveState,
  deriveStateOrThrow,
  nextActions,
  sortEvents,
  stateAsOf,
  type DeriveResult,
} from "./ledger.ts";
