/** Roles of a membership (user × unit × role), docs/domain.md §5. */
export const ROLES = [
  "national_admin",
  "national_viewer",
  "province_head",
  "province_staff",
  "subunit_head",
  "executor",
  "clerk",
  "steering_member",
  "creditor",
] as const;
export type Role = (typeof ROLES)[number];

export type UnitKind = "national" | "province" | "subunit";

/** The unit kind each role belongs to (creditors belong to none). */
export const ROLE_UNIT_KIND: Record<Role, UnitKind | "national_or_province" | null> = {
  national_admin: "national",
  national_viewer: "national",
  province_head: "province",
  province_staff: "province",
  subunit_head: "subunit",
  executor: "subunit",
  clerk: "subunit",
  steering_member: "national_or_province",
  creditor: null,
};

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  national_admin: { vi: "Quản trị Cục Quản lý THADS", en: "National administrator" },
  national_viewer: { vi: "Cán bộ Cục Quản lý THADS", en: "National viewer" },
  province_head: { vi: "Thủ trưởng THADS tỉnh", en: "Province head" },
  province_staff: { vi: "Cán bộ THADS tỉnh", en: "Province staff" },
  subunit_head: { vi: "Trưởng phòng THADS khu vực", en: "Sub-bureau head" },
  executor: { vi: "Chấp hành viên", en: "Executor" },
  clerk: { vi: "Thư ký thi hành án", en: "Clerk" },
  steering_member: { vi: "Thành viên Ban Chỉ đạo THADS", en: "Steering committee member" },
  creditor: { vi: "Người được thi hành án", en: "Creditor" },
};

/** The homes a signed-in user can land on, most senior first. */
export type Home =
  | { kind: "national" }
  | { kind: "province"; provinceSlug: string }
  | { kind: "subunit"; unitCode: string }
  | { kind: "worklist" }
  | { kind: "steering" }
  | { kind: "creditor" };

export interface MembershipRef {
  role: Role;
  unitKind: UnitKind | null;
  unitCode: string | null;
  provinceSlug: string | null;
  unitId?: string | null;
  provinceId?: string | null;
}

/**
 * The role groups the database's row-level security names (app_private.role_groups(),
 * migration 20261205000100_role_group_helpers.sql): one list per business rule, so a
 * policy says "units where the user is on the sub-bureau's staff" rather than spelling
 * out the roles. A database test compares the two; change both together.
 */
