/** The kinds of legal deadline a case has, with their labels (the computation is in ./deadlines.ts). */
export type DeadlineKind =
  | "decision"
  | "notification"
  | "voluntary_period_end"
  | "verification"
  | "reverification"
  | "separate_register"
  | "request_return"
  | "new_information_verification";

export const DEADLINE_LABELS: Readonly<Record<DeadlineKind, { vi: string; en: string }>> = {
  decision: { vi: "Hạn ra quyết định thi hành án", en: "Enforcement decision due" },
  notification: { vi: "Hạn thông báo quyết định thi hành án", en: "Notification due" },
  voluntary_period_end: { vi: "Hết thời hạn tự nguyện thi hành án", en: "End of voluntary compliance period" },
  verification: { vi: "Hạn xác minh điều kiện thi hành án", en: "Verification due" },
  reverification: { vi: "Hạn xác minh lại điều kiện thi hành án", en: "Re-verification due" },
  separate_register: { vi: "Hạn chuyển sổ theo dõi riêng", en: "Move to the separate register due" },
  request_return: { vi: "Hạn gửi lại yêu cầu thi hành án", en: "Return of the request due" },
  new_information_verification: { vi: "Hạn xác minh khi có thông tin mới", en: "Verification on new information due" },
};
