/**
 * The steps of the case's life, one per event kind (docs/domain.md §3). Each step file holds that
 * event's guard (may it be recorded on the case now, and if not, why) and its effect (the new state).
 *
 * The registry's type lists every event kind without optional keys: an event kind added to
 * CASE_EVENT_KINDS without its step does not typecheck.
 */
import type { CaseEventKind } from "../events.ts";
import { acceptance } from "./acceptance.ts";
import { actPerformed } from "./act-performed.ts";
import { classification } from "./classification.ts";
import { completion } from "./completion.ts";
import { decision } from "./decision.ts";
import { enforcementAction } from "./enforcement-action.ts";
import { executorChange } from "./executor-change.ts";
import { notification } from "./notification.ts";
import { intraProvinceTransfer } from "./intra-province-transfer.ts";
import { newInformation } from "./new-information.ts";
import { officeAssignment } from "./office-assignment.ts";
import { reorganisation } from "./reorganisation.ts";
import { payment } from "./payment.ts";
import { postponement } from "./postponement.ts";
import { registerReopening } from "./register-reopening.ts";
import { registerTransfer } from "./register-transfer.ts";
import { requestReturned } from "./request-returned.ts";
import { resumption } from "./resumption.ts";
import { suspension } from "./suspension.ts";
import { termination } from "./termination.ts";
import { transfer } from "./transfer.ts";
import { verification } from "./verification.ts";
import type { Step } from "./shared.ts";

export type { EventOf, Step, StepContext } from "./shared.ts";

export type StepRegistry = { readonly [K in CaseEventKind]: Step<K> };

export const STEPS: StepRegistry = {
  acceptance,
  decision,
  notification,
  verification,
  classification,
  payment,
  act_performed: actPerformed,
  enforcement_action: enforcementAction,
  postponement,
  suspension,
  resumption,
  termination,
  completion,
  transfer,
  executor_change: executorChange,
  register_transfer: registerTransfer,
  request_returned: requestReturned,
  register_reopening: registerReopening,
  office_assignment: officeAssignment,
  reorganisation,
  intra_province_transfer: intraProvinceTransfer,
  new_information: newInformation,
};
