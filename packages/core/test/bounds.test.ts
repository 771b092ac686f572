import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Claims } from "@thads/db";
import { caseFactories } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { MAX_DONG, type Role } from "@thads/domain";
import { IntakeSchema, dongInput, type Actor } from "../src/index.ts";

/* Dates and amounts out of bounds are refused by the service, naming the field, writing nothing. */

const ctx = useTenantFixture();
const _claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const _actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });
const TODAY = "2026-01-15";

const { intakeForm, intake, takeIn, step } = caseFactories(ctx, { today: TODAY });

const eventCount = async (id: string) =>
  (await ctx.owner<{ n: number }[]>`select count(*)::int as n from public.case_events where case_id = ${id}`)[0]!.n;

describe("dates of case steps", () => {
  it("refuses a postponement dated 2099 (it would freeze the case for good), writing nothing", async () => {
    const id = await takeIn();
    expect(
      await step(id, ["clerk", "clerk"], {
        kind: "decision",
        effectiveDate: "2025-11-05",
        mode: "on_request",
        obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
      }),
    ).toMatchObject({ ok: true });
    const r = await step(id, ["subunit_head", "subunit_head"], { kind: "postponement", effectiveDate: "2099-01-01", reason: "x" });
    expect(r).toMatchObject({ ok: false, error: { code: "date_in_future", field: "effectiveDate" } });
    expect(!r.ok && r.error.message_vi).toMatch(/^Ngày hiệu lực: không được sau ngày hôm nay \(15\/01\/2026\)/);
    expect(await eventCount(id)).toBe(2);
  });

  it("refuses a decision dated 9999 and one dated tomorrow", async () => {
    const id = await takeIn();
    for (const effectiveDate of ["9999-12-31", "2026-01-16"]) {
      const r = await step(id, ["clerk", "clerk"], {
        kind: "decision",
        effectiveDate,
        mode: "on_request",
        obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
      });
      expect(r, effectiveDate).toMatchObject({ ok: false, error: { code: "date_in_future", field: "effectiveDate" } });
    }
    expect(await eventCount(id)).toBe(1);
    const [c] = await ctx.owner`select status, decision_date from public.cases where id = ${id}`;
    expect(c).toMatchObject({ status: "accepted", decision_date: null });
  });
});

describe("intake dates", () => {
  it("refuses an acceptance after today, naming the field", async () => {
    const r = await intake(intakeForm({ acceptedOn: "16/01/2026" }));
    expect(r).toMatchObject({ ok: false, error: { code: "date_in_future", field: "acceptedOn" } });
    expect(!r.ok && r.error.message_vi).toMatch(/^Ngày thụ lý: /);
  });
  it("refuses an acceptance or a judgment before 1990", async () => {
    const r = await intake(
      intakeForm({
        acceptedOn: "05/03/1989",
        judgment: { courtName: "Tòa án nhân dân", number: "1/89", date: "01/02/1989", type: "civil" },
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: "date_too_early" } });
    const j = await intake(
      intakeForm({
        judgment: { courtName: "Tòa án nhân dân", number: `${randomUUID().slice(0, 8)}/85`, date: "01/02/1985", type: "civil" },
      }),
    );
    expect(j).toMatchObject({ ok: false, error: { code: "date_too_early", field: "judgment.date" } });
  });
  it("refuses an acceptance before the law in force (1 July 2009) with a reason, not a server error", async () => {
    const r = await intake(
      intakeForm({
        acceptedOn: "02/03/2005",
        judgment: { courtName: "Tòa án nhân dân", number: `${randomUUID().slice(0, 8)}/05`, date: "01/02/2005", type: "civil" },
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: "date_before_rules", field: "acceptedOn" } });
  });
});

describe("money caps", () => {
  it("a form amount over 10^16 đồng is refused with the field named; 10^16 is accepted", () => {
    const f = dongInput("Số tiền phải thi hành");
    expect(f.parse(MAX_DONG.toString())).toBe(MAX_DONG);
    const over = f.safeParse((MAX_DONG + 1n).toString());
    expect(over.success).toBe(false);
    expect(over.success ? "" : over.error.issues[0]!.message).toMatch(/^Số tiền phải thi hành: .*10\.000\.000\.000\.000\.000/);
    expect(IntakeSchema.safeParse(intakeForm({ amount: "1.000.000.000.000.000.000" })).success).toBe(false);
  });

  it("a decision with an obligation of 10^18 đồng is refused and writes nothing", async () => {
    const id = await takeIn();
    const r = await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 10n ** 18n }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: "invalid_amount" } });
    expect(await eventCount(id)).toBe(1);
  });
});

describe("the database's own bounds", () => {
  it("a date the service let through but the database refuses (a clock ahead of Việt Nam's) is a refusal naming the field, not a failure", async () => {
    const r = await intake(
      intakeForm({
        acceptedOn: "02/01/2098",
        judgment: { courtName: "Tòa án nhân dân", number: `${randomUUID().slice(0, 8)}/98`, date: "01/01/2098", type: "civil" },
      }),
      "2099-01-01",
    );
    expect(r).toMatchObject({ ok: false, error: { code: "out_of_bounds" } });
    expect(!r.ok && r.error.message_vi).toMatch(/^Ngày (bản án|thụ lý) \((judgment_date|accepted_on)\): không được sau ngày hôm nay/);
    expect(!r.ok && r.error.message_en).toMatch(/cannot be after today$/);
  });
});
