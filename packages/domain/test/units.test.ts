import { describe, expect, it } from "vitest";
import {
  PROVINCES,
  absorbedProvinces,
  byUnitName,
  compareUnitNames,
  provinceSlug,
  provinceUnitName,
  subunitName,
  unitPlaceName,
} from "../src/units.ts";
import { foldVietnamese, slugify } from "../src/text.ts";
import { formatCount, formatDong } from "../src/money.ts";

describe("the 2025 map", () => {
  it("has 34 provincial units from 63 former provinces and 355 regional offices", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.flatMap((p) => p.formerProvinces)).toHaveLength(63);
    expect(new Set(PROVINCES.flatMap((p) => p.formerProvinces)).size).toBe(63);
    expect(absorbedProvinces()).toHaveLength(29);
    expect(PROVINCES.reduce((n, p) => n + p.subunits, 0)).toBe(355);
    for (const p of PROVINCES) {
      expect(p.subunits).toBeGreaterThanOrEqual(5);
      expect(p.subunits).toBeLessThanOrEqual(20);
    }
  });
  it("gives stable slugs and official names", () => {
    expect(PROVINCES.map(provinceSlug)).toContain("ho-chi-minh");
    expect(new Set(PROVINCES.map(provinceSlug)).size).toBe(34);
    expect(provinceUnitName({ name: "Hải Phòng", city: true })).toBe("Thi hành án dân sự thành phố Hải Phòng");
    expect(provinceUnitName({ name: "Đắk Lắk", city: false })).toBe("Thi hành án dân sự tỉnh Đắk Lắk");
  });
  it("keeps Bà Rịa – Vũng Tàu in Hồ Chí Minh City", () => {
    const hcm = PROVINCES.find((p) => p.name === "Hồ Chí Minh")!;
    expect(hcm.formerProvinces).toEqual(["Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"]);
  });
});

describe("ordering bureaus by name", () => {
  it("goes by the place, in Vietnamese alphabetical order, cities and provinces together", () => {
    const names = byUnitName(PROVINCES.map((p) => ({ name: provinceUnitName(p) }))).map((r) => unitPlaceName(r.name));
    expect(names.slice(0, 8)).toEqual(["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên"]);
    expect(names.slice(11, 17)).toEqual(["Hà Nội", "Hà Tĩnh", "Hải Phòng", "Hồ Chí Minh", "Huế", "Hưng Yên"]);
    expect(names.at(-1)).toBe("Vĩnh Long");
  });
  it("reads the place out of an official name, and sorts office numbers by value", () => {
    expect(unitPlaceName("Thi hành án dân sự Thành phố Hồ Chí Minh")).toBe("Hồ Chí Minh");
    expect(unitPlaceName("Thi hành án dân sự tỉnh Đắk Lắk")).toBe("Đắk Lắk");
    expect(unitPlaceName("Cục Quản lý thi hành án dân sự")).toBe("Cục Quản lý thi hành án dân sự");
    const hp = PROVINCES.find((p) => p.name === "Hải Phòng")!;
    expect(compareUnitNames(subunitName(hp, 2), subunitName(hp, 10))).toBeLessThan(0);
  });
});

describe("text", () => {
  it("folds Vietnamese diacritics and đ", () => {
    expect(foldVietnamese("Nguyễn Văn Á")).toBe("nguyen van a");
    expect(foldVietnamese("ĐẶNG THỊ ĐÀO")).toBe("dang thi dao");
    expect(slugify("Bà Rịa – Vũng Tàu")).toBe("ba-ria-vung-tau");
  });
});

describe("money", () => {
  it("formats whole đồng with Vietnamese grouping, beyond 2^53", () => {
    expect(formatDong(309_578_330_000n)).toBe("309.578.330.000 ₫");
    expect(formatDong(0n)).toBe("0 ₫");
    expect(formatDong(9_007_199_254_740_993n)).toBe("9.007.199.254.740.993 ₫");
    expect(formatDong("-1500")).toBe("-1.500 ₫");
    expect(formatCount(736_747)).toBe("736.747");
  });
});
