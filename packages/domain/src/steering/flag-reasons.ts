/** Why a case qualifies for a steering committee's list, with the labels (the test is in ./suggestions.ts). */
export const FLAG_REASONS = [
  "high_value",
  "prolonged",
  "complex",
  "corruption_economic",
  "security_order",
  "failed_auctions",
  "bankruptcy",
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABELS: Record<FlagReason, { vi: string; en: string }> = {
  high_value: { vi: "Giá trị lớn", en: "High value" },
  prolonged: { vi: "Kéo dài nhiều năm", en: "Prolonged" },
  complex: { vi: "Phức tạp", en: "Complex" },
  corruption_economic: { vi: "Án tham nhũng, kinh tế (thu hồi tài sản)", en: "Corruption / economic (asset recovery)" },
  security_order: { vi: "Nguy cơ ảnh hưởng an ninh, trật tự", en: "Risk to security and order" },
  failed_auctions: { vi: "Bán đấu giá không thành nhiều lần", en: "Repeated failed auctions" },
  bankruptcy: { vi: "Người phải thi hành án là doanh nghiệp phá sản", en: "Debtor is a company in bankruptcy" },
};
