import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

test("a page's error inside the workspace keeps the header, its navigation and the user", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.executor@demo.thads.vn");
  await expect(page).toHaveURL(/\/worklist$/);
  const answer = await page.goto("/cases/00000000-0000-4000-8000-000000000000");
  expect(answer?.status()).toBe(404);
  await expect(page.getByTestId("error-panel")).toContainText("Không tìm thấy trang");
  await expect(page.getByTestId("user-name")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  await expect(nav).toBeVisible();
  // The navigation still works from the error page.
  await nav.getByRole("link").first().click();
  await expect(page.getByTestId("error-panel")).toHaveCount(0);
});

test("a public page's error keeps the portal's header, sign-in link and language switch", async ({ page }) => {
  const answer = await page.goto("/p/khong-co-tinh-nay");
  expect(answer?.status()).toBe(404);
  await expect(page.getByTestId("error-panel")).toContainText("Không tìm thấy trang");
  await expect(page.getByRole("link", { name: "Cổng thông tin thi hành án dân sự" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
});
