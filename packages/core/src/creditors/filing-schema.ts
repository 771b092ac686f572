import { z } from "zod";
import { PROCEDURES } from "@thads/domain";

/*
 * "File a new request" on the creditor's home: a province and one of the seven procedures, which
 * lead to the province's public form for it (prefilled with the account's name there).
 */

const SEGMENTS = Object.values(PROCEDURES).map((p) => p.segment);

export const NewFilingSchema = z.object({
  province: z
    .string({ message: "Tỉnh, thành phố: chọn một tỉnh, thành phố." })
    .regex(/^[a-z0-9-]{2,60}$/, { message: "Tỉnh, thành phố: chọn một tỉnh, thành phố." }),
  procedure: z
    .string({ message: "Thủ tục: chọn một thủ tục." })
    .refine((v) => SEGMENTS.includes(v), { message: "Thủ tục: chọn một thủ tục." }),
});
export type NewFiling = z.output<typeof NewFilingSchema>;

/** The public form of that procedure in that province. */
export const filingPath = (f: NewFiling) => `/p/${f.province}/requests/new/${f.procedure}`;
