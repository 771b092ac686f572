import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { createOwnerSql, embeddedUrl } from "@thads/db";
import { PASSWORD } from "./helpers.ts";

const BASE = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const owner = createOwnerSql(embeddedUrl(Number(process.env.E2E_PG_PORT ?? 54332)), { max: 1 });
const EMAIL = "hai-phong.kv01.head@demo.thads.vn";

test.afterAll(() => owner.end());

async function anonymous(): Promise<{ ctx: APIRequestContext; csrf: string }> {
  const ctx = await newRequest.newContext({ baseURL: BASE });
  const html = await (await ctx.get("/login")).text();
  return { ctx, csrf: /name="csrf" value="([^"]+)"/.exec(html)![1]! };
}

const sessionsOf = async () =>
  Number(
    (
      await owner<{ n: number }[]>`
    select count(*)::int as n from app_private.sessions s join auth.users u on u.id = s.user_id
    where u.email = ${EMAIL} and s.revoked_at is null`
    )[0]!.n,
  );

test("sign-in with a hostile redirect target goes home, with exactly one working session", async () => {
  for (const redirectTo of [
    "/\r\nSet-Cookie: evil=1",
    "/cases\nLocation: https://evil.example",
    "/\t/evil.example",
    "/\\evil.example",
    "//evil.example",
    "/\u2028/evil.example",
    "/x\u0000",
  ]) {
    const { ctx, csrf } = await anonymous();
    const before = await sessionsOf();
    const r = await ctx.post("/login", { form: { email: EMAIL, password: PASSWORD, csrf, redirectTo }, maxRedirects: 0 });
    expect(r.status(), JSON.stringify(redirectTo)).toBe(302);
    expect(r.headers().location, JSON.stringify(redirectTo)).toBe("/");
    expect(r.headers()["set-cookie"] ?? "").not.toContain("evil");
    expect(await sessionsOf(), "one new session, and it is the one handed out").toBe(before + 1);
    const home = await ctx.get("/", { maxRedirects: 0 });
    expect(home.status()).toBe(302);
    expect(home.headers().location).not.toContain("/login");
    await ctx.dispose();
  }
});

test("sign-in keeps a plain same-site target", async () => {
  const { ctx, csrf } = await anonymous();
  const r = await ctx.post("/login", {
    form: { email: EMAIL, password: PASSWORD, csrf, redirectTo: "/cases?status=open" },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(302);
  expect(r.headers().location).toBe("/cases?status=open");
  await ctx.dispose();
});

test("the language switch never sends off-site", async () => {
  const { ctx, csrf } = await anonymous();
  for (const redirectTo of ["/\t/evil.example", "/\r\n/evil.example", "//evil.example", "https://evil.example", "/\\evil.example"]) {
    const r = await ctx.post("/lang", { form: { lang: "en", csrf, redirectTo }, maxRedirects: 0 });
    expect(r.status(), JSON.stringify(redirectTo)).toBe(302);
    expect(r.headers().location, JSON.stringify(redirectTo)).toBe("/");
  }
  await ctx.dispose();
});
