/**
 * Acceptance (thụ lý): opens the case in its province. The first event of every ledger, and only that.
 */
import { AGENCY_NAME_MAX, AGENCY_NAME_MIN, ENTRUSTING_DECISION_NUMBER_MAX, isAgencyName } from "../agency-name.ts";
import { isIsoDate } from "../calendar.ts";
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
    if (e.fromAgency !== undefined && (e.source !== "transfer_in" || typeof e.fromAgency !== "string" || !isAgencyName(e.fromAgency))) {
      return no(
        err(
          "invalid_event",
          `Cơ quan ủy thác: chỉ ghi khi việc được nhận ủy thác (transfer_in), tên từ ${AGENCY_NAME_MIN} đến ${AGENCY_NAME_MAX} ký tự.`,
          `Entrusting agency: named only for a case received by transfer, a name of ${AGENCY_NAME_MIN} to ${AGENCY_NAME_MAX} characters.`,
        ),
      );
    }
    const number = e.entrustingDecisionNumber;
    const on = e.entrustingDecisionOn;
    if (number !== undefined || on !== undefined) {
      if (e.fromAgency === undefined) {
        return no(
          err(
            "invalid_event",
            `Quyết định ủy thác: chỉ ghi khi việc được nhận ủy thác từ cơ quan thi hành án cấp quân khu (ghi cả tên cơ quan đó).`,
            `Entrusting decision: only for a case entrusted by a military-region agency (named with it).`,
          ),
        );
      }
      const numberOk = typeof number === "string" && number.trim() !== "" && [...number.trim()].length <= ENTRUSTING_DECISION_NUMBER_MAX;
      if (!numberOk || typeof on !== "string" || !isIsoDate(on)) {
        return no(
          err(
            "invalid_event",
            `Quyết định ủy thác: ghi cả số (tối đa ${ENTRUSTING_DECISION_NUMBER_MAX} ký tự) và ngày của quyết định.`,
            `Entrusting decision: both its number (up to ${ENTRUSTING_DECISION_NUMBER_MAX} characters) and its date.`,
          ),
        );
      }
      // The receiving agency acts on the decision it received (L106 Art. 49(2) ¶2, VERIFIED against the
      // law's text): the case is not taken in before the decision was made.
      if (on > date) {
        return no(
          err(
            "invalid_event",
            `Ngày quyết định ủy thác (${d(on)}) không được sau ngày thụ lý (${d(date)}).`,
            `The entrusting decision (${on}) cannot be dated after the acceptance (${date}).`,
          ),
        );
      }
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
