import { describe, expect, it } from "vitest";
import { verifyAuditChains } from "../src/audit.ts";
import { asCaseWriter, withClaims } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";

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
});
