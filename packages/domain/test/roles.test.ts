import { describe, expect, it } from "vitest";
import {
  canViewProvince,
  canViewUnit,
  caseListScope,
  homeFor,
  homePath,
  navFor,
  startsOnOwnCases,
  type MembershipRef,
} from "../src/roles.ts";

const m = (role: MembershipRef["role"], extra: Partial<MembershipRef> = {}): MembershipRef => ({
  role,
  unitKind: null,
  unitCode: null,
  provinceSlug: null,
  unitId: null,
  provinceId: null,
  ...extra,
});

describe("homeFor", () => {
  it("sends each role to its own home", () => {
    expect(homePath(homeFor([m("national_admin")])!)).toBe("/national");
    expect(homePath(homeFor([m("national_viewer")])!)).toBe("/national");
    expect(homePath(homeFor([m("province_head", { provinceSlug: "hai-phong" })])!)).toBe("/province/hai-phong");
    expect(homePath(homeFor([m("province_staff", { provinceSlug: "ha-noi" })])!)).toBe("/province/ha-noi");
    for (const role of ["subunit_head", "clerk"] as const) {
      expect(homePath(homeFor([m(role, { unitCode: "P-HAI-PHONG-KV01" })])!)).toBe("/unit/P-HAI-PHONG-KV01");
    }
    expect(homePath(homeFor([m("executor", { unitCode: "P-HAI-PHONG-KV01" })])!)).toBe("/worklist");
    expect(homePath(homeFor([m("steering_member")])!)).toBe("/steering");
    expect(homePath(homeFor([m("creditor")])!)).toBe("/requests");
  });
  it("picks the most senior membership", () => {
    expect(homeFor([m("steering_member"), m("province_head", { provinceSlug: "hue" })])).toEqual({ kind: "province", provinceSlug: "hue" });
    // A head who also holds cases lands on the office's dashboard.
    expect(homeFor([m("executor", { unitCode: "X-KV01" }), m("subunit_head", { unitCode: "X-KV01" })])).toEqual({
      kind: "subunit",
      unitCode: "X-KV01",
    });
  });
  it("starts the case list on the user's own cases for executors only", () => {
    expect(startsOnOwnCases([m("executor", { unitCode: "X-KV01" })])).toBe(true);
    expect(startsOnOwnCases([m("executor", { unitCode: "X-KV01" }), m("subunit_head", { unitCode: "X-KV01" })])).toBe(false);
    expect(startsOnOwnCases([m("clerk", { unitCode: "X-KV01" })])).toBe(false);
  });
  it("has no home without a membership", () => {
    expect(homeFor([])).toBeNull();
  });
});

describe("navFor", () => {
  it("shows only what the role may use", () => {
    expect(navFor([m("executor", { unitCode: "X-KV01" })]).map((i) => i.href)).toEqual([
      "/worklist",
      "/unit/X-KV01",
      "/cases",
      "/complaints",
    ]);
    expect(navFor([m("creditor")]).map((i) => i.href)).toEqual(["/requests", "/creditor/cases", "/creditor/notifications"]);
    expect(navFor([m("steering_member")]).map((i) => i.href)).toEqual(["/steering"]);
    expect(navFor([m("national_admin"), m("steering_member")]).map((i) => i.href)).toEqual([
      "/national",
      "/cases",
      "/steering",
      "/complaints",
    ]);
    expect(navFor([m("clerk", { unitCode: "X-KV01" })]).map((i) => i.href)).toEqual(["/unit/X-KV01", "/cases", "/desk", "/complaints"]);
  });
});

describe("access to workspaces", () => {
  const A = "prov-a";
  const B = "prov-b";
  it("the directorate sees every province and unit", () => {
    expect(canViewProvince([m("national_viewer")], B)).toBe(true);
    expect(canViewUnit([m("national_viewer")], { id: "u", provinceId: B })).toBe(true);
  });
  it("province staff see their own province and its units, never another's", () => {
    const staff = [m("province_staff", { provinceId: A })];
    expect(canViewProvince(staff, A)).toBe(true);
    expect(canViewProvince(staff, B)).toBe(false);
    expect(canViewUnit(staff, { id: "u1", provinceId: A })).toBe(true);
    expect(canViewUnit(staff, { id: "u2", provinceId: B })).toBe(false);
  });
  it("sub-bureau staff see their own unit only", () => {
    const exec = [m("executor", { unitId: "u1", provinceId: A })];
    expect(canViewUnit(exec, { id: "u1", provinceId: A })).toBe(true);
    expect(canViewUnit(exec, { id: "u2", provinceId: A })).toBe(false);
    expect(canViewProvince(exec, A)).toBe(false);
  });
  it("steering members and creditors open no workspace", () => {
    expect(canViewProvince([m("steering_member", { provinceId: A })], A)).toBe(false);
    expect(canViewUnit([m("creditor")], { id: "u1", provinceId: A })).toBe(false);
  });
});

describe("caseListScope", () => {
  it("is the whole nation for the directorate", () => {
    expect(caseListScope([m("national_viewer"), m("province_head", { provinceId: "p1" })])).toEqual({ kind: "national" });
  });
  it("is the province for province staff, the sub-bureau for its staff", () => {
    expect(caseListScope([m("province_staff", { provinceId: "p1" })])).toEqual({ kind: "provinces", ids: ["p1"] });
    expect(caseListScope([m("executor", { unitId: "u1", provinceId: "p1" }), m("clerk", { unitId: "u1", provinceId: "p1" })])).toEqual({
      kind: "units",
      ids: ["u1"],
    });
  });
  it("widens to a province when a sub-bureau membership lies outside the user's provinces", () => {
    expect(
      caseListScope([
        m("province_head", { provinceId: "p1" }),
        m("executor", { unitId: "u9", provinceId: "p2" }),
        m("clerk", { unitId: "u1", provinceId: "p1" }),
      ]),
    ).toEqual({ kind: "provinces", ids: ["p1", "p2"] });
  });
  it("is empty for steering members and creditors, who read no case list of a unit", () => {
    expect(caseListScope([m("steering_member"), m("creditor")])).toEqual({ kind: "none" });
  });
});
