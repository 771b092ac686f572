import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

const run = Date.now().toString(36).toUpperCase();

async function templateRows(page: import("@playwright/test").Page, tag: string) {
  const template = await page.request.get("/cases/import/template?format=csv");
  expect(template.status()).toBe(200);
  const [header, example] = (await template.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const row = (n: number, amount: string) =>
    example!
      .replace("125/QĐ-THADS", `${tag}-${n}/QĐ-NHAP`)
      .replace("45/2025/DS-ST", `${tag}-${n}/2025/DS-ST`)
      .replace("150.000.000", amount);
  const csv = (rows: string[]) => Buffer.from(`${header}\n${rows.join("\n")}\n`, "utf8");
  return { row, csv };
}

test("a large import shows how far it has got while it runs, then its result", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  const { row, csv } = await templateRows(page, `${run}P`);
  const rows = Array.from({ length: 4000 }, (_, i) => row(i + 1, "12.500.000"));
  await page.goto("/cases/import");
  await page.getByLabel("Tệp (.csv, .xlsx; tối đa 20 MB)").setInputFiles({ name: "lon.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "Nhập" }).click();
  await expect(page.getByTestId("import-progress")).toContainText(/Kiểm tra: [\d.]+ \/ 4\.000 dòng/);
  await expect(page.getByTestId("import-summary")).toContainText("đã nhập 4.000 việc", { timeout: 60_000 });
  await expect(page.getByTestId("import-progress")).toHaveCount(0);
  // The first page counts 1,000 past its start ("1.000+"); the last page counts them all.
  await page.goto(`/cases?q=${encodeURIComponent(`${run}P-`)}`);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("1.000+ việc");
  await page.goto(`/cases?q=${encodeURIComponent(`${run}P-`)}&page=80`);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("4.000 việc");
  await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText("Trang 80 / 80");
  await expect(page.getByRole("link", { name: "Trang sau →" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the import form still posts and shows the result", async ({ page }) => {
    await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
    await expect(page).toHaveURL(/\/unit\//);
    const { row, csv } = await templateRows(page, `${run}N`);
    await page.goto("/cases/import");
    await page
      .getByLabel("Tệp (.csv, .xlsx; tối đa 20 MB)")
      .setInputFiles({ name: "nhap.csv", mimeType: "text/csv", buffer: csv([row(1, "7.000.000"), row(2, "8.000.000")]) });
    await page.getByRole("button", { name: "Nhập" }).click();
    await expect(page.getByTestId("import-summary")).toContainText("đã nhập 2 việc");
  });
});

test("a clerk imports a CSV: a bad row is reported by line and column and nothing is written; the fixed file imports", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  const template = await page.request.get("/cases/import/template?format=csv");
  expect(template.status()).toBe(200);
  const [header, example] = (await template.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const row = (n: number, amount: string) =>
    example!
      .replace("125/QĐ-THADS", `${run}-${n}/QĐ-NHAP`)
      .replace("45/2025/DS-ST", `${run}-${n}/2025/DS-ST`)
      .replace("150.000.000", amount);
  const csv = (rows: string[]) => Buffer.from(`${header}\n${rows.join("\n")}\n`, "utf8");

  await page.goto("/cases/import");
  await page
    .getByLabel("Tệp (.csv, .xlsx; tối đa 20 MB)")
    .setInputFiles({ name: "nhap.csv", mimeType: "text/csv", buffer: csv([row(1, "150.000.000"), row(2, "-5"), row(3, "20.000.000")]) });
  await page.getByRole("button", { name: "Nhập" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Không dòng nào được ghi.");
  const error = page.getByTestId("import-error");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("3");
  await expect(error).toContainText("so_tien");
  await expect(error).toContainText("Số tiền phải thi hành");
  await page.goto(`/cases?q=${encodeURIComponent(`${run}-1`)}`);
  await expect(page.getByTestId("case-row")).toHaveCount(0);

  await page.goto("/cases/import");
  await page.getByLabel("Tệp (.csv, .xlsx; tối đa 20 MB)").setInputFiles({
    name: "nhap.csv",
    mimeType: "text/csv",
    buffer: csv([row(1, "150.000.000"), row(2, "5.000.000"), row(3, "20.000.000")]),
  });
  await page.getByRole("button", { name: "Nhập" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("đã nhập 3 việc");
  await page.goto(`/cases?q=${encodeURIComponent(`${run}-`)}`);
  await expect(page.getByTestId("case-row")).toHaveCount(3);
});
