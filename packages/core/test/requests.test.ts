import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asAnon } from "@thads/db";
import { caseFactories } from "@thads/test-support/cases";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { addMonths, checkLimitation, formatDateVi, newTrackingCode } from "@thads/domain";
import { IntakeSchema, asUserStep } from "../src/index.ts";
import {
  factorKeys,
  insertRequest,
  intakeFromRequest,
  retriedRequestCode,
  submitConflict,
  type NewRequest,
} from "../src/requests/index.ts";
import { REQUEST_FORM_SCHEMAS } from "../src/requests/schema.ts";

const ctx = useTenantFixture();

/** A complaint filed by the public at sub-bureau a1. */
const complaint = (idempotencyKey: string) =>
  REQUEST_FORM_SCHEMAS.complaint.parse({
    idempotencyKey,
    unitId: ctx.fx.units.a1,
    requesterName: "Nguyễn Văn An",
    requesterPhone: "0912 345 678",
    requesterAddress: "12 Lê Lợi, Hải Phòng",
    content: "Khiếu nại về việc chậm tổ chức thi hành án.",
    subject: "Quyết định thi hành án số 12/QĐ-CCTHADS",
  });

const filing = (input: NewRequest["input"], code = newTrackingCode()): NewRequest => ({
  id: randomUUID(),
  code,
  kind: "complaint",
  channel: "online",
  requesterId: null,
  input,
  files: [],
});

/** The error a filing throws, or null when it went through. */
const file = (r: NewRequest) =>
  asAnon(ctx.app, (tx) => insertRequest(tx, r)).then(
    () => null,
    (e: unknown) => e,
  );

describe("filing a public request", () => {
  it("a resent form is recognised, and its first code is given back only with the same second factor", async () => {
    const input = complaint(randomUUID());
    const first = filing(input);
    expect(await file(first)).toBeNull();
    const again = await file(filing(input));
    expect(submitConflict(again)).toBe("same_form");
    const [factor] = factorKeys(input);
    expect(await asAnon(ctx.app, (tx) => retriedRequestCode(tx, input.idempotencyKey, factor!))).toBe(first.code);
    expect(await asAnon(ctx.app, (tx) => retriedRequestCode(tx, input.idempotencyKey, "0987654321"))).toBeNull();
  });

  it("a tracking code already taken is told apart from a resent form", async () => {
    const first = filing(complaint(randomUUID()));
    expect(await file(first)).toBeNull();
    const clash = await file(filing(complaint(randomUUID()), first.code));
    expect(submitConflict(clash)).toBe("code_taken");
    expect(submitConflict(new Error("other"))).toBeNull();
  });
});

