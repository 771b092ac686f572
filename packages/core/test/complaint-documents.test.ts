import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withClaims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import {
  RegisterLetterSchema,
  attachDocuments,
  complaintWrite,
  letterDocument,
  letterDocuments,
  registerLetter,
} from "../src/complaints/index.ts";

const ctx = useTenantFixture();
const claims = (who: string) => ({ sub: ctx.fx.users[who]!, role: "authenticated" as const });
const pdf = (text: string) => ({
  name: "don-khieu-nai.pdf",
  type: "application/pdf" as const,
  bytes: new TextEncoder().encode(`%PDF-1.4\n${text}`),
});

async function letter() {
  const parsed = RegisterLetterSchema.parse({
    idempotencyKey: randomUUID(),
    unitId: ctx.fx.units.a1,
    channel: "post",
    receivedOn: "12/10/2026",
    senderName: "Phạm Thị Lan",
    senderPhone: "0912 345 678",
    summary: "Khiếu nại việc định giá tài sản",
    content: "Tôi khiếu nại kết quả định giá.",
  });
  const r = await complaintWrite(ctx.app, claims("clerk"), (tx) => registerLetter(tx, { ...parsed, userId: ctx.fx.users.clerk! }));
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

describe("documents of a letter", () => {
  it("are attached by its handlers, all or none, listed and read back byte for byte; another province sees none", async () => {
    const id = await letter();
    const files = [pdf("một"), pdf("hai")];
    const r = await complaintWrite(ctx.app, claims("clerk"), (tx) => attachDocuments(tx, id, { title: "Đơn khiếu nại và phụ lục", files }));
    expect(r.ok).toBe(true);
    const listed = await withClaims(ctx.app, claims("province_head"), (tx) => letterDocuments(tx, id));
    expect(listed.map((d) => [d.title, d.file_name, d.size_bytes])).toEqual(
      files.map((f) => ["Đơn khiếu nại và phụ lục", f.name, f.bytes.byteLength]),
    );
    const back = await withClaims(ctx.app, claims("province_head"), (tx) => letterDocument(tx, id, listed[0]!.id));
    expect(new Uint8Array(back!.content)).toEqual(files[0]!.bytes);
    expect(await withClaims(ctx.app, claims("clerk_b"), (tx) => letterDocuments(tx, id))).toEqual([]);
    expect(await withClaims(ctx.app, claims("clerk_b"), (tx) => letterDocument(tx, id, listed[0]!.id))).toBeNull();
  });

  it("refuses another province's clerk, no file, and a file the table refuses, writing nothing", async () => {
    const id = await letter();
    const count = async () =>
      Number((await ctx.owner<{ n: bigint }[]>`select count(*) as n from public.complaint_documents where letter_id = ${id}`)[0]!.n);
    const other = await complaintWrite(ctx.app, claims("clerk_b"), (tx) => attachDocuments(tx, id, { title: "X", files: [pdf("x")] }));
    expect(other).toMatchObject({ ok: false });
    expect(await complaintWrite(ctx.app, claims("clerk"), (tx) => attachDocuments(tx, id, { title: "X", files: [] }))).toMatchObject({
      ok: false,
      field: "files",
    });
    // The second file is too large for the table: the first is not kept either.
    const huge = { ...pdf("y"), bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25) };
    expect(
      await complaintWrite(ctx.app, claims("clerk"), (tx) => attachDocuments(tx, id, { title: "X", files: [pdf("z"), huge] })),
    ).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(await count()).toBe(0);
  });
});
