import "@thads/test-support/provided";
import { afterAll, describe, expect, inject, it } from "vitest";
import { fromEventRow, intakeLimitation, type EventRow } from "@thads/core";
import { createAppSql, createOwnerSql, withClaims } from "@thads/db";
import {
  ROLES,
  acceptanceClock,
  complaintLimitation,
  complaintResolutionClock,
  denunciationResolutionClock,
  deriveState,
  isLate,
  moneySummary,
  nextDeadline,
  requestDueOn,
  type CaseEvent,
  type ComplaintActKind,
  type RequestKind,
} from "@thads/domain";
import {
  CASE_COLUMNS,
  DEFAULT_TODAY,
  EVENT_COLUMNS,
  JUDGMENT_COLUMNS,
  OBLIGATION_COLUMNS,
  PARTY_COLUMNS,
  generateCaseHistories,
  generateCases,
} from "../src/cases.ts";
import { buildModel, DISTRICT_OFFICES } from "../src/model.ts";
import { DEMO_CREDITOR_ID_NUMBERS } from "../src/creditors.ts";
import { caseUnits, demoExecutors, seed, isSeeded } from "../src/seed.ts";

describe("demo model", () => {
  const model = buildModel();
  it("has the directorate, 34 provinces, 355 regional offices and the 29 absorbed provinces", () => {
    const active = model.units.filter((u) => !u.dissolved_on);
    expect(active.filter((u) => u.kind === "national")).toHaveLength(1);
    expect(active.filter((u) => u.kind === "province")).toHaveLength(34);
    expect(active.filter((u) => u.kind === "subunit")).toHaveLength(355);
    expect(model.units.filter((u) => u.dissolved_on === "2025-07-01" && u.kind === "province")).toHaveLength(29);
    expect(model.units.filter((u) => u.dissolved_on === "2025-07-01" && u.kind === "subunit")).toHaveLength(DISTRICT_OFFICES);
  });
  it("has a demo account for every role and about 4,000 staff", () => {
    const demoRoles = new Set(model.users.filter((u) => u.demo).flatMap((u) => u.memberships.map((m) => m.role)));
    expect([...demoRoles].sort()).toEqual([...ROLES].sort());
    expect(model.users.length).toBeGreaterThan(3000);
    expect(new Set(model.users.map((u) => u.email)).size).toBe(model.users.length);
  });
  it("is deterministic", () => {
    expect(buildModel().users.map((u) => [u.id, u.full_name])).toEqual(model.users.map((u) => [u.id, u.full_name]));
  });
  it("generates realistic cases: whole đồng with a long tail, tenant key from the unit, deterministic", () => {
    const units = model.units
      .filter((u) => u.kind === "subunit" && !u.dissolved_on)
      .map((u) => ({ id: u.id, provinceId: u.province_id!, code: u.code, executors: model.executorsByUnit.get(u.id)! }));
    const cases = [...generateCases({ count: 20_000, units })];
    const again = [...generateCases({ count: 20_000, units })];
    expect(again.map((c) => c.id)).toEqual(cases.map((c) => c.id));
    const byUnit = new Map(units.map((u) => [u.id, u.provinceId]));
    expect(cases.every((c) => byUnit.get(c.unit_id!) === c.province_id)).toBe(true);
    const money = cases.map((c) => BigInt(c.money_due!));
    expect(money.every((m) => m % 1000n === 0n && m >= 1_000_000n)).toBe(true);
    expect(money.some((m) => m > 100_000_000_000n)).toBe(true); // hundreds of billions exist
    expect(money.filter((m) => m < 100_000_000n).length).toBeGreaterThan(cases.length / 3); // most are small
    expect(cases.every((c) => BigInt(c.money_collected!) <= BigInt(c.money_due!))).toBe(true);
    const share = (s: string) => cases.filter((c) => c.status === s).length / cases.length;
    expect(share("completed")).toBeGreaterThan(0.3);
    expect(share("not_yet_enforceable")).toBeGreaterThan(0.05);
    expect(cases.filter((c) => c.is_bank_credit === "t").length).toBeGreaterThan(500);
  });
});

