import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./helpers.ts";

const run = Date.now().toString(36).toUpperCase();
// A CCCD number no account is linked to yet (12 digits).
const CCCD = String(Date.now()).slice(-12).padStart(12, "0");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const CITIZEN = "creditor.citizen@demo.thads.vn";

test("a citizen files an enforcement request from the account, the desk links the account and takes it in, the citizen sees the case with its status", async ({
  page,
}) => {
  // The citizen chooses the province and the procedure on its home page: the public form opens with its name.
  await signIn(page, CITIZEN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/requests");
  const filing = page.getByTestId("new-filing");
  await filing.getByLabel("Tỉnh, thành phố").selectOption("hai-phong");
  await filing.getByLabel("Thủ tục").selectOption({ label: "Yêu cầu thi hành án" });
  await filing.getByRole("button", { name: "Mở biểu mẫu" }).click();
  await expect(page).toHaveURL(/\/p\/hai-phong\/requests\/new\/yeu-cau-thi-hanh-an$/);
  const name = await page.getByLabel("Họ tên người yêu cầu").inputValue();
  expect(name.length).toBeGreaterThan(0);

  await page.getByLabel("Số CCCD / mã số doanh nghiệp").fill(CCCD);
  await page.getByLabel("Số điện thoại").fill(`09${CCCD.slice(-8)}`);
  await page.getByLabel("Địa chỉ người yêu cầu").fill("Số 12 Lê Lợi, phường Ngô Quyền, thành phố Hải Phòng");
  await page.getByLabel("Tòa án đã xét xử").fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án, quyết định").fill(`${run}/2026/DS-PT`);
  await page.getByLabel("Ngày bản án, quyết định (dd/mm/yyyy)").fill("02/10/2026");
  await page.getByLabel("Tên người phải thi hành án").fill(`Công ty TNHH Vận Tải ${run}`);
  await page.getByLabel("Nội dung yêu cầu").fill("Đề nghị ra quyết định thi hành án buộc công ty trả 150.000.000 đồng theo bản án.");
  await page.locator('input[type="file"]').setInputFiles({ name: "ban-an.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  await page.goto("/requests");
  const own = page.getByTestId("my-requests").locator("li").filter({ hasText: code });
  await expect(own).toContainText("Đã gửi, chờ tiếp nhận");
  await expect(own.getByTestId("filed-by-other")).toHaveCount(0);
  await signOut(page);

  // Someone else files on the public pages with the same number and gives a phone and an address.
  const otherPhone = `08${CCCD.slice(-8)}`;
  await page.goto("/p/hai-phong/requests/new/xac-nhan-ket-qua");
  await page.getByLabel("Họ tên người yêu cầu").fill(`Trần Thị Nộp Thay ${run}`);
  await page.getByLabel("Số CCCD / mã số doanh nghiệp").fill(CCCD);
  await page.getByLabel("Số điện thoại").fill(otherPhone);
  await page.getByLabel("Địa chỉ người yêu cầu").fill(`Số 77 Cầu Đất ${run}, Hải Phòng`);
  await page.getByLabel("Nội dung yêu cầu").fill(`Đề nghị xác nhận kết quả thi hành án ${run}.`);
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const otherCode = (await page.getByTestId("tracking-code").textContent())!.trim();

  // Hải Phòng's desk receives the request, confirms the account's link and takes it in as a case.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/desk");
  await page.getByTestId("desk-row").filter({ hasText: code }).getByRole("link").click();
  await page.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã tiếp nhận");
  const linkForm = page.getByTestId("request-link-form");
  await linkForm.getByLabel("Người yêu cầu là").selectOption("person");
  await linkForm.getByRole("button", { name: "Xác nhận liên kết tài khoản người yêu cầu" }).click();
  await expect(page.getByTestId("request-link")).toContainText(`Đã liên kết với tài khoản người yêu cầu: số ${CCCD}`);
  await expect(page.getByTestId("request-link-form")).toHaveCount(0);

  await page.getByRole("link", { name: "Thụ lý thành việc thi hành án" }).click();
  const creditor = page.getByRole("group", { name: "Người được thi hành án" });
  await expect(creditor.getByLabel("Họ tên / tên tổ chức")).toHaveValue(name);
  await expect(creditor.getByLabel("Số CCCD / mã số doanh nghiệp")).toHaveValue(CCCD);
  await page.getByLabel("Số thụ lý / số quyết định").fill(`TK-${run}`);
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("150.000.000");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(page.url()).pathname.split("/").pop();
  const status = (await page.getByTestId("case-status").textContent())!.trim();
  expect(status.length).toBeGreaterThan(0);
  await signOut(page);

  // The citizen finds the case on "my cases" with the status the desk sees, and opens it.
  await signIn(page, CITIZEN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/creditor/cases?q=${encodeURIComponent(`TK-${run}`)}`);
  const row = page.getByTestId("my-case-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`TK-${run}`);
  await expect(row.getByTestId("my-case-province")).toContainText("Hải Phòng");
  await expect(row.getByTestId("my-case-status")).toHaveText(status);
  await row.getByRole("link", { name: `TK-${run}` }).click();
  await expect(page).toHaveURL(`/creditor/cases/${caseId}`);
  await expect(page.getByTestId("case-status")).toHaveText(status);

  // Its requests: its own with its status; the one someone else filed with its number, without that person's contacts.
  await page.goto("/requests");
  await expect(page.getByTestId("my-requests").locator("li").filter({ hasText: code })).toContainText("Đang giải quyết");
  const other = page.getByTestId("my-requests").locator("li").filter({ hasText: otherCode });
  await expect(other.getByTestId("filed-by-other")).toContainText(`Trần Thị Nộp Thay ${run}`);
  await expect(page.locator("main")).not.toContainText(otherPhone);
  await expect(page.locator("main")).not.toContainText(`Số 77 Cầu Đất ${run}`);
});

test("the home's filing form names a missing choice", async ({ page }) => {
  await signIn(page, CITIZEN);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/requests");
  const filing = page.getByTestId("new-filing");
  await filing.getByLabel("Tỉnh, thành phố").selectOption("hai-phong");
  await filing.getByRole("button", { name: "Mở biểu mẫu" }).click();
  await expect(page.getByText("Thủ tục: chọn một thủ tục.")).toBeVisible();
  await expect(page).toHaveURL(/\/requests\?/);
  // The seven procedures and every province are offered.
  await expect(filing.getByLabel("Thủ tục").locator("option:not([value=''])")).toHaveCount(7);
  expect(await filing.getByLabel("Tỉnh, thành phố").locator("option:not([value=''])").count()).toBeGreaterThan(1);
});
