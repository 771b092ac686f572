import { expect, test, type Page } from "@playwright/test";
import { stableUuid } from "@thads/demo-data/prng";
import { signIn, signOut } from "./helpers.ts";

const EXECUTOR = "hai-phong.kv01.executor@demo.thads.vn";
const HEAD = "hai-phong.kv01.head@demo.thads.vn";
const executorId = stableUuid(`user:${EXECUTOR}`);
const count = (text: string) => Number(text.replace(/\D/g, ""));
/** The case list's total, from its subtitle ("339 việc"). */
const listTotal = async (page: Page) => count(await page.getByText(/^\d[\d.]*\+? việc$/).innerText());

test("the executor lands on his worklist, sees an overdue step first and opens its case", async ({ page }) => {
  await signIn(page, EXECUTOR);
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Việc của tôi");
  const overdue = count(await page.getByTestId("worklist-overdue").innerText());
  expect(overdue).toBeGreaterThan(0);
  // Every overdue case is listed, first, and the count says how many.
  await expect(page.getByTestId("worklist-group-overdue").getByTestId("worklist-row")).toHaveCount(overdue);
  const first = page.getByTestId("worklist-row").first();
  await expect(first).toHaveAttribute("data-bucket", "overdue");
  await expect(first.locator("td").nth(4)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  const buckets = await page.getByTestId("worklist-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-bucket")));
  const rank = (b: string | null) => ({ overdue: 0, this_week: 1 })[b ?? ""] ?? 2;
  expect(buckets.map(rank)).toEqual([...buckets.map(rank)].sort((a, b) => a - b));

  // The open count is the case list it opens.
  const open = count(await page.getByTestId("worklist-open").innerText());
  await page.getByRole("link", { name: /^Quá hạn: / }).click();
  await expect(page).toHaveURL(/overdue=1/);
  expect(await listTotal(page)).toBe(overdue);
  await page.goBack();

  const number = await first.getByRole("link").innerText();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);

  // His case list starts on his own cases; clearing the filter shows the unit's.
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Việc thi hành án" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases\\?executor=${executorId}$`));
  await expect(page.getByText("Đang xem các việc được phân công cho tôi.")).toBeVisible();
  const mine = await listTotal(page);
  expect(mine).toBeGreaterThanOrEqual(open);
  await page.getByRole("link", { name: "Xem tất cả việc của đơn vị" }).click();
  await expect(page).toHaveURL(/\/cases\?executor=$/);
  // The unit's list has replaced his own before its total is read.
  await expect(page.getByText("Đang xem các việc được phân công cho tôi.")).toHaveCount(0);
  expect(await listTotal(page)).toBeGreaterThan(mine);
  await signOut(page);
});

test("the head sees overdue steps by executor, and each workload figure opens a list of the same count", async ({ page }) => {
  await signIn(page, HEAD);
  await expect(page).toHaveURL(/\/unit\/P-HAI-PHONG-KV01$/);
  const row = page.getByTestId("overdue-executor").first();
  await expect(row).toBeVisible();
  const overdue = count(await row.locator("td").nth(1).innerText());
  await row.locator("td").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/open=1&overdue=1/);
  expect(await listTotal(page)).toBe(overdue);

  await page.goto("/unit/P-HAI-PHONG-KV01/workload");
  const figure = page.getByTestId("workload-open").first();
  const open = count(await figure.innerText());
  await figure.click();
  await expect(page).toHaveURL(/open=1$/);
  expect(await listTotal(page)).toBe(open);
});
