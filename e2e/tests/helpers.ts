import { expect, type Page } from "@playwright/test";

export const PASSWORD = "ThiHanhAn@2025";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Opens a step's form on the case page, fills it and records it; the page comes back at the case's next version. */
export async function recordStep(
  page: Page,
  name: string,
  date: string,
  fill: (form: ReturnType<Page["locator"]>) => Promise<void> = async () => {},
) {
  const form = page.locator("details", { has: page.getByText(name, { exact: true }) }).first();
  await form.locator("summary").click();
  const version = Number(await form.locator('input[name="version"]').inputValue());
  await form.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill(date);
  await fill(form);
  await form.getByRole("button", { name: `Ghi nhận: ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`\\?done=[a-z_]+&v=${version + 1}$`));
}

/**
 * Files a request for confirmation of enforcement results on Hải Phòng's public form, as whoever is
 * signed in, under `idNumber`; returns its tracking code, back on the account's home.
 */
export async function fileResultConfirmation(page: Page, run: string, idNumber: string): Promise<string> {
  await page.goto("/p/hai-phong/requests/new/xac-nhan-ket-qua");
  await page.getByLabel("Số CCCD / mã số doanh nghiệp").fill(idNumber);
  await page.getByLabel("Số điện thoại").fill(`09${String(Date.now()).slice(-8)}`);
  await page.getByLabel("Địa chỉ người yêu cầu").fill(`Số 5 Trần Phú ${run}, Hải Phòng`);
  await page.getByLabel("Nội dung yêu cầu").fill(`Đề nghị xác nhận kết quả thi hành án ${run}.`);
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  await page.goto("/requests");
  return code;
}
