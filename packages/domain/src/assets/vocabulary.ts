/**
 * The words of seizure and auction shown in the UI: round results, deposit outcomes, bidders'
 * situations and the ranks of the distribution, with their labels. No rule and no date here (the
 * rules are in ./auction.ts and ./rules.ts), so the browser's bundle can take them.
 */

/** Ranks of Art. 47, in payment order. */
export const DISTRIBUTION_RANKS = ["costs", "secured", "priority", "court_fee", "fine_state", "insurance", "other"] as const;
export type DistributionRank = (typeof DISTRIBUTION_RANKS)[number];

/**
 * Ranks a creditor's claim may take (costs are the agency's, not a claim). `fine_state` and
 * `insurance` are ranks of their own from 01/07/2026 only (Law 106 Art. 54(2)(c), (d)); before,
 * such sums are "other" obligations (Law 26/2008 Art. 47(2)(c)).
 */
export const CLAIM_RANKS = ["secured", "priority", "court_fee", "fine_state", "insurance", "other"] as const;
export type ClaimRank = (typeof CLAIM_RANKS)[number];

export const DISTRIBUTION_RANK_LABELS: Readonly<Record<DistributionRank | "debtor", { vi: string; en: string }>> = {
  costs: { vi: "Chi phí thi hành án (cưỡng chế, định giá, bán đấu giá)", en: "Enforcement costs" },
  secured: { vi: "Người nhận thế chấp, cầm cố (từ tiền bán chính tài sản bảo đảm)", en: "Secured creditor (from its own collateral)" },
  priority: {
    vi: "Tiền cấp dưỡng; tiền lương, tiền công, trợ cấp thôi việc, mất việc làm, mất sức lao động; bồi thường tính mạng, sức khỏe, tổn thất tinh thần",
    en: "Maintenance; wages, severance, job-loss and incapacity allowances; compensation for life, health and mental suffering",
  },
  court_fee: { vi: "Án phí, lệ phí Tòa án", en: "Court fees" },
  fine_state: {
    vi: "Tiền phạt; khoản truy thu sung quỹ nhà nước (từ 01/07/2026)",
    en: "Fines; sums recovered for the State (from 01/07/2026)",
  },
  insurance: {
    vi: "Bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế (từ 01/07/2026)",
    en: "Social, unemployment and health insurance (from 01/07/2026)",
  },
  other: { vi: "Các khoản phải thi hành khác (theo tỷ lệ)", en: "Other obligations (pro rata)" },
  debtor: { vi: "Trả lại người phải thi hành án", en: "Returned to the debtor" },
};

export const ROUND_RESULTS = ["scheduled", "sold", "no_bidder", "cancelled", "buyer_withdrew"] as const;
export type RoundResult = (typeof ROUND_RESULTS)[number];

export const ROUND_RESULT_LABELS: Readonly<Record<RoundResult, { vi: string; en: string }>> = {
  scheduled: { vi: "Chưa tổ chức", en: "Scheduled" },
  sold: { vi: "Bán thành", en: "Sold" },
  no_bidder: { vi: "Không có người tham gia / trả giá", en: "No bidder" },
  cancelled: { vi: "Hủy phiên", en: "Cancelled" },
  buyer_withdrew: { vi: "Người trúng đấu giá từ chối mua", en: "Winner walked away" },
};

export const DEPOSIT_OUTCOMES = ["held", "refunded", "forfeited", "applied"] as const;
export type DepositOutcome = (typeof DEPOSIT_OUTCOMES)[number];

export const DEPOSIT_OUTCOME_LABELS: Readonly<Record<DepositOutcome, { vi: string; en: string }>> = {
  held: { vi: "Đang giữ", en: "Held" },
  refunded: { vi: "Đã trả lại", en: "Refunded" },
  forfeited: { vi: "Không được nhận lại (bị tịch thu)", en: "Forfeited" },
  applied: { vi: "Trừ vào tiền mua tài sản", en: "Applied to the price" },
};

/** How a bidder's part in a round ended. */
export const BIDDER_SITUATIONS = [
  "not_winner",
  "round_cancelled",
  "winner_paid",
  "winner_refused",
  "absent_without_reason",
  "disqualified",
  "refused_to_sign",
  "withdrew_bid",
] as const;
export type BidderSituation = (typeof BIDDER_SITUATIONS)[number];

export const BIDDER_SITUATION_LABELS: Readonly<Record<BidderSituation, { vi: string; en: string }>> = {
  not_winner: { vi: "Không trúng đấu giá", en: "Did not win" },
  round_cancelled: { vi: "Phiên bị hủy", en: "Round cancelled" },
  winner_paid: { vi: "Trúng đấu giá và nộp đủ tiền", en: "Won and paid" },
  winner_refused: { vi: "Từ chối kết quả trúng đấu giá", en: "Refused the winning result" },
  absent_without_reason: {
    vi: "Đã nộp tiền đặt trước nhưng không tham gia phiên, không do bất khả kháng",
    en: "Paid the deposit but did not attend, without force majeure",
  },
  disqualified: { vi: "Bị truất quyền tham gia đấu giá", en: "Disqualified from the auction" },
  refused_to_sign: { vi: "Từ chối ký biên bản đấu giá", en: "Refused to sign the minutes" },
  withdrew_bid: { vi: "Rút lại giá đã trả hoặc giá đã chấp nhận", en: "Withdrew a bid or an accepted price" },
};

/** Grounds to re-value a seized asset (Law 26/2008 Art. 99(1); Law 106/2025 Art. 82(2)). */
export const REVALUATION_GROUNDS = ["party_request", "serious_breach", "certificate_expired"] as const;
export type RevaluationGround = (typeof REVALUATION_GROUNDS)[number];
