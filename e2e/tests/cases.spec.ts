import { expect, test, type Page } from "@playwright/test";
import { stableUuid } from "@thads/demo-data/prng";
import { signIn, signOut, recordStep as step } from "./helpers.ts";

const EXECUTOR_EMAIL = "hai-phong.kv01.executor@demo.thads.vn";
const executorId = stableUuid(`user:${EXECUTOR_EMAIL}`);
const run = Date.now().toString(36).toUpperCase();

async function takeIn(page: Page, number: string, more: (page: Page) => Promise<void> = async () => {}) {
  await page.goto("/cases/new");
  await page.getByLabel("Số thụ lý / số quyết định").fill(number);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("150.000.000");
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`${number}/2026/DS-ST`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill("01/10/2026");
  await page.getByRole("group", { name: "Người được thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill("Ngân hàng TMCP Á Châu");
  const debtor = page.getByRole("group", { name: "Người phải thi hành án" });
  await debtor.getByLabel("Họ tên / tên tổ chức").fill(`Trần Thị Bích ${run}`);
  await debtor.getByLabel("Số CCCD / mã số doanh nghiệp").fill("031190004567");
  await more(page);
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("case-status")).toHaveText("Đã thụ lý");
  return page.url().split("/").at(-1)!;
}

test("a case from intake to completion, with its timeline and deadlines, hidden from another province", async ({ page }) => {
  // The clerk takes the case in from the judgment and enters the province's decision.
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  const id = await takeIn(page, `TEST-${run}-1`);
  await step(page, "Ra quyết định thi hành án", "07/10/2026", async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`${run}/QĐ-THADS`);
    await f.getByLabel("Hình thức").selectOption("on_request");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("150.000.000");
  });
  await expect(page.getByTestId("case-status")).toHaveText("Đã ra quyết định thi hành án");
  await signOut(page);

  // The head assigns the executor.
  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(`/cases/${id}`);
  await step(page, "Phân công chấp hành viên", "08/10/2026", async (f) => {
    await f.getByLabel("Chấp hành viên").selectOption(executorId);
  });
  await signOut(page);

  // The executor works the case to completion.
  await signIn(page, EXECUTOR_EMAIL);
  await expect(page).toHaveURL(/\/worklist$/);
  await page.goto(`/cases/${id}`);
  await step(page, "Thông báo thi hành án", "09/10/2026");
  // Verification before the voluntary period ends is refused, with the reason.
  const early = page.locator("details", { has: page.getByText("Xác minh điều kiện thi hành án", { exact: true }) }).first();
  await early.locator("summary").click();
  await early.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill("12/10/2026");
  await early.getByRole("button", { name: /Ghi nhận/ }).click();
  await expect(early.getByRole("alert")).toContainText("tự nguyện");
  await page.goto(`/cases/${id}`);
  await step(page, "Xác minh điều kiện thi hành án", "21/10/2026");
  await step(page, "Phân loại điều kiện thi hành án", "22/10/2026", async (f) => {
    await f.getByLabel("Kết quả").selectOption("enforceable");
  });
  for (const [date, amount, receipt] of [
    ["01/11/2026", "100.000.000", "BL-001"],
    ["15/11/2026", "50.000.000", "BL-002"],
  ] as const) {
    await step(page, "Thu tiền", date, async (f) => {
      await f.getByLabel("Khoản phải thi hành").selectOption("O1");
      await f.getByLabel("Số tiền thu (đồng)").fill(amount);
      await f.getByLabel("Số biên lai").fill(receipt);
      await f.getByLabel("Người nộp").fill(`Trần Thị Bích ${run}`);
      await f.getByLabel("Hình thức nộp").selectOption("bank_transfer");
    });
  }
  await expect(page.getByTestId("money-outstanding")).toHaveText("0 ₫");
  await step(page, "Thi hành xong", "16/11/2026");

  await expect(page.getByTestId("case-status")).toHaveText("Thi hành xong");
  await expect(page.getByTestId("money-collected")).toHaveText("150.000.000 ₫");
  await expect(page.getByTestId("payment-row")).toHaveCount(2);
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(9);
  await expect(page.getByTestId("timeline").locator("li").first()).toContainText("05/10/2026");
  // Decision due 5 working days after acceptance (12/10/2026), met on 07/10; notification due 3 working days after.
  const decision = page.locator('[data-testid="deadline-row"][data-kind="decision"]');
  await expect(decision).toContainText("12/10/2026");
  await expect(decision).toContainText("Đã thực hiện 07/10/2026");
  await expect(page.locator('[data-testid="deadline-row"][data-kind="notification"]')).toContainText("Đã thực hiện 09/10/2026");
  await expect(page.getByText("Quá hạn")).toHaveCount(0);
  // Search ignores diacritics and finds it by the debtor's ID number too.
  await page.goto(`/cases?q=${encodeURIComponent(`tran thi bich ${run.toLowerCase()}`)}`);
  await expect(page.getByTestId("case-row")).toHaveCount(1);
  await page.goto("/cases?q=031190004567");
  await expect(page.getByTestId("case-row").filter({ hasText: `TEST-${run}-1` })).toHaveCount(1);
  await signOut(page);

  // Another province cannot see it.
  await signIn(page, "ha-noi.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/ha-noi$/);
  const response = await page.goto(`/cases/${id}`);
  expect(response?.status()).toBe(404);
  const api = await page.request.get(`/api/v1/cases/${id}`);
  expect(api.status()).toBe(404);
});

