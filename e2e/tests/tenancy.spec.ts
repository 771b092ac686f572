import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

test("a province head cannot open another province or a national page by URL", async ({ page }) => {
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  for (const path of ["/province/ha-noi", "/unit/P-HA-NOI-KV01", "/national"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
  }
  // Its own sub-bureaus open.
  const own = await page.goto("/unit/P-HAI-PHONG-KV02");
  expect(own?.status()).toBe(200);
});

test("an executor sees only its own sub-bureau", async ({ page }) => {
  await signIn(page, "ha-noi.kv01.executor@demo.thads.vn");
  await expect(page).toHaveURL(/\/worklist$/);
  for (const path of ["/unit/P-HA-NOI-KV02", "/unit/P-HAI-PHONG-KV01", "/province/ha-noi", "/steering", "/requests"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const missing = await page.goto("/province/khong-co-tinh-nay");
  expect(missing?.status()).toBe(404);
});

test("a creditor reaches no staff page", async ({ page }) => {
  await signIn(page, "creditor.company@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  for (const path of ["/national", "/province/hai-phong", "/unit/P-HAI-PHONG-KV01"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("signed out, a workspace page sends to sign-in and back after", async ({ page }) => {
  await page.goto("/unit/P-HAI-PHONG-KV01");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Thư điện tử").fill("hai-phong.kv01.clerk@demo.thads.vn");
  await page.getByLabel("Mật khẩu").fill("ThiHanhAn@2025");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/unit\/P-HAI-PHONG-KV01$/);
});
