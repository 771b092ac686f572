import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createAppSql, withClaims } from "@thads/db";
import "@thads/test-support/provided";
import { hit, LIMITS } from "../app/routes/public/rate-limit.server.ts";

// Two pools: two app servers behind a balancer.
const serverA = createAppSql(inject("appUrl"), { max: 1 });
const serverB = createAppSql(inject("appUrl"), { max: 1 });
afterAll(async () => {
  await serverA.end();
  await serverB.end();
});
const client = () => `10.0.${Math.floor(Math.random() * 250)}.${randomUUID().slice(0, 4)}`;

describe("rate limits of the public posts", () => {
  it("answer no beyond the limit within a window, whichever app server counts, per client and per bucket", async () => {
    const c = client();
    const max = LIMITS.submit.max;
    for (let i = 0; i < max; i++) expect((await hit(i % 2 ? serverA : serverB, "submit", c)).ok).toBe(true);
    const over = await hit(serverA, "submit", c);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect((await hit(serverB, "submit", c)).ok).toBe(false);
    expect((await hit(serverA, "submit", client())).ok).toBe(true);
    expect((await hit(serverA, "track", c)).ok).toBe(true);
  });

  it("start a new window once the last one is over", async () => {
    const c = client();
    const rule = { max: 2, windowMs: 1000 };
    expect(await hit(serverA, "rate", c, rule)).toEqual({ ok: true, remaining: 1 });
    expect(await hit(serverA, "rate", c, rule)).toEqual({ ok: true, remaining: 0 });
    expect((await hit(serverA, "rate", c, rule)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await hit(serverA, "rate", c, rule)).toEqual({ ok: true, remaining: 1 });
  });

  it("are counted by the app's service path only: a signed-in user cannot read or reset them", async () => {
    const read = withClaims(serverA, { sub: randomUUID(), role: "authenticated" }, (tx) => tx`select * from app_private.request_limits`);
    await expect(read).rejects.toMatchObject({ code: "42501" });
    const reset = withClaims(serverA, { sub: randomUUID(), role: "authenticated" }, (tx) => tx`delete from app_private.request_limits`);
    await expect(reset).rejects.toMatchObject({ code: "42501" });
  });
});
