/**
 * The life of a request at the one-stop desk:
 *
 *   submitted → received → processing → returned
 *        ↘          ↘           ↘
 *                 rejected (refused, with the reason)
 *
 * `received` → `returned` directly is allowed (a confirmation answered on the spot). The database
 * enforces the same transitions (trigger on public.service_requests).
 */

/** Same values as the `public.request_status` enum in the database. */
export const REQUEST_STATUSES = ["submitted", "received", "processing", "returned", "rejected"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ["receive", "process", "return", "reject"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  receive: { from: ["submitted"], to: "received" },
  process: { from: ["received"], to: "processing" },
  return: { from: ["received", "processing"], to: "returned" },
  reject: { from: ["submitted", "received", "processing"], to: "rejected" },
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, { vi: string; en: string }> = {
  submitted: { vi: "Đã gửi, chờ tiếp nhận", en: "Submitted, awaiting reception" },
  received: { vi: "Đã tiếp nhận", en: "Received" },
  processing: { vi: "Đang giải quyết", en: "Processing" },
  returned: { vi: "Đã trả kết quả", en: "Result returned" },
  rejected: { vi: "Từ chối tiếp nhận / giải quyết", en: "Rejected" },
};

export const REQUEST_ACTION_LABELS: Record<RequestAction, { vi: string; en: string }> = {
  receive: { vi: "Tiếp nhận", en: "Receive" },
  process: { vi: "Chuyển giải quyết", en: "Start processing" },
  return: { vi: "Trả kết quả", en: "Return the result" },
  reject: { vi: "Từ chối", en: "Reject" },
};

export function isClosedStatus(status: RequestStatus): boolean {
  return status === "returned" || status === "rejected";
}

export type TransitionResult =
  | { ok: true; to: RequestStatus }
  | { ok: false; code: "invalid_transition" | "reason_required"; message_vi: string; message_en: string };

/** The next status after an action, or why it is not allowed. A rejection needs a reason. */
export function applyRequestAction(status: RequestStatus, action: RequestAction, note?: string | null): TransitionResult {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    return {
      ok: false,
      code: "invalid_transition",
      message_vi: `Không thể "${REQUEST_ACTION_LABELS[action].vi.toLowerCase()}" yêu cầu đang ở trạng thái "${REQUEST_STATUS_LABELS[status].vi}".`,
      message_en: `Cannot ${REQUEST_ACTION_LABELS[action].en.toLowerCase()} a request that is "${REQUEST_STATUS_LABELS[status].en}".`,
    };
  }
  if ((action === "reject" || action === "return") && !note?.trim()) {
    return {
      ok: false,
      code: "reason_required",
      message_vi: action === "reject" ? "Lý do từ chối: bắt buộc nhập." : "Kết quả giải quyết: bắt buộc nhập.",
      message_en: action === "reject" ? "Reason: required." : "Result: required.",
    };
  }
  return { ok: true, to: t.to };
}

/** Actions offered for a request in this status. */
export function actionsFor(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}
