import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asCaseWriter, withClaims, type Claims } from "@thads/db";
import { readStats } from "../src/stats/readers.ts";
import { verifyStats } from "../src/stats/verify.ts";
import { newTrackingCode } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";

/*
 * Dates and money out of bounds are refused by the database itself, for a client that writes
 * directly (here: a sub-bureau head as case_writer, with every grant the service has); and the
 * statistics aggregates hold sums that no bigint could.
 */
const ctx = useTenantFixture();
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const MAX = 10n ** 16n;

/** Runs fn as the sub-bureau head switched to case_writer; returns the SQLSTATE and message of a refusal, or "ok". */
async function asWriter(fn: (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) => Promise<unknown>): Promise<string> {
  try {
    await withClaims(ctx.app, claims(ctx.fx.users.subunit_head!), async (tx) => {
      await asCaseWriter(tx);
      await fn(tx);
    });
    return "ok";
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
}

const todayVn = async () => (await ctx.owner<{ d: string }[]>`select ((now() at time zone 'Asia/Ho_Chi_Minh')::date)::text as d`)[0]!.d;
const plusDays = async (n: number) =>
  (await ctx.owner<{ d: string }[]>`select (((now() at time zone 'Asia/Ho_Chi_Minh')::date) + ${n}::int)::text as d`)[0]!.d;

describe("dates of the ledger, in the database", () => {
  const event =
    (date: string, kind = "postponement", payload: Record<string, unknown> = {}) =>
    async (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) => {
      await tx`insert into public.case_events (case_id, kind, effective_date, payload) values (${ctx.fx.cases.a}, ${kind}, ${date}, ${tx.json(payload as never)})`;
    };

  it("refuses an event dated 9999, 2099 or tomorrow in Việt Nam, naming the field", async () => {
    for (const d of ["9999-12-31", "2099-01-01", await plusDays(1)]) {
      const r = await asWriter(event(d));
      expect(r, d).toMatch(/^23514: /);
      expect(r, d).toContain("Ngày hiệu lực");
    }
  });

  it("refuses an event before the case's acceptance date or before 1990", async () => {
    expect(await asWriter(event("2026-09-30"))).toMatch(/^23514: .*ngày thụ lý/);
    expect(await asWriter(event("1989-12-31"))).toMatch(/^23514: /);
  });

  it("accepts an event dated today or on the acceptance date", async () => {
    expect(await asWriter(event("2026-10-01", "notification"))).toBe("ok");
    expect(await asWriter(event(await todayVn(), "notification"))).toBe("ok");
  });

  it("refuses a case accepted after today or before 1990, and a judgment dated after today", async () => {
    const insertCase = (acceptedOn: string) => async (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) => {
      await tx`insert into public.cases (unit_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
               values (${ctx.fx.units.a1}, ${randomUUID().slice(0, 12)}, ${acceptedOn}, 'on_request', 'civil', 'X')`;
    };
    expect(await asWriter(insertCase("9999-01-01"))).toMatch(/^23514: .*Ngày thụ lý/);
    expect(await asWriter(insertCase("1985-01-01"))).toMatch(/^23514: /);
    expect(await asWriter(insertCase(await todayVn()))).toBe("ok");
    expect(await asWriter((tx) => tx`update public.cases set closed_on = '9999-01-01' where id = ${ctx.fx.cases.a}`)).toMatch(
      /^23514: Ngày kết thúc/,
    );
    expect(await asWriter((tx) => tx`update public.cases set decision_date = '2026-09-30' where id = ${ctx.fx.cases.a}`)).toMatch(
      /^23514: .*ngày thụ lý/,
    );
    expect(await asWriter((tx) => tx`update public.cases set decision_date = '2026-10-02' where id = ${ctx.fx.cases.a}`)).toBe("ok");
    expect(
      await asWriter(
        (tx) => tx`insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
                                values (${ctx.fx.units.a1}, 'Tòa án nhân dân', ${randomUUID().slice(0, 12)}, '2099-05-05', 'civil')`,
      ),
    ).toMatch(/^23514: /);
  });
});

describe("money caps, in the database", () => {
  it("refuses an obligation performed after today or before the case's acceptance, inserted (one statement of several rows) or updated", async () => {
    const insert = (performed: (string | null)[]) => async (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) => {
      const rows = performed.map((on) => ({ code: `A${randomUUID().slice(0, 8)}`, performed_on: on }));
      await tx`
        insert into public.case_obligations (case_id, code, kind, description, performed_on)
        select ${ctx.fx.cases.a}, r.code, 'act', 'Giao nhà', r.performed_on
        from json_to_recordset(${tx.json(rows as never)}::json) as r(code text, performed_on date)`;
    };
    const today = await todayVn();
    const late = await asWriter(insert([today, null, await plusDays(1)]));
    expect(late).toMatch(/^23514: /);
    expect(late).toContain("Ngày thực hiện nghĩa vụ (performed_on)");
    expect(await asWriter(insert([today, "2026-09-30"]))).toMatch(/^23514: .*ngày thụ lý/);
    expect(await asWriter(insert([today, "2026-10-01", null]))).toBe("ok");
    const [o] = await ctx.owner<{ code: string }[]>`
      select code from public.case_obligations where case_id = ${ctx.fx.cases.a} and kind = 'act' and performed_on = ${today} limit 1`;
    const update = (on: string) => async (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) => {
      await tx`update public.case_obligations set performed_on = ${on} where case_id = ${ctx.fx.cases.a} and code = ${o!.code}`;
    };
    expect(await asWriter(update(await plusDays(1)))).toMatch(/^23514: .*Ngày thực hiện nghĩa vụ/);
    expect(await asWriter(update("2026-10-01"))).toBe("ok");
  });

  it("refuses an obligation of 10^16 + 1 đồng (and 10^18), accepts 10^16", async () => {
    const obligation = (amount: bigint) => (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) =>
      tx`insert into public.case_obligations (case_id, code, kind, amount) values (${ctx.fx.cases.a}, ${`M${randomUUID().slice(0, 8)}`}, 'money', ${amount})`;
    expect(await asWriter(obligation(MAX + 1n))).toMatch(/^23514: /);
    expect(await asWriter(obligation(10n ** 18n))).toMatch(/^23514: /);
    expect(await asWriter(obligation(MAX))).toBe("ok");
  });

  it("refuses a payment or a decision whose amounts in the event exceed the caps", async () => {
    const ev = (kind: string, payload: Record<string, unknown>) => (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) =>
      tx`insert into public.case_events (case_id, kind, effective_date, payload) values (${ctx.fx.cases.a}, ${kind}, '2026-10-02', ${tx.json(payload as never)})`;
    expect(await asWriter(ev("payment", { obligationId: "O1", amount: (MAX + 1n).toString() }))).toMatch(/^23514: /);
    expect(await asWriter(ev("payment", { obligationId: "O1", amount: "-5" }))).toMatch(/^23514: /);
    expect(
      await asWriter(ev("decision", { mode: "on_request", obligations: [{ id: "O1", kind: "money", amount: "1000000000000000000" }] })),
    ).toMatch(/^23514: /);
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `O${i}`, kind: "money", amount: MAX.toString() }));
    expect(await asWriter(ev("decision", { mode: "on_request", obligations: many }))).toMatch(/^23514: /);
  });
});