export const ROLE_GROUPS = {
  /** The directorate: every case in the country, read only. */
  national: ["national_admin", "national_viewer"],
  /** A province's bureau, head and staff, across their province. */
  province_staff: ["province_head", "province_staff"],
  /** The province head: grants roles, sets targets, reads the audit trail. */
  province_head: ["province_head"],
  /** A sub-bureau's staff: head, executors, clerks (read their unit). */
  unit_staff: ["subunit_head", "executor", "clerk"],
  /** A sub-bureau's head and clerks: take cases and requests in. */
  unit_office: ["subunit_head", "clerk"],
  /** Executors: act on the cases assigned to them. */
  executor: ["executor"],
  /** A sub-bureau's head and executors: report progress, run coercion. */
  unit_enforcement: ["subunit_head", "executor"],
  /** The sub-bureau head: flags cases to the steering committee. */
  unit_head: ["subunit_head"],
  /** Heads of a unit (with province staff): answer a steering directive addressed to it. */
  heads: ["subunit_head", "province_head", "province_staff"],
  /** Everyone on a bureau's staff, province or sub-bureau. */
  enforcement_staff: ["subunit_head", "executor", "clerk", "province_head", "province_staff"],
  /** The roles a province head may give within the province. */
  province_head_grants: ["province_staff", "subunit_head", "executor", "clerk", "steering_member"],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

const NATIONAL_ROLES: readonly Role[] = ROLE_GROUPS.national;
const PROVINCE_ROLES: readonly Role[] = ROLE_GROUPS.province_staff;
const SUBUNIT_ROLES: readonly Role[] = ROLE_GROUPS.unit_staff;

export function isNational(memberships: MembershipRef[]): boolean {
  return memberships.some((m) => NATIONAL_ROLES.includes(m.role));
}

/**
 * May this user open a province's workspace? The directorate and that
 * province's own staff (docs/domain.md §5). The database enforces the same rule
 * with RLS; this decides between a page and a 403.
 */
export function canViewProvince(memberships: MembershipRef[], provinceId: string): boolean {
  return isNational(memberships) || memberships.some((m) => PROVINCE_ROLES.includes(m.role) && m.provinceId === provinceId);
}

/** May this user open a sub-bureau's workspace? Directorate, its province's staff, its own staff. */
export function canViewUnit(memberships: MembershipRef[], unit: { id: string; provinceId: string }): boolean {
  return canViewProvince(memberships, unit.provinceId) || memberships.some((m) => SUBUNIT_ROLES.includes(m.role) && m.unitId === unit.id);
}

export function hasRole(memberships: MembershipRef[], ...roles: Role[]): boolean {
  return memberships.some((m) => roles.includes(m.role));
}

/** A creditor account and nothing else: it reads its cases on the creditors' pages, never the staff's. */
export function isCreditorOnly(memberships: MembershipRef[]): boolean {
  return memberships.length > 0 && memberships.every((m) => m.role === "creditor");
}

const PRECEDENCE: Role[] = [
  "national_admin",
  "national_viewer",
  "province_head",
  "province_staff",
  "subunit_head",
  "executor",
  "clerk",
  "steering_member",
  "creditor",
];

/** Picks where a user lands after sign-in: the most senior of their memberships. */
export function homeFor(memberships: MembershipRef[]): Home | null {
  const sorted = [...memberships].sort((a, b) => PRECEDENCE.indexOf(a.role) - PRECEDENCE.indexOf(b.role));
  const top = sorted[0];
  if (!top) return null;
  switch (top.role) {
    case "national_admin":
    case "national_viewer":
      return { kind: "national" };
    case "province_head":
    case "province_staff":
      return top.provinceSlug ? { kind: "province", provinceSlug: top.provinceSlug } : null;
    case "executor":
      // An executor works his own cases: his worklist, not the office's dashboard.
      return top.unitCode ? { kind: "worklist" } : null;
    case "subunit_head":
    case "clerk":
      return top.unitCode ? { kind: "subunit", unitCode: top.unitCode } : null;
    case "steering_member":
      return { kind: "steering" };
    case "creditor":
      return { kind: "creditor" };
  }
}

export function homePath(home: Home): string {
  switch (home.kind) {
    case "national":
      return "/national";
    case "province":
      return `/province/${home.provinceSlug}`;
    case "subunit":
      return `/unit/${home.unitCode}`;
    case "worklist":
      return "/worklist";
    case "steering":
      return "/steering";
    case "creditor":
      return "/requests";
  }
}

/** Navigation entries a user may see, derived from their memberships only. */
export interface NavItem {
  key:
    | "national"
    | "province"
    | "worklist"
    | "subunit"
    | "cases"
    | "steering"
    | "requests"
    | "desk"
    | "complaints"
    | "creditor-cases"
    | "notifications";
  href: string;
  label: { vi: string; en: string };
}

export function navFor(memberships: MembershipRef[]): NavItem[] {
  const items: NavItem[] = [];
  const seen = new Set<string>();
  const add = (item: NavItem) => {
    if (seen.has(item.href)) return;
    seen.add(item.href);
    items.push(item);
  };
  const roles = new Set(memberships.map((m) => m.role));
  if (roles.has("national_admin") || roles.has("national_viewer")) {
    add({ key: "national", href: "/national", label: { vi: "Toàn quốc", en: "Nationwide" } });
  }
  for (const m of memberships) {
    if ((m.role === "province_head" || m.role === "province_staff") && m.provinceSlug) {
      add({ key: "province", href: `/province/${m.provinceSlug}`, label: { vi: "THADS tỉnh", en: "Province" } });
    }
  }
  if (memberships.some((m) => m.role === "executor" && m.unitCode)) {
    add({ key: "worklist", href: "/worklist", label: { vi: "Việc của tôi", en: "My work" } });
  }
  for (const m of memberships) {
    if ((m.role === "subunit_head" || m.role === "executor" || m.role === "clerk") && m.unitCode) {
      add({ key: "subunit", href: `/unit/${m.unitCode}`, label: { vi: "Phòng THADS khu vực", en: "Sub-bureau" } });
    }
  }
  if ([...roles].some((r) => r !== "steering_member" && r !== "creditor")) {
    add({ key: "cases", href: "/cases", label: { vi: "Việc thi hành án", en: "Cases" } });
  }
  if (roles.has("steering_member")) {
    add({ key: "steering", href: "/steering", label: { vi: "Ban Chỉ đạo", en: "Steering committee" } });
  }
  if (roles.has("creditor")) {
    add({ key: "requests", href: "/requests", label: { vi: "Yêu cầu của tôi", en: "My requests" } });
    add({ key: "creditor-cases", href: "/creditor/cases", label: { vi: "Việc của tôi", en: "My cases" } });
    add({ key: "notifications", href: "/creditor/notifications", label: { vi: "Thông báo", en: "Notifications" } });
  }
  if (roles.has("province_head") || roles.has("province_staff") || roles.has("subunit_head") || roles.has("clerk")) {
    add({ key: "desk", href: "/desk", label: { vi: "Một cửa", en: "One-stop desk" } });
  }
  if ([...roles].some((r) => r !== "steering_member" && r !== "creditor")) {
    add({ key: "complaints", href: "/complaints", label: { vi: "Khiếu nại, tố cáo", en: "Complaints" } });
  }
  return items;
}

/**
 * Who may record which step (docs/domain.md §5; issue "who may do what"): clerks take cases in and
 * enter decisions, heads assign executors and transfer, executors act on the cases assigned to
 * them, province staff act across their province. The database limits the scope (RLS); this
 * limits the step.
 */
const HEADS: readonly Role[] = ROLE_GROUPS.heads;
const STEP_ROLES: Record<string, readonly Role[]> = {
  acceptance: ["clerk", ...HEADS],
  decision: ["clerk", ...HEADS],
  executor_change: HEADS,
  transfer: HEADS,
  // Before 01/07/2025, to another district agency of the province: brought in with a ledger's history.
  intra_province_transfer: HEADS,
  // The provincial bureau gives a case it holds to one of its regional offices.
  office_assignment: ROLE_GROUPS.province_staff,
  // A reorganisation's handover is the agency's maintenance, not a user's step.
  reorganisation: [],
  // The agency moves a case to the separate register, or returns the request (D62 Art. 9(5); D152 Art. 22).
  register_transfer: HEADS,
  request_returned: HEADS,
};
const ACTING_ROLES: readonly Role[] = ["executor", ...HEADS];

/**
 * Whether the case list starts on the user's own cases (a "my cases" filter they can clear): the
 * executors whose home is their worklist.
 */
export function startsOnOwnCases(memberships: MembershipRef[]): boolean {
  return homeFor(memberships)?.kind === "worklist";
}

export function mayRecordStep(roles: readonly Role[], kind: string): boolean {
  const allowed = STEP_ROLES[kind] ?? ACTING_ROLES;
  return roles.some((r) => allowed.includes(r));
}

/**
 * Where a case list looks by default: the narrowest scope that holds every
 * case the user may read, so the list can walk one index range. It narrows
 * the query only; which rows may be read is still decided by RLS.
 */
export type CaseListScope =
  | { kind: "national" }
  | { kind: "provinces"; ids: string[] }
  | { kind: "units"; ids: string[] }
  | { kind: "none" };

export function caseListScope(memberships: MembershipRef[]): CaseListScope {
  if (isNational(memberships)) return { kind: "national" };
  const provinces = [...new Set(memberships.filter((m) => PROVINCE_ROLES.includes(m.role) && m.provinceId).map((m) => m.provinceId!))];
  const units = [...new Set(memberships.filter((m) => SUBUNIT_ROLES.includes(m.role) && m.unitId).map((m) => m.unitId!))];
  if (provinces.length > 0) {
    // A sub-bureau membership outside the user's provinces widens the scope to its province.
    const outside = memberships.filter((m) => SUBUNIT_ROLES.includes(m.role) && m.provinceId && !provinces.includes(m.provinceId));
    return { kind: "provinces", ids: [...new Set([...provinces, ...outside.map((m) => m.provinceId!)])] };
  }
  if (units.length > 0) return { kind: "units", ids: units };
  return { kind: "none" };
}