test("a transfer to another province: the bureau receives it and gives it to an office, which acts; the sender keeps a read-only record", async ({
  page,
}) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  const id = await takeIn(page, `TEST-${run}-2`);
  await step(page, "Ra quyết định thi hành án", "07/10/2026", async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`${run}-2/QĐ-THADS`);
    await f.getByLabel("Hình thức").selectOption("on_request");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("80.000.000");
  });
  await signOut(page);

  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(`/cases/${id}`);
  // The same province is not offered; Hà Nội is.
  const transfer = page.locator("details", { has: page.getByText("Ủy thác thi hành án", { exact: true }) }).first();
  await expect(transfer.getByLabel("Tỉnh nhận ủy thác").locator("option", { hasText: "Hải Phòng" })).toHaveCount(0);
  await step(page, "Ủy thác thi hành án", "20/10/2026", async (f) => {
    await f.getByLabel("Tỉnh nhận ủy thác").selectOption({ label: "Thi hành án dân sự thành phố Hà Nội" });
  });
  await expect(page.getByTestId("case-status")).toHaveText("Đã ủy thác thi hành án");
  await expect(page.locator('[data-testid="timeline"] li[data-kind="transfer"]')).toContainText(
    "Tỉnh nhận ủy thác: Thi hành án dân sự thành phố Hà Nội",
  );
  await expect(page.getByText("Hồ sơ chỉ còn để xem.")).toBeVisible();
  await expect(page.locator("details[data-step]")).toHaveCount(0);
  await signOut(page);

  await signIn(page, "ha-noi.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/province\/ha-noi$/);
  await page.goto(`/cases?q=${encodeURIComponent(`TEST-${run}-2`)}`);
  await page.getByTestId("case-row").getByRole("link").click();
  await expect(page.getByText("Việc nhận ủy thác từ tỉnh khác.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Đã thụ lý");
  // The bureau holds the entrusted case and gives it to one of its regional offices, which decides it.
  await step(page, "Giao phòng thi hành án dân sự khu vực", "21/10/2026", async (f) => {
    const office = f.getByLabel("Phòng được giao");
    await expect(office.locator("option", { hasText: "Hải Phòng" })).toHaveCount(0);
    const kv1 = await office.locator("option", { hasText: /khu vực 1 –/ }).getAttribute("value");
    await office.selectOption(kv1!);
  });
  await expect(page.locator('[data-testid="timeline"] li[data-kind="office_assignment"]')).toContainText(
    "Phòng được giao: Phòng Thi hành án dân sự khu vực 1 –",
  );
  await expect(page.locator('details[data-step="office_assignment"]')).toHaveCount(0);
  await signOut(page);

  await signIn(page, "ha-noi.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(`/cases?q=${encodeURIComponent(`TEST-${run}-2`)}`);
  await page.getByTestId("case-row").getByRole("link").click();
  await expect(page.locator('[data-testid="timeline"] li[data-kind="acceptance"]')).toHaveCount(1);
  await step(page, "Ra quyết định thi hành án", "22/10/2026", async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`${run}/QĐ-HN`);
    await f.getByLabel("Hình thức").selectOption("on_request");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("80.000.000");
  });
  await expect(page.getByTestId("case-status")).toHaveText("Đã ra quyết định thi hành án");
});

