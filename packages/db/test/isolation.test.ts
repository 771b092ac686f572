/**
 * The tenant isolation matrix: every role tier × every tenant table ×
 * select/insert/update/delete × own vs another tenant, checked against
 * docs/domain.md §5 through the app's own login (thads_app → role + claims).
 * A denial must be the right kind: 42501 for missing grants and WITH CHECK,
 * zero rows for USING.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import {
  combinations,
  probe as probeAs,
  TIERS,
  type Op,
  type Outcome,
  type Probe,
  type Scope,
  type Tier,
} from "@thads/test-support/matrix";

const ctx = useTenantFixture();
/** Each tenant's spare office succeeds a district office dissolved on 01/07/2025 (written as the owner's tools do). */
const successions = { a: "", b: "" };
beforeAll(async () => {
  for (const t of ["a", "b"] as const) {
    const province = ctx.fx.units[t];
    const [old] = await ctx.owner<{ id: string }[]>`
      insert into public.units (kind, code, name, parent_id, province_id, dissolved_on)
      values ('subunit', ${`OLD-${t.toUpperCase()}-${ctx.fx.tag}`}, 'Chi cục cũ', ${province}, ${province}, '2025-07-01') returning id`;
    const [row] = await ctx.owner<{ id: string }[]>`
      insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis)
      values (${old!.id}, ${ctx.fx.units[`${t}9`]}, '2025-07-01', 'Sắp xếp cơ quan thi hành án dân sự từ 01/07/2025') returning id`;
    successions[t] = row!.id;
  }
});
afterAll(() => {
  console.log(`isolation matrix: ${checked} combinations checked, ${leaks} leaks`);
});

const TABLES = [
  "units",
  "unit_successions",
  "profiles",
  "memberships",
  "cases",
  "audit_log",
  "judgments",
  "case_parties",
  "case_obligations",
  "case_events",
] as const;
type Table = (typeof TABLES)[number];

/** docs/domain.md §5 as a table: which tiers may do what, on their own tenant and on another. */
function expected(tier: Tier, table: Table, op: Op, scope: Scope): Outcome {
  const own = scope === "own";
  const natAdmin = tier === "national_admin";
  const national = natAdmin || tier === "national_viewer";
  const provinceStaff = tier === "province_head" || tier === "province_staff";
  const subunitStaff = tier === "subunit_head" || tier === "executor" || tier === "clerk";
  const allow = (ok: boolean, deny: Outcome): Outcome => (ok ? "allowed" : deny);

  if (tier === "anon") return (table === "units" || table === "unit_successions") && op === "select" ? "allowed" : "42501";
  switch (table) {
    case "units":
    // Who succeeded whom (migration 20261217000100): reference data like the units.
    case "unit_successions":
      // The public directory of bureaus: reference data, maintained by migrations and the
      // owner's tools, never written through the API (migration 20261204000300).
      return op === "select" ? "allowed" : "42501";
    case "profiles":
      if (op === "select") return allow(national || ((provinceStaff || subunitStaff) && own), "zero_rows");
      if (op === "insert") return allow(natAdmin || (tier === "province_head" && own), "42501");
      if (op === "update") return allow(natAdmin || (tier === "province_head" && own), "zero_rows");
      return "42501"; // profiles are never deleted through the API
    case "memberships":
      if (op === "select") return allow(national || ((provinceStaff || tier === "subunit_head") && own), "zero_rows");
      if (op === "insert") return allow(natAdmin || (tier === "province_head" && own), "42501");
      return allow(natAdmin || (tier === "province_head" && own), "zero_rows");
    case "cases":
      if (op === "select") return allow(national || ((provinceStaff || subunitStaff) && own), "zero_rows");
      if (op === "insert") return allow((provinceStaff || tier === "subunit_head" || tier === "clerk") && own, "42501");
      if (op === "update") return allow((provinceStaff || subunitStaff) && own, "zero_rows");
      return "42501"; // cases end, they are never deleted
    case "audit_log":
      if (op === "select") return allow(natAdmin || (tier === "province_head" && own), "zero_rows");
      return "42501"; // append-only, written by triggers alone
  }
  // Rows of a case: read like the case; written by those who may act on it.
  const reads = national || ((provinceStaff || subunitStaff) && own);
  const intake = (provinceStaff || tier === "subunit_head" || tier === "clerk") && own;
  // The executor of the probed own-tenant case is the executor tier itself.
  const acts = (intake || tier === "executor") && own;
  if (op === "select") return allow(reads, "zero_rows");
  switch (table) {
    case "judgments":
      return op === "insert" ? allow(intake, "42501") : "42501";
    case "case_parties":
      if (op === "insert") return allow(intake, "42501");
      return op === "update" ? allow(intake, "zero_rows") : "42501";
    case "case_obligations":
      if (op === "insert") return allow(acts, "42501");
      return op === "update" ? allow(acts, "zero_rows") : "42501";
    case "case_events":
      return op === "insert" ? allow(acts, "42501") : "42501"; // the ledger is append-only
  }
}

