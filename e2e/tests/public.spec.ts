import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, recordStep as step } from "./helpers.ts";

const run = Date.now().toString(36).toUpperCase();
const PHONE = `09${String(Date.now()).slice(-8)}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function openForm(page: Page) {
  await page.goto("/p/hai-phong");
  await page.getByRole("link", { name: "Gửi yêu cầu trực tuyến" }).click();
  await page.getByRole("link", { name: "Yêu cầu thi hành án" }).click();
  await expect(page.getByRole("heading", { name: "Yêu cầu thi hành án" })).toBeVisible();
}

async function fillRequest(page: Page, name: string) {
  await page.getByLabel("Họ tên người yêu cầu").fill(name);
  await page.getByLabel("Số CCCD / mã số doanh nghiệp").fill("031190001234");
  await page.getByLabel("Số điện thoại").fill(PHONE);
  await page.getByLabel("Địa chỉ người yêu cầu").fill("Số 5 Lạch Tray, phường Ngô Quyền, thành phố Hải Phòng");
  await page.getByLabel("Tòa án đã xét xử").fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án, quyết định").fill(`${run}/2026/DS-ST`);
  await page.getByLabel("Ngày bản án, quyết định (dd/mm/yyyy)").fill("01/10/2026");
  await page.getByLabel("Tên người phải thi hành án").fill(`Công ty TNHH Hàng Hải ${run}`);
  await page.getByLabel("Địa chỉ người phải thi hành án").fill("Số 1 Điện Biên Phủ, Hải Phòng");
  await page
    .getByLabel("Nội dung yêu cầu")
    .fill("Đề nghị ra quyết định thi hành án buộc công ty trả số tiền 200.000.000 đồng theo bản án.");
}

async function track(page: Page, code: string, factor = PHONE) {
  await page.goto("/p/hai-phong/track");
  await page.getByLabel("Mã tra cứu").fill(code);
  await page.getByLabel("Số điện thoại hoặc số CCCD đã khai").fill(factor);
  await page.getByRole("button", { name: "Tra cứu" }).click();
}

test("a citizen files on Hải Phòng's page, the desk receives it, takes it in as a case and returns the result; Hà Nội never sees it", async ({
  page,
}) => {
  // Public pages: the landing page finds Hải Phòng by a former province's name, without diacritics.
  await page.goto("/p?q=hai duong");
  await expect(page.getByTestId("province-card")).toHaveCount(1);
  await page.getByRole("link", { name: "Hải Phòng" }).click();
  await expect(page.getByTestId("procedure")).toHaveCount(7);
  await expect(page.getByTestId("subunits").locator("li").first()).toBeVisible();

  await openForm(page);
  await fillRequest(page, `Nguyễn Thị Lan ${run}`);
  await page.locator('input[type="file"]').setInputFiles({ name: "ban-an.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);

  await track(page, code);
  await expect(page.getByTestId("tracked-status")).toHaveText("Đã gửi, chờ tiếp nhận");
  await expect(page.getByTestId("tracked-history").locator("li")).toHaveCount(1);

  // Hải Phòng's one-stop officer receives it.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.goto("/desk");
  await page.getByTestId("desk-row").filter({ hasText: code }).getByRole("link").click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã gửi, chờ tiếp nhận");
  await expect(page.getByTestId("request-files")).toContainText("ban-an.pdf");
  const requestUrl = page.url();
  await page.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã tiếp nhận");
  await expect(page.getByTestId("request-due")).toHaveText(/\d{2}\/\d{2}\/\d{4}/);
  const file = await page.request.get(
    await page
      .getByTestId("request-files")
      .getByRole("link")
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // … turns it into a case: the intake form comes prefilled from the request.
  await page.getByRole("link", { name: "Thụ lý thành việc thi hành án" }).click();
  await expect(page.getByLabel("Số bản án")).toHaveValue(`${run}/2026/DS-ST`);
  // The request's filing date is the request date the limitation period is judged on.
  await expect(page.getByLabel("Ngày nộp đơn yêu cầu (dd/mm/yyyy; để trống: ngày thụ lý)")).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(page.getByRole("group", { name: "Người phải thi hành án" }).getByLabel("Họ tên / tên tổ chức")).toHaveValue(
    `Công ty TNHH Hàng Hải ${run}`,
  );
  await page.getByLabel("Số thụ lý / số quyết định").fill(`YC-${run}`);
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("200.000.000");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();

  // … and returns the result.
  await page.goto(requestUrl);
  await expect(page.getByTestId("request-status")).toHaveText("Đang giải quyết");
  await expect(page.getByTestId("request-case")).toHaveAttribute("href", new URL(caseUrl).pathname);
  const back = page.locator("form", { has: page.getByRole("button", { name: "Trả kết quả" }) });
  await back.getByLabel("Kết quả giải quyết").fill(`Đã thụ lý việc thi hành án số YC-${run}.`);
  await back.getByRole("button", { name: "Trả kết quả" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Đã trả kết quả");
  await expect(page.getByTestId("request-history").locator("li")).toHaveCount(4);
  await signOut(page);

  // The citizen's status page shows each step, and the rating after close.
  await track(page, code.toLowerCase().replace(/-/g, " "));
  await expect(page.getByTestId("tracked-status")).toHaveText("Đã trả kết quả");
  await expect(page.getByTestId("tracked-history").locator("li")).toHaveCount(4);
  await expect(page.getByTestId("tracked-history")).toContainText("Đã tiếp nhận");
  await expect(page.getByTestId("tracked-history")).toContainText("Đang giải quyết");
  await expect(page.getByTestId("tracked-result")).toContainText(`YC-${run}`);
  await page.getByRole("radio", { name: "5" }).check();
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page.getByRole("status")).toHaveText("Cảm ơn Ông/Bà đã đánh giá.");

  // The ID number opens it too; another phone does not, with the same message as a wrong code.
  await track(page, code, "031190001234");
  await expect(page.getByTestId("tracked-status")).toHaveText("Đã trả kết quả");
  await track(page, code, "0900000000");
  await expect(page.getByRole("alert")).toHaveText(/Không tìm thấy yêu cầu/);

  // A Hà Nội officer never sees it.
  await signIn(page, "ha-noi.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/ha-noi$/);
  await page.goto("/desk?status=all");
  await expect(page.getByTestId("desk-row").filter({ hasText: code })).toHaveCount(0);
  expect((await page.goto(requestUrl))?.status()).toBe(404);
  expect((await page.request.get(`${new URL(requestUrl).pathname}/files/00000000-0000-0000-0000-000000000000`)).status()).toBe(404);
});

test("bad input gets clear errors and stores nothing", async ({ page }) => {
  const name = `Trần Văn Kiểm ${run}`;
  await openForm(page);
  // Missing fields: each is named.
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await expect(page.getByText("Họ tên người yêu cầu: bắt buộc nhập.")).toBeVisible();
  await expect(page.getByText("Tòa án đã xét xử: bắt buộc nhập.")).toBeVisible();
  await expect(page.getByText("Số điện thoại hoặc số CCCD: nhập ít nhất một")).toBeVisible();
  await expect(page.getByText("Tệp đính kèm: bắt buộc gửi kèm ít nhất một tệp")).toBeVisible();

  // Script in a text field.
  await fillRequest(page, name);
  await page.getByLabel("Tên người phải thi hành án").fill('<script>alert("x")</script>');
  await page.locator('input[type="file"]').setInputFiles({ name: "ban-an.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await expect(page.getByText("Tên người phải thi hành án: không được chứa mã HTML hoặc mã lệnh")).toBeVisible();

  // A file that claims to be a PDF but is not.
  await fillRequest(page, name);
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "ban-an.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await expect(page.getByRole("alert").first()).toContainText('Tệp đính kèm "ban-an.pdf": chỉ nhận tệp PDF, PNG hoặc JPEG.');

  // A file over 5 MB.
  await fillRequest(page, name);
  const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)]);
  await page.locator('input[type="file"]').setInputFiles({ name: "lon.pdf", mimeType: "application/pdf", buffer: big });
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await expect(page.getByRole("alert").first()).toContainText('Tệp đính kèm "lon.pdf": lớn hơn 5 MB.');

  // A wrong tracking code, and a malformed one: the same answer.
  await track(page, "7K3M-9QXW-A2BC-5");
  await expect(page.getByRole("alert")).toHaveText(/Không tìm thấy yêu cầu/);
  await track(page, "<script>");
  await expect(page.getByRole("alert")).toHaveText(/Không tìm thấy yêu cầu/);
  await expect(page.locator("script", { hasText: "alert" })).toHaveCount(0);
  // Read in English, the same answer is in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Tiếng Việt" })).toBeVisible();
  await page.getByLabel("Tracking code").fill("7K3M-9QXW-A2BC-5");
  await page.getByLabel("Phone or ID number given").fill(PHONE);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("alert")).toHaveText(/^No request was found with this tracking code/);
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();

  // Nothing was stored.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.goto("/desk?status=all");
  await expect(page.getByTestId("desk-row").first()).toBeVisible();
  await expect(page.getByTestId("desk-row").filter({ hasText: name })).toHaveCount(0);
});

test("a debtor classified not yet enforceable is published, and withdrawn when the case completes", async ({ page }) => {
  const debtor = `Phạm Thị Thu Hà ${run}`;
  const search = `/p/hai-phong/debtors?q=${encodeURIComponent(`pham thi thu ha ${run.toLowerCase()}`)}`;
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto("/cases/new");
  await page.getByLabel("Số thụ lý / số quyết định").fill(`CDK-${run}`);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("30.000.000");
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`CDK-${run}/2026/DS-ST`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill("01/10/2026");
  await page.getByRole("group", { name: "Người được thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill("Ngân hàng TMCP Hàng Hải");
  const d = page.getByRole("group", { name: "Người phải thi hành án" });
  await d.getByLabel("Họ tên / tên tổ chức").fill(debtor);
  await d.getByLabel("Số CCCD / mã số doanh nghiệp").fill("031190007777");
  await d.getByLabel("Địa chỉ").fill("Thôn 3, xã Tiên Lãng, thành phố Hải Phòng");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();
  await step(page, "Ra quyết định thi hành án", "07/10/2026", async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`CDK-${run}/QĐ-THADS`);
    await f.getByLabel("Hình thức").selectOption("on_request");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("30.000.000");
  });
  await signOut(page);

  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(caseUrl);
  await step(page, "Phân công chấp hành viên", "08/10/2026", async (f) => {
    await f.getByLabel("Chấp hành viên").selectOption({ index: 1 });
  });
  await step(page, "Thông báo thi hành án", "09/10/2026");
  await step(page, "Xác minh điều kiện thi hành án", "21/10/2026");
  await step(page, "Phân loại điều kiện thi hành án", "22/10/2026", async (f) => {
    await f.getByLabel("Kết quả").selectOption("not_yet_enforceable");
  });
  await expect(page.getByTestId("case-status")).toHaveText("Chưa có điều kiện thi hành");

  // Published: name, address, the obligation and the deciding bureau; not the ID number.
  await page.goto(search);
  const row = page.getByTestId("debtor-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(debtor);
  await expect(row).toContainText("Thôn 3, xã Tiên Lãng");
  await expect(row).toContainText("30.000.000");
  await expect(row).toContainText("Hải Phòng");
  await expect(row).not.toContainText("031190007777");
  // Not in another province's list.
  await page.goto(`/p/ha-noi/debtors?q=${encodeURIComponent(debtor)}`);
  await expect(page.getByTestId("debtor-row")).toHaveCount(0);

  // The debtor pays in full and the case completes: the entry is withdrawn.
  await page.goto(caseUrl);
  await step(page, "Thu tiền", "10/11/2026", async (f) => {
    await f.getByLabel("Khoản phải thi hành").selectOption("O1");
    await f.getByLabel("Số tiền thu (đồng)").fill("30.000.000");
    await f.getByLabel("Số biên lai").fill(`BL-${run}`);
    await f.getByLabel("Người nộp").fill(debtor);
    await f.getByLabel("Hình thức nộp").selectOption("cash");
  });
  await step(page, "Thi hành xong", "11/11/2026");
  await expect(page.getByTestId("case-status")).toHaveText("Thi hành xong");
  await page.goto(search);
  await expect(page.getByTestId("debtor-row")).toHaveCount(0);
});

test("province staff publish an announcement and take a walk-in request at the desk", async ({ page }) => {
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/hai-phong$/);
  await page.goto("/desk");
  await page.getByRole("link", { name: "Sửa trang công khai" }).click();
  await page.getByLabel("Tiêu đề thông báo").fill(`Lịch tiếp công dân tháng 12 ${run}`);
  await page.getByLabel("Nội dung thông báo").fill("Thứ Năm hằng tuần, 8h00–11h00, tại trụ sở.");
  await page.getByRole("button", { name: "Đăng thông báo" }).click();
  await expect(page).toHaveURL(/\?saved=1$/);
  await page.goto("/p/hai-phong");
  await expect(page.getByTestId("announcement").filter({ hasText: `Lịch tiếp công dân tháng 12 ${run}` })).toBeVisible();

  // A walk-in: the officer fills the form for the citizen; it enters the queue as a desk request.
  await page.goto("/desk");
  await page.getByRole("link", { name: "Nhận hồ sơ tại quầy" }).click();
  await page.getByRole("link", { name: "Xác nhận kết quả thi hành án" }).click();
  await expect(page.getByTestId("desk-intake")).toBeVisible();
  await page.getByLabel("Họ tên người yêu cầu").fill(`Lê Văn Quầy ${run}`);
  await page.getByLabel("Số điện thoại").fill("0987654321");
  await page.getByLabel("Địa chỉ người yêu cầu").fill("Số 9 Trần Phú, Hải Phòng");
  await page.getByLabel("Nội dung yêu cầu").fill("Đề nghị xác nhận đã nhận đủ tiền thi hành án.");
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  await page.goto("/desk");
  await expect(page.getByTestId("desk-row").filter({ hasText: code })).toContainText("(tại quầy)");
});

test("a signed-in creditor files a request and finds it among its own", async ({ page }) => {
  await signIn(page, "creditor.citizen@demo.thads.vn");
  await expect(page).toHaveURL(/\/requests$/);
  await page.goto("/p/hai-phong/requests/new/xac-nhan-ket-qua");
  await expect(page.getByLabel("Họ tên người yêu cầu")).toHaveValue("Nguyễn Văn Á");
  await page.getByLabel("Số CCCD / mã số doanh nghiệp").fill("031190005555");
  await page.getByLabel("Địa chỉ người yêu cầu").fill("Số 2 Hoàng Văn Thụ, Hải Phòng");
  await page.getByLabel("Nội dung yêu cầu").fill(`Đề nghị xác nhận kết quả thi hành án ${run}.`);
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  const code = (await page.getByTestId("tracking-code").textContent())!.trim();
  await page.goto("/requests");
  await expect(page.getByTestId("my-requests").locator("li").filter({ hasText: code })).toContainText("Đã gửi, chờ tiếp nhận");
});

test.describe("without JavaScript, the server renders the refused form", () => {
  test.use({ javaScriptEnabled: false });

  test("a request refused for a missing file comes back with what was typed, the requester's name included", async ({ page }) => {
    const name = `Lê Thị Giữ ${run}`;
    await openForm(page);
    await fillRequest(page, name);
    await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
    await expect(page.getByText("Tệp đính kèm: bắt buộc gửi kèm ít nhất một tệp")).toBeVisible();
    await expect(page.getByLabel("Họ tên người yêu cầu")).toHaveValue(name);
    await expect(page.getByLabel("Tòa án đã xét xử")).toHaveValue("Tòa án nhân dân thành phố Hải Phòng");
  });
});