test("a transfer to a military-region enforcement agency names the agency and ends the case here", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  const id = await takeIn(page, `TEST-${run}-QK`);
  await step(page, "Ra quyết định thi hành án", "07/10/2026", async (f) => {
    await f.getByLabel("Số quyết định thi hành án").fill(`${run}-QK/QĐ-THADS`);
    await f.getByLabel("Hình thức").selectOption("ex_officio");
    await f.getByLabel("Số tiền phải thi hành (đồng)").fill("60.000.000");
  });
  await signOut(page);

  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto(`/cases/${id}`);
  const form = page.locator('details[data-step="transfer"]');
  await form.locator("summary").click();
  // The province is asked for until the military-region agency is chosen; then its name is.
  await expect(form.getByLabel("Tỉnh nhận ủy thác")).toBeVisible();
  await form.getByLabel("Cơ quan thi hành án cấp quân khu", { exact: true }).check();
  await expect(form.getByLabel("Tỉnh nhận ủy thác")).toBeHidden();
  // A blank name is refused beside its field, and nothing is recorded.
  await form.getByLabel("Ngày thực hiện (dd/mm/yyyy)").fill("20/10/2026");
  const record = form.getByRole("button", { name: "Ghi nhận: Ủy thác thi hành án" });
  await record.click();
  await expect(form.getByText("Cơ quan thi hành án cấp quân khu nhận ủy thác: bắt buộc nhập.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Đã ra quyết định thi hành án");
  // The form stays open on the choice made; the name is given and the transfer recorded.
  await expect(form.getByLabel("Cơ quan thi hành án cấp quân khu", { exact: true })).toBeChecked();
  await form.getByLabel("Cơ quan thi hành án cấp quân khu nhận ủy thác").fill("Phòng Thi hành án Quân khu 3");
  await record.click();
  await expect(page).toHaveURL(/\?done=transfer&v=\d+$/);
  await expect(page.getByTestId("case-status")).toHaveText("Đã ủy thác thi hành án");
  await expect(page.getByText("Đã ủy thác cho Phòng Thi hành án Quân khu 3. Hồ sơ chỉ còn để xem.")).toBeVisible();
  await expect(page.locator('[data-testid="timeline"] li[data-kind="transfer"]')).toContainText(
    "Cơ quan thi hành án cấp quân khu nhận ủy thác: Phòng Thi hành án Quân khu 3",
  );
  await expect(page.locator("details[data-step]")).toHaveCount(0);
});

test("a case entrusted by a military-region agency is taken in naming the agency", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await takeIn(page, `TEST-${run}-QKV`, async (p) => {
    await expect(p.getByLabel("Cơ quan thi hành án cấp quân khu ủy thác")).toBeHidden();
    await p.getByLabel("Nguồn thụ lý").selectOption({ label: "Nhận ủy thác từ cơ quan thi hành án cấp quân khu" });
    await p.getByLabel("Cơ quan thi hành án cấp quân khu ủy thác").fill("Phòng Thi hành án Quân khu 3");
    await p.getByLabel("Số quyết định ủy thác").fill("12/QĐ-THA");
    await p.getByLabel("Ngày quyết định ủy thác (dd/mm/yyyy)").fill("02/10/2026");
  });
  await expect(page.getByTestId("transferred-from-agency")).toHaveText(
    "Việc nhận ủy thác từ Phòng Thi hành án Quân khu 3 theo Quyết định ủy thác số 12/QĐ-THA ngày 02/10/2026.",
  );
  const accepted = page.locator('[data-testid="timeline"] li[data-kind="acceptance"]');
  await expect(accepted).toContainText("Nguồn thụ lý: Nhận ủy thác");
  await expect(accepted).toContainText("Cơ quan ủy thác: Phòng Thi hành án Quân khu 3");
  await expect(accepted).toContainText("Quyết định ủy thác: số 12/QĐ-THA ngày 02/10/2026");
});