describe("demo cases and the intake rules", () => {
  it("takes every case on request in within the limitation period, as intake would", () => {
    const model = buildModel();
    const units = model.units
      .filter((u) => u.kind === "subunit" && !u.dissolved_on)
      .map((u) => ({ id: u.id, provinceId: u.province_id!, code: u.code, executors: model.executorsByUnit.get(u.id)! }));
    const refused: string[] = [];
    let onRequest = 0;
    for (const g of generateCaseHistories({ count: 5000, units })) {
      if (g.case.decision_kind === "on_request") onRequest++;
      const r = intakeLimitation({
        acceptedOn: g.case.accepted_on!,
        decisionKind: g.case.decision_kind as "ex_officio" | "on_request",
        requestedOn: undefined,
        limitationObstacle: null,
        judgment: {
          courtName: g.judgment.court_name!,
          number: g.judgment.judgment_number!,
          date: g.judgment.judgment_date!,
          type: "civil",
        },
      });
      if (!r.ok) refused.push(g.case.case_number!);
    }
    expect(onRequest).toBeGreaterThan(1000);
    expect(refused).toEqual([]);
  });
});

describe("seeding a database", () => {
  const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
  afterAll(() => sql.end());
  const SAMPLE = 3000;

  it("writes units, users and cases in one transaction, once", async () => {
    expect(await isSeeded(sql)).toBe(false);
    await seed(sql, { cases: SAMPLE });
    expect(await isSeeded(sql)).toBe(true);
    const [row] = await sql<{ units: bigint; users: bigint; cases: bigint; mismatched: bigint }[]>`
      select (select count(*) from public.units) as units,
             (select count(*) from auth.users) as users,
             (select count(*) from public.cases) as cases,
             (select count(*) from public.cases c join public.units u on u.id = c.unit_id where u.province_id <> c.province_id) as mismatched`;
    expect(row).toEqual({
      units: BigInt(419 + DISTRICT_OFFICES),
      users: BigInt(buildModel().users.length),
      cases: BigInt(SAMPLE),
      mismatched: 0n,
    });
    // Every province merged on 01/07/2025 and each of the 693 district offices dissolved that day
    // names its successor, dated that day (ADR 029): a province, a current regional office.
    const successions = await sql<{ predecessor: string; successor: string; on: string; kind: string; live: boolean }[]>`
      select p.code as predecessor, s.code as successor, x.effective_on::text as on, p.kind::text as kind, s.dissolved_on is null as live
        from public.unit_successions x join public.units p on p.id = x.predecessor_id join public.units s on s.id = x.successor_id
       order by p.code`;
    const merged = await sql<{ code: string; into: string }[]>`
      select u.code, i.code as into from public.units u join public.units i on i.id = u.merged_into_id order by u.code`;
    expect(merged.length).toBe(29);
    const offices = successions.filter((x) => x.kind === "subunit");
    expect(offices.length).toBe(DISTRICT_OFFICES);
    expect(new Set(offices.map((x) => x.successor)).size).toBe(355);
    expect(successions.every((x) => x.on === "2025-07-01" && x.live)).toBe(true);
    expect(successions.filter((x) => x.kind === "province").map((x) => [x.predecessor, x.successor])).toEqual(
      merged.map((m) => [m.code, m.into]),
    );
  });

  it("gives every province its public page and desk requests in every state, with history and ratings", async () => {
    const [row] = await sql<
      { pages: bigint; requests: bigint; states: string[]; bad_history: bigint; bad_due: bigint; rated_open: bigint }[]
    >`
      select (select count(*) from public.public_pages) as pages,
             (select count(*) from public.service_requests) as requests,
             (select array_agg(distinct status::text order by status::text) from public.service_requests) as states,
             (select count(*) from public.service_requests r
               where r.status <> (select e.to_status from public.service_request_events e where e.request_id = r.id order by e.at desc, e.id desc limit 1)) as bad_history,
             (select count(*) from public.service_requests r where r.status <> 'submitted' and r.due_on is null) as bad_due,
             (select count(*) from public.service_ratings s join public.service_requests r on r.id = s.request_id
               where r.status not in ('returned', 'rejected')) as rated_open`;
    expect(row).toEqual({
      pages: 34n,
      requests: 34n * 9n,
      states: ["processing", "received", "rejected", "returned", "submitted"],
      bad_history: 0n,
      bad_due: 0n,
      rated_open: 0n,
    });
    const due = await sql<{ kind: RequestKind; submitted_on: string; due_on: string }[]>`
      select kind::text as kind, submitted_on::text, due_on::text from public.service_requests where due_on is not null`;
    expect(due.every((d) => d.due_on === requestDueOn(d.kind, d.submitted_on))).toBe(true);
  });

  it("gives every province complaint letters in every state, their clocks those of the domain's rules, and Hải Phòng's first office some", async () => {
    const rows = await sql<
      {
        province_id: string;
        unit_id: string;
        kind: "complaint" | "denunciation" | null;
        status: string;
        round: number;
        received_on: string;
        act_kind: ComplaintActKind | null;
        act_known_on: string | null;
        limitation_last_day: string | null;
        late: boolean;
        accept_due_on: string | null;
        accepted_on: string | null;
        resolve_due_on: string | null;
        resolved_on: string | null;
        duplicate_of: string | null;
        province_matches: boolean;
      }[]
    >`select l.province_id, l.unit_id, l.kind, l.status, l.round, l.received_on::text, l.act_kind, l.act_known_on::text,
             l.limitation_last_day::text, l.late, l.accept_due_on::text, l.accepted_on::text, l.resolve_due_on::text,
             l.resolved_on::text, l.duplicate_of, u.province_id = l.province_id as province_matches
        from public.complaint_letters l join public.units u on u.id = l.unit_id`;
    expect(new Set(rows.map((l) => l.province_id)).size).toBe(34);
    expect(rows.every((l) => l.province_matches)).toBe(true);
    expect(new Set(rows.map((l) => l.status))).toEqual(new Set(["received", "classified", "accepted", "resolved", "forwarded", "filed"]));
    const [senders] = await sql<{ missing: bigint }[]>`
      select count(*) as missing from public.complaint_letters l where not exists (select 1 from public.complaint_senders s where s.letter_id = l.id)`;
    expect(senders!.missing).toBe(0n);
    const handled = rows.filter((l) => (l.kind === "complaint" || l.kind === "denunciation") && l.duplicate_of === null);
    expect(handled.length).toBeGreaterThan(100);
    for (const l of handled) {
      expect(l.accept_due_on).toBe(acceptanceClock(l.kind!, 1, l.received_on).lastDay);
      if (l.kind === "complaint") {
        const lim = complaintLimitation({ act: l.act_kind!, round: 1, knownOn: l.act_known_on! });
        expect(l.limitation_last_day).toBe(lim.lastDay);
        expect(l.late).toBe(isLate(lim, l.received_on));
      }
      if (l.accepted_on) {
        const clock =
          l.kind === "complaint"
            ? complaintResolutionClock({ act: l.act_kind!, round: 1, acceptedOn: l.accepted_on })
            : denunciationResolutionClock(l.accepted_on);
        expect(l.resolve_due_on).toBe(clock.lastDay);
      }
      if (l.resolved_on) expect(l.resolved_on >= l.accepted_on!).toBe(true);
    }
    const resolved = handled.filter((l) => l.resolved_on);
    const onTime = resolved.filter((l) => l.resolved_on! <= l.resolve_due_on!);
    // Mostly on time, not all; a few late complaints; some duplicates linked.
    expect(onTime.length / resolved.length).toBeGreaterThan(0.7);
    expect(onTime.length).toBeLessThan(resolved.length);
    expect(handled.some((l) => l.late)).toBe(true);
    expect(rows.some((l) => l.duplicate_of !== null)).toBe(true);
    const kv01 = buildModel().units.find((u) => u.code === "P-HAI-PHONG-KV01")!;
    expect(rows.filter((l) => l.unit_id === kv01.id).length).toBeGreaterThan(0);
  });

  /** Every case's stored events, in ledger order, as domain events. */
  async function ledgers(): Promise<Map<string, CaseEvent[]>> {
    const rows = await sql<(EventRow & { case_id: string })[]>`
      select case_id, kind, effective_date::text as effective_date, payload from public.case_events order by case_id, effective_date, id`;
    const byCase = new Map<string, CaseEvent[]>();
    for (const r of rows) {
      let list = byCase.get(r.case_id);
      if (!list) byCase.set(r.case_id, (list = []));
      list.push(fromEventRow(r));
    }
    return byCase;
  }

  it("stores, for every case, a ledger the domain accepts and from which it derives the case's projection", async () => {
    const byCase = await ledgers();
    const cases = await sql`
      select id, status::text, executor_id, decision_date::text, money_due::text, money_collected::text, closed_on::text,
             next_deadline_on::text, next_deadline_kind, last_event_on::text, version, source::text, accepted_on::text
      from public.cases`;
    expect(cases).toHaveLength(SAMPLE);
    const bad: string[] = [];
    for (const c of cases) {
      const events = byCase.get(c.id) ?? [];
      const r = deriveState(events);
      if (!r.ok || !r.state) {
        bad.push(`${c.id}: ${r.ok ? "no events" : `${r.error.code} at event ${r.index}`}`);
        continue;
      }
      const s = r.state;
      const money = moneySummary(s);
      const next = nextDeadline(events, DEFAULT_TODAY, { actors: ["agency"] });
      const expected = {
        status: s.status,
        executor_id: s.executorId,
        decision_date: s.decidedOn,
        // Before the decision the case carries the judgment's amount (intake), and has no obligations.
        money_due: s.decidedOn ? money.due.toString() : c.money_due,
        money_collected: money.paid.toString(),
        closed_on: s.closedOn,
        next_deadline_on: next?.dueDate ?? null,
        next_deadline_kind: next?.kind ?? null,
        last_event_on: s.lastEventDate,
        version: events.length,
        source: s.source,
        accepted_on: s.acceptedOn,
      };
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, c[k]]));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) bad.push(`${c.id}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of ["completed", "not_yet_enforceable", "enforcing", "enforceable", "terminated", "postponed"])
      expect(statuses).toContain(s);
  });

  it("keeps each obligation's paid amount equal to its payments and its performance date to its act", async () => {
    const byCase = await ledgers();
    const obligations = await sql`
      select case_id, code, kind::text, amount::text, paid::text, performed_on::text from public.case_obligations order by case_id, code`;
    const actual = new Map<string, string>();
    for (const o of obligations) actual.set(`${o.case_id}/${o.code}`, `${o.kind} ${o.amount} ${o.paid} ${o.performed_on}`);
    const expected = new Map<string, string>();
    for (const [caseId, events] of byCase) {
      const decision = events.find((e) => e.kind === "decision");
      if (decision?.kind !== "decision") continue;
      for (const o of decision.obligations) {
        const payments = events.filter((e) => e.kind === "payment" && e.obligationId === o.id);
        const paid = payments.reduce((sum, e) => sum + (e.kind === "payment" ? e.amount : 0n), 0n);
        const act = events.find((e) => e.kind === "act_performed" && e.obligationId === o.id);
        expected.set(
          `${caseId}/${o.id}`,
          o.kind === "money" ? `money ${o.amount} ${paid} null` : `act null 0 ${act?.effectiveDate ?? null}`,
        );
      }
    }
    expect(actual.size).toBeGreaterThan(SAMPLE / 2);
    expect(actual).toEqual(expected);
  });

  it("gives every row that belongs to a case the case's province and unit", async () => {
    const [row] = await sql<Record<string, bigint>[]>`
      select
        (select count(*) from public.case_events e join public.cases c on c.id = e.case_id
          where e.province_id <> c.province_id or e.unit_id <> c.unit_id) as events,
        (select count(*) from public.case_parties p join public.cases c on c.id = p.case_id
          where p.province_id <> c.province_id or p.unit_id <> c.unit_id) as parties,
        (select count(*) from public.case_obligations o join public.cases c on c.id = o.case_id
          where o.province_id <> c.province_id or o.unit_id <> c.unit_id) as obligations,
        (select count(*) from public.cases c left join public.judgments j on j.id = c.judgment_id
          where j.id is null or j.province_id <> c.province_id or j.unit_id <> c.unit_id) as judgments,
        (select count(*) from public.case_events e left join public.cases c on c.id = e.case_id where c.id is null) as orphan_events,
        (select count(*) from public.cases c where not exists (select 1 from public.case_events e where e.case_id = c.id)) as without_events`;
    expect(row).toEqual({ events: 0n, parties: 0n, obligations: 0n, judgments: 0n, orphan_events: 0n, without_events: 0n });
  });

  it("writes exactly the generator's rows (the same seed gives the same rows)", async () => {
    const model = buildModel();
    // Cases given demo assets afterwards carry the asset steps in their ledgers, and cases whose
    // creditor became a demo creditor account carry that account's name: both compared apart.
    const comparedApart = new Set(
      (
        await sql<{ case_id: string }[]>`select case_id from public.assets
          union select case_id from public.case_parties where id_number = any (${DEMO_CREDITOR_ID_NUMBERS as string[]})`
      ).map((r) => r.case_id),
    );
    const generated = [...generateCaseHistories({ count: SAMPLE, units: caseUnits(model), focusExecutors: demoExecutors(model) })].filter(
      (g) => !comparedApart.has(g.case.id!),
    );
    const mine = (rows: readonly Record<string, unknown>[], key = "case_id") => rows.filter((r) => !comparedApart.has(r[key] as string));
    const text = (cols: readonly string[]) => sql.unsafe(cols.map((c) => (c === "payload" ? "payload" : `${c}::text`)).join(", "));
    const cases = mine(await sql`select ${text(CASE_COLUMNS)} from public.cases order by id`, "id");
    expect(cases).toEqual(
      generated
        .map((g) => ({
          ...g.case,
          is_bank_credit: g.case.is_bank_credit === "t" ? "true" : "false",
          is_corruption: g.case.is_corruption === "t" ? "true" : "false",
        }))
        .sort((a, b) => (a.id! < b.id! ? -1 : 1)),
    );
    const judgments = await sql`select ${text(JUDGMENT_COLUMNS)} from public.judgments j
      where not exists (select 1 from public.cases c where c.judgment_id = j.id and c.id = any (${[...comparedApart]}::uuid[])) order by id`;
    expect(judgments).toEqual(generated.map((g) => g.judgment).sort((a, b) => (a.id! < b.id! ? -1 : 1)));
    const parties = mine(await sql`select ${text(PARTY_COLUMNS)} from public.case_parties order by id`);
    expect(parties).toEqual(generated.flatMap((g) => g.parties).sort((a, b) => (a.id! < b.id! ? -1 : 1)));
    const obligations = mine(await sql`select ${text(OBLIGATION_COLUMNS)} from public.case_obligations order by id`);
    expect(obligations).toEqual(generated.flatMap((g) => g.obligations).sort((a, b) => (a.id! < b.id! ? -1 : 1)));
    const events = mine(await sql`select ${text(EVENT_COLUMNS)} from public.case_events order by id`);
    expect(events).toEqual(generated.flatMap((g) => g.events.map((e) => ({ ...e, payload: JSON.parse(e.payload!) }))));
  });
});

describe("demo steering committees (after seeding)", () => {
  const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
  const app = createAppSql(inject("appUrl"), { max: 1 });
  afterAll(async () => {
    await sql.end();
    await app.end();
  });

  it("has a committee per province and the national list; flags carry their case's tenant and fit their committee's scope", async () => {
    const [row] = await sql<
      {
        committees: bigint;
        national: bigint;
        wrong_tenant: bigint;
        out_of_scope: bigint;
        overdue: bigint;
        answered: bigint;
        national_provinces: bigint;
      }[]
    >`
      select (select count(*) from public.steering_committees where kind = 'province') as committees,
             (select count(*) from public.steering_committees where kind = 'national_anticorruption') as national,
             (select count(*) from public.steering_flags f join public.cases c on c.id = f.case_id
               where f.province_id <> c.province_id or f.unit_id <> c.unit_id or f.case_number <> c.case_number) as wrong_tenant,
             (select count(*) from public.steering_flags f join public.steering_committees k on k.id = f.committee_id join public.cases c on c.id = f.case_id
               where (k.kind = 'province' and k.province_id <> c.province_id) or (k.kind = 'national_anticorruption' and not c.is_corruption)) as out_of_scope,
             (select count(*) from public.steering_directives where answered_on is null and due_on < ${DEFAULT_TODAY}) as overdue,
             (select count(*) from public.steering_directives where answered_on is not null) as answered,
             (select count(distinct f.province_id) from public.steering_flags f join public.steering_committees k on k.id = f.committee_id
               where k.kind = 'national_anticorruption' and f.status = 'accepted') as national_provinces`;
    expect(row!.committees).toBe(34n);
    expect(row!.national).toBe(1n);
    expect(row!.wrong_tenant).toBe(0n);
    expect(row!.out_of_scope).toBe(0n);
    expect(row!.overdue).toBeGreaterThan(0n);
    expect(row!.answered).toBeGreaterThan(0n);
    expect(row!.national_provinces).toBeGreaterThan(1n);
  });

  it("the Hải Phòng steering member sees exactly the accepted Hải Phòng list, under RLS", async () => {
    const member = buildModel().users.find((u) => u.email === "hai-phong.steering@demo.thads.vn")!;
    const seen = await withClaims(
      app,
      { sub: member.id, role: "authenticated" },
      (tx) => tx<{ id: string }[]>`select id from public.cases order by id`,
    );
    const listed = await sql<{ id: string }[]>`
      select f.case_id as id from public.steering_flags f join public.steering_committees k on k.id = f.committee_id
      join public.units p on p.id = k.province_id
      where p.slug = 'hai-phong' and f.status = 'accepted' order by f.case_id`;
    expect(listed.length).toBeGreaterThan(0);
    expect(seen).toEqual(listed);
  });
});
