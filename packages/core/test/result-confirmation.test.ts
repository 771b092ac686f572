import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { newTrackingCode } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { resultConfirmation } from "../src/requests/index.ts";

const ctx = useTenantFixture();
const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);

/** A result-confirmation request of the fixture's creditor in unit A1, taken to `status`. */
async function request(status: "submitted" | "received" | "returned" | "rejected", kind = "result_confirmation") {
  const code = newTrackingCode();
  const id = randomUUID();
  await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_id, requester_name,
                                                       requester_id_number, factor_keys, details)
                  values (${id}, ${ctx.fx.units.a1}, ${kind}, ${code}, ${randomUUID()}, ${ctx.fx.users.creditor!}, 'Trần Văn B', '001099123456',
                          ${["001099123456"]}, ${ctx.owner.json({ content: "Đề nghị xác nhận kết quả.", caseReference: "12/QĐ-CCTHADS" })})`;
  if (status !== "submitted") {
    await ctx.owner`update public.service_requests set status = ${status === "rejected" ? "rejected" : "received"},
                      received_on = app_private.today_vn(), due_on = app_private.today_vn() + 3,
                      result_note = ${status === "rejected" ? "Không đủ giấy tờ." : null} where id = ${id}`;
  }
  if (status === "returned") {
    await ctx.owner`update public.service_requests set status = 'returned', result_note = 'Đã thi hành xong 150.000.000 đồng.' where id = ${id}`;
  }
  return code;
}

describe("the confirmation of enforcement results", () => {
  it("is the filer's and its desk's once the result is returned, nobody else's", async () => {
    const code = await request("returned");
    const mine = await as(ctx.fx.users.creditor!, (tx) => resultConfirmation(tx, code.toLowerCase()));
    expect(mine).toMatchObject({
      tracking_code: code,
      requester_name: "Trần Văn B",
      case_reference: "12/QĐ-CCTHADS",
      result_note: "Đã thi hành xong 150.000.000 đồng.",
    });
    expect(await as(ctx.fx.users.clerk!, (tx) => resultConfirmation(tx, code))).not.toBeNull();
    expect(await as(ctx.fx.users.clerk_b!, (tx) => resultConfirmation(tx, code))).toBeNull();
    expect(await as(ctx.fx.users.executor!, (tx) => resultConfirmation(tx, code))).toBeNull();
  });

  it("does not exist before the result, for a refusal, for another procedure, or for a malformed code", async () => {
    for (const code of [
      await request("submitted"),
      await request("received"),
      await request("rejected"),
      await request("returned", "fee_exemption"),
    ]) {
      expect(await as(ctx.fx.users.creditor!, (tx) => resultConfirmation(tx, code)), code).toBeNull();
    }
    expect(await as(ctx.fx.users.creditor!, (tx) => resultConfirmation(tx, "not-a-code"))).toBeNull();
  });
});