test("a stale form is refused as a conflict, and a resubmitted form records once", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  const id = await takeIn(page, `TEST-${run}-3`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const version = await page.locator('details[data-step="decision"] input[name="version"]').inputValue();
  const key = await page.locator('details[data-step="decision"] input[name="idempotencyKey"]').inputValue();
  const form = {
    csrf,
    intent: "decision",
    version,
    idempotencyKey: key,
    effectiveDate: "07/10/2026",
    decisionNumber: "X/QĐ",
    mode: "on_request",
    amount: "1.000.000",
  };
  const headers = { Origin: `http://localhost:${process.env.E2E_PORT ?? 3100}` };
  const first = await page.request.post(`/cases/${id}`, { form, headers, maxRedirects: 0 });
  expect(first.status()).toBe(302);
  const again = await page.request.post(`/cases/${id}`, { form, headers, maxRedirects: 0 });
  expect(again.status()).toBe(302); // the same key: recorded once
  const stale = await page.request.post(`/cases/${id}`, {
    form: { ...form, idempotencyKey: crypto.randomUUID() },
    headers,
    maxRedirects: 0,
  });
  expect(stale.status()).toBe(409);
  expect(await stale.text()).toContain("vừa được người khác cập nhật");
  const bad = await page.request.post(`/cases/${id}`, {
    form: { ...form, intent: "payment", amount: "-5", idempotencyKey: crypto.randomUUID() },
    headers,
    maxRedirects: 0,
  });
  expect(bad.status()).toBe(400);
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(2);
});

