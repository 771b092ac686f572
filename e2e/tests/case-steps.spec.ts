import { expect, test, type Page } from "@playwright/test";
import { stableUuid } from "@thads/demo-data/prng";
import { signIn, signOut, recordStep as step } from "./helpers.ts";

const CLERK = "hai-phong.kv01.clerk@demo.thads.vn";
const HEAD = "hai-phong.kv01.head@demo.thads.vn";
const EXECUTOR = "hai-phong.kv01.executor@demo.thads.vn";
const executorId = stableUuid(`user:${EXECUTOR}`);
const run = Date.now().toString(36).toUpperCase();

/** Takes a case in as the signed-in clerk; returns its id. */
async function takeIn(page: Page, number: string) {
  await page.goto("/cases/new");
  await page.getByLabel("Số thụ lý / số quyết định").fill(number);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("5.000.000");
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`${number}/2026/DS-ST`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill("01/10/2026");
  await page.getByRole("group", { name: "Người được thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill("Công ty TNHH Hoa Sen");
  await page.getByRole("group", { name: "Người phải thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill(`Đỗ Văn Bước ${run}`);
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

const decide = (number: string) => async (f: ReturnType<Page["locator"]>) => {
  await f.getByLabel("Số quyết định thi hành án").fill(`${number}/QĐ-THADS`);
  await f.getByLabel("Hình thức").selectOption("on_request");
  await f.getByLabel("Số tiền phải thi hành (đồng)").fill("5.000.000");
};

test("each step is confirmed by name and case, and the timeline tells its facts", async ({ page }) => {
  const number = `STEP-${run}-1`;
  await signIn(page, CLERK);
  await expect(page).toHaveURL(/\/unit\//);
  const id = await takeIn(page, number);
  // Before the decision the case has no obligations and no receipts: a line says so instead of an empty table.
  await expect(page.getByText("Chưa có khoản phải thi hành")).toBeVisible();
  await expect(page.getByText("Chưa có khoản thu nào.")).toBeVisible();
  await expect(page.getByTestId("step-done")).toHaveCount(0);

  await step(page, "Ra quyết định thi hành án", "07/10/2026", decide(number));
  await expect(page.getByTestId("step-done")).toHaveText(`Đã ghi nhận: Ra quyết định thi hành án — việc số ${number}`);
  const decision = page.locator('[data-testid="timeline"] li[data-kind="decision"]');
  await expect(decision).toContainText(`Số quyết định: ${number}/QĐ-THADS`);
  await expect(decision).toContainText("Ngày ra quyết định: 07/10/2026");
  await expect(decision).toContainText("Phải thi hành: 5.000.000 ₫");
  await expect(page.getByTestId("obligation-row")).toHaveCount(1);
  await signOut(page);

  // The head gives the case its first executor: an assignment, not a change.
  await signIn(page, HEAD);
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(`/cases/${id}`);
  await expect(page.locator('details[data-step="executor_change"] summary')).toHaveText("Phân công chấp hành viên");
  let executorName = "";
  await step(page, "Phân công chấp hành viên", "08/10/2026", async (f) => {
    const select = f.getByLabel("Chấp hành viên");
    await select.selectOption(executorId);
    executorName = (await select.locator("option:checked").innerText()).trim();
  });
  await expect(page.getByTestId("step-done")).toHaveText(`Đã ghi nhận: Phân công chấp hành viên — việc số ${number}`);
  const assignment = page.locator('[data-testid="timeline"] li[data-kind="executor_change"]');
  await expect(assignment.getByTestId("timeline-step")).toHaveText("Phân công chấp hành viên");
  await expect(assignment).toContainText(`Chấp hành viên: ${executorName}`);
  // A later one would be a change.
  await expect(page.locator('details[data-step="executor_change"] summary')).toHaveText("Thay đổi chấp hành viên");
  await signOut(page);

  await signIn(page, EXECUTOR);
  await expect(page).toHaveURL(/\/worklist$/);
  await page.goto(`/cases/${id}`);
  await step(page, "Thông báo thi hành án", "09/10/2026");
  await expect(page.getByTestId("step-done")).toHaveText(`Đã ghi nhận: Thông báo thi hành án — việc số ${number}`);
  // A refused step keeps its error in its form, and the page confirms nothing.
  const early = page.locator('details[data-step="verification"]');
  await early.locator("summary").click();
  await early.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill("12/10/2026");
  await early.getByRole("button", { name: /Ghi nhận/ }).click();
  await expect(early.getByRole("alert")).toContainText("tự nguyện");
  await expect(page.getByTestId("step-done")).toHaveCount(0);
  await page.goto(`/cases/${id}`);

  await step(page, "Xác minh điều kiện thi hành án", "21/10/2026", async (f) => {
    await f.getByLabel("Kết quả xác minh").fill("Có tài khoản tại Ngân hàng Nông nghiệp");
  });
  await expect(page.locator('[data-testid="timeline"] li[data-kind="verification"]')).toContainText(
    "Kết quả xác minh: Có tài khoản tại Ngân hàng Nông nghiệp",
  );
  await step(page, "Phân loại điều kiện thi hành án", "22/10/2026", async (f) => {
    await f.getByLabel("Kết quả").selectOption("enforceable");
  });
  await expect(page.locator('[data-testid="timeline"] li[data-kind="classification"]')).toContainText("Kết quả: Có điều kiện thi hành");
  await step(page, "Thu tiền", "01/11/2026", async (f) => {
    await f.getByLabel("Khoản phải thi hành").selectOption("O1");
    await f.getByLabel("Số tiền thu (đồng)").fill("1234567");
    await f.getByLabel("Số biên lai").fill(`BL-${run}`);
    await f.getByLabel("Người nộp").fill(`Đỗ Văn Bước ${run}`);
    await f.getByLabel("Hình thức nộp").selectOption("cash");
  });
  await expect(page.getByTestId("step-done")).toHaveText(`Đã ghi nhận: Thu tiền — việc số ${number}`);
  const payment = page.locator('[data-testid="timeline"] li[data-kind="payment"]');
  await expect(payment).toContainText("Số tiền: 1.234.567 ₫");
  await expect(payment).toContainText(`Số biên lai: BL-${run}`);
  await expect(payment).toContainText("Hình thức nộp: Tiền mặt");
  await expect(page.getByText("Chưa có khoản thu nào.")).toHaveCount(0);

  // The confirmation takes only a known kind from the address.
  await page.goto(`/cases/${id}?done=${encodeURIComponent("<b>tampered</b>")}`);
  await expect(page.getByTestId("timeline")).toBeVisible();
  await expect(page.getByTestId("step-done")).toHaveCount(0);
  await expect(page.getByText("tampered")).toHaveCount(0);

  // In English too.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Tiếng Việt" })).toBeVisible();
  await page.goto(`/cases/${id}?done=payment`);
  await expect(page.getByTestId("step-done")).toHaveText(`Recorded: Payment collected — case no. ${number}`);
  await expect(payment).toContainText("Amount: 1.234.567 ₫");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a recorded step is confirmed after the server's redirect", async ({ page }) => {
    const number = `STEP-${run}-2`;
    await signIn(page, CLERK);
    await expect(page).toHaveURL(/\/unit\//);
    await takeIn(page, number);
    await step(page, "Ra quyết định thi hành án", "07/10/2026", decide(number));
    await expect(page.getByTestId("step-done")).toHaveText(`Đã ghi nhận: Ra quyết định thi hành án — việc số ${number}`);
    await expect(page.locator('[data-testid="timeline"] li[data-kind="decision"]')).toContainText(`Số quyết định: ${number}/QĐ-THADS`);
  });

  test("a transfer's form shows the field of the target chosen, and a refused transfer comes back on that choice", async ({ page }) => {
    const number = `STEP-${run}-3`;
    await signIn(page, CLERK);
    await expect(page).toHaveURL(/\/unit\//);
    const id = await takeIn(page, number);
    await step(page, "Ra quyết định thi hành án", "07/10/2026", decide(number));
    await signOut(page);
    await signIn(page, HEAD);
    await expect(page).toHaveURL(/\/unit\//);
    await page.goto(`/cases/${id}`);
    const form = page.locator('details[data-step="transfer"]');
    await form.locator("summary").click();
    const province = form.getByLabel("Tỉnh nhận ủy thác");
    const agency = form.getByLabel("Cơ quan thi hành án cấp quân khu nhận ủy thác");
    const military = form.getByLabel("Cơ quan thi hành án cấp quân khu", { exact: true });
    await expect(province).toBeVisible();
    await expect(agency).toBeHidden();
    await military.check();
    await expect(province).toBeHidden();
    await expect(agency).toBeVisible();
    // Refused for its date: the page is rendered anew on the agency chosen, with the name as typed.
    await form.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill("31/12/2099");
    await agency.fill("Phòng Thi hành án Quân khu 4");
    const record = form.getByRole("button", { name: "Ghi nhận: Ủy thác thi hành án" });
    await record.click();
    await expect(page.getByTestId("case-status")).toHaveText("Đã ra quyết định thi hành án");
    await expect(military).toBeChecked();
    await expect(agency).toBeVisible();
    await expect(agency).toHaveValue("Phòng Thi hành án Quân khu 4");
    await form.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill("20/10/2026");
    await record.click();
    await expect(page.getByTestId("case-status")).toHaveText("Đã ủy thác thi hành án");
    await expect(page.getByText("Đã ủy thác cho Phòng Thi hành án Quân khu 4. Hồ sơ chỉ còn để xem.")).toBeVisible();
  });
});
