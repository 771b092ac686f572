import { describe, expect, it } from "vitest";
import { verifyAuditChains } from "../src/audit.ts";
import { asCaseWriter, withClaims } from "../src/rls.ts";
import { inRolledBackTransaction, useTenantFixture } from "@thads/test-support/fixtures";

const ctx = useTenantFixture();
const { owner, app } = ctx;

describe("audit trail", () => {
  it("a change writes an audit row in the same transaction, with actor, unit, before and after", async () => {
    const actor = ctx.fx.users.executor!;
    await withClaims(app, { sub: actor, role: "authenticated" }, async (tx) => {
      await asCaseWriter(tx);
      const changed = await tx`update public.cases set debtor_name = 'Nguyễn Văn Á (đã sửa)' where id = ${ctx.fx.cases.a} returning id`;
      expect(changed).toHaveLength(1);
    });
    const [row] = await owner<
      {
        actor_id: string;
        unit_id: string;
        province_id: string;
        op: string;
        before: { debtor_name: string };
        after: { debtor_name: string };
      }[]
    >`
      select actor_id, unit_id, province_id, op, before, after from public.audit_log
      where table_name = 'cases' and row_id = ${ctx.fx.cases.a} order by id desc limit 1`;
    expect(row).toMatchObject({ actor_id: actor, unit_id: ctx.fx.units.a1, province_id: ctx.fx.units.a, op: "UPDATE" });
    expect(row?.before.debtor_name).toBe("Nguyễn Văn Á");
    expect(row?.after.debtor_name).toBe("Nguyễn Văn Á (đã sửa)");
  });

  it("a rolled-back change leaves no audit row", async () => {
    const before = await owner`select count(*)::int as n from public.audit_log`;
    const aborted = await withClaims(app, { sub: ctx.fx.users.executor!, role: "authenticated" }, async (tx) => {
      await asCaseWriter(tx);
      const changed = await tx`update public.cases set debtor_name = 'tạm' where id = ${ctx.fx.cases.a} returning id`;
      expect(changed).toHaveLength(1);
      throw new Error("abort");
    }).catch((e: Error) => e.message);
    expect(aborted).toBe("abort");
    const after = await owner`select count(*)::int as n from public.audit_log`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("no one can update or delete audit rows, not even the owner", async () => {
    await expect(owner`update public.audit_log set hash = 'x' where id = ${ctx.fx.audit.a}`).rejects.toMatchObject({ code: "42501" });
    await expect(owner`delete from public.audit_log where id = ${ctx.fx.audit.a}`).rejects.toMatchObject({ code: "42501" });
    await expect(owner`truncate public.audit_log`).rejects.toMatchObject({ code: "42501" });
  });

  it("the chains verify, and a tampered row is reported as the first broken link", async () => {
    const clean = await verifyAuditChains(owner);
    expect(clean.length).toBeGreaterThanOrEqual(2);
    expect(clean.filter((c) => c.firstBrokenId !== null)).toEqual([]);

    const [target] = await owner<{ id: bigint; chain_key: string }[]>`
      select id, chain_key from public.audit_log where province_id = ${ctx.fx.units.b} order by id limit 1 offset 1`;
    // Tampering needs the superuser to switch the append-only trigger off.
    await owner.begin(async (tx) => {
      await tx`alter table public.audit_log disable trigger audit_log_no_update`;
      await tx`update public.audit_log set after = jsonb_set(after, '{name}', '"forged"') where id = ${target!.id}`;
      await tx`alter table public.audit_log enable trigger audit_log_no_update`;
    });
    const report = await verifyAuditChains(owner);
    const broken = report.find((c) => c.chainKey === target!.chain_key);
    expect(broken?.firstBrokenId).toBe(Number(target!.id));
    expect(broken?.problem).toMatch(/altered/);
    expect(report.filter((c) => c.chainKey !== target!.chain_key && c.firstBrokenId !== null)).toEqual([]);
  });

  it("a ledger insert of 1,000 rows or more is one digest row per chain, checked against the rows by audit_verify", async () => {
    type Verified = { chain_key: string; first_broken_id: string | null; problem: string | null }[];
    type Seen = {
      bulk: { id: string }[];
      small: { id: string }[];
      rows: { id: string; row_id: string | null; unit_id: string | null; after: Record<string, unknown> }[];
      before: number;
      after: number;
      clean: Verified;
      widened: Verified;
      edited: Verified;
    };
    // Everything happens in one transaction that is rolled back: the other tests' chains stay as they are.
    const seen: Seen = await inRolledBackTransaction(owner, async (tx) => {
      const chainBefore = await tx<{ n: number }[]>`
          select count(*)::int as n from public.audit_log where province_id = ${ctx.fx.units.a}`;
      // Two statements on the same case: 1,200 rows (a batch), then 3 rows (one audit row each).
      const bulk = await tx<{ id: string }[]>`
          insert into public.case_events (case_id, kind, effective_date, payload)
          select ${ctx.fx.cases.a}, 'verification', c.accepted_on, jsonb_build_object('findings', 'lần ' || g)
          from public.cases c, generate_series(1, 1200) g where c.id = ${ctx.fx.cases.a}
          returning id`;
      const small = await tx<{ id: string }[]>`
          insert into public.case_events (case_id, kind, effective_date, payload)
          select ${ctx.fx.cases.a}, 'verification', c.accepted_on, '{}'::jsonb
          from public.cases c, generate_series(1, 3) g where c.id = ${ctx.fx.cases.a}
          returning id`;
      const rows = await tx<{ id: string; row_id: string | null; unit_id: string | null; after: Record<string, unknown> }[]>`
          select id, row_id, unit_id, after from public.audit_log
          where province_id = ${ctx.fx.units.a} and table_name = 'case_events' order by id desc limit 4`;
      const chainAfter = await tx<{ n: number }[]>`
          select count(*)::int as n from public.audit_log where province_id = ${ctx.fx.units.a}`;
      // Verified in another time zone than the write's: the digest renders timestamps in UTC.
      await tx`set local timezone = 'Asia/Ho_Chi_Minh'`;
      const clean = await tx<Verified>`select * from app_private.audit_verify()`;
      // A column added to the ledger later does not break the batches already written (digest v2:
      // a fixed list of columns).
      await tx`alter table public.case_events add column later_column text`;
      const widened = await tx<Verified>`select * from app_private.audit_verify()`;
      // The owner edits one ledger row behind the append-only trigger.
      await tx`alter table public.case_events disable trigger case_events_append_only`;
      await tx`update public.case_events set payload = '{"findings": "đã sửa"}' where id = ${bulk[600]!.id}`;
      await tx`alter table public.case_events enable trigger case_events_append_only`;
      const edited = await tx<Verified>`select * from app_private.audit_verify()`;
      return { bulk, small, rows, before: chainBefore[0]!.n, after: chainAfter[0]!.n, clean, widened, edited };
    });
    expect(seen.bulk).toHaveLength(1200);
    // 1 batch row + 3 row-by-row rows.
    expect(seen.after - seen.before).toBe(4);
    const [s3, s2, s1, batch] = seen.rows;
    expect([s1, s2, s3].map((r) => r!.row_id)).toEqual(seen.small.map((r) => String(r.id)));
    expect(batch!.row_id).toBeNull();
    const ids = seen.bulk.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(batch!.after).toMatchObject({
      batch: { table: "case_events", v: 2, rows: 1200, ranges: [[ids[0], ids[1199]]], digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // (The test before this one broke another chain on purpose.)
    expect(seen.clean.find((c) => c.chain_key === ctx.fx.units.a)?.first_broken_id).toBeNull();
    expect(seen.widened.find((c) => c.chain_key === ctx.fx.units.a)?.first_broken_id).toBeNull();
    const broken = seen.edited.find((c) => c.chain_key === ctx.fx.units.a);
    expect(Number(broken?.first_broken_id)).toBe(Number(batch!.id));
    expect(broken?.problem).toMatch(/digest differs/);
    const others = (list: Verified) => list.filter((c) => c.chain_key !== ctx.fx.units.a).map((c) => [c.chain_key, c.first_broken_id]);
    expect(others(seen.edited)).toEqual(others(seen.clean));
  });
});
