import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { newTrackingCode } from "@thads/domain";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { myComplaintLetters } from "../src/creditors/index.ts";

const ctx = useTenantFixture();
const as = <T>(userId: string, fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, { sub: userId, role: "authenticated" }, fn);
const code = () => newTrackingCode();
const codes = { mineB: code(), others: code(), fromRequest: code(), secret: code(), denunciation: code() };
let number = "";

const letter = async (
  unit: string,
  trackingCode: string,
  sender: string | null,
  requestId: string | null = null,
  opts: { secret?: boolean; denunciation?: boolean } = {},
) => {
  const [l] = await ctx.owner<{ id: string }[]>`
    insert into public.complaint_letters (unit_id, province_id, channel, received_on, tracking_code, idempotency_key, summary, content, request_id)
    values (${unit}, (select coalesce(province_id, id) from public.units where id = ${unit}), 'desk', current_date - 3, ${trackingCode},
            ${randomUUID()}, 'Khiếu nại việc kê biên', 'Nội dung đơn khiếu nại của người gửi.', ${requestId})
    returning id`;
  await ctx.owner`insert into public.complaint_senders (letter_id, full_name, id_number, phone, keep_identity_secret)
                  values (${l!.id}, 'Người gửi', ${sender}, '0912345678', ${opts.secret ?? false})`;
  if (opts.denunciation) {
    await ctx.owner`update public.complaint_letters set kind = 'denunciation', status = 'classified', handler_level = 'province_head'
                    where id = ${l!.id}`;
  }
};

beforeAll(async () => {
  const f = ctx.fx;
  number = `03${Date.now().toString().slice(-8)}`;
  await ctx.owner`insert into public.creditor_links (account_id, id_number, party_kind, channel)
                  values (${f.users.creditor!}, ${number}, 'organization', 'verified_channel')`;
  await letter(f.units.b1, codes.mineB, number);
  await letter(f.units.a1, codes.others, `04${Date.now().toString().slice(-8)}`);
  // Sent under the account's number by someone who asked to stay unknown, and a denunciation: not the account's to follow.
  await letter(f.units.a1, codes.secret, number, null, { secret: true });
  await letter(f.units.a1, codes.denunciation, number, null, { denunciation: true });
  // A letter registered from a request the account filed, sent under no number.
  const request = randomUUID();
  await ctx.owner`insert into public.service_requests (id, unit_id, kind, tracking_code, idempotency_key, requester_id, requester_name, factor_keys)
                  values (${request}, ${f.units.a1}, 'complaint', ${code()}, ${randomUUID()}, ${f.users.creditor!}, 'Ngân hàng A', ${["0912345678"]})`;
  await letter(f.units.a1, codes.fromRequest, null, request);
});

describe("a creditor's own complaint letters", () => {
  it("are those sent with its linked number, in any province, and those from its own requests; no one else's", async () => {
    const rows = await as(ctx.fx.users.creditor!, myComplaintLetters);
    expect(rows.map((r) => r.tracking_code).sort()).toEqual([codes.mineB, codes.fromRequest].sort());
    expect(rows.find((r) => r.tracking_code === codes.mineB)).toMatchObject({ status: "received", summary: "Khiếu nại việc kê biên" });
    // Nothing of the letter's content or its sender's details comes with it.
    expect(Object.keys(rows[0]!)).not.toContain("content");
  });

  it("are nobody's through the function but a creditor's: staff and the public get none", async () => {
    expect(await as(ctx.fx.users.clerk!, myComplaintLetters)).toEqual([]);
    expect(await as(ctx.fx.users.national_admin!, myComplaintLetters)).toEqual([]);
    await expect(
      ctx.app.begin(async (tx) => {
        await tx`select set_config('role', 'anon', true)`;
        return myComplaintLetters(tx);
      }),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("stop at the number once its link is revoked", async () => {
    await ctx.owner`update public.creditor_links set revoked_at = now(), revoked_by = ${ctx.fx.users.clerk!} where id_number = ${number}`;
    const rows = await as(ctx.fx.users.creditor!, myComplaintLetters);
    expect(rows.map((r) => r.tracking_code)).toEqual([codes.fromRequest]);
  });
});
