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

    // Before 1 Jul 2025 the offices' cases were held by their predecessors: district offices, and
    // for an absorbed province's area its bureau for one case in four (ADR 029).
    const [legacy] = await sql<{ provinceCases: bigint; provinces: bigint; districtCases: bigint; districts: bigint; targets: bigint }[]>`
      select (select count(*) from public.cases c join public.units u on u.id = c.unit_id where u.merged_into_id is not null) as "provinceCases",
             (select count(distinct u.id) from public.cases c join public.units u on u.id = c.unit_id where u.merged_into_id is not null) as provinces,
             (select count(*) from public.cases c join public.units u on u.id = c.unit_id where u.kind = 'subunit' and u.dissolved_on is not null) as "districtCases",
             (select count(distinct u.id) from public.cases c join public.units u on u.id = c.unit_id where u.kind = 'subunit' and u.dissolved_on is not null) as districts,
             (select count(*) from public.stat_targets) as targets`;
    expect(legacy!.provinceCases).toBeGreaterThan(5n);
    expect(legacy!.provinces).toBeGreaterThan(3n);
    expect(legacy!.districtCases).toBeGreaterThan(4n * legacy!.provinceCases);
    expect(legacy!.districts).toBeGreaterThan(100n);
    expect(legacy!.targets).toBeGreaterThan(34n * 5n);
    // Every office took over, on 1 Jul 2025, the cases still open then: each has the handover in
    // its ledger, from a unit the office succeeded to the office now holding it. No case accepted
    // before then is an office's own from its acceptance.
    const [handover] = await sql<{ n: bigint; provinces: bigint; elsewhere: bigint; off_day: bigint; unsucceeded: bigint }[]>`
      select count(*) as n,
             count(*) filter (where f.merged_into_id is not null) as provinces,
             count(*) filter (where c.unit_id::text <> e.payload ->> 'unitId') as elsewhere,
             count(*) filter (where e.effective_date <> '2025-07-01') as off_day,
             count(*) filter (where f.merged_into_id is null and not exists (
               select 1 from public.unit_successions s where s.predecessor_id = f.id and s.successor_id = c.unit_id)) as unsucceeded
      from public.case_events e join public.cases c on c.id = e.case_id
      join public.units f on f.id::text = e.payload ->> 'fromUnitId'
      where e.kind = 'reorganisation'`;
    expect(handover!.n).toBeGreaterThan(50n);
    expect(handover!.provinces).toBeGreaterThan(5n);
    expect(handover!.elsewhere).toBe(0n);
    expect(handover!.off_day).toBe(0n);
    expect(handover!.unsucceeded).toBe(0n);
    const [own] = await sql<{ n: bigint }[]>`
      select count(*) as n from public.cases c join public.units u on u.id = c.unit_id
      where u.kind = 'subunit' and u.dissolved_on is null and c.accepted_on < '2025-07-01'
        and not exists (select 1 from public.case_events e where e.case_id = c.id and e.kind = 'reorganisation')`;
    expect(own!.n).toBe(0n);

    const report = await verifyStats(sql);
    expect(report.rowMismatches).toEqual([]);
    expect(report.figureMismatches).toEqual([]);
    expect(report.identityFailures).toEqual([]);
    expect(report.periods).toBeGreaterThanOrEqual(60);
  }, 300_000);
});
