/**
 * Assets of a debtor attached to a case (tài sản thi hành án) and the status machine they move
 * through: identified → seized → valued → at auction → sold → delivered, or back to the debtor
 * (returned) or to the creditor (handed to creditor).
 */

export const ASSET_KINDS = ["land_use_right", "house", "vehicle", "machinery", "shares", "bank_account", "other"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_KIND_LABELS: Readonly<Record<AssetKind, { vi: string; en: string }>> = {
  land_use_right: { vi: "Quyền sử dụng đất", en: "Land use right" },
  house: { vi: "Nhà ở, công trình", en: "House or building" },
  vehicle: { vi: "Phương tiện", en: "Vehicle" },
  machinery: { vi: "Máy móc, thiết bị", en: "Machinery" },
  shares: { vi: "Cổ phần, phần vốn góp", en: "Shares" },
  bank_account: { vi: "Tài khoản ngân hàng", en: "Bank account" },
  other: { vi: "Tài sản khác", en: "Other" },
};

export const ASSET_STATUSES = [
  "identified",
  "seized",
  "valued",
  "at_auction",
  "sold",
  "delivered",
  "returned",
  "handed_to_creditor",
] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const ASSET_STATUS_LABELS: Readonly<Record<AssetStatus, { vi: string; en: string }>> = {
  identified: { vi: "Đã xác minh", en: "Identified" },
  seized: { vi: "Đã kê biên", en: "Seized" },
  valued: { vi: "Đã thẩm định giá", en: "Valued" },
  at_auction: { vi: "Đang bán đấu giá", en: "At auction" },
  sold: { vi: "Đã bán", en: "Sold" },
  delivered: { vi: "Đã giao cho người mua", en: "Delivered to the buyer" },
  returned: { vi: "Trả lại người phải thi hành án", en: "Returned to the debtor" },
  handed_to_creditor: { vi: "Giao cho người được thi hành án", en: "Handed to the creditor" },
};

/** Every step recorded on an asset. */
export const ASSET_STEP_KINDS = [
  "identification",
  "seizure",
  "valuation",
  "contract",
  "round",
  "round_result",
  "deposit",
  "deposit_settlement",
  "sale",
  "delivery",
  "return",
  "hand_to_creditor",
] as const;
export type AssetStepKind = (typeof ASSET_STEP_KINDS)[number];

export const ASSET_STEP_LABELS: Readonly<Record<AssetStepKind, { vi: string; en: string }>> = {
  identification: { vi: "Ghi nhận tài sản", en: "Asset identified" },
  seizure: { vi: "Kê biên / phong tỏa", en: "Seizure / freeze" },
  valuation: { vi: "Thẩm định giá", en: "Valuation" },
  contract: { vi: "Hợp đồng bán đấu giá", en: "Auction contract" },
  round: { vi: "Thông báo phiên đấu giá", en: "Auction round announced" },
  round_result: { vi: "Kết quả phiên đấu giá", en: "Auction round result" },
  deposit: { vi: "Nhận tiền đặt trước", en: "Deposit received" },
  deposit_settlement: { vi: "Xử lý tiền đặt trước", en: "Deposit settled" },
  sale: { vi: "Thanh toán tiền mua, phân chia tiền", en: "Payment and distribution" },
  delivery: { vi: "Giao tài sản cho người mua", en: "Delivery to the buyer" },
  return: { vi: "Trả lại tài sản", en: "Asset returned" },
  hand_to_creditor: { vi: "Giao tài sản cho người được thi hành án", en: "Asset handed to the creditor" },
};

export const FINAL_ASSET_STATUSES: readonly AssetStatus[] = ["delivered", "returned", "handed_to_creditor"];

/**
 * From which statuses each step may be taken, and the status it leads to (`null`: unchanged).
 * A round result may put the asset back to `at_auction` (no bidder, cancelled) or to `sold`;
 * that choice is `roundResultStatus`'s.
 */
const STEP_RULES: Readonly<Record<AssetStepKind, { from: readonly AssetStatus[]; to: AssetStatus | null }>> = {
  identification: { from: [], to: "identified" },
  seizure: { from: ["identified", "seized"], to: "seized" },
  valuation: { from: ["seized", "valued", "at_auction"], to: "valued" },
  contract: { from: ["valued", "at_auction"], to: null },
  round: { from: ["valued", "at_auction"], to: "at_auction" },
  // From `sold` only to record that the winner walked away (the round then counts as failed).
  round_result: { from: ["at_auction", "sold"], to: null },
  deposit: { from: ["at_auction"], to: null },
  // A forfeited winner's deposit is settled after the sale fell through: the asset is back at auction.
  deposit_settlement: { from: ["at_auction", "sold", "delivered"], to: null },
  sale: { from: ["sold"], to: null },
  delivery: { from: ["sold"], to: "delivered" },
  return: { from: ["identified", "seized", "valued", "at_auction"], to: "returned" },
  hand_to_creditor: { from: ["seized", "valued", "at_auction"], to: "handed_to_creditor" },
};

export interface AssetRuleError {
  code: string;
  message_vi: string;
  message_en: string;
  field?: string;
}

export type AssetCheck<T = object> = ({ ok: true } & T) | { ok: false; error: AssetRuleError };

export const assetError = (code: string, message_vi: string, message_en: string, field?: string): { ok: false; error: AssetRuleError } => ({
  ok: false,
  error: { code, message_vi, message_en, ...(field ? { field } : {}) },
});

/** May this step be taken on an asset in this status, and what status follows? */
export function assetStepTransition(status: AssetStatus, step: AssetStepKind): AssetCheck<{ status: AssetStatus }> {
  const rule = STEP_RULES[step];
  if (!rule.from.includes(status)) {
    return assetError(
      "asset_step_not_allowed",
      `Không thể ghi "${ASSET_STEP_LABELS[step].vi}" khi tài sản đang ở trạng thái "${ASSET_STATUS_LABELS[status].vi}".`,
      `Cannot record "${ASSET_STEP_LABELS[step].en}" while the asset is "${ASSET_STATUS_LABELS[status].en}".`,
    );
  }
  return { ok: true, status: rule.to ?? status };
}

/** The steps that may come next from a status (for the forms shown on the asset page). */
export function nextAssetSteps(status: AssetStatus): AssetStepKind[] {
  return ASSET_STEP_KINDS.filter((k) => STEP_RULES[k].from.includes(status));
}
