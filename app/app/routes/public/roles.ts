/** Who works at a one-stop desk: sub-bureau heads and clerks for their office, province head and staff for the province. */
export const DESK_ROLES = ["province_head", "province_staff", "subunit_head", "clerk"] as const;
/** Who edits a province's public page. */
export const PAGE_EDITOR_ROLES = ["province_head", "province_staff"] as const;
