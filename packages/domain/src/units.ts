import { slugify } from "./text.ts";

/**
 * The 2025 map (docs/domain.md §6): 34 provincial units, each with the provinces
 * that merged into it on 1 Jul 2025. `subunits` is the number of regional
 * offices (Phòng THADS khu vực) the demo data gives it (355 in all).
 */
export interface ProvinceDef {
  name: string;
  /** Centrally-run city (thành phố) rather than a province (tỉnh). */
  city: boolean;
  /** Former provinces (before 1 Jul 2025), the first being the one the new unit continues. */
  formerProvinces: string[];
  subunits: number;
}

export const MERGER_DATE = "2025-07-01";

export const PROVINCES: readonly ProvinceDef[] = [
  { name: "Hà Nội", city: true, formerProvinces: ["Hà Nội"], subunits: 20 },
  { name: "Huế", city: true, formerProvinces: ["Huế"], subunits: 7 },
  { name: "Lai Châu", city: false, formerProvinces: ["Lai Châu"], subunits: 7 },
  { name: "Điện Biên", city: false, formerProvinces: ["Điện Biên"], subunits: 7 },
  { name: "Sơn La", city: false, formerProvinces: ["Sơn La"], subunits: 7 },
  { name: "Lạng Sơn", city: false, formerProvinces: ["Lạng Sơn"], subunits: 7 },
  { name: "Quảng Ninh", city: false, formerProvinces: ["Quảng Ninh"], subunits: 7 },
  { name: "Thanh Hóa", city: false, formerProvinces: ["Thanh Hóa"], subunits: 9 },
  { name: "Nghệ An", city: false, formerProvinces: ["Nghệ An"], subunits: 9 },
  { name: "Hà Tĩnh", city: false, formerProvinces: ["Hà Tĩnh"], subunits: 7 },
  { name: "Cao Bằng", city: false, formerProvinces: ["Cao Bằng"], subunits: 7 },
  { name: "Tuyên Quang", city: false, formerProvinces: ["Tuyên Quang", "Hà Giang"], subunits: 10 },
  { name: "Lào Cai", city: false, formerProvinces: ["Lào Cai", "Yên Bái"], subunits: 10 },
  { name: "Thái Nguyên", city: false, formerProvinces: ["Thái Nguyên", "Bắc Kạn"], subunits: 10 },
  { name: "Phú Thọ", city: false, formerProvinces: ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"], subunits: 14 },
  { name: "Bắc Ninh", city: false, formerProvinces: ["Bắc Ninh", "Bắc Giang"], subunits: 10 },
  { name: "Hưng Yên", city: false, formerProvinces: ["Hưng Yên", "Thái Bình"], subunits: 10 },
  { name: "Hải Phòng", city: true, formerProvinces: ["Hải Phòng", "Hải Dương"], subunits: 11 },
  { name: "Ninh Bình", city: false, formerProvinces: ["Ninh Bình", "Hà Nam", "Nam Định"], subunits: 14 },
  { name: "Quảng Trị", city: false, formerProvinces: ["Quảng Trị", "Quảng Bình"], subunits: 10 },
  { name: "Đà Nẵng", city: true, formerProvinces: ["Đà Nẵng", "Quảng Nam"], subunits: 10 },
  { name: "Quảng Ngãi", city: false, formerProvinces: ["Quảng Ngãi", "Kon Tum"], subunits: 10 },
  { name: "Gia Lai", city: false, formerProvinces: ["Gia Lai", "Bình Định"], subunits: 10 },
  { name: "Khánh Hòa", city: false, formerProvinces: ["Khánh Hòa", "Ninh Thuận"], subunits: 10 },
  { name: "Lâm Đồng", city: false, formerProvinces: ["Lâm Đồng", "Đắk Nông", "Bình Thuận"], subunits: 14 },
  { name: "Đắk Lắk", city: false, formerProvinces: ["Đắk Lắk", "Phú Yên"], subunits: 10 },
  { name: "Hồ Chí Minh", city: true, formerProvinces: ["Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"], subunits: 20 },
  { name: "Đồng Nai", city: false, formerProvinces: ["Đồng Nai", "Bình Phước"], subunits: 10 },
  { name: "Tây Ninh", city: false, formerProvinces: ["Tây Ninh", "Long An"], subunits: 10 },
  { name: "Cần Thơ", city: true, formerProvinces: ["Cần Thơ", "Sóc Trăng", "Hậu Giang"], subunits: 14 },
  { name: "Vĩnh Long", city: false, formerProvinces: ["Vĩnh Long", "Bến Tre", "Trà Vinh"], subunits: 14 },
  { name: "Đồng Tháp", city: false, formerProvinces: ["Đồng Tháp", "Tiền Giang"], subunits: 10 },
  { name: "Cà Mau", city: false, formerProvinces: ["Cà Mau", "Bạc Liêu"], subunits: 10 },
  { name: "An Giang", city: false, formerProvinces: ["An Giang", "Kiên Giang"], subunits: 10 },
];

export function provinceSlug(p: Pick<ProvinceDef, "name">): string {
  return slugify(p.name);
}

/** Official name of a provincial bureau since 1 Jul 2025. */
export function provinceUnitName(p: Pick<ProvinceDef, "name" | "city">): string {
  if (p.name === "Hồ Chí Minh") return "Thi hành án dân sự Thành phố Hồ Chí Minh";
  return `Thi hành án dân sự ${p.city ? "thành phố" : "tỉnh"} ${p.name}`;
}

export function subunitName(p: Pick<ProvinceDef, "name">, n: number): string {
  return `Phòng Thi hành án dân sự khu vực ${n} – ${p.name}`;
}

export function provinceCode(p: Pick<ProvinceDef, "name">): string {
  return `P-${provinceSlug(p).toUpperCase()}`;
}

export function subunitCode(p: Pick<ProvinceDef, "name">, n: number): string {
  return `${provinceCode(p)}-KV${String(n).padStart(2, "0")}`;
}

/** Former provinces absorbed on 1 Jul 2025 (kept as dissolved units for history). */
export function absorbedProvinces(): { name: string; into: ProvinceDef }[] {
  return PROVINCES.flatMap((p) => p.formerProvinces.slice(1).map((name) => ({ name, into: p })));
}

export function legacyCode(name: string): string {
  return `L-${slugify(name).toUpperCase()}`;
}

/** The place a provincial bureau's official name names: "Thi hành án dân sự tỉnh Đắk Lắk" → "Đắk Lắk". */
export function unitPlaceName(unitName: string): string {
  return unitName.replace(/^Thi hành án dân sự ((tỉnh|thành phố) )?/iu, "").trim() || unitName;
}

const VI_COLLATOR = new Intl.Collator("vi", { numeric: true });

/**
 * Orders bureaus as a Vietnamese reader looks for them: by the place, in Vietnamese alphabetical
 * order (Cà Mau before Cao Bằng, Đ after D), not by "thành phố"/"tỉnh" or by code points; numbers
 * by value ("khu vực 2" before "khu vực 10").
 */
export function compareUnitNames(a: string, b: string): number {
  return VI_COLLATOR.compare(unitPlaceName(a), unitPlaceName(b)) || VI_COLLATOR.compare(a, b);
}

/** A copy of `rows` ordered by compareUnitNames on `name`. */
export function byUnitName<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((x, y) => compareUnitNames(x.name, y.name));
}
