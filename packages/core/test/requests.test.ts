import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asAnon } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { newTrackingCode } from "@thads/domain";
import { factorKeys, insertRequest, retriedRequestCode, submitConflict, type NewRequest } from "../src/requests/index.ts";
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
