import { expect, test } from "@playwright/test";
import { fileResultConfirmation, signIn, signOut } from "./helpers.ts";
import { pdfPages } from "./pdf-text.ts";

test("a citizen downloads the confirmation of enforcement results the desk returned, and nobody else can", async ({ page }) => {
  const run = Date.now().toString(36).toUpperCase();
  const result = `Người phải thi hành án đã nộp đủ 150.000.000 đồng theo quyết định thi hành án số ${run}/QĐ-CTHADS.`;
  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  const code = await fileResultConfirmation(page, run, "001099000001");
  await signOut(page);

  // Hải Phòng's desk receives it and returns the result.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/desk");
  await page.getByTestId("desk-row").filter({ hasText: code }).getByRole("link").click();
  await page.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã tiếp nhận");
  await page.getByLabel("Kết quả giải quyết").fill(result);
  await page.getByRole("button", { name: "Trả kết quả" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã trả kết quả");
  await expect(page.getByTestId("confirmation-pdf")).toBeVisible();
  await signOut(page);

  // The citizen downloads it from its home: the office, the title, the result and the legal basis.
  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  const link = page.getByTestId("my-requests").locator("li").filter({ hasText: code }).getByTestId("confirmation-pdf");
  const href = (await link.getAttribute("href"))!;
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await pdfPages(await pdf.body())).flatMap((p) => p.lines).join("\n");
  expect(text).toContain("GIẤY XÁC NHẬN KẾT QUẢ THI HÀNH ÁN");
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text.replace(/\s+/g, " ")).toContain(result);
  expect(text).toContain("Căn cứ: Nghị định 152/2026/NĐ-CP");
  await signOut(page);

  // Another creditor, and another province's desk, get nothing.
  for (const email of ["creditor.company@demo.thads.vn", "ha-noi.staff@demo.thads.vn"]) {
    await signIn(page, email);
    await expect(page).not.toHaveURL(/\/login/);
    expect((await page.request.get(href)).status(), email).toBe(404);
    await page.goto("/");
    await signOut(page);
  }
});