const probe = (tier: Tier, fn: Probe, opts: { writer?: boolean } = {}) => probeAs(ctx, tier, fn, opts);

/** Tables written only through the case service (as case_writer, migration 20251106000000). */
const SERVICE_WRITTEN: readonly Table[] = ["cases", "judgments", "case_parties", "case_obligations", "case_events"];
const servicePath = (table: Table, op: Op) => SERVICE_WRITTEN.includes(table) && (op === "insert" || op === "update");

function operation(table: Table, op: Op, scope: Scope): (tx: TxSql) => PromiseLike<readonly unknown[]> {
  const t = scope === "own" ? "a" : "b";
  const province = ctx.fx.units[t];
  const subunit = ctx.fx.units[`${t}1`];
  const spareUnit = ctx.fx.units[`${t}9`];
  const spareUser = ctx.fx.users[`spare_${t}`]!;
  const n = Math.random().toString(36).slice(2, 8).toUpperCase();
  switch (table) {
    case "units":
      if (op === "select") return (tx) => tx`select id from public.units where id = ${spareUnit}`;
      if (op === "insert")
        return (tx) => tx`insert into public.units (kind, code, name, parent_id, province_id)
                          values ('subunit', ${`X-${n}`}, 'Phòng mới', ${province}, ${province}) returning id`;
      if (op === "update") return (tx) => tx`update public.units set phone = '0225 000' where id = ${spareUnit} returning id`;
      return (tx) => tx`delete from public.units where id = ${spareUnit} returning id`;
    case "unit_successions": {
      const target = successions[t];
      if (op === "select") return (tx) => tx`select id from public.unit_successions where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis)
                          values (${subunit}, ${spareUnit}, '2026-11-01', 'Sáp nhập') returning id`;
      if (op === "update") return (tx) => tx`update public.unit_successions set basis = 'Khác' where id = ${target} returning id`;
      return (tx) => tx`delete from public.unit_successions where id = ${target} returning id`;
    }
    case "profiles": {
      const target = ctx.fx.users[`colleague_${t}`]!;
      if (op === "select") return (tx) => tx`select id from public.profiles where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.profiles (id, full_name, email, unit_id)
                          values (${spareUser}, 'Cán bộ mới', 'new@test.vn', ${subunit}) returning id`;
      if (op === "update") return (tx) => tx`update public.profiles set phone = '0900' where id = ${target} returning id`;
      return (tx) => tx`delete from public.profiles where id = ${target} returning id`;
    }
    case "memberships": {
      const target = ctx.fx.memberships[t];
      if (op === "select") return (tx) => tx`select id from public.memberships where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.memberships (user_id, unit_id, role)
                          values (${spareUser}, ${subunit}, 'executor') returning id`;
      if (op === "update") return (tx) => tx`update public.memberships set role = 'clerk' where id = ${target} returning id`;
      return (tx) => tx`delete from public.memberships where id = ${target} returning id`;
    }
    case "cases": {
      const target = ctx.fx.cases[t];
      if (op === "select") return (tx) => tx`select id from public.cases where id = ${target}`;
      if (op === "insert")
        return (
          tx,
        ) => tx`insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
                          values (${subunit}, ${province}, ${`N-${n}`}, '2026-11-01', 'on_request', 'civil', 'Trần Văn B') returning id`;
      if (op === "update") return (tx) => tx`update public.cases set debtor_name = 'Trần Văn C' where id = ${target} returning id`;
      return (tx) => tx`delete from public.cases where id = ${target} returning id`;
    }
    case "judgments": {
      const target = ctx.fx.children[t].judgment;
      if (op === "select") return (tx) => tx`select id from public.judgments where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
                          values (${subunit}, 'Tòa án nhân dân', ${`J-${n}`}, '2026-09-01', 'civil') returning id`;
      if (op === "update") return (tx) => tx`update public.judgments set court_name = 'X' where id = ${target} returning id`;
      return (tx) => tx`delete from public.judgments where id = ${target} returning id`;
    }
    case "case_parties": {
      const target = ctx.fx.children[t].party;
      if (op === "select") return (tx) => tx`select id from public.case_parties where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.case_parties (case_id, role, kind, full_name)
                          values (${ctx.fx.cases[t]}, 'related', 'person', 'Lê Thị Hồng') returning id`;
      if (op === "update") return (tx) => tx`update public.case_parties set contact = '0900' where id = ${target} returning id`;
      return (tx) => tx`delete from public.case_parties where id = ${target} returning id`;
    }
    case "case_obligations": {
      const target = ctx.fx.children[t].obligation;
      if (op === "select") return (tx) => tx`select id from public.case_obligations where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.case_obligations (case_id, code, kind, amount)
                          values (${ctx.fx.cases[t]}, ${`O${n.slice(0, 4)}`}, 'money', 5000) returning id`;
      if (op === "update") return (tx) => tx`update public.case_obligations set description = 'x' where id = ${target} returning id`;
      return (tx) => tx`delete from public.case_obligations where id = ${target} returning id`;
    }
    case "case_events": {
      const target = ctx.fx.children[t].event;
      if (op === "select") return (tx) => tx`select id from public.case_events where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.case_events (case_id, kind, effective_date, payload)
                          values (${ctx.fx.cases[t]}, 'notification', '2026-10-02', '{}') returning id`;
      if (op === "update") return (tx) => tx`update public.case_events set payload = '{"x":1}' where id = ${target} returning id`;
      return (tx) => tx`delete from public.case_events where id = ${target} returning id`;
    }
    case "audit_log": {
      const target = ctx.fx.audit[t];
      if (op === "select") return (tx) => tx`select id from public.audit_log where id = ${target}`;
      if (op === "insert")
        return (tx) => tx`insert into public.audit_log (chain_key, table_name, op, at, prev_hash, hash)
                          values ('x', 'cases', 'INSERT', now(), '', '') returning id`;
      if (op === "update") return (tx) => tx`update public.audit_log set hash = 'forged' where id = ${target} returning id`;
      return (tx) => tx`delete from public.audit_log where id = ${target} returning id`;
    }
  }
}

