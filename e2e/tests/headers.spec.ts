import { expect, test } from "@playwright/test";

test("every page carries the security headers, and security.txt says where to report", async ({ request }) => {
  for (const path of ["/login", "/p/hai-phong", "/healthz"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
  const txt = await request.get("/.well-known/security.txt");
  expect(txt.status()).toBe(200);
  const body = await txt.text();
  expect(body).toMatch(/^Contact: (mailto:|https:)\S+$/m);
  const expires = /^Expires: (\S+)$/m.exec(body)?.[1];
  expect(expires).toBeDefined();
  const days = (Date.parse(expires!) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(30);
  expect(days).toBeLessThanOrEqual(366);
});

test("pages and the browser's files are sent compressed: brotli when accepted, else gzip", async ({ request }) => {
  const login = await request.get("/login", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
  expect(login.status()).toBe(200);
  expect(login.headers()["content-encoding"]).toBe("br");
  const html = await login.text();
  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"|<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(html);
  const asset = script?.[1] ?? script?.[2];
  expect(asset).toBeDefined();
  for (const [accept, encoding] of [
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
  ] as const) {
    const res = await request.get(asset!, { headers: { "Accept-Encoding": accept } });
    expect(res.status(), accept).toBe(200);
    expect(res.headers()["content-encoding"], accept).toBe(encoding);
    expect(res.headers().vary, accept).toMatch(/Accept-Encoding/i);
    expect(res.headers()["cache-control"], accept).toContain("immutable");
  }
  const gz = await request.get("/login", { headers: { "Accept-Encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  expect(await gz.text()).toContain("<html");
});
