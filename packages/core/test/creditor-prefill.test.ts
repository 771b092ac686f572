import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { newTrackingCode } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { requesterPrefill } from "../src/creditors/index.ts";
import { insertRequest, REQUEST_FORM_SCHEMAS } from "../src/requests/index.ts";

const ctx = useTenantFixture();
const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);

const file = (userId: string, idNumber: string, phone: string, address: string) =>
  as(userId, (tx) =>
    insertRequest(tx, {
      id: randomUUID(),
      code: newTrackingCode(),
      kind: "result_confirmation",
      channel: "online",
      requesterId: userId,
      input: REQUEST_FORM_SCHEMAS.result_confirmation.parse({
        idempotencyKey: randomUUID(),
        unitId: ctx.fx.units.a1,
        requesterName: "Nguyễn Văn Được",
        requesterIdNumber: idNumber,
        requesterPhone: phone,
        requesterAddress: address,
        content: "Đề nghị xác nhận kết quả thi hành án.",
      }),
      files: [],
    }),
  );

describe("a creditor account's new request", () => {
  it("starts from its name, its linked number and the contact details of its last request", async () => {
    const creditor = ctx.fx.users.creditor!;
    const first = `0${Date.now().toString().slice(-11)}`;
    const second = `1${Date.now().toString().slice(-11)}`;
    // No request yet and no link: the profile's name and e-mail only.
    const empty = await as(creditor, requesterPrefill);
    expect(empty).toMatchObject({ name: "creditor", email: "creditor@test.vn", idNumber: null, address: null, idNumbers: [] });

    await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                    values (${creditor}, ${first}, 'person', 'verified_channel'), (${creditor}, ${second}, 'person', 'verified_channel')`;
    await file(creditor, second, "0912000111", "Số 5 Trần Phú, Hải Phòng");
    expect(await as(creditor, requesterPrefill)).toMatchObject({
      idNumber: second,
      phone: "0912000111",
      address: "Số 5 Trần Phú, Hải Phòng",
      idNumbers: expect.arrayContaining([first, second]),
    });

    // The last request's number once its link is revoked: the number still linked instead.
    await ctx.owner`update public.creditor_links set revoked_at = now(), revoked_by = ${ctx.fx.users.clerk!} where id_number = ${second}`;
    expect(await as(creditor, requesterPrefill)).toMatchObject({ idNumber: first, idNumbers: [first] });
  });

  it("is a creditor account's only: staff get nothing", async () => {
    expect(await as(ctx.fx.users.clerk!, requesterPrefill)).toBeNull();
    expect(await as(ctx.fx.users.national_admin!, requesterPrefill)).toBeNull();
  });
});
