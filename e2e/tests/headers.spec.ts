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
