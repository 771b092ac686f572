import { expect, test } from "@playwright/test";
import { fileResultConfirmation, signIn, signOut } from "./helpers.ts";

const run = Date.now().toString(36).toUpperCase();
const CITIZEN = "creditor.citizen@demo.thads.vn";

test("a citizen is told in the app when the desk receives its request, and marks it read", async ({ page }) => {
  // The citizen files a request for a result confirmation from its account, on Hải Phòng's public form.
  await signIn(page, CITIZEN);
  await expect(page).not.toHaveURL(/\/login/);
  const code = await fileResultConfirmation(page, run, String(Date.now()).slice(-12).padStart(12, "0"));
  await signOut(page);

  // Hải Phòng's desk receives it.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/desk");
  await page.getByTestId("desk-row").filter({ hasText: code }).getByRole("link").click();
  await page.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã tiếp nhận");
  await signOut(page);

  // The citizen sees the unread count in the navigation and the notice on its page.
  await signIn(page, CITIZEN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/requests");
  await expect(page.getByTestId("unread-badge")).toBeVisible();
  await page.getByRole("link", { name: /Thông báo/ }).click();
  await expect(page).toHaveURL(/\/creditor\/notifications$/);
  const notice = page.getByTestId("notification").filter({ hasText: code });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("chuyển từ “Đã gửi, chờ tiếp nhận” sang “Đã tiếp nhận”");
  await expect(notice).toHaveAttribute("data-read", "0");

  // Marked read one by one, then all: the unread list empties and the badge goes.
  await notice.getByTestId("notification-read").click();
  await expect(page.getByRole("status")).toContainText("Đã đánh dấu 1 thông báo là đã đọc.");
  await expect(page.getByTestId("notification").filter({ hasText: code })).toHaveAttribute("data-read", "1");
  if (await page.getByTestId("notifications-read-all").count()) await page.getByTestId("notifications-read-all").click();
  await page.getByTestId("notifications-unread").click();
  await expect(page.getByTestId("notifications-empty")).toHaveText("Không có thông báo chưa đọc.");
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);

  // The e-mails can be turned off, and on again.
  await page.getByTestId("notification-email-toggle").click();
  await expect(page.getByRole("status")).toContainText("Đã tắt gửi thông báo qua thư điện tử.");
  await expect(page.getByTestId("notification-email")).toContainText("Không gửi thông báo qua thư điện tử");
  await page.getByTestId("notification-email-toggle").click();
  await expect(page.getByRole("status")).toContainText("Đã bật gửi thông báo qua thư điện tử.");

  // Another creditor account sees none of it.
  await signOut(page);
  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/creditor/notifications");
  await expect(page.getByRole("heading", { name: "Thông báo" })).toBeVisible();
  await expect(page.getByTestId("notification").filter({ hasText: code })).toHaveCount(0);
});

test("a staff account has no notifications page", async ({ page }) => {
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  const res = await page.goto("/creditor/notifications");
  expect(res?.status()).toBe(403);
});
