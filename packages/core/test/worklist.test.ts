import { beforeAll, describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { addCalendarDays, OUT_OF_WORKLOAD_STATUSES } from "@thads/domain";
import { claimsOf } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { buildSteeringFixture, type SteeringFixture } from "@thads/test-support/steering-fixture";
import { CaseFilterSchema, listCases } from "../src/cases/index.ts";
import { executorDirectives, executorWorklist, officeWorkload, overdueByExecutor } from "../src/workspace/index.ts";

/*
 * The executor's worklist, the head's overdue steps by executor and the workload figures, read
 * through RLS as each user: the figures agree with the case list they open.
 */
const ctx = useTenantFixture();
const TODAY = "2026-11-10";
let st: SteeringFixture;
const ids: Record<string, string> = {};
let unitCode = "";

const as = <T>(key: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, claimsOf(ctx.fx.users[key]!), fn);

beforeAll(async () => {
  st = await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
  unitCode = (await ctx.owner<{ code: string }[]>`select code from public.units where id = ${ctx.fx.units.a1}`)[0]!.code;
  const add = async (key: string, o: { unit?: string; executor: string | null; status?: string; due: string | null }) => {
    const [c] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name, money_due, status,
                                executor_id, next_deadline_on, next_deadline_kind)
      values (${o.unit ?? ctx.fx.units.a1}, ${`WL-${key}-${ctx.fx.tag}`}, '2026-09-01', 'on_request', 'civil', 'Trần Thị Bê', 7000000,
              ${o.status ?? "enforceable"}, ${o.executor}, ${o.due}, ${o.due ? "verification" : null})
      returning id`;
    ids[key] = c!.id;
  };
  const me = ctx.fx.users.executor!;
  await add("later", { executor: me, due: addCalendarDays(TODAY, 30) });
  await add("week", { executor: me, due: addCalendarDays(TODAY, 2) });
  await add("today", { executor: me, due: TODAY });
  await add("overdueRecent", { executor: me, due: addCalendarDays(TODAY, -1) });
  await add("overdueOld", { executor: me, due: "2026-10-15" });
  await add("none", { executor: me, due: null });
  await add("weekEnd", { executor: me, due: addCalendarDays(TODAY, 7) });
  // Out of the workload: never on the worklist nor in the figures, though their deadline has passed.
  await add("completed", { executor: me, status: "completed", due: "2026-10-01" });
  await add("register", { executor: me, status: "separate_register", due: "2026-10-01" });
  // A colleague's case in the same office, and a case of tenant B naming this executor.
  await add("colleague", { executor: ctx.fx.users.colleague_a!, due: "2026-10-20" });
  await add("otherTenant", { unit: ctx.fx.units.b1, executor: me, due: "2026-10-01" });
  await add("unassigned", { executor: null, due: "2026-10-01" });

  // Directives: one to the executor himself, one answered, one on a colleague's case's unit only.
  const directive = async (o: { user?: string; unit?: string; answered?: boolean }) =>
    (
      await ctx.owner<{ id: string }[]>`
      insert into public.steering_directives (committee_id, addressee_user_id, addressee_unit_id, body, issued_on, due_on, answer, answered_on)
      values (${st.committees.a}, ${o.user ?? null}, ${o.unit ?? null}, 'Báo cáo tiến độ xác minh', '2026-10-20', '2026-11-05',
              ${o.answered ? "Đã báo cáo" : null}, ${o.answered ? "2026-11-01" : null})
      returning id`
    )[0]!.id;
  ids.toMe = await directive({ user: me });
  ids.answered = await directive({ user: me, answered: true });
  ids.toColleague = await directive({ user: ctx.fx.users.colleague_a! });
});

describe("the executor's worklist", () => {
  it("holds his own open cases only, overdue first (oldest first), then due this week, then the rest", async () => {
    const me = ctx.fx.users.executor!;
    const w = await as("executor", (tx) => executorWorklist(tx, me, TODAY));
    const listed = w.cases.map((c) => c.id);
    // Exactly the cases the owner sees assigned to him in tenant A's office, in the workload.
    const expected = await ctx.owner<{ id: string }[]>`
      select id from public.cases where executor_id = ${me} and unit_id = ${ctx.fx.units.a1}
        and status <> all (${OUT_OF_WORKLOAD_STATUSES as unknown as string[]}::public.case_status[])`;
    expect([...listed].sort()).toEqual(expected.map((r) => r.id).sort());
    for (const key of ["completed", "register", "colleague", "otherTenant", "unassigned"]) expect(listed).not.toContain(ids[key]);

    const order = ["overdueOld", "overdueRecent", "today", "week", "weekEnd", "later", "none"].map((k) => listed.indexOf(ids[k]!));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const bucketOf = (key: string) => w.cases.find((c) => c.id === ids[key])!.bucket;
    expect(["overdueOld", "overdueRecent", "today", "week", "weekEnd", "none"].map(bucketOf)).toEqual([
      "overdue",
      "overdue",
      "this_week",
      "this_week",
      "later",
      "none",
    ]);
    // The groups follow each other: no overdue case after one due this week, none of those after the rest.
    const rank = { overdue: 0, this_week: 1, later: 2, none: 2 } as const;
    const ranks = w.cases.map((c) => rank[c.bucket]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(w.counts).toEqual({
      open: expected.length,
      overdue: w.cases.filter((c) => c.bucket === "overdue").length,
      thisWeek: w.cases.filter((c) => c.bucket === "this_week").length,
      later: w.cases.filter((c) => c.bucket === "later" || c.bucket === "none").length,
    });
  });

  it("another executor reads none of his cases, and tenant B's executor none of tenant A's", async () => {
    const me = ctx.fx.users.executor!;
    const colleague = await as("colleague_a", (tx) => executorWorklist(tx, ctx.fx.users.colleague_a!, TODAY));
    expect(colleague.cases.map((c) => c.id)).toContain(ids.colleague);
    expect(colleague.cases.map((c) => c.id)).not.toContain(ids.overdueOld);
    // Asked for his cases under B's RLS: only B's case naming him, never A's.
    const fromB = await as("colleague_b", (tx) => executorWorklist(tx, me, TODAY));
    expect(fromB.cases.map((c) => c.id)).toEqual([ids.otherTenant]);
  });

  it("lists the unanswered directives addressed to him or on his cases, nearest deadline first", async () => {
    const me = ctx.fx.users.executor!;
    const d = await as("executor", (tx) => executorDirectives(tx, me, TODAY));
    const got = d.map((x) => x.id);
    // st.directives.a: to his office, on fx.cases.a, which is his.
    expect(got).toEqual([ids.toMe, st.directives.a]);
    expect(d[0]).toMatchObject({ to_me: true, state: "overdue", case_id: null });
    expect(d[1]).toMatchObject({ to_me: false, case_id: ctx.fx.cases.a });
    expect(got).not.toContain(ids.answered);
    expect(got).not.toContain(ids.toColleague);
    expect(got).not.toContain(st.directives.b);
  });
});

describe("the figures and the lists they open", () => {
  const list = (key: string, f: Record<string, string>) =>
    as(key, (tx) => listCases(tx, CaseFilterSchema.parse({ unit: unitCode, ...f }), TODAY)).then((r) => r.total);

  it("the head's overdue steps by executor: his count is the worklist's and the case list's", async () => {
    const me = ctx.fx.users.executor!;
    const rows = await as("subunit_head", (tx) => overdueByExecutor(tx, ctx.fx.units.a1, TODAY));
    const mine = rows.find((r) => r.id === me)!;
    const w = await as("executor", (tx) => executorWorklist(tx, me, TODAY));
    expect(mine.overdue).toBe(w.counts.overdue);
    expect(mine.oldest_on).toBe(w.cases[0]!.next_deadline_on);
    expect(mine.oldest_case_id).toBe(w.cases[0]!.id);
    for (const r of rows) expect(await list("subunit_head", { executor: r.id, open: "1", overdue: "1" })).toBe(r.overdue);
    // The colleague's row is his own worklist's overdue group (the fixture's case of his and ours).
    const colleague = await as("colleague_a", (tx) => executorWorklist(tx, ctx.fx.users.colleague_a!, TODAY));
    expect(colleague.cases.filter((c) => c.bucket === "overdue").map((c) => c.id)).toContain(ids.colleague);
    expect(rows.find((r) => r.id === ctx.fx.users.colleague_a!)).toMatchObject({
      overdue: colleague.counts.overdue,
      oldest_case_id: colleague.cases[0]!.id,
    });
    // Most overdue first; an unassigned case is nobody's row; tenant B's executor reads none of A's.
    expect(rows.map((r) => r.overdue)).toEqual([...rows.map((r) => r.overdue)].sort((a, b) => b - a));
    expect(await as("colleague_b", (tx) => overdueByExecutor(tx, ctx.fx.units.a1, TODAY))).toEqual([]);
  });

  it("an executor's open cases in the workload equal the case list it links to, and likewise overdue", async () => {
    const { executors } = await as("subunit_head", (tx) => officeWorkload(tx, ctx.fx.units.a1, TODAY));
    const me = executors.find((e) => e.id === ctx.fx.users.executor!)!;
    expect(me.open).toBeGreaterThan(me.overdue);
    for (const e of executors) {
      expect(await list("subunit_head", { executor: e.id, open: "1" })).toBe(e.open);
      expect(await list("subunit_head", { executor: e.id, open: "1", overdue: "1" })).toBe(e.overdue);
    }
    // Without the filter the list also holds his closed and register cases: the two differ.
    expect(await list("subunit_head", { executor: me.id })).toBe(me.open + 2);
  });
});
