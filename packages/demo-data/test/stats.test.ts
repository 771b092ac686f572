import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql, migrate } from "@thads/db";
import { verifyStats } from "@thads/core/stats";
import { TEST_APP_PASSWORD } from "@thads/test-support/global-setup";
import { seed } from "../src/seed.ts";

/**
 * `npm run stats:verify` on the demo data, in CI: a database of its own (so the other tests'
 * expectations of an empty database hold), seeded, then every unit and period compared.
 */
describe("statistics on the demo data", () => {
  const admin = createOwnerSql(inject("ownerUrl"), { max: 1 });
  const name = `demo_stats_${Date.now()}`;
  let sql: ReturnType<typeof createOwnerSql> | null = null;
  afterAll(async () => {
    await sql?.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("the aggregates built after the bulk load equal the raw events for every unit and period", async () => {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(inject("ownerUrl"));
    url.pathname = `/${name}`;
    sql = createOwnerSql(url.toString(), { max: 1 });
    await migrate(sql, { appPassword: TEST_APP_PASSWORD });
    await seed(sql, { cases: 1500, history: true });

    const [legacy] = await sql<{ cases: bigint; provinces: bigint; targets: bigint }[]>`
      select (select count(*) from public.cases c join public.units u on u.id = c.unit_id where u.merged_into_id is not null) as cases,
             (select count(distinct u.id) from public.cases c join public.units u on u.id = c.unit_id where u.merged_into_id is not null) as provinces,
             (select count(*) from public.stat_targets) as targets`;
    expect(legacy!.cases).toBeGreaterThan(20n);
    expect(legacy!.provinces).toBeGreaterThan(5n);
    expect(legacy!.targets).toBeGreaterThan(34n * 5n);
    // The merged provinces' offices took over, on 1 Jul 2025, the cases still open then: each has
    // the handover in its ledger, from its former province to the office now holding it.
    const [handover] = await sql<{ n: bigint; elsewhere: bigint; off_day: bigint }[]>`
      select count(*) as n,
             count(*) filter (where c.unit_id::text <> e.payload ->> 'unitId') as elsewhere,
             count(*) filter (where e.effective_date <> '2025-07-01') as off_day
      from public.case_events e join public.cases c on c.id = e.case_id
      join public.units f on f.id::text = e.payload ->> 'fromUnitId'
      where e.kind = 'reorganisation' and f.merged_into_id = c.province_id`;
    expect(handover!.n).toBeGreaterThan(20n);
    expect(handover!.elsewhere).toBe(0n);
    expect(handover!.off_day).toBe(0n);

    const report = await verifyStats(sql);
    expect(report.rowMismatches).toEqual([]);
    expect(report.figureMismatches).toEqual([]);
    expect(report.identityFailures).toEqual([]);
    expect(report.periods).toBeGreaterThanOrEqual(60);
  }, 300_000);
});
