import { z } from "zod";
import { ASSET_KINDS, BIDDER_SITUATIONS, CLAIM_RANKS, REVALUATION_GROUNDS } from "@thads/domain";
import { dongInput, optionalText, optionalViDate, text, viDate } from "../shared/fields.ts";

/*
 * One schema per asset form, shared by the asset pages and the service: Vietnamese messages that
 * name the field, dates dd/mm/yyyy, money whole đồng. The domain rules check the law afterwards.
 */

const key = z.uuid({ message: "Mã chống gửi trùng không hợp lệ: tải lại trang." });
const version = z.coerce.number({ message: "Phiên bản hồ sơ tài sản không hợp lệ: tải lại trang." }).int().min(1);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalDong = (field: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), dongInput(field).optional());
/** Money that may be zero (costs): "0" or a positive amount. */
const dongOrZero = (field: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*0*\s*$/.test(v) && v.trim() !== "" ? "zero" : v),
    z.union([z.literal("zero").transform(() => 0n), dongInput(field)]),
  );

export const NewAssetSchema = z.object({
  idempotencyKey: key,
  kind: z.enum(ASSET_KINDS, { message: "Loại tài sản: chọn một loại." }),
  description: text("Mô tả tài sản", 1000, 3),
  location: optionalText("Địa chỉ / nơi có tài sản", 500),
  ownershipDocs: optionalText("Giấy tờ sở hữu", 1000),
  encumbranceBank: optionalText("Thế chấp tại (ngân hàng)", 300),
  encumbranceNote: optionalText("Ghi chú thế chấp", 1000),
  identifiedOn: viDate("Ngày xác minh tài sản"),
});
export type NewAssetInput = z.output<typeof NewAssetSchema>;

const base = { idempotencyKey: key, version, effectiveDate: viDate("Ngày thực hiện") };

export const ASSET_STEP_SCHEMAS = {
  seizure: z
    .object({
      ...base,
      seizureKind: z.enum(["seizure", "account_freeze"], { message: "Biện pháp: chọn kê biên hoặc phong tỏa tài khoản." }),
      executorName: text("Chấp hành viên thực hiện", 200),
      minutesNumber: optionalText("Số biên bản", 100),
      bankName: optionalText("Ngân hàng", 300),
      accountNumber: optionalText("Số tài khoản", 40),
      frozenAmount: optionalDong("Số tiền phong tỏa"),
      note: optionalText("Ghi chú", 1000),
    })
    .superRefine((v, ctx) => {
      if (v.seizureKind === "account_freeze") {
        if (!v.bankName) ctx.addIssue({ code: "custom", path: ["bankName"], message: "Ngân hàng: bắt buộc khi phong tỏa tài khoản." });
        if (!v.accountNumber || !/^[0-9A-Za-z-]{4,40}$/.test(v.accountNumber)) {
          ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "Số tài khoản: bắt buộc, 4–40 chữ số hoặc chữ cái." });
        }
      }
    }),
  valuation: z.object({
    ...base,
    appraiser: text("Tổ chức thẩm định giá", 300, 2),
    value: dongInput("Giá trị thẩm định"),
    note: optionalText("Ghi chú", 1000),
    /** A re-valuation (the asset was valued before): the legal ground, checked by the rules in force on the request date. */
    revaluationGround: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(REVALUATION_GROUNDS, { message: "Căn cứ thẩm định lại: chọn một căn cứ." }).optional(),
    ),
    /** When the party asked (or the breach was found); the valuation date when blank. */
    revaluationRequestedOn: optionalViDate("Ngày yêu cầu thẩm định lại"),
    /** When the requesting party was told the previous valuation result (ground party_request). */
    resultNotifiedOn: optionalViDate("Ngày đương sự nhận thông báo kết quả thẩm định giá"),
    revaluationReason: optionalText("Ghi chú căn cứ thẩm định lại", 500),
  }),
  contract: z.object({
    ...base,
    organisation: text("Tổ chức đấu giá", 300, 2),
    contractNumber: text("Số hợp đồng", 100),
    fee: optionalDong("Thù lao đấu giá"),
  }),
  round: z.object({
    ...base,
    heldOn: viDate("Ngày tổ chức phiên đấu giá"),
    startingPrice: dongInput("Giá khởi điểm"),
    venue: optionalText("Địa điểm", 500),
    enforcementCosts: z.preprocess((v) => (v === "" ? undefined : v), dongOrZero("Chi phí thi hành án").optional()),
  }),
  round_result: z
    .object({
      ...base,
      result: z.enum(["sold", "no_bidder", "cancelled", "buyer_withdrew"], { message: "Kết quả: chọn một kết quả." }),
      winningBid: optionalDong("Giá trúng đấu giá"),
      winnerName: optionalText("Người trúng đấu giá", 300),
    })
    .superRefine((v, ctx) => {
      if (v.result === "sold") {
        if (v.winningBid === undefined)
          ctx.addIssue({ code: "custom", path: ["winningBid"], message: "Giá trúng đấu giá: bắt buộc khi bán thành." });
        if (!v.winnerName) ctx.addIssue({ code: "custom", path: ["winnerName"], message: "Người trúng đấu giá: bắt buộc khi bán thành." });
      }
    }),
  deposit: z.object({
    ...base,
    bidderName: text("Người đặt trước", 300),
    amount: dongInput("Tiền đặt trước"),
  }),
  deposit_settlement: z.object({
    ...base,
    depositId: z.uuid({ message: "Khoản đặt trước: chọn một khoản." }),
    situation: z.enum(BIDDER_SITUATIONS, { message: "Tình huống của người đặt trước: chọn một tình huống." }),
  }),
  sale: z.object({
    ...base,
    enforcementCosts: dongOrZero("Chi phí thi hành án"),
    ranks: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,20}$/), z.enum(CLAIM_RANKS, { message: "Thứ tự ưu tiên: chọn một hàng." }))
      .default({}),
  }),
  delivery: z.object({ ...base, withCoercion: checkbox, note: optionalText("Ghi chú", 1000) }),
  return: z.object({ ...base, reason: text("Lý do trả lại", 1000) }),
  hand_to_creditor: z.object({
    ...base,
    reason: text("Căn cứ giao tài sản", 1000),
    creditedAmount: optionalDong("Giá trị tài sản trừ vào số tiền được thi hành án"),
    obligationCode: optionalText("Khoản phải thi hành được trừ", 20),
  }),
} as const;

export type AssetFormStep = keyof typeof ASSET_STEP_SCHEMAS;
export const ASSET_FORM_STEPS = Object.keys(ASSET_STEP_SCHEMAS) as AssetFormStep[];
export type AssetStepInput = { [K in AssetFormStep]: { kind: K } & z.output<(typeof ASSET_STEP_SCHEMAS)[K]> }[AssetFormStep];

export type AssetStepParse = { ok: true; step: AssetStepInput } | { ok: false; fieldErrors: Record<string, string> };

/** Form fields → a step, or the messages per field. */
export function parseAssetStep(kind: AssetFormStep, fields: Record<string, unknown>): AssetStepParse {
  const r = ASSET_STEP_SCHEMAS[kind].safeParse(fields);
  if (!r.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of r.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  return { ok: true, step: { kind, ...r.data } as AssetStepInput };
}
