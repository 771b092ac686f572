import {
  MERGER_DATE,
  PROVINCES,
  absorbedProvinces,
  legacyCode,
  provinceCode,
  provinceSlug,
  provinceUnitName,
  subunitCode,
  subunitName,
  type Role,
} from "@thads/domain";
import { BANKS, companyName, personName, WARDS } from "./names.ts";
import { rng, stableUuid } from "./prng.ts";

export const DEMO_PASSWORD = "ThiHanhAn@2025";
export const DEMO_EMAIL_DOMAIN = "demo.thads.vn";
export const STAFF_EMAIL_DOMAIN = "staff.thads.vn";

export interface UnitRow {
  id: string;
  kind: "national" | "province" | "subunit";
  code: string;
  name: string;
  name_en: string | null;
  slug: string | null;
  parent_id: string | null;
  province_id: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  dissolved_on: string | null;
  merged_into_id: string | null;
}

export interface UserRow {
  id: string;
  email: string;
  full_name: string;
  title: string | null;
  unit_id: string | null;
  province_id: string | null;
  creditor_kind: "citizen" | "company" | "bank" | null;
  memberships: { role: Role; unit_id: string | null }[];
  /** Listed in the README and printed at start. */
  demo: boolean;
}

export interface DemoModel {
  units: UnitRow[];
  users: UserRow[];
  /** Executors of each sub-bureau, for case assignment. */
  executorsByUnit: Map<string, string[]>;
  /** Who took over from whom in the 2025 reorganisation (public.unit_successions, ADR 029). */
  successions: SuccessionRow[];
}

export interface SuccessionRow {
  predecessor_id: string;
  successor_id: string;
  effective_on: string;
  basis: string;
}

export const NATIONAL_UNIT_ID = stableUuid("unit:national");

/** The district offices (Chi cục) before 1 Jul 2025, and the regional offices that took over their areas then. */
export const DISTRICT_OFFICES = 693;

export interface OfficePredecessors {
  officeId: string;
  /** The former province the office's area belonged to, when it was absorbed (its bureau's unit id). */
  legacyId: string | null;
  districts: { id: string; code: string; name: string; parentId: string }[];
}

/**
 * Each regional office's predecessors in the 2025 reorganisation: one or two district offices
 * (693 in all for the 355 offices), under the former province its area belonged to (office n of a
 * merged province → former province n mod k, as the statistics' history has it).
 */
export function officePredecessors(): OfficePredecessors[] {
  const offices = PROVINCES.reduce((n, p) => n + p.subunits, 0);
  const absorbed = new Set(absorbedProvinces().map((a) => a.name));
  const out: OfficePredecessors[] = [];
  let i = 0;
  for (const p of PROVINCES) {
    let perProvince = 0;
    for (let n = 1; n <= p.subunits; n++, i++) {
      const formerName = p.formerProvinces[n % p.formerProvinces.length]!;
      const legacyId = p.formerProvinces.length > 1 && absorbed.has(formerName) ? stableUuid(`unit:${legacyCode(formerName)}`) : null;
      const parentId = legacyId ?? stableUuid(`unit:${provinceCode(p)}`);
      const count =
        1 + Math.floor(((i + 1) * (DISTRICT_OFFICES - offices)) / offices) - Math.floor((i * (DISTRICT_OFFICES - offices)) / offices);
      const districts = Array.from({ length: count }, (_, j) => {
        const code = `${subunitCode(p, n)}-CC${j + 1}`;
        const k = perProvince++;
        const place = `${WARDS[k % WARDS.length]}${k >= WARDS.length ? ` ${Math.floor(k / WARDS.length) + 1}` : ""}`;
        return { id: stableUuid(`unit:${code}`), code, name: `Chi cục Thi hành án dân sự huyện ${place} – ${formerName}`, parentId };
      });
      out.push({ officeId: stableUuid(`unit:${subunitCode(p, n)}`), legacyId, districts });
    }
  }
  return out;
}

