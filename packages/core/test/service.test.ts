import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClaims, type Claims } from "@thads/db";
import { caseFactories } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { checkLimitation, formatDateVi, type CaseEvent, type Role } from "@thads/domain";
import { IntakeSchema, asUserStep, intakeCase, type Actor } from "../src/index.ts";
import { loadCasePage } from "../src/cases/get-case.ts";
import { parseStep } from "../src/cases/steps-schema.ts";

const ctx = useTenantFixture();
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });
const { intakeForm, intake, takeIn, step } = caseFactories(ctx, { today: "2026-01-15" });

describe("money fields", () => {
  it("reads whole đồng with grouping, refuses decimals and mixed separators", async () => {
    const { dongInput } = await import("../src/shared/fields.ts");
    const f = dongInput("Số tiền");
    for (const [input, value] of [
      ["12.500.000", 12_500_000n],
      ["12 500 000", 12_500_000n],
      ["12,500,000", 12_500_000n],
      ["12500000", 12_500_000n],
      ["309.578.330.000 ₫", 309_578_330_000n],
    ] as const) {
      expect(f.parse(input), input).toBe(value);
    }
    for (const bad of ["12,5", "12.5", "1.2345", "12.500,000", "-5", "0", "abc", "", "9".repeat(19)]) {
      expect(f.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("intake", () => {
  it("names the field for each bad input and writes nothing", () => {
    const bad = IntakeSchema.safeParse(
      intakeForm({ acceptedOn: "31/02/2025", amount: "-5", judgment: { courtName: "", number: "1", date: "x", type: "civil" } }),
    );
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(messages).toContain("Ngày thụ lý: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ví dụ 05/11/2026).");
    expect(messages).toContain("Số tiền phải thi hành: phải là số tiền nguyên dương tính bằng đồng (ví dụ 12.500.000).");
    expect(messages).toContain("Tòa án: bắt buộc nhập.");
    expect(messages).toContain("Ngày bản án: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ví dụ 05/11/2026).");
  });

  it("takes a case in once, however often the form is sent", async () => {
    const form = intakeForm();
    const id = await takeIn(form);
    expect(await takeIn(form)).toBe(id);
    const rows = await ctx.owner`select count(*)::int as n from public.case_events where case_id = ${id}`;
    expect(rows[0]!.n).toBe(1);
    const [c] = await ctx.owner`select status, province_id, money_due from public.cases where id = ${id}`;
    expect(c).toMatchObject({ status: "accepted", province_id: ctx.fx.units.a, money_due: 150_000_000n });
  });

  it("refuses a duplicate case number in the province with the field named", async () => {
    const form = intakeForm();
    await takeIn(form);
    const input = IntakeSchema.parse({ ...form, idempotencyKey: randomUUID() });
    const r = await asUserStep(ctx.app, claims(ctx.fx.users.clerk!), (tx) => intakeCase(tx, input, actor("clerk", "clerk")));
    expect(r).toMatchObject({ ok: false, error: { code: "duplicate_number", field: "caseNumber" } });
  });

  it("a number or judgment already held by another office of the province gets a clear answer", async () => {
    const form = intakeForm();
    // Another office (a9) of the same province registered the judgment and used the number.
    const [j] = await ctx.owner<{ id: string }[]>`
      insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
      values (${ctx.fx.units.a9}, ${form.judgment.courtName}, ${form.judgment.number}, '2025-10-20', 'civil') returning id`;
    await ctx.owner`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name, judgment_id)
      values (${ctx.fx.units.a9}, ${ctx.fx.units.a}, ${form.caseNumber}, '2025-11-01', 'on_request', 'civil', 'X', ${j!.id})`;
    const input = IntakeSchema.parse(form);
    const taken = await asUserStep(ctx.app, claims(ctx.fx.users.clerk!), (tx) => intakeCase(tx, input, actor("clerk", "clerk")));
    expect(taken).toMatchObject({ ok: false, error: { code: "duplicate_number", field: "caseNumber" } });
    // With a new number the province's judgment is found and reused.
    const id = await takeIn({ ...form, idempotencyKey: randomUUID(), caseNumber: `${form.caseNumber}-B` });
    const [c] = await ctx.owner`select judgment_id from public.cases where id = ${id}`;
    expect(c!.judgment_id).toBe(j!.id);
  });

  it("an executor may not take cases in", async () => {
    const input = IntakeSchema.parse(intakeForm());
    const r = await asUserStep(ctx.app, claims(ctx.fx.users.executor!), (tx) => intakeCase(tx, input, actor("executor", "executor")));
    expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

describe("limitation period for requesting enforcement at intake", () => {
  // The judgment took effect on 01/07/2019: five years later the request filed on 15/07/2024 is late.
  const late = (overrides: Record<string, unknown> = {}) =>
    intakeForm({
      acceptedOn: "16/07/2024",
      requestedOn: "15/07/2024",
      source: "creditor_request",
      decisionKind: "on_request",
      judgment: {
        courtName: "Tòa án nhân dân thành phố Hải Phòng",
        number: `${randomUUID().slice(0, 8)}/2019/DS-PT`,
        date: "14/06/2019",
        effectiveOn: "01/07/2019",
        type: "civil",
      },
      ...overrides,
    });
  const written = async (form: ReturnType<typeof intakeForm>) => {
    const [n] = await ctx.owner<{ cases: number; judgments: number }[]>`
      select (select count(*)::int from public.cases where case_number = ${form.caseNumber as string}) as cases,
             (select count(*)::int from public.judgments where judgment_number = ${(form.judgment as { number: string }).number}) as judgments`;
    return n!;
  };
  const payloadOf = async (caseId: string) =>
    (
      await ctx.owner<{ payload: Record<string, unknown> }[]>`
      select payload from public.case_events where case_id = ${caseId} and kind = 'acceptance'`
    )[0]!.payload;

  it("refuses a request filed after the period, naming the request date and the article, and writes nothing", async () => {
    const expected = checkLimitation({ runsFrom: "2019-07-01", filedOn: "2024-07-15" });
    expect(expected.late).toBe(true);
    const form = late();
    const r = await intake(form);
    expect(r).toMatchObject({ ok: false, error: { code: "limitation_expired", field: "requestedOn" } });
    const message = r.ok ? "" : r.error.message_vi;
    expect(message).toMatch(/^Ngày nộp đơn yêu cầu: 15\/07\/2024/);
    expect(message).toContain(`ngày bản án có hiệu lực 01/07/2019; hạn cuối ${formatDateVi(expected.lastDay!)}`);
    expect(message).toContain(expected.article);
    expect(message).toContain("Law 26/2008 (amended), Art. 30(2, 3)");
    expect(await written(form)).toEqual({ cases: 0, judgments: 0 });
    // Without a request date the acceptance date is the request date, and that field is named.
    const noDate = late({ requestedOn: "" });
    expect(await intake(noDate)).toMatchObject({ ok: false, error: { code: "limitation_expired", field: "acceptedOn" } });
    // The effective date is the judgment's date when not given: the judgment of 14/06/2019 makes 15/06/2024 late too.
    const byJudgmentDate = late({
      acceptedOn: "20/06/2024",
      requestedOn: "20/06/2024",
      judgment: {
        courtName: "Tòa án nhân dân thành phố Hải Phòng",
        number: `${randomUUID().slice(0, 8)}/2019/DS-ST`,
        date: "14/06/2019",
        type: "civil",
      },
    });
    const refused = await intake(byJudgmentDate);
    expect(refused).toMatchObject({ ok: false, error: { code: "limitation_expired", field: "requestedOn" } });
    expect(refused.ok ? "" : refused.error.message_vi).toContain("chưa ghi ngày bản án có hiệu lực");
  });

  it("takes a request filed in time, and keeps the check with the acceptance", async () => {
    const id = await takeIn(late({ requestedOn: "01/07/2024", acceptedOn: "02/07/2024" }));
    const expected = checkLimitation({ runsFrom: "2019-07-01", filedOn: "2024-07-01" });
    expect(await payloadOf(id)).toMatchObject({
      limitation: { requestedOn: "2024-07-01", runsFrom: "2019-07-01", lastDay: expected.lastDay, late: false, article: expected.article },
    });
  });

  it("accepts a late request when the official records force majeure or an objective obstacle, and stores the reason", async () => {
    const reason = "Bão số 3 (Yagi) tháng 9/2024 cuốn trôi hồ sơ; người được thi hành án nằm viện từ 01/06 đến 20/07/2024.";
    // The reason alone is not enough: the days the obstacle lasted are what is not counted.
    expect(await intake(late({ limitationObstacle: reason }))).toMatchObject({
      ok: false,
      error: { code: "limitation_obstacle_period", field: "limitationObstacleFrom" },
    });
    // Too few days to bring the request in time: refused, with the last day once they are taken out.
    const short = await intake(
      late({ limitationObstacle: reason, limitationObstacleFrom: "20/06/2024", limitationObstacleTo: "24/06/2024" }),
    );
    expect(short).toMatchObject({ ok: false, error: { code: "limitation_expired", field: "requestedOn" } });
    expect(short.ok ? "" : short.error.message_vi).toContain("sau khi không tính 5 ngày trở ngại");
    // Outside the period that runs (before the judgment took effect): not counted.
    expect(
      await intake(late({ limitationObstacle: reason, limitationObstacleFrom: "01/01/2019", limitationObstacleTo: "30/06/2019" })),
    ).toMatchObject({ ok: false, error: { code: "limitation_obstacle_outside", field: "limitationObstacleFrom" } });
    // An obstacle from before the first rules the system holds (01/07/2009): named, not a 500.
    const old = late({
      limitationObstacle: reason,
      limitationObstacleFrom: "01/01/2005",
      limitationObstacleTo: "01/01/2008",
      requestedOn: "05/01/2010",
      acceptedOn: "05/01/2010",
      judgment: {
        courtName: "Tòa án nhân dân thành phố Hải Phòng",
        number: `${randomUUID().slice(0, 8)}/2003/DS-PT`,
        date: "01/01/2003",
        type: "civil",
      },
    });
    expect(await intake(old)).toMatchObject({
      ok: false,
      error: { code: "limitation_obstacle_before_rules", field: "limitationObstacleFrom" },
    });
    // A state of emergency was not a ground before 01/07/2026 (Law 26/2008 Art. 30).
    expect(
      await intake(
        late({
          limitationObstacle: reason,
          limitationObstacleKind: "emergency",
          limitationObstacleFrom: "01/06/2024",
          limitationObstacleTo: "20/07/2024",
        }),
      ),
    ).toMatchObject({ ok: false, error: { code: "limitation_obstacle_ground", field: "limitationObstacleKind" } });
    const form = late({ limitationObstacle: reason, limitationObstacleFrom: "01/06/2024", limitationObstacleTo: "20/07/2024" });
    const id = await takeIn(form);
    expect(await written(form)).toEqual({ cases: 1, judgments: 1 });
    expect(await payloadOf(id)).toMatchObject({
      limitation: {
        late: true,
        requestedOn: "2024-07-15",
        obstacle: reason,
        obstacleArticle: "Law 26/2008 (amended), Art. 30(2, 3); Decree 62/2015/NĐ-CP, Art. 4(2–4)",
        obstacleKind: "objective_obstacle",
        obstacleFrom: "2024-06-01",
        // Counted up to the request date (15/07/2024), not beyond.
        obstacleTo: "2024-07-20",
        excludedDays: 45,
      },
    });
  });

  it("does not apply the creditor's limitation to an ex officio case", async () => {
    const form = late({ decisionKind: "ex_officio", source: "court_transfer" });
    const id = await takeIn(form);
    expect((await payloadOf(id)).limitation).toBeUndefined();
  });

  it("cites Law 106/2025 for a request filed from 01/07/2026", async () => {
    const form = late({
      acceptedOn: "03/08/2026",
      requestedOn: "03/08/2026",
      judgment: {
        courtName: "Tòa án nhân dân thành phố Hải Phòng",
        number: `${randomUUID().slice(0, 8)}/2021/DS-PT`,
        date: "01/07/2021",
        type: "civil",
      },
    });
    const r = await intake(form, "2026-12-01");
    expect(r).toMatchObject({ ok: false, error: { code: "limitation_expired", field: "requestedOn" } });
    expect(r.ok ? "" : r.error.message_vi).toContain(checkLimitation({ runsFrom: "2021-07-01", filedOn: "2026-08-03" }).article);
    expect(r.ok ? "" : r.error.message_vi).toContain("Law 106/2025/QH15, Art. 34(2 ¶1)");
  });

  it("refuses a request date after the acceptance, naming the field", async () => {
    expect(await intake(late({ requestedOn: "17/07/2024" }))).toMatchObject({
      ok: false,
      error: { code: "request_after_acceptance", field: "requestedOn" },
    });
  });
  it("a case entrusted by a military-region agency names it; its limitation was the entrusting agency's to check", async () => {
    const decision = { entrustingDecisionNumber: " 03/QĐ-THA ", entrustingDecisionOn: "15/07/2024" };
    const entrusted = late({ source: "transfer_in", fromAgency: "  Phòng Thi hành án Quân khu 3 ", ...decision });
    const r = await intake(entrusted);
    expect(r).toMatchObject({ ok: true });
    const id = r.ok ? r.caseId : "";
    const payload = await payloadOf(id);
    expect(payload).toMatchObject({
      source: "transfer_in",
      fromAgency: "Phòng Thi hành án Quân khu 3",
      entrustingDecisionNumber: "03/QĐ-THA",
      entrustingDecisionOn: "2024-07-15",
    });
    expect(payload).not.toHaveProperty("limitation");
    const page = await withClaims(ctx.app, claims(ctx.fx.users.clerk!), (tx) => loadCasePage(tx, id, ["clerk"], "2024-07-17"));
    expect(page?.case).toMatchObject({
      transferred_from_agency: "Phòng Thi hành án Quân khu 3",
      entrusting_decision_number: "03/QĐ-THA",
      entrusting_decision_on: "2024-07-15",
    });
    // Without the agency the entrusted case is refused at its field, and nothing is written.
    const parsed = IntakeSchema.safeParse(late({ source: "transfer_in", ...decision }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((x) => [x.path.join("."), x.message])).toEqual([
      ["fromAgency", "Cơ quan thi hành án cấp quân khu ủy thác: bắt buộc nhập khi nhận ủy thác."],
    ]);
    // Named with another source (a hidden field of the form), the agency and decision are not kept.
    const court = await intake(intakeForm({ fromAgency: "Phòng Thi hành án Quân khu 3", ...decision }));
    expect(court).toMatchObject({ ok: true });
    const courtPayload = court.ok ? await payloadOf(court.caseId) : null;
    expect(courtPayload).not.toHaveProperty("fromAgency");
    expect(courtPayload).not.toHaveProperty("entrustingDecisionNumber");
  });
});

describe("lifecycle through the ledger", () => {
  it("decision → assignment → notification → verification → classification → two payments → completion", async () => {
    const id = await takeIn();
    const executor = ctx.fx.users.executor!;
    expect(
      await step(id, ["clerk", "clerk"], {
        kind: "decision",
        effectiveDate: "2025-11-05",
        mode: "on_request",
        obligations: [{ id: "O1", kind: "money", amount: 150_000_000n }],
      }),
    ).toMatchObject({ ok: true });
    expect(
      await step(id, ["subunit_head", "subunit_head"], { kind: "executor_change", effectiveDate: "2025-11-06", executorId: executor }),
    ).toMatchObject({ ok: true });
    for (const e of [
      { kind: "notification", effectiveDate: "2025-11-07" },
      { kind: "verification", effectiveDate: "2025-11-20" },
      { kind: "classification", effectiveDate: "2025-11-21", result: "enforceable" },
      { kind: "payment", effectiveDate: "2025-12-01", obligationId: "O1", amount: 100_000_000n },
      { kind: "payment", effectiveDate: "2025-12-15", obligationId: "O1", amount: 50_000_000n },
      { kind: "completion", effectiveDate: "2025-12-16" },
    ] as CaseEvent[]) {
      const r = await step(id, ["executor", "executor"], e);
      expect(r, e.kind).toMatchObject({ ok: true });
    }
    const [c] =
      await ctx.owner`select status, money_due, money_collected, executor_id, closed_on::text, version from public.cases where id = ${id}`;
    expect(c).toMatchObject({
      status: "completed",
      money_due: 150_000_000n,
      money_collected: 150_000_000n,
      executor_id: executor,
      closed_on: "2025-12-16",
      version: 9,
    });
    const [o] = await ctx.owner`select paid from public.case_obligations where case_id = ${id}`;
    expect(o!.paid).toBe(150_000_000n);
  });

  it("the case page names the people and units its events refer to, for the timeline", async () => {
    const id = await takeIn();
    const executor = ctx.fx.users.executor!;
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 150_000_000n }],
    });
    await step(id, ["subunit_head", "subunit_head"], { kind: "executor_change", effectiveDate: "2025-11-06", executorId: executor });
    const page = await withClaims(ctx.app, claims(ctx.fx.users.subunit_head!), (tx) =>
      loadCasePage(tx, id, ["subunit_head"], "2026-01-15"),
    );
    const [names] = await ctx.owner<{ executor: string; unit: string; province: string }[]>`
      select (select full_name from public.profiles where id = ${executor}) as executor,
             (select name from public.units where id = ${ctx.fx.units.a1!}) as unit,
             (select name from public.units where id = ${ctx.fx.units.a!}) as province`;
    expect(page?.names).toEqual({ [executor]: names!.executor, [ctx.fx.units.a1!]: names!.unit, [ctx.fx.units.a!]: names!.province });
    expect(page?.timeline.map((e) => e.kind)).toEqual(["acceptance", "decision", "executor_change"]);
  });

  it("a case without means moves to the separate register when due (heads), and comes back on new information", async () => {
    const id = await takeIn();
    const today = "2026-12-01";
    expect(
      await step(
        id,
        ["clerk", "clerk"],
        {
          kind: "decision",
          effectiveDate: "2025-11-05",
          mode: "on_request",
          obligations: [{ id: "O1", kind: "money", amount: 150_000_000n }],
        },
        { today },
      ),
    ).toMatchObject({ ok: true });
    expect(
      await step(
        id,
        ["subunit_head", "subunit_head"],
        { kind: "executor_change", effectiveDate: "2025-11-06", executorId: ctx.fx.users.executor! },
        { today },
      ),
    ).toMatchObject({ ok: true });
    for (const e of [
      { kind: "notification", effectiveDate: "2025-11-07" },
      { kind: "verification", effectiveDate: "2025-11-20" },
      { kind: "classification", effectiveDate: "2025-11-21", result: "not_yet_enforceable" },
      { kind: "verification", effectiveDate: "2026-05-20" },
      { kind: "classification", effectiveDate: "2026-05-20", result: "not_yet_enforceable" },
      { kind: "verification", effectiveDate: "2026-11-18" },
      { kind: "classification", effectiveDate: "2026-11-18", result: "not_yet_enforceable" },
    ] as CaseEvent[]) {
      expect(await step(id, ["executor", "executor"], e, { today }), e.kind).toMatchObject({ ok: true });
    }
    // Old rules (decided not yet enforceable on 21/11/2025): a year, verified twice, then 3 working days.
    const [d] = await ctx.owner`select next_deadline_on::text, next_deadline_kind from public.cases where id = ${id}`;
    expect(d).toMatchObject({ next_deadline_on: "2026-11-26", next_deadline_kind: "separate_register" });
    // 21/11/2026 is a Saturday: the year runs to Monday 23/11; the move is possible from the 24th.
    const move: CaseEvent = { kind: "register_transfer", effectiveDate: "2026-11-24" };
    expect(await step(id, ["executor", "executor"], move, { today })).toMatchObject({ ok: false });
    const moved = await step(id, ["subunit_head", "subunit_head"], move, { today });
    expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true });
    const [c] = await ctx.owner`select status, next_deadline_on from public.cases where id = ${id}`;
    expect(c).toMatchObject({ status: "separate_register", next_deadline_on: null });
    const refused = await step(id, ["executor", "executor"], { kind: "verification", effectiveDate: "2026-11-30" }, { today });
    expect(refused).toMatchObject({ ok: false });
    expect(
      await step(
        id,
        ["executor", "executor"],
        { kind: "register_reopening", effectiveDate: "2026-11-30", newInformation: "Ngân hàng báo người phải thi hành án có tài khoản" },
        { today },
      ),
    ).toMatchObject({ ok: true });
    const [back] = await ctx.owner`select status, next_deadline_on::text, next_deadline_kind from public.cases where id = ${id}`;
    expect(back).toMatchObject({
      status: "not_yet_enforceable",
      next_deadline_on: "2026-12-10",
      next_deadline_kind: "new_information_verification",
    });
  });

  it("new information about a not-yet-enforceable case makes its verification due within 10 days", async () => {
    const id = await takeIn();
    const today = "2025-12-01";
    for (const [who, e] of [
      [
        ["clerk", "clerk"],
        {
          kind: "decision",
          effectiveDate: "2025-11-05",
          mode: "on_request",
          obligations: [{ id: "O1", kind: "money", amount: 9_000_000n }],
        },
      ],
      [["subunit_head", "subunit_head"], { kind: "notification", effectiveDate: "2025-11-06" }],
      [["subunit_head", "subunit_head"], { kind: "verification", effectiveDate: "2025-11-20" }],
      [["subunit_head", "subunit_head"], { kind: "classification", effectiveDate: "2025-11-21", result: "not_yet_enforceable" }],
    ] as [[string, Role], CaseEvent][]) {
      expect(await step(id, who, e, { today }), e.kind).toMatchObject({ ok: true });
    }
    const blank = parseStep("new_information", {
      version: "5",
      idempotencyKey: randomUUID(),
      effectiveDate: "01/12/2025",
      newInformation: " ",
    });
    expect(!blank.ok && blank.fieldErrors.newInformation).toBe("Thông tin mới về điều kiện thi hành án: bắt buộc nhập.");
    const form = parseStep("new_information", {
      version: "5",
      idempotencyKey: randomUUID(),
      effectiveDate: "01/12/2025",
      newInformation: "Chủ nợ báo người phải thi hành án vừa bán đất",
    });
    expect(form.ok).toBe(true);
    if (!form.ok) return;
    expect(await step(id, ["subunit_head", "subunit_head"], form.event, { today })).toMatchObject({ ok: true });
    const [c] = await ctx.owner`select status, next_deadline_on::text, next_deadline_kind from public.cases where id = ${id}`;
    expect(c).toMatchObject({
      status: "not_yet_enforceable",
      next_deadline_on: "2025-12-11",
      next_deadline_kind: "new_information_verification",
    });
  });

  it("refuses an invalid step with the reason, writing nothing", async () => {
    const id = await takeIn();
    const r = await step(id, ["clerk", "clerk"], { kind: "notification", effectiveDate: "2025-11-05" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message_vi.length).toBeGreaterThan(10);
    const [n] = await ctx.owner`select count(*)::int as n from public.case_events where case_id = ${id}`;
    expect(n!.n).toBe(1);
  });

  it("refuses an overpayment and a payment dated before the last step", async () => {
    const id = await takeIn();
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 1_000_000n }],
    });
    await step(id, ["subunit_head", "subunit_head"], { kind: "notification", effectiveDate: "2025-11-07" });
    const over = await step(id, ["subunit_head", "subunit_head"], {
      kind: "payment",
      effectiveDate: "2025-11-10",
      obligationId: "O1",
      amount: 2_000_000n,
    });
    expect(over).toMatchObject({ ok: false, error: { code: "overpayment" } });
    const early = await step(id, ["subunit_head", "subunit_head"], {
      kind: "payment",
      effectiveDate: "2025-11-01",
      obligationId: "O1",
      amount: 1000n,
    });
    expect(early).toMatchObject({ ok: false, error: { code: "out_of_order" } });
  });

  it("a repeated submission is recorded once; a stale version is a conflict", async () => {
    const id = await takeIn();
    const key = randomUUID();
    const decision: CaseEvent = {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
    };
    const first = await step(id, ["clerk", "clerk"], decision, { key, version: 1 });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(await step(id, ["clerk", "clerk"], decision, { key, version: 1 })).toMatchObject({ ok: true, duplicate: true });
    const stale = await step(id, ["subunit_head", "subunit_head"], { kind: "notification", effectiveDate: "2025-11-07" }, { version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict" } });
    const [n] = await ctx.owner`select count(*)::int as n from public.case_events where case_id = ${id}`;
    expect(n!.n).toBe(2);
  });

  it("an executor cannot act on a case assigned to someone else; a clerk cannot assign", async () => {
    const id = await takeIn();
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
    });
    expect(
      await step(id, ["clerk", "clerk"], { kind: "executor_change", effectiveDate: "2025-11-06", executorId: ctx.fx.users.executor! }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await step(id, ["subunit_head", "subunit_head"], {
      kind: "executor_change",
      effectiveDate: "2025-11-06",
      executorId: ctx.fx.users.colleague_a!,
    });
    expect(await step(id, ["executor", "executor"], { kind: "notification", effectiveDate: "2025-11-07" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });

  it("assigns only an executor of the case's own unit, naming the field, writing nothing", async () => {
    const id = await takeIn();
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
    });
    for (const who of ["colleague_b", "creditor", "clerk", "steering_member"]) {
      const r = await step(id, ["subunit_head", "subunit_head"], {
        kind: "executor_change",
        effectiveDate: "2025-11-06",
        executorId: ctx.fx.users[who]!,
      });
      expect(r, who).toMatchObject({ ok: false, error: { code: "executor_not_in_unit", field: "executorId" } });
      expect(!r.ok && r.error.message_vi).toMatch(/^Chấp hành viên/);
    }
    for (const bad of [randomUUID(), "not-a-uuid"]) {
      const r = await step(id, ["subunit_head", "subunit_head"], { kind: "executor_change", effectiveDate: "2025-11-06", executorId: bad });
      expect(r, bad).toMatchObject({ ok: false, error: { code: "executor_not_in_unit", field: "executorId" } });
    }
    const other = await takeIn();
    const d = await step(other, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      executorId: ctx.fx.users.colleague_b!,
      obligations: [{ id: "O1", kind: "money", amount: 5_000_000n }],
    });
    expect(d).toMatchObject({ ok: false, error: { code: "executor_not_in_unit", field: "executorId" } });
    const [c] =
      await ctx.owner`select executor_id, (select count(*)::int from public.case_events e where e.case_id = ${id}) as n from public.cases where id = ${id}`;
    expect(c).toMatchObject({ executor_id: null, n: 2 });
    expect(
      await step(id, ["subunit_head", "subunit_head"], {
        kind: "executor_change",
        effectiveDate: "2025-11-06",
        executorId: ctx.fx.users.colleague_a!,
      }),
    ).toMatchObject({ ok: true });
  });

  it("transfers only to a current province other than the case's own, naming the field", async () => {
    const id = await takeIn();
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 9_000_000n }],
    });
    const dissolved = randomUUID();
    await ctx.owner`insert into public.units (id, kind, code, name, parent_id, province_id, dissolved_on)
                    values (${dissolved}, 'province', ${`P-OLD-${ctx.fx.tag}`}, 'THADS tỉnh cũ', ${ctx.fx.units.national}, ${dissolved}, '2025-07-01')`;
    for (const [label, target] of [
      ["office of the same province", ctx.fx.units.a9],
      ["office of another province", ctx.fx.units.b1],
      ["national directorate", ctx.fx.units.national],
      ["dissolved province", dissolved],
      ["unknown id", randomUUID()],
      ["not an id", "Hà Nội"],
    ] as const) {
      const r = await step(id, ["subunit_head", "subunit_head"], { kind: "transfer", effectiveDate: "2025-11-20", toProvinceId: target });
      expect(r, label).toMatchObject({ ok: false, error: { code: "bad_transfer_target", field: "toProvinceId" } });
      expect(!r.ok && r.error.message_vi, label).toMatch(/^Nơi nhận ủy thác/);
    }
    const [c] = await ctx.owner`select status, transferred_to_province_id from public.cases where id = ${id}`;
    expect(c).toMatchObject({ status: "decided", transferred_to_province_id: null });
  });

  it("a transfer opens the case in the receiving province; the sender keeps it read-only", async () => {
    const id = await takeIn();
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 9_000_000n }],
    });
    await step(id, ["subunit_head", "subunit_head"], { kind: "notification", effectiveDate: "2025-11-07" });
    await step(id, ["subunit_head", "subunit_head"], {
      kind: "payment",
      effectiveDate: "2025-11-10",
      obligationId: "O1",
      amount: 2_000_000n,
    });
    const same = await step(id, ["subunit_head", "subunit_head"], {
      kind: "transfer",
      effectiveDate: "2025-11-20",
      toProvinceId: ctx.fx.units.a,
    });
    expect(same).toMatchObject({ ok: false, error: { code: "transfer_same_province" } });
    const sent = await step(id, ["subunit_head", "subunit_head"], {
      kind: "transfer",
      effectiveDate: "2025-11-20",
      toProvinceId: ctx.fx.units.b,
    });
    expect(sent).toMatchObject({ ok: true });
    const receivedId = sent.ok ? sent.receivedCaseId! : "";
    const [received] =
      await ctx.owner`select province_id, unit_id, status, money_due, transferred_from_case_id from public.cases where id = ${receivedId}`;
    expect(received).toMatchObject({
      province_id: ctx.fx.units.b,
      unit_id: ctx.fx.units.b,
      status: "accepted",
      money_due: 7_000_000n,
      transferred_from_case_id: id,
    });
    // The sender still reads its case, but can no longer change it.
    const seen = await withClaims(
      ctx.app,
      claims(ctx.fx.users.subunit_head!),
      (tx) => tx`select status from public.cases where id = ${id}`,
    );
    expect(seen[0]?.status).toBe("transferred_out");
    expect(await step(id, ["subunit_head", "subunit_head"], { kind: "suspension", effectiveDate: "2025-11-21" })).toMatchObject({
      ok: false,
    });
    // The sender cannot see the receiver's case.
    const hidden = await withClaims(
      ctx.app,
      claims(ctx.fx.users.province_head!),
      (tx) => tx`select id from public.cases where id = ${receivedId}`,
    );
    expect(hidden).toHaveLength(0);
  });

  it("a transfer to a military-region agency closes the case with the agency's name and opens no case here", async () => {
    const id = await takeIn();
    await step(id, ["clerk", "clerk"], {
      kind: "decision",
      effectiveDate: "2025-11-05",
      mode: "on_request",
      obligations: [{ id: "O1", kind: "money", amount: 9_000_000n }],
    });
    const both = await step(id, ["subunit_head", "subunit_head"], {
      kind: "transfer",
      effectiveDate: "2025-11-20",
      toProvinceId: ctx.fx.units.b,
      toMilitaryAgency: "Phòng Thi hành án Quân khu 7",
    });
    expect(both).toMatchObject({ ok: false, error: { code: "invalid_event" } });
    const sent = await step(id, ["subunit_head", "subunit_head"], {
      kind: "transfer",
      effectiveDate: "2025-11-20",
      toMilitaryAgency: "Phòng Thi hành án Quân khu 7",
    });
    expect(sent).toMatchObject({ ok: true });
    expect(sent.ok && sent.receivedCaseId).toBeUndefined();
    const [c] = await ctx.owner`
      select status, closed_on::text, transferred_to_province_id, transferred_to_agency,
             (select count(*)::int from public.cases r where r.transferred_from_case_id = ${id}) as received
      from public.cases where id = ${id}`;
    expect(c).toMatchObject({
      status: "transferred_out",
      closed_on: "2025-11-20",
      transferred_to_province_id: null,
      transferred_to_agency: "Phòng Thi hành án Quân khu 7",
      received: 0,
    });
    const page = await withClaims(ctx.app, claims(ctx.fx.users.subunit_head!), (tx) =>
      loadCasePage(tx, id, ["subunit_head"], "2025-11-21"),
    );
    expect(page?.case.transferred_to_name).toBe("Phòng Thi hành án Quân khu 7");
  });
});