describe("statistics aggregates do not overflow", () => {
  it("ten cases of 100 maximal obligations, each paid in full, in one office on one day; a later ordinary write still succeeds", async () => {
    const unit = ctx.fx.units.a9;
    const day = "2026-11-02";
    const cases = 10;
    const perCase = 100;
    for (let i = 0; i < cases; i++) {
      const [c] = await ctx.owner<{ id: string }[]>`
        insert into public.cases (unit_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
        values (${unit}, ${`BIG-${i}-${ctx.fx.tag}`}, ${day}, 'on_request', 'civil', 'Công ty X') returning id`;
      const obligations = Array.from({ length: perCase }, (_, k) => ({ id: `O${k}`, kind: "money", amount: MAX.toString() }));
      await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload) values
        (${c!.id}, 'acceptance', ${day}, '{}'),
        (${c!.id}, 'decision', ${day}, ${ctx.owner.json({ mode: "on_request", obligations } as never)}),
        (${c!.id}, 'notification', ${day}, '{}'),
        (${c!.id}, 'classification', ${day}, '{"result":"enforceable"}')`;
      for (let k = 0; k < perCase; k++) {
        await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload)
          values (${c!.id}, 'payment', ${day}, ${ctx.owner.json({ obligationId: `O${k}`, amount: MAX.toString() } as never)})`;
      }
    }
    const total = BigInt(cases * perCase) * MAX; // 10^19 đồng decided and collected: more than a bigint holds
    expect(total > 2n ** 63n - 1n).toBe(true);

    const stats = (await readStats(ctx.owner, { scope: { unitIds: [unit] }, from: "2026-10-01", to: "2026-11-30" })).get("all")!;
    expect(stats.money.newly_accepted).toBe(total);
    expect(stats.money.completed).toBe(total);
    expect(stats.cases.newly_accepted).toBe(BigInt(cases));

    // An ordinary case in the same office, the same day: its write adds to the same aggregate rows.
    const [small] = await ctx.owner<{ id: string }[]>`
      insert into public.cases (unit_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${unit}, ${`SMALL-${ctx.fx.tag}`}, ${day}, 'on_request', 'civil', 'Nguyễn Văn B') returning id`;
    await ctx.owner`insert into public.case_events (case_id, kind, effective_date, payload) values
      (${small!.id}, 'acceptance', ${day}, '{}'),
      (${small!.id}, 'decision', ${day}, ${ctx.owner.json({ mode: "on_request", obligations: [{ id: "O1", kind: "money", amount: "1000000" }] } as never)})`;
    const after = (await readStats(ctx.owner, { scope: { unitIds: [unit] }, from: "2026-10-01", to: "2026-11-30" })).get("all")!;
    expect(after.money.newly_accepted).toBe(total + 1_000_000n);

    // The verification (npm run stats:verify) agrees: rows rebuilt from the events, figures by brute force.
    const report = await verifyStats(ctx.owner, { years: [2027] });
    expect(report.rowMismatches).toEqual([]);
    expect(report.figureMismatches).toEqual([]);
    expect(report.identityFailures).toEqual([]);
  }, 120_000);
});

