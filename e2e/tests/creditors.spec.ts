import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn, signOut } from "./helpers.ts";

test("a bank sees its cases of Hải Phòng and Hà Nội together, and no case where it is not a party", async ({ page }) => {
  // A case of Hải Phòng as the province staff list it: the first one whose creditor is not the bank.
  await signIn(page, "hai-phong.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.goto("/cases");
  // Each staff row's case number and its page.
  const staffCases = await page.getByTestId("case-row").evaluateAll((rows) =>
    rows.map((r) => {
      const a = r.querySelector('a[href^="/cases/"]');
      return { number: (a?.textContent ?? "").trim(), href: a?.getAttribute("href") ?? "" };
    }),
  );
  await signOut(page);

  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.getByTestId("my-cases-link").click();
  await expect(page).toHaveURL(/\/creditor\/cases$/);
  const provinces = await page.getByTestId("my-case-province").allTextContents();
  expect(provinces.some((p) => p.includes("Hải Phòng"))).toBe(true);
  expect(provinces.some((p) => p.includes("Hà Nội"))).toBe(true);

  // Its own case opens with the party's timeline.
  const own = page.getByTestId("my-case-row").first().getByRole("link");
  const ownHref = await own.getAttribute("href");
  await own.click();
  await expect(page).toHaveURL(ownHref ?? "");
  await expect(page.getByTestId("creditor-timeline").locator("li").first()).toBeVisible();

  // A case of the province that is not in its list is not found, and the staff's case page leads there too.
  // Every case of the bank in the province (the export is not paged, the page is), by number.
  const all = await page.request.get("/creditor/cases.csv?province=hai-phong");
  const [head, ...body] = (await all.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const col = head!.split(",").findIndex((h) => h.replace(/"/g, "") === "case_number");
  const mine = new Set(body.map((l) => l.split(",")[col]!.replace(/"/g, "")));
  expect(mine.size).toBeGreaterThan(0);
  const other = staffCases
    .find((c) => /^\/cases\/[0-9a-f-]{36}$/.test(c.href) && c.number && !mine.has(c.number))
    ?.href.split("/")
    .pop();
  expect(other).toBeTruthy();
  expect((await page.goto(`/creditor/cases/${other}`))?.status()).toBe(404);
  // The staff's case page sends it to its own page, where the case is not found either.
  expect((await page.goto(`/cases/${other}`))?.status()).toBe(404);
  await expect(page).toHaveURL(`/creditor/cases/${other}`);

  // The list filtered to one province, and its CSV.
  await page.goto("/creditor/cases?province=ha-noi");
  for (const p of await page.getByTestId("my-case-province").allTextContents()) expect(p).toContain("Hà Nội");
  const csv = await page.request.get("/creditor/cases.csv?province=hai-phong");
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain("case_number");
  expect(lines.length).toBeGreaterThan(1);
});

test("the citizen account sees its own cases in more than one province", async ({ page }) => {
  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.goto("/creditor/cases");
  const provinces = new Set(await page.getByTestId("my-case-province").allTextContents());
  expect(provinces.size).toBeGreaterThan(1);
});

test("the bank's portfolio: money outstanding by province and where the cases stand, each figure the list of exactly its cases", async ({
  page,
}) => {
  const count = async (cell: import("@playwright/test").Locator) => Number((await cell.innerText()).replace(/\D/g, ""));
  const csvRows = async (query: string) => {
    const res = await page.request.get(`/creditor/cases.csv?${query}`);
    expect(res.status()).toBe(200);
    return (await res.text()).trim().split("\r\n").length - 1;
  };
  await signIn(page, "creditor.bank@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.getByTestId("my-portfolio-link").click();
  await expect(page).toHaveURL(/\/creditor\/portfolio$/);
  const rows = page.getByTestId("portfolio-row");
  await expect(rows.nth(1)).toBeVisible();
  await expect(page.getByTestId("portfolio-chart").locator("li")).toHaveCount(await rows.count());

  // Hải Phòng's cells are the lists of their cases (the export carries every one).
  const hp = page.locator('[data-testid="portfolio-row"][data-province="hai-phong"]');
  let total = 0;
  for (const group of ["in_progress", "not_yet_enforceable", "separate_register", "closed"]) {
    const n = await count(hp.locator(`td[data-group="${group}"]`).getByTestId("portfolio-cell"));
    expect(n, group).toBe(await csvRows(`province=hai-phong&group=${group}`));
    total += n;
  }
  expect(total).toBe(await csvRows("province=hai-phong"));
  // The workbook has the same rows, with amounts that add up to the page's total outstanding.
  const wb = new ExcelJS.Workbook();
  const xlsx = await (await page.request.get("/creditor/cases.xlsx?province=hai-phong")).body();
  await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.rowCount - 3).toBe(total);
  let outstanding = 0n;
  sheet.eachRow((row, n) => {
    if (n > 3) outstanding += BigInt(String(row.getCell(8).value));
  });
  const hpOutstanding = (await hp.locator("td").last().locator("span").innerText()).replace(/\D/g, "");
  expect(outstanding.toString()).toBe(hpOutstanding);

  // The stuck cases open their list, which says what it shows.
  const idle = await count(page.getByTestId("portfolio-idle"));
  expect(idle).toBe(await csvRows("stuck=idle"));
  await page.getByTestId("portfolio-auction").getByRole("link").click();
  await expect(page).toHaveURL(/\/creditor\/cases\?stuck=auction$/);
  await expect(page.getByTestId("my-cases-drill")).toContainText("đấu giá không thành");
});

test("a citizen follows the complaint it sent at the desk from its account, and another creditor does not see it", async ({ page }) => {
  const summary = `Khiếu nại quyết định kê biên ${Date.now().toString(36)}`;
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/complaints/new");
  await page.getByLabel("Họ tên người gửi đơn").fill("Nguyễn Thị Dân");
  await page.getByLabel("Số CCCD người gửi").fill("001099000001");
  await page.getByLabel("Số điện thoại người gửi").fill("0912 345 678");
  await page.getByLabel("Trích yếu").fill(summary);
  await page.getByLabel("Nội dung đơn").fill("Tôi khiếu nại quyết định cưỡng chế kê biên tài sản của chấp hành viên.");
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  await signOut(page);

  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  const letter = page.getByTestId("my-letter").filter({ hasText: summary });
  await expect(letter).toHaveCount(1);
  await expect(letter).toContainText("Mới nhận");
  await expect(letter).toContainText("Thi hành án dân sự thành phố Hải Phòng");
  await signOut(page);

  await signIn(page, "creditor.company@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("heading", { name: "Đơn khiếu nại, tố cáo của tôi" })).toBeVisible();
  await expect(page.getByTestId("my-letter").filter({ hasText: summary })).toHaveCount(0);
});
