import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createAppSql, createOwnerSql, type Sql, type TxSql } from "@thads/db";
import { intakeForm, recordSteps, takeInCase } from "./cases.ts";
import "./provided.ts";

/**
 * Two tenants (A, B) with a sub-bureau each, one actor per role tier in A (and
 * the directorate), colleagues in both tenants, and target rows to probe.
 * The reference data (units, users, memberships) is written through the owner
 * path with triggers on (so audit rows exist too); the cases are taken in and
 * decided through the case service, as each tenant's clerk on the app's
 * login (`app`), like the app.
 */
export async function buildTenantFixture(sql: Sql, app: Sql) {
  const id = (): string => randomUUID();
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const u = {
    national: id(),
    a: id(),
    b: id(),
    a1: id(),
    b1: id(),
    a9: id(),
    b9: id(),
  };
  const [existingNational] = await sql<{ id: string }[]>`select id from public.units where kind = 'national' limit 1`;
  if (existingNational) u.national = existingNational.id;
  else
    await sql`insert into public.units (id, kind, code, name, parent_id, province_id)
              values (${u.national}, 'national', ${`NAT-${tag}`}, 'Cục Quản lý THADS', null, null)`;
  for (const [key, name] of [
    ["a", "Hải Phòng"],
    ["b", "Hà Nội"],
  ] as const) {
    await sql`insert into public.units (id, kind, code, name, slug, parent_id, province_id)
              values (${u[key]}, 'province', ${`P-${key.toUpperCase()}-${tag}`}, ${`THADS ${name}`}, ${`${key}-${tag.toLowerCase()}`}, ${u.national}, ${u[key]})`;
  }
  for (const [key, parent, n] of [
    ["a1", "a", 1],
    ["b1", "b", 1],
    ["a9", "a", 9],
    ["b9", "b", 9],
  ] as const) {
    await sql`insert into public.units (id, kind, code, name, parent_id, province_id)
              values (${u[key]}, 'subunit', ${`P-${parent.toUpperCase()}-${tag}-KV0${n}`}, ${`Phòng khu vực ${n}`}, ${u[parent]}, ${u[parent]})`;
  }

  const users: Record<string, string> = {};
  const addUser = async (key: string, unit: string | null, role: string | null, creditor = false) => {
    users[key] = id();
    await sql`insert into auth.users (id, email, encrypted_password, aud, role)
              values (${users[key]!}, ${`${key}.${tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
    if (role === null) return;
    await sql`insert into public.profiles (id, full_name, email, unit_id, creditor_kind)
              values (${users[key]!}, ${key}, ${`${key}@test.vn`}, ${unit}, ${creditor ? "citizen" : null})`;
    await sql`insert into public.memberships (user_id, unit_id, role) values (${users[key]!}, ${unit}, ${role})`;
  };
  await addUser("national_admin", u.national, "national_admin");
  await addUser("national_viewer", u.national, "national_viewer");
  await addUser("province_head", u.a, "province_head");
  await addUser("province_staff", u.a, "province_staff");
  await addUser("subunit_head", u.a1, "subunit_head");
  await addUser("executor", u.a1, "executor");
  await addUser("clerk", u.a1, "clerk");
  await addUser("steering_member", u.a, "steering_member");
  await addUser("creditor", null, "creditor", true);
  await addUser("colleague_a", u.a1, "executor");
  await addUser("colleague_b", u.b1, "executor");
  await addUser("clerk_b", u.b1, "clerk");
  await addUser("spare_a", null, null);
  await addUser("spare_b", null, null);

  const caseRow = async (unit: string, clerk: string, executor: string, n: string) => {
    const actor = { userId: users[clerk]!, roles: ["clerk" as const] };
    const id = await takeInCase(
      app,
      actor,
      intakeForm(unit, {
        caseNumber: `${n}/${tag}`,
        acceptedOn: "01/10/2026",
        decisionKind: "on_request",
        judgment: { courtName: "Tòa án nhân dân", number: `${n}-${tag}/2026/DS-ST`, date: "01/09/2026", type: "civil" },
        debtor: { kind: "person", fullName: "Nguyễn Văn Á" },
        amount: "1.000.000",
      }),
      "2026-10-01",
    );
    await recordSteps(
      app,
      actor,
      id,
      [
        {
          kind: "decision",
          effectiveDate: "2026-10-01",
          mode: "on_request",
          executorId: executor,
          obligations: [{ id: "O1", kind: "money", amount: 1_000_000n }],
        },
      ],
      "2026-10-01",
    );
    return id;
  };
  const cases = {
    a: await caseRow(u.a1, "clerk", users.executor!, "1"),
    aUnassigned: await caseRow(u.a1, "clerk", users.colleague_a!, "2"),
    b: await caseRow(u.b1, "clerk_b", users.colleague_b!, "3"),
  };
  /** The rows the intake and the decision made for the case, to probe. */
  const caseChildren = async (caseId: string) => {
    const [row] = await sql<{ judgment: string; party: string; obligation: string; event: bigint }[]>`
      select c.judgment_id as judgment,
             (select id from public.case_parties where case_id = c.id and role = 'debtor') as party,
             (select id from public.case_obligations where case_id = c.id and code = 'O1') as obligation,
             (select id from public.case_events where case_id = c.id and kind = 'acceptance') as event
        from public.cases c where c.id = ${caseId}`;
    return row!;
  };
  const children = { a: await caseChildren(cases.a), b: await caseChildren(cases.b) };

  const membershipOf = async (user: string) =>
    (await sql<{ id: string }[]>`select id from public.memberships where user_id = ${user}`)[0]!.id;
  const auditOf = async (province: string) =>
    (await sql<{ id: bigint }[]>`select min(id) as id from public.audit_log where province_id = ${province}`)[0]!.id;

  return {
    tag,
    units: u,
    users,
    cases,
    children,
    memberships: { a: await membershipOf(users.colleague_a!), b: await membershipOf(users.colleague_b!) },
    audit: { a: await auditOf(u.a), b: await auditOf(u.b) },
  };
}

export type TenantFixture = Awaited<ReturnType<typeof buildTenantFixture>>;

/**
 * For a test file: the owner connection, the app's login, and a fresh
 * two-tenant fixture built before the tests (read `ctx.fx` inside tests).
 */
export function useTenantFixture() {
  const ctx = {
    owner: createOwnerSql(inject("ownerUrl"), { max: 1 }),
    app: createAppSql(inject("appUrl"), { max: 2 }),
    fx: undefined as unknown as TenantFixture,
  };
  beforeAll(async () => {
    ctx.fx = await buildTenantFixture(ctx.owner, ctx.app);
  });
  afterAll(async () => {
    await ctx.owner.end();
    await ctx.app.end();
  });
  return ctx;
}

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("rolled back");
  }
}

/** Runs fn in a transaction of `sql` that is then rolled back, and returns what fn returned. */
export async function inRolledBackTransaction<T>(sql: Sql, fn: (tx: TxSql) => Promise<T>): Promise<T> {
  return sql
    .begin(async (tx) => {
      throw new RolledBack(await fn(tx as unknown as TxSql));
    })
    .then(
      () => {
        throw new Error("the transaction was meant to roll back");
      },
      (e: unknown) => {
        if (e instanceof RolledBack) return e.value as T;
        throw e;
      },
    );
}
