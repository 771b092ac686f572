import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAppSql, createOwnerSql, migrate, withClaims, type Sql } from "@thads/db";
import { readScopeStats, scopeOf, unitByCode } from "@thads/core/stats";
import { TEST_APP_PASSWORD } from "@thads/test-support/global-setup";
import { seed } from "@thads/demo-data";
import { DRILL_FIGURES } from "@thads/domain";
import { CaseFilterSchema, countListedCases, listCases } from "@thads/core/cases";

/**
 * Every figure of the official forms opens exactly its cases: on seeded demo data (a database of
 * its own), for the nation, provinces, a sub-bureau and a former province, in two periods, the
 * case list's total under the figure's filter (as the directorate, through RLS) equals the figure
 * read from the aggregates.
 */
const admin = createOwnerSql(inject("ownerUrl"), { max: 1 });
const name = `drilldown_${Date.now()}`;
let owner: Sql;
let app: Sql;
let viewer: string;
const units: string[] = [];

beforeAll(async () => {
  await admin.unsafe(`create database ${name}`);
  const url = new URL(inject("ownerUrl"));
  url.pathname = `/${name}`;
  owner = createOwnerSql(url.toString(), { max: 1 });
  await migrate(owner, { appPassword: TEST_APP_PASSWORD });
  await seed(owner, { cases: 1500, history: true });
  const appUrl = new URL(url);
  appUrl.username = "thads_app";
  appUrl.password = TEST_APP_PASSWORD;
  app = createAppSql(appUrl.toString(), { max: 1 });
  const [v] = await owner<{ id: string }[]>`
    select p.id from public.profiles p join auth.users a on a.id = p.id where a.email like 'national.viewer@%'`;
  viewer = v!.id;
  const rows = await owner<{ code: string }[]>`
    (select code from public.units where kind = 'national')
    union all (select code from public.units where code in ('P-HAI-PHONG', 'P-HO-CHI-MINH', 'P-HAI-PHONG-KV01'))
    union all (select u.code from public.units u where u.merged_into_id is not null
               and exists (select 1 from public.cases c where c.unit_id = u.id) order by u.code limit 1)`;
  units.push(...rows.map((r) => r.code));
}, 300_000);

afterAll(async () => {
  await app?.end();
  await owner?.end();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe("a figure's drill-down", () => {
  it("lists exactly as many cases as the figure counts, for every figure, unit and period", async () => {
    expect(units).toHaveLength(5);
    const mismatches: string[] = [];
    let nonZero = 0;
    for (const [from, to] of [
      ["2025-10-01", "2026-09-30"],
      ["2024-10-01", "2025-03-31"],
    ] as const) {
      for (const code of units) {
        const unit = (await unitByCode(owner, code))!;
        const stats = await readScopeStats(owner, { scope: scopeOf(unit), dim: "all", from, to });
        for (const figure of DRILL_FIGURES) {
          const f = CaseFilterSchema.parse({ stat: figure, statUnit: code, statFrom: from, statTo: to });
          // The list's own walk of its cases (the national list shows the figure's total: it must be the same).
          const [list, walked] = await withClaims(app, { sub: viewer, role: "authenticated" }, (tx) =>
            Promise.all([
              listCases(tx, f, "2026-11-27", { kind: "national" }),
              countListedCases(tx, f, "2026-11-27", { kind: "national" }),
            ]),
          );
          // "done" is the rate's numerator: completed + terminated.
          const expected = figure === "done" ? Number(stats.cases.completed) + Number(stats.cases.terminated) : Number(stats.cases[figure]);
          if (expected > 0) nonZero++;
          if (walked.capped || walked.total !== expected)
            mismatches.push(`${code} ${from}..${to} ${figure}: list counts ${walked.total}, figure ${expected}`);
          if (list.capped || list.total !== expected)
            mismatches.push(`${code} ${from}..${to} ${figure}: list shows ${list.total}, figure ${expected}`);
          // Its first page holds as many rows as the figure allows.
          if (list.rows.length !== Math.min(expected, 50))
            mismatches.push(`${code} ${from}..${to} ${figure}: first page ${list.rows.length} rows, figure ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(nonZero).toBeGreaterThan(80);
  }, 300_000);
});
