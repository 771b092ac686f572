/** Labels for enum values shown in the UI (Vietnamese first). */
export const JUDGMENT_TYPE_LABELS: Record<string, { vi: string; en: string }> = {
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

export const PARTY_ROLE_LABELS: Record<string, { vi: string; en: string }> = {
  creditor: { vi: "Người được thi hành án", en: "Creditor" },
  debtor: { vi: "Người phải thi hành án", en: "Debtor" },
  related: { vi: "Người có quyền lợi, nghĩa vụ liên quan", en: "Related party" },
};

export const MEASURE_LABELS: Record<string, { vi: string; en: string }> = {
  account_freeze: { vi: "Phong tỏa tài khoản", en: "Account freeze" },
  temporary_seizure: { vi: "Tạm giữ tài sản, giấy tờ", en: "Temporary seizure" },
  transaction_ban: { vi: "Tạm dừng đăng ký, chuyển dịch tài sản", en: "Transaction ban" },
  income_deduction: { vi: "Khấu trừ thu nhập", en: "Income deduction" },
  account_collection: { vi: "Khấu trừ tiền trong tài khoản", en: "Collection from an account" },
  seizure: { vi: "Kê biên tài sản", en: "Seizure" },
  valuation: { vi: "Thẩm định giá", en: "Valuation" },
  auction: { vi: "Bán đấu giá", en: "Auction" },
  price_reduction: { vi: "Giảm giá tài sản", en: "Price reduction" },
  coercion_with_forces: { vi: "Cưỡng chế có huy động lực lượng", en: "Coercion with mobilized forces" },
  other: { vi: "Biện pháp khác", en: "Other measure" },
};

export const PAYMENT_METHOD_LABELS: Record<string, { vi: string; en: string }> = {
  cash: { vi: "Tiền mặt", en: "Cash" },
  bank_transfer: { vi: "Chuyển khoản", en: "Bank transfer" },
  auction_proceeds: { vi: "Tiền bán đấu giá tài sản", en: "Auction proceeds" },
  other: { vi: "Khác", en: "Other" },
};

/** What each ledger step is called on buttons and in the timeline. */
export const STEP_LABELS: Record<string, { vi: string; en: string }> = {
  acceptance: { vi: "Thụ lý", en: "Case accepted" },
  decision: { vi: "Ra quyết định thi hành án", en: "Issue the enforcement decision" },
  notification: { vi: "Thông báo thi hành án", en: "Notify the parties" },
  verification: { vi: "Xác minh điều kiện thi hành án", en: "Verify the debtor's means" },
  classification: { vi: "Phân loại điều kiện thi hành án", en: "Classify" },
  payment: { vi: "Thu tiền", en: "Collect a payment" },
  act_performed: { vi: "Thực hiện nghĩa vụ", en: "Act performed" },
  enforcement_action: { vi: "Áp dụng biện pháp", en: "Enforcement measure" },
  postponement: { vi: "Hoãn thi hành án", en: "Postpone" },
  suspension: { vi: "Tạm đình chỉ thi hành án", en: "Suspend" },
  resumption: { vi: "Tiếp tục thi hành án", en: "Resume" },
  termination: { vi: "Đình chỉ thi hành án", en: "Terminate" },
  completion: { vi: "Thi hành xong", en: "Completed" },
  transfer: { vi: "Ủy thác thi hành án", en: "Transfer to another agency" },
  executor_change: { vi: "Thay đổi chấp hành viên", en: "Assign an executor" },
  register_transfer: { vi: "Chuyển sổ theo dõi riêng", en: "Move to the separate register" },
  request_returned: { vi: "Gửi lại yêu cầu thi hành án", en: "Return the request" },
  register_reopening: { vi: "Xác minh lại khi có thông tin mới", en: "Reopen on new information" },
  new_information: { vi: "Tiếp nhận thông tin mới về điều kiện thi hành án", en: "New information about the debtor's means" },
  office_assignment: { vi: "Giao phòng thi hành án dân sự khu vực", en: "Assign to a regional office" },
};
