import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

test("a steering committee sees the complaints about a case it follows, and another province's member sees nothing", async ({ page }) => {
  const summary = `Khiếu nại việc kê biên chậm ${Date.now().toString(36)}`;
  await signIn(page, "hai-phong.steering@demo.thads.vn");
  await expect(page).toHaveURL(/\/steering$/);
  const row = page.getByTestId("watch-row").first();
  await expect(row).toBeVisible();
  const number = (await row.getAttribute("data-case-number"))!;
  const flagHref = (await row.locator('a[href^="/steering/flags/"]').first().getAttribute("href"))!;
  await signOut(page);

  // The province's staff register a letter about that case.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/complaints/new");
  await page.getByLabel("Số việc thi hành án liên quan (cách nhau bởi dấu phẩy)").fill(number);
  await page.getByLabel("Họ tên người gửi đơn").fill("Phạm Thị Lan");
  await page.getByLabel("Số điện thoại người gửi").fill("0912 345 678");
  await page.getByLabel("Trích yếu").fill(summary);
  await page.getByLabel("Nội dung đơn").fill("Tôi khiếu nại việc chấp hành viên chậm kê biên tài sản của người phải thi hành án.");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  await signOut(page);

  // The committee's member finds it on the flagged case's page, without the sender's details.
  await signIn(page, "hai-phong.steering@demo.thads.vn");
  await expect(page).toHaveURL(/\/steering$/);
  await page.goto(flagHref);
  const letter = page.getByTestId("flag-complaint").filter({ hasText: summary });
  await expect(letter).toHaveCount(1);
  await expect(letter).toContainText("Nhận ngày");
  await expect(page.locator("main")).not.toContainText("0912 345 678");
  await signOut(page);

  // Another province's member does not reach the flag at all.
  await signIn(page, "ha-noi.steering@demo.thads.vn");
  await expect(page).toHaveURL(/\/steering$/);
  const other = await page.goto(flagHref);
  expect(other?.status()).toBe(404);
});
