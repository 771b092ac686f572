import "@thads/test-support/provided";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ROLE_GROUPS } from "@thads/domain";
import { createOwnerSql } from "../src/clients.ts";

/**
 * The role groups of the row-level security rules are named once in the database
 * (app_private.role_groups(), migration 20261205000100_role_group_helpers.sql) and once in
 * the domain (ROLE_GROUPS, packages/domain/src/roles.ts). They must say the same.
 */
const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

/** The helpers that give each group a meaning in the policies. */
const HELPERS = [
  "province_staff_provinces",
  "province_head_provinces",
  "enforcement_staff_provinces",
  "is_enforcement_staff",
  "unit_staff_units",
  "unit_office_units",
  "executor_units",
  "unit_enforcement_units",
  "unit_head_units",
  "head_units",
];

describe("role groups", () => {
  it("the database's groups are the domain's ROLE_GROUPS: same names, same roles, same order", async () => {
    const rows = await sql<{ name: string; roles: string[] }[]>`
      select group_name as name, roles::text[] as roles from app_private.role_groups()`;
    const inDb = Object.fromEntries(rows.map((r) => [r.name, r.roles]));
    expect(rows).toHaveLength(new Set(rows.map((r) => r.name)).size);
    expect(inDb).toEqual(Object.fromEntries(Object.entries(ROLE_GROUPS).map(([k, v]) => [k, [...v]])));
  });

  it("role_group() returns each group's roles and refuses a name it does not know", async () => {
    for (const [name, roles] of Object.entries(ROLE_GROUPS)) {
      const [row] = await sql<{ roles: string[] }[]>`select app_private.role_group(${name})::text[] as roles`;
      expect(row?.roles, name).toEqual([...roles]);
    }
    await expect(sql`select app_private.role_group('province_staf')`).rejects.toThrow(/unknown role group/);
  });

  it("each helper runs as the caller (the definer helpers it calls read the memberships), with an empty search_path, and reads a known group", async () => {
    const fns = await sql<{ name: string; secdef: boolean; volatile: string; config: string[] | null; src: string }[]>`
      select p.proname as name, p.prosecdef as secdef, p.provolatile as volatile, p.proconfig as config, p.prosrc as src
      from pg_proc p where p.pronamespace = 'app_private'::regnamespace and p.proname = any (${HELPERS})`;
    expect(fns.map((f) => f.name).sort()).toEqual([...HELPERS].sort());
    for (const f of fns) {
      expect(f.secdef, f.name).toBe(false);
      expect(f.volatile, f.name).toBe("s");
      expect(f.config, f.name).toContain('search_path=""');
      const groups = [...f.src.matchAll(/role_group\('(\w+)'\)/g)].map((m) => m[1]);
      expect(groups, f.name).toHaveLength(1);
      expect(Object.keys(ROLE_GROUPS), f.name).toContain(groups[0]);
    }
  });

  it("no policy spells out a list of roles: policies name their group", async () => {
    const policies = await sql<{ name: string; text: string }[]>`
      select schemaname || '.' || tablename || '.' || policyname as name,
             coalesce(qual, '') || ' ' || coalesce(with_check, '') as text
      from pg_policies where schemaname in ('public', 'app_private')`;
    expect(policies.length).toBeGreaterThan(50);
    const spelled = policies.filter((p) => /'\{[a-z_,]+\}'::app_role\[\]|'[a-z_]+'::app_role/.test(p.text)).map((p) => p.name);
    expect(spelled).toEqual([]);
  });
});
