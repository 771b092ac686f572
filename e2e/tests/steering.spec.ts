import { expect, test, type Page } from "@playwright/test";
import { signIn as signInOnly, signOut } from "./helpers.ts";

/** Signs in and waits for the home page (so the next navigation carries the session). */
async function signIn(page: Page, email: string) {
  await signInOnly(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

const run = Date.now().toString(36).toUpperCase();
const HP_COMMITTEE = "Ban Chỉ đạo THADS thành phố Hải Phòng";
const KV01 = "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng";

/** A date n days from today in Việt Nam, as dd/mm/yyyy. */
function vnDate(days: number) {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(Date.now() + days * 86_400_000));
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The regional office's clerk takes a new case in (the case the committee will follow). */
async function takeIn(page: Page, number: string) {
  await signIn(page, "hai-phong.kv01.clerk@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await page.goto("/cases/new");
  await page.getByLabel("Số thụ lý / số quyết định").fill(number);
  await page.getByLabel("Ngày thụ lý (dd/mm/yyyy)").fill("05/10/2026");
  await page.getByLabel("Số tiền phải thi hành (đồng)").fill("85.000.000.000");
  await page.getByLabel("Tòa án", { exact: true }).fill("Tòa án nhân dân thành phố Hải Phòng");
  await page.getByLabel("Số bản án").fill(`${number}/2026/KDTM-ST`);
  await page.getByLabel("Ngày bản án (dd/mm/yyyy)").fill("01/10/2026");
  await page.getByRole("group", { name: "Người được thi hành án" }).getByLabel("Họ tên / tên tổ chức").fill("Ngân hàng TMCP Á Châu");
  await page
    .getByRole("group", { name: "Người phải thi hành án" })
    .getByLabel("Họ tên / tên tổ chức")
    .fill(`Công ty CP Thép Hải Long ${run}`);
  await page.getByRole("button", { name: "Thụ lý", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  await signOut(page);
  return id;
}

test("proposed by the province, accepted by its committee, directed to the regional office and answered", async ({ page }) => {
  const number = `BCD-${run}`;
  const caseId = await takeIn(page, number);

  // Province staff propose the case for the province committee's list.
  await signIn(page, "hai-phong.staff@demo.thads.vn");
  await page.goto(`/cases/${caseId}`);
  const propose = page.getByTestId("propose-flag");
  await propose.locator("summary").click();
  await propose.getByLabel("Ban Chỉ đạo").selectOption({ label: HP_COMMITTEE });
  await propose.getByLabel("Lý do").selectOption("high_value");
  // Without the explanation: a clear error, nothing written.
  await propose.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(page.getByTestId("propose-flag").getByRole("alert").first()).toContainText("Thuyết minh đề xuất: bắt buộc nhập.");
  await expect(page.getByTestId("case-flags")).toHaveCount(0);
  await page.getByTestId("propose-flag").getByLabel("Thuyết minh").fill("Nợ tín dụng 85 tỷ đồng, tài sản bảo đảm phức tạp");
  await page.getByTestId("propose-flag").getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(page).toHaveURL(/\?done=steering_propose$/);
  await expect(page.getByTestId("step-done")).toHaveText(`Đã gửi đề xuất đưa vào danh sách theo dõi — việc số ${number}`);
  await expect(page.getByTestId("case-flags")).toContainText("Chờ Ban Chỉ đạo xem xét");
  // The bureau's steering page lists it as awaiting the committee, and suggests other candidates by the committee's criteria.
  await page.goto("/steering/tasks");
  await expect(page.getByTestId("tenant-flag").filter({ hasText: number })).toContainText("Chờ Ban Chỉ đạo xem xét");
  await expect(page.getByTestId("suggestion").first()).toBeVisible();
  await expect(page.getByTestId("suggestion").filter({ hasText: number })).toHaveCount(0);
  await signOut(page);

  // The committee accepts it; its member now sees the case on the watchlist.
  await signIn(page, "hai-phong.steering@demo.thads.vn");
  await expect(page).toHaveURL(/\/steering$/);
  const row = page.locator(`[data-testid="watch-row"][data-case-number="${number}"]`);
  await expect(row).toHaveCount(0);
  const proposal = page.locator(`[data-testid="proposal"][data-case-number="${number}"]`);
  await proposal.getByRole("button", { name: "Tiếp nhận vào danh sách" }).click();
  await expect(page).toHaveURL(/done=accepted/);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Đã thụ lý");
  await expect(row).toContainText("85.000.000.000 ₫");
  await signOut(page);

  // Another province's committee member does not see it, not even by its address.
  await signIn(page, "ha-noi.steering@demo.thads.vn");
  await expect(page).toHaveURL(/\/steering$/);
  await expect(page.getByTestId("watch-row").first()).toBeVisible();
  await expect(row).toHaveCount(0);
  const other = await page.goto(`/cases/${caseId}`);
  expect(other?.status()).toBe(404);
  await page.goto("/steering");
  await signOut(page);

  // The committee issues a directive to the regional office.
  await signIn(page, "hai-phong.steering@demo.thads.vn");
  await row.getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(/\/steering\/flags\//);
  const flagUrl = page.url();
  await page.getByText("Ban hành ý kiến chỉ đạo").click();
  const form = page.locator('form[data-intent="steering_directive"]');
  await form.getByLabel("Nội dung ý kiến chỉ đạo").fill(`Khẩn trương xác minh tài sản bảo đảm ${run}, báo cáo Ban Chỉ đạo`);
  await form.getByLabel("Thời hạn thực hiện").fill(vnDate(-3));
  await form.getByRole("button", { name: "Ban hành" }).click();
  // No addressee and a past deadline: both refused, nothing written.
  await expect(page.locator('form[data-intent="steering_directive"]').getByRole("alert").first()).toContainText(
    "Nơi nhận ý kiến chỉ đạo: chọn đơn vị hoặc cá nhân nhận.",
  );
  await page.locator('form[data-intent="steering_directive"]').getByLabel("Đơn vị nhận").selectOption({ label: KV01 });
  await page
    .locator('form[data-intent="steering_directive"]')
    .getByLabel("Nội dung ý kiến chỉ đạo")
    .fill(`Khẩn trương xác minh tài sản bảo đảm ${run}, báo cáo Ban Chỉ đạo`);
  await page.locator('form[data-intent="steering_directive"]').getByLabel("Thời hạn thực hiện").fill(vnDate(-3));
  await page.locator('form[data-intent="steering_directive"]').getByRole("button", { name: "Ban hành" }).click();
  await expect(page.locator('form[data-intent="steering_directive"]').getByRole("alert").first()).toContainText(
    "Thời hạn thực hiện ý kiến chỉ đạo không được là ngày đã qua.",
  );
  await expect(page.getByTestId("directive")).toHaveCount(0);
  await page.locator('form[data-intent="steering_directive"]').getByLabel("Đơn vị nhận").selectOption({ label: KV01 });
  await page
    .locator('form[data-intent="steering_directive"]')
    .getByLabel("Nội dung ý kiến chỉ đạo")
    .fill(`Khẩn trương xác minh tài sản bảo đảm ${run}, báo cáo Ban Chỉ đạo`);
  await page.locator('form[data-intent="steering_directive"]').getByLabel("Thời hạn thực hiện").fill(vnDate(14));
  await page.locator('form[data-intent="steering_directive"]').getByRole("button", { name: "Ban hành" }).click();
  await expect(page).toHaveURL(/done=steering_directive/);
  await expect(page.getByTestId("directive")).toHaveCount(1);
  await expect(page.getByTestId("directive-state")).toHaveText("Đang thực hiện");

  // The committee gives a week more, and must say why.
  await page.getByText("Sửa ý kiến chỉ đạo").click();
  const revise = page.locator('form[data-intent="steering_revise"]');
  await revise.getByLabel("Thời hạn thực hiện").fill(vnDate(21));
  await revise.getByRole("button", { name: "Lưu sửa đổi" }).click();
  await expect(page.locator('form[data-intent="steering_revise"]').getByRole("alert").first()).toContainText("Lý do sửa");
  await page.locator('form[data-intent="steering_revise"]').getByLabel("Thời hạn thực hiện").fill(vnDate(21));
  await page.locator('form[data-intent="steering_revise"]').getByLabel("Lý do sửa").fill("Chờ kết quả thẩm định giá");
  await page.locator('form[data-intent="steering_revise"]').getByRole("button", { name: "Lưu sửa đổi" }).click();
  await expect(page).toHaveURL(/done=steering_revise/);
  await expect(page.getByTestId("directive")).toContainText(`Thời hạn ${vnDate(21)}`);
  await expect(page.getByTestId("directive-revision")).toContainText("Chờ kết quả thẩm định giá");
  await signOut(page);

  // The regional office's head sees it at home and in the task list, and answers.
  await signIn(page, "hai-phong.kv01.head@demo.thads.vn");
  await expect(page).toHaveURL(/\/unit\//);
  await expect(page.getByTestId("directives-callout")).toBeVisible();
  await page.getByTestId("directives-callout").getByRole("link", { name: "Xem nhiệm vụ" }).click();
  await expect(page).toHaveURL(/\/steering\/tasks$/);
  const task = page.getByTestId("directive").filter({ hasText: `tài sản bảo đảm ${run}` });
  await expect(task).toHaveCount(1);
  await task.getByLabel("Nội dung trả lời").fill("Đã xác minh: tài sản bảo đảm là quyền sử dụng đất tại Lê Chân, đang định giá.");
  await task.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(page).toHaveURL(/\/steering\/tasks\?done=answer$/);
  await expect(task.getByTestId("directive-state")).toHaveText("Đã trả lời");

  // The office also posts this month's progress and submits a coercion plan for approval.
  await page.goto(flagUrl);
  await page.getByText("Gửi báo cáo tiến độ", { exact: true }).click();
  await page.getByLabel("Nội dung báo cáo").fill("Đã làm việc với ngân hàng và người phải thi hành án về tài sản bảo đảm.");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page).toHaveURL(/done=steering_report/);
  await expect(page.getByTestId("report-row")).toHaveCount(1);
  await page.getByText("Trình kế hoạch cưỡng chế", { exact: true }).click();
  const plan = page.locator('form[data-intent="steering_coercion_plan"]');
  await plan.getByLabel("Ngày cưỡng chế dự kiến").fill(vnDate(10));
  await plan.getByLabel("Địa điểm").fill("Nhà xưởng số 5, phường Lê Chân");
  await plan.getByLabel("Phương án").fill("Cưỡng chế kê biên nhà xưởng, bảo vệ hiện trường");
  await plan.getByLabel("Số người").first().fill("25");
  await plan.getByRole("button", { name: "Trình Ban Chỉ đạo" }).click();
  await expect(page).toHaveURL(/done=steering_coercion_plan/);
  await expect(page.getByTestId("coercion-status")).toHaveText("Chờ phê duyệt");
  await signOut(page);

  // The committee sees the answer and the report, and approves the plan; the case's timeline shows it.
  await signIn(page, "hai-phong.steering@demo.thads.vn");
  await page.goto(flagUrl);
  await expect(page.getByTestId("directive-state")).toHaveText("Đã trả lời");
  await expect(page.getByTestId("directive-answer")).toContainText("đang định giá");
  await expect(page.getByTestId("report-row")).toHaveCount(1);
  await page.getByTestId("coercion-op").getByRole("button", { name: "Phê duyệt", exact: true }).click();
  await expect(page.getByTestId("coercion-status")).toHaveText("Đã phê duyệt");
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId("timeline").locator('[data-kind="coercion_operation"]')).toContainText("Công an: 25");
  // The briefing pack, printable.
  await page.goto("/steering");
  await page.getByRole("link", { name: "Tài liệu họp (bản in / PDF)" }).click();
  await expect(page.locator(`[data-testid="briefing-item"]`, { hasText: number })).toHaveCount(1);
  await page.goto("/steering");
  await signOut(page);
});

test("the national anti-corruption member sees flagged asset-recovery cases from several provinces", async ({ page }) => {
  await signIn(page, "anticorruption.steering@demo.thads.vn");
  await expect(page).toHaveURL(/\/steering$/);
  const rows = page.getByTestId("watch-row");
  await expect(rows.first()).toBeVisible();
  const provinces = new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-province"))));
  expect(provinces.size).toBeGreaterThan(1);
  // Every case on the list is open to this member (read-only), and its timeline shows.
  await rows.first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Hồ sơ việc thi hành án và diễn biến →" }).click();
  await expect(page.getByTestId("case-status")).toBeVisible();
  await expect(page.getByText("Bạn chỉ có quyền xem việc này.")).toBeVisible();
  // The briefing pack downloads as a workbook.
  await page.goto("/steering");
  const download = page.waitForEvent("download");
  await page.getByTestId("briefing-xlsx").click();
  expect((await download).suggestedFilename()).toMatch(/^tai-lieu-hop-ban-chi-dao-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await signOut(page);
});

test("the directorate sees every committee's list and overdue directives per province", async ({ page }) => {
  await signIn(page, "national.viewer@demo.thads.vn");
  await page.goto("/steering/national");
  await expect(page.getByTestId("committee-row")).toHaveCount(35);
  expect(Number(await page.getByTestId("stat-overdue").innerText())).toBeGreaterThan(0);
  await expect(page.getByTestId("province-overdue").first()).toBeVisible();
  await signOut(page);
});
