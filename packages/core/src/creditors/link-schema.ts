import { z } from "zod";

/** The desk's form: the kind of party the number belongs to. */
export const ConfirmLinkSchema = z.object({
  intent: z.literal("confirm-link", { message: "Thao tác không hợp lệ." }),
  partyKind: z.enum(["person", "organization"], { message: "Loại người yêu cầu: chọn cá nhân hoặc tổ chức." }),
});
export type ConfirmLinkInput = z.output<typeof ConfirmLinkSchema>;