/** Builds every unit and user deterministically (no database). */
export function buildModel(): DemoModel {
  const r = rng(2025);
  const units: UnitRow[] = [];
  const users: UserRow[] = [];
  const executorsByUnit = new Map<string, string[]>();

  units.push({
    id: NATIONAL_UNIT_ID,
    kind: "national",
    code: "NATIONAL",
    name: "Cục Quản lý Thi hành án dân sự",
    name_en: "Department of Civil Judgment Enforcement Management",
    slug: null,
    parent_id: null,
    province_id: null,
    address: "60 Trần Phú, Ba Đình, Hà Nội",
    phone: "024 6273 9500",
    email: "cucqlthads@moj.gov.vn",
    dissolved_on: null,
    merged_into_id: null,
  });

  const addUser = (u: Omit<UserRow, "id"> & { id?: string }) => {
    const row = { ...u, id: u.id ?? stableUuid(`user:${u.email}`) };
    users.push(row);
    return row;
  };

  // National staff.
  addUser({
    email: `national.admin@${DEMO_EMAIL_DOMAIN}`,
    full_name: "Trần Quốc Bảo",
    title: "Quản trị hệ thống",
    unit_id: NATIONAL_UNIT_ID,
    province_id: null,
    creditor_kind: null,
    demo: true,
    memberships: [{ role: "national_admin", unit_id: NATIONAL_UNIT_ID }],
  });
  addUser({
    email: `national.viewer@${DEMO_EMAIL_DOMAIN}`,
    full_name: "Lê Thị Hồng",
    title: "Chuyên viên thống kê",
    unit_id: NATIONAL_UNIT_ID,
    province_id: null,
    creditor_kind: null,
    demo: true,
    memberships: [{ role: "national_viewer", unit_id: NATIONAL_UNIT_ID }],
  });
  addUser({
    email: `anticorruption.steering@${DEMO_EMAIL_DOMAIN}`,
    full_name: "Phạm Minh Đức",
    title: "Thành viên Ban Chỉ đạo Trung ương",
    unit_id: NATIONAL_UNIT_ID,
    province_id: null,
    creditor_kind: null,
    demo: true,
    memberships: [{ role: "steering_member", unit_id: NATIONAL_UNIT_ID }],
  });
  for (let i = 1; i <= 8; i++) {
    addUser({
      email: `national.staff${i}@${STAFF_EMAIL_DOMAIN}`,
      full_name: personName(r),
      title: "Chuyên viên",
      unit_id: NATIONAL_UNIT_ID,
      province_id: null,
      creditor_kind: null,
      demo: false,
      memberships: [{ role: "national_viewer", unit_id: NATIONAL_UNIT_ID }],
    });
  }

  const demoProvinces = new Set(["hai-phong", "ha-noi"]);
  for (const p of PROVINCES) {
    const slug = provinceSlug(p);
    const pid = stableUuid(`unit:${provinceCode(p)}`);
    units.push({
      id: pid,
      kind: "province",
      code: provinceCode(p),
      name: provinceUnitName(p),
      name_en: `Civil Judgment Enforcement of ${p.name}`,
      slug,
      parent_id: NATIONAL_UNIT_ID,
      province_id: pid,
      address: `Trụ sở THADS ${p.name}`,
      phone: null,
      email: `thads.${slug.replace(/-/g, "")}@moj.gov.vn`,
      dissolved_on: null,
      merged_into_id: null,
    });
    const demo = demoProvinces.has(slug);
    addUser({
      email: demo ? `${slug}.head@${DEMO_EMAIL_DOMAIN}` : `${slug}.head@${STAFF_EMAIL_DOMAIN}`,
      full_name: personName(r),
      title: "Thủ trưởng cơ quan THADS tỉnh",
      unit_id: pid,
      province_id: pid,
      creditor_kind: null,
      demo,
      memberships: [{ role: "province_head", unit_id: pid }],
    });
    for (let i = 1; i <= 8; i++) {
      addUser({
        email: demo && i === 1 ? `${slug}.staff@${DEMO_EMAIL_DOMAIN}` : `${slug}.staff${i}@${STAFF_EMAIL_DOMAIN}`,
        full_name: personName(r),
        title: "Chuyên viên",
        unit_id: pid,
        province_id: pid,
        creditor_kind: null,
        demo: demo && i === 1,
        memberships: [{ role: "province_staff", unit_id: pid }],
      });
    }
    addUser({
      email: demo ? `${slug}.steering@${DEMO_EMAIL_DOMAIN}` : `${slug}.steering@${STAFF_EMAIL_DOMAIN}`,
      full_name: personName(r),
      title: "Thành viên Ban Chỉ đạo THADS tỉnh",
      unit_id: pid,
      province_id: pid,
      creditor_kind: null,
      demo,
      memberships: [{ role: "steering_member", unit_id: pid }],
    });

    for (let n = 1; n <= p.subunits; n++) {
      const code = subunitCode(p, n);
      const uid = stableUuid(`unit:${code}`);
      units.push({
        id: uid,
        kind: "subunit",
        code,
        name: subunitName(p, n),
        name_en: `Regional office ${n} – ${p.name}`,
        slug: null,
        parent_id: pid,
        province_id: pid,
        address: `Khu vực ${n}, ${p.name}`,
        phone: null,
        email: null,
        dissolved_on: null,
        merged_into_id: null,
      });
      const kv = `kv${String(n).padStart(2, "0")}`;
      const demoUnit = demo && n === 1;
      const mail = (role: string, i?: number) =>
        demoUnit && (i === undefined || i === 1)
          ? `${slug}.${kv}.${role}@${DEMO_EMAIL_DOMAIN}`
          : `${slug}.${kv}.${role}${i ?? ""}@${STAFF_EMAIL_DOMAIN}`;
      addUser({
        email: mail("head"),
        full_name: personName(r),
        title: "Trưởng phòng",
        unit_id: uid,
        province_id: pid,
        creditor_kind: null,
        demo: demoUnit,
        memberships: [{ role: "subunit_head", unit_id: uid }],
      });
      const executors: string[] = [];
      const executorCount = 5 + Math.floor(r() * 5);
      for (let i = 1; i <= executorCount; i++) {
        const u = addUser({
          email: mail("executor", i),
          full_name: personName(r),
          title: "Chấp hành viên",
          unit_id: uid,
          province_id: pid,
          creditor_kind: null,
          demo: demoUnit && i === 1,
          memberships: [{ role: "executor", unit_id: uid }],
        });
        executors.push(u.id);
      }
      executorsByUnit.set(uid, executors);
      for (let i = 1; i <= 2; i++) {
        addUser({
          email: mail("clerk", i),
          full_name: personName(r),
          title: "Thư ký thi hành án",
          unit_id: uid,
          province_id: pid,
          creditor_kind: null,
          demo: demoUnit && i === 1,
          memberships: [{ role: "clerk", unit_id: uid }],
        });
      }
    }
  }

  // Provinces absorbed on 1 Jul 2025: kept as dissolved units so history rolls up.
  const successions: SuccessionRow[] = [];
  for (const { name, into } of absorbedProvinces()) {
    const intoId = stableUuid(`unit:${provinceCode(into)}`);
    successions.push({
      predecessor_id: stableUuid(`unit:${legacyCode(name)}`),
      successor_id: intoId,
      effective_on: MERGER_DATE,
      basis: "Sắp xếp đơn vị hành chính cấp tỉnh từ 01/07/2025",
    });
    units.push({
      id: stableUuid(`unit:${legacyCode(name)}`),
      kind: "province",
      code: legacyCode(name),
      name: `Cục Thi hành án dân sự tỉnh ${name}`,
      name_en: `Former ${name} bureau`,
      slug: null,
      parent_id: NATIONAL_UNIT_ID,
      province_id: intoId,
      address: null,
      phone: null,
      email: null,
      dissolved_on: MERGER_DATE,
      merged_into_id: intoId,
    });
  }

  // District offices (Chi cục) dissolved on 1 Jul 2025, each succeeded by the regional office that took over its area.
  for (const o of officePredecessors()) {
    for (const d of o.districts) {
      const parent = units.find((u) => u.id === d.parentId)!;
      units.push({
        id: d.id,
        kind: "subunit",
        code: d.code,
        name: d.name,
        name_en: `Former district office ${d.code}`,
        slug: null,
        parent_id: d.parentId,
        province_id: parent.province_id,
        address: null,
        phone: null,
        email: null,
        dissolved_on: MERGER_DATE,
        merged_into_id: null,
      });
      successions.push({
        predecessor_id: d.id,
        successor_id: o.officeId,
        effective_on: MERGER_DATE,
        basis: "Sắp xếp cơ quan thi hành án dân sự từ 01/07/2025",
      });
    }
  }

  // External creditors.
  addUser({
    email: `creditor.bank@${DEMO_EMAIL_DOMAIN}`,
    full_name: BANKS[0]!,
    title: null,
    unit_id: null,
    province_id: null,
    creditor_kind: "bank",
    demo: true,
    memberships: [{ role: "creditor", unit_id: null }],
  });
  addUser({
    email: `creditor.company@${DEMO_EMAIL_DOMAIN}`,
    full_name: companyName(r),
    title: null,
    unit_id: null,
    province_id: null,
    creditor_kind: "company",
    demo: true,
    memberships: [{ role: "creditor", unit_id: null }],
  });
  addUser({
    email: `creditor.citizen@${DEMO_EMAIL_DOMAIN}`,
    full_name: "Nguyễn Văn Á",
    title: null,
    unit_id: null,
    province_id: null,
    creditor_kind: "citizen",
    demo: true,
    memberships: [{ role: "creditor", unit_id: null }],
  });

  return { units, users, executorsByUnit, successions };
}
