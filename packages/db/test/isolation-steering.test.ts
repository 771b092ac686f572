/**
 * Isolation matrix of the steering committees' tables: every role tier ×
 * table × select/insert/update/delete × own tenant (A) vs another (B), plus
 * the rules of committee scope on the cases themselves. The fixture's
 * steering_member tier sits on A's committee.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { asCaseWriter, withClaims } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { combinations, probe as probeAs, type Op, type Outcome, type Probe, type Scope, type Tier } from "@thads/test-support/matrix";
import { buildSteeringFixture, type SteeringFixture } from "@thads/test-support/steering-fixture";

const ctx = useTenantFixture();
let st: SteeringFixture;
beforeAll(async () => {
  st = await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
});
let checked = 0;
let leaks = 0;
afterAll(() => {
  console.log(`steering isolation matrix: ${checked} combinations checked, ${leaks} leaks`);
});

const TABLES = [
  "steering_committees",
  "steering_committee_members",
  "steering_flags",
  "steering_meetings",
  "steering_meeting_items",
  "steering_directives",
  "steering_progress_reports",
  "steering_coercion_ops",
] as const;
type Table = (typeof TABLES)[number];

function expected(tier: Tier, table: Table, op: Op, scope: Scope): Outcome {
  const own = scope === "own";
  const natAdmin = tier === "national_admin";
  const national = natAdmin || tier === "national_viewer";
  const provinceStaff = tier === "province_head" || tier === "province_staff";
  const subunitStaff = tier === "subunit_head" || tier === "executor" || tier === "clerk";
  const member = tier === "steering_member" && own;
  const allow = (ok: boolean, deny: Outcome): Outcome => (ok ? "allowed" : deny);
  if (tier === "anon") return "42501";

  // Bureau reads of the tenant's own steering rows (sub-bureau: its own unit's rows).
  const bureauReads = (provinceStaff || subunitStaff) && own;
  switch (table) {
    case "steering_committees":
      if (op === "select") return allow(national || bureauReads || member, "zero_rows");
      if (op === "insert") return allow(natAdmin || (tier === "province_head" && own), "42501");
      if (op === "update") return allow(natAdmin || (tier === "province_head" && own) || member, "zero_rows");
      return allow(natAdmin, "zero_rows");
    case "steering_committee_members":
      if (op === "select") return allow(national || (provinceStaff && own) || member, "zero_rows");
      if (op === "insert") return allow(natAdmin || (tier === "province_head" && own), "42501");
      return allow(natAdmin || (tier === "province_head" && own), "zero_rows");
    case "steering_flags":
      if (op === "select") return allow(national || bureauReads || member, "zero_rows");
      if (op === "insert") return allow((provinceStaff || tier === "subunit_head") && own, "42501");
      if (op === "update") return allow(natAdmin || member, "zero_rows");
      return "42501"; // flags are never deleted: they are declined or removed with a reason
    case "steering_meetings":
      if (op === "select") return allow(national || member, "zero_rows");
      if (op === "insert") return allow(member, "42501");
      if (op === "update") return allow(member, "zero_rows");
      return "42501";
    case "steering_meeting_items":
      if (op === "select") return allow(national || member, "zero_rows");
      if (op === "insert") return allow(member, "42501");
      return allow(member, "zero_rows");
    case "steering_directives":
      // Addressed to sub-bureau 1 of each tenant: its staff read it, its head answers; the
      // committee that issued it reaches the row but may not answer it.
      if (op === "select") return allow(national || bureauReads || member, "zero_rows");
      if (op === "insert") return allow(member, "42501");
      if (op === "update") return allow(tier === "subunit_head" && own, member ? "42501" : "zero_rows");
      return "42501";
    case "steering_progress_reports":
      if (op === "select") return allow(national || bureauReads || member, "zero_rows");
      if (op === "insert") return allow((provinceStaff || tier === "subunit_head" || tier === "executor") && own, "42501");
      return "42501"; // append-only
    case "steering_coercion_ops":
      if (op === "select") return allow(national || bureauReads || member, "zero_rows");
      if (op === "insert") return allow((provinceStaff || tier === "subunit_head" || tier === "executor") && own, "42501");
      // The probe changes the place: the bureau may; the committee may not (its trigger says 42501).
      if (op === "update")
        return member ? "42501" : allow((provinceStaff || tier === "subunit_head" || tier === "executor") && own, "zero_rows");
      return "42501";
  }
}

function operation(table: Table, op: Op, scope: Scope): Probe {
  const t = scope === "own" ? "a" : "b";
  const province = ctx.fx.units[t];
  const subunit = ctx.fx.units[`${t}1`];
  const committee = st.committees[t];
  const unflagged = t === "a" ? ctx.fx.cases.aUnassigned : st.cases.bSpare;
  const colleague = ctx.fx.users[`colleague_${t}`]!;
  switch (table) {
    case "steering_committees":
      if (op === "select") return (tx) => tx`select id from public.steering_committees where id = ${committee}`;
      if (op === "insert")
        return (tx) => tx`insert into public.steering_committees (kind, name, province_id)
                          values ('province', 'Ban Chỉ đạo mới', ${province}) returning id`;
      if (op === "update")
        return (tx) => tx`update public.steering_committees set name = 'Ban Chỉ đạo (đổi tên)' where id = ${committee} returning id`;
      return (tx) =>
        tx`delete from public.steering_committees where id = ${t === "a" ? st.committees.spareA : st.committees.spareB} returning id`;
    case "steering_committee_members": {
      const target = st.members[t];
      if (op === "select") return (tx) => tx`select id from public.steering_committee_members where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          tx`insert into public.steering_committee_members (committee_id, user_id) values (${committee}, ${colleague}) returning id`;
      if (op === "update")
        return (tx) => tx`update public.steering_committee_members set member_role = 'member' where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_committee_members where id = ${target} returning id`;
    }
    case "steering_flags": {
      const target = st.flags[t];
      if (op === "select") return (tx) => tx`select id from public.steering_flags where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.steering_flags (committee_id, case_id, reason, note)
                          values (${committee}, ${unflagged}, 'complex', 'Vụ việc phức tạp') returning id`;
      if (op === "update") return (tx) => tx`update public.steering_flags set decision_note = 'Theo dõi' where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_flags where id = ${target} returning id`;
    }
    case "steering_meetings": {
      const target = st.meetings[t];
      if (op === "select") return (tx) => tx`select id from public.steering_meetings where id = ${target}`;
      if (op === "insert")
        return (tx) =>
          tx`insert into public.steering_meetings (committee_id, held_on, title) values (${committee}, '2026-12-01', 'Họp tháng 12') returning id`;
      if (op === "update") return (tx) => tx`update public.steering_meetings set minutes = 'Đã họp' where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_meetings where id = ${target} returning id`;
    }
    case "steering_meeting_items": {
      const target = st.items[t];
      if (op === "select") return (tx) => tx`select id from public.steering_meeting_items where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.steering_meeting_items (meeting_id, flag_id, position)
                          values (${t === "a" ? st.meetings.a2 : st.meetings.b2}, ${st.flags[t]}, 1) returning id`;
      if (op === "update") return (tx) => tx`update public.steering_meeting_items set note = 'Ưu tiên' where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_meeting_items where id = ${target} returning id`;
    }
    case "steering_directives": {
      const target = st.directives[t];
      if (op === "select") return (tx) => tx`select id from public.steering_directives where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.steering_directives (committee_id, flag_id, addressee_unit_id, body, issued_on, due_on)
                          values (${committee}, ${st.flags[t]}, ${subunit}, 'Đôn đốc', '2026-11-01', '2026-11-30') returning id`;
      if (op === "update")
        return (
          tx,
        ) => tx`update public.steering_directives set answer = 'Đã thực hiện', answered_on = '2026-11-10', answered_by = (select auth.uid())
                          where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_directives where id = ${target} returning id`;
    }
    case "steering_progress_reports": {
      const target = st.reports[t];
      if (op === "select") return (tx) => tx`select id from public.steering_progress_reports where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.steering_progress_reports (flag_id, period_start, body)
                          values (${st.flags[t]}, '2026-11-01', 'Tiến độ tháng 11') returning id`;
      if (op === "update") return (tx) => tx`update public.steering_progress_reports set body = 'Sửa' where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_progress_reports where id = ${target} returning id`;
    }
    case "steering_coercion_ops": {
      const target = st.ops[t];
      if (op === "select") return (tx) => tx`select id from public.steering_coercion_ops where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.steering_coercion_ops (case_id, committee_id, planned_on, place, plan)
                          values (${ctx.fx.cases[t]}, ${committee}, '2026-12-15', 'Số 2 Trần Phú', 'Cưỡng chế kê biên') returning id`;
      if (op === "update")
        return (tx) => tx`update public.steering_coercion_ops set place = 'Số 3 Trần Phú' where id = ${target} returning id`;
      return (tx) => tx`delete from public.steering_coercion_ops where id = ${target} returning id`;
    }
  }
}

const probe = (tier: Tier, fn: Probe) => probeAs(ctx, tier, fn);

describe("steering isolation matrix", () => {
  it.each(combinations(TABLES))("$tier $op $table ($scope tenant)", async ({ tier, table, op, scope }) => {
    const want = expected(tier, table, op, scope);
    const got = await probe(tier, operation(table, op, scope));
    checked += 1;
    if (got === "allowed" && want !== "allowed") leaks += 1;
    expect(got).toBe(want);
  });
});

/** Runs a query as a given user id (not only a fixture tier). */
async function asUserId<T>(userId: string, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);
}
const caseIds = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe("committee scope on the cases themselves", () => {
  it("a committee member sees the flagged case and not an unflagged one of the same province", async () => {
    const rows = await asUserId(
      st.users.memberA,
      (tx) => tx<{ id: string }[]>`
      select id from public.cases where id in ${tx([ctx.fx.cases.a, ctx.fx.cases.aUnassigned])}`,
    );
    expect(caseIds(rows)).toEqual([ctx.fx.cases.a]);
    const all = await asUserId(st.users.memberA, (tx) => tx<{ id: string }[]>`select id from public.cases`);
    expect(caseIds(all)).toEqual([ctx.fx.cases.a]);
  });

  it("a proposed (not yet accepted) case stays invisible to the committee", async () => {
    const rows = await asUserId(st.users.memberA, (tx) => tx`select id from public.cases where id = ${st.cases.proposedA}`);
    expect(rows).toHaveLength(0);
    // …while the proposal itself is there for the committee to decide on.
    const flags = await asUserId(st.users.memberA, (tx) => tx`select id from public.steering_flags where id = ${st.flags.proposedA}`);
    expect(flags).toHaveLength(1);
  });

  it("the flagged case is read-only for the committee, on the user's path and on the case service's", async () => {
    await expect(
      asUserId(
        st.users.memberA,
        (tx) => tx`
      update public.cases set debtor_name = 'Đổi tên' where id = ${ctx.fx.cases.a} returning id`,
      ),
    ).rejects.toMatchObject({ code: "42501" });
    const viaWriter = await asUserId(st.users.memberA, async (tx) => {
      await asCaseWriter(tx);
      return tx`update public.cases set debtor_name = 'Đổi tên' where id = ${ctx.fx.cases.a} returning id`;
    });
    expect(viaWriter).toHaveLength(0);
    await expect(
      asUserId(st.users.memberA, async (tx) => {
        await asCaseWriter(tx);
        return tx`insert into public.case_events (case_id, kind, effective_date) values (${ctx.fx.cases.a}, 'payment', '2026-11-01') returning id`;
      }),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("the committee reads the flagged case's events (timeline), not those of other cases", async () => {
    const rows = await asUserId(st.users.memberA, (tx) => tx<{ case_id: string }[]>`select distinct case_id from public.case_events`);
    expect(rows.map((r) => r.case_id)).toEqual([ctx.fx.cases.a]);
  });

  it("a member of province A's committee sees nothing of B's list, and B's member nothing of A's", async () => {
    const aSeesB = await asUserId(
      st.users.memberA,
      (tx) => tx`
      select id from public.cases where id = ${ctx.fx.cases.b}
      union all select id from public.steering_flags where committee_id = ${st.committees.b}
      union all select id from public.steering_directives where committee_id = ${st.committees.b}
      union all select id from public.steering_meetings where committee_id = ${st.committees.b}`,
    );
    expect(aSeesB).toHaveLength(0);
    const bCases = await asUserId(st.users.memberB, (tx) => tx<{ id: string }[]>`select id from public.cases`);
    expect(caseIds(bCases)).toEqual([ctx.fx.cases.b]);
  });

  it("a national anti-corruption member sees flagged asset-recovery cases of several provinces, and no other case", async () => {
    const rows = await asUserId(
      st.users.memberNational,
      (tx) => tx<{ id: string; province_id: string }[]>`
      select id, province_id from public.cases
      where province_id in ${tx([ctx.fx.units.a, ctx.fx.units.b])}`,
    );
    expect(caseIds(rows)).toEqual([st.cases.corruptionA, st.cases.corruptionB].sort());
    expect(new Set(rows.map((r) => r.province_id))).toEqual(new Set([ctx.fx.units.a, ctx.fx.units.b]));
  });

  it("a committee member without the steering role sees no case (membership alone is not enough)", async () => {
    await ctx.owner`delete from public.memberships where user_id = ${st.users.memberB} and role = 'steering_member'`;
    try {
      const rows = await asUserId(st.users.memberB, (tx) => tx`select id from public.cases`);
      expect(rows).toHaveLength(0);
    } finally {
      await ctx.owner`insert into public.memberships (user_id, unit_id, role) values (${st.users.memberB}, ${ctx.fx.units.b}, 'steering_member')`;
    }
  });

  it("a case can go only on a committee of its own scope", async () => {
    // B's case proposed to A's committee by the directorate's owner path: refused by the scope rule.
    await expect(ctx.owner`insert into public.steering_flags (committee_id, case_id, reason, note)
                           values (${st.committees.a}, ${st.cases.bSpare}, 'complex', 'Sai địa bàn')`).rejects.toMatchObject({
      code: "23514",
    });
    // A non-corruption case onto the national anti-corruption list: refused.
    await expect(ctx.owner`insert into public.steering_flags (committee_id, case_id, reason, note)
                           values (${st.committees.national}, ${ctx.fx.cases.aUnassigned}, 'complex', 'Không phải án tham nhũng')`).rejects.toMatchObject(
      { code: "23514" },
    );
    // Province A's staff proposing B's case (to B's committee): refused by RLS.
    await expect(
      asUserId(
        ctx.fx.users.province_staff!,
        (tx) => tx`
      insert into public.steering_flags (committee_id, case_id, reason, note)
      values (${st.committees.b}, ${st.cases.bSpare}, 'complex', 'Không thuộc tỉnh mình') returning id`,
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("an addressee answers a directive but may not rewrite it", async () => {
    await expect(
      asUserId(
        ctx.fx.users.subunit_head!,
        (tx) => tx`
      update public.steering_directives set due_on = '2027-12-31' where id = ${st.directives.a} returning id`,
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });
});