describe("taking a desk request in as a case", () => {
  const { intakeForm, claims, actor } = caseFactories(ctx);

  it("judges the limitation on the request's filing date: a late request is refused like any intake, unless an obstacle is recorded", async () => {
    // A request filed today on a judgment that took effect six years ago.
    const id = randomUUID();
    const input = REQUEST_FORM_SCHEMAS.enforcement_request.parse({
      idempotencyKey: randomUUID(),
      unitId: ctx.fx.units.a1,
      requesterName: "Ngân hàng TMCP Á Châu",
      requesterPhone: "0912 345 678",
      requesterAddress: "Quận 3, TP Hồ Chí Minh",
      content: "Đề nghị thi hành bản án phúc thẩm về tranh chấp hợp đồng tín dụng.",
      judgmentCourt: "Tòa án nhân dân thành phố Hải Phòng",
      judgmentNumber: `${id.slice(0, 6)}/2020/KDTM-PT`,
      judgmentDate: "01/01/2020",
      debtorName: "Công ty TNHH Thép Hải Long",
    });
    expect(await asAnon(ctx.app, (tx) => insertRequest(tx, { ...filing(input), id, kind: "enforcement_request" }))).toBeUndefined();
    const [req] = await ctx.owner<{ submitted_on: string }[]>`
      update public.service_requests set status = 'received', received_on = submitted_on, due_on = submitted_on + 5 where id = ${id} returning to_char(submitted_on, 'YYYY-MM-DD') as submitted_on`;
    const filedOn = req!.submitted_on;
    const effectiveOn = addMonths(filedOn, -72);
    const expected = checkLimitation({ runsFrom: effectiveOn, filedOn });
    expect(expected.late).toBe(true);
    const form = intakeForm({
      acceptedOn: formatDateVi(filedOn),
      // The form says the request came in time; the desk's filing date is the one that counts.
      requestedOn: formatDateVi(addMonths(effectiveOn, 12)),
      source: "creditor_request",
      decisionKind: "on_request",
      judgment: {
        courtName: "Tòa án nhân dân thành phố Hải Phòng",
        number: input.judgmentNumber,
        date: formatDateVi(effectiveOn),
        type: "business",
      },
    });
    const takeIn = (f: Record<string, unknown>) =>
      asUserStep(ctx.app, claims("clerk"), (tx) => intakeFromRequest(tx, IntakeSchema.parse(f), actor("clerk", "clerk"), id));
    const refused = await takeIn(form);
    expect(refused).toMatchObject({ ok: false, error: { code: "limitation_expired", field: "requestedOn" } });
    expect(refused.ok ? "" : refused.error.message_vi).toContain(`Ngày nộp đơn yêu cầu: ${formatDateVi(filedOn)}`);
    expect(refused.ok ? "" : refused.error.message_vi).toContain(expected.article);
    const [none] = await ctx.owner<{ cases: number; linked: string | null }[]>`
      select (select count(*)::int from public.cases where case_number = ${form.caseNumber as string}) as cases,
             (select case_id::text from public.service_requests where id = ${id}) as linked`;
    expect(none).toEqual({ cases: 0, linked: null });
    // Nor does calling it a case entrusted by a military-region agency take it past the limitation.
    const disguised = await takeIn({
      ...form,
      source: "transfer_in",
      fromAgency: "Phòng Thi hành án Quân khu 9",
      entrustingDecisionNumber: "09/QĐ-THA",
      entrustingDecisionOn: form.acceptedOn,
    });
    expect(disguised).toMatchObject({ ok: false, error: { code: "request_not_entrusted", field: "source" } });
    const [stillNone] = await ctx.owner<{ cases: number }[]>`
      select count(*)::int as cases from public.cases where case_number = ${form.caseNumber as string}`;
    expect(stillNone).toEqual({ cases: 0 });

    const reason = "Người được thi hành án bị phong tỏa tại vùng dịch, không thể gửi đơn (trở ngại khách quan).";
    const taken = await takeIn({
      ...form,
      limitationObstacle: reason,
      limitationObstacleFrom: formatDateVi(addMonths(effectiveOn, 24)),
      limitationObstacleTo: formatDateVi(addMonths(effectiveOn, 38)),
    });
    if (!taken.ok) throw new Error(taken.error.message_vi);
    const [linked] = await ctx.owner<{ case_id: string; payload: { limitation: Record<string, unknown> } }[]>`
      select r.case_id::text, e.payload from public.service_requests r join public.case_events e on e.case_id = r.case_id and e.kind = 'acceptance'
      where r.id = ${id}`;
    expect(linked).toMatchObject({
      case_id: taken.caseId,
      payload: { limitation: { requestedOn: filedOn, late: true, obstacle: reason } },
    });
  });

  it("the creditor party carries the requester's ID number when the intake form leaves it blank, and the form's number when it gives one", async () => {
    const take = async (formIdNumber: string | undefined) => {
      const id = randomUUID();
      const idNumber = `0${String(Date.now()).slice(-9)}${Math.floor(Math.random() * 100)
        .toString()
        .padStart(2, "0")}`;
      const input = REQUEST_FORM_SCHEMAS.enforcement_request.parse({
        idempotencyKey: randomUUID(),
        unitId: ctx.fx.units.a1,
        requesterName: "Phạm Văn Được",
        requesterIdNumber: idNumber,
        requesterAddress: "Lê Chân, Hải Phòng",
        content: "Đề nghị thi hành bản án sơ thẩm về tranh chấp hợp đồng vay tài sản.",
        judgmentCourt: "Tòa án nhân dân thành phố Hải Phòng",
        judgmentNumber: `${id.slice(0, 6)}/2025/DS-ST`,
        judgmentDate: "20/10/2025",
        debtorName: "Nguyễn Văn Nợ",
      });
      expect(await asAnon(ctx.app, (tx) => insertRequest(tx, { ...filing(input), id, kind: "enforcement_request" }))).toBeUndefined();
      const [req] = await ctx.owner<{ submitted_on: string }[]>`
        update public.service_requests set status = 'received', received_on = submitted_on, due_on = submitted_on + 5 where id = ${id}
        returning to_char(submitted_on, 'YYYY-MM-DD') as submitted_on`;
      const form = intakeForm({
        acceptedOn: formatDateVi(req!.submitted_on),
        source: "creditor_request",
        creditor: { kind: "person", fullName: "Phạm Văn Được", ...(formIdNumber === undefined ? {} : { idNumber: formIdNumber }) },
      });
      const taken = await asUserStep(ctx.app, claims("clerk"), (tx) =>
        intakeFromRequest(tx, IntakeSchema.parse(form), actor("clerk", "clerk"), id),
      );
      if (!taken.ok) throw new Error(taken.error.message_vi);
      const parties = await ctx.owner<{ role: string; id_number: string | null }[]>`
        select role::text, id_number from public.case_parties where case_id = ${taken.caseId} and role = 'creditor'`;
      return { idNumber, parties };
    };
    const blank = await take("");
    expect(blank.parties).toEqual([{ role: "creditor", id_number: blank.idNumber }]);
    const given = await take("031199000999");
    expect(given.parties).toEqual([{ role: "creditor", id_number: "031199000999" }]);
  });
});
