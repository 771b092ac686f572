/**
 * Acceptance (thụ lý): opens the case in its province. The first event of every ledger, and only that.
 */
import { d, err, isNonEmpty, no, ok, type Step } from "./shared.ts";

export const acceptance: Step<"acceptance"> = {
  kind: "acceptance",

  guard(state) {
    if (state === null) return null;
    return err(
      "already_accepted",
      `Việc thi hành án đã được thụ lý ngày ${d(state.acceptedOn)}; không thể thụ lý lần nữa.`,
      `The case was already accepted on ${state.acceptedOn}.`,
    );
  },

  effect(state, e, { date }) {
    if (state !== null) return no(acceptance.guard(state)!);
    if (!isNonEmpty(e.provinceId)) {
      return no(err("invalid_event", `Phải ghi rõ tỉnh/thành phố thụ lý việc thi hành án.`, `The accepting province is required.`));
    }
    if (e.source !== "court_transfer" && e.source !== "creditor_request" && e.source !== "transfer_in") {
      return no(
        err(
          "invalid_event",
          `Nguồn thụ lý phải là Tòa án chuyển giao (court_transfer), đơn yêu cầu (creditor_request) hoặc nhận ủy thác (transfer_in).`,
          `The source must be court_transfer, creditor_request or transfer_in.`,
        ),
      );
    }
    if (e.fromAgency !== undefined && (e.source !== "transfer_in" || !isNonEmpty(e.fromAgency))) {
      return no(
        err(
          "invalid_event",
          `Cơ quan ủy thác: chỉ ghi khi việc được nhận ủy thác (transfer_in), và không để trống.`,
          `Entrusting agency: named only for a case received by transfer, and not blank.`,
        ),
      );
    }
    return ok({
      status: "accepted",
      provinceId: e.provinceId,
      unitId: e.unitId ?? null,
      source: e.source,
      acceptedOn: date,
      decisionMode: null,
      decisionNumber: null,
      decidedOn: null,
      notifiedOn: null,
      voluntaryPeriodEndsOn: null,
      firstVerifiedOn: null,
      lastVerifiedOn: null,
      awaitingClassification: false,
      classification: null,
      classifiedOn: null,
      debtorImprisonedOrUnknownAddress: false,
      notYetEnforceableSince: null,
      verificationsWhileNotYetEnforceable: 0,
      registeredOn: null,
      reopenedOn: null,
      newInformationOn: null,
      enforcementStartedOn: null,
      executorId: null,
      obligations: [],
      interruptedFrom: null,
      interruptedOn: null,
      lastResumedOn: null,
      transferredTo: null,
      closedOn: null,
      closingReason: null,
      lastEventDate: date,
      eventCount: 1,
    });
  },
};
