import { z } from "zod";
import { text } from "../shared/fields.ts";

/*
 * Forms of committee management (create a committee, add / change / remove a
 * member), shared by the page and the service. Messages are Vietnamese and
 * name the field.
 */
export const STEERING_MEMBER_ROLES = ["chair", "secretary", "member"] as const;
export type SteeringMemberRole = (typeof STEERING_MEMBER_ROLES)[number];

const id = (field: string) => z.uuid({ message: `${field}: chọn một mục trong danh sách.` });
const memberRole = z.enum(STEERING_MEMBER_ROLES, { message: "Vai trò trong Ban: chọn Trưởng ban, Thư ký hoặc Thành viên." });

export const CreateCommitteeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("province"), provinceId: id("Tỉnh, thành phố") }),
    z.object({ kind: z.literal("ad_hoc"), name: text("Tên Ban Chỉ đạo", 300, 3) }),
  ],
  { message: "Loại Ban Chỉ đạo: chọn Ban Chỉ đạo của tỉnh hoặc Ban Chỉ đạo chuyên đề." },
);
export type CreateCommitteeInput = z.infer<typeof CreateCommitteeSchema>;

export const AddMemberSchema = z.object({
  committeeId: id("Ban Chỉ đạo"),
  email: z
    .string({ message: "E-mail thành viên: bắt buộc nhập." })
    .trim()
    .min(1, { message: "E-mail thành viên: bắt buộc nhập." })
    .max(254, { message: "E-mail thành viên: tối đa 254 ký tự." })
    .pipe(z.email({ message: "E-mail thành viên: không đúng định dạng (ví dụ ten@thads.gov.vn)." }))
    .transform((v) => v.toLowerCase()),
  memberRole,
});
export type AddMemberInput = z.infer<typeof AddMemberSchema>;

export const ChangeMemberRoleSchema = z.object({
  memberId: id("Thành viên"),
  memberRole,
});
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleSchema>;

export const RemoveMemberSchema = z.object({
  memberId: id("Thành viên"),
});
export type RemoveMemberInput = z.infer<typeof RemoveMemberSchema>;