let checked = 0;
let leaks = 0;

const combos = combinations(TABLES);

describe("tenant isolation matrix", () => {
  it.each(combos)("$tier · $table · $op · $scope tenant", async ({ tier, table, op, scope }) => {
    const want = expected(tier, table, op, scope);
    const got = await probe(tier, operation(table, op, scope), { writer: servicePath(table, op) });
    checked++;
    if (got === "allowed" && want !== "allowed") leaks++;
    expect(got).toBe(want);
  });

  const direct = TIERS.filter((t) => t !== "anon").flatMap((tier) =>
    SERVICE_WRITTEN.flatMap((table) => (["insert", "update"] as const).map((op) => ({ tier, table, op }))),
  );
  it.each(direct)("$tier · $table · $op directly as authenticated (no case service) is refused", async ({ tier, table, op }) => {
    const got = await probe(tier, operation(table, op, "own"));
    checked++;
    if (got === "allowed") leaks++;
    expect(got).toBe("42501");
  });

  it("an executor cannot change a case of their unit that is assigned to someone else", async () => {
    const got = await probe(
      "executor",
      (tx) => tx`update public.cases set debtor_name = 'X' where id = ${ctx.fx.cases.aUnassigned} returning id`,
      { writer: true },
    );
    expect(got).toBe("zero_rows");
    expect(await probe("executor", (tx) => tx`select id from public.cases where id = ${ctx.fx.cases.aUnassigned}`)).toBe("allowed");
  });

  it("a case's tenant key comes from its unit, not from what the client sends", async () => {
    const got = await probe(
      "clerk",
      (tx) =>
        tx`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a1}, ${ctx.fx.units.b}, 'SPOOF-1', '2026-11-01', 'on_request', 'civil', 'X')
      returning id, province_id`.then((rows) => rows.filter((r) => r.province_id === ctx.fx.units.a)),
      { writer: true },
    );
    expect(got).toBe("allowed");
  });

  it("a party's or an obligation's tenant keys stay its case's, whatever an update sets", async () => {
    for (const table of ["case_parties", "case_obligations"] as const) {
      const id = table === "case_parties" ? ctx.fx.children.a.party : ctx.fx.children.a.obligation;
      const got = await probe(
        "province_head",
        (tx) =>
          tx`
        update ${tx(`public.${table}`)} set province_id = ${ctx.fx.units.b}, unit_id = ${ctx.fx.units.b1}
        where id = ${id} returning province_id, unit_id`.then((rows) =>
            rows.filter((r) => r.province_id === ctx.fx.units.a && r.unit_id === ctx.fx.units.a1),
          ),
        { writer: true },
      );
      expect(got, table).toBe("allowed");
    }
  });

  it("a province head cannot grant national roles", async () => {
    const got = await probe(
      "province_head",
      (tx) => tx`
      insert into public.memberships (user_id, unit_id, role) values (${ctx.fx.users.spare_a!}, ${ctx.fx.units.a}, 'province_head') returning id`,
    );
    expect(got).toBe("42501");
  });
});
