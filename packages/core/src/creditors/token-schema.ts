import { z } from "zod";
import { TOKEN_SCOPES } from "@thads/domain";
import { optionalViDate, text } from "../shared/fields.ts";

/**
 * The API token form of a creditor organisation: a name, what it may read, and the last day it
 * works (at most a year ahead; 90 days when left blank). Parsers only, for the page and its action.
 */

const scopeList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(TOKEN_SCOPES, { message: "Quyền của mã: lựa chọn không hợp lệ." }))
    .min(1, { message: "Quyền của mã: chọn ít nhất một quyền." })
    .transform((v) => [...new Set(v)]),
);

export const CreateTokenSchema = z.object({
  intent: z.literal("create"),
  name: text("Tên mã truy cập", 100),
  scopes: scopeList,
  expiresOn: optionalViDate("Ngày hết hạn"),
});
export type CreateTokenInput = z.infer<typeof CreateTokenSchema>;

export const RevokeTokenSchema = z.object({
  intent: z.literal("revoke"),
  tokenId: z.uuid({ message: "Mã truy cập: không hợp lệ." }),
});