test("a request past the limitation period is refused naming the request date and the article; with the obstacle and enough of its days recorded it is taken in", async ({
  page,
}) => {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto("/cases/new");
  await expect(page.getByText("thời hiệu 5 năm kể từ ngày bản án có hiệu lực")).toBeVisible();
  await page.getByLabel("Số thụ lý / số quyết định").fill(`TH-${run}`);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
  await page.getByLabel("Ngày nộp đơn yêu cầu (dd/mm/yyyy; để trống: ngày thụ lý)").fill("02/10/2026");
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("80.000.000");
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`TH-${run}/2021/DS-PT`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill("14/09/2021");
  await page.getByLabel("Ngày bản án có hiệu lực (dd/mm/yyyy; để trống: ngày bản án)").fill("14/09/2021");
  await page.getByRole("group", { name: "Người được thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill(`Phạm Văn Hùng ${run}`);
  await page.getByRole("group", { name: "Người phải thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill(`Lê Thị Mai ${run}`);
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  const refusal = page.getByText(/^Ngày nộp đơn yêu cầu: 02\/10\/2026 đã quá thời hiệu yêu cầu thi hành án 5 năm/);
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Law 106/2025/QH15, Art. 34(2 ¶1)");
  await expect(page).toHaveURL(/\/cases\/new$/);
  await page
    .getByLabel("Lý do chậm yêu cầu (sự kiện bất khả kháng, trở ngại khách quan)")
    .fill("Người được thi hành án điều trị tại bệnh viện từ 01/09 đến 30/09/2026 (trở ngại khách quan).");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  // A reason alone is not enough: only the obstacle's days are not counted, so they are asked for.
  await expect(page.getByText(/^Thời gian trở ngại: nhập từ ngày và đến ngày/)).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/new$/);
  await page.getByLabel("Loại trở ngại").selectOption({ label: "Trở ngại khách quan" });
  await page.getByLabel("Trở ngại từ ngày (dd/mm/yyyy)").fill("01/09/2026");
  // Five days are too few to bring a request 18 days late back in time.
  await page.getByLabel("Trở ngại đến ngày (dd/mm/yyyy)").fill("05/09/2026");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page.getByText(/vẫn quá thời hiệu yêu cầu thi hành án sau khi không tính 5 ngày trở ngại/)).toBeVisible();
  await page.getByLabel("Trở ngại đến ngày (dd/mm/yyyy)").fill("30/09/2026");
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("case-status")).toHaveText("Đã thụ lý");
});

test.describe("without JavaScript, the server renders the refused form", () => {
  test.use({ javaScriptEnabled: false });

  test("an intake refused for a missing field names it and keeps what was typed, the acceptance date included", async ({ page }) => {
    await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
    await expect(page).toHaveURL(/\/unit\//);
    await page.goto("/cases/new");
    await page.getByLabel("Số thụ lý / số quyết định").fill(`KT-${run}`);
    await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
    await page.getByLabel("Số tiền phải thi hành (đồng)").fill("150.000.000");
    await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
    await expect(page.getByText("Tòa án: bắt buộc nhập.")).toBeVisible();
    await expect(page).toHaveURL(/\/cases\/new$/);
    await expect(page.getByLabel("Ngày thụ lý (dd/mm/yyyy)")).toHaveValue("05/10/2026");
    await expect(page.getByLabel("Số thụ lý / số quyết định")).toHaveValue(`KT-${run}`);
  });

  test("choosing an entrusted case's source shows the entrusting agency's field at once, and the case is taken in naming it", async ({
    page,
  }) => {
    await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
    await expect(page).toHaveURL(/\/unit\//);
    await takeIn(page, `KT-${run}-QKV`, async (p) => {
      const agency = p.getByLabel("Cơ quan thi hành án cấp quân khu ủy thác");
      await expect(agency).toBeHidden();
      await p.getByLabel("Nguồn thụ lý").selectOption({ label: "Nhận ủy thác từ cơ quan thi hành án cấp quân khu" });
      await expect(agency).toBeVisible();
      await agency.fill("Phòng Thi hành án Quân khu 5");
      await p.getByLabel("Số quyết định ủy thác").fill("07/QĐ-THA");
      await p.getByLabel("Ngày quyết định ủy thác (dd/mm/yyyy)").fill("03/10/2026");
    });
    await expect(page.getByTestId("transferred-from-agency")).toHaveText(
      "Việc nhận ủy thác từ Phòng Thi hành án Quân khu 5 theo Quyết định ủy thác số 07/QĐ-THA ngày 03/10/2026.",
    );
  });

  test("an agency typed, then another source chosen: the field hides and the case is taken in without it", async ({ page }) => {
    await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
    await expect(page).toHaveURL(/\/unit\//);
    await takeIn(page, `KT-${run}-QKX`, async (p) => {
      await p.getByLabel("Nguồn thụ lý").selectOption({ label: "Nhận ủy thác từ cơ quan thi hành án cấp quân khu" });
      await p.getByLabel("Cơ quan thi hành án cấp quân khu ủy thác").fill("Phòng Thi hành án Quân khu 5");
      await p.getByLabel("Nguồn thụ lý").selectOption("court_transfer");
      await expect(p.getByLabel("Cơ quan thi hành án cấp quân khu ủy thác")).toBeHidden();
    });
    await expect(page.getByTestId("case-status")).toHaveText("Đã thụ lý");
    await expect(page.getByTestId("transferred-from-agency")).toHaveCount(0);
    await expect(page.locator('[data-testid="timeline"] li[data-kind="acceptance"]')).not.toContainText("Cơ quan ủy thác");
  });
});

test("a case opens from the list inside the app without reloading the page; a modified click is the browser's", async ({ page }) => {
  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto("/cases?executor=");
  // The app's link listener is on once the page has hydrated.
  await expect(page.locator("html[data-app-links]")).toHaveCount(1);
  const link = page.getByTestId("case-row").first().getByRole("link").first();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

  const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click({ modifiers: ["ControlOrMeta"] })]);
  await expect(tab).toHaveURL(new RegExp(`${href}$`));
  await tab.close();
  await expect(page).toHaveURL(/\/cases\?executor=$/);

  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByTestId("case-status")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
