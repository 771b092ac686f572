import type { Role } from "@thads/domain";

/** Who opens the complaint pages; what each reads is decided by the database (RLS). */
export const COMPLAINT_READERS: readonly Role[] = [
  "clerk",
  "subunit_head",
  "executor",
  "province_head",
  "province_staff",
  "national_admin",
  "national_viewer",
  "steering_member",
];
/** Who registers and handles letters. */
export const COMPLAINT_HANDLERS: readonly Role[] = ["clerk", "subunit_head", "province_head", "province_staff"];