describe("other records, in the database", () => {
  const refusal = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return "ok";
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  };

  it("a target's statistical year is from 1990 to ten years after the current one", async () => {
    const year = Number((await todayVn()).slice(0, 4));
    const target = (y: number) => () =>
      ctx.owner`insert into public.stat_targets (unit_id, stat_year, cases_rate, money_rate) values (${ctx.fx.units.a9}, ${y}, 80, 40)`;
    expect(await refusal(target(year + 11))).toMatch(/^23514: Năm thống kê/);
    expect(await refusal(target(1989))).toMatch(/^23514: /);
    expect(await refusal(target(year + 10))).toBe("ok");
  });

  it("a steering meeting or an auction round more than ten years ahead, an asset step after today, are refused", async () => {
    const [committee] = await ctx.owner<{ id: string }[]>`
      insert into public.steering_committees (kind, name) values ('ad_hoc', 'Ban Chỉ đạo chuyên đề thử') returning id`;
    expect(
      await refusal(
        () => ctx.owner`insert into public.steering_meetings (committee_id, held_on, title) values (${committee!.id}, '9999-01-01', 'Họp')`,
      ),
    ).toMatch(/^23514: Ngày họp/);
    const [asset] = await ctx.owner<{ id: string }[]>`
      insert into public.assets (case_id, kind, description) values (${ctx.fx.cases.a}, 'vehicle', 'Xe tải') returning id`;
    expect(
      await refusal(
        () =>
          ctx.owner`insert into public.asset_events (asset_id, kind, effective_date) values (${asset!.id}, 'identification', '2099-01-01')`,
      ),
    ).toMatch(/^23514: Ngày thực hiện/);
    expect(
      await refusal(
        () =>
          ctx.owner`insert into public.asset_events (asset_id, kind, effective_date) values (${asset!.id}, 'identification', '2026-09-01')`,
      ),
    ).toMatch(/^23514: .*ngày thụ lý/);
    expect(await refusal(() => ctx.owner`update public.assets set next_round_on = '9999-01-01' where id = ${asset!.id}`)).toMatch(
      /^23514: /,
    );
  });
});

describe("dates of a one-stop request, in the database", () => {
  /** A request of unit A1 filed today, and the clerk of A1 writing its dates directly. */
  const filed = async () => {
    const id = randomUUID();
    const code = newTrackingCode();
    await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_name, factor_keys)
                    values (${id}, ${ctx.fx.units.a1}, 'result_confirmation', ${code}, ${randomUUID()}, 'Nguyễn Văn B', ${["0912345678"]})`;
    return id;
  };
  const asClerk = async (fn: (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) => Promise<unknown>) => {
    try {
      await withClaims(ctx.app, claims(ctx.fx.users.clerk!), fn);
      return "ok";
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    }
  };

  it("refuses a reception day ahead of today or before the filing, and a due day before the filing, writing nothing", async () => {
    const id = await filed();
    const today = await todayVn();
    const receive = (on: string, due: string) => (tx: Parameters<Parameters<typeof withClaims>[2]>[0]) =>
      tx`update public.service_requests set status = 'received', received_on = ${on}, due_on = ${due} where id = ${id}`;
    expect(await asClerk(receive(await plusDays(1), await plusDays(5)))).toMatch(/^23514: Ngày tiếp nhận/);
    expect(await asClerk(receive("2099-01-01", "2099-01-05"))).toMatch(/^23514: Ngày tiếp nhận/);
    expect(await asClerk(receive(await plusDays(-1), await plusDays(5)))).toMatch(
      /^23514: Ngày tiếp nhận \(received_on\): không được trước ngày nộp/,
    );
    expect(await asClerk(receive(today, await plusDays(-1)))).toMatch(/^23514: Hạn giải quyết \(due_on\): không được trước ngày nộp/);
    expect(await asClerk(receive(today, "2099-01-01"))).toMatch(/^23514: Hạn giải quyết/);
    const [row] = await ctx.owner<{ status: string; received_on: string | null }[]>`
      select status, received_on::text from public.service_requests where id = ${id}`;
    expect(row).toEqual({ status: "submitted", received_on: null });
    expect(await asClerk(receive(today, await plusDays(5)))).toBe("ok");
  });
});
