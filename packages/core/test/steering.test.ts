import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withClaims, type Claims } from "@thads/db";
import { intakeForm, takeInCase } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { buildSteeringFixture, type SteeringFixture } from "@thads/test-support/steering-fixture";
import type { Role } from "@thads/domain";
import {
  AnswerDirectiveSchema,
  CoercionDecisionSchema,
  CoercionPlanSchema,
  DecideFlagSchema,
  DirectiveSchema,
  MeetingSchema,
  ProgressReportSchema,
  ProposeFlagSchema,
  ReviseDirectiveSchema,
  answerDirective,
  asUserStep,
  createMeeting,
  decideCoercion,
  decideFlag,
  issueDirective,
  planCoercion,
  postProgressReport,
  proposeFlag,
  reviseDirective,
  steeringFieldErrors,
  suggestCandidates,
  updateCommitteeSettings,
  CommitteeSettingsSchema,
  type Actor,
} from "../src/index.ts";

const ctx = useTenantFixture();
let st: SteeringFixture;
beforeAll(async () => {
  st = await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
});
const TODAY = "2026-11-10";
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const who = (userId: string, role: Role): { claims: Claims; actor: Actor } => ({
  claims: claims(userId),
  actor: { userId, roles: [role] },
});
const staffA = () => who(ctx.fx.users.province_staff!, "province_staff");
const memberA = () => who(st.users.memberA, "steering_member");
const memberB = () => who(st.users.memberB, "steering_member");
const headA1 = () => who(ctx.fx.users.subunit_head!, "subunit_head");

const count = async (table: string) =>
  Number((await ctx.owner<{ n: bigint }[]>`select count(*) as n from ${ctx.owner(`public.${table}`)}`)[0]!.n);
const seesCase = async (userId: string, caseId: string) =>
  (await withClaims(ctx.app, claims(userId), (tx) => tx`select id from public.cases where id = ${caseId}`)).length === 1;
const _flagVersion = async (flagId: string) =>
  (await ctx.owner<{ version: number }[]>`select version from public.steering_flags where id = ${flagId}`)[0]!.version;

/** A case taken in by A1's clerk through the intake service. */
const takeInA1 = (fields: Record<string, unknown>) =>
  takeInCase(ctx.app, { userId: ctx.fx.users.clerk!, roles: ["clerk"] }, intakeForm(ctx.fx.units.a1, fields), TODAY);

async function newCase(unit: string, opts: { corruption?: boolean } = {}) {
  return takeInCase(
    ctx.app,
    { userId: ctx.fx.users.clerk!, roles: ["clerk"] },
    intakeForm(unit, {
      caseNumber: `${randomUUID().slice(0, 8)}/QĐ`,
      acceptedOn: "01/03/2021",
      decisionKind: "ex_officio",
      isCorruption: opts.corruption ?? false,
      judgment: { courtName: "Tòa án nhân dân", number: `${randomUUID().slice(0, 8)}/2021/KDTM-ST`, date: "01/02/2021", type: "business" },
      debtor: { kind: "organization", fullName: "Công ty CP Thép Hải Long" },
      amount: "120.000.000.000",
    }),
    TODAY,
  );
}

