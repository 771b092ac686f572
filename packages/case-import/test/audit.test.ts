import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAuditChains } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";

/** The set-based audit of inserts (supabase/migrations/20251103000000_import_speed.sql). */
const ctx = useTenantFixture();

describe("statement-level audit of inserts", () => {
  it("one audit row per inserted row, each chain continued in id order, heads moved to the last row", async () => {
    const n = `${randomUUID().slice(0, 8)}/2025/DS-ST`;
    const ids = await ctx.owner<{ id: string }[]>`
      insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
      values (${ctx.fx.units.a1}, 'Tòa án A', ${n}, '2025-10-01', 'civil'),
             (${ctx.fx.units.b1}, 'Tòa án B', ${n}, '2025-10-01', 'civil'),
             (${ctx.fx.units.a9}, 'Tòa án A9', ${n}, '2025-10-01', 'civil')
      returning id`;
    const audit = await ctx.owner<
      {
        id: bigint;
        chain_key: string;
        row_id: string;
        op: string;
        table_name: string;
        unit_id: string;
        province_id: string;
        actor_id: string | null;
        before: unknown;
        after: Record<string, unknown>;
        prev_hash: string;
        hash: string;
      }[]
    >`
      select * from public.audit_log where table_name = 'judgments' and row_id = any(${ids.map((r) => r.id)}) order by id`;
    expect(audit).toHaveLength(3);
    for (const a of audit) {
      expect(a).toMatchObject({ op: "INSERT", table_name: "judgments", actor_id: null, before: null });
      expect(a.chain_key).toBe(a.province_id);
      expect(a.after.id).toBe(a.row_id);
      expect(a.after.unit_id).toBe(a.unit_id);
    }
    expect(new Set(audit.map((a) => a.chain_key))).toEqual(new Set([ctx.fx.units.a, ctx.fx.units.b]));
    // Within tenant A's chain the second row links to the first.
    const a = audit.filter((x) => x.chain_key === ctx.fx.units.a);
    expect(a[1]!.prev_hash).toBe(a[0]!.hash);
    const heads = await ctx.owner<{ chain_key: string; last_hash: string; last_id: bigint }[]>`
      select chain_key, last_hash, last_id from app_private.audit_chain_heads where chain_key = any(${[ctx.fx.units.a, ctx.fx.units.b]})`;
    for (const h of heads) {
      const last = audit.filter((x) => x.chain_key === h.chain_key).at(-1)!;
      expect(h).toMatchObject({ last_hash: last.hash, last_id: last.id });
    }
    expect((await verifyAuditChains(ctx.owner)).filter((c) => c.firstBrokenId !== null)).toEqual([]);
  });

  it("the audit row holds the row as stored (triggers and generated columns applied)", async () => {
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a1}, ${ctx.fx.units.b}, ${`${randomUUID().slice(0, 8)}/QĐ`}, '2025-10-01', 'on_request', 'civil', 'Đỗ Thị Ánh')
      returning id`;
    const [row] = await ctx.owner<{ same: boolean; province_id: string; search: string }[]>`
      select a.after = to_jsonb(c) as same, a.province_id, a.after ->> 'search_text' as search
      from public.audit_log a join public.cases c on a.row_id = c.id::text
      where a.table_name = 'cases' and c.id = ${c!.id}`;
    expect(row).toEqual({ same: true, province_id: ctx.fx.units.a, search: expect.stringMatching(/^do thi anh /) });
  });

  it("an insert that inserts nothing writes no audit row; updates stay audited per row", async () => {
    const before = await ctx.owner<{ n: number }[]>`select count(*)::int as n from public.audit_log`;
    await ctx.owner`
      insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
      select unit_id, court_name, judgment_number, judgment_date, judgment_type from public.judgments where id = ${ctx.fx.children.a.judgment}
      on conflict do nothing`;
    const after = await ctx.owner<{ n: number }[]>`select count(*)::int as n from public.audit_log`;
    expect(after[0]!.n).toBe(before[0]!.n);
    await ctx.owner`update public.cases set debtor_name = 'Đã sửa' where id = ${ctx.fx.cases.a}`;
    const [u] = await ctx.owner<{ op: string; before: { debtor_name: string } }[]>`
      select op, before from public.audit_log where row_id = ${ctx.fx.cases.a} order by id desc limit 1`;
    expect(u).toMatchObject({ op: "UPDATE" });
    expect((await verifyAuditChains(ctx.owner)).filter((c) => c.firstBrokenId !== null)).toEqual([]);
  });
});