describe("flagging", () => {
  it("province staff propose a case, the committee accepts it, and its members then see the case (only they)", async () => {
    const caseId = await newCase(ctx.fx.units.a1);
    expect(await seesCase(st.users.memberA, caseId)).toBe(false);
    const input = ProposeFlagSchema.parse({
      idempotencyKey: randomUUID(),
      committeeId: st.committees.a,
      caseId,
      reason: "high_value",
      note: "Nợ tín dụng 120 tỷ đồng",
    });
    const s = staffA();
    const r = await asUserStep(ctx.app, s.claims, (tx) => proposeFlag(tx, input, s.actor, TODAY));
    expect(r).toMatchObject({ ok: true, duplicate: false });
    const again = await asUserStep(ctx.app, s.claims, (tx) => proposeFlag(tx, input, s.actor, TODAY));
    expect(again).toMatchObject({ ok: true, duplicate: true });
    if (!r.ok || !again.ok) throw new Error("unreachable");
    expect(again.flagId).toBe(r.flagId);
    expect(await seesCase(st.users.memberA, caseId)).toBe(false);

    const m = memberA();
    const decided = await asUserStep(ctx.app, m.claims, (tx) =>
      decideFlag(tx, DecideFlagSchema.parse({ flagId: r.flagId, expectedVersion: 1, action: "accept" }), m.actor, TODAY),
    );
    expect(decided).toMatchObject({ ok: true, status: "accepted", version: 2 });
    expect(await seesCase(st.users.memberA, caseId)).toBe(true);
    expect(await seesCase(st.users.memberB, caseId)).toBe(false);
  });

  it("a case outside the committee's scope is refused with a clear message, nothing written", async () => {
    const before = await count("steering_flags");
    const s = staffA();
    const ownCase = await newCase(ctx.fx.units.a1);
    const toNational = ProposeFlagSchema.parse({
      idempotencyKey: randomUUID(),
      committeeId: st.committees.national,
      caseId: ownCase,
      reason: "complex",
      note: "Phức tạp",
    });
    const r1 = await asUserStep(ctx.app, s.claims, (tx) => proposeFlag(tx, toNational, s.actor, TODAY));
    expect(r1).toMatchObject({ ok: false, error: { code: "out_of_scope", field: "committeeId" } });
    if (!r1.ok) expect(r1.error.message_vi).toMatch(/tham nhũng, kinh tế/);
    // A case of another province: not even visible to the proposer.
    const otherCase = ProposeFlagSchema.parse({
      idempotencyKey: randomUUID(),
      committeeId: st.committees.a,
      caseId: st.cases.bSpare,
      reason: "complex",
      note: "Phức tạp",
    });
    const r2 = await asUserStep(ctx.app, s.claims, (tx) => proposeFlag(tx, otherCase, s.actor, TODAY));
    expect(r2).toMatchObject({ ok: false, error: { code: "case_not_found", field: "caseId" } });
    expect(await count("steering_flags")).toBe(before);
  });

  it("the same case cannot be proposed twice while open; a committee member cannot propose", async () => {
    const s = staffA();
    const r = await asUserStep(ctx.app, s.claims, (tx) =>
      proposeFlag(
        tx,
        ProposeFlagSchema.parse({
          idempotencyKey: randomUUID(),
          committeeId: st.committees.a,
          caseId: st.cases.proposedA,
          reason: "complex",
          note: "Lại đề xuất",
        }),
        s.actor,
        TODAY,
      ),
    );
    expect(r).toMatchObject({ ok: false, error: { code: "already_flagged" } });
    const m = memberA();
    const r2 = await asUserStep(ctx.app, m.claims, (tx) =>
      proposeFlag(
        tx,
        ProposeFlagSchema.parse({
          idempotencyKey: randomUUID(),
          committeeId: st.committees.a,
          caseId: ctx.fx.cases.aUnassigned,
          reason: "complex",
          note: "x x x",
        }),
        m.actor,
        TODAY,
      ),
    );
    expect(r2).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("decisions: a stale version is a conflict; decline and removal need a reason; another committee cannot decide", async () => {
    const caseId = await newCase(ctx.fx.units.a1);
    const s = staffA();
    const p = await asUserStep(ctx.app, s.claims, (tx) =>
      proposeFlag(
        tx,
        ProposeFlagSchema.parse({
          idempotencyKey: randomUUID(),
          committeeId: st.committees.a,
          caseId,
          reason: "prolonged",
          note: "Kéo dài 5 năm",
        }),
        s.actor,
        TODAY,
      ),
    );
    if (!p.ok) throw new Error(p.error.message_vi);
    const bad = DecideFlagSchema.safeParse({ flagId: p.flagId, expectedVersion: 1, action: "decline" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(steeringFieldErrors(bad.error).note).toMatch(/Lý do không tiếp nhận/);
    const b = memberB();
    const byB = await asUserStep(ctx.app, b.claims, (tx) =>
      decideFlag(tx, DecideFlagSchema.parse({ flagId: p.flagId, expectedVersion: 1, action: "accept" }), b.actor, TODAY),
    );
    expect(byB).toMatchObject({ ok: false, error: { code: "flag_not_found" } });
    const m = memberA();
    const stale = await asUserStep(ctx.app, m.claims, (tx) =>
      decideFlag(tx, DecideFlagSchema.parse({ flagId: p.flagId, expectedVersion: 7, action: "accept" }), m.actor, TODAY),
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        message_vi: expect.stringMatching(/^Đề xuất đưa việc vào danh sách theo dõi vừa được người khác cập nhật\./),
      },
    });
    await asUserStep(ctx.app, m.claims, (tx) =>
      decideFlag(tx, DecideFlagSchema.parse({ flagId: p.flagId, expectedVersion: 1, action: "accept" }), m.actor, TODAY),
    );
    const removed = await asUserStep(ctx.app, m.claims, (tx) =>
      decideFlag(
        tx,
        DecideFlagSchema.parse({ flagId: p.flagId, expectedVersion: 2, action: "remove", note: "Đã thi hành xong" }),
        m.actor,
        TODAY,
      ),
    );
    expect(removed).toMatchObject({ ok: true, status: "removed" });
    expect(await seesCase(st.users.memberA, caseId)).toBe(false);
    const [row] = await ctx.owner`select removed_reason, removed_on::text from public.steering_flags where id = ${p.flagId}`;
    expect(row).toEqual({ removed_reason: "Đã thi hành xong", removed_on: TODAY });
  });
});

describe("directives", () => {
  const form = (over: Record<string, unknown> = {}) => ({
    idempotencyKey: randomUUID(),
    committeeId: st.committees.a,
    flagId: st.flags.a,
    addresseeUnitId: ctx.fx.units.a1,
    body: "Báo cáo phương án kê biên, bán đấu giá tài sản",
    dueOn: "30/11/2026",
    ...over,
  });

  it("without an addressee: the form names the field; with a past deadline: the service refuses; nothing written", async () => {
    const before = await count("steering_directives");
    const noAddressee = DirectiveSchema.safeParse(form({ addresseeUnitId: "" }));
    expect(noAddressee.success).toBe(false);
    if (!noAddressee.success) expect(steeringFieldErrors(noAddressee.error).addresseeUnitId).toMatch(/Nơi nhận ý kiến chỉ đạo/);
    const m = memberA();
    const past = await asUserStep(ctx.app, m.claims, (tx) =>
      issueDirective(tx, DirectiveSchema.parse(form({ dueOn: "01/11/2026" })), m.actor, TODAY),
    );
    expect(past).toMatchObject({ ok: false, error: { code: "bad_deadline", field: "dueOn" } });
    if (!past.ok) expect(past.error.message_vi).toMatch(/^Thời hạn thực hiện ý kiến chỉ đạo không được là ngày đã qua/);
    const otherProvince = await asUserStep(ctx.app, m.claims, (tx) =>
      issueDirective(tx, DirectiveSchema.parse(form({ addresseeUnitId: ctx.fx.units.b1 })), m.actor, TODAY),
    );
    expect(otherProvince).toMatchObject({ ok: false, error: { code: "addressee_out_of_scope", field: "addresseeUnitId" } });
    const notListed = await asUserStep(ctx.app, m.claims, (tx) =>
      issueDirective(tx, DirectiveSchema.parse(form({ flagId: st.flags.proposedA })), m.actor, TODAY),
    );
    expect(notListed).toMatchObject({ ok: false, error: { code: "flag_not_listed", field: "flagId" } });
    const b = memberB();
    const byOther = await asUserStep(ctx.app, b.claims, (tx) => issueDirective(tx, DirectiveSchema.parse(form()), b.actor, TODAY));
    expect(byOther).toMatchObject({ ok: false, error: { code: "committee_not_found" } });
    expect(await count("steering_directives")).toBe(before);
  });

  it("addressed only within the committee's scope, naming the field; nothing written", async () => {
    const before = await count("steering_directives");
    const m = memberA();
    for (const [label, over, field] of [
      ["another province's executor", { addresseeUnitId: "", addresseeUserId: ctx.fx.users.colleague_b! }, "addresseeUserId"],
      ["a creditor", { addresseeUnitId: "", addresseeUserId: ctx.fx.users.creditor! }, "addresseeUserId"],
      ["another province's office, without a case", { flagId: "", addresseeUnitId: ctx.fx.units.b1 }, "addresseeUnitId"],
      ["another province, without a case", { flagId: "", addresseeUnitId: ctx.fx.units.b }, "addresseeUnitId"],
    ] as const) {
      const r = await asUserStep(ctx.app, m.claims, (tx) => issueDirective(tx, DirectiveSchema.parse(form(over)), m.actor, TODAY));
      expect(r, label).toMatchObject({ ok: false, error: { field } });
      expect(!r.ok && r.error.code, label).toMatch(/^(addressee_out_of_scope|bad_addressee)$/);
    }
    expect(await count("steering_directives")).toBe(before);
    const ok = await asUserStep(ctx.app, m.claims, (tx) =>
      issueDirective(tx, DirectiveSchema.parse(form({ addresseeUnitId: "", addresseeUserId: ctx.fx.users.colleague_a! })), m.actor, TODAY),
    );
    expect(ok).toMatchObject({ ok: true });
  });

  it("the committee that issued a directive may not answer it", async () => {
    const m = memberA();
    const d = await asUserStep(ctx.app, m.claims, (tx) => issueDirective(tx, DirectiveSchema.parse(form()), m.actor, TODAY));
    if (!d.ok) throw new Error(d.error.message_vi);
    const answer = AnswerDirectiveSchema.parse({ directiveId: d.directiveId, expectedVersion: 1, answer: "Ban Chỉ đạo tự trả lời" });
    expect(await asUserStep(ctx.app, m.claims, (tx) => answerDirective(tx, answer, m.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "not_addressee" },
    });
    const [row] = await ctx.owner`select answer from public.steering_directives where id = ${d.directiveId}`;
    expect(row!.answer).toBeNull();
  });

  it("issued once (retry-safe), answered by the addressee's head, not by an executor nor twice", async () => {
    const m = memberA();
    const input = DirectiveSchema.parse(form());
    const d = await asUserStep(ctx.app, m.claims, (tx) => issueDirective(tx, input, m.actor, TODAY));
    const d2 = await asUserStep(ctx.app, m.claims, (tx) => issueDirective(tx, input, m.actor, TODAY));
    if (!d.ok || !d2.ok) throw new Error("refused");
    expect(d2).toMatchObject({ duplicate: true, directiveId: d.directiveId });
    const [row] = await ctx.owner`select province_id, case_id from public.steering_directives where id = ${d.directiveId}`;
    expect(row).toEqual({ province_id: ctx.fx.units.a, case_id: ctx.fx.cases.a });

    const answer = AnswerDirectiveSchema.parse({
      directiveId: d.directiveId,
      expectedVersion: 1,
      answer: "Đã lập phương án, dự kiến đấu giá 15/12/2026",
    });
    const ex = who(ctx.fx.users.executor!, "executor");
    const byExecutor = await asUserStep(ctx.app, ex.claims, (tx) => answerDirective(tx, answer, ex.actor, TODAY));
    expect(byExecutor).toMatchObject({ ok: false, error: { code: "not_addressee" } });
    const h = headA1();
    expect(await asUserStep(ctx.app, h.claims, (tx) => answerDirective(tx, answer, h.actor, TODAY))).toMatchObject({
      ok: true,
      version: 2,
      duplicate: false,
    });
    expect(await asUserStep(ctx.app, h.claims, (tx) => answerDirective(tx, answer, h.actor, TODAY))).toMatchObject({
      ok: true,
      duplicate: true,
    });
    const other = AnswerDirectiveSchema.parse({ ...answer, answer: "Trả lời khác" });
    expect(await asUserStep(ctx.app, h.claims, (tx) => answerDirective(tx, other, h.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "already_answered" },
    });
  });

  it("the committee revises a directive until it is answered: a later deadline with its reason, once, never on a stale version", async () => {
    const m = memberA();
    const issued = await asUserStep(ctx.app, m.claims, (tx) => issueDirective(tx, DirectiveSchema.parse(form()), m.actor, TODAY));
    if (!issued.ok) throw new Error(issued.error.message_vi);
    const revise = (over: Record<string, unknown> = {}) =>
      ReviseDirectiveSchema.parse({
        directiveId: issued.directiveId,
        expectedVersion: 1,
        body: "Báo cáo phương án kê biên, bán đấu giá tài sản; mời Công an phối hợp",
        dueOn: "15/12/2026",
        revisionNote: "Chờ ý kiến của Công an thành phố",
        ...over,
      });
    const noReason = ReviseDirectiveSchema.safeParse({ ...revise(), dueOn: "15/12/2026", revisionNote: "" });
    expect(noReason.success).toBe(false);
    if (!noReason.success) expect(steeringFieldErrors(noReason.error).revisionNote).toMatch(/^Lý do sửa/);

    // The addressee may not revise what it was told to do.
    const h = headA1();
    expect(await asUserStep(ctx.app, h.claims, (tx) => reviseDirective(tx, revise(), h.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "not_member" },
    });
    const past = await asUserStep(ctx.app, m.claims, (tx) => reviseDirective(tx, revise({ dueOn: "01/11/2026" }), m.actor, TODAY));
    expect(past).toMatchObject({ ok: false, error: { code: "bad_deadline", field: "dueOn" } });

    expect(await asUserStep(ctx.app, m.claims, (tx) => reviseDirective(tx, revise(), m.actor, TODAY))).toMatchObject({
      ok: true,
      version: 2,
      changed: true,
    });
    expect(await asUserStep(ctx.app, m.claims, (tx) => reviseDirective(tx, revise(), m.actor, TODAY))).toMatchObject({
      ok: true,
      version: 2,
      changed: false,
    });
    const stale = await asUserStep(ctx.app, m.claims, (tx) => reviseDirective(tx, revise({ dueOn: "20/12/2026" }), m.actor, TODAY));
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        message_vi: expect.stringMatching(/^Ý kiến chỉ đạo vừa được người khác cập nhật\. Vui lòng tải lại trang/),
      },
    });
    const [row] = await ctx.owner`
      select due_on::text, revised_on::text, revision_note, version from public.steering_directives where id = ${issued.directiveId}`;
    expect(row).toEqual({ due_on: "2026-12-15", revised_on: TODAY, revision_note: "Chờ ý kiến của Công an thành phố", version: 2 });
    const [audit] = await ctx.owner<{ n: number }[]>`
      select count(*)::int as n from public.audit_log where table_name = 'steering_directives' and op = 'UPDATE' and row_id = ${issued.directiveId}`;
    expect(audit!.n).toBe(1);

    // Answered: it stays as it was answered, through the service and in the database.
    const answered = await asUserStep(ctx.app, h.claims, (tx) =>
      answerDirective(
        tx,
        AnswerDirectiveSchema.parse({ directiveId: issued.directiveId, expectedVersion: 2, answer: "Đã phối hợp với Công an" }),
        h.actor,
        TODAY,
      ),
    );
    expect(answered).toMatchObject({ ok: true, version: 3 });
    const late = await asUserStep(ctx.app, m.claims, (tx) =>
      reviseDirective(tx, revise({ expectedVersion: 3, dueOn: "20/12/2026" }), m.actor, TODAY),
    );
    expect(late).toMatchObject({ ok: false, error: { code: "already_answered" } });
    await expect(
      withClaims(
        ctx.app,
        m.claims,
        (tx) => tx`update public.steering_directives set due_on = '2026-12-31' where id = ${issued.directiveId}`,
      ),
    ).rejects.toMatchObject({ code: "23514" });
    await expect(
      withClaims(
        ctx.app,
        h.claims,
        (tx) =>
          tx`update public.steering_directives set revision_note = 'Tự sửa', revised_on = '2026-11-10' where id = ${issued.directiveId}`,
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });
});

describe("progress reports, meetings, coercion", () => {
  it("one report per period, keyed by the committee's cadence; retries are no-ops", async () => {
    const h = headA1();
    const input = ProgressReportSchema.parse({
      idempotencyKey: randomUUID(),
      flagId: st.flags.a,
      period: "15/09/2026",
      body: "Đã định giá tài sản",
    });
    const r = await asUserStep(ctx.app, h.claims, (tx) => postProgressReport(tx, input, h.actor, TODAY));
    expect(r).toMatchObject({ ok: true, periodStart: "2026-09-01", duplicate: false });
    expect(await asUserStep(ctx.app, h.claims, (tx) => postProgressReport(tx, input, h.actor, TODAY))).toMatchObject({
      ok: true,
      duplicate: true,
    });
    const same = ProgressReportSchema.parse({ ...input, idempotencyKey: randomUUID(), period: "02/09/2026" });
    expect(await asUserStep(ctx.app, h.claims, (tx) => postProgressReport(tx, same, h.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "period_reported", field: "period" },
    });
    const future = ProgressReportSchema.parse({ ...input, idempotencyKey: randomUUID(), period: "01/12/2026" });
    expect(await asUserStep(ctx.app, h.claims, (tx) => postProgressReport(tx, future, h.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "future_period" },
    });
  });

  it("a meeting's agenda takes only the committee's own cases, in one transaction", async () => {
    const m = memberA();
    const before = await count("steering_meetings");
    const bad = MeetingSchema.parse({
      idempotencyKey: randomUUID(),
      committeeId: st.committees.a,
      heldOn: "20/11/2026",
      title: "Họp tháng 11",
      flagIds: [st.flags.a, st.flags.b],
    });
    expect(await asUserStep(ctx.app, m.claims, (tx) => createMeeting(tx, bad, m.actor))).toMatchObject({
      ok: false,
      error: { code: "agenda_out_of_scope" },
    });
    expect(await count("steering_meetings")).toBe(before);
    const good = MeetingSchema.parse({ ...bad, flagIds: [st.flags.a, st.flags.proposedA] });
    const r = await asUserStep(ctx.app, m.claims, (tx) => createMeeting(tx, good, m.actor));
    if (!r.ok) throw new Error(r.error.message_vi);
    expect(await ctx.owner`select flag_id from public.steering_meeting_items where meeting_id = ${r.meetingId} order by position`).toEqual([
      { flag_id: st.flags.a },
      { flag_id: st.flags.proposedA },
    ]);
  });

  it("the bureau plans, the committee approves, the bureau records the result; each side only its own steps", async () => {
    const h = headA1();
    const plan = CoercionPlanSchema.parse({
      idempotencyKey: randomUUID(),
      caseId: ctx.fx.cases.a,
      committeeId: st.committees.a,
      plannedOn: "12/11/2026",
      place: "Thửa đất số 12, phường Lê Chân",
      plan: "Cưỡng chế giao tài sản cho người mua trúng đấu giá",
      forces: [
        { kind: "police", count: "25" },
        { kind: "local_authority", count: 8 },
      ],
    });
    const noForces = CoercionPlanSchema.safeParse({ ...plan, forces: [] });
    expect(noForces.success).toBe(false);
    const p = await asUserStep(ctx.app, h.claims, (tx) => planCoercion(tx, plan, h.actor, TODAY));
    if (!p.ok) throw new Error(p.error.message_vi);
    const selfApprove = await asUserStep(ctx.app, h.claims, (tx) =>
      decideCoercion(tx, CoercionDecisionSchema.parse({ opId: p.opId, expectedVersion: 1, action: "approve" }), h.actor, TODAY),
    );
    expect(selfApprove).toMatchObject({ ok: false, error: { code: "not_member" } });
    const m = memberA();
    expect(
      await asUserStep(ctx.app, m.claims, (tx) =>
        decideCoercion(
          tx,
          CoercionDecisionSchema.parse({ opId: p.opId, expectedVersion: 1, action: "approve", note: "Đồng ý" }),
          m.actor,
          TODAY,
        ),
      ),
    ).toMatchObject({ ok: true, status: "approved", version: 2 });
    const done = await asUserStep(ctx.app, h.claims, (tx) =>
      decideCoercion(
        tx,
        CoercionDecisionSchema.parse({
          opId: p.opId,
          expectedVersion: 2,
          action: "record_result",
          executedOn: "12/11/2026",
          result: "Đã giao tài sản",
        }),
        h.actor,
        "2026-11-12",
      ),
    );
    expect(done).toMatchObject({ ok: true, status: "done" });
    const [row] = await ctx.owner`select status, forces from public.steering_coercion_ops where id = ${p.opId}`;
    expect(row).toEqual({
      status: "done",
      forces: [
        { kind: "police", count: 25 },
        { kind: "local_authority", count: 8 },
      ],
    });
  });
});

describe("dates in bounds", () => {
  it("a meeting more than ten years ahead, a coercion planned for 2099 and a result dated after today are refused, naming the field", async () => {
    const m = memberA();
    const before = await count("steering_meetings");
    const meeting = MeetingSchema.parse({
      idempotencyKey: randomUUID(),
      committeeId: st.committees.a,
      heldOn: "01/01/2099",
      title: "Họp năm 2099",
    });
    expect(await asUserStep(ctx.app, m.claims, (tx) => createMeeting(tx, meeting, m.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "date_too_far_ahead", field: "heldOn" },
    });
    expect(await count("steering_meetings")).toBe(before);
    const h = headA1();
    const plan = (plannedOn: string) =>
      CoercionPlanSchema.parse({
        idempotencyKey: randomUUID(),
        caseId: ctx.fx.cases.a,
        committeeId: st.committees.a,
        plannedOn,
        place: "Thửa đất số 12, phường Lê Chân",
        plan: "Cưỡng chế giao tài sản",
        forces: [{ kind: "police", count: 5 }],
      });
    expect(await asUserStep(ctx.app, h.claims, (tx) => planCoercion(tx, plan("01/01/2099"), h.actor, TODAY))).toMatchObject({
      ok: false,
      error: { code: "date_too_far_ahead", field: "plannedOn" },
    });
    const p = await asUserStep(ctx.app, h.claims, (tx) => planCoercion(tx, plan("20/11/2026"), h.actor, TODAY));
    if (!p.ok) throw new Error(p.error.message_vi);
    const mm = memberA();
    await asUserStep(ctx.app, mm.claims, (tx) =>
      decideCoercion(
        tx,
        CoercionDecisionSchema.parse({ opId: p.opId, expectedVersion: 1, action: "approve", note: "Đồng ý" }),
        mm.actor,
        TODAY,
      ),
    );
    const future = await asUserStep(ctx.app, h.claims, (tx) =>
      decideCoercion(
        tx,
        CoercionDecisionSchema.parse({
          opId: p.opId,
          expectedVersion: 2,
          action: "record_result",
          executedOn: "20/11/2026",
          result: "Đã giao",
        }),
        h.actor,
        TODAY,
      ),
    );
    expect(future).toMatchObject({ ok: false, error: { code: "date_in_future", field: "executedOn" } });
  });

  it("the committee's threshold is at most 10^16 đồng", () => {
    const base = { committeeId: st.committees.a, expectedVersion: 1, reportCadence: "monthly", openYears: 3, failedAuctionRounds: 3 };
    expect(CommitteeSettingsSchema.safeParse({ ...base, minOutstanding: "10.000.000.000.000.000" }).success).toBe(true);
    const over = CommitteeSettingsSchema.safeParse({ ...base, minOutstanding: "10.000.000.000.000.001" });
    expect(over.success ? "" : over.error.issues[0]!.message).toMatch(/^Ngưỡng giá trị còn phải thi hành: /);
  });
});

describe("suggestions", () => {
  it("the committee's thresholds suggest the bureau's own open cases not yet on the list, with their reasons", async () => {
    const big = await newCase(ctx.fx.units.a1);
    const small = [
      { id: await takeInA1({ acceptedOn: "01/06/2026", debtor: { kind: "person", fullName: "Lê Văn Tâm" }, amount: "20.000.000" }) },
    ];
    const s = staffA();
    const list = await withClaims(ctx.app, s.claims, (tx) => suggestCandidates(tx, st.committees.a, TODAY, 500));
    const ids = list.map((x) => x.caseId);
    expect(list.find((x) => x.caseId === big)?.reasons).toEqual(["high_value", "prolonged"]);
    expect(list.find((x) => x.caseId === st.cases.corruptionA)?.reasons).toContain("corruption_economic");
    expect(ids).not.toContain(small[0]!.id); // small and recent
    expect(ids).not.toContain(ctx.fx.cases.a); // already on the list
    expect(ids).not.toContain(st.cases.proposedA); // already proposed
    expect(ids).not.toContain(st.cases.bSpare); // another province
    // Raising the threshold and the age drops the big case's reasons but keeps corruption cases.
    await ctx.owner`update public.steering_committees set min_outstanding = 500000000000, open_years = 10 where id = ${st.committees.a}`;
    try {
      const again = await withClaims(ctx.app, s.claims, (tx) => suggestCandidates(tx, st.committees.a, TODAY, 500));
      expect(again.map((x) => x.caseId)).not.toContain(big);
      expect(again.map((x) => x.caseId)).toContain(st.cases.corruptionA);
    } finally {
      await ctx.owner`update public.steering_committees set min_outstanding = 10000000000, open_years = 3 where id = ${st.committees.a}`;
    }
  });
});

describe("closed cases and the separate register", () => {
  it("a case whose request was returned has ended: neither suggested nor proposed; a case in the separate register still is", async () => {
    const returned = await newCase(ctx.fx.units.a1);
    const register = await newCase(ctx.fx.units.a1);
    await ctx.owner`update public.cases set status = 'returned' where id = ${returned}`;
    await ctx.owner`update public.cases set status = 'separate_register' where id = ${register}`;
    const s = staffA();
    const ids = (await withClaims(ctx.app, s.claims, (tx) => suggestCandidates(tx, st.committees.a, TODAY, 500))).map((x) => x.caseId);
    expect(ids).not.toContain(returned);
    expect(ids).toContain(register);
    const propose = (caseId: string) =>
      asUserStep(ctx.app, s.claims, (tx) =>
        proposeFlag(
          tx,
          ProposeFlagSchema.parse({
            idempotencyKey: randomUUID(),
            committeeId: st.committees.a,
            caseId,
            reason: "complex",
            note: "Phức tạp",
          }),
          s.actor,
          TODAY,
        ),
      );
    const refused = await propose(returned);
    expect(refused).toMatchObject({ ok: false, error: { code: "case_closed", field: "caseId" } });
    if (!refused.ok) expect(refused.error.message_vi).toMatch(/gửi lại yêu cầu/);
    expect(await propose(register)).toMatchObject({ ok: true });
  });
});

describe("suggestions from the auctions", () => {
  it("a case whose seized asset failed at auction as often as the committee's threshold is suggested for it", async () => {
    const stuck = [
      {
        id: await takeInA1({
          acceptedOn: "01/06/2026",
          judgment: {
            courtName: "Tòa án nhân dân",
            number: `${randomUUID().slice(0, 8)}/2026/KDTM-ST`,
            date: "01/05/2026",
            type: "business",
          },
          debtor: { kind: "organization", fullName: "Công ty TNHH Hải Âu" },
          amount: "900.000.000",
        }),
      },
    ];
    const caseId = stuck[0]!.id;
    const s = staffA();
    const reasons = async () =>
      (await withClaims(ctx.app, s.claims, (tx) => suggestCandidates(tx, st.committees.a, TODAY, 500))).find((x) => x.caseId === caseId)
        ?.reasons;
    expect(await reasons()).toBeUndefined(); // small, recent, no auction yet
    const [asset] = await ctx.owner<{ id: string }[]>`
      insert into public.assets (case_id, kind, description, status, latest_value, current_price, rounds_held, failed_rounds)
      values (${caseId}, 'land_use_right', 'Nhà xưởng tại Thủy Nguyên', 'at_auction', 1000000000, 810000000, 2, 2) returning id`;
    expect(await reasons()).toBeUndefined(); // two failed rounds, the threshold is three
    await ctx.owner`update public.assets set rounds_held = 3, failed_rounds = 3 where id = ${asset!.id}`;
    expect(await reasons()).toEqual(["failed_auctions"]);
  });
});

describe("committee settings", () => {
  it("members set the cadence and thresholds with a version check; another committee cannot; bad input names the field", async () => {
    const [{ version } = { version: 0 }] = await ctx.owner<
      { version: number }[]
    >`select version from public.steering_committees where id = ${st.committees.b}`;
    const form = {
      committeeId: st.committees.b,
      expectedVersion: String(version),
      reportCadence: "quarterly",
      minOutstanding: "5.000.000.000",
      openYears: "2",
      failedAuctionRounds: "4",
    };
    const bad = CommitteeSettingsSchema.safeParse({ ...form, openYears: "-1", minOutstanding: "năm tỷ" });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      const errors = steeringFieldErrors(bad.error);
      expect(errors.openYears).toMatch(/Số năm kéo dài/);
      expect(errors.minOutstanding).toMatch(/Ngưỡng giá trị/);
    }
    const a = memberA();
    expect(await asUserStep(ctx.app, a.claims, (tx) => updateCommitteeSettings(tx, CommitteeSettingsSchema.parse(form)))).toMatchObject({
      ok: false,
      error: { code: "committee_not_found" },
    });
    const b = memberB();
    expect(await asUserStep(ctx.app, b.claims, (tx) => updateCommitteeSettings(tx, CommitteeSettingsSchema.parse(form)))).toMatchObject({
      ok: true,
      version: version + 1,
    });
    expect(await asUserStep(ctx.app, b.claims, (tx) => updateCommitteeSettings(tx, CommitteeSettingsSchema.parse(form)))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    const [row] =
      await ctx.owner`select report_cadence, min_outstanding, open_years, failed_auction_rounds from public.steering_committees where id = ${st.committees.b}`;
    expect(row).toEqual({ report_cadence: "quarterly", min_outstanding: 5000000000n, open_years: 2, failed_auction_rounds: 4 });
  });
});
